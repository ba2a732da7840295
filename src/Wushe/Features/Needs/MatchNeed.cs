using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Features.Organizations;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Needs;

/// <summary>
/// 需求对接: links an accepted need to what answers it (<see cref="NeedMatch"/>) — a referral to an organization that serves the
/// need's area (<see cref="ListNeedOrganizations"/>), a project already approved or running that covers its area
/// (<see cref="Projects.ProjectRules.AnsweringAsync"/>: the need joins it as if designed in, and is due when the project ends), or "resolved directly" (the note says how; the need is then resolved, with
/// the note as its outcome). The first match moves an accepted need to 已对接; more may follow while it is open (a need can be
/// answered by a referral and a project). Kinds whose records are not in the platform yet are refused on <c>kind</c>
/// (<see cref="Offered"/>). Failures: invalid (fields; an organization that does not serve the area); not found; conflict
/// (the need is not open, the same record is matched already, or the need changed meanwhile).
/// </summary>
public static class MatchNeed
{
    public sealed record Request
    {
        [Label("对接方式", "Matched to")] public NeedMatchKind? Kind { get; init; }
        /// <summary>The record matched: the organization's id for a referral.</summary>
        [Label("对接对象", "Record")] public Guid? TargetId { get; init; }
        [Label("对接说明", "Note")] public string? Note { get; init; }
        [Label("版本", "Version")] public int? Version { get; init; }
    }

    /// <summary>The kinds of match the platform can record now (the volunteers' and charity issues add theirs).</summary>
    public static readonly NeedMatchKind[] Offered = [NeedMatchKind.Organization, NeedMatchKind.Project, NeedMatchKind.ResolvedDirectly];

    public sealed record Matched(Guid Id, Guid MatchId, NeedStatus Status, int Version);

    public static Errors Validate(Request r)
    {
        var errors = new Errors();
        if (r.Kind is not { } kind || !Offered.Contains(kind)) errors.Add("kind", Lang.T("请选择对接方式：转介社会组织、纳入项目或直接解决", "Choose how the need is matched: an organization, a project or resolved directly"));
        else if (kind == NeedMatchKind.ResolvedDirectly) errors.Text("note", r.Note, "解决情况", "How it was resolved", 2, 500);
        else
        {
            if (r.TargetId is null) errors.Add("targetId", kind == NeedMatchKind.Project ? Lang.T("请选择纳入的项目", "Choose the project") : Lang.T("请选择承接的社会组织", "Choose the organization"));
            errors.Text("note", r.Note, "对接说明", "The note", 0, 500, required: false);
        }
        return errors;
    }

