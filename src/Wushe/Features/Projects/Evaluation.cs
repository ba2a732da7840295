using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Features.Projects;

/// <summary>评估阶段: 中期评估 while the project is in progress; 结项评估 while in progress or once completed.</summary>
public enum EvaluationStage
{
    MidTerm = 1,
    Final = 2,
}

/// <summary>评估指标: one scored criterion of an evaluation, e.g. "服务成效" out of 35 points.</summary>
public sealed record EvaluationCriterion(string Name, int MaxScore);

/// <summary>
/// 项目评估: the mid-term or final evaluation of a project — opened by the reviewer (the township station's head or the bureau)
/// with its criteria and pass mark (configurable per evaluation; <see cref="DefaultCriteria"/> the default), self-assessed by
/// the implementing organization (or a station worker on its behalf: scores per criterion and the self-assessment), then
/// reviewed (scores per criterion and the reviewer's comments). The review total against <see cref="PassScore"/> gives
/// 合格 / 不合格; once reviewed the evaluation is final. One per stage per project. Lies in the project's area.
/// </summary>
public sealed class ProjectEvaluation : IAreaScoped
{
    private ProjectEvaluation() { AreaCode = OpenedByName = SelfComment = SelfByName = ReviewComment = ReviewerName = ""; Criteria = []; SelfScores = []; ReviewScores = []; }

    public ProjectEvaluation(Project project, EvaluationStage stage, List<EvaluationCriterion> criteria, int passScore, Guid? openedById, string openedByName, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        ProjectId = project.Id;
        AreaCode = project.AreaCode;
        Stage = stage;
        Criteria = criteria;
        PassScore = passScore;
        OpenedById = openedById;
        OpenedByName = openedByName;
        OpenedAt = at;
        SelfScores = [];
        ReviewScores = [];
        SelfComment = SelfByName = ReviewComment = ReviewerName = "";
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public string AreaCode { get; private set; }
    public EvaluationStage Stage { get; private set; }
    public List<EvaluationCriterion> Criteria { get; private set; }
    /// <summary>合格线: the review total at or above which the project passes.</summary>
    public int PassScore { get; private set; }
    public Guid? OpenedById { get; private set; }
    public string OpenedByName { get; private set; }
    public DateTimeOffset OpenedAt { get; private set; }
    /// <summary>自评: a score per criterion, in the criteria's order; empty until submitted.</summary>
    public List<int> SelfScores { get; private set; }
    public string SelfComment { get; private set; }
    public string SelfByName { get; private set; }
    public DateTimeOffset? SelfAt { get; private set; }
    /// <summary>评审: a score per criterion; empty until reviewed.</summary>
    public List<int> ReviewScores { get; private set; }
    public string ReviewComment { get; private set; }
    public Guid? ReviewerId { get; private set; }
    public string ReviewerName { get; private set; }
    public DateTimeOffset? ReviewedAt { get; private set; }
    public int Version { get; private set; }

    public int MaxTotal => Criteria.Sum(c => c.MaxScore);
    public int? SelfTotal => SelfAt is null ? null : SelfScores.Sum();
    public int? ReviewTotal => ReviewedAt is null ? null : ReviewScores.Sum();
    /// <summary>合格 (true) / 不合格 (false) once reviewed; null before.</summary>
    public bool? Passed => ReviewTotal is { } t ? t >= PassScore : null;

    public void SelfAssess(List<int> scores, string comment, string byName, DateTimeOffset at)
    {
        SelfScores = scores;
        SelfComment = comment;
        SelfByName = byName;
        SelfAt = at;
        Version++;
    }

    public void Review(List<int> scores, string comment, Guid? reviewerId, string reviewerName, DateTimeOffset at)
    {
        ReviewScores = scores;
        ReviewComment = comment;
        ReviewerId = reviewerId;
        ReviewerName = reviewerName;
        ReviewedAt = at;
        Version++;
    }

    /// <summary>
    /// The default criteria out of 100 and pass mark 60, after the usual headings of a social-work service project's evaluation
    /// (项目管理, 服务成效, 财务管理, 满意度, 专业性与创新): the reviewer edits them when opening an evaluation.
    /// </summary>
    public static List<EvaluationCriterion> DefaultCriteria() =>
    [
        new("项目管理与执行", 20),
        new("服务成效与指标完成", 35),
        new("财务管理与资金使用", 15),
        new("服务对象满意度", 15),
        new("专业性与创新性", 15),
    ];

    public const int DefaultPassScore = 60;
    public const int MaxCriteria = 10;

    public static string StageLabel(EvaluationStage s) => s == EvaluationStage.MidTerm ? Lang.T("中期评估", "Mid-term evaluation") : Lang.T("结项评估", "Final evaluation");

    public static string ResultLabel(bool passed) => passed ? Lang.T("合格", "Passed") : Lang.T("不合格", "Failed");
}

/// <summary>调查方式: how a satisfaction survey's answers were collected.</summary>
public enum SurveyMethod
{
    Paper = 1,
    Phone = 2,
    HomeVisit = 3,
    Online = 4,
}

/// <summary>
/// 满意度调查: one collection of a project's beneficiary satisfaction forms — for the project or one of its delivery records
/// (<see cref="ActivityId"/>) — its China date, how it was collected, and how many answered each of the five levels
/// (非常满意 / 满意 / 一般 / 不满意 / 非常不满意). Satisfied = 非常满意 + 满意; a project's rate = Σ satisfied ÷ Σ answered over its
/// surveys (Bijie's "满意度 90% 以上"). Lies in the project's area.
/// </summary>
public sealed class SatisfactionSurvey : IAreaScoped
{
    private SatisfactionSurvey() { AreaCode = Note = RecordedByName = VoidedByName = VoidReason = ""; }

