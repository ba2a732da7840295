namespace Wushe.Features.Households;

/// <summary>
/// 分级访视: when a household's next visit falls due, and when it is overdue (DOMAIN.md, Households: tiered visiting).
/// Pure; China dates throughout.
/// </summary>
public static class VisitPlan
{
    /// <summary>A household without a card is "general": visited at least quarterly.</summary>
    public const int DefaultEveryDays = 90;

    /// <summary>The longest interval a card may set (a year), and the shortest (daily).</summary>
    public const int MaxEveryDays = 365, MinEveryDays = 1;

    /// <summary>
    /// The due date: <paramref name="everyDays"/> after the last visit; a household never visited is due at once, on the day it
    /// was registered (the first visit opens its file: DOMAIN.md gives no other first-visit rule), whatever card it is given
    /// later; a major change reported and not yet visited makes it due the day after <paramref name="majorChangeOn"/> — the
    /// day it was reported — if that is sooner (high risk: within 24 h).
    /// </summary>
    public static DateOnly NextDue(DateOnly? lastVisitedOn, int everyDays, DateOnly? majorChangeOn, DateOnly registeredOn)
    {
        var due = lastVisitedOn is { } last ? last.AddDays(everyDays > 0 ? everyDays : DefaultEveryDays) : registeredOn;
        return majorChangeOn is { } change && change.AddDays(1) < due ? change.AddDays(1) : due;
    }

    /// <summary>Overdue the day after it falls due: the number of days overdue on <paramref name="today"/>, 0 when not overdue.</summary>
    public static int DaysOverdue(DateOnly? nextDueOn, DateOnly today) =>
        nextDueOn is { } due && today > due ? today.DayNumber - due.DayNumber : 0;

    /// <summary>Where a due date stands on a day: overdue, due today, due within the week (7 days), or later.</summary>
    public static DueState State(DateOnly? nextDueOn, DateOnly today) => nextDueOn switch
    {
        null => DueState.None,
        var d when d < today => DueState.Overdue,
        var d when d == today => DueState.Today,
        var d when d <= today.AddDays(6) => DueState.ThisWeek,
        _ => DueState.Later,
    };
}

public enum DueState
{
    None = 0,
    Overdue = 1,
    Today = 2,
    ThisWeek = 3,
    Later = 4,
}
