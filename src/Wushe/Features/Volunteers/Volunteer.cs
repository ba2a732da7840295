using Wushe.Features.Households;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Volunteers;

/// <summary>How a volunteer came onto the register.</summary>
public enum VolunteerSource
{
    /// <summary>Registered themselves on the public mobile page (with an account).</summary>
    SelfService = 1,
    /// <summary>Registered by community or station staff from a paper form (no account until the volunteer joins online).</summary>
    Staff = 2,
    /// <summary>Imported from the national volunteer service information system's layout.</summary>
    Import = 3,
}

public enum VolunteerStatus
{
    /// <summary>在册: may sign up for activities.</summary>
    Active = 1,
    /// <summary>暂停: kept on the register, signs up for nothing (a reason is recorded).</summary>
    Suspended = 2,
    /// <summary>注销: left the register (a reason is recorded); the ID stays taken so that a return keeps the number and the hours.</summary>
    Withdrawn = 3,
}

/// <summary>What a volunteer can do (特长), several per volunteer, kept as one set of flags.</summary>
[Flags]
public enum VolunteerSkill
{
    Companionship = 1,
    Medical = 2,
    Counselling = 4,
    Legal = 8,
    Tutoring = 16,
    Arts = 32,
    Photography = 64,
    Driving = 128,
    Repairs = 256,
    Computing = 512,
    SignLanguage = 1024,
    EmergencyRescue = 2048,
    Other = 4096,
}

/// <summary>When a volunteer can serve, several per volunteer (flags).</summary>
[Flags]
public enum VolunteerAvailability
{
    WeekdayDaytime = 1,
    WeekdayEvening = 2,
    Weekend = 4,
    Holidays = 8,
}

/// <summary>
/// 志愿者: a person on the volunteer register of the community they live in (real name, 实名注册). The resident ID is sealed
/// (encrypted, keyed hash unique across the platform — one person, one registration — masked on screen) and gives the birth
/// date and sex; the phone is sealed too. Age rules (DOMAIN.md, 《志愿服务条例》): <see cref="VolunteerAge"/>. Each volunteer has
/// a <see cref="VolunteerNo"/> (ZY + county + year + sequence). <see cref="UserId"/> links the account a volunteer signs in
/// with, when they have one (self-service registration creates it; a staff-registered volunteer gets one on joining online).
/// </summary>
public sealed class Volunteer : IAreaScoped
{
    private Volunteer() { AreaCode = VolunteerNo = Name = SkillNotes = GuardianName = GuardianRelation = StatusReason = RegisteredByName = ""; IdNumber = null!; Phone = null!; }

    public Volunteer(string areaCode, string volunteerNo, string name, SealedValue idNumber, DateOnly birthDate, Sex sex, SealedValue phone,
        VolunteerSource source, Guid? registeredById, string registeredByName, DateTimeOffset registeredAt)
    {
        Id = Guid.CreateVersion7();
        AreaCode = areaCode;
        VolunteerNo = volunteerNo;
        Name = name;
        IdNumber = idNumber;
        BirthDate = birthDate;
        Sex = sex;
        Phone = phone;
        Source = source;
        Status = VolunteerStatus.Active;
        RegisteredById = registeredById;
        RegisteredByName = registeredByName;
        RegisteredAt = registeredAt;
        SkillNotes = GuardianName = GuardianRelation = StatusReason = "";
    }

    public Guid Id { get; private set; }

    /// <summary>The community (村/社区, 12-digit code) the volunteer lives in: whose register holds them.</summary>
    public string AreaCode { get; private set; }

    /// <summary>
    /// The 6-digit county prefix of the volunteer's area: a volunteer browses and signs up for the activities of their county, joins its
    /// teams and redeems its offers — one reach for all three (a shift, team or offer outside it answers 404).
    /// </summary>
    public string Reach() => AreaCode[..Platform.Areas.AreaCode.PrefixLength(Platform.Areas.AreaLevel.County)];

