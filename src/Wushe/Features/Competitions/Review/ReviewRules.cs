using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// What the review's use cases share: when a call is under review (after its deadline, while published: the notice ends the review),
/// and how a judge finds their own assignments — by their account, outside the area scope (a judge's role has none), never another's.
/// </summary>
public static class ReviewRules
{
    /// <summary>The review runs from the deadline until the notice is posted.</summary>
    public static bool UnderReview(Competition call, DateTimeOffset now) => call.Status == CompetitionStatus.Published && now >= call.ClosesAt;

    /// <summary>Why the review is not open now (409), or null when it is.</summary>
    public static Failure? NotUnderReview(Competition call, DateTimeOffset now) =>
        ApplicationRules.ClosedRefusal(call) is { } withdrawn ? Failure.Conflict(withdrawn)
        : call.Status == CompetitionStatus.Published && now < call.ClosesAt
            ? Failure.Conflict(Lang.T("申报尚未截止，截止后才能开始评审", "Applications are still open: the review begins after the deadline"))
            : call.Status != CompetitionStatus.Published
                ? Failure.Conflict(Lang.T($"该公益创投当前为“{Competition.StatusLabel(call.Status)}”，评审已结束或未开始", $"The call is {Competition.StatusLabel(call.Status)}: there is no review now"))
                : null;

    /// <summary>A judge's recusal: the application is no longer theirs to read or score.</summary>
    public static Failure Recused => new(FailureKind.NotFound, Lang.T("您已声明回避，不能查看该申报项目及其评分", "You declared a conflict of interest: this application and its scores are closed to you"));

    public static Failure RecusedConflict => Failure.Conflict(Lang.T("您已声明回避，不能对该申报项目评分", "You declared a conflict of interest: you cannot score this application"));

    public static Failure Stale => Failure.Conflict(Lang.T("该评分记录已被更新，请刷新后重试", "This assignment was changed meanwhile; reload and try again"));

    /// <summary>The scores of the judge's own assignments, outside the area scope (the judge's account decides, not an area).</summary>
    public static IQueryable<CompetitionScore> Mine(AppDb db, CurrentUser user)
    {
        var me = user.Id ?? Guid.Empty;
        var judges = db.Set<CompetitionJudge>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(j => j.UserId == me).Select(j => j.Id);
        return db.Set<CompetitionScore>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(s => judges.Contains(s.JudgeId));
    }

    /// <summary>Criterion i's error when a score is out of its range.</summary>
    public static string OutOfRange(RubricCriterion c) =>
        Lang.T($"“{c.Name}”的评分应为0至{c.MaxScore}之间的整数", $"The score of \"{c.Name}\" is a whole number from 0 to {c.MaxScore}");
}
