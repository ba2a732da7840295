using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Features.Needs;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Validation;
using Wushe.Platform.Web;

namespace Wushe.Features.Projects;

/// <summary>
/// 审核立项 / 开始实施 / 结项 / 终止: a project's next step, as <see cref="ProjectRules.Refusal"/> allows it for the user (the same
/// rule the details page shows its buttons by); each step a <see cref="ProjectStep"/> on the timeline and an audit record.
/// Terminating needs a reason, and returns the needs only this project answered to 已受理; completing needs at least one delivery record,
/// and asks the handlers of the needs it answers to confirm their resolution. Failures: invalid (to, note); not found; conflict
/// (the life cycle or the user's part does not allow it — in words —, or the project changed since <c>version</c>).
/// </summary>
public static class ChangeProjectStatus
{
    public sealed record Request
    {
        [Label("下一步", "Step")] public ProjectStatus? To { get; init; }
        [Label("办理意见", "Note")] public string? Note { get; init; }
        [Label("版本", "Version")] public int? Version { get; init; }
    }

    public sealed record Changed(Guid Id, ProjectStatus Status, int Version);

    public static Errors Validate(Request r)
    {
        var errors = new Errors();
        if (r.To is not { } to || to is ProjectStatus.Draft || !Enum.IsDefined(to))
            errors.Add("to", Lang.T("请选择下一步：审核立项、开始实施、结项或终止", "Choose the step: approve, start, complete or terminate"));
        else if (to == ProjectStatus.Terminated) errors.Text("note", r.Note, "终止原因", "The reason", 2, 500);
        else errors.Text("note", r.Note, "办理意见", "The note", 0, 500, required: false);
        return errors;
    }

    /// <summary>
    /// A terminated project no longer answers its needs: each one still open (已对接 or 办理中) that nothing else answers — no other
    /// match but projects that are terminated too — goes back to 已受理 with a step saying why, to be matched again. Needs that
    /// another project, an organization or a direct resolution answers keep their status.
    /// </summary>
    static async Task ReleaseNeedsAsync(AppDb db, Project project, DateTimeOffset now, Guid? byId, string byName, CancellationToken ct)
    {
        var needs = await NeedsOf(db, project.Id, [NeedStatus.Matched, NeedStatus.InProgress], ct);
        if (needs.Count == 0) return;
        var ids = needs.Select(n => n.Id).ToList();
        var others = await db.Set<NeedMatch>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(m => ids.Contains(m.NeedId) && !(m.Kind == NeedMatchKind.Project && m.TargetId == project.Id))
            .Select(m => new { m.NeedId, m.Kind, m.TargetId }).ToListAsync(ct);
        var projectIds = others.Where(m => m.Kind == NeedMatchKind.Project && m.TargetId != null).Select(m => m.TargetId!.Value).Distinct().ToList();
        var ended = projectIds.Count == 0 ? [] : await db.Set<Project>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(p => projectIds.Contains(p.Id) && p.Status == ProjectStatus.Terminated).Select(p => p.Id).ToListAsync(ct);
        var limits = new Dictionary<string, NeedTimeLimits>();
        var note = Lang.T($"所纳入的项目 {project.Title} 已终止，需求退回待对接", $"The project {project.Title} that answered it was terminated: the need awaits a match again");
        foreach (var need in needs.Where(n => !others.Any(m => m.NeedId == n.Id && !(m.Kind == NeedMatchKind.Project && ended.Contains(m.TargetId!.Value)))))
        {
            need.ReturnToMatching(now, await ResolveByAsync(db, limits, need, now, ct));
            db.Add(new NeedStep(need, NeedStatus.Accepted, now, byId, byName, note));
        }
    }