    /// <summary>志愿者编号: ZY + the county's 6 digits + the year of registration + a 6-digit sequence (18 characters), unique.</summary>
    public string VolunteerNo { get; private set; }
    public string Name { get; private set; }
    public SealedValue IdNumber { get; private set; }
    public DateOnly BirthDate { get; private set; }
    public Sex Sex { get; private set; }
    public SealedValue Phone { get; private set; }
    public VolunteerSkill Skills { get; private set; }
    /// <summary>特长说明: free text beside the skills (certificates held, languages…), at most 200 characters.</summary>
    public string SkillNotes { get; private set; }
    public VolunteerAvailability Availability { get; private set; }

    /// <summary>A volunteer under 18 registered with a guardian's consent: the guardian, relation, phone (sealed) and the consent's date.</summary>
    public string GuardianName { get; private set; }
    public string GuardianRelation { get; private set; }
    public SealedValue? GuardianPhone { get; private set; }
    public DateOnly? GuardianConsentOn { get; private set; }

    /// <summary>16–18 and living on their own labour income (以自己的劳动收入为主要生活来源): registers without a guardian's consent.</summary>
    public bool SelfSupporting { get; private set; }

    public Guid? UserId { get; private set; }
    public VolunteerStatus Status { get; private set; }
    public string StatusReason { get; private set; }
    public VolunteerSource Source { get; private set; }
    public Guid? RegisteredById { get; private set; }
    public string RegisteredByName { get; private set; }
    public DateTimeOffset RegisteredAt { get; private set; }
    /// <summary>累计志愿服务时长: the sum of the volunteer's <b>final</b> hour records in whole minutes (a roll-up kept by
    /// <see cref="Hours.FinalizeHours"/>, reconciled by a test); the stars come from it.</summary>
    public int FinalMinutes { get; private set; }
    public int Version { get; private set; }

    public void Touch() => Version++;

    public void Describe(string name, SealedValue phone, VolunteerSkill skills, string skillNotes, VolunteerAvailability availability)
    {
        Name = name;
        Phone = phone;
        Skills = skills;
        SkillNotes = skillNotes;
        Availability = availability;
    }

    public void SetGuardian(string name, string relation, SealedValue? phone, DateOnly? consentOn, bool selfSupporting)
    {
        GuardianName = name;
        GuardianRelation = relation;
        GuardianPhone = phone;
        GuardianConsentOn = consentOn;
        SelfSupporting = selfSupporting;
    }

    public void MoveTo(string areaCode) => AreaCode = areaCode;

    public void LinkAccount(Guid userId) => UserId = userId;

    public void SetStatus(VolunteerStatus status, string reason)
    {
        Status = status;
        StatusReason = reason;
    }

    public void Renumber(string volunteerNo) => VolunteerNo = volunteerNo;

    public static readonly VolunteerSkill[] AllSkills = Enum.GetValues<VolunteerSkill>();
    public static readonly VolunteerAvailability[] AllAvailability = Enum.GetValues<VolunteerAvailability>();

    public static IReadOnlyList<VolunteerSkill> Split(VolunteerSkill set) => AllSkills.Where(f => (set & f) == f).ToList();
    public static IReadOnlyList<VolunteerAvailability> Split(VolunteerAvailability set) => AllAvailability.Where(f => (set & f) == f).ToList();
    public static VolunteerSkill Join(IEnumerable<VolunteerSkill>? skills) => (skills ?? []).Aggregate((VolunteerSkill)0, (s, f) => s | f);
    public static VolunteerAvailability Join(IEnumerable<VolunteerAvailability>? times) => (times ?? []).Aggregate((VolunteerAvailability)0, (s, f) => s | f);

