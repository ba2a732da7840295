using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Features.Households;

/// <summary>The service kinds of DOMAIN.md (Households: service kinds).</summary>
public enum ServiceKind
{
    HomeVisit = 1,
    CaseService = 2,
    GroupService = 3,
    CommunityActivity = 4,
    Training = 5,
    Counselling = 6,
    LifeCare = 7,
    MedicalCare = 8,
    LegalAid = 9,
    GuardianshipAssessment = 10,
}

/// <summary>Where a service record came from: the record that holds its details.</summary>
public enum ServiceSource
{
    Visit = 1,
    Case = 2,
    GroupSession = 3,
    GuardianshipAssessment = 4,
    /// <summary>A project's delivery record (Projects.ProjectActivity).</summary>
    Project = 5,
    Other = 9,
}

/// <summary>
/// 服务记录: every service given — a visit, a case service, a group session, a community activity, counselling … — with
/// its kind, the day, the workers and the area; its people are <see cref="ServiceBeneficiary"/> rows, so a summary counts
/// services by kind and unique people served (DOMAIN.md: reports count unique people, not attendances).
/// </summary>
public sealed class ServiceRecord : IAreaScoped
{
    private ServiceRecord() { AreaCode = Workers = Summary = ""; }

    public ServiceRecord(string areaCode, ServiceKind kind, DateOnly servedOn, ServiceSource source, Guid sourceId, string workers, string summary, int people)
    {
        Id = Guid.CreateVersion7();
        AreaCode = areaCode;
        Kind = kind;
        ServedOn = servedOn;
        Source = source;
        SourceId = sourceId;
        Workers = workers;
        Summary = summary;
        People = people;
    }

    public Guid Id { get; private set; }
    public string AreaCode { get; private set; }
    public ServiceKind Kind { get; private set; }
    public DateOnly ServedOn { get; private set; }
    public ServiceSource Source { get; private set; }
    public Guid SourceId { get; private set; }
    public string Workers { get; private set; }
    public string Summary { get; private set; }
    /// <summary>How many people were served (attendances of this record).</summary>
    public int People { get; private set; }

    public static string SourceLabel(ServiceSource s) => s switch
    {
        ServiceSource.Visit => Lang.T("入户探访", "Visit"),
        ServiceSource.Case => Lang.T("个案", "Case"),
        ServiceSource.GroupSession => Lang.T("小组/活动", "Group session"),
        ServiceSource.GuardianshipAssessment => Lang.T("监护评估", "Guardianship assessment"),
        ServiceSource.Project => Lang.T("项目服务", "Project"),
        _ => Lang.T("其他", "Other"),
    };

    public static string KindLabel(ServiceKind k) => k switch
    {
        ServiceKind.HomeVisit => Lang.T("入户探访", "Home visit"),
        ServiceKind.CaseService => Lang.T("个案服务", "Case service"),
        ServiceKind.GroupService => Lang.T("小组服务", "Group service"),
        ServiceKind.CommunityActivity => Lang.T("社区活动", "Community activity"),
        ServiceKind.Training => Lang.T("赋能培训", "Training"),
        ServiceKind.Counselling => Lang.T("心理疏导", "Counselling"),
        ServiceKind.LifeCare => Lang.T("生活照料", "Life care"),
        ServiceKind.MedicalCare => Lang.T("医疗护理", "Medical care"),
        ServiceKind.LegalAid => Lang.T("法律援助", "Legal aid"),
        ServiceKind.GuardianshipAssessment => Lang.T("监护评估", "Guardianship assessment"),
        _ => k.ToString(),
    };
}

/// <summary>A person served by a service record (受益人): the resident, with the record's day, kind and area for summaries.</summary>
public sealed class ServiceBeneficiary : IAreaScoped
{
    private ServiceBeneficiary() { AreaCode = ""; }

    public ServiceBeneficiary(ServiceRecord record, Guid residentId)
    {
        ServiceRecordId = record.Id;
        ResidentId = residentId;
        AreaCode = record.AreaCode;
        Kind = record.Kind;
        ServedOn = record.ServedOn;
    }

    public Guid ServiceRecordId { get; private set; }
    public Guid ResidentId { get; private set; }
    public string AreaCode { get; private set; }
    public ServiceKind Kind { get; private set; }
    public DateOnly ServedOn { get; private set; }
}
