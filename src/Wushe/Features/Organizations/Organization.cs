using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;

namespace Wushe.Features.Organizations;

/// <summary>
/// What an organization is. The first four are what civil affairs registered, read from the credit code's second
/// character (51, 52, 53, 59); a volunteer team (志愿服务队) usually holds no code and is chosen as such.
/// </summary>
public enum OrganizationKind
{
    SocialGroup = 1,
    PrivateNonEnterprise = 2,
    Foundation = 3,
    Other = 9,
    VolunteerTeam = 10,
}

/// <summary>孵化中 → 已登记 ⇄ 暂停活动; any → 已注销 (final).</summary>
public enum OrganizationStatus
{
    Incubating = 1,
    Registered = 2,
    Suspended = 3,
    Deregistered = 4,
}

/// <summary>The fields an organization serves in; several per organization (kept as one set of flags).</summary>
[Flags]
public enum FocusArea
{
    ElderlyCare = 1,
    WomenAndChildren = 2,
    GrassrootsGovernance = 4,
    Disability = 8,
    SocialAssistance = 16,
    CommunityCulture = 32,
    LegalServices = 64,
    MentalHealth = 128,
    Other = 256,
}

/// <summary>
/// 社会组织: a social organization registered (or 备案) with civil affairs, or a volunteer team. Its area is that of its
/// registering authority (a county's or city's 民政局; a community social organization 备案 at a township: the township).
/// </summary>
public sealed class Organization : IAreaScoped
{
    private Organization() { AreaCode = Name = RegisteringAuthority = LegalRepresentative = ContactName = Address = StatusReason = ""; }

