using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Features.Stations;

public enum SupervisionKind
{
    Supervision = 1,
    CapacityBuilding = 2,
}

/// <summary>督导: a guidance centre's supervision or capacity-building visit to a station.</summary>
public sealed class Supervision : IAreaScoped
{
    private Supervision() { AreaCode = SupervisorName = Topics = Findings = FollowUps = ""; }

    public Supervision(Station station, SupervisionKind kind, DateOnly visitedOn, Guid? supervisorId, string supervisorName,
        string topics, string findings, string followUps, DateOnly? followUpDue, DateTimeOffset recordedAt)
    {
        Id = Guid.CreateVersion7();
        StationId = station.Id;
        AreaCode = station.AreaCode;
        Kind = kind;
        VisitedOn = visitedOn;
        SupervisorId = supervisorId;
        SupervisorName = supervisorName;
        Topics = topics;
        Findings = findings;
        FollowUps = followUps;
        FollowUpDue = followUpDue;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public Guid StationId { get; private set; }
    public string AreaCode { get; private set; }
    public SupervisionKind Kind { get; private set; }
    public DateOnly VisitedOn { get; private set; }
    public Guid? SupervisorId { get; private set; }
    public string SupervisorName { get; private set; }
    public string Topics { get; private set; }
    public string Findings { get; private set; }
    public string FollowUps { get; private set; }
    public DateOnly? FollowUpDue { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    public static string KindLabel(SupervisionKind k) => k == SupervisionKind.Supervision ? Lang.T("督导", "Supervision") : Lang.T("能力建设", "Capacity building");
}