    /// <summary>The needs project <paramref name="projectId"/> answers that are in one of <paramref name="statuses"/>, tracked, in one query
    /// (read by the project's link, outside the scope: the project was reached by the caller).</summary>
    static Task<List<Need>> NeedsOf(AppDb db, Guid projectId, NeedStatus[] statuses, CancellationToken ct) =>
        db.Set<Need>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(n => statuses.Contains(n.Status) && db.Set<ProjectNeed>().IgnoreQueryFilters(AppDb.Unscoped).Any(x => x.ProjectId == projectId && x.NeedId == n.Id)).ToListAsync(ct);

    /// <summary>
    /// A completed project tells each need it answers that is still open: a step on the need's timeline asks its handler to
    /// confirm whether it is resolved (the project's delivery does not resolve a resident's need by itself; 解决 stays a person's
    /// act). Its deadline — the project's planned end — comes no later than a resolution limit from now (a project completed early
    /// does not leave its needs due months away), and keeps it on the overdue list until then.
    /// </summary>
    static async Task TellNeedsAsync(AppDb db, Project project, DateTimeOffset now, Guid? byId, string byName, CancellationToken ct)
    {
        var open = await NeedsOf(db, project.Id, NeedRules.Open, ct);
        var note = Lang.T($"所纳入的项目 {project.Title} 已结项，请确认需求是否已解决", $"The project {project.Title} that answers it is completed: confirm whether the need is resolved");
        var limits = new Dictionary<string, NeedTimeLimits>();
        foreach (var need in open)
        {
            need.DueNoLaterThan(await ResolveByAsync(db, limits, need, now, ct));
            db.Add(new NeedStep(need, need.Status, now, byId, byName, note));
        }
    }

    /// <summary>
    /// A resolution limit for <paramref name="need"/> from <paramref name="now"/>: its area's limits (NeedRules.LimitsFor, read once
    /// per area into <paramref name="limits"/>), by its urgency.
    /// </summary>
    static async Task<DateTimeOffset> ResolveByAsync(AppDb db, Dictionary<string, NeedTimeLimits> limits, Need need, DateTimeOffset now, CancellationToken ct)
    {
        if (!limits.TryGetValue(need.AreaCode, out var area)) limits[need.AreaCode] = area = await NeedRules.LimitsFor(db, need.AreaCode, ct);
        return now.AddDays(area.ResolveDays(need.Urgency));
    }

    public static async Task<Result<Changed>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid id, Request r, CancellationToken ct = default)
    {
        var project = await ProjectRules.FindAsync(db, user, id, ct);
        if (project is null) return Failure.NotFound();
        var errors = Validate(r);
        if (errors.Any) return errors.ToFailure();
        if (r.Version is { } v && v != project.Version)
            return Failure.Conflict(Lang.T("项目已被他人办理，请刷新后查看", "The project changed since you opened it; reload to see it"));
        var to = r.To!.Value;
        if (ProjectRules.Refusal(project.Status, to, await ProjectRules.StandingAsync(db, user, project, ct)) is { } refusal) return Failure.Conflict(refusal);
        if (to == ProjectStatus.Completed && !await db.Set<ProjectActivity>().IgnoreQueryFilters([AppDb.ScopeFilter]).Counted().AnyAsync(a => a.ProjectId == project.Id, ct))
            return Failure.Conflict(Lang.T("项目还没有服务记录，不能结项", "The project has no delivery record yet: it cannot be completed"));

        var now = clock.GetUtcNow();
        var name = await Workers.NameAsync(db, user, ct);
        var note = r.Note?.Trim() ?? "";
        project.MoveTo(to, note, now);
        db.Add(new ProjectStep(project, to, now, user.Id, name, note));
        if (to == ProjectStatus.Terminated) await ReleaseNeedsAsync(db, project, now, user.Id, name, ct);
        else if (to == ProjectStatus.Completed) await TellNeedsAsync(db, project, now, user.Id, name, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Failure.Conflict(Lang.T("项目刚被他人办理，您的操作未保存，请刷新后查看", "Someone else dealt with this project a moment ago; nothing of yours was saved: reload to see it"));
        }
        return new Changed(project.Id, project.Status, project.Version);
    }
}
