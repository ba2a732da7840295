using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using AreaCodes = Wushe.Platform.Areas.AreaCode;

namespace Wushe.Features.Volunteers;

/// <summary>
/// 设定志愿服务规则: creates an area's own volunteer rules or replaces them (PUT). The area is a province, city or county of the
/// user's scope (the country: the platform admin); its counties, townships and villages take them unless a nearer area keeps its
/// own (<see cref="VolunteerRules"/>). Every field is checked and named, then <see cref="VolunteerSettings.Check"/> as a whole.
/// <list type="bullet">
/// <item><c>version</c> empty creates: the area having rules already is 409 (someone created them meanwhile: reload).</item>
/// <item><c>version</c> given replaces: it must be the stored one (409 otherwise, also when two editors save at once).</item>
/// </list>
/// Failures: invalid (fields; a township or village); not found (an area outside the scope: a county bureau cannot touch its
/// city's or another county's rules); conflict (the version).
/// </summary>
public static class SaveVolunteerRules
{
    public sealed record Request(
        [Label("设定区划", "Area")] string? AreaCode,
        [Label("计时单位（分钟）", "Rounding unit (minutes)")] int? RoundingMinutes,
        [Label("每日时长上限（分钟）", "Daily cap (minutes)")] int? DailyCapMinutes,
        [Label("公示期（工作日）", "Posting period (working days)")] int? PostingDays,
        [Label("最低出勤比例（%）", "Minimum attendance (%)")] int? MinAttendancePercent,
        [Label("星级门槛（小时）", "Star thresholds (hours)")] List<int?>? StarThresholdHours,
        [Label("每小时积分", "Points per hour")] int? PointsPerHour,
        [Label("签到范围（米）", "Check-in radius (metres)")] int? GeofenceMeters,
        [Label("允许积分转赠", "Points may be donated")] bool? PointsDonationAllowed,
        [Label("兑换最低星级", "Least star to redeem")] int? RedeemMinStars,
        [Label("积分上限", "Points cap")] int? PointsCap,
        [Label("积分有效期（年）", "Points valid (years)")] int? PointsValidYears = null,
        [Label("版本", "Version")] int? Version = null)
    {
        /// <summary>The request's values as settings (call after <see cref="Validate"/> passed).</summary>
        public VolunteerSettings ToSettings() => new(RoundingMinutes!.Value, DailyCapMinutes!.Value, PostingDays!.Value, MinAttendancePercent!.Value,
            [.. StarThresholdHours!.Select(h => h!.Value)], PointsPerHour!.Value, GeofenceMeters!.Value, PointsDonationAllowed ?? false, RedeemMinStars!.Value, PointsCap, PointsValidYears);

        /// <summary>A form filled with <paramref name="rules"/>.</summary>
        public static Request Of(string areaCode, VolunteerSettings rules, int? version) => new(areaCode, rules.RoundingMinutes, rules.DailyCapMinutes,
            rules.PostingDays, rules.MinAttendancePercent, [.. rules.StarThresholdHours.Select(h => (int?)h)], rules.PointsPerHour, rules.GeofenceMeters,
            rules.PointsDonationAllowed, rules.RedeemMinStars, rules.PointsCap, rules.PointsValidYears, version);
    }

    /// <summary>The area's rules as saved: their new version.</summary>
    public sealed record Saved(string AreaCode, int Version);

