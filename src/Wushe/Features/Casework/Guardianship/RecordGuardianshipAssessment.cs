using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Casework.Guardianship;

/// <summary>
/// 监护评估: a structured assessment of a minor's guardianship — the guardian, three scores 1–5 (guardian's capacity, living
/// conditions, safety; 5 best), the result level, findings, the follow-up plan and the day (China date, not in the
/// future, the child under 18 on that day). The next assessment is due after the months of the nearest colour-card scheme
/// of the child's area or above (<see cref="CardScheme.GuardianshipReassessMonths"/>; <see cref="DefaultMonths"/> when none).
/// Writes a service record of kind 监护评估 with the child as the beneficiary.
/// The guardian is one of <see cref="GuardiansAsync"/> (the guardian on record; an adult of the household only when none is
/// on record): 400 naming 监护人 otherwise. The level follows the scores (<see cref="LevelOf"/>): omitted, it is computed;
/// given, it may be graver than the scores say (the assessor's judgement of the findings) but never better (400 naming 评估结果).
/// The day is not before the household was registered (the rule and message of visits and cards: 400 naming 评估日期).
/// </summary>
public static class RecordGuardianshipAssessment
{
    public sealed record Request
    {
        [Label("儿童", "Child")] public Guid? ResidentId { get; init; }
        [Label("评估日期", "Assessed on")] public DateOnly? AssessedOn { get; init; }
        [Label("监护人", "Guardian")] public string? GuardianName { get; init; }
        [Label("监护能力", "Guardian's capacity")] public int? CapacityScore { get; init; }
        [Label("生活状况", "Living conditions")] public int? LivingScore { get; init; }
        [Label("安全状况", "Safety")] public int? SafetyScore { get; init; }
        /// <summary>Optional: computed from the scores when omitted (<see cref="LevelOf"/>); never better than that.</summary>
        [Label("评估结果", "Result")] public GuardianshipLevel? Level { get; init; }
        [Label("评估发现", "Findings")] public string? Findings { get; init; }
        [Label("跟进计划", "Follow-up plan")] public string? FollowUpPlan { get; init; }
    }

    public sealed record Recorded(Guid Id, DateOnly NextDueOn);

    /// <summary>Months between assessments where no scheme says (DOMAIN.md: half-yearly).</summary>
    public const int DefaultMonths = 6;

    public static Errors Validate(Request r, TimeProvider clock)
    {
        var errors = new Errors();
        if (r.ResidentId is null) errors.Add("residentId", Lang.T("请选择儿童", "Please choose the child"));
        if (r.AssessedOn is not { } d) errors.Add("assessedOn", Lang.T("评估日期不能为空", "The date of the assessment is required"));
        else if (d > ChinaTime.Today(clock)) errors.Add("assessedOn", Lang.T("评估日期不能晚于今天", "The date of the assessment cannot be in the future"));
        errors.Text("guardianName", r.GuardianName, "监护人", "The guardian", 1, 50);
        Score(errors, "capacityScore", r.CapacityScore, "监护能力", "The guardian's capacity");
        Score(errors, "livingScore", r.LivingScore, "生活状况", "The living conditions");
        Score(errors, "safetyScore", r.SafetyScore, "安全状况", "The safety");
        if (r.Level is { } level && !Enum.IsDefined(level)) errors.Add("level", Lang.T("请选择评估结果", "Please choose the result"));
        else if (r.Level is { } given && r.CapacityScore is >= 1 and <= 5 && r.LivingScore is >= 1 and <= 5 && r.SafetyScore is >= 1 and <= 5
            && LevelOf(r.CapacityScore.Value, r.LivingScore.Value, r.SafetyScore.Value) is var computed && given < computed)
            errors.Add("level", Lang.T($"评估结果与评分不符：按评分（最低 {Math.Min(r.CapacityScore.Value, Math.Min(r.LivingScore.Value, r.SafetyScore.Value))} 分）至少为“{GuardianshipAssessment.LevelLabel(computed)}”",
                $"The result does not match the scores: with a lowest score of {Math.Min(r.CapacityScore.Value, Math.Min(r.LivingScore.Value, r.SafetyScore.Value))} it is at least \"{GuardianshipAssessment.LevelLabel(computed)}\""));
        errors.Text("findings", r.Findings, "评估发现", "The findings", 2, 2000);
        errors.Text("followUpPlan", r.FollowUpPlan, "跟进计划", "The follow-up plan", 2, 2000);
        return errors;
    }

    /// <summary>
    /// The result the scores give (each 1–5, 5 best): the weakest of the three decides, since a good home does not make up for
    /// an unsafe one — lowest 4–5 监护到位, 3 需要支持, 2 监护不到位, 1 存在监护风险. DOMAIN.md gives no scale; this one is ours.
    /// </summary>
    public static GuardianshipLevel LevelOf(int capacity, int living, int safety) => Math.Min(capacity, Math.Min(living, safety)) switch
    {
        >= 4 => GuardianshipLevel.Adequate,
        3 => GuardianshipLevel.NeedsSupport,
        2 => GuardianshipLevel.Inadequate,
        _ => GuardianshipLevel.AtRisk,
    };

