using Wushe.Platform.Access;

namespace Wushe.Features.Volunteers;

/// <summary>
/// 志愿服务规则: an area's own volunteer rules (<see cref="VolunteerSettings"/>), kept by the bureau of a province, city or
/// county (the platform admin keeps the country's, which replaces the national defaults). One per area; the areas below
/// take the nearest one at or above them (<see cref="VolunteerRules"/>). Each field is a column, so the audit trail shows
/// old → new per rule; <see cref="Version"/> guards against two editors overwriting each other.
/// </summary>
public sealed class VolunteerRuleSet : IAreaScoped
{
    private VolunteerRuleSet() { AreaCode = UpdatedByName = ""; }

    public VolunteerRuleSet(string areaCode, VolunteerSettings rules, Guid? by, string byName, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        AreaCode = areaCode;
        UpdatedByName = byName;
        Apply(rules, by, byName, at);
    }

    public Guid Id { get; private set; }
    /// <summary>The area the rules are of: a province, city or county, or the country (000000000000).</summary>
    public string AreaCode { get; private set; }
    public int RoundingMinutes { get; private set; }
    public int DailyCapMinutes { get; private set; }
    public int PostingDays { get; private set; }
    public int MinAttendancePercent { get; private set; }
    public int Star1Hours { get; private set; }
    public int Star2Hours { get; private set; }
    public int Star3Hours { get; private set; }
    public int Star4Hours { get; private set; }
    public int Star5Hours { get; private set; }
    public int PointsPerHour { get; private set; }
    public int GeofenceMeters { get; private set; }
    public bool PointsDonationAllowed { get; private set; }
    public int RedeemMinStars { get; private set; }
    public int? PointsCap { get; private set; }
    public int? PointsValidYears { get; private set; }
    public int Version { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public Guid? UpdatedById { get; private set; }
    public string UpdatedByName { get; private set; }

    /// <summary>The rules as the pure functions read them.</summary>
    public VolunteerSettings ToSettings() => new(RoundingMinutes, DailyCapMinutes, PostingDays, MinAttendancePercent,
        [Star1Hours, Star2Hours, Star3Hours, Star4Hours, Star5Hours], PointsPerHour, GeofenceMeters, PointsDonationAllowed, RedeemMinStars, PointsCap, PointsValidYears);

    /// <summary>Replaces the rules (already <see cref="VolunteerSettings.Check"/>ed) and counts a new version.</summary>
    public void Replace(VolunteerSettings rules, Guid? by, string byName, DateTimeOffset at)
    {
        Apply(rules, by, byName, at);
        Version++;
    }

    void Apply(VolunteerSettings rules, Guid? by, string byName, DateTimeOffset at)
    {
        if (rules.Check() is { } problem) throw new ArgumentException(problem, nameof(rules));
        RoundingMinutes = rules.RoundingMinutes;
        DailyCapMinutes = rules.DailyCapMinutes;
        PostingDays = rules.PostingDays;
        MinAttendancePercent = rules.MinAttendancePercent;
        (Star1Hours, Star2Hours, Star3Hours, Star4Hours, Star5Hours) =
            (rules.StarThresholdHours[0], rules.StarThresholdHours[1], rules.StarThresholdHours[2], rules.StarThresholdHours[3], rules.StarThresholdHours[4]);
        PointsPerHour = rules.PointsPerHour;
        GeofenceMeters = rules.GeofenceMeters;
        PointsDonationAllowed = rules.PointsDonationAllowed;
        RedeemMinStars = rules.RedeemMinStars;
        PointsCap = rules.PointsCap;
        PointsValidYears = rules.PointsValidYears;
        UpdatedAt = at;
        UpdatedById = by;
        UpdatedByName = byName;
    }
}
