using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Features.Volunteers.Hours;

/// <summary>How an hour record came to be.</summary>
public enum HourRecordKind
{
    /// <summary>签到签退: the volunteer scanned the organizer's code in and out.</summary>
    Attendance = 1,
    /// <summary>人工确认: the organizer confirmed the attendance by hand, with a reason.</summary>
    Confirmed = 2,
    /// <summary>荣誉时（补录）: service done offline, back-filled by the organizer with a reason and evidence.</summary>
    Honour = 3,
    /// <summary>更正: amends an earlier record by the difference (never a silent edit of it).</summary>
    Correction = 4,
    /// <summary>导入: taken from a file of the national volunteer service information system's layout (<see cref="Exchange.ImportNationalHours"/>):
    /// the activity's title in <see cref="HourRecord.Reason"/>, the file and its row as the evidence; posted like back-filled hours.</summary>
    Imported = 5,
}

public enum HourRecordStatus
{
    /// <summary>公示中: posted for <see cref="VolunteerSettings.PostingDays"/> working days; the volunteer may dispute.</summary>
    Pending = 1,
    /// <summary>有异议: the volunteer disputed it; it waits for the organizer's answer.</summary>
    Disputed = 2,
    /// <summary>已生效: counts toward the stars and earns points.</summary>
    Final = 3,
}

/// <summary>
/// 志愿服务记录 (民政部令第67号《志愿服务记录与证明出具办法》, DOMAIN.md "Volunteers"): volunteer, activity, organizer, service
/// content, start and end, hours, recorder — "whoever organises records, whoever records certifies". Hours are whole
/// <see cref="Minutes"/> (negative only in a correction that lowers an earlier record). A record is posted (<see cref="HourRecordStatus.Pending"/>)
/// until <see cref="FinalOn"/>, may be disputed meanwhile, and then becomes final; nothing in it changes afterwards —
/// a correction is a new record (<see cref="CorrectsId"/>). Its area is where the service was given (the activity's, or for
/// back-filled hours the area the organizer chose): whose staff keep it. A record of an organization's activity is also held by that
/// organization (<see cref="OrganizationId"/>): its staff answer and correct it.
/// </summary>
public sealed class HourRecord : IAreaScoped, IOrganizationHeld
{
    private HourRecord() { AreaCode = OrganizerName = Content = Reason = Evidence = DisputeReason = DisputeAnswer = AnsweredByName = RecordedByName = ""; }

    public HourRecord(string areaCode, Guid volunteerId, HourRecordKind kind, string organizerName, string content,
        DateTimeOffset startedAt, DateTimeOffset endedAt, int minutes, DateOnly postedOn, DateOnly finalOn,
        Guid? recordedById, string recordedByName, DateTimeOffset recordedAt)
    {
        Id = Guid.CreateVersion7();
        AreaCode = areaCode;
        VolunteerId = volunteerId;
        Kind = kind;
        OrganizerName = organizerName;
        Content = content;
        // Stored in UTC (PostgreSQL's timestamptz takes no other offset); the China date is kept beside it.
        StartedAt = startedAt.ToUniversalTime();
        EndedAt = endedAt.ToUniversalTime();
        ServiceDate = DateOnly.FromDateTime(startedAt.ToOffset(Platform.ChinaTime.Offset).DateTime);
        Minutes = minutes;
        PostedOn = postedOn;
        FinalOn = finalOn;
        Status = HourRecordStatus.Pending;
        RecordedById = recordedById;
        RecordedByName = recordedByName;
        RecordedAt = recordedAt.ToUniversalTime();
        Reason = Evidence = DisputeReason = DisputeAnswer = AnsweredByName = "";
    }

