using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Features.Needs;
using Wushe.Features.Organizations;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Validation;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Projects;

/// <summary>
/// 项目详情: a project as the user may reach it (<see cref="ProjectRules.FindAsync"/>) — its design, funding lines (fen), the
/// indicators with their computed actuals and the narrative sentence (<see cref="ProjectRules.Narrative"/>), the needs it
/// answers (traceability: each links to its need), its timeline, its delivery records (newest first, paged: <paramref name="recordsPage"/>, <paramref name="recordsSize"/> of the list sizes, 20 by default), and what the user may do
/// next (the steps <see cref="ProjectRules.Refusal"/> allows, edit, record). Failures: not found (outside the user's reach).
/// </summary>
public static class GetProject
{
    public sealed record Funding(ProjectFundingSource Source, long AmountFen, string Note);
    public sealed record AnsweredNeed(Guid Id, string NeedNo, string Title, NeedStatus Status, string AreaName);
    public sealed record Step(ProjectStatus Status, DateTimeOffset At, string ByName, string Note);
    public sealed record Activity(Guid Id, ServiceKind Kind, DateOnly HeldOn, string Title, string Place, int PartyWorkers, int SocialWorkers,
        int Volunteers, string StaffNames, int Registered, int HeadCount, string Notes, string RecordedByName);
    /// <summary>A resident the record form offers: a member of a household of the project's needs, the name masked.</summary>
    public sealed record Participant(Guid Id, string Name, string AreaName);

    public sealed record Details(Guid Id, string ProjectNo, string Title, string AreaCode, string AreaPath, FocusArea Focus, string FocusText,
        string TargetGroups, string Summary, string PlannedActivities, Guid OrganizationId, string OrganizationName, DateOnly StartOn, DateOnly EndOn,
        long BudgetFen, ProjectStatus Status, string StatusNote, string DesignedByName, DateTimeOffset CreatedAt, int Version,
        IReadOnlyList<Funding> FundingLines, IReadOnlyList<ProjectRules.Actual> Indicators, ProjectRules.Delivered Delivered, string Narrative,
        IReadOnlyList<AnsweredNeed> Needs, IReadOnlyList<Step> Steps, PageOf<Activity> Activities,
        IReadOnlyList<ProjectStatus> Next, bool MayEdit, bool MayRecord, ProjectActor Actor);

    public static async Task<Result<Details>> Handle(AppDb db, CurrentUser user, Guid id, int? recordsPage = null, int? recordsSize = null, CancellationToken ct = default)
    {
        var p = await ProjectRules.FindAsync(db, user, id, ct);
        if (p is null) return Failure.NotFound();
        var actor = await ProjectRules.ActorAsync(db, user, p, ct);
        // The project's rows, read by its id: the project was reached above (an organization's staff reach it outside their scope).
        var funding = await db.Set<ProjectFunding>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(f => f.ProjectId == id).OrderBy(f => f.Source).ThenBy(f => f.Id)
            .Select(f => new Funding(f.Source, f.AmountFen, f.Note)).ToListAsync(ct);
        var (indicators, delivered) = await ProjectRules.ActualsAsync(db, id, ct);
        var needIds = db.Set<ProjectNeed>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(x => x.ProjectId == id).Select(x => x.NeedId);
        var needs = await db.Set<Need>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(n => needIds.Contains(n.Id)).OrderBy(n => n.NeedNo)
            .Select(n => new { n.Id, n.NeedNo, n.Title, n.Status, n.AreaCode }).ToListAsync(ct);
        var steps = await db.Set<ProjectStep>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(s => s.ProjectId == id).OrderBy(s => s.At).ThenBy(s => s.Id)
            .Select(s => new Step(s.Status, s.At, s.ByName, s.Note)).ToListAsync(ct);
        var records = db.Set<ProjectActivity>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(a => a.ProjectId == id);
        var activities = await records.OrderByDescending(a => a.HeldOn).ThenByDescending(a => a.Id)
            .Select(a => new Activity(a.Id, a.Kind, a.HeldOn, a.Title, a.Place, a.PartyWorkers, a.SocialWorkers, a.Volunteers, a.StaffNames, a.Registered,
                a.HeadCount, a.Notes, a.RecordedByName)).ToPageAsync(recordsPage, recordsSize, ct);
        var names = await AreaNames.LookupAsync(db, needs.Select(n => n.AreaCode).Distinct(), ct);
        var path = string.Join(" / ", await AreaNames.PathAsync(db, p.AreaCode, ct));
        var next = ProjectRules.Next(p.Status).Where(s => ProjectRules.Refusal(p.Status, s, actor) is null).ToList();
        return new Details(p.Id, p.ProjectNo, p.Title, p.AreaCode, path, p.Focus, p.FocusText, p.TargetGroups, p.Summary, p.PlannedActivities,
            p.OrganizationId, p.OrganizationName, p.StartOn, p.EndOn, p.BudgetFen, p.Status, p.StatusNote, p.DesignedByName, p.CreatedAt, p.Version,
            funding, indicators, delivered, ProjectRules.Narrative(indicators),
            [.. needs.Select(n => new AnsweredNeed(n.Id, n.NeedNo, n.Title, n.Status, names.GetValueOrDefault(n.AreaCode, "")))], steps, activities,
            next, ProjectRules.EditRefusal(p.Status, actor) is null, ProjectRules.DeliveryRefusal(p.Status, actor) is null, actor);
    }

    /// <summary>The residents the record form offers for a project <paramref name="user"/> reaches (<see cref="ParticipantsAsync"/>); not found otherwise.</summary>
    public static async Task<Result<List<Participant>>> ParticipantsFor(AppDb db, CurrentUser user, Guid projectId, CancellationToken ct = default) =>
        await ProjectRules.FindAsync(db, user, projectId, ct) is null ? Failure.NotFound() : await ParticipantsAsync(db, projectId, ct);

    /// <summary>
    /// The residents the record form offers for <paramref name="projectId"/>: the members (still living there) of the households
    /// of the needs it answers, names masked, at most 200. Read by the project's needs (the caller reached the project).
    /// </summary>
    public static async Task<List<Participant>> ParticipantsAsync(AppDb db, Guid projectId, CancellationToken ct = default)
    {
        var needIds = db.Set<ProjectNeed>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(x => x.ProjectId == projectId).Select(x => x.NeedId);
        var households = db.Set<Need>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(n => needIds.Contains(n.Id) && n.HouseholdId != null).Select(n => n.HouseholdId!.Value);
        var people = await db.Set<Resident>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(r => households.Contains(r.HouseholdId) && r.Status == ResidentStatus.Active)
            .OrderBy(r => r.AreaCode).ThenBy(r => r.Name).ThenBy(r => r.Id).Take(200).Select(r => new { r.Id, r.Name, r.AreaCode }).ToListAsync(ct);
        var names = await AreaNames.LookupAsync(db, people.Select(x => x.AreaCode).Distinct(), ct);
        return [.. people.Select(x => new Participant(x.Id, Mask.Name(x.Name), names.GetValueOrDefault(x.AreaCode, "")))];
    }
}
