using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Volunteers.Activities;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Hours;

/// <summary>
/// 我的服务时长: the signed-in volunteer's hours — final (the stars, with the way to the next one by the rules of where they live), posted
/// (may still be disputed), and the records newest first with what each allows. 404 for an account without a registration.
/// </summary>
public static class MyHours
{
    /// <param name="CanDispute">Posted, within its posting period and not answered before (<see cref="HourRecord.CanDispute"/>).</param>
    public sealed record Row(Guid Id, Guid? ActivityId, string OrganizerName, string Content, DateOnly ServiceDate, DateTimeOffset StartedAt, DateTimeOffset EndedAt,
        int Minutes, HourRecordKind Kind, HourRecordStatus Status, DateOnly FinalOn, Guid? CorrectsId, string Reason, string DisputeReason, string DisputeAnswer,
        bool CanDispute);

    /// <param name="FinalMinutes">累计有效时长, whole minutes.</param>
    /// <param name="PostedMinutes">公示中 and 有异议 minutes, not yet counted.</param>
    public sealed record Response(string VolunteerNo, string Name, int FinalMinutes, int PostedMinutes, VolunteerStars.StarProgress Stars,
        IReadOnlyList<int> StarThresholdHours, int PostingDays, PageOf<Row> Records);

    public static async Task<Result<Response>> Handle(AppDb db, CurrentUser user, TimeProvider clock, int? page, int? size, CancellationToken ct = default)
    {
        if (await SignUpForShift.MineAsync(db, user, ct) is not { } me) return Failure.NotFound();
        var rules = await VolunteerRules.ForAreaAsync(db, me.AreaCode, ct);
        var mine = db.Set<HourRecord>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(r => r.VolunteerId == me.Id);
        var posted = await mine.Where(r => r.Status != HourRecordStatus.Final).SumAsync(r => r.Minutes, ct);
        var found = await mine.OrderByDescending(r => r.ServiceDate).ThenByDescending(r => r.RecordedAt).ThenBy(r => r.Id).ToPageAsync(page, size, ct);
        return new Response(me.VolunteerNo, me.Name, me.FinalMinutes, posted, VolunteerStars.Progress(me.FinalMinutes, rules), rules.StarThresholdHours,
            rules.PostingDays, new PageOf<Row>(Rows(found.Items, clock), found.Total, found.Page, found.Size));
    }

    public static List<Row> Rows(IReadOnlyList<HourRecord> items, TimeProvider clock)
    {
        var today = ChinaTime.Today(clock);
        return items.Select(r => new Row(r.Id, r.ActivityId, r.OrganizerName, r.Content, r.ServiceDate, r.StartedAt, r.EndedAt, r.Minutes, r.Kind,
            r.Status, r.FinalOn, r.CorrectsId, r.Reason, r.DisputeReason, r.DisputeAnswer, r.CanDispute(today))).ToList();
    }
}
