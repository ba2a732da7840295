using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 发布: a draft call becomes 已发布 — on the public pages, and taking applications from its opening to its deadline. A call whose
/// deadline has passed is refused (409: change the timetable first); not a draft any more 409; another area's 404.
/// </summary>
public static class PublishCompetition
{
    public sealed record Published(Guid Id, CompetitionStatus Status, DateTimeOffset PublishedAt, int Version);

    public static async Task<Result<Published>> Handle(AppDb db, TimeProvider clock, Guid id, CancellationToken ct = default)
    {
        if (await db.Set<Competition>().FirstOrDefaultAsync(c => c.Id == id, ct) is not { } call) return Failure.NotFound();
        var now = clock.GetUtcNow();
        if (call.Status != CompetitionStatus.Draft)
            return Failure.Conflict(Lang.T($"该申报通知{Competition.StatusLabel(call.Status)}，只有草稿可以发布", $"This call is {Competition.StatusLabel(call.Status).ToLowerInvariant()}: only a draft can be published"));
        if (now >= call.ClosesAt)
            return Failure.Conflict(Lang.T($"申报截止时间（{ChinaTime.Format(call.ClosesAt)}）已过，请先修改申报时间再发布",
                $"The deadline ({ChinaTime.Format(call.ClosesAt)}) has passed: change the timetable before publishing"));
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
