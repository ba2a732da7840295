using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Features.Needs;

/// <summary>
/// What a need can be matched to (需求对接). A project, an organization (a referral) and "resolved directly" are offered now;
/// a volunteer activity, a micro-wish and a fund disbursement request are the volunteers' and charity issues' records and are
/// offered once those land (<see cref="NeedMatches.Offered"/>): the link is the same row, naming its record by id and name.
/// </summary>
public enum NeedMatchKind
{
    Project = 1,
    VolunteerActivity = 2,
    MicroWish = 3,
    Disbursement = 4,
    Organization = 5,
    ResolvedDirectly = 6,
}

/// <summary>
/// 需求对接: one link of a need to what answers it — the record's id (<see cref="TargetId"/>) and its name as it was when
/// matched (<see cref="TargetName"/>), with a note. A need may have several (a project and a referral). Lies in the need's area.
/// </summary>
public sealed class NeedMatch : IAreaScoped
{
    private NeedMatch() { AreaCode = TargetName = Note = ByName = ""; }

    public NeedMatch(Need need, NeedMatchKind kind, Guid? targetId, string targetName, string note, DateTimeOffset at, Guid? byId, string byName)
    {
        Id = Guid.CreateVersion7();
        NeedId = need.Id;
        AreaCode = need.AreaCode;
        Kind = kind;
        TargetId = targetId;
        TargetName = targetName;
        Note = note;
        At = at;
        ById = byId;
        ByName = byName;
    }

    public Guid Id { get; private set; }
    public Guid NeedId { get; private set; }
    public string AreaCode { get; private set; }
    public NeedMatchKind Kind { get; private set; }
    public Guid? TargetId { get; private set; }
    public string TargetName { get; private set; }
    public string Note { get; private set; }
    public DateTimeOffset At { get; private set; }
    public Guid? ById { get; private set; }
    public string ByName { get; private set; }

    public static string KindLabel(NeedMatchKind k) => k switch
    {
        NeedMatchKind.Project => Lang.T("纳入项目", "A project"),
        NeedMatchKind.VolunteerActivity => Lang.T("志愿活动", "A volunteer activity"),
        NeedMatchKind.MicroWish => Lang.T("微心愿", "A micro-wish"),
        NeedMatchKind.Disbursement => Lang.T("基金拨付申请", "A fund disbursement request"),
        NeedMatchKind.Organization => Lang.T("转介社会组织", "Referral to an organization"),
        _ => Lang.T("直接解决", "Resolved directly"),
    };
}

/// <summary>
/// 办理时限: an area's time limits for needs, per urgency — hours to accept, calendar days to resolve (from acceptance). The
/// nearest area's limits apply (a township's own win over its county's); without any, <see cref="Defaults"/>. Held by the
/// area that set them (read-only below it, as a colour-card scheme).
/// </summary>
public sealed class NeedTimeLimits : IAreaScoped
{
    /// <summary>一般 72 h / 30 days, 紧急 24 h / 10 days, 特急 12 h / 3 days: the platform's defaults.</summary>
    public static readonly NeedTimeLimits Defaults = new("000000000000", 72, 30, 24, 10, 12, 3, DateTimeOffset.UnixEpoch);

    private NeedTimeLimits() { AreaCode = ""; }

    public NeedTimeLimits(string areaCode, int normalAcceptHours, int normalResolveDays, int urgentAcceptHours, int urgentResolveDays,
        int criticalAcceptHours, int criticalResolveDays, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        AreaCode = areaCode;
        Set(normalAcceptHours, normalResolveDays, urgentAcceptHours, urgentResolveDays, criticalAcceptHours, criticalResolveDays, at);
    }

    public Guid Id { get; private set; }
    public string AreaCode { get; private set; }
    public int NormalAcceptHours { get; private set; }
    public int NormalResolveDays { get; private set; }
    public int UrgentAcceptHours { get; private set; }
    public int UrgentResolveDays { get; private set; }
    public int CriticalAcceptHours { get; private set; }
    public int CriticalResolveDays { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public void Set(int normalAcceptHours, int normalResolveDays, int urgentAcceptHours, int urgentResolveDays, int criticalAcceptHours,
        int criticalResolveDays, DateTimeOffset at)
    {
        NormalAcceptHours = normalAcceptHours;
        NormalResolveDays = normalResolveDays;
        UrgentAcceptHours = urgentAcceptHours;
        UrgentResolveDays = urgentResolveDays;
        CriticalAcceptHours = criticalAcceptHours;
        CriticalResolveDays = criticalResolveDays;
        UpdatedAt = at;
        Version++;
    }

    /// <summary>A combined view (<see cref="NeedRules.Strictest"/>) carries the nearest area's version, for its page's stale check.</summary>
    public void KeepVersion(int version) => Version = version;

    public int AcceptHours(NeedUrgency u) => u switch { NeedUrgency.Critical => CriticalAcceptHours, NeedUrgency.Urgent => UrgentAcceptHours, _ => NormalAcceptHours };
    public int ResolveDays(NeedUrgency u) => u switch { NeedUrgency.Critical => CriticalResolveDays, NeedUrgency.Urgent => UrgentResolveDays, _ => NormalResolveDays };
}
