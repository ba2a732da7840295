using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Organizations;
using Wushe.Features.Projects;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 公益创投统计 (a call's figures): applications submitted, eligible (passed 初审), awarded, money awarded, released and clawed back — in
/// all, by focus area and by organization kind (each split adds up to the whole) — and the outcome paragraph of each awarded project
/// from the projects' narrative (<see cref="ProjectRules.Narrative"/> over its computed indicator actuals). Every organization's figures:
/// read under <see cref="CompetitionsPermissions.Figures"/> (the host's staff; organization staff and experts are refused before this), the
/// call found in the reader's scope (else 404).
/// </summary>
public static class CompetitionFigures
{
    public sealed record Line(string Key, string Label, int Applications, int Eligible, int Awarded, long AwardedFen, long ReleasedFen, long ClawedBackFen);

    public sealed record Outcome(Guid AwardId, Guid ProjectId, string ProjectNo, string Title, string OrganizationName, ProjectStatus Status, string Narrative);

    public sealed record Response(Guid CallId, string CallNo, string Title, long PoolFen, Line Total, IReadOnlyList<Line> ByFocus, IReadOnlyList<Line> ByKind, IReadOnlyList<Outcome> Outcomes);

    public static async Task<Result<Response>> Handle(AppDb db, Guid callId, CancellationToken ct = default)
    {
        if (await db.Set<Competition>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, ct) is not { } call) return Failure.NotFound();
        var apps = await db.Set<CompetitionApplication>().IgnoreQueryFilters([AppDb.ScopeFilter, AppDb.OrganizationFilter])
            .Where(a => a.CompetitionId == callId && a.Status != ApplicationStatus.Draft && a.Status != ApplicationStatus.Withdrawn)
            .Select(a => new { a.Id, a.Focus, a.OrganizationKind, a.Status }).ToListAsync(ct);
        var awards = await db.Set<CompetitionAward>().IgnoreQueryFilters([AppDb.ScopeFilter, AppDb.OrganizationFilter]).Where(a => a.CompetitionId == callId)
            .Select(a => new { a.Id, a.ApplicationId, a.ProjectId, a.AmountFen, a.ReleasedFen, a.ClawedBackFen }).ToListAsync(ct);
        var byApp = awards.ToDictionary(a => a.ApplicationId);
        Line Of(string key, string label, IEnumerable<Guid> ids)
        {
            var set = ids.ToHashSet();
            var these = apps.Where(a => set.Contains(a.Id)).ToList();
            var won = these.Where(a => byApp.ContainsKey(a.Id)).Select(a => byApp[a.Id]).ToList();
            return new Line(key, label, these.Count, these.Count(a => CallRanking.Passed.Contains(a.Status)), won.Count, won.Sum(w => w.AmountFen), won.Sum(w => w.ReleasedFen), won.Sum(w => w.ClawedBackFen));
        }
        var total = Of("", Platform.Localization.Lang.T("合计", "Total"), apps.Select(a => a.Id));
        var byFocus = apps.GroupBy(a => a.Focus).OrderBy(g => g.Key).Select(g => Of(g.Key.ToString(), Organization.FocusLabel(g.Key), g.Select(a => a.Id))).ToList();
        var byKind = apps.GroupBy(a => a.OrganizationKind).OrderBy(g => g.Key).Select(g => Of(g.Key.ToString(), Organization.KindLabel(g.Key), g.Select(a => a.Id))).ToList();
        var projectIds = awards.Select(a => a.ProjectId).ToList();
        var projects = await db.Set<Project>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(p => projectIds.Contains(p.Id))
            .Select(p => new { p.Id, p.ProjectNo, p.Title, p.OrganizationName, p.Status }).ToListAsync(ct);
        // All the awarded projects' actuals in one batch (a fixed number of queries, not 3+ per project: docs/PERFORMANCE.md, "Competitions at city scale").
        var actuals = await ProjectRules.ActualsAsync(db, projectIds, ct);
        var awardOf = awards.ToDictionary(a => a.ProjectId, a => a.Id);
        var outcomes = projects.OrderBy(p => p.ProjectNo).Select(p => new Outcome(awardOf[p.Id], p.Id, p.ProjectNo, p.Title, p.OrganizationName, p.Status,
            ProjectRules.Narrative(actuals[p.Id].Indicators, p.Status))).ToList();
        return new Response(call.Id, call.CallNo, call.Title, call.PoolFen, total, byFocus, byKind, outcomes);
    }
}
