using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Features.Workforce;

/// <summary>社会工作者职业水平: the three levels of the national qualification (DOMAIN.md, Social workers).</summary>
public enum SocialWorkLevel
{
    /// <summary>助理社会工作师 (初级).</summary>
    Assistant = 1,
    /// <summary>社会工作师 (中级).</summary>
    Intermediate = 2,
    /// <summary>高级社会工作师: the exam and a review (评审).</summary>
    Senior = 3,
}

/// <summary>取得方式.</summary>
public enum QualificationRoute
{
    /// <summary>考试: the national professional-level exam.</summary>
    Exam = 1,
    /// <summary>评审: the senior level's review after its exam, or a review where the rules provide one.</summary>
    Review = 2,
}

/// <summary>
/// 职业资格: a level a social worker holds, how and when obtained, and the certificate's number (unique platform-wide). The
/// register's <see cref="SocialWorker.Level"/> is the highest held. Registration (<see cref="Registration"/>) is due within one year
/// of <see cref="ObtainedOn"/>.
/// </summary>
public sealed class Qualification : IAreaScoped
{
    private Qualification() { AreaCode = CertificateNo = ""; }

    public Qualification(SocialWorker worker, SocialWorkLevel level, QualificationRoute route, DateOnly obtainedOn, string certificateNo)
    {
        Id = Guid.CreateVersion7();
        SocialWorkerId = worker.Id;
        AreaCode = worker.AreaCode;
        Level = level;
        Route = route;
        ObtainedOn = obtainedOn;
        CertificateNo = certificateNo;
    }

    public Guid Id { get; private set; }
    public Guid SocialWorkerId { get; private set; }
    /// <summary>The social worker's area, kept with them when they move (scope).</summary>
    public string AreaCode { get; private set; }
    public SocialWorkLevel Level { get; private set; }
    public QualificationRoute Route { get; private set; }
    /// <summary>取得日期 (China date).</summary>
    public DateOnly ObtainedOn { get; private set; }
    /// <summary>证书编号 (管理号), 6–30 letters and digits.</summary>
    public string CertificateNo { get; private set; }

    public void MoveTo(string areaCode) => AreaCode = areaCode;

    public static string LevelLabel(SocialWorkLevel level) => level switch
    {
        SocialWorkLevel.Assistant => Lang.T("助理社会工作师", "Assistant social worker"),
        SocialWorkLevel.Intermediate => Lang.T("社会工作师", "Social worker"),
        SocialWorkLevel.Senior => Lang.T("高级社会工作师", "Senior social worker"),
        _ => level.ToString(),
    };

    public static string RouteLabel(QualificationRoute route) => route switch
    {
        QualificationRoute.Exam => Lang.T("考试", "Exam"),
        QualificationRoute.Review => Lang.T("评审", "Review"),
        _ => route.ToString(),
    };
}

/// <summary>
/// 登记 (注册): a social worker's registration of a qualification for three years (<see cref="RegisteredOn"/> to
/// <see cref="ValidUntil"/> inclusive). The first within one year of qualifying; a renewal (再登记) needs the continuing-education
/// hours of the ending period (<see cref="WorkforceRules.RequiredMinutes"/>). Rules: DOMAIN.md, Social workers.
/// </summary>
public sealed class Registration : IAreaScoped
{
    private Registration() { AreaCode = RegistrationNo = RegisteredByName = ""; }

    public Registration(SocialWorker worker, Qualification qualification, bool renewal, DateOnly registeredOn, DateOnly validUntil,
        string registrationNo, int periodMinutes, Guid? registeredById, string registeredByName, DateTimeOffset registeredAt)
    {
        Id = Guid.CreateVersion7();
        SocialWorkerId = worker.Id;
        AreaCode = worker.AreaCode;
        QualificationId = qualification.Id;
        Level = qualification.Level;
        Renewal = renewal;
        RegisteredOn = registeredOn;
        ValidUntil = validUntil;
        RegistrationNo = registrationNo;
        PeriodMinutes = periodMinutes;
        RegisteredById = registeredById;
        RegisteredByName = registeredByName;
        RegisteredAt = registeredAt;
    }

    public Guid Id { get; private set; }
    public Guid SocialWorkerId { get; private set; }
    public string AreaCode { get; private set; }
    public Guid QualificationId { get; private set; }
    public SocialWorkLevel Level { get; private set; }
    /// <summary>再登记 (a renewal of an ending or ended registration) rather than 初始登记.</summary>
    public bool Renewal { get; private set; }
    public DateOnly RegisteredOn { get; private set; }
    /// <summary>The last day it is valid: three years after <see cref="RegisteredOn"/>, less a day.</summary>
    public DateOnly ValidUntil { get; private set; }
    /// <summary>登记证书编号, unique.</summary>
    public string RegistrationNo { get; private set; }
    /// <summary>For a renewal: the continuing-education time of the ending period counted when it was granted, in whole minutes (0 for a first).</summary>
    public int PeriodMinutes { get; private set; }
    public Guid? RegisteredById { get; private set; }
    public string RegisteredByName { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }

    public void MoveTo(string areaCode) => AreaCode = areaCode;
}

/// <summary>继续教育学时的来源.</summary>
public enum EducationSource
{
    /// <summary>A training of the platform attended (credited when the attendance is recorded).</summary>
    Training = 1,
    /// <summary>Anything else accepted (an external course, a conference, self-study with proof), entered by staff.</summary>
    Other = 2,
}

/// <summary>
/// 继续教育记录: hours of continuing education a social worker earned on a day — from a training attended on the platform (one record
/// per attendance, <see cref="TrainingEnrolmentId"/>) or entered by staff. A registration period's hours are the sum of its records
/// dated within it. Time in whole minutes (hours in halves on screen: 30–12,000 minutes).
/// </summary>
public sealed class EducationRecord : IAreaScoped
{
    private EducationRecord() { AreaCode = Content = RecordedByName = ""; }

    public EducationRecord(SocialWorker worker, EducationSource source, DateOnly on, int minutes, string content, Guid? trainingEnrolmentId,
        Guid? recordedById, string recordedByName, DateTimeOffset recordedAt)
    {
        Id = Guid.CreateVersion7();
        SocialWorkerId = worker.Id;
        AreaCode = worker.AreaCode;
        Source = source;
        On = on;
        Minutes = minutes;
        Content = content;
        TrainingEnrolmentId = trainingEnrolmentId;
        RecordedById = recordedById;
        RecordedByName = recordedByName;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public Guid SocialWorkerId { get; private set; }
    public string AreaCode { get; private set; }
    public EducationSource Source { get; private set; }
    /// <summary>The day it was earned (a training's last day).</summary>
    public DateOnly On { get; private set; }
    /// <summary>学时 in whole minutes (an hour of study = 60).</summary>
    public int Minutes { get; private set; }
    /// <summary>What it was (the training's title, the course), at most 100 characters.</summary>
    public string Content { get; private set; }
    public Guid? TrainingEnrolmentId { get; private set; }
    public Guid? RecordedById { get; private set; }
    public string RecordedByName { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public void MoveTo(string areaCode) => AreaCode = areaCode;

    /// <summary>A training's credit follows its attendance and its course: the last day, the minutes attended, the title.</summary>
    public void Credit(DateOnly on, int minutes, string content)
    {
        On = on;
        Minutes = minutes;
        Content = content;
    }

    public static string SourceLabel(EducationSource s) => s switch
    {
        EducationSource.Training => Lang.T("平台培训", "Training"),
        EducationSource.Other => Lang.T("其他学习", "Other learning"),
        _ => s.ToString(),
    };
}
