using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Households;

public enum HouseholdStatus
{
    Active = 1,
    /// <summary>迁出、注销: no longer visited; kept for its history.</summary>
    Closed = 2,
}

/// <summary>Why a household was closed (注销原因).</summary>
public enum ClosureReason
{
    /// <summary>迁出: moved away.</summary>
    MovedAway = 1,
    /// <summary>死亡: the household's people died.</summary>
    Died = 2,
    /// <summary>不再符合条件: no longer among the people at risk.</summary>
    NoLongerEligible = 3,
    /// <summary>其他: said in the note.</summary>
    Other = 9,
}

/// <summary>
/// 家庭户: a tracked household of a community or village (its 12-digit code), with its address, members
/// (<see cref="Resident"/>), its colour card and its visiting plan. <see cref="NextDueOn"/> is a roll-up kept
/// in the same transaction as the visit, card change or major-change report that moves it (DOMAIN.md,
/// Households: tiered visiting); the overdue lists read it instead of summing visits.
/// </summary>
public sealed class Household : IAreaScoped
{
    private Household() { AreaCode = Address = HeadName = WorkerName = MajorChangeNote = ""; }

    public Household(string areaCode, string address, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        AreaCode = areaCode;
        Address = address;
        HeadName = WorkerName = MajorChangeNote = "";
        Status = HouseholdStatus.Active;
        CreatedAt = createdAt;
        VisitEveryDays = VisitPlan.DefaultEveryDays;
        Replan();
    }

    public Guid Id { get; private set; }
    /// <summary>The community (社区) or village (村) the household lives in: a 12-digit code of level Village.</summary>
    public string AreaCode { get; private set; }
    public string Address { get; private set; }
    /// <summary>The head's name, kept with the household for lists (the member whose relation is <see cref="Relation.Head"/>).</summary>
    public string HeadName { get; private set; }
    public int MemberCount { get; private set; }
    public HouseholdStatus Status { get; private set; }

    /// <summary>The colour card's scheme and colour key (null: no card yet; visited quarterly by default).</summary>
    public Guid? CardSchemeId { get; private set; }
    public string? CardColour { get; private set; }
    /// <summary>The card's name as the scheme said when it was assigned (红卡, 橙卡 …).</summary>
    public string? CardName { get; private set; }
    /// <summary>Days between visits for the card (7 weekly, 30 monthly, 90 quarterly …).</summary>
    public int VisitEveryDays { get; private set; }

    /// <summary>包户社工: the social worker responsible for visiting (a user id), and their name for lists.</summary>
    public Guid? WorkerId { get; private set; }
    public string WorkerName { get; private set; }