    /// <summary>
    /// Who may be named the guardian in an assessment of <paramref name="child"/>: the guardian on record; when none is on
    /// record, the adults (18+) of the child's household.
    /// </summary>
    public static async Task<List<string>> GuardiansAsync(AppDb db, Resident child, DateOnly today, CancellationToken ct)
    {
        if (child.GuardianName.Trim().Length > 0) return [child.GuardianName.Trim()];
        var adults = await db.Set<Resident>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(x => x.HouseholdId == child.HouseholdId && x.Id != child.Id)
            .Select(x => new { x.Name, x.BirthDate }).ToListAsync(ct);
        return adults.Where(a => ChinaTime.AgeOn(a.BirthDate, today) >= 18).Select(a => a.Name).Distinct().ToList();
    }

    static void Score(Errors errors, string field, int? score, string zh, string en)
    {
        if (score is null) errors.Add(field, Lang.T($"{zh}评分不能为空", $"{en} score is required"));
        else if (score is < 1 or > 5) errors.Add(field, Lang.T($"{zh}评分须在 1 到 5 之间", $"{en} score must be from 1 to 5"));
    }

    /// <summary>
    /// Months until the next assessment for a child of <paramref name="areaCode"/>: the nearest scheme's (the area's own, else
    /// the closest area above). Schemes above the scope are read, never written: the predicate on the ancestors replaces the scope.
    /// </summary>
    public static async Task<int> MonthsAsync(AppDb db, string areaCode, CancellationToken ct)
    {
        var owners = TargetGroups.Ancestors(areaCode);
        var schemes = await db.Set<CardScheme>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(s => owners.Contains(s.AreaCode))
            .Select(s => new { s.AreaCode, s.GuardianshipReassessMonths }).ToListAsync(ct);
        // Ancestors come as [country, the area, its parent, …]: the nearest is the earliest after the country, the country last.
        return schemes.OrderBy(s => s.AreaCode == TargetGroups.Country ? int.MaxValue : owners.IndexOf(s.AreaCode))
            .Select(s => (int?)s.GuardianshipReassessMonths).FirstOrDefault(m => m > 0) ?? DefaultMonths;
    }

    public static async Task<Result<Recorded>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Request r, CancellationToken ct = default)
    {
        var errors = Validate(r, clock);
        var child = r.ResidentId is { } id ? await db.Set<Resident>().FirstOrDefaultAsync(x => x.Id == id, ct) : null;
        if (r.ResidentId is not null && child is null)
            errors.Add("residentId", Lang.T("儿童不存在或不在您的管辖范围内", "The child does not exist or lies outside your area"));
        else if (child is not null && r.AssessedOn is { } on && ChinaTime.AgeOn(child.BirthDate, on) >= 18)
            errors.Add("residentId", Lang.T("监护评估仅适用于未满18周岁的儿童", "Guardianship is assessed for children under 18 only"));
        else if (child is not null && r.AssessedOn is { } day && day < child.BirthDate)
            errors.Add("assessedOn", Lang.T("评估日期不能早于儿童出生日期", "The date of the assessment cannot be before the child's birth"));
        if (child is not null)
        {
            if (!errors.Has("assessedOn") && r.AssessedOn is { } on2 && await HouseholdLookups.Household(db, child.HouseholdId, ct) is { } household
                && on2 < HouseholdLookups.RegisteredOn(household))
                errors.Add("assessedOn", Lang.T($"评估日期不能早于家庭户登记日期（{ChinaTime.Format(HouseholdLookups.RegisteredOn(household))}）",
                    $"The date of the assessment cannot be before the household was registered ({ChinaTime.Format(HouseholdLookups.RegisteredOn(household))})"));
            // Only for a child: an adult's assessment is refused as such, with no guardian to name.
            if (!errors.Has("guardianName") && !errors.Has("residentId") && !string.IsNullOrWhiteSpace(r.GuardianName))
            {
                var guardians = await GuardiansAsync(db, child, ChinaTime.Today(clock), ct);
                if (!guardians.Contains(r.GuardianName.Trim()))
                    errors.Add("guardianName", guardians.Count == 0
                        ? Lang.T("该儿童未登记监护人，请先在居民信息中登记监护人", "The child has no guardian on record: record the guardian on the resident first")
                        : child.GuardianName.Trim().Length > 0
                            ? Lang.T($"监护人须为登记的监护人（{string.Join("、", guardians)}）", $"The guardian must be the guardian on record ({string.Join(", ", guardians)})")
                            : Lang.T($"该儿童未登记监护人，监护人须为本户成年家庭成员（{string.Join("、", guardians)}）", $"No guardian is on record: the guardian must be an adult of the household ({string.Join(", ", guardians)})"));
            }
        }
        if (errors.Any) return errors.ToFailure();

        var months = await MonthsAsync(db, child!.AreaCode, ct);
        var assessedOn = r.AssessedOn!.Value;
        var name = await Workers.NameAsync(db, user, ct);
        var assessment = new GuardianshipAssessment(child, assessedOn, r.GuardianName!.Trim(), r.CapacityScore!.Value, r.LivingScore!.Value, r.SafetyScore!.Value,
            r.Level ?? LevelOf(r.CapacityScore!.Value, r.LivingScore!.Value, r.SafetyScore!.Value), r.Findings!.Trim(), r.FollowUpPlan!.Trim(), assessedOn.AddMonths(months), user.Id, name, clock.GetUtcNow());
        db.Add(assessment);
        ServiceRecords.Add(db, child.AreaCode, ServiceKind.GuardianshipAssessment, assessedOn, ServiceSource.GuardianshipAssessment, assessment.Id, name,
            "监护评估", [child.Id]);
        await db.SaveChangesAsync(ct);
        return new Recorded(assessment.Id, assessment.NextDueOn);
    }
}
