namespace Wushe.Features.Volunteers;

/// <summary>
/// Star rating by cumulative <b>final</b> hours (DOMAIN.md "Volunteers": ★1 100 h … ★5 1,500 h nationally; thresholds are per
/// region, <see cref="VolunteerSettings.StarThresholdHours"/>). Pure. Minutes in, thresholds compared in minutes
/// (100 h = 6,000 min), so 99.5 h is still ★0.
/// </summary>
public static class VolunteerStars
{
    /// <summary>Where a volunteer stands.</summary>
    /// <param name="Stars">0..5.</param>
    /// <param name="NextStar">The next star (1..5), null at ★5.</param>
    /// <param name="HoursToNext">Hours still needed for <paramref name="NextStar"/> (decimal hours), 0 at ★5.</param>
    /// <param name="PercentToNext">Progress from the current star's threshold (0 for ★0) to the next one, 0..100 whole
    /// percent rounded down; 100 at ★5.</param>
    public sealed record StarProgress(int Stars, int? NextStar, decimal HoursToNext, int PercentToNext);

    /// <summary>Stars 0..5 for <paramref name="finalMinutes"/> of final hours: the count of thresholds reached.</summary>
    public static int Of(int finalMinutes, VolunteerSettings s)
    {
        var stars = 0;
        foreach (var hours in s.StarThresholdHours)
            if ((long)finalMinutes >= hours * 60L) stars++;
        return stars;
    }

    /// <summary>Stars and the way to the next one for <paramref name="finalMinutes"/> of final hours.</summary>
    public static StarProgress Progress(int finalMinutes, VolunteerSettings s)
    {
        var stars = Of(finalMinutes, s);
        if (stars >= VolunteerSettings.Stars) return new(stars, null, 0m, 100);
        var from = stars == 0 ? 0L : s.StarThresholdHours[stars - 1] * 60L;
        var to = s.StarThresholdHours[stars] * 60L;
        var done = Math.Max(0L, finalMinutes - from);
        var percent = (int)(done * 100 / (to - from));
        return new(stars, stars + 1, (to - Math.Max(finalMinutes, 0)) / 60m, percent);
    }
}
