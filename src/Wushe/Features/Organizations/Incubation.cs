using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Features.Organizations;

/// <summary>进行中 → 已出壳 (graduated) or 已退出 (withdrawn); both final.</summary>
public enum IncubationStatus
{
    InProgress = 1,
    Graduated = 2,
    Withdrawn = 3,
}

/// <summary>What an incubator gave: 场地, 资金, 培训, 督导, 其他.</summary>
public enum IncubationSupportKind
{
    Venue = 1,
    Funding = 2,
    Training = 3,
    Supervision = 4,
    Other = 9,
}

/// <summary>
/// 孵化: an organization incubated at a station or centre (the host: a station of the register, or a name such as a
/// county's 社会组织孵化基地), from a start date to a planned end, with milestones and the support given. Held in the
/// organization's area (its registering authority's), as the organization is: whoever keeps the organization keeps its
/// incubation. At most one programme of an organization is in progress at a time (a unique index filtered on the status,
/// <see cref="OneInProgressIndex"/>, holds it against starts at one moment); 出壳 and 退出 are final (a new stay is a
/// new programme). Graduating does not register the organization: registration needs its credit code (Organization's life cycle).
/// </summary>
public sealed class IncubationProgramme : IAreaScoped
{
    /// <summary>The unique index on <see cref="OrganizationId"/> over programmes in progress only.</summary>
    public const string OneInProgressIndex = "IX_IncubationProgramme_OrganizationId_InProgress";

    private IncubationProgramme() { AreaCode = HostName = StatusReason = ""; }

    public IncubationProgramme(Organization organization, Guid? hostStationId, string hostName, DateOnly startOn, DateOnly plannedEndOn)
    {
        Id = Guid.CreateVersion7();
        OrganizationId = organization.Id;
        AreaCode = organization.AreaCode;
        HostStationId = hostStationId;
        HostName = hostName;
        StartOn = startOn;
        PlannedEndOn = plannedEndOn;
        Status = IncubationStatus.InProgress;
        StatusReason = "";
    }

    public Guid Id { get; private set; }
    public Guid OrganizationId { get; private set; }

    /// <summary>The organization's area (its scope).</summary>
    public string AreaCode { get; private set; }

    /// <summary>The host station or centre, when it is one of the register's; null for a host named only (孵化基地).</summary>
    public Guid? HostStationId { get; private set; }

    /// <summary>The host's name: the station's at the time, or the name given.</summary>
    public string HostName { get; private set; }
    public DateOnly StartOn { get; private set; }
    public DateOnly PlannedEndOn { get; private set; }
    public IncubationStatus Status { get; private set; }

    /// <summary>The day it ended (出壳 or 退出); null while in progress.</summary>
    public DateOnly? EndedOn { get; private set; }
    public string StatusReason { get; private set; }

    /// <summary>Application-managed concurrency token.</summary>
    public int Version { get; private set; }

    public void Touch() => Version++;

    public void Edit(Guid? hostStationId, string hostName, DateOnly startOn, DateOnly plannedEndOn)
    {
        HostStationId = hostStationId;
        HostName = hostName;
        StartOn = startOn;
        PlannedEndOn = plannedEndOn;
    }

    /// <summary>Why the move to <paramref name="to"/> is refused; null when allowed (from in progress to an end, once).</summary>
    public static string? Refusal(IncubationStatus from, IncubationStatus to) =>
        from != IncubationStatus.InProgress ? Lang.T($"孵化已{StatusLabel(from)}，不能再变更", $"The incubation is already {StatusLabel(from)}")
        : to == IncubationStatus.InProgress ? Lang.T("孵化已在进行中", "The incubation is already in progress")
        : null;

    public void End(IncubationStatus to, DateOnly on, string reason)
    {
        if (Refusal(Status, to) is { } refusal) throw new InvalidOperationException(refusal);
        Status = to;
        EndedOn = on;
        StatusReason = reason;
    }

    public static string StatusLabel(IncubationStatus status) => status switch
    {
        IncubationStatus.InProgress => Lang.T("孵化中", "In progress"),
        IncubationStatus.Graduated => Lang.T("已出壳", "Graduated"),
        _ => Lang.T("已退出", "Withdrawn"),
    };

    public static string StatusBadge(IncubationStatus status) => status switch
    {
        IncubationStatus.InProgress => "text-bg-warning",
        IncubationStatus.Graduated => "text-bg-success",
        _ => "text-bg-secondary",
    };

    public static string KindLabel(IncubationSupportKind kind) => kind switch
    {
        IncubationSupportKind.Venue => Lang.T("场地", "Venue"),
        IncubationSupportKind.Funding => Lang.T("资金", "Funding"),
        IncubationSupportKind.Training => Lang.T("培训", "Training"),
        IncubationSupportKind.Supervision => Lang.T("督导", "Supervision"),
        _ => Lang.T("其他", "Other"),
    };
}

/// <summary>A milestone of an incubation (title, due date, done on, note). Held in the organization's area.</summary>
public sealed class IncubationMilestone : IAreaScoped
{
    private IncubationMilestone() { AreaCode = Title = Note = ""; }

    public IncubationMilestone(IncubationProgramme programme, string title, DateOnly dueOn)
    {
        Id = Guid.CreateVersion7();
        ProgrammeId = programme.Id;
        AreaCode = programme.AreaCode;
        Title = title;
        DueOn = dueOn;
        Note = "";
    }

    public Guid Id { get; private set; }
    public Guid ProgrammeId { get; private set; }
    public string AreaCode { get; private set; }
    public string Title { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DateOnly? DoneOn { get; private set; }
    public string Note { get; private set; }

    public void Edit(string title, DateOnly dueOn, DateOnly? doneOn, string note)
    {
        Title = title;
        DueOn = dueOn;
        DoneOn = doneOn;
        Note = note;
    }
}

/// <summary>Support given during an incubation (date, kind, an amount in fen where money or its worth is known, note).</summary>
public sealed class IncubationSupport : IAreaScoped
{
    private IncubationSupport() { AreaCode = Note = ""; }

    public IncubationSupport(IncubationProgramme programme, DateOnly givenOn, IncubationSupportKind kind, long amountFen, string note)
    {
        Id = Guid.CreateVersion7();
        ProgrammeId = programme.Id;
        AreaCode = programme.AreaCode;
        GivenOn = givenOn;
        Kind = kind;
        AmountFen = amountFen;
        Note = note;
    }

    public Guid Id { get; private set; }
    public Guid ProgrammeId { get; private set; }
    public string AreaCode { get; private set; }
    public DateOnly GivenOn { get; private set; }
    public IncubationSupportKind Kind { get; private set; }

    /// <summary>The amount in fen; 0 when the support has none (training, supervision in kind).</summary>
    public long AmountFen { get; private set; }
    public string Note { get; private set; }
}
