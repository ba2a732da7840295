using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Accounts;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 添加评审专家: an account holding the 评审专家 role (from anywhere: experts have no area) joins a call's panel with their name as the
/// notice prints it (the account's name unless given) and their unit. Once per call (also when two additions race: the unique index);
/// refused once the shortlist is on notice, decided or the call withdrawn (409). Another area's call 404.
/// </summary>
public static class AddCompetitionJudge
{
    public sealed record Request
    {
        [Label("专家账号", "Expert account")] public Guid? UserId { get; init; }
        /// <summary>姓名 as printed (2–20); empty: the account's display name.</summary>
        [Label("姓名", "Name")] public string? Name { get; init; }
        [Label("工作单位", "Unit")] public string? Unit { get; init; }
    }

    public sealed record Added(Guid Id, Guid UserId, string Name, string Unit);

    public static Errors Validate(Request r)
    {
        var errors = new Errors().Text("unit", r.Unit, "工作单位", "Unit", 2, 100);
        if (r.UserId is null || r.UserId == Guid.Empty) errors.Add("userId", Lang.T("请选择评审专家账号", "Choose the expert's account"));
        if (!string.IsNullOrWhiteSpace(r.Name)) errors.PersonName("name", r.Name, 2, 20);
        return errors;
    }

    public static async Task<Result<Added>> Handle(AppDb db, TimeProvider clock, Guid callId, Request r, CancellationToken ct = default)
    {
        if (await db.Set<Competition>().FirstOrDefaultAsync(c => c.Id == callId, ct) is not { } call) return Failure.NotFound();
        var errors = Validate(r);
        if (errors.Any) return errors.ToFailure();
        if (PanelRefusal(call) is { } refusal) return Failure.Conflict(refusal);
        var expert = await db.Set<User>().AsNoTracking().Where(u => u.Id == r.UserId && !u.IsDisabled && db.RoleAssignments.Any(a => a.UserId == u.Id && a.Role == Role.Expert))
            .Select(u => new { u.Id, u.DisplayName }).FirstOrDefaultAsync(ct);
        if (expert is null) return Failure.Invalid("userId", Lang.T("所选账号不存在、已停用或不是评审专家", "The account does not exist, is disabled or is not an expert"));
        if (await db.Set<CompetitionJudge>().AnyAsync(j => j.CompetitionId == callId && j.UserId == expert.Id, ct)) return Duplicate();
        var name = string.IsNullOrWhiteSpace(r.Name) ? expert.DisplayName.Trim() : r.Name.Trim();
        if (name.Length > 50) name = name[..50];
        var judge = new CompetitionJudge(call, expert.Id, name, r.Unit!.Trim(), clock.GetUtcNow());
        db.Add(judge);
        if (await db.SaveOrFindDuplicateAsync(ct) is { } columns) return columns.Contains(nameof(CompetitionJudge.UserId)) ? Duplicate() : UniqueKeys.Conflict();
        return new Added(judge.Id, judge.UserId, judge.Name, judge.Unit);
    }

    static Failure Duplicate() => Failure.Duplicate("userId", Lang.T("该专家已在本次评审专家名单中", "This expert is on the panel already"));

    /// <summary>Why the panel cannot change now: the shortlist posted, the awards decided or the call withdrawn; null while it can.</summary>
    public static string? PanelRefusal(Competition call) => call.Status switch
    {
        CompetitionStatus.Draft or CompetitionStatus.Published => null,
        _ => Lang.T($"该公益创投{Competition.StatusLabel(call.Status)}，评审专家名单不能再变更", $"This call is {Competition.StatusLabel(call.Status).ToLowerInvariant()}: its panel cannot change"),
    };
}
