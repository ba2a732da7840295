using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Workforce.Trainings;

/// <summary>培训主办方: who runs a course.</summary>
public enum TrainingOrganizerKind
{
    /// <summary>民政局: a civil-affairs bureau (city or county).</summary>
    Bureau = 1,
    /// <summary>社工总站 / 指导中心: a city or county social-work centre.</summary>
    Centre = 2,
    /// <summary>乡镇（街道）社工站.</summary>
    Station = 3,
    /// <summary>A social organization (社工机构): its staff see its courses only.</summary>
    Organization = 4,
}

/// <summary>培训类型, as the seeds' reports count them (Bijie: 市县轮训、上级调训、东西部协作培训).</summary>
public enum TrainingKind
{
    /// <summary>轮训: the rotating training of every station's people, city and county.</summary>
    Rotating = 1,
    /// <summary>调训: training ordered from above (a province's or the ministry's), people sent to it.</summary>
    Ordered = 2,
    /// <summary>东西部协作: east–west cooperation training (with a paired eastern city).</summary>
    EastWest = 3,
    Other = 4,
}

/// <summary>
/// 培训: a course of the social-work workforce — title, organizer, kind, dates (China dates), hours (whole minutes, as continuing
/// education counts them), place and capacity. <see cref="AreaCode"/> is the host area (scope; the figures count by it); a course an
/// organization runs is held by it (<see cref="IOrganizationHeld"/>): its staff see and keep their own only. Enrolments
/// (<see cref="TrainingEnrolment"/>) never exceed <see cref="Capacity"/>: every change of them first takes the course's row
/// (<see cref="TrainingRules.LockAsync"/>).
/// </summary>
public sealed class Training : IAreaScoped, IOrganizationHeld
{
    private Training() { AreaCode = Title = OrganizerName = Place = CreatedByName = ""; }

    public Training(string areaCode, Guid? createdById, string createdByName, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        AreaCode = areaCode;
        Title = OrganizerName = Place = "";
        CreatedById = createdById;
        CreatedByName = createdByName;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    /// <summary>The host area (12 digits): a city, county or township of the organizer.</summary>
    public string AreaCode { get; private set; }
    /// <summary>At most 100 characters.</summary>
    public string Title { get; private set; }
    public TrainingKind Kind { get; private set; }
    public TrainingOrganizerKind OrganizerKind { get; private set; }
    /// <summary>The organizer as printed: the organization's or station's name at saving, or the bureau or centre named in text.</summary>
    public string OrganizerName { get; private set; }
    public Guid? OrganizationId { get; private set; }
    public Guid? StationId { get; private set; }
    public DateOnly StartsOn { get; private set; }
    public DateOnly EndsOn { get; private set; }
    /// <summary>学时 of the course in whole minutes (an hour = 60): the most an attendance can credit.</summary>
    public int Minutes { get; private set; }
    public string Place { get; private set; }
    public int Capacity { get; private set; }
    public Guid? CreatedById { get; private set; }
    public string CreatedByName { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public int Version { get; private set; }

    public void Describe(string areaCode, string title, TrainingKind kind, TrainingOrganizerKind organizerKind, string organizerName, Guid? organizationId,
        Guid? stationId, DateOnly startsOn, DateOnly endsOn, int minutes, string place, int capacity)
    {
        AreaCode = areaCode;
        Title = title;
        Kind = kind;
        OrganizerKind = organizerKind;
        OrganizerName = organizerName;
        OrganizationId = organizationId;
        StationId = stationId;
        StartsOn = startsOn;
        EndsOn = endsOn;
        Minutes = minutes;
        Place = place;
        Capacity = capacity;
    }

    public void Touch() => Version++;

    public static string KindLabel(TrainingKind k) => k switch
    {
        TrainingKind.Rotating => Lang.T("轮训", "Rotating training"),
        TrainingKind.Ordered => Lang.T("调训", "Ordered from above"),
        TrainingKind.EastWest => Lang.T("东西部协作", "East–west cooperation"),
        TrainingKind.Other => Lang.T("其他培训", "Other"),
        _ => k.ToString(),
    };

    public static string OrganizerKindLabel(TrainingOrganizerKind k) => k switch
    {
        TrainingOrganizerKind.Bureau => Lang.T("民政局", "Bureau"),
        TrainingOrganizerKind.Centre => Lang.T("社工总站（指导中心）", "Social-work centre"),
        TrainingOrganizerKind.Station => Lang.T("社工站", "Station"),
        TrainingOrganizerKind.Organization => Lang.T("社会组织", "Social organization"),
        _ => k.ToString(),
    };
}

/// <summary>
/// 培训报名: a person enrolled in a course — a social worker of the register (<see cref="SocialWorkerId"/>; once per course) or someone
/// who is not on it (其他人员: a community worker, a volunteer), named with an optional phone (sealed, masked). Attendance
/// (<see cref="AttendedMinutes"/>, at most the course's) credits a register person's continuing education by exactly one
/// <see cref="EducationRecord"/> (<see cref="EducationRecord.TrainingEnrolmentId"/>); unmarking removes it. An attendance certificate
/// (培训证明) has a number, unique platform-wide. Held where the course is (area and organization).
/// </summary>
public sealed class TrainingEnrolment : IAreaScoped, IOrganizationHeld
{
    private TrainingEnrolment() { AreaCode = Name = Unit = EnrolledByName = ""; }

    public TrainingEnrolment(Training training, Guid? socialWorkerId, string name, SealedValue? phone, string unit, Guid? by, string byName, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        TrainingId = training.Id;
        AreaCode = training.AreaCode;
        OrganizationId = training.OrganizationId;
        SocialWorkerId = socialWorkerId;
        Name = name;
        Phone = phone;
        Unit = unit;
        EnrolledById = by;
        EnrolledByName = byName;
        EnrolledAt = at;
    }

    public Guid Id { get; private set; }
    public Guid TrainingId { get; private set; }
    public string AreaCode { get; private set; }
    public Guid? OrganizationId { get; private set; }
    /// <summary>The register's person; none for 其他人员.</summary>
    public Guid? SocialWorkerId { get; private set; }
    /// <summary>The name as enrolled (the register's at the time, or as typed), at most 30 characters.</summary>
    public string Name { get; private set; }
    public SealedValue? Phone { get; private set; }
    /// <summary>工作单位 as shown (the register's employer, or typed), at most 100 characters.</summary>
    public string Unit { get; private set; }
    /// <summary>Minutes attended (whole minutes); null: attendance not recorded.</summary>
    public int? AttendedMinutes { get; private set; }
    public string? CertificateNumber { get; private set; }
    public DateOnly? CertificateIssuedOn { get; private set; }
    public Guid? EnrolledById { get; private set; }
    public string EnrolledByName { get; private set; }
    public DateTimeOffset EnrolledAt { get; private set; }

    public void Attend(int? minutes)
    {
        AttendedMinutes = minutes;
        // A certificate says what was attended: without attendance it is void.
        if (minutes is null) { CertificateNumber = null; CertificateIssuedOn = null; }
    }

    public void Certify(string number, DateOnly on)
    {
        CertificateNumber = number;
        CertificateIssuedOn = on;
    }

    /// <summary>The course moved to another area or organizer: its enrolments follow.</summary>
    public void HeldBy(Training t)
    {
        AreaCode = t.AreaCode;
        OrganizationId = t.OrganizationId;
    }
}
