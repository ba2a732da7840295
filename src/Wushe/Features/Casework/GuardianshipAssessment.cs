using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Features.Casework;

/// <summary>The result of a guardianship assessment, best first.</summary>
public enum GuardianshipLevel
{
    /// <summary>监护到位.</summary>
    Adequate = 1,
    /// <summary>监护基本到位, needs support.</summary>
    NeedsSupport = 2,
    /// <summary>监护缺失或不当: intervention.</summary>
    Inadequate = 3,
    /// <summary>监护侵害或无人监护: emergency.</summary>
    AtRisk = 4,
}

/// <summary>
/// 监护评估 for a minor: the guardian's capacity, the living conditions and the risks, each scored 1–5, the result level,
/// the follow-up plan, and when it is due again (the area's <see cref="Households.CardScheme.GuardianshipReassessMonths"/>).
/// </summary>
public sealed class GuardianshipAssessment : IAreaScoped
{
    private GuardianshipAssessment() { AreaCode = GuardianName = Findings = FollowUpPlan = AssessorName = ""; }

    public GuardianshipAssessment(Households.Resident child, DateOnly assessedOn, string guardianName, int capacityScore, int livingScore, int safetyScore,
        GuardianshipLevel level, string findings, string followUpPlan, DateOnly nextDueOn, Guid? assessorId, string assessorName, DateTimeOffset recordedAt)
    {
        Id = Guid.CreateVersion7();
        ResidentId = child.Id;
        HouseholdId = child.HouseholdId;
        AreaCode = child.AreaCode;
        AssessedOn = assessedOn;
        GuardianName = guardianName;
        CapacityScore = capacityScore;
        LivingScore = livingScore;
        SafetyScore = safetyScore;
        Level = level;
        Findings = findings;
        FollowUpPlan = followUpPlan;
        NextDueOn = nextDueOn;
        AssessorId = assessorId;
        AssessorName = assessorName;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public Guid ResidentId { get; private set; }
    public Guid HouseholdId { get; private set; }
    public string AreaCode { get; private set; }
    public DateOnly AssessedOn { get; private set; }
    public string GuardianName { get; private set; }
    /// <summary>监护能力 1–5 (5 best).</summary>
    public int CapacityScore { get; private set; }
    /// <summary>生活状况 1–5.</summary>
    public int LivingScore { get; private set; }
    /// <summary>安全风险 1–5 (5 = no risk found).</summary>
    public int SafetyScore { get; private set; }
    public GuardianshipLevel Level { get; private set; }
    /// <summary>Sensitive free text about a child.</summary>
    public string Findings { get; private set; }
    public string FollowUpPlan { get; private set; }
    public DateOnly NextDueOn { get; private set; }
    public Guid? AssessorId { get; private set; }
    public string AssessorName { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public static string LevelLabel(GuardianshipLevel l) => l switch
    {
        GuardianshipLevel.Adequate => Lang.T("监护到位", "Adequate"),
        GuardianshipLevel.NeedsSupport => Lang.T("需要支持", "Needs support"),
        GuardianshipLevel.Inadequate => Lang.T("监护不到位", "Inadequate"),
        _ => Lang.T("存在监护风险", "At risk"),
    };
}