    public static async Task<Result<Matched>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid id, Request r, CancellationToken ct = default)
    {
        var need = await db.Set<Need>().FirstOrDefaultAsync(n => n.Id == id, ct);
        if (need is null) return Failure.NotFound();
        var errors = Validate(r);
        ServingOrganizations.Serving? organization = null;
        if (!errors.Any && r.Kind == NeedMatchKind.Organization)
        {
            organization = await ListNeedOrganizations.Find(db, need.AreaCode, r.TargetId!.Value, ct);
            if (organization is null) errors.Add("targetId", Lang.T("所选社会组织不存在、已暂停或注销，或不服务该需求所在区域", "The organization does not exist, is suspended or deregistered, or does not serve the need's area"));
        }
        Projects.Project? project = null;
        if (!errors.Any && r.Kind == NeedMatchKind.Project)
        {
            project = await (await Projects.ProjectRules.AnsweringAsync(db, need.AreaCode, Platform.ChinaTime.Today(clock), ct)).FirstOrDefaultAsync(p => p.Id == r.TargetId, ct);
            if (project is null) errors.Add("targetId", Lang.T("所选项目不存在、未立项、已结束或已过项目周期，实施机构已暂停或注销，或该项目不覆盖需求所在区域（或不在您的管辖范围内）",
                "The project does not exist, is not approved, has ended or is past its period, its organization is suspended or deregistered, or it does not cover the need's area (or is outside your area)"));
        }
        if (errors.Any) return errors.ToFailure();
        if (NeedSaves.Stale(need, r.Version) is { } stale) return stale;
        if (!NeedRules.MayMatch(need.Status))
            return Failure.Conflict(need.Status == NeedStatus.Submitted
                ? Lang.T("需求尚未受理，请先受理再对接", "Accept the need before matching it")
                : Lang.T($"该需求{Need.StatusLabel(need.Status)}，不能再对接", $"The need is {Need.StatusLabel(need.Status)}: it cannot be matched"));
        if (organization is not null && await db.Set<NeedMatch>().AnyAsync(m => m.NeedId == need.Id && m.Kind == NeedMatchKind.Organization && m.TargetId == organization.Id, ct))
            return Failure.Conflict(Lang.T("该需求已转介给这家社会组织", "The need is referred to this organization already"));
        if (project is not null && await db.Set<Projects.ProjectNeed>().IgnoreQueryFilters([AppDb.ScopeFilter]).AnyAsync(x => x.ProjectId == project.Id && x.NeedId == need.Id, ct))
            return Failure.Conflict(Lang.T("该需求已纳入这个项目", "The need is in this project already"));

        var now = clock.GetUtcNow();
        var name = await Workers.NameAsync(db, user, ct);
        var note = r.Note?.Trim() ?? "";
        NeedMatch match;
        if (r.Kind == NeedMatchKind.ResolvedDirectly)
        {
            match = new NeedMatch(need, NeedMatchKind.ResolvedDirectly, null, "", note, now, user.Id, name);
            db.Add(match);
            if (need.Status == NeedStatus.Accepted)
            {
                need.MoveTo(NeedStatus.Matched, now);
                db.Add(new NeedStep(need, NeedStatus.Matched, now, user.Id, name, ""));
            }
            need.MoveTo(NeedStatus.Resolved, now, note);
            db.Add(new NeedStep(need, NeedStatus.Resolved, now, user.Id, name, note));
        }
        else if (project is not null)
        {
            // Joins the project as a need designed in would (its 回应的需求), and waits for the project's end.
            db.Add(new Projects.ProjectNeed(project, need.Id));
            match = Link(db, need, NeedMatchKind.Project, project.Id, project.Title, note, now, user.Id, name);
            need.AwaitProject(Projects.ProjectRules.EndsAt(project.EndOn));
            // The project changes with it: a termination or completion racing this match fails on the project's version (and is
            // taken again, reading this need), or this match fails on it when the project moved first.
            project.Touch();
        }
        else match = Link(db, need, NeedMatchKind.Organization, organization!.Id, organization.Name, note, now, user.Id, name);
        if (await NeedSaves.SaveAsync(db, ct) is { } conflict) return conflict;
        return new Matched(need.Id, match.Id, need.Status, need.Version);
    }

    /// <summary>
    /// Links an open need (<see cref="NeedRules.MayMatch"/>, checked by the caller) to the record <paramref name="targetId"/>: the
    /// match, and the step on the timeline; an accepted need becomes 已对接. Added to <paramref name="db"/>, not saved. The one writer
    /// of a match to a record — a referral here, a project's need (Projects.SaveProject).
    /// </summary>
    public static NeedMatch Link(AppDb db, Need need, NeedMatchKind kind, Guid targetId, string targetName, string note, DateTimeOffset now, Guid? byId, string byName)
    {
        var match = new NeedMatch(need, kind, targetId, targetName, note, now, byId, byName);
        db.Add(match);
        if (need.Status == NeedStatus.Accepted) need.MoveTo(NeedStatus.Matched, now);
        else need.Touch();
        db.Add(new NeedStep(need, NeedStatus.Matched, now, byId, byName, note));
        return match;
    }
}
