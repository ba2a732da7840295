using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Volunteers.Hours;
using Wushe.Platform.Access;

namespace Wushe.Features.Volunteers.Points;

/// <summary>
/// 积分获得: final hours earn points at the rate of where the volunteer lives (<see cref="VolunteerSettings.PointsPerHour"/>, whole points).
/// Called by <see cref="FinalizeHours.FinalizeAsync"/> in its transaction, before the volunteer's final minutes grow: one entry per final
/// record that moves the balance. Points follow the cumulative final minutes (points of the minutes after − points of the minutes before),
/// so two half hours earn a point between them rather than none each. A record lowering the hours (a correction) reverses what it takes
/// back — never below zero: what the balance lacks is noted. Earning stops at <see cref="VolunteerSettings.PointsCap"/>; the entry says so.
/// The system writes these entries (the volunteer's account may lie outside the scope of the organizer who answers a dispute).
/// </summary>
public static class EarnPoints
{
    /// <summary>Whole points for <paramref name="minutes"/> of final hours at <paramref name="perHour"/> (rounded down).</summary>
    public static long For(long minutes, int perHour) => minutes <= 0 ? 0 : minutes * perHour / 60;

    public static async Task AddAsync(AppDb db, IReadOnlyList<HourRecord> records, DateTimeOffset now, CancellationToken ct)
    {
        var actor = db.Actor;
        db.ActingAs(CurrentUser.System);
        try
        {
            // Volunteers in id order: the same lock order as a donation between two of them.
            foreach (var group in records.GroupBy(r => r.VolunteerId).OrderBy(g => g.Key))
            {
                var volunteers = db.Set<Volunteer>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking();
                var account = await PointsLedger.LockAsync(db, await PointsLedger.AccountIdAsync(db, await volunteers.SingleAsync(v => v.Id == group.Key, ct), now, ct), ct);
                // Read under the account's lock: a finalization of the same volunteer at the same moment has committed its minutes.
                var volunteer = await volunteers.SingleAsync(v => v.Id == group.Key, ct);
                var rules = await VolunteerRules.ForAreaAsync(db, volunteer.AreaCode, ct);
                long minutes = volunteer.FinalMinutes;
                foreach (var r in group.OrderBy(r => r.ServiceDate).ThenBy(r => r.Id))
                {
                    var before = For(minutes, rules.PointsPerHour);
                    minutes += r.Minutes;
                    var delta = (int)(For(minutes, rules.PointsPerHour) - before);
                    var hours = Hours(r.Minutes);
                    if (delta > 0)
                    {
                        var room = rules.PointsCap is { } cap ? Math.Max(0, cap - account.Balance) : delta;
                        var earned = Math.Min(delta, room);
                        var note = earned == delta
                            ? $"服务时长 {hours} 小时，每小时 {rules.PointsPerHour} 积分"
                            : $"服务时长 {hours} 小时，应得 {delta} 积分；已达积分上限 {rules.PointsCap}，实得 {earned} 积分";
                        PointsLedger.Post(db, account, PointsEntryKind.Earn, earned, now, note, hourRecordId: r.Id);
                    }
                    else if (delta < 0)
                    {
                        var taken = Math.Min(-delta, account.Balance);
                        var note = taken == -delta
                            ? $"时长更正 {hours} 小时，冲减 {taken} 积分"
                            : $"时长更正 {hours} 小时，应冲减 {-delta} 积分；余额仅 {account.Balance} 积分，冲减 {taken}，其余 {-delta - taken} 积分无从冲减";
                        PointsLedger.Post(db, account, PointsEntryKind.Reversal, -taken, now, note, hourRecordId: r.Id);
                    }
                }
            }
            await db.SaveChangesAsync(ct);
        }
        finally
        {
            db.ActingAs(actor);
        }
    }

    static string Hours(int minutes) => (minutes / 60m).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture);
}
