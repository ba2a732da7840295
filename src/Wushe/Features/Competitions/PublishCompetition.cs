using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wushe.Data;
using Wushe.Features.Charity;
using Wushe.Platform;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 发布: a draft call becomes 已发布 — on the public pages, and taking applications from its opening to its deadline. A call whose
/// deadline has passed is refused (409: change the timetable first); not a draft any more 409; another area's 404. A call paid by a
/// community fund is published only when the fund can pay its pool today (<see cref="AwardFunding.PoolRefusalAsync"/>: the fund active,
/// its committee able to decide, the pool within its available balance — 409 naming both amounts). Nothing is reserved at publishing:
/// the fund keeps its money for other uses until the awards are confirmed, when each award is reserved under the fund's lock
/// (<see cref="ConfirmAwards"/>; ADR 0018).
/// </summary>
public static class PublishCompetition
{
    public sealed record Published(Guid Id, CompetitionStatus Status, DateTimeOffset PublishedAt, int Version);

    public static async Task<Result<Published>> Handle(AppDb db, TimeProvider clock, IOptions<CharityOptions> options, Guid id, CancellationToken ct = default)
    {
        if (await db.Set<Competition>().FirstOrDefaultAsync(c => c.Id == id, ct) is not { } call) return Failure.NotFound();
        var now = clock.GetUtcNow();
        if (call.Status != CompetitionStatus.Draft)
            return Failure.Conflict(Lang.T($"该申报通知{Competition.StatusLabel(call.Status)}，只有草稿可以发布", $"This call is {Competition.StatusLabel(call.Status).ToLowerInvariant()}: only a draft can be published"));
        if (now >= call.ClosesAt)
            return Failure.Conflict(Lang.T($"申报截止时间（{ChinaTime.Format(call.ClosesAt)}）已过，请先修改申报时间再发布",
                $"The deadline ({ChinaTime.Format(call.ClosesAt)}) has passed: change the timetable before publishing"));
        if (call.FundId is { } fundId && await AwardFunding.PoolRefusalAsync(db, options.Value, fundId, call.PoolFen, ChinaTime.Today(clock), ct) is { } refused)
            return refused.Kind == FailureKind.NotFound
                ? Failure.Conflict(Lang.T("出资的社区慈善基金不在您的管辖范围内，不能发布", "The community fund paying the call lies outside your area: it cannot be published"))
                : refused;
        call.Publish(now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CompetitionRules.Stale;
        }
        return new Published(call.Id, call.Status, now, call.Version);
    }
}