    public DateOnly? LastVisitedOn { get; private set; }
    /// <summary>The day the next visit falls due (China dates); overdue from the day after. Null for a closed household.</summary>
    public DateOnly? NextDueOn { get; private set; }
    /// <summary>The day of the last major change (重大变故), as reported, kept for the record.</summary>
    public DateOnly? MajorChangeOn { get; private set; }
    /// <summary>The China day that change was reported: the visit is due within 24 hours of the report (a change learnt of late is not overdue at once).</summary>
    public DateOnly? MajorChangeReportedOn { get; private set; }
    /// <summary>What the last major change was (sensitive free text: it may tell a resident's illness or death).</summary>
    public string MajorChangeNote { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    /// <summary>The concurrency token: every change below bumps it, so two saves of one household at once cannot both win (the second is 409).</summary>
    public int Version { get; private set; }

    public void Edit(string address)
    {
        Version++;
        Address = address;
    }

    public void SetHead(string name)
    {
        Version++;
        HeadName = name;
    }

    public void SetMemberCount(int count)
    {
        Version++;
        MemberCount = count;
    }

    public void AssignWorker(Guid? workerId, string workerName)
    {
        Version++;
        WorkerId = workerId;
        WorkerName = workerName;
    }

    /// <summary>Gives the household its card and moves the next visit by the card's frequency (<see cref="VisitPlan"/>).</summary>
    public void SetCard(Guid schemeId, string colour, string name, int visitEveryDays)
    {
        Version++;
        CardSchemeId = schemeId;
        CardColour = colour;
        CardName = name;
        VisitEveryDays = visitEveryDays;
        Replan();
    }

    /// <summary>The scheme renamed the household's colour (<see cref="SaveCardScheme"/>): the card's name shown with the household follows.</summary>
    public void RenameCard(string name)
    {
        Version++;
        CardName = name;
    }

    /// <summary>
    /// The scheme changed the frequency of the household's colour (<see cref="SaveCardScheme"/>): the next visit moves by the new
    /// frequency from the latest visit (<see cref="VisitPlan"/>). Days 1–365, checked by the scheme's rules.
    /// </summary>
    public void SetVisitFrequency(int visitEveryDays)
    {
        Version++;
        VisitEveryDays = visitEveryDays;
        Replan();
    }

    /// <summary>A visit on <paramref name="visitedOn"/>: the next is due by the card's frequency from the latest visit.</summary>
    public void Visited(DateOnly visitedOn)
    {
        Version++;
        if (LastVisitedOn is null || visitedOn > LastVisitedOn) LastVisitedOn = visitedOn;
        if (MajorChangeOn is { } change && visitedOn >= change) (MajorChangeOn, MajorChangeReportedOn) = (null, null);
        Replan();
    }

    /// <summary>
    /// A major change that happened on <paramref name="on"/>, reported on <paramref name="reportedOn"/> (China dates; the
    /// later of the two when not given): a visit is due by the day after the report (DOMAIN.md: within 24 h).
    /// </summary>
    public void MajorChange(DateOnly on, string note = "", DateOnly? reportedOn = null)
    {
        Version++;
        MajorChangeOn = on;
        MajorChangeReportedOn = reportedOn is { } r && r > on ? r : on;
        MajorChangeNote = note;
        Replan();
    }

    /// <summary>注销原因, day and note of the closing (null while active; cleared on reopening, the audit trail keeps them).</summary>
    public ClosureReason? ClosedReason { get; private set; }
    public DateOnly? ClosedOn { get; private set; }
    public string ClosedNote { get; private set; } = "";

    public void Close(ClosureReason reason, DateOnly on, string note)
    {
        Version++;
        Status = HouseholdStatus.Closed;
        ClosedReason = reason;
        ClosedOn = on;
        ClosedNote = note;
        NextDueOn = null;
    }

    /// <summary>恢复: the day and the reason of the last reopening (null and "" before any; the audit trail keeps each one, with the closing it undid).</summary>
    public DateOnly? ReopenedOn { get; private set; }
    public string ReopenReason { get; private set; } = "";

    /// <summary>The household returns to the visiting plan on <paramref name="on"/>, for <paramref name="reason"/>: the closing's reason, day and note are cleared (the audit row names the old ones).</summary>
    public void Reopen(DateOnly on, string reason)
    {
        Version++;
        Status = HouseholdStatus.Active;
        ClosedReason = null;
        ClosedOn = null;
        ClosedNote = "";
        ReopenedOn = on;
        ReopenReason = reason;
        Replan();
    }

    /// <summary>
    /// 迁移: the last move to another community — the day and the community (12 digits) it came from; null when never moved.
    /// Every move is in the audit log (所属社区 old → new); the household page shows the last one.
    /// </summary>
    public DateOnly? MovedOn { get; private set; }
    [AreaCodeColumn(Indexed = false)] public string? MovedFromAreaCode { get; private set; }
    /// <summary>What the worker noted about the last move (up to 200 characters; sensitive: it may tell of a family's affairs).</summary>
    public string MoveNote { get; private set; } = "";

    /// <summary>The household (the caller moves its members, tags, consents and card history) now lives in <paramref name="areaCode"/> at <paramref name="address"/>, since <paramref name="on"/>.</summary>
    public void MoveTo(string areaCode, string address, DateOnly on, string note)
    {
        Version++;
        MovedFromAreaCode = AreaCode;
        AreaCode = areaCode;
        Address = address;
        MovedOn = on;
        MoveNote = note;
    }

    /// <summary>No card any more (the new community's scheme is another one): visited quarterly by default until a card of that scheme is given.</summary>
    public void ClearCard()
    {
        Version++;
        CardSchemeId = null;
        CardColour = null;
        CardName = null;
        VisitEveryDays = VisitPlan.DefaultEveryDays;
        Replan();
    }

    void Replan() =>
        NextDueOn = Status == HouseholdStatus.Closed ? null : VisitPlan.NextDue(LastVisitedOn, VisitEveryDays, MajorChangeReportedOn ?? MajorChangeOn, CreatedAtChina());

    DateOnly CreatedAtChina() => DateOnly.FromDateTime(CreatedAt.ToOffset(Platform.ChinaTime.Offset).DateTime);

    public static string ClosureLabel(ClosureReason r) => r switch
    {
        ClosureReason.MovedAway => Lang.T("迁出", "Moved away"),
        ClosureReason.Died => Lang.T("死亡", "Died"),
        ClosureReason.NoLongerEligible => Lang.T("不再符合条件", "No longer eligible"),
        _ => Lang.T("其他", "Other"),
    };

    public static string StatusLabel(HouseholdStatus s) => s == HouseholdStatus.Active ? Lang.T("在册", "Active") : Lang.T("已注销", "Closed");
}

public enum Sex
{
    Male = 1,
    Female = 2,
}

/// <summary>与户主关系 (GB/T 4761, shortened to what community registers use).</summary>
public enum Relation
{
    Head = 1,
    Spouse = 2,
    Child = 3,
    Parent = 4,
    Grandchild = 5,
    Grandparent = 6,
    Sibling = 7,
    ChildInLaw = 8,
    Other = 9,
}

/// <summary>A member's standing: active, or left the household (迁出) or died (死亡) — <see cref="RecordMemberLeft"/>.</summary>
public enum ResidentStatus
{
    Active = 1,
    MovedOut = 2,
    Deceased = 3,
}

/// <summary>
/// 居民: a member of a household. The ID number is sealed (encrypted, keyed hash unique across the platform, masked
/// 5205**********0172) and its last four characters are kept in <see cref="IdTail"/> for search. A minor has a guardian
/// (<see cref="GuardianName"/>); a child under 14 (at China's midnight) needs the guardian's separate consent before
/// sensitive fields — ID number, phone, health, target-group tags — are saved (DOMAIN.md, Personal information).
/// </summary>
public sealed class Resident : IAreaScoped
{
    private Resident() { AreaCode = Name = HealthNote = GuardianName = GuardianRelation = ""; }

