using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Needs;

/// <summary>
/// 满意度评价: the requester rates their own resolved need on the residents' page, by its number and their mobile number
/// (<see cref="TrackNeed.FindAsync"/>): 1–5 and a comment; the need becomes 已回访, rated by the requester. Once rated, the
/// rating stands (409). Rate-limited as the look-up. Written as the resident (the audit names the masked phone).
/// </summary>
public static class RateNeed
{
    public sealed record Request
    {
        [Label("需求编号", "Need number")] public string? NeedNo { get; init; }
        [Label("手机号码", "Mobile number")] public string? Phone { get; init; }
        [Label("满意度", "Satisfaction")] public int? Satisfaction { get; init; }
        [Label("评价意见", "Comment")] public string? Comment { get; init; }
    }

    public sealed record Rated(string NeedNo, NeedStatus Status, int Satisfaction);

    public static Errors Validate(Request r)
    {
        var errors = TrackNeed.Validate(new TrackNeed.Request { NeedNo = r.NeedNo, Phone = r.Phone });
        return FollowUpNeed.Rating(errors, r.Satisfaction, r.Comment);
    }

    public static async Task<Result<Rated>> Handle(AppDb db, Sealer sealer, TimeProvider clock, ResidentLimits limits, string? origin, Request r, CancellationToken ct = default)
    {
        var errors = Validate(r);
        if (errors.Any) return errors.ToFailure();
        var found = await TrackNeed.FindAsync(db, sealer, limits, origin, new TrackNeed.Request { NeedNo = r.NeedNo, Phone = r.Phone }, ct);
        if (!found.IsOk) return found.Failure!;
        var need = found.Value!;
        if (need.Satisfaction is not null) return Failure.Conflict(Lang.T("该需求已评价过满意度", "This need has been rated already"));
        if (NeedRules.Refusal(need.Status, NeedStatus.FollowedUp) is { } refusal)
            return Failure.Conflict(need.Status < NeedStatus.Resolved ? Lang.T("需求解决后才能评价满意度", "A need is rated once it is resolved") : refusal);
        var now = clock.GetUtcNow();
        var masked = need.RequesterPhone?.Masked ?? "";
        db.ActingAs(CurrentUser.Resident(masked, need.AreaCode, origin));
        need.Rate(r.Satisfaction!.Value, r.Comment?.Trim() ?? "", RatedBy.Requester);
        need.MoveTo(NeedStatus.FollowedUp, now);
        db.Add(new NeedStep(need, NeedStatus.FollowedUp, now, null, need.RequesterName, ""));
        if (await NeedSaves.SaveAsync(db, ct) is { } conflict) return conflict;
        return new Rated(need.NeedNo, need.Status, need.Satisfaction!.Value);
    }
}
