using Wushe.Features.Households;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Workforce;

/// <summary>学历: the highest education completed, as personnel forms list it.</summary>
public enum Education
{
    JuniorSecondaryOrBelow = 1,
    SeniorSecondary = 2,
    College = 3,
    Bachelor = 4,
    Master = 5,
    Doctorate = 6,
}

/// <summary>工作单位类型: who employs a social worker.</summary>
public enum EmployerKind
{
    /// <summary>A social-work station of the register (乡镇（街道）社工站).</summary>
    Station = 1,
    /// <summary>A registered social organization (社会组织, e.g. a 社工机构).</summary>
    Organization = 2,
    /// <summary>A community or village committee (社区/村).</summary>
    Community = 3,
    /// <summary>Anything else (a hospital's social-work department, a school, a bureau…), named in text.</summary>
    Other = 4,
}

/// <summary>在岗状态.</summary>
public enum SocialWorkerStatus
{
    /// <summary>在岗: counted in the area's workforce and the stations' staffing.</summary>
    Active = 1,
    /// <summary>离岗: left social work or the area; kept with qualifications, registrations and exam history.</summary>
    Left = 2,
    /// <summary>
    /// 未在岗（考生）: known from an exam sitting only, no employer on record — on the register for their exam history and
    /// qualifications, not counted in the workforce or staffing until an employer is recorded (which puts them in post).
    /// </summary>
    Candidate = 3,
}

/// <summary>
/// 社会工作者: a person of the social-work workforce of an area — real name, the resident ID sealed (encrypted; keyed hash unique
/// platform-wide, so one person is one social worker however often they are entered or imported; masked on screen and revealed
/// only with a reason), birth date and sex taken from the ID, phone sealed. <see cref="AreaCode"/> is where they work (the
/// station's or community's area, the organization's registering area, or the area the register puts them under) and scopes who
/// sees them; organization staff see only their organization's people (<see cref="IOrganizationHeld"/>). A station's staff are
/// social workers of this register (<see cref="UserId"/> links the account they sign in with), not a second list.
/// Rules: DOMAIN.md, Social workers.
/// </summary>
public sealed class SocialWorker : IAreaScoped, IOrganizationHeld
{
    private SocialWorker() { AreaCode = Name = EmployerName = Post = StatusReason = CreatedByName = ""; IdNumber = null!; }

    public SocialWorker(string areaCode, string name, SealedValue idNumber, DateOnly birthDate, Sex sex, Guid? createdById, string createdByName,
        DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        AreaCode = areaCode;
        Name = name;
        IdNumber = idNumber;
        BirthDate = birthDate;
        Sex = sex;
        Status = SocialWorkerStatus.Candidate;
        CreatedById = createdById;
        CreatedByName = createdByName;
        CreatedAt = createdAt;
        EmployerName = Post = StatusReason = "";
    }

    public Guid Id { get; private set; }
    /// <summary>The 12-digit area the person works in: the register that holds them.</summary>
    public string AreaCode { get; private set; }
    public string Name { get; private set; }
    public SealedValue IdNumber { get; private set; }
    public DateOnly BirthDate { get; private set; }
    public Sex Sex { get; private set; }
    /// <summary>Mobile or landline, sealed; none for a person known only from an exam file.</summary>
    public SealedValue? Phone { get; private set; }
    public Education? Education { get; private set; }

    /// <summary>Who employs them; none for a person known only from an exam file (not yet in a post).</summary>
    public EmployerKind? EmployerKind { get; private set; }
    public Guid? StationId { get; private set; }
    /// <summary>The employing organization (<see cref="Workforce.EmployerKind.Organization"/>): its staff see this person.</summary>
    public Guid? OrganizationId { get; private set; }
    /// <summary>The employer's name as shown: the station's or organization's at the time of saving, the community's, or the text given.</summary>
    public string EmployerName { get; private set; }
    /// <summary>岗位 (站长, 专职社工, 项目主管…), at most 30 characters.</summary>
    public string Post { get; private set; }
    /// <summary>从事社会工作起始日期: when they took up social work in this post.</summary>
    public DateOnly? StartedOn { get; private set; }

