using Microsoft.EntityFrameworkCore;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Features.Households;

public enum VisitMethod
{
    InPerson = 1,
    Phone = 2,
    Video = 3,
    Other = 9,
}

/// <summary>
/// 入户探访: a visit to a household — date, method, visitors (social workers, and volunteers in a "社工+志愿者" joint
/// visit: <see cref="VisitParticipant"/>), what was found, services given on the spot and follow-ups. Recording one
/// moves the household's next-due date in the same transaction and writes a <see cref="ServiceRecord"/>.
/// </summary>
public sealed class Visit : IAreaScoped
{
    private Visit() { AreaCode = Visitors = LivingConditions = Health = Safety = NeedsFound = ServicesNote = FollowUps = RecordedByName = ""; Services = []; }

    public Visit(Household household, DateOnly visitedOn, VisitMethod method, string visitors, string livingConditions, string health,
        string safety, string needsFound, List<ServiceKind> services, string servicesNote, string followUps, DateOnly? followUpDue,
        Guid? recordedById, string recordedByName, DateTimeOffset recordedAt)
    {
        Id = Guid.CreateVersion7();
        HouseholdId = household.Id;
        AreaCode = household.AreaCode;
        VisitedOn = visitedOn;
        Method = method;
        Visitors = visitors;
        LivingConditions = livingConditions;
        Health = health;
        Safety = safety;
        NeedsFound = needsFound;
        Services = services;
        ServicesNote = servicesNote;
        FollowUps = followUps;
        FollowUpDue = followUpDue;
        RecordedById = recordedById;
        RecordedByName = recordedByName;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public Guid HouseholdId { get; private set; }
    public string AreaCode { get; private set; }
    public DateOnly VisitedOn { get; private set; }
    public VisitMethod Method { get; private set; }
    /// <summary>The visitors' names as one line, as the recorder read it ("刘社工、冯小雨（志愿者）"); pages tell it again with <see cref="VisitorLine"/>.</summary>
    public string Visitors { get; private set; }
    /// <summary>Findings (free text; may name residents' health: sensitive in the audit).</summary>
    public string LivingConditions { get; private set; }
    public string Health { get; private set; }
    public string Safety { get; private set; }
    public string NeedsFound { get; private set; }
    /// <summary>Services given on the spot (生活照料, 心理疏导, 法律咨询 …).</summary>
    public List<ServiceKind> Services { get; private set; }
    public string ServicesNote { get; private set; }
    public string FollowUps { get; private set; }
    public DateOnly? FollowUpDue { get; private set; }
    public Guid? RecordedById { get; private set; }
    public string RecordedByName { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>A visit's line in the service records: the address and the method, in the page's language ("团结路107号（入户）").</summary>
    public static string Summary(string address, VisitMethod method) =>
        Lang.T($"{address}（{MethodLabel(method)}）", $"{address} ({MethodLabel(method)})");

    public static string MethodLabel(VisitMethod m) => m switch
    {
        VisitMethod.InPerson => Lang.T("入户", "In person"),
        VisitMethod.Phone => Lang.T("电话", "Phone"),
        VisitMethod.Video => Lang.T("视频", "Video"),
        _ => Lang.T("其他", "Other"),
    };
}

/// <summary>
/// The visitors of a visit as one line in the reader's language — the one place that tells them, for the household page, the
/// service records and a case's services: social workers first, then volunteers marked "（志愿者）" / " (volunteer)" unless their
/// name already says so ("志愿者 柏青" stays as it is). Read from the visit's participants, not from the line stored with the visit
/// (<see cref="Visit.Visitors"/>, written in the recorder's language, kept for the audit and as the fallback of a visit without them).
/// </summary>
public static class VisitorLine
{
    public static string Of(IEnumerable<(string Name, ParticipantKind Kind)> people) =>
        string.Join(Lang.T("、", ", "), people.OrderBy(p => p.Kind).Select(p =>
            p.Kind == ParticipantKind.Volunteer && !SaysVolunteer(p.Name) ? p.Name + Lang.T("（志愿者）", " (volunteer)") : p.Name));

    static bool SaysVolunteer(string name) =>
        name.Contains("志愿者", StringComparison.Ordinal) || name.Contains("volunteer", StringComparison.OrdinalIgnoreCase);

    /// <summary>The line of each of <paramref name="visitIds"/> that has participants (in the reader's scope).</summary>
    public static async Task<Dictionary<Guid, string>> ForVisitsAsync(Data.AppDb db, IReadOnlyCollection<Guid> visitIds, CancellationToken ct = default)
    {
        if (visitIds.Count == 0) return [];
        var rows = await db.Set<VisitParticipant>().AsNoTracking().Where(p => visitIds.Contains(p.VisitId))
            .OrderBy(p => p.Kind).ThenBy(p => p.Id).Select(p => new { p.VisitId, p.Name, p.Kind }).ToListAsync(ct);
        return rows.GroupBy(p => p.VisitId).ToDictionary(g => g.Key, g => Of(g.Select(p => (p.Name, p.Kind))));
    }
}

public enum ParticipantKind
{
    SocialWorker = 1,
    Volunteer = 2,
}

/// <summary>
/// A visitor of a visit: a social worker or a volunteer, with their account when they have one. A volunteer or an
/// organization's staff member sees a household only through a visit they took part in (non-sensitive fields).
/// </summary>
public sealed class VisitParticipant : IAreaScoped
{
    private VisitParticipant() { AreaCode = Name = ""; }

    public VisitParticipant(Visit visit, Guid? userId, string name, ParticipantKind kind)
    {
        Id = Guid.CreateVersion7();
        VisitId = visit.Id;
        HouseholdId = visit.HouseholdId;
        AreaCode = visit.AreaCode;
        UserId = userId;
        Name = name;
        Kind = kind;
    }

    public static string KindLabel(ParticipantKind k) => k == ParticipantKind.SocialWorker ? Lang.T("社工", "Social worker") : Lang.T("志愿者", "Volunteer");

    public Guid Id { get; private set; }
    public Guid VisitId { get; private set; }
    public Guid HouseholdId { get; private set; }
    public string AreaCode { get; private set; }
    public Guid? UserId { get; private set; }
    public string Name { get; private set; }
    public ParticipantKind Kind { get; private set; }
}