    public Organization(string areaCode, string name, OrganizationKind kind, OrganizationStatus status, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        AreaCode = areaCode;
        Name = name;
        Kind = kind;
        Status = status;
        RegisteringAuthority = LegalRepresentative = ContactName = Address = StatusReason = "";
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public string AreaCode { get; private set; }
    public string Name { get; private set; }

    /// <summary>统一社会信用代码, upper case; null for a volunteer team or an incubating organization not yet registered.</summary>
    public string? CreditCode { get; private set; }
    public OrganizationKind Kind { get; private set; }

    /// <summary>The organization a volunteer team belongs to, if any.</summary>
    public Guid? ParentId { get; private set; }
    public string RegisteringAuthority { get; private set; }
    public DateOnly? RegisteredOn { get; private set; }
    public string LegalRepresentative { get; private set; }
    public string ContactName { get; private set; }
    public SealedValue? ContactPhone { get; private set; }
    public string Address { get; private set; }
    public FocusArea FocusAreas { get; private set; }
    public OrganizationStatus Status { get; private set; }

    /// <summary>Why the status last changed (the reason given with 暂停活动, 注销 …).</summary>
    public string StatusReason { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Application-managed concurrency token (as a station's).</summary>
    public int Version { get; private set; }

    public void Touch() => Version++;

    /// <summary>Changes the details kept (修改); the caller (SaveOrganization) has validated them. The status changes only by <see cref="ChangeStatus"/>.</summary>
    public void Edit(string name, string? creditCode, OrganizationKind kind, Guid? parentId, string registeringAuthority, DateOnly? registeredOn,
        string legalRepresentative, string contactName, string address, FocusArea focusAreas)
    {
        Name = name;
        CreditCode = creditCode;
        Kind = kind;
        ParentId = parentId;
        RegisteringAuthority = registeringAuthority;
        RegisteredOn = registeredOn;
        LegalRepresentative = legalRepresentative;
        ContactName = contactName;
        Address = address;
        FocusAreas = focusAreas;
    }

    public void SetContactPhone(SealedValue? phone) => ContactPhone = phone;

    /// <summary>Why a move from this status to <paramref name="to"/> is not allowed; null when it is.</summary>
    public string? RefuseStatus(OrganizationStatus to) => Refusal(Status, to, CreditCode is not null || Kind == OrganizationKind.VolunteerTeam);

    /// <summary>The life cycle's rule (a volunteer team needs no code to be registered): why <paramref name="from"/> → <paramref name="to"/> is not allowed; null when it is.</summary>
    public static string? Refusal(OrganizationStatus from, OrganizationStatus to, bool hasCreditCode)
    {
        if (from == to) return Lang.T($"该社会组织已是“{StatusLabel(to)}”状态", $"The organization is already {StatusLabel(to)}");
        if (from == OrganizationStatus.Deregistered) return Lang.T("已注销的社会组织不能再变更状态", "A deregistered organization's status cannot change");
        return (from, to) switch
        {
            (_, OrganizationStatus.Deregistered) => null,
            (OrganizationStatus.Incubating, OrganizationStatus.Registered) => hasCreditCode ? null
                : Lang.T("请先在“修改”中填写统一社会信用代码，再转为已登记", "Add the unified social credit code (Edit) before marking it registered"),
            (OrganizationStatus.Registered, OrganizationStatus.Suspended) or (OrganizationStatus.Suspended, OrganizationStatus.Registered) => null,
            _ => Lang.T($"不能从“{StatusLabel(from)}”变更为“{StatusLabel(to)}”", $"An organization cannot go from {StatusLabel(from)} to {StatusLabel(to)}"),
        };
    }

    /// <summary>Moves to <paramref name="to"/> with a reason; the caller checked <see cref="RefuseStatus"/>.</summary>
    public void ChangeStatus(OrganizationStatus to, string reason)
    {
        if (RefuseStatus(to) is { } refusal) throw new InvalidOperationException(refusal);
        Status = to;
        StatusReason = reason;
    }

    /// <summary>The kind civil affairs registered, read from a valid civil-affairs code (5x).</summary>
    public static OrganizationKind? KindOf(string? creditCode) => Platform.Validation.CreditCode.CivilAffairsKindOf(creditCode) switch
    {
        CivilAffairsKind.SocialGroup => OrganizationKind.SocialGroup,
        CivilAffairsKind.PrivateNonEnterprise => OrganizationKind.PrivateNonEnterprise,
        CivilAffairsKind.Foundation => OrganizationKind.Foundation,
        CivilAffairsKind.Other => OrganizationKind.Other,
        _ => null,
    };

    public static string KindLabel(OrganizationKind kind) => kind switch
    {
        OrganizationKind.SocialGroup => Lang.T("社会团体", "Social group"),
        OrganizationKind.PrivateNonEnterprise => Lang.T("民办非企业单位（社会服务机构）", "Private non-enterprise unit"),
        OrganizationKind.Foundation => Lang.T("基金会", "Foundation"),
        OrganizationKind.VolunteerTeam => Lang.T("志愿服务队", "Volunteer team"),
        _ => Lang.T("其他", "Other"),
    };

    /// <summary>The kind in a list's narrow column (民办非企业单位 without its newer name in brackets).</summary>
    public static string KindShortLabel(OrganizationKind kind) =>
        kind == OrganizationKind.PrivateNonEnterprise ? Lang.T("民办非企业单位", "Private non-enterprise") : KindLabel(kind);

    public static string StatusLabel(OrganizationStatus status) => status switch
    {
        OrganizationStatus.Incubating => Lang.T("孵化中", "Incubating"),
        OrganizationStatus.Registered => Lang.T("已登记", "Registered"),
        OrganizationStatus.Suspended => Lang.T("暂停活动", "Suspended"),
        _ => Lang.T("已注销", "Deregistered"),
    };

    /// <summary>The Bootstrap badge of a status (UI.md: 正常 primary, 停用 danger, 待审核 warning).</summary>
    public static string StatusBadge(OrganizationStatus status) => status switch
    {
        OrganizationStatus.Incubating => "text-bg-warning",
        OrganizationStatus.Registered => "text-bg-primary",
        OrganizationStatus.Suspended => "text-bg-secondary",
        _ => "text-bg-danger",
    };

    public static readonly FocusArea[] AllFocusAreas = Enum.GetValues<FocusArea>();

    /// <summary>The single focus areas in a set of flags, in their order.</summary>
    public static IReadOnlyList<FocusArea> Split(FocusArea set) => AllFocusAreas.Where(f => (set & f) == f).ToList();

    public static FocusArea Join(IEnumerable<FocusArea>? areas) => (areas ?? []).Aggregate((FocusArea)0, (s, f) => s | f);

    public static string FocusLabel(FocusArea focus) => focus switch
    {
        FocusArea.ElderlyCare => Lang.T("养老服务", "Elderly care"),
        FocusArea.WomenAndChildren => Lang.T("妇女儿童", "Women and children"),
        FocusArea.GrassrootsGovernance => Lang.T("基层治理", "Grassroots governance"),
        FocusArea.Disability => Lang.T("助残", "Disability"),
        FocusArea.SocialAssistance => Lang.T("社会救助", "Social assistance"),
        FocusArea.CommunityCulture => Lang.T("社区文化", "Community culture"),
        FocusArea.LegalServices => Lang.T("法律服务", "Legal services"),
        FocusArea.MentalHealth => Lang.T("心理健康", "Mental health"),
        FocusArea.Other => Lang.T("其他", "Other"),
        // A set of several (the audit log shows the whole set).
        _ => string.Join(Lang.T("、", ", "), Split(focus).Select(FocusLabel)),
    };
}

/// <summary>An area an organization serves in (服务区域), chosen within the writer's scope. Scoped by the organization's own area.</summary>
public sealed class OrganizationServiceArea : IAreaScoped
{
    private OrganizationServiceArea() { AreaCode = ServedAreaCode = ""; }

    public OrganizationServiceArea(Organization organization, string servedAreaCode)
    {
        Id = Guid.CreateVersion7();
        OrganizationId = organization.Id;
        AreaCode = organization.AreaCode;
        ServedAreaCode = servedAreaCode;
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }

    /// <summary>The organization's area (its scope), not the area served.</summary>
    public string AreaCode { get; private set; }
    public string ServedAreaCode { get; private set; }
}
