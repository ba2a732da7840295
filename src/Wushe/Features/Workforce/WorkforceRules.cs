using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;

namespace Wushe.Features.Workforce;

/// <summary>登记状态 of a social worker's highest qualification, as the register shows and filters it.</summary>
public enum RegistrationState
{
    /// <summary>无职业资格: nothing to register.</summary>
    Unqualified = 0,
    /// <summary>待登记: qualified within the last year, not registered yet.</summary>
    Due = 1,
    /// <summary>逾期未登记: qualified more than a year ago and never registered.</summary>
    Overdue = 2,
    /// <summary>有效: registered, more than <see cref="WorkforceRules.RenewalNoticeDays"/> days to run.</summary>
    Valid = 3,
    /// <summary>即将到期: registered, ending within <see cref="WorkforceRules.RenewalNoticeDays"/> days — renew with the period's hours.</summary>
    Expiring = 4,
    /// <summary>已失效: the last registration has ended and was not renewed.</summary>
    Lapsed = 5,
}

/// <summary>
/// The workforce's rules in one place (DOMAIN.md, Social workers; 《社会工作者职业水平评价办法》 and the registration rules):
/// a first registration within one year of qualifying, valid three years, renewed with the continuing-education time of the
/// ending period — at least 72 hours for an assistant, 90 for the intermediate and senior levels.
/// </summary>
public static class WorkforceRules
{
    /// <summary>How long before its end a registration shows as 即将到期.</summary>
    public const int RenewalNoticeDays = 90;

    /// <summary>Years a registration runs.</summary>
    public const int ValidYears = 3;

    /// <summary>Continuing-education time a period needs for renewal, in whole minutes: 72 h (assistant), 90 h (intermediate, senior).</summary>
    public static int RequiredMinutes(SocialWorkLevel level) => (level == SocialWorkLevel.Assistant ? 72 : 90) * 60;

    /// <summary>The last day a first registration is on time: a year after qualifying.</summary>
    public static DateOnly FirstRegistrationBy(DateOnly qualifiedOn) => qualifiedOn.AddYears(1);

    /// <summary>The last day of a registration from <paramref name="registeredOn"/>: three years on, less a day.</summary>
    public static DateOnly ValidUntil(DateOnly registeredOn) => registeredOn.AddYears(ValidYears).AddDays(-1);

    /// <summary>The state from the register's roll-ups (<see cref="SocialWorker.Level"/>, QualifiedOn, RegisteredUntil) on a China date.</summary>
    public static RegistrationState StateOf(SocialWorkLevel? level, DateOnly? qualifiedOn, DateOnly? registeredUntil, DateOnly today) =>
        level is null || qualifiedOn is not { } q ? RegistrationState.Unqualified
        : registeredUntil is not { } until ? (today <= FirstRegistrationBy(q) ? RegistrationState.Due : RegistrationState.Overdue)
        : until < today ? RegistrationState.Lapsed
        : until <= today.AddDays(RenewalNoticeDays) ? RegistrationState.Expiring
        : RegistrationState.Valid;

    public static RegistrationState StateOf(SocialWorker w, DateOnly today) => StateOf(w.Level, w.QualifiedOn, w.RegisteredUntil, today);

    /// <summary>The register's filter for a state, on the roll-ups, as one SQL predicate (the list's and the figures' one rule).</summary>
    public static IQueryable<SocialWorker> InState(this IQueryable<SocialWorker> q, RegistrationState state, DateOnly today)
    {
        var yearAgo = today.AddYears(-1);
        var notice = today.AddDays(RenewalNoticeDays);
        return state switch
        {
            RegistrationState.Unqualified => q.Where(w => w.Level == null),
            RegistrationState.Due => q.Where(w => w.Level != null && w.RegisteredUntil == null && w.QualifiedOn >= yearAgo),
            RegistrationState.Overdue => q.Where(w => w.Level != null && w.RegisteredUntil == null && w.QualifiedOn < yearAgo),
            RegistrationState.Lapsed => q.Where(w => w.RegisteredUntil < today),
            RegistrationState.Expiring => q.Where(w => w.RegisteredUntil >= today && w.RegisteredUntil <= notice),
            RegistrationState.Valid => q.Where(w => w.RegisteredUntil > notice),
            _ => q,
        };
    }

    /// <summary>
    /// Recomputes a social worker's roll-ups from their qualifications and registrations (tracked or stored): the highest level, when
    /// it was obtained, the end of that level's latest registration. Call before saving any change to either.
    /// </summary>
    public static async Task Roll(AppDb db, SocialWorker worker, CancellationToken ct = default)
    {
        // Tracked instances (a query returns the tracked one where there is one), then the pending changes: added in, removed out.
        var quals = Pending(db, await db.Set<Qualification>().Where(q => q.SocialWorkerId == worker.Id).ToListAsync(ct), q => q.SocialWorkerId == worker.Id);
        var top = quals.MaxBy(q => q.Level);
        DateOnly? until = null;
        if (top is not null)
        {
            var level = top.Level;
            var registrations = Pending(db, await db.Set<Registration>().Where(r => r.SocialWorkerId == worker.Id && r.Level == level).ToListAsync(ct),
                r => r.SocialWorkerId == worker.Id && r.Level == level);
            until = registrations.Count == 0 ? null : registrations.Max(r => r.ValidUntil);
        }
        worker.Roll(top?.Level, top?.ObtainedOn, until);
    }

    static List<T> Pending<T>(AppDb db, List<T> stored, Func<T, bool> mine) where T : class =>
        stored.Concat(db.Set<T>().Local.Where(x => mine(x) && db.Entry(x).State == EntityState.Added)).Distinct()
            .Where(x => db.Entry(x).State != EntityState.Deleted).ToList();

    /// <summary>A person's continuing-education time dated from <paramref name="from"/> to <paramref name="to"/> (inclusive), in whole minutes.</summary>
    public static async Task<int> MinutesAsync(AppDb db, Guid socialWorkerId, DateOnly from, DateOnly to, CancellationToken ct = default) =>
        await db.Set<EducationRecord>().Where(e => e.SocialWorkerId == socialWorkerId && e.On >= from && e.On <= to).SumAsync(e => (int?)e.Minutes, ct) ?? 0;

    /// <summary>Whole minutes as hours for the screen: 4,320 → "72", 90 → "1.5".</summary>
    public static string Hours(int minutes) => (minutes / 60m).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture);

    public static string StateBadge(RegistrationState s) => s switch
    {
        RegistrationState.Valid => "text-bg-success",
        RegistrationState.Due or RegistrationState.Expiring => "text-bg-warning",
        RegistrationState.Overdue or RegistrationState.Lapsed => "text-bg-danger",
        _ => "text-bg-light",
    };

    public static string StateLabel(RegistrationState s) => s switch
    {
        RegistrationState.Unqualified => Lang.T("无职业资格", "Not qualified"),
        RegistrationState.Due => Lang.T("待登记", "Registration due"),
        RegistrationState.Overdue => Lang.T("逾期未登记", "Registration overdue"),
        RegistrationState.Valid => Lang.T("登记有效", "Registered"),
        RegistrationState.Expiring => Lang.T("即将到期", "Expiring"),
        RegistrationState.Lapsed => Lang.T("登记已失效", "Lapsed"),
        _ => s.ToString(),
    };
}
