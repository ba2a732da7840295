namespace Wushe.Features.Volunteers.Hours;

/// <summary>
/// The posting period (公示期) of hour records: <see cref="VolunteerSettings.PostingDays"/> working days (Monday to Friday;
/// public holidays are not known to the platform and count as working days) after the China date a record is made. Pure.
/// </summary>
public static class HourPosting
{
    /// <summary>
    /// The China date from which a record made on <paramref name="postedOn"/> is final: <paramref name="workingDays"/> working
    /// days later (0: the same day). Posted on Friday 2026-12-04 with 3 days: final on Wednesday 2026-12-09.
    /// </summary>
    public static DateOnly FinalOn(DateOnly postedOn, int workingDays)
    {
        var day = postedOn;
        for (var left = workingDays; left > 0;)
        {
            day = day.AddDays(1);
            if (day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) left--;
        }
        return day;
    }
}
