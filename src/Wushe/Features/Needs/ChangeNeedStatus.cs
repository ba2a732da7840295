using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Needs;

/// <summary>
/// 受理 / 不予受理 / 开始办理 / 解决 / 办结 — a step of a need in the user's scope: to Accepted (受理: the handler is the user unless
/// another worker of the area is named; the resolution deadline starts from now, by the area's limits), Rejected (a reason,
/// 2–500 characters), InProgress, Resolved (the outcome, 2–1000 characters) or Closed (after the follow-up). Matching and the
/// follow-up have their own use cases (<see cref="MatchNeed"/>, <see cref="FollowUpNeed"/>). Each step is a
/// <see cref="NeedStep"/> (timed, with the user's name) and an audit record. Failures: invalid (fields); not found (out of
/// scope); conflict (409: the life cycle does not allow it — <see cref="NeedRules.Refusal"/> — or the need changed meanwhile).
/// The staff of a social organization a need was referred to (a <see cref="NeedMatch"/> naming their organization,
/// <see cref="ReferredNeeds"/>) take the organization's steps by the same rule: from 对接 to 办理中 and to 解决, with a note; any
/// other need is 404 to them, any other step 409. The need lies in its community, outside their scope: it is found by that match
/// and the step is saved acting at the need's area, for these rows only.
/// </summary>
public static class ChangeNeedStatus
{
    public sealed record Request
    {
        /// <summary>Accepted, Rejected, InProgress, Resolved or Closed.</summary>
        [Label("办理环节", "Step")] public NeedStatus? To { get; init; }
        [Label("办理意见", "Note")] public string? Note { get; init; }
        /// <summary>On acceptance: the worker responsible (a station worker or community staff member of the need's area); the user when none.</summary>
        [Label("承办人", "Handler")] public Guid? HandlerId { get; init; }
        /// <summary>The need's version the user saw; a stale one is 409.</summary>
        [Label("版本", "Version")] public int? Version { get; init; }
    }

    public sealed record Changed(Guid Id, NeedStatus Status, int Version);

    static readonly NeedStatus[] Steps = [NeedStatus.Accepted, NeedStatus.Rejected, NeedStatus.InProgress, NeedStatus.Resolved, NeedStatus.Closed];

    public static Errors Validate(Request r)
    {
        var errors = new Errors();
        if (r.To is not { } to || !Steps.Contains(to))
            errors.Add("to", Lang.T("请选择办理环节：受理、不予受理、开始办理、解决或办结", "Choose the step: accept, reject, start, resolve or close"));
        else if (to == NeedStatus.Rejected) errors.Text("note", r.Note, "不予受理的原因", "The reason for rejecting", 2, 500);
        else if (to == NeedStatus.Resolved) errors.Text("note", r.Note, "办理结果", "The outcome", 2, 1000);
        else errors.Text("note", r.Note, "办理意见", "The note", 0, 500, required: false);
        return errors;
    }

    public static async Task<Result<Changed>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid id, Request r, CancellationToken ct = default)
    {
        var organization = Organizations.OrganizationAccess.Own(user);
        var need = organization is { } own
            ? await ReferredNeeds.MatchedTo(db, own).FirstOrDefaultAsync(n => n.Id == id, ct)
            : user.Active?.Role == Role.OrganizationStaff ? null : await db.Set<Need>().FirstOrDefaultAsync(n => n.Id == id, ct);
        if (need is null) return Failure.NotFound();
        var errors = Validate(r);
        Workers.Worker? handler = null;
        if (r.To == NeedStatus.Accepted && r.HandlerId is not null)
        {
            // The rule of who may carry a need is the worker rule of households; its message is named by this request's field.
            var checking = new Errors();
            handler = await Workers.CheckAsync(db, r.HandlerId, need.AreaCode, checking, ct);
            if (checking.Any) errors.Add("handlerId", Lang.T("请选择本镇（街道）社工站社工或本社区工作人员作为承办人", "Choose a station social worker of the township or a staff member of the community as the handler"));
        }
        if (errors.Any) return errors.ToFailure();
        if (NeedSaves.Stale(need, r.Version) is { } stale) return stale;
        var to = r.To!.Value;
        if (NeedRules.Refusal(need.Status, to, organization) is { } refusal) return Failure.Conflict(refusal);
        if (organization is { } acting && await Organizations.OrganizationAccess.ActingRefusalAsync(db, acting, ct) is { } halted) return Failure.Conflict(halted);

        var now = clock.GetUtcNow();
        var name = await Workers.NameAsync(db, user, ct);
        var note = r.Note?.Trim() ?? "";
        DateTimeOffset? resolveBy = null;
        if (to == NeedStatus.Accepted)
        {
            resolveBy = now.AddDays((await NeedRules.LimitsFor(db, need.AreaCode, ct)).ResolveDays(need.Urgency));
            need.AssignHandler(handler?.Id ?? user.Id, handler?.Name ?? name);
        }
        need.MoveTo(to, now, to is NeedStatus.Rejected or NeedStatus.Resolved ? note : null, resolveBy);
        db.Add(new NeedStep(need, to, now, user.Id, name, note));
        if (organization is not null)
            db.ActingAs(new CurrentUser(user.Id, user.UserName, [new Assignment(Role.OrganizationStaff, need.AreaCode, "", organization)], null) { Origin = user.Origin });
        try
        {
            if (await NeedSaves.SaveAsync(db, ct) is { } conflict) return conflict;
        }
        finally
        {
            db.ActingAs(user);
        }
        return new Changed(need.Id, need.Status, need.Version);
    }
}