    public static string SkillLabel(VolunteerSkill skill) => skill switch
    {
        VolunteerSkill.Companionship => Lang.T("陪伴关怀", "Companionship"),
        VolunteerSkill.Medical => Lang.T("医疗护理", "Medical care"),
        VolunteerSkill.Counselling => Lang.T("心理疏导", "Counselling"),
        VolunteerSkill.Legal => Lang.T("法律咨询", "Legal advice"),
        VolunteerSkill.Tutoring => Lang.T("教育辅导", "Tutoring"),
        VolunteerSkill.Arts => Lang.T("文艺表演", "Arts"),
        VolunteerSkill.Photography => Lang.T("摄影宣传", "Photography"),
        VolunteerSkill.Driving => Lang.T("驾驶", "Driving"),
        VolunteerSkill.Repairs => Lang.T("家电维修", "Repairs"),
        VolunteerSkill.Computing => Lang.T("电脑网络", "Computing"),
        VolunteerSkill.SignLanguage => Lang.T("手语", "Sign language"),
        VolunteerSkill.EmergencyRescue => Lang.T("应急救援", "Emergency rescue"),
        VolunteerSkill.Other => Lang.T("其他", "Other"),
        0 => "",
        _ => string.Join(Lang.T("、", ", "), Split(skill).Select(SkillLabel)),
    };

    public static string AvailabilityLabel(VolunteerAvailability a) => a switch
    {
        VolunteerAvailability.WeekdayDaytime => Lang.T("工作日白天", "Weekday daytime"),
        VolunteerAvailability.WeekdayEvening => Lang.T("工作日晚上", "Weekday evenings"),
        VolunteerAvailability.Weekend => Lang.T("周末", "Weekends"),
        VolunteerAvailability.Holidays => Lang.T("节假日", "Public holidays"),
        0 => "",
        _ => string.Join(Lang.T("、", ", "), Split(a).Select(AvailabilityLabel)),
    };

    public static string StatusLabel(VolunteerStatus s) => s switch
    {
        VolunteerStatus.Active => Lang.T("在册", "Active"),
        VolunteerStatus.Suspended => Lang.T("暂停", "Suspended"),
        VolunteerStatus.Withdrawn => Lang.T("已注销", "Withdrawn"),
        _ => s.ToString(),
    };

    public static string StatusBadge(VolunteerStatus s) => s switch
    {
        VolunteerStatus.Active => "text-bg-success",
        VolunteerStatus.Suspended => "text-bg-warning",
        _ => "text-bg-secondary",
    };

    public static string SourceLabel(VolunteerSource s) => s switch
    {
        VolunteerSource.SelfService => Lang.T("本人注册", "Self-registered"),
        VolunteerSource.Staff => Lang.T("工作人员登记", "Registered by staff"),
        VolunteerSource.Import => Lang.T("批量导入", "Imported"),
        _ => s.ToString(),
    };
}

/// <summary>
/// The age rules of volunteer registration (DOMAIN.md; 《志愿服务条例》 and the national registration rules): from 18; 16–18 when
/// self-supporting; 14–18 with a guardian's consent; under 14 not as a registered volunteer. Ages are full years on the China date
/// (<see cref="Platform.ChinaTime.AgeOn"/>): born 2012-12-01, one is 13 at 23:59 on 2026-11-30 China time and 14 a minute later.
/// </summary>
public static class VolunteerAge
{
    public const int MinAge = 14, SelfSupportingAge = 16, AdultAge = 18;

    /// <summary>Null when a person born on <paramref name="birth"/> may register on <paramref name="today"/> (China date), else why not.</summary>
    public static string? Refusal(DateOnly birth, DateOnly today, bool guardianConsent, bool selfSupporting)
    {
        var age = Platform.ChinaTime.AgeOn(birth, today);
        if (age < MinAge)
            return Lang.T($"未满 14 周岁（现 {age} 岁）不能注册为志愿者，可在家长陪同下参加适合的活动",
                $"Under 14 (now {age}): cannot register as a volunteer; may join suitable activities with a parent");
        if (age >= AdultAge || guardianConsent) return null;
        if (age >= SelfSupportingAge && selfSupporting) return null;
        return age >= SelfSupportingAge
            ? Lang.T("未满 18 周岁注册须有监护人同意（填写监护人和同意日期），或确认以自己的劳动收入为主要生活来源",
                "Under 18: a guardian's consent is needed (guardian and date), or confirm you live on your own labour income")
            : Lang.T("未满 16 周岁注册须有监护人同意，请填写监护人、关系、电话和同意日期",
                "Under 16: a guardian's consent is needed; give the guardian, relation, phone and date of consent");
    }
}
