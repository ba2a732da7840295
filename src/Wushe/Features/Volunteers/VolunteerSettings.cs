using Wushe.Platform.Localization;

namespace Wushe.Features.Volunteers;

/// <summary>
/// A region's volunteer rules (DOMAIN.md "Volunteers", "Points and virtue credit"): data, not code, so each place
/// keeps its own (STYLE.md habit 11). <see cref="National"/> holds the national defaults; <see cref="Check"/> refuses
/// nonsense before a region's rules are saved. Durations are whole minutes throughout.
/// </summary>
/// <param name="RoundingMinutes">The unit hours are counted in, in minutes (default 30 = 0.5 h, DOMAIN.md: "rounded to 0.5 h
/// by default"); a part of a unit is not counted (不足一个计时单位的部分不计). 1..120.</param>
/// <param name="DailyCapMinutes">The most minutes credited to one volunteer for one activity on one day (default 8 h = 480;
/// DOMAIN.md: "a cap per activity per day is configurable"). 1..1440, a multiple of <paramref name="RoundingMinutes"/>.</param>
/// <param name="PostingDays">Working days a record is posted (公示) before its hours become final (default 3, one published
/// community rule). 0..30.</param>
/// <param name="MinAttendancePercent">The least share of a shift, in percent, a volunteer must attend inside the shift
/// window to be credited at all (default 60). 1..100.</param>
/// <param name="StarThresholdHours">Cumulative final hours for ★1..★5: five strictly increasing positive whole hours.
/// National registration rules: 100, 300, 600, 1000, 1500; Beijing: 100, 200, 500, 800, 1000.</param>
/// <param name="PointsPerHour">Points earned per final hour, whole points (default 1, DOMAIN.md "1 final hour = 1 point"). 0..100.</param>
/// <param name="GeofenceMeters">Radius in metres around the activity's place inside which check-in is accepted
/// (default 500); 0 = no fence. 0..50,000.</param>
/// <param name="PointsDonationAllowed">Whether points may be donated to another volunteer (default no; "where the region allows it").</param>
/// <param name="RedeemMinStars">The least star rating that may redeem points (default ★1, one time bank). 0..5.</param>
/// <param name="PointsCap">The most points a balance may hold (default 1,500, one time bank); null = no cap. ≥ 1 when set.</param>
/// <param name="PointsValidYears">Years points stay valid after they are credited (DOMAIN.md "optional expiry"); points older than
/// this that were not spent lapse, oldest first (<see cref="Points.ExpirePoints"/>). Null = never (the national default). 1..10.</param>
public sealed record VolunteerSettings(
    int RoundingMinutes,
    int DailyCapMinutes,
    int PostingDays,
    int MinAttendancePercent,
    IReadOnlyList<int> StarThresholdHours,
    int PointsPerHour,
    int GeofenceMeters,
    bool PointsDonationAllowed,
    int RedeemMinStars,
    int? PointsCap,
    int? PointsValidYears = null)
{
    /// <summary>The national star thresholds in hours (national volunteer registration rules): ★1 100 h … ★5 1,500 h.</summary>
    public static readonly IReadOnlyList<int> NationalStarHours = [100, 300, 600, 1000, 1500];

    /// <summary>Beijing's star thresholds in hours (DOMAIN.md: local schemes differ): 100, 200, 500, 800, 1,000.</summary>
    public static readonly IReadOnlyList<int> BeijingStarHours = [100, 200, 500, 800, 1000];

    /// <summary>The national defaults: 30-minute unit, 8 h a day per activity, 3 posting days, 60% attendance, national stars,
    /// 1 point an hour, 500 m fence, no donation, redeem from ★1, balance cap 1,500.</summary>
    public static VolunteerSettings National { get; } = new(
        RoundingMinutes: 30,
        DailyCapMinutes: 8 * 60,
        PostingDays: 3,
        MinAttendancePercent: 60,
        StarThresholdHours: NationalStarHours,
        PointsPerHour: 1,
        GeofenceMeters: 500,
        PointsDonationAllowed: false,
        RedeemMinStars: 1,
        PointsCap: 1500);

    /// <summary>The star count (5) every scheme has.</summary>
    public const int Stars = 5;

    /// <summary>Null when the rules make sense, else the first problem in the reader's language (checked on save).</summary>
    public string? Check()
    {
        if (RoundingMinutes is < 1 or > 120)
            return Lang.T("计时单位须为 1 至 120 分钟", "The rounding unit must be 1 to 120 minutes");
        if (DailyCapMinutes is < 1 or > 24 * 60)
            return Lang.T("每日时长上限须为 1 分钟至 24 小时", "The daily cap must be 1 minute to 24 hours");
        if (DailyCapMinutes % RoundingMinutes != 0)
            return Lang.T($"每日时长上限须为计时单位（{RoundingMinutes} 分钟）的整数倍",
                $"The daily cap must be a multiple of the rounding unit ({RoundingMinutes} minutes)");
        if (PostingDays is < 0 or > 30)
            return Lang.T("公示期须为 0 至 30 个工作日", "The posting period must be 0 to 30 working days");
        if (MinAttendancePercent is < 1 or > 100)
            return Lang.T("最低出勤比例须为 1% 至 100%", "The minimum attendance must be 1% to 100%");
        if (StarThresholdHours is null || StarThresholdHours.Count != Stars)
            return Lang.T("星级门槛须为 5 个小时数", "The star thresholds must be 5 numbers of hours");
        for (var i = 0; i < Stars; i++)
        {
            if (StarThresholdHours[i] <= 0)
                return Lang.T("星级门槛须为正数", "Star thresholds must be positive");
            if (i > 0 && StarThresholdHours[i] <= StarThresholdHours[i - 1])
                return Lang.T("星级门槛须逐级递增", "Star thresholds must increase from one star to the next");
        }
        if (StarThresholdHours[^1] > 100_000)
            return Lang.T("星级门槛不能超过 100000 小时", "Star thresholds cannot exceed 100,000 hours");
        if (PointsPerHour is < 0 or > 100)
            return Lang.T("每小时积分须为 0 至 100 的整数", "Points per hour must be a whole number from 0 to 100");
        if (GeofenceMeters is < 0 or > 50_000)
            return Lang.T("签到范围须为 0 至 50000 米（0 表示不限）", "The check-in radius must be 0 to 50,000 metres (0 = none)");
        if (RedeemMinStars is < 0 or > Stars)
            return Lang.T("兑换所需星级须为 0 至 5", "The star needed to redeem must be 0 to 5");
        if (PointsCap is < 1)
            return Lang.T("积分上限须为正数，或留空表示不设上限", "The points cap must be positive, or empty for no cap");
        if (PointsValidYears is < 1 or > 10)
            return Lang.T("积分有效期须为 1 至 10 年，或留空表示长期有效", "Points must stay valid 1 to 10 years, or empty for ever");
        return null;
    }
}
