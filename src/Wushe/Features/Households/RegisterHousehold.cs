using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Households;

/// <summary>
/// 登记家庭户: a household of a community or village in the user's scope, with its address and its members (one of them the
/// head), each by the rules of <see cref="ResidentFields"/>. All or nothing: one bad member saves nothing, and each error
/// names its member (<c>members[1].idNumber</c>). A new household has no card yet and is visited quarterly until it gets one.
/// </summary>
public static class RegisterHousehold
{
    public sealed record Request(
        [Label("所属社区（村）", "Community")] string? AreaCode,
        [Label("家庭住址", "Address")] string? Address,
        [Label("成员", "Members")] List<ResidentFields>? Members,
        [Label("包户社工", "Responsible worker")] Guid? WorkerId = null);

    public sealed record Registered(Guid Id, List<Guid> Members);

    public const int MaxMembers = 20;

    /// <summary>The request's own rules, without the database.</summary>
    public static Errors Validate(Request r, DateOnly today)
    {
        var errors = new Errors();
        errors.Add("areaCode", CheckArea(r.AreaCode));
        errors.Text("address", r.Address, "家庭住址", "Address", 2, 200);
        if (r.Members is not { Count: > 0 }) errors.Add("members", Lang.T("请至少登记一名家庭成员（户主）", "Register at least one member: the head"));
        else if (r.Members.Count > MaxMembers) errors.Add("members", Lang.T($"家庭成员不能超过 {MaxMembers} 人", $"At most {MaxMembers} members"));
        else
        {
            for (var i = 0; i < r.Members.Count; i++) (r.Members[i] ?? new ResidentFields(null, null, null, null)).Validate(errors, today, $"members[{i}].");
            if (r.Members.Count(m => m?.Relation == Relation.Head) != 1)
                errors.Add("members", Lang.T("家庭成员中须有且仅有一名户主", "Exactly one member must be the head"));
            var ids = r.Members.Where(m => !string.IsNullOrWhiteSpace(m?.IdNumber)).GroupBy(m => m!.IdNumber!.Trim().ToUpperInvariant()).Where(g => g.Count() > 1);
            if (ids.Any()) errors.Add("members", Lang.T("同一身份证号码填写了两次", "The same ID number is given twice"));
        }
        return errors;
    }

    /// <summary>A household lives in a community or a village (a 12-digit code of the fifth level).</summary>
    public static string? CheckArea(string? code) =>
        string.IsNullOrWhiteSpace(code) ? Lang.T("请选择所属社区（村）", "Please choose the community or village")
        : AreaCode.Check(code) is { } message ? message
        : AreaCode.LevelOf(code.Trim()) != AreaLevel.Village ? Lang.T("家庭户须登记在社区（村）一级", "A household belongs to a community or village")
        : null;

    /// <summary>What <see cref="CheckAsync"/> found for a request that passed: the area, the worker, each member's normalised ID number and tags.</summary>
    public sealed record Checked(string AreaCode, Workers.Worker? Worker, string?[] Ids, List<Guid>[] Tags);

    public static async Task<Result<Registered>> Handle(AppDb db, CurrentUser user, Sealer sealer, TimeProvider clock, Request r, CancellationToken ct = default)
    {
        var (errors, ok) = await CheckAsync(db, sealer, ChinaTime.Today(clock), r, user.Id, ct: ct);
        if (ok is null) return errors.ToFailure();
        var registered = Add(db, user, sealer, await Workers.NameAsync(db, user, ct), clock.GetUtcNow(), r, ok);
        // The same person registered twice at the same moment: the unique keyed hash refuses the second.
        if (await db.SaveOrFindDuplicateAsync(ct) is { } columns)
            return columns.Contains("IdNumberHash")
                ? Failure.Duplicate("idNumber", Lang.T("该身份证号码已登记", "This ID number is already registered"))
                : UniqueKeys.Conflict();
        return registered;
    }

    /// <summary>
    /// Every rule of a registration — the request's own (<see cref="Validate"/>), the area in the user's scope, the worker, each
    /// member's ID number once on the platform and tags visible to the area — without saving: the errors, or what was found.
    /// The Excel import checks each household of a file by it (one rule, one place).
    /// </summary>
    /// <param name="registrar">Who registers: with no worker chosen, the household is theirs to visit when they may be its
    /// responsible worker (a station worker of the township or staff of the community, <see cref="Workers.CandidatesAsync"/>),
    /// so that it is in their My visits at once.</param>
    /// <param name="candidates">The responsible-worker candidates already read, by community code (the import checks many
    /// households of a few communities and reads each community's candidates once); null reads them every time.</param>
    public static async Task<(Errors Errors, Checked? Ok)> CheckAsync(AppDb db, Sealer sealer, DateOnly today, Request r, Guid? registrar = null,
        Dictionary<string, List<Workers.Worker>>? candidates = null, CancellationToken ct = default)
    {
        var errors = Validate(r, today);
        var area = errors.Has("areaCode") ? null : await db.Areas.FirstOrDefaultAsync(a => a.Code == r.AreaCode!.Trim(), ct);
        if (area is null && !errors.Has("areaCode")) errors.Add("areaCode", Lang.T("所选社区（村）不存在或不在您的管辖范围内", "The community does not exist or lies outside your area"));
        var worker = await Workers.CheckAsync(db, r.WorkerId, area?.Code, errors, ct);
        if (r.WorkerId is null && registrar is { } me && area is not null)
        {
            if (candidates is null || !candidates.TryGetValue(area.Code, out var known))
            {
                known = await Workers.CandidatesAsync(db, area.Code, ct);
                candidates?.Add(area.Code, known);
            }
            worker = known.FirstOrDefault(w => w.Id == me);
        }
        var members = r.Members ?? [];
        var ids = new string?[members.Count];
        var tags = new List<Guid>[members.Count];
        for (var i = 0; i < members.Count && area is not null; i++)
        {
            var prefix = $"members[{i}].";
            ids[i] = await ResidentFields.CheckIdNumberAsync(db, sealer, members[i]?.IdNumber, null, errors, prefix, ct);
            tags[i] = await ResidentFields.CheckTagsAsync(db, area.Code, members[i]?.Tags, members[i]?.BirthDate, today, errors, prefix, ct);
        }
        return errors.Any ? (errors, null) : (errors, new Checked(area!.Code, worker, ids, tags));
    }

    /// <summary>Adds the household and its members of a request that passed <see cref="CheckAsync"/> to <paramref name="db"/> (the caller saves).</summary>
    public static Registered Add(AppDb db, CurrentUser user, Sealer sealer, string userName, DateTimeOffset now, Request r, Checked ok)
    {
        var members = r.Members!;
        var household = new Household(ok.AreaCode, r.Address!.Trim(), now);
        if (ok.Worker is not null) household.AssignWorker(ok.Worker.Id, ok.Worker.Name);
        db.Add(household);
        var created = new List<Guid>();
        for (var i = 0; i < members.Count; i++)
        {
            var m = members[i]!;
            var resident = new Resident(household, m.Name!.Trim(), m.Sex!.Value, m.BirthDate!.Value, m.Relation!.Value, now);
            m.ApplyTo(db, sealer, resident, ok.Ids[i], ok.Tags[i], user, userName, now);
            db.Add(resident);
            created.Add(resident.Id);
            if (m.Relation == Relation.Head) household.SetHead(resident.Name);
        }
        household.SetMemberCount(members.Count);
        return new Registered(household.Id, created);
    }
}
