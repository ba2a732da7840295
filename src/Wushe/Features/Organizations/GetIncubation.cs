using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Organizations;

/// <summary>
/// 孵化记录: an organization's incubation programmes, newest first, each with its milestones (by due date) and the support
/// given (by date, with the total in fen). Readable by whoever reads the organization (<see cref="OrganizationAccess"/>:
/// its staff included, and the register's readers for one registered above that serves in their scope); any other organization is 404.
/// </summary>
public static class GetIncubation
{
    public sealed record Programme(Guid Id, Guid? HostStationId, string HostName, DateOnly StartOn, DateOnly PlannedEndOn, IncubationStatus Status,
        DateOnly? EndedOn, string StatusReason, int Version, bool Overdue, IReadOnlyList<Milestone> Milestones, IReadOnlyList<Support> Support, long SupportTotalFen);

    public sealed record Milestone(Guid Id, string Title, DateOnly DueOn, DateOnly? DoneOn, string Note, bool Overdue);

    public sealed record Support(Guid Id, DateOnly GivenOn, IncubationSupportKind Kind, long AmountFen, string Note);

    public static async Task<Result<IReadOnlyList<Programme>>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid organizationId, CancellationToken ct = default)
    {
        if (!OrganizationAccess.MayRead(user, organizationId)) return Failure.NotFound();
        if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ct)
            && !(user.Has(OrganizationsPermissions.View) && await ServingOrganizations.RegisteredAbove(db, user).AnyAsync(o => o.Id == organizationId, ct)))
            return Failure.NotFound();
        var today = ChinaTime.Today(clock);
        // Held in the organization's area (above the scope for one registered above that serves here): read by its id, now readable.
        var programmes = await db.Set<IncubationProgramme>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().Where(p => p.OrganizationId == organizationId)
            .OrderByDescending(p => p.StartOn).ThenByDescending(p => p.Id).ToListAsync(ct);
        var ids = programmes.Select(p => p.Id).ToList();
        var milestones = await db.Set<IncubationMilestone>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().Where(m => ids.Contains(m.ProgrammeId))
            .OrderBy(m => m.DueOn).ThenBy(m => m.Id).ToListAsync(ct);
        var support = await db.Set<IncubationSupport>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().Where(s => ids.Contains(s.ProgrammeId))
            .OrderBy(s => s.GivenOn).ThenBy(s => s.Id).ToListAsync(ct);
        return programmes.Select(p =>
        {
            var given = support.Where(s => s.ProgrammeId == p.Id).Select(s => new Support(s.Id, s.GivenOn, s.Kind, s.AmountFen, s.Note)).ToList();
            return new Programme(p.Id, p.HostStationId, p.HostName, p.StartOn, p.PlannedEndOn, p.Status, p.EndedOn, p.StatusReason, p.Version,
                p.Status == IncubationStatus.InProgress && p.PlannedEndOn < today,
                milestones.Where(m => m.ProgrammeId == p.Id).Select(m => new Milestone(m.Id, m.Title, m.DueOn, m.DoneOn, m.Note, m.DoneOn is null && m.DueOn < today)).ToList(),
                given, given.Sum(s => s.AmountFen));
        }).ToList();
    }
}