    /// <summary>The request's own rules, without the database: each field named (starThresholdHours[2] for ★3).</summary>
    public static Errors Validate(Request r)
    {
        var errors = new Errors();
        Range(errors, "roundingMinutes", r.RoundingMinutes, 1, 120, "计时单位", "The rounding unit", "分钟", "minutes");
        Range(errors, "dailyCapMinutes", r.DailyCapMinutes, 1, 24 * 60, "每日时长上限", "The daily cap", "分钟", "minutes");
        if (!errors.Has("roundingMinutes") && !errors.Has("dailyCapMinutes") && r.DailyCapMinutes % r.RoundingMinutes != 0)
            errors.Add("dailyCapMinutes", Lang.T($"每日时长上限须为计时单位（{r.RoundingMinutes} 分钟）的整数倍",
                $"The daily cap must be a multiple of the rounding unit ({r.RoundingMinutes} minutes)"));
        Range(errors, "postingDays", r.PostingDays, 0, 30, "公示期", "The posting period", "个工作日", "working days");
        Range(errors, "minAttendancePercent", r.MinAttendancePercent, 1, 100, "最低出勤比例", "The minimum attendance", "%", "%");
        if (r.StarThresholdHours is not { Count: VolunteerSettings.Stars })
            errors.Add("starThresholdHours", Lang.T("星级门槛须为 5 个小时数（★1 至 ★5）", "The star thresholds are 5 numbers of hours (★1 to ★5)"));
        else
        {
            int? previous = null;
            for (var i = 0; i < VolunteerSettings.Stars; i++)
            {
                var field = $"starThresholdHours[{i}]";
                var hours = r.StarThresholdHours[i];
                if (hours is null) errors.Add(field, Lang.T($"请填写 ★{i + 1} 门槛（小时）", $"Please enter the ★{i + 1} threshold (hours)"));
                else if (hours is < 1 or > 100_000)
                    errors.Add(field, Lang.T($"★{i + 1} 门槛须为 1 至 100000 小时", $"The ★{i + 1} threshold must be 1 to 100,000 hours"));
                else if (previous is { } p && hours <= p)
                    errors.Add(field, Lang.T($"星级门槛须逐级递增：★{i + 1} 门槛须大于 ★{i} 的 {p} 小时",
                        $"Star thresholds must rise: the ★{i + 1} threshold must be more than ★{i}'s {p} hours"));
                previous = hours is >= 1 and <= 100_000 ? hours : null;
            }
        }
        Range(errors, "pointsPerHour", r.PointsPerHour, 0, 100, "每小时积分", "Points per hour", "分", "points");
        Range(errors, "geofenceMeters", r.GeofenceMeters, 0, 50_000, "签到范围", "The check-in radius", "米（0 表示不限）", "metres (0 = none)");
        Range(errors, "redeemMinStars", r.RedeemMinStars, 0, VolunteerSettings.Stars, "兑换最低星级", "The least star to redeem", "星（0 表示不限）", "stars (0 = any)");
        if (r.PointsCap is < 1 or > 10_000_000)
            errors.Add("pointsCap", Lang.T("积分上限须为 1 至 10000000，或留空表示不设上限", "The points cap must be 1 to 10,000,000, or empty for no cap"));
        if (r.PointsValidYears is < 1 or > 10)
            errors.Add("pointsValidYears", Lang.T("积分有效期须为 1 至 10 年，或留空表示长期有效", "Points must stay valid 1 to 10 years, or empty for ever"));
        // The whole, once every field is well formed: the same rule the pure functions trust.
        if (!errors.Any && r.ToSettings().Check() is { } problem) errors.Add("", problem);
        return errors;
    }

    static void Range(Errors errors, string field, int? value, int min, int max, string zh, string en, string unitZh, string unitEn)
    {
        if (value is null) errors.Add(field, Lang.T($"请填写{zh}", $"{en} is required"));
        else if (value < min || value > max) errors.Add(field, Lang.T($"{zh}须为 {min} 至 {max} {unitZh}", $"{en} must be {min} to {max} {unitEn}"));
    }

    public static async Task<Result<Saved>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Request r, CancellationToken ct = default)
    {
        var code = AreaCodes.Normalize(r.AreaCode);
        if (code is null) return Failure.Invalid("areaCode", Lang.T("请选择设定区划", "Please choose the area"));
        // An area outside the scope is not there for this user (404), before anything about it is said.
        if (!user.Scope.Covers(code) || (code != Scope.Country && !await db.Areas.AnyAsync(a => a.Code == code && a.ValidTo == null, ct))) return Failure.NotFound();
        var errors = Validate(r);
        if (!VolunteerRules.MayKeep(code))
            errors.Add("areaCode", Lang.T("志愿服务规则设在省、市、县（区）一级；乡镇（街道）和社区（村）沿用所在县（区）的规则",
                "Volunteer rules belong to a province, city or county; townships and communities take their county's"));
        if (errors.Any) return errors.ToFailure();

        var rules = r.ToSettings();
        var now = clock.GetUtcNow();
        var byName = await Households.Workers.NameAsync(db, user, ct);
        var set = await db.Set<VolunteerRuleSet>().FirstOrDefaultAsync(s => s.AreaCode == code, ct);
        var stale = Failure.Conflict(Lang.T("规则已被他人修改或删除，请刷新后重试", "Someone else changed or removed these rules; reload and try again"));
        if (set is null)
        {
            if (r.Version is not null) return stale;
            set = new VolunteerRuleSet(code, rules, user.Id, byName, now);
            db.Add(set);
            // Two bureaus creating at once: the unique index on the area keeps one, the other reads 409.
            if (await db.SaveOrFindDuplicateAsync(ct) is not null) return stale;
            return new Saved(code, set.Version);
        }
        if (r.Version != set.Version) return stale;
        set.Replace(rules, user.Id, byName, now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return stale;
        }
        return new Saved(code, set.Version);
    }
}
