using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Casework;

/// <summary>小组详情: the group, its members (ID numbers masked) with how many sessions each attended, and its sessions. 404 outside the scope.</summary>
public static class GetGroup
{
    public sealed record Member(Guid ResidentId, string Name, Sex Sex, int Age, string? IdNumber, DateOnly JoinedOn, int Attended);

    public sealed record Session(Guid Id, int Number, DateOnly HeldOn, string Theme, string Notes, int Attendance, List<string> Attendees);

    public sealed record Details(Guid Id, GroupKind Kind, string Title, string Topic, string TargetGroup, string AreaCode, string AreaName,
        int PlannedSessions, int SessionsHeld, DateOnly StartsOn, Guid? WorkerId, string WorkerName, GroupStatus Status, int Version,
        List<Member> Members, List<Session> Sessions);

    public static async Task<Result<Details>> Handle(AppDb db, TimeProvider clock, Guid id, CancellationToken ct = default)
    {
        var g = await db.Set<Group>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (g is null) return Failure.NotFound();
        var today = ChinaTime.Today(clock);
        var sessions = await db.Set<GroupSession>().AsNoTracking().Where(s => s.GroupId == id).OrderByDescending(s => s.Number).ToListAsync(ct);
        var sessionIds = sessions.Select(s => s.Id).ToList();
        // Who attended which session: the beneficiaries of the sessions' service records.
        var attendance = await (from r in db.Set<ServiceRecord>()
                                where r.Source == ServiceSource.GroupSession && sessionIds.Contains(r.SourceId)
                                join b in db.Set<ServiceBeneficiary>() on r.Id equals b.ServiceRecordId
                                select new { r.SourceId, b.ResidentId }).ToListAsync(ct);
        var members = await (from m in db.Set<GroupMember>().Where(m => m.GroupId == id)
                             join r in db.Set<Resident>() on m.ResidentId equals r.Id
                             orderby r.Name, r.Id
                             select new { r.Id, r.Name, r.Sex, r.BirthDate, Masked = r.IdNumber!.Masked, m.JoinedOn }).ToListAsync(ct);
        var attendeeIds = attendance.Select(a => a.ResidentId).Distinct().ToList();
        var names = await db.Set<Resident>().AsNoTracking().Where(r => attendeeIds.Contains(r.Id)).Select(r => new { r.Id, r.Name }).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
        var area = await AreaNames.LookupAsync(db, [g.AreaCode], ct);
        return new Details(g.Id, g.Kind, g.Title, g.Topic, g.TargetGroup, g.AreaCode, area.GetValueOrDefault(g.AreaCode, g.AreaCode),
            g.PlannedSessions, g.SessionsHeld, g.StartsOn, g.WorkerId, g.WorkerName, g.Status, g.Version,
            [.. members.Select(m => new Member(m.Id, m.Name, m.Sex, ChinaTime.AgeOn(m.BirthDate, today), m.Masked, m.JoinedOn, attendance.Count(a => a.ResidentId == m.Id)))],
            [.. sessions.Select(s => new Session(s.Id, s.Number, s.HeldOn, s.Theme, s.Notes, s.Attendance,
                [.. attendance.Where(a => a.SourceId == s.Id).Select(a => names.GetValueOrDefault(a.ResidentId, "")).Where(n => n.Length > 0).Order()]))]);
    }
}
