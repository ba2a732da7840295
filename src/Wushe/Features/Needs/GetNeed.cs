using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Features.Projects;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Needs;

/// <summary>
/// One need in the user's scope with its timeline (every step, timed, with who took it and the note), its matches, photos,
/// deadlines (overdue now or not), satisfaction, and the steps the user may take next (<see cref="NeedRules"/>: the page shows
/// its buttons by them, the use cases refuse by them). The requester's phone is masked; the person's name is shown in full to
/// those who read the household. Not found outside the scope.
/// </summary>
public static class GetNeed
{
    public sealed record Step(Guid Id, NeedStatus Status, DateTimeOffset At, string ByName, string Note);

    /// <summary>A match; for a project, what followed: its status and its delivery records (how many, the latest day).</summary>
    public sealed record Match(Guid Id, NeedMatchKind Kind, Guid? TargetId, string TargetName, string Note, DateTimeOffset At, string ByName,
        Projects.ProjectStatus? ProjectStatus = null, int ProjectRecords = 0, DateOnly? LastRecordOn = null);

    public sealed record Details(Guid Id, string NeedNo, string AreaCode, string AreaPath, Guid? HouseholdId, string? HouseholdAddress, Guid? ResidentId,
        string? ResidentName, NeedCategory Category, NeedUrgency Urgency, string Title, string Description, NeedSource Source, Guid? SourceId,
        NeedStatus Status, bool Verified, string RequesterName, string? RequesterPhone, string RaisedByName, DateTimeOffset RaisedAt, string HandlerName,
        DateTimeOffset AcceptDueAt, DateTimeOffset? ResolveDueAt, DateTimeOffset? AcceptedAt, DateTimeOffset? ResolvedAt, bool Overdue, string Outcome,
        int? Satisfaction, string SatisfactionComment, RatedBy? RatedBy, int Version, IReadOnlyList<Step> Steps, IReadOnlyList<Match> Matches,
        IReadOnlyList<Guid> PhotoIds, IReadOnlyList<NeedStatus> Next, bool MayMatch, bool MayFollowUp);

    public static async Task<Result<Details>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid id, CancellationToken ct = default)
    {
        var n = await db.Set<Need>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (n is null) return Failure.NotFound();
        var path = await AreaNames.PathAsync(db, n.AreaCode, ct);
        var address = n.HouseholdId is { } hid ? await db.Set<Household>().Where(h => h.Id == hid).Select(h => h.Address).FirstOrDefaultAsync(ct) : null;
        var resident = n.ResidentId is { } rid ? await db.Set<Resident>().Where(r => r.Id == rid).Select(r => r.Name).FirstOrDefaultAsync(ct) : null;
        var steps = await db.Set<NeedStep>().Where(s => s.NeedId == id).OrderBy(s => s.At).ThenBy(s => s.Status).ThenBy(s => s.Id)
            .Select(s => new Step(s.Id, s.Status, s.At, s.ByName, s.Note)).ToListAsync(ct);
        var matches = await db.Set<NeedMatch>().Where(m => m.NeedId == id).OrderBy(m => m.At).ThenBy(m => m.Id)
            .Select(m => new Match(m.Id, m.Kind, m.TargetId, m.TargetName, m.Note, m.At, m.ByName, null, 0, null)).ToListAsync(ct);
        // What followed a project match (traceability), under the project's title today (a draft may be renamed after the match):
        // read by the project's id — the need, in scope, names it.
        var projectIds = matches.Where(m => m.Kind == NeedMatchKind.Project && m.TargetId is not null).Select(m => m.TargetId!.Value).ToList();
        if (projectIds.Count > 0)
        {
            var followed = await db.Set<Projects.Project>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(p => projectIds.Contains(p.Id))
                .Select(p => new { p.Id, p.Status, p.Title }).ToDictionaryAsync(p => p.Id, ct);
            var records = await db.Set<Projects.ProjectActivity>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(a => projectIds.Contains(a.ProjectId)).Counted()
                .GroupBy(a => a.ProjectId).Select(g => new { g.Key, Count = g.Count(), Last = g.Max(a => a.HeldOn) }).ToDictionaryAsync(g => g.Key, ct);
            matches = [.. matches.Select(m => m.TargetId is { } t && followed.TryGetValue(t, out var p)
                ? m with { TargetName = p.Title, ProjectStatus = p.Status, ProjectRecords = records.TryGetValue(t, out var r) ? r.Count : 0, LastRecordOn = records.TryGetValue(t, out var l) ? l.Last : null }
                : m)];
        }
        var photos = await db.Set<NeedPhoto>().Where(p => p.NeedId == id).OrderBy(p => p.Id).Select(p => p.FileId).ToListAsync(ct);
        var manage = user.Has(NeedsPermissions.Manage);
        var next = manage
            ? new[] { NeedStatus.Accepted, NeedStatus.Rejected, NeedStatus.InProgress, NeedStatus.Resolved, NeedStatus.Closed }.Where(s => NeedRules.Refusal(n.Status, s) is null).ToList()
            : [];
        return new Details(n.Id, n.NeedNo, n.AreaCode, string.Join(" / ", path), n.HouseholdId, address, n.ResidentId, resident, n.Category, n.Urgency, n.Title,
            n.Description, n.Source, n.SourceId, n.Status, n.Verified, n.RequesterName, n.RequesterPhone?.Masked, n.RaisedByName, n.RaisedAt, n.HandlerName,
            n.AcceptDueAt, n.ResolveDueAt, n.AcceptedAt, n.ResolvedAt, n.IsOverdue(clock.GetUtcNow()), n.Outcome, n.Satisfaction, n.SatisfactionComment, n.RatedBy,
            n.Version, steps, matches, photos, next, manage && NeedRules.MayMatch(n.Status), manage && NeedRules.Refusal(n.Status, NeedStatus.FollowedUp) is null);
    }
}
