using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Needs;

/// <summary>
/// 回访: after a need is resolved, a worker asks the requester and records their satisfaction (1–5: 非常不满意 … 非常满意) and
/// comment on their behalf, with the follow-up note; the need becomes 已回访. The requester may rate it themself on the
/// residents' page instead (<see cref="RateNeed"/>). Failures: invalid; not found; conflict (not resolved, or changed meanwhile).
/// </summary>
public static class FollowUpNeed
{
    public sealed record Request
    {
        [Label("满意度", "Satisfaction")] public int? Satisfaction { get; init; }
        [Label("评价意见", "Comment")] public string? Comment { get; init; }
        [Label("回访记录", "Follow-up note")] public string? Note { get; init; }
        [Label("版本", "Version")] public int? Version { get; init; }
    }

    public sealed record FollowedUp(Guid Id, NeedStatus Status, int Version);

    public static Errors Validate(Request r) => Rating(new Errors(), r.Satisfaction, r.Comment)
        .Text("note", r.Note, "回访记录", "The follow-up note", 0, 500, required: false);

    /// <summary>The rating's rules, shared with the requester's own rating: 1 to 5, a comment of at most 500 characters.</summary>
    public static Errors Rating(Errors errors, int? satisfaction, string? comment)
    {
        if (satisfaction is not (>= 1 and <= 5)) errors.Add("satisfaction", Lang.T("请选择满意度（1–5 星）", "Choose the satisfaction (1 to 5 stars)"));
        return errors.Text("comment", comment, "评价意见", "The comment", 0, 500, required: false);
    }

    public static async Task<Result<FollowedUp>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid id, Request r, CancellationToken ct = default)
    {
        var need = await db.Set<Need>().FirstOrDefaultAsync(n => n.Id == id, ct);
        if (need is null) return Failure.NotFound();
        var errors = Validate(r);
        if (errors.Any) return errors.ToFailure();
        if (NeedSaves.Stale(need, r.Version) is { } stale) return stale;
        if (NeedRules.Refusal(need.Status, NeedStatus.FollowedUp) is { } refusal) return Failure.Conflict(refusal);
        var now = clock.GetUtcNow();
        need.Rate(r.Satisfaction!.Value, r.Comment?.Trim() ?? "", RatedBy.Worker);
        need.MoveTo(NeedStatus.FollowedUp, now);
        db.Add(new NeedStep(need, NeedStatus.FollowedUp, now, user.Id, await Workers.NameAsync(db, user, ct), r.Note?.Trim() ?? ""));
        if (await NeedSaves.SaveAsync(db, ct) is { } conflict) return conflict;
        return new FollowedUp(need.Id, need.Status, need.Version);
    }
}
