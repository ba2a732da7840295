using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Volunteers.Activities;
using Wushe.Features.Volunteers.Points;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Hours;

/// <summary>
/// 志愿服务信用记录 (the Dongying report: service enters a personal credit record tied to points and stars): a volunteer's record over
/// time — per year (China dates of service) the final hours, records, activities served, honour hours (荣誉时), points earned and used,
/// and the stars held at the year's end; and the milestones: registration, first service, each star reached (the day of service of the
/// final record that crossed its threshold — the time base of the year lines — by the thresholds of where the volunteer lives now). Read from the final hour records and the
/// points entries, never typed. <see cref="Mine"/> for the volunteer (404 without a registration), <see cref="ForVolunteer"/> for staff
/// (a volunteer outside the scope: 404).
/// </summary>
public static class CreditRecord
{
    /// <param name="FinalMinutes">Final minutes of records served that year (corrections counted in the year of the record they correct).</param>
    /// <param name="PointsUsed">Points that left the account that year (redeemed less refunds, donated, reversed, lapsed), as a positive number.</param>
    public sealed record YearLine(int Year, int FinalMinutes, int Records, int Activities, int HonourMinutes, int PointsEarned, int PointsUsed, int StarsAtEnd);

    public sealed record Milestone(DateOnly On, string Title, string Detail);

    public sealed record Response(Guid VolunteerId, string VolunteerNo, string Name, DateOnly RegisteredOn, int FinalMinutes, int PostedMinutes,
        VolunteerStars.StarProgress Stars, IReadOnlyList<int> StarThresholdHours, int PointsBalance, IReadOnlyList<YearLine> Years, IReadOnlyList<Milestone> Milestones);

    public static async Task<Result<Response>> Mine(AppDb db, CurrentUser user, CancellationToken ct = default) =>
        await SignUpForShift.MineAsync(db, user, ct) is { } me ? await OfAsync(db, me, ct) : Failure.NotFound();

    public static async Task<Result<Response>> ForVolunteer(AppDb db, Guid volunteerId, CancellationToken ct = default) =>
        await db.Set<Volunteer>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == volunteerId, ct) is { } v ? await OfAsync(db, v, ct) : Failure.NotFound();

    static async Task<Response> OfAsync(AppDb db, Volunteer v, CancellationToken ct)
    {
        var rules = await VolunteerRules.ForAreaAsync(db, v.AreaCode, ct);
        var records = await db.Set<HourRecord>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().Where(r => r.VolunteerId == v.Id)
            .Select(r => new { r.Id, r.ServiceDate, r.Minutes, r.Kind, r.Status, r.ActivityId, r.CorrectsId, r.FinalOn }).ToListAsync(ct);
        var entries = await db.Set<PointsEntry>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().Where(e => e.VolunteerId == v.Id)
            .Select(e => new { e.Kind, e.Points, e.At }).ToListAsync(ct);
        var balance = await db.Set<PointsAccount>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(a => a.VolunteerId == v.Id).Select(a => a.Balance).FirstOrDefaultAsync(ct);

        var final = records.Where(r => r.Status == HourRecordStatus.Final).ToList();
        // A correction counts in the year of the record it corrects.
        var dayOf = records.ToDictionary(r => r.Id, r => r.ServiceDate);
        DateOnly DayOf(DateOnly day, Guid? corrects) => corrects is { } c && dayOf.TryGetValue(c, out var d) ? d : day;
        int YearOf(DateOnly day, Guid? corrects) => DayOf(day, corrects).Year;
        var registered = DateOnly.FromDateTime(v.RegisteredAt.ToOffset(ChinaTime.Offset).DateTime);
        var years = final.Select(r => YearOf(r.ServiceDate, r.CorrectsId))
            .Concat(entries.Select(e => e.At.ToOffset(ChinaTime.Offset).Year)).Append(registered.Year).Distinct().Order().ToList();
        var lines = new List<YearLine>();
        var cumulative = 0;
        foreach (var y in years)
        {
            var inYear = final.Where(r => YearOf(r.ServiceDate, r.CorrectsId) == y).ToList();
            var minutes = inYear.Sum(r => r.Minutes);
            cumulative += minutes;
            var points = entries.Where(e => e.At.ToOffset(ChinaTime.Offset).Year == y).ToList();
            lines.Add(new YearLine(y, minutes, inYear.Count(r => r.CorrectsId is null), inYear.Where(r => r.ActivityId is not null).Select(r => r.ActivityId).Distinct().Count(),
                inYear.Where(r => r.Kind == HourRecordKind.Honour).Sum(r => r.Minutes),
                points.Where(e => e.Kind is PointsEntryKind.Earn or PointsEntryKind.DonateIn).Sum(e => e.Points),
                -points.Where(e => e.Kind is not (PointsEntryKind.Earn or PointsEntryKind.DonateIn)).Sum(e => e.Points),
                VolunteerStars.Of(cumulative, rules)));
        }

        var milestones = new List<Milestone> { new(registered, Lang.T("实名登记为志愿者", "Registered as a volunteer"), Lang.T($"志愿者编号 {v.VolunteerNo}", $"Volunteer number {v.VolunteerNo}")) };
        if (final.Where(r => r.CorrectsId is null && r.Minutes > 0).MinBy(r => r.ServiceDate) is { } first)
            milestones.Add(new(first.ServiceDate, Lang.T("首次志愿服务", "First service"), Lang.T($"服务 {VolunteerHours.Format(first.Minutes)} 小时", $"{VolunteerHours.Format(first.Minutes)} hours")));
        var running = 0;
        var reached = 0;
        // The same time base as the year lines (the day served; a correction on the day of the record it corrects), so that the star a
        // line holds at a year's end and the day the milestone names agree — also for imported and back-filled hours.
        foreach (var r in final.OrderBy(r => DayOf(r.ServiceDate, r.CorrectsId)).ThenBy(r => r.Id))
        {
            running += r.Minutes;
            var stars = VolunteerStars.Of(running, rules);
            for (; reached < stars; reached++)
            {
                var on = DayOf(r.ServiceDate, r.CorrectsId);
                milestones.Add(new(on, Lang.T($"评定为{reached + 1}星志愿者", $"Reached ★{reached + 1}"),
                    Lang.T($"累计有效服务时长达到 {rules.StarThresholdHours[reached]} 小时", $"{rules.StarThresholdHours[reached]} final hours in all")));
            }
            reached = Math.Min(reached, stars); // a correction downward may take a star back; it is reached again when regained
        }
        var posted = records.Where(r => r.Status != HourRecordStatus.Final).Sum(r => r.Minutes);
        return new Response(v.Id, v.VolunteerNo, v.Name, registered, v.FinalMinutes, posted, VolunteerStars.Progress(v.FinalMinutes, rules), rules.StarThresholdHours,
            balance, [.. lines.OrderByDescending(l => l.Year)], [.. milestones.OrderByDescending(m => m.On)]);
    }
}
