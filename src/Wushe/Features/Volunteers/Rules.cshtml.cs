using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Volunteers;

/// <summary>
/// 志愿服务规则: the rules in force in the chosen area, whether they are its own, inherited (and from where) or the national
/// defaults; a bureau of the area (or above) creates the area's own, edits or removes them (removal asks first). Every rule
/// is the use cases' (<see cref="GetVolunteerRules"/>, <see cref="SaveVolunteerRules"/>, <see cref="RemoveVolunteerRules"/>).
/// </summary>
[Authorize(VolunteersPermissions.ConfigurePolicy)]
public sealed class RulesModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    /// <summary>The area shown (the user's own when empty).</summary>
    [BindProperty(SupportsGet = true, Name = "area")] public string? Area { get; set; }

    [BindProperty] public SaveVolunteerRules.Request Form { get; set; } = new(null, null, null, null, null, null, null, null, null, null, null);

    public GetVolunteerRules.Response? Rules { get; private set; }

    /// <summary>The form is open (creating the area's own rules, or editing them).</summary>
    public bool Editing { get; private set; }

    public async Task<IActionResult> OnGetAsync(bool edit = false)
    {
        if (await LoadAsync() is { } problem) return problem;
        var r = Rules!;
        if (edit && r.Editable)
        {
            Editing = true;
            // A new rule set starts from the rules in force (inherited or national), to be adjusted.
            Form = SaveVolunteerRules.Request.Of(r.AreaCode, r.Rules, r.Version);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync()
    {
        if (await LoadAsync() is { } problem) return problem;
        var request = Form with { AreaCode = Rules!.AreaCode };
        var result = await ModelState.IfParsed("Form.", () => SaveVolunteerRules.Validate(request), () => SaveVolunteerRules.Handle(db, me, clock, request));
        if (result.IsOk)
        {
            TempData["Toast"] = Form.Version is null ? Lang.T("已设定本区划规则", "The area's own rules are set") : Lang.T("修改成功", "Saved");
            return Redirect(SelfUrl());
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "Form.");
        Editing = true;
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(int? version)
    {
        if (await LoadAsync() is { } problem) return problem;
        var result = await RemoveVolunteerRules.Handle(db, Rules!.AreaCode, version);
        if (result.IsOk) TempData["Toast"] = Lang.T("已删除本区划规则，恢复沿用上级规则", "The area's own rules are removed: it takes the rules above again");
        else if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        else TempData["ToastError"] = result.Failure.Title;
        return Redirect(SelfUrl());
    }

    public string SelfUrl() => "/Volunteers/Rules" + (string.IsNullOrWhiteSpace(Area) ? "" : "?area=" + Uri.EscapeDataString(Area));

    public string EditUrl() => SelfUrl() + (SelfUrl().Contains('?') ? "&" : "?") + "edit=true#rules-form";

    async Task<IActionResult?> LoadAsync()
    {
        var result = await GetVolunteerRules.Handle(db, me, Area);
        if (!result.IsOk)
        {
            if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
            // A malformed area: said, and the user's own shown instead.
            ModelState.AddModelError("area", result.Failure.Errors?.Values.FirstOrDefault()?.FirstOrDefault() ?? result.Failure.Title);
            Area = null;
            result = await GetVolunteerRules.Handle(db, me, null);
            if (!result.IsOk) return NotFound();
        }
        Rules = result.Value;
        return null;
    }

    /// <summary>One rule as the page explains it: its label, what it means, and its value in force.</summary>
    public sealed record Line(string Key, string Label, string Help, string Value);

    /// <summary>The rules in force, each explained in civil-affairs words.</summary>
    public static IReadOnlyList<Line> Lines(VolunteerSettings s) =>
    [
        new("roundingMinutes", Lang.T("计时单位", "Rounding unit"), Help("roundingMinutes"), Lang.T($"{s.RoundingMinutes} 分钟", $"{s.RoundingMinutes} minutes")),
        new("dailyCapMinutes", Lang.T("每日时长上限", "Daily cap"), Help("dailyCapMinutes"), VolunteerHours.Format(s.DailyCapMinutes)),
        new("postingDays", Lang.T("公示期（工作日）", "Posting period (working days)"), Help("postingDays"), Lang.T($"{s.PostingDays} 个工作日", $"{s.PostingDays} working days")),
        new("minAttendancePercent", Lang.T("最低出勤比例", "Minimum attendance"), Help("minAttendancePercent"), $"{s.MinAttendancePercent}%"),
        new("starThresholdHours", Lang.T("星级门槛（小时）", "Star thresholds (hours)"), Help("starThresholdHours"),
            string.Join(Lang.T("，", ", "), s.StarThresholdHours.Select((h, i) => $"★{i + 1} {h}"))),
        new("pointsPerHour", Lang.T("每小时积分", "Points per hour"), Help("pointsPerHour"), Lang.T($"{s.PointsPerHour} 分", $"{s.PointsPerHour} points")),
        new("geofenceMeters", Lang.T("签到范围（米）", "Check-in radius (metres)"), Help("geofenceMeters"),
            s.GeofenceMeters == 0 ? Lang.T("不限", "No limit") : Lang.T($"{s.GeofenceMeters} 米", $"{s.GeofenceMeters} metres")),
        new("pointsDonationAllowed", Lang.T("允许积分转赠", "Points may be donated"), Help("pointsDonationAllowed"), s.PointsDonationAllowed ? Lang.T("允许", "Yes") : Lang.T("不允许", "No")),
        new("redeemMinStars", Lang.T("兑换最低星级", "Least star to redeem"), Help("redeemMinStars"),
            s.RedeemMinStars == 0 ? Lang.T("不限", "Any") : Lang.T($"{s.RedeemMinStars} 星", $"★{s.RedeemMinStars}")),
        new("pointsCap", Lang.T("积分上限", "Points cap"), Help("pointsCap"), s.PointsCap is { } cap ? Lang.T($"{cap} 分", $"{cap} points") : Lang.T("不设上限", "No cap")),
        new("pointsValidYears", Lang.T("积分有效期", "Points valid"), Help("pointsValidYears"),
            s.PointsValidYears is { } years ? Lang.T($"{years} 年", $"{years} years") : Lang.T("长期有效", "For ever")),
    ];

    /// <summary>What a rule means, shown beside it and under its input.</summary>
    public static string Help(string key) => key switch
    {
        "roundingMinutes" => Lang.T("服务时长按此单位累计，不足一个计时单位的部分不计（1–120 分钟，默认 30 分钟即 0.5 小时）",
            "Hours are counted in this unit; a part of a unit is not counted (1–120 minutes; 30 by default, half an hour)"),
        "dailyCapMinutes" => Lang.T("同一志愿者参加同一活动每天最多记录的时长，须为计时单位的整数倍（默认 480 分钟即 8 小时）",
            "The most one volunteer is credited for one activity on one day, a multiple of the unit (480 minutes = 8 hours by default)"),
        "postingDays" => Lang.T("服务记录公示的工作日数，公示期满无异议后时长方为最终确认（0–30，默认 3 个工作日）",
            "Working days a record is posted before its hours become final (0–30; 3 by default)"),
        "minAttendancePercent" => Lang.T("在班次时段内服务达到班次时长的该比例方可记录时长，不足不计（1–100，默认 60%）",
            "The least share of a shift a volunteer must attend inside it to be credited at all (1–100; 60 by default)"),
        "starThresholdHours" => Lang.T("累计最终确认时长达到门槛即评定相应星级，须逐级递增（全国标准 100、300、600、1000、1500 小时）",
            "Final hours needed for each star, rising from ★1 to ★5 (national: 100, 300, 600, 1,000, 1,500 hours)"),
        "pointsPerHour" => Lang.T("每 1 小时最终确认的服务时长计得的积分（0–100，默认 1 分）", "Points earned per final hour (0–100; 1 by default)"),
        "geofenceMeters" => Lang.T("以活动地点为中心，在此半径内方可扫码签到（0–50000 米，0 表示不限，默认 500 米）",
            "Check-in is accepted within this radius of the activity's place (0–50,000 metres; 0 = no limit; 500 by default)"),
        "pointsDonationAllowed" => Lang.T("志愿者可否将积分转赠给其他志愿者（默认不允许）", "Whether volunteers may donate points to another volunteer (no by default)"),
        "redeemMinStars" => Lang.T("达到该星级的志愿者方可使用积分兑换（0–5，0 表示不限，默认一星）", "The least star rating that may redeem points (0–5; 0 = any; ★1 by default)"),
        "pointsCap" => Lang.T("积分余额最多可持有的分数，留空表示不设上限（默认 1500 分）", "The most points a balance may hold; empty for no cap (1,500 by default)"),
        "pointsValidYears" => Lang.T("积分自计入之日起的有效年数，逾期未使用的积分按先得先用的顺序作废，留空表示长期有效（1–10 年，默认长期有效）",
            "Years points stay valid after they are credited; points not spent by then lapse, oldest first; empty for ever (1–10; for ever by default)"),
        _ => "",
    };
}