    public Guid? UserId { get; private set; }
    public SocialWorkerStatus Status { get; private set; }
    public string StatusReason { get; private set; }
    /// <summary>The highest level held (a roll-up of <see cref="Qualification"/>, kept by <see cref="WorkforceRules.Roll"/>).</summary>
    public SocialWorkLevel? Level { get; private set; }
    /// <summary>When the highest level was obtained (roll-up): its first registration is due within a year of it.</summary>
    public DateOnly? QualifiedOn { get; private set; }
    /// <summary>The last day of the latest registration of the highest level (roll-up); none when it was never registered.</summary>
    public DateOnly? RegisteredUntil { get; private set; }

    public Guid? CreatedById { get; private set; }
    public string CreatedByName { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Version { get; private set; }

    public void Touch() => Version++;

    public void Describe(string name, SealedValue? phone, Education? education)
    {
        Name = name;
        Phone = phone;
        Education = education;
    }

    /// <summary>Records the employer and post; a person known from an exam only (<see cref="SocialWorkerStatus.Candidate"/>) is in post from now.</summary>
    public void Employ(string areaCode, EmployerKind? kind, Guid? stationId, Guid? organizationId, string employerName, string post, DateOnly? startedOn)
    {
        if (kind is not null && Status == SocialWorkerStatus.Candidate) Status = SocialWorkerStatus.Active;
        AreaCode = areaCode;
        EmployerKind = kind;
        StationId = stationId;
        OrganizationId = organizationId;
        EmployerName = employerName;
        Post = post;
        StartedOn = startedOn;
    }

    public void LinkAccount(Guid? userId) => UserId = userId;

    public void SetStatus(SocialWorkerStatus status, string reason)
    {
        Status = status;
        StatusReason = reason;
    }

    /// <summary>Sets the roll-ups of qualifications and registrations (<see cref="WorkforceRules.Roll"/> computes them).</summary>
    public void Roll(SocialWorkLevel? level, DateOnly? qualifiedOn, DateOnly? registeredUntil)
    {
        Level = level;
        QualifiedOn = qualifiedOn;
        RegisteredUntil = registeredUntil;
    }

    public static string EducationLabel(Education e) => e switch
    {
        Workforce.Education.JuniorSecondaryOrBelow => Lang.T("初中及以下", "Junior secondary or below"),
        Workforce.Education.SeniorSecondary => Lang.T("高中/中专", "Senior secondary"),
        Workforce.Education.College => Lang.T("大专", "College"),
        Workforce.Education.Bachelor => Lang.T("本科", "Bachelor's"),
        Workforce.Education.Master => Lang.T("硕士研究生", "Master's"),
        Workforce.Education.Doctorate => Lang.T("博士研究生", "Doctorate"),
        _ => e.ToString(),
    };

    public static string EmployerKindLabel(EmployerKind k) => k switch
    {
        Workforce.EmployerKind.Station => Lang.T("社工站", "Station"),
        Workforce.EmployerKind.Organization => Lang.T("社会组织", "Social organization"),
        Workforce.EmployerKind.Community => Lang.T("社区（村）", "Community"),
        Workforce.EmployerKind.Other => Lang.T("其他单位", "Other employer"),
        _ => k.ToString(),
    };

    public static string StatusLabel(SocialWorkerStatus s) => s switch
    {
        SocialWorkerStatus.Active => Lang.T("在岗", "In post"),
        SocialWorkerStatus.Left => Lang.T("离岗", "Left"),
        SocialWorkerStatus.Candidate => Lang.T("未在岗（考生）", "Not in post (candidate)"),
        _ => s.ToString(),
    };
}