    public Guid Id { get; private set; }
    public string AreaCode { get; private set; }
    public Guid VolunteerId { get; private set; }
    public Guid? ActivityId { get; private set; }
    /// <summary>The activity's organization (<see cref="Activities.Activity.OrganizationId"/>); null for a station's or community's service.</summary>
    public Guid? OrganizationId { get; private set; }
    public Guid? ShiftId { get; private set; }
    public Guid? SignUpId { get; private set; }
    public HourRecordKind Kind { get; private set; }
    /// <summary>组织单位 as the record names it.</summary>
    public string OrganizerName { get; private set; }
    /// <summary>服务内容.</summary>
    public string Content { get; private set; }
    public DateTimeOffset StartedAt { get; private set; }
    public DateTimeOffset EndedAt { get; private set; }
    /// <summary>The China date the service began: the day of the daily cap and the year of the roll-ups.</summary>
    public DateOnly ServiceDate { get; private set; }
    /// <summary>Hours credited in whole minutes, rounded to the region's unit (a correction: the difference, may be negative).</summary>
    public int Minutes { get; private set; }
    /// <summary>The record this one corrects (for <see cref="HourRecordKind.Correction"/>).</summary>
    public Guid? CorrectsId { get; private set; }
    /// <summary>Why: the organizer's reason for a manual confirmation, back-filled hours or a correction.</summary>
    public string Reason { get; private set; }
    /// <summary>佐证材料: what proves back-filled hours (sign-in sheet, photos, the partner's letter…), described.</summary>
    public string Evidence { get; private set; }
    public HourRecordStatus Status { get; private set; }
    /// <summary>公示开始: the China date it was recorded.</summary>
    public DateOnly PostedOn { get; private set; }
    /// <summary>公示截止: from this China date on, an undisputed record is final.</summary>
    public DateOnly FinalOn { get; private set; }
    public DateTimeOffset? FinalizedAt { get; private set; }
    public string DisputeReason { get; private set; }
    public DateTimeOffset? DisputedAt { get; private set; }
    /// <summary>The organizer's answer to the dispute (核实结果).</summary>
    public string DisputeAnswer { get; private set; }
    public DateTimeOffset? AnsweredAt { get; private set; }
    public string AnsweredByName { get; private set; }
    /// <summary>记录人.</summary>
    public Guid? RecordedById { get; private set; }
    public string RecordedByName { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
    public int Version { get; private set; }

    public void Touch() => Version++;

    public HourRecord ForShift(Guid activityId, Guid? organizationId, Guid shiftId, Guid signUpId)
    {
        ActivityId = activityId;
        OrganizationId = organizationId;
        ShiftId = shiftId;
        SignUpId = signUpId;
        return this;
    }

    public HourRecord ForActivity(Guid? activityId, Guid? organizationId)
    {
        ActivityId = activityId;
        OrganizationId = organizationId;
        return this;
    }

    public HourRecord Because(string reason, string evidence = "")
    {
        Reason = reason;
        Evidence = evidence;
        return this;
    }

    public HourRecord Correcting(Guid recordId)
    {
        CorrectsId = recordId;
        return this;
    }

    /// <summary>The volunteer may dispute it: posted, before <see cref="FinalOn"/>, and not answered yet — a record is disputed once; after
    /// the organizer's answer (and a correction made with it) a remaining doubt goes to the organizer, not round again.</summary>
    public bool CanDispute(DateOnly today) => Status == HourRecordStatus.Pending && today < FinalOn && AnsweredAt is null;

    public void Dispute(string reason, DateTimeOffset at)
    {
        Status = HourRecordStatus.Disputed;
        DisputeReason = reason;
        DisputedAt = at.ToUniversalTime();
    }

    /// <summary>The organizer answered the dispute: the record is posted again and becomes final on its date (at once when that has passed).</summary>
    public void Answer(string answer, string byName, DateTimeOffset at)
    {
        Status = HourRecordStatus.Pending;
        DisputeAnswer = answer;
        AnsweredByName = byName;
        AnsweredAt = at.ToUniversalTime();
    }

    public void Finalize(DateTimeOffset at)
    {
        Status = HourRecordStatus.Final;
        FinalizedAt = at.ToUniversalTime();
    }

    public static string KindLabel(HourRecordKind k) => k switch
    {
        HourRecordKind.Attendance => Lang.T("签到签退", "Checked in and out"),
        HourRecordKind.Confirmed => Lang.T("人工确认", "Confirmed by hand"),
        HourRecordKind.Honour => Lang.T("荣誉时（补录）", "Back-filled (honour hours)"),
        HourRecordKind.Imported => Lang.T("全国系统导入", "Imported from the national system"),
        _ => Lang.T("更正", "Correction"),
    };

    public static string StatusLabel(HourRecordStatus s) => s switch
    {
        HourRecordStatus.Pending => Lang.T("公示中", "Posted"),
        HourRecordStatus.Disputed => Lang.T("有异议", "Disputed"),
        _ => Lang.T("已生效", "Final"),
    };
}

/// <summary>
/// 时长汇总: final minutes per area (the record's) and year — a roll-up kept by <see cref="FinalizeHours"/> so that a city's
/// hours by county for a year read a few hundred rows, not millions of records (reconciled with the records by a test).
/// </summary>
public sealed class HourTotal : IAreaScoped
{
    private HourTotal() { AreaCode = ""; }

    public HourTotal(string areaCode, int year)
    {
        AreaCode = areaCode;
        Year = year;
    }

    public string AreaCode { get; private set; }
    public int Year { get; private set; }
    public long Minutes { get; private set; }
    public int Records { get; private set; }
}