    public SatisfactionSurvey(Project project, Guid? activityId, DateOnly surveyedOn, SurveyMethod method, int verySatisfied, int satisfied, int neutral,
        int dissatisfied, int veryDissatisfied, string note, Guid? recordedById, string recordedByName, DateTimeOffset recordedAt)
    {
        Id = Guid.CreateVersion7();
        ProjectId = project.Id;
        AreaCode = project.AreaCode;
        ActivityId = activityId;
        SurveyedOn = surveyedOn;
        Method = method;
        VerySatisfied = verySatisfied;
        Satisfied = satisfied;
        Neutral = neutral;
        Dissatisfied = dissatisfied;
        VeryDissatisfied = veryDissatisfied;
        Note = note;
        RecordedById = recordedById;
        RecordedByName = recordedByName;
        RecordedAt = recordedAt;
        VoidedByName = VoidReason = "";
    }

    public Guid Id { get; private set; }
    public Guid ProjectId { get; private set; }
    public string AreaCode { get; private set; }
    /// <summary>The delivery record surveyed (<see cref="ProjectActivity"/>), or null for the project as a whole.</summary>
    public Guid? ActivityId { get; private set; }
    public DateOnly SurveyedOn { get; private set; }
    public SurveyMethod Method { get; private set; }
    public int VerySatisfied { get; private set; }
    public int Satisfied { get; private set; }
    public int Neutral { get; private set; }
    public int Dissatisfied { get; private set; }
    public int VeryDissatisfied { get; private set; }
    public string Note { get; private set; }
    public Guid? RecordedById { get; private set; }
    public string RecordedByName { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    /// <summary>When the survey was voided (作废, UTC), or null: a voided survey stays listed, struck out, and counts in no rate.</summary>
    public DateTimeOffset? VoidedAt { get; private set; }
    public Guid? VoidedById { get; private set; }
    public string VoidedByName { get; private set; }
    /// <summary>Why it was voided (answers mistyped, the wrong record or date …: the right survey is recorded anew); at most <see cref="ProjectActivity.MaxVoidReason"/> characters.</summary>
    public string VoidReason { get; private set; }

    /// <summary>Voids the survey (<see cref="VoidSatisfactionSurvey"/>).</summary>
    public void Void(string reason, Guid? byId, string byName, DateTimeOffset at)
    {
        VoidedAt = at;
        VoidedById = byId;
        VoidedByName = byName;
        VoidReason = reason;
    }

    public int Answered => VerySatisfied + Satisfied + Neutral + Dissatisfied + VeryDissatisfied;

    public static string MethodLabel(SurveyMethod m) => m switch
    {
        SurveyMethod.Paper => Lang.T("纸质问卷", "Paper forms"),
        SurveyMethod.Phone => Lang.T("电话回访", "Phone calls"),
        SurveyMethod.HomeVisit => Lang.T("入户回访", "Home visits"),
        _ => Lang.T("线上问卷", "Online form"),
    };
}

/// <summary>
/// 满意度: satisfied (非常满意 + 满意) of answered; <see cref="Percent"/> cut (not rounded) to one decimal, so that the figure shown
/// never overstates — 89.995% reads 89.9%, short of the 90% target as <see cref="MeetsTarget"/> says; null when nobody answered.
/// </summary>
public sealed record SatisfactionRate(int Satisfied, int Answered, int Surveys)
{
    public decimal? Percent => Answered == 0 ? null : Math.Floor(Satisfied * 1000m / Answered) / 10m;
    /// <summary>Bijie's target: 满意度 90% 以上.</summary>
    public bool MeetsTarget => Answered > 0 && Satisfied * 10 >= Answered * 9;
    public const int TargetPercent = 90;
}