    public Resident(Household household, string name, Sex sex, DateOnly birthDate, Relation relation, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        HouseholdId = household.Id;
        AreaCode = household.AreaCode;
        Name = name;
        Sex = sex;
        BirthDate = birthDate;
        Relation = relation;
        HealthNote = GuardianName = GuardianRelation = "";
        Status = ResidentStatus.Active;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public Guid HouseholdId { get; private set; }
    public string AreaCode { get; private set; }
    public string Name { get; private set; }
    public Sex Sex { get; private set; }
    public DateOnly BirthDate { get; private set; }
    public Relation Relation { get; private set; }
    public ResidentStatus Status { get; private set; }
    /// <summary>The China day the member moved out or died (null while active).</summary>
    public DateOnly? LeftOn { get; private set; }
    /// <summary>What the worker noted about it (up to 200 characters; sensitive: it may tell of a death).</summary>
    public string LeftNote { get; private set; } = "";

    /// <summary>The member moved out or died on <paramref name="on"/>: no longer an active member (kept, with the day). One who moved out frees the ID number for a new registration.</summary>
    public void Leave(ResidentStatus status, DateOnly on, string note)
    {
        Version++;
        Status = status;
        LeftOn = on;
        LeftNote = note;
        IdNumberReleased = status == ResidentStatus.MovedOut;
    }

    /// <summary>
    /// The ID number no longer holds the person here, so it may be registered again (in another household, another township):
    /// the member moved out (<see cref="Leave"/>) or the household was closed as 迁出 (<see cref="ClosureReason.MovedAway"/>).
    /// The unique index on the ID number's keyed hash covers only the residents that hold theirs (this false); a death keeps it.
    /// </summary>
    public bool IdNumberReleased { get; private set; }

    /// <summary>The household closed as moved away (true), or reopened (false: the member holds the ID number again).</summary>
    public void ReleaseIdNumber(bool released)
    {
        Version++;
        IdNumberReleased = released;
    }

    /// <summary>The household moved to another community (<see cref="MoveHousehold"/>): the member with it.</summary>
    public void MoveTo(string areaCode)
    {
        Version++;
        AreaCode = areaCode;
    }

    /// <summary>Sensitive: the resident ID number (GB 11643; HK/MO/TW residence permits 81/82/83 too), upper-case X.</summary>
    public SealedValue? IdNumber { get; private set; }
    /// <summary>The ID number's last four characters, for search by the masked tail (an index serves it).</summary>
    public string? IdTail { get; private set; }
    public SealedValue? Phone { get; private set; }
    /// <summary>Sensitive free text: health, disability, care needs.</summary>
    public string HealthNote { get; private set; }

    /// <summary>监护人 of a minor: name, relation, phone (sealed).</summary>
    public string GuardianName { get; private set; }
    public string GuardianRelation { get; private set; }
    public SealedValue? GuardianPhone { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }
    public int Version { get; private set; }

    /// <summary>Every edit of a member passes here (the form's fields, then its sealed values and tags): the version moves once a save.</summary>
    public void Edit(string name, Sex sex, DateOnly birthDate, Relation relation)
    {
        Version++;
        Name = name;
        Sex = sex;
        BirthDate = birthDate;
        Relation = relation;
    }

    public void SetIdNumber(SealedValue? id, string? tail)
    {
        IdNumber = id;
        IdTail = tail;
    }

    public void SetPhone(SealedValue? phone) => Phone = phone;

    public void SetHealthNote(string note) => HealthNote = note;

    /// <summary>The sensitive fields gone (a child's guardian consent withdrawn): ID number, phone, health note.</summary>
    public void EraseSensitive()
    {
        SetIdNumber(null, null);
        Phone = null;
        HealthNote = "";
    }

    public void SetGuardian(string name, string relation, SealedValue? phone)
    {
        GuardianName = name;
        GuardianRelation = relation;
        GuardianPhone = phone;
    }


    public static string SexLabel(Sex s) => s == Sex.Male ? Lang.T("男", "Male") : Lang.T("女", "Female");

    public static string RelationLabel(Relation r) => r switch
    {
        Relation.Head => Lang.T("户主", "Head"),
        Relation.Spouse => Lang.T("配偶", "Spouse"),
        Relation.Child => Lang.T("子女", "Child"),
        Relation.Parent => Lang.T("父母", "Parent"),
        Relation.Grandchild => Lang.T("孙子女", "Grandchild"),
        Relation.Grandparent => Lang.T("祖父母", "Grandparent"),
        Relation.Sibling => Lang.T("兄弟姐妹", "Sibling"),
        Relation.ChildInLaw => Lang.T("儿媳/女婿", "Child-in-law"),
        _ => Lang.T("其他", "Other"),
    };

    public static string StatusLabel(ResidentStatus s) => s switch
    {
        ResidentStatus.Active => Lang.T("在册", "Active"),
        ResidentStatus.MovedOut => Lang.T("已迁出", "Moved out"),
        _ => Lang.T("已故", "Deceased"),
    };
}
