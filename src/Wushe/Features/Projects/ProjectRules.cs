using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Casework;
using Wushe.Features.Households;
using Wushe.Features.Needs;
using Wushe.Features.Organizations;
using Wushe.Features.Stations;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Projects;

/// <summary>Who acts on a project: what <see cref="ProjectRules.Refusal"/> decides by.</summary>
public enum ProjectActor
{
    /// <summary>Reads only (community staff; anyone with no part below).</summary>
    Reader = 0,
    /// <summary>A station social worker whose scope holds the project: designs, starts, records, completes, terminates.</summary>
    StationWorker = 1,
    /// <summary>The head (站长) of the station of the project's township: all a worker does, and approves (立项).</summary>
    StationHead = 2,
    /// <summary>Civil-affairs bureau staff over the project's area: approve and terminate.</summary>
    Bureau = 3,
    /// <summary>Staff of the implementing organization: start and record delivery.</summary>
    Organization = 4,
}

/// <summary>
/// The rules of projects, one place for the pages and the API: the life cycle (<see cref="Refusal"/>), who may act
/// (<see cref="ActorAsync"/>), where a user finds a project (<see cref="FindAsync"/>: scope, or the organization's own), the
/// number, and the indicator actuals computed from the delivery records (<see cref="ActualsAsync"/>).
/// </summary>
public static class ProjectRules
{
    /// <summary>The statuses each status may move to (the issue's life cycle).</summary>
    public static IReadOnlyList<ProjectStatus> Next(ProjectStatus s) => s switch
    {
        ProjectStatus.Draft => [ProjectStatus.Approved, ProjectStatus.Terminated],
        ProjectStatus.Approved => [ProjectStatus.InProgress, ProjectStatus.Terminated],
        ProjectStatus.InProgress => [ProjectStatus.Completed, ProjectStatus.Terminated],
        _ => [],
    };

    /// <summary>
    /// 逾期未结项: approved or in progress with its period over (<paramref name="today"/>, China date, after its end date) — the
    /// list's overdue tab and filter, the project page's flag and the home figure, one predicate.
    /// </summary>
    public static System.Linq.Expressions.Expression<Func<Project, bool>> OverdueOn(DateOnly today) =>
        p => (p.Status == ProjectStatus.Approved || p.Status == ProjectStatus.InProgress) && p.EndOn < today;

    /// <summary><see cref="OverdueOn"/> for one project.</summary>
    public static bool IsOverdue(ProjectStatus status, DateOnly endOn, DateOnly today) =>
        status is ProjectStatus.Approved or ProjectStatus.InProgress && endOn < today;

    /// <summary>
    /// When a project ends: the end of its last day (<paramref name="endOn"/>, China time), the deadline of the needs it answers
    /// (<see cref="Need.AwaitProject"/>: a need in a project is resolved within the project's period). The instant in UTC: PostgreSQL's
    /// timestamptz takes no other offset.
    /// </summary>
    public static DateTimeOffset EndsAt(DateOnly endOn) => new DateTimeOffset(endOn.AddDays(1).ToDateTime(TimeOnly.MinValue), Wushe.Platform.ChinaTime.Offset).ToUniversalTime();

    /// <summary>
    /// Why <paramref name="actor"/> may not move a project from <paramref name="from"/> to <paramref name="to"/>, in words; null when
    /// they may. Approving is the station head's or the bureau's; starting the worker's or the implementing organization's;
    /// completing the worker's or the bureau's; terminating the worker's or the bureau's (with a reason, checked by the use case).
    /// </summary>
    public static string? Refusal(ProjectStatus from, ProjectStatus to, ProjectActor actor) => Refusal(from, to, new Standing(actor, false, true));

    /// <summary>
    /// <see cref="Refusal(ProjectStatus, ProjectStatus, ProjectActor)"/> with the rest of the user's standing: no one approves a
    /// project they designed themselves (审核与设计分离, as a case step is never approved by whoever submitted it), and a project
    /// whose implementing organization is suspended or deregistered is neither approved nor started (terminate it, or choose
    /// another organization while it is a draft).
    /// </summary>
    public static string? Refusal(ProjectStatus from, ProjectStatus to, Standing standing)
    {
        var actor = standing.Actor;
        if (!Next(from).Contains(to))
            return Lang.T($"项目{Project.StatusLabel(from)}，不能{Project.StepLabel(to)}", $"The project is {Project.StatusLabel(from)}: it cannot be moved to {Project.StatusLabel(to)}");
        if (!standing.OrganizationActive && to is ProjectStatus.Approved or ProjectStatus.InProgress)
            return Lang.T($"实施机构已暂停活动或已注销，不能{Project.StepLabel(to)}；请在草稿中更换实施机构，或终止项目",
                $"The implementing organization is suspended or deregistered: the project cannot be moved to {Project.StatusLabel(to)}; choose another organization while it is a draft, or terminate it");
        var allowed = to switch
        {
            ProjectStatus.Approved => actor is ProjectActor.StationHead or ProjectActor.Bureau,
            ProjectStatus.InProgress => actor is ProjectActor.StationWorker or ProjectActor.StationHead or ProjectActor.Organization,
            // The bureau completes too: a county project has no township station to do it.
            ProjectStatus.Completed => actor is ProjectActor.StationWorker or ProjectActor.StationHead or ProjectActor.Bureau,
            ProjectStatus.Terminated => actor is ProjectActor.StationWorker or ProjectActor.StationHead or ProjectActor.Bureau,
            _ => false,
        };
        if (allowed)
            return to == ProjectStatus.Approved && standing.Designer
                ? Lang.T("不能审核立项本人设计的项目，请由站长或民政部门其他人员审核", "You designed this project: someone else (the station head or the bureau) approves it")
                : null;
        return to == ProjectStatus.Approved
            ? Lang.T("项目须由所在镇（街道）社工站站长或民政部门审核立项", "A project is approved by the head of its township's station or by the bureau")
            : Lang.T($"您不能{Project.StepLabel(to)}", $"You may not {Project.StepLabel(to).ToLowerInvariant()} this project");
    }

    /// <summary>
    /// Whether the user, by <paramref name="standing"/>, may record delivery for a project in <paramref name="status"/>: as
    /// <see cref="DeliveryRefusal(ProjectStatus, ProjectActor)"/>, and never for an organization suspended or deregistered.
    /// </summary>
    public static string? DeliveryRefusal(ProjectStatus status, Standing standing) =>
        DeliveryRefusal(status, standing.Actor) ?? (standing.OrganizationActive ? null
            : Lang.T("实施机构已暂停活动或已注销，不能记录服务", "The implementing organization is suspended or deregistered: no delivery is recorded"));

    /// <summary>Whether <paramref name="actor"/> may record delivery for a project in <paramref name="status"/> (only while in progress).</summary>
    public static string? DeliveryRefusal(ProjectStatus status, ProjectActor actor) =>
        actor is not (ProjectActor.StationWorker or ProjectActor.StationHead or ProjectActor.Organization)
            ? Lang.T("只有实施机构或社工站社工可以记录服务", "Only the implementing organization or the station's social workers record delivery")
            : status != ProjectStatus.InProgress
                ? Lang.T($"项目{Project.StatusLabel(status)}，只有实施中的项目可以记录服务", $"The project is {Project.StatusLabel(status)}: delivery is recorded while it is in progress")
                : null;

    /// <summary>
    /// Why the user, by <paramref name="standing"/>, may not void a delivery record of a project in <paramref name="status"/>: the
    /// implementing organization's staff or a station worker, while the project is in progress (once completed its records are
    /// final: the evaluation and the completion stand on them); a suspended or deregistered organization's staff do not, the
    /// station's workers still do (a wrong record is not left standing because the organization stopped).
    /// </summary>
    public static string? VoidRefusal(ProjectStatus status, Standing standing) =>
        standing.Actor is not (ProjectActor.StationWorker or ProjectActor.StationHead or ProjectActor.Organization)
            ? Lang.T("只有实施机构或社工站社工可以作废服务记录", "Only the implementing organization or the station's social workers void delivery records")
            : status != ProjectStatus.InProgress
                ? Lang.T($"项目{Project.StatusLabel(status)}，服务记录已定稿，不能作废", $"The project is {Project.StatusLabel(status)}: its records are final and are not voided")
                : Halted(standing, Lang.T("实施机构已暂停活动或已注销，不能作废服务记录；请社工站社工办理", "The implementing organization is suspended or deregistered: a station social worker voids the record"));

    /// <summary>
    /// Why the user, by <paramref name="standing"/>, may not remove a delivery record's photo: the implementing organization's staff
    /// (while it may act) or a station worker, whatever the project's status (a wrong picture never stays).
    /// </summary>
    public static string? PhotoRemovalRefusal(Standing standing) =>
        standing.Actor is not (ProjectActor.StationWorker or ProjectActor.StationHead or ProjectActor.Organization)
            ? Lang.T("只有实施机构或社工站社工可以删除服务记录照片", "Only the implementing organization or the station's social workers remove a record's photos")
            : Halted(standing, Lang.T("实施机构已暂停活动或已注销，不能删除照片；请社工站社工办理", "The implementing organization is suspended or deregistered: a station social worker removes the photo"));

    /// <summary>The editable project: a draft, by a station worker of its scope.</summary>
    public static string? EditRefusal(ProjectStatus status, ProjectActor actor) =>
        actor is not (ProjectActor.StationWorker or ProjectActor.StationHead)
            ? Lang.T("只有社工站社工可以修改项目设计", "Only the station's social workers edit a project's design")
            : status != ProjectStatus.Draft
                ? Lang.T("项目已立项，设计不能再修改", "The project is approved: its design no longer changes")
                : null;

    /// <summary>
    /// The project <paramref name="id"/> as <paramref name="user"/> may reach it: in their scope, or — for organization staff —
    /// implemented by their organization from its approval on (outside their scope: read by that explicit predicate), or led from above and answering a
    /// need of their scope (read only). Null when none.
    /// </summary>
    public static async Task<Project?> FindAsync(AppDb db, CurrentUser user, Guid id, CancellationToken ct = default)
    {
        if (OrganizationAccess.Own(user) is { } organization)
            return await OfOrganization(db, organization).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (await db.Set<Project>().FirstOrDefaultAsync(p => p.Id == id, ct) is { } inScope) return inScope;
        // A project led from above that answers a need of the user's scope (a community's need in a township's project): read so that
        // the need's link leads somewhere; the user has no part in it (ActorAsync: Reader). Two steps: the needs' scope is the test.
        var needIds = await db.Set<ProjectNeed>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(x => x.ProjectId == id).Select(x => x.NeedId).ToListAsync(ct);
        return needIds.Count > 0 && await db.Set<Need>().AnyAsync(n => needIds.Contains(n.Id), ct)
            ? await db.Set<Project>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstOrDefaultAsync(p => p.Id == id, ct)
            : null;
    }

    /// <summary>
    /// The projects a need of <paramref name="needAreaCode"/> (12 digits) may join after their design (需求对接 → 纳入项目): approved or in
    /// progress, in the user's scope, set up in the need's community or an area above it, and implemented by an organization that
    /// may act (not suspended or deregistered: nobody records delivery on its projects), whose period has not ended by
    /// <paramref name="today"/> (China date: an overdue project records no more delivery). The page offers these; MatchNeed accepts
    /// only these.
    /// </summary>
    public static async Task<IQueryable<Project>> AnsweringAsync(AppDb db, string needAreaCode, DateOnly today, CancellationToken ct = default)
    {
        var areas = Areas.AreaNames.SelfAndAncestors(needAreaCode);
        // Two steps: the organizations are held by their registering authority, outside the scope the projects are read in.
        var halted = await db.Set<Organization>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(o => o.Status == OrganizationStatus.Suspended || o.Status == OrganizationStatus.Deregistered).Select(o => o.Id).ToListAsync(ct);
        return db.Set<Project>().Where(p => (p.Status == ProjectStatus.Approved || p.Status == ProjectStatus.InProgress) && areas.Contains(p.AreaCode)
            && !halted.Contains(p.OrganizationId) && p.EndOn >= today);
    }

    /// <summary>The projects <paramref name="user"/> reads: their scope's, or their organization's.</summary>
    public static IQueryable<Project> Readable(AppDb db, CurrentUser user) => OrganizationAccess.Own(user) is { } organization
        ? OfOrganization(db, organization)
        : db.Set<Project>();

    /// <summary>
    /// The projects <paramref name="organization"/> implements, as its staff see them (outside their scope: read by this predicate):
    /// from 立项 on. A draft is the station's design, still open to another implementer; a draft terminated before approval was never
    /// the organization's project.
    /// </summary>
    static IQueryable<Project> OfOrganization(AppDb db, Guid organization) =>
        db.Set<Project>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(p => p.OrganizationId == organization && p.Status != ProjectStatus.Draft
            && (p.Status != ProjectStatus.Terminated || db.Set<ProjectStep>().IgnoreQueryFilters(AppDb.Unscoped).Any(s => s.ProjectId == p.Id && s.Status == ProjectStatus.Approved)));

    /// <summary>
    /// The user's part in a project (<see cref="Actor"/>), whether they designed it (<see cref="Designer"/>), and whether its
    /// implementing organization may act — registered or incubating, not suspended or deregistered (<see cref="OrganizationActive"/>).
    /// </summary>
    public sealed record Standing(ProjectActor Actor, bool Designer, bool OrganizationActive);

    /// <summary><see cref="Standing"/> of <paramref name="user"/> in <paramref name="project"/> (found through <see cref="FindAsync"/>).</summary>
    public static async Task<Standing> StandingAsync(AppDb db, CurrentUser user, Project project, CancellationToken ct = default) =>
        new(await ActorAsync(db, user, project, ct),
            // A designer: whoever saved the design — created it or edited the draft (each save is a 设计项目 step).
            user.Id is { } id && (project.DesignedById == id || await db.Set<ProjectStep>().IgnoreQueryFilters([AppDb.ScopeFilter])
                .AnyAsync(s => s.ProjectId == project.Id && s.Status == ProjectStatus.Draft && s.ById == id, ct)),
            await db.Set<Organization>().IgnoreQueryFilters([AppDb.ScopeFilter])
                .AnyAsync(o => o.Id == project.OrganizationId && (o.Status == OrganizationStatus.Registered || o.Status == OrganizationStatus.Incubating), ct));

    /// <summary>What part <paramref name="user"/> has in <paramref name="project"/> (found through <see cref="FindAsync"/>).</summary>
    public static async Task<ProjectActor> ActorAsync(AppDb db, CurrentUser user, Project project, CancellationToken ct = default)
    {
        // Only a project of the user's own scope gives a part in it (one led from above is read through its needs: FindAsync).
        if (user.Active is not { } active || (active.Role != Role.OrganizationStaff && !Platform.Areas.AreaCode.Covers(active.AreaCode, project.AreaCode)))
            return ProjectActor.Reader;
        switch (active.Role)
        {
            case Role.BureauStaff: return ProjectActor.Bureau;
            case Role.OrganizationStaff: return OrganizationAccess.Own(user) == project.OrganizationId ? ProjectActor.Organization : ProjectActor.Reader;
            case Role.StationWorker:
                var township = CaseRules.TownshipOf(project.AreaCode);
                return user.Id is { } id && await db.Set<StationStaff>().AnyAsync(m => m.UserId == id && m.IsHead && m.AreaCode == township, ct)
                    ? ProjectActor.StationHead : ProjectActor.StationWorker;
            default: return ProjectActor.Reader;
        }
    }

    public static async Task<string> NextNumberAsync(AppDb db, string areaCode, int year, CancellationToken ct = default)
    {
        var prefix = $"XM{areaCode[..9]}{year}";
        var last = await db.Set<Project>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(p => p.ProjectNo.StartsWith(prefix))
            .OrderByDescending(p => p.ProjectNo).Select(p => p.ProjectNo).FirstOrDefaultAsync(ct);
        var next = (last is not null && int.TryParse(last[prefix.Length..], out var n) ? n : 0) + 1;
        return $"{prefix}{next:0000}";
    }

    /// <summary>An indicator with its computed actual; <see cref="Approximate"/> when open-event head counts are in it (约).</summary>
    public sealed record Actual(Guid Id, string Name, IndicatorMeasure Measure, IReadOnlyList<ServiceKind> Kinds, int Target, string Unit, int Value,
        bool Approximate, int Registered, int HeadCount)
    {
        /// <summary>Per cent of the target reached (may pass 100).</summary>
        public int Percent => Target > 0 ? (int)Math.Round(Value * 100.0 / Target) : 0;
    }

    /// <summary>What a project's delivery records add up to: per kind the records and head counts, unique registered people, and the 党工+社工+志工 who served (人次).</summary>
    public sealed record Delivered(IReadOnlyDictionary<ServiceKind, int> Times, IReadOnlyDictionary<ServiceKind, int> HeadCounts, int People, int PartyWorkers, int SocialWorkers, int Volunteers);

    /// <summary>
    /// The indicators of <paramref name="projectId"/> with their actuals, in order: Times counts the records of the indicator's kinds;
    /// People the unique registered residents served by records of its kinds; Beneficiaries the unique registered residents over all
    /// records plus the head counts (人次, kept apart in <see cref="Actual.Registered"/> and <see cref="Actual.HeadCount"/>). Read
    /// outside the scope by the project's id: call it for a project the user reached. The rule is the batched reader's
    /// (<see cref="ActualsAsync(AppDb, IReadOnlyCollection{Guid}, CancellationToken)"/>) for one project.
    /// </summary>
    public static async Task<(List<Actual> Indicators, Delivered Delivered)> ActualsAsync(AppDb db, Guid projectId, CancellationToken ct = default) =>
        (await ActualsAsync(db, [projectId], ct))[projectId];

    /// <summary>
    /// <see cref="ActualsAsync(AppDb, Guid, CancellationToken)"/> for many projects at once, in a fixed number of queries whatever
    /// their number (3, and a 4th when one of them has a People indicator): the counted delivery records by project and kind, the
    /// indicators of all, the unique residents served per project, and — for People indicators — the distinct (project, kind, resident)
    /// of the kinds they count. Answers every id asked (a project without records or indicators: empty lists and zeros). Read outside
    /// the scope by the projects' ids: call it for projects the user reached (a call's figures: its awarded projects).
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, (List<Actual> Indicators, Delivered Delivered)>> ActualsAsync(AppDb db, IReadOnlyCollection<Guid> projectIds,
        CancellationToken ct = default)
    {
        var ids = projectIds.Distinct().ToList();
        var answers = new Dictionary<Guid, (List<Actual>, Delivered)>();
        if (ids.Count == 0) return answers;
        var activities = db.Set<ProjectActivity>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(a => ids.Contains(a.ProjectId)).Counted();
        var byKind = (await activities.GroupBy(a => new { a.ProjectId, a.Kind }).Select(g => new { g.Key.ProjectId, g.Key.Kind, Times = g.Count(),
                Heads = g.Sum(a => a.HeadCount), Party = g.Sum(a => a.PartyWorkers), Social = g.Sum(a => a.SocialWorkers), Volunteers = g.Sum(a => a.Volunteers) })
            .ToListAsync(ct)).ToLookup(k => k.ProjectId);
        var indicators = (await db.Set<ProjectIndicator>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().Where(i => ids.Contains(i.ProjectId))
            .OrderBy(i => i.Order).ToListAsync(ct)).ToLookup(i => i.ProjectId);
        // Unique people: the beneficiaries of each project's service records, per kind (a person served by two kinds counts once in each, and once in all).
        var served = from a in activities
                     join b in db.Set<ServiceBeneficiary>().IgnoreQueryFilters([AppDb.ScopeFilter]) on a.ServiceRecordId equals b.ServiceRecordId
                     select new { a.ProjectId, b.Kind, b.ResidentId };
        var all = await served.GroupBy(s => s.ProjectId).Select(g => new { g.Key, People = g.Select(s => s.ResidentId).Distinct().Count() })
            .ToDictionaryAsync(x => x.Key, x => x.People, ct);
        // A People indicator may count several kinds (a person served by both once): the distinct residents of its kinds, not per-kind sums.
        var asked = indicators.SelectMany(g => g).Where(i => i.Measure == IndicatorMeasure.People).ToList();
        var peopleProjects = asked.Select(i => i.ProjectId).Distinct().ToList();
        var peopleKinds = asked.SelectMany(i => ProjectIndicator.Kinds(i.KindMask)).Distinct().ToList();
        var residentsOf = (asked.Count == 0 ? [] : (await served.Where(s => peopleProjects.Contains(s.ProjectId) && peopleKinds.Contains(s.Kind))
            .Select(s => new { s.ProjectId, s.Kind, s.ResidentId }).Distinct().ToListAsync(ct)).Select(r => (r.ProjectId, r.Kind, r.ResidentId)).ToList())
            .ToLookup(r => r.ProjectId);
        foreach (var id in ids)
        {
            var kindsDone = byKind[id].ToList();
            var everyone = all.GetValueOrDefault(id);
            var result = new List<Actual>();
            foreach (var i in indicators[id])
            {
                var kinds = ProjectIndicator.Kinds(i.KindMask);
                int value, registered = 0, heads = 0;
                switch (i.Measure)
                {
                    case IndicatorMeasure.Times: value = kindsDone.Where(k => kinds.Contains(k.Kind)).Sum(k => k.Times); break;
                    case IndicatorMeasure.People: value = residentsOf[id].Where(r => kinds.Contains(r.Kind)).Select(r => r.ResidentId).Distinct().Count(); break;
                    default:
                        registered = everyone;
                        heads = kindsDone.Sum(k => k.Heads);
                        value = registered + heads;
                        break;
                }
                result.Add(new Actual(i.Id, i.Name, i.Measure, kinds, i.Target, i.Unit, value, heads > 0, registered, heads));
            }
            answers[id] = (result, new Delivered(kindsDone.ToDictionary(k => k.Kind, k => k.Times), kindsDone.ToDictionary(k => k.Kind, k => k.Heads), everyone,
                kindsDone.Sum(k => k.Party), kindsDone.Sum(k => k.Social), kindsDone.Sum(k => k.Volunteers)));
        }
        return answers;
    }

    /// <summary>
    /// 成效简述: the sentence the reports are made of, from the actuals — "截至目前，项目共" + each indicator as "{name}{actual}{unit}"
    /// (约 before a figure with head counts in it) joined by "，" + "。", in the indicators' order but the beneficiaries last (as the reports close). With the Jiuyuan indicators it reads: 截至目前，项目共开展文化类
    /// 社区活动9场，入户探访和生活照料65次，医疗护理服务3次，确定个案服务对象15人，开展小组服务活动7场，累计受益人数约1000人。 Chinese always
    /// (the reports are written in Chinese); an empty project says so. A project that has closed (completed or terminated) reads
    /// "项目共…": its figures are final, not "so far".
    /// </summary>
    public static string Narrative(IReadOnlyList<Actual> actuals, ProjectStatus status = ProjectStatus.InProgress) => actuals.Count == 0
        ? "项目尚未设定指标。"
        : (status is ProjectStatus.Completed or ProjectStatus.Terminated ? "项目共" : "截至目前，项目共") + string.Join("，", actuals.OrderBy(a => a.Measure == IndicatorMeasure.Beneficiaries)
            .Select(a => $"{a.Name}{(a.Approximate ? "约" : "")}{a.Value}{a.Unit}")) + "。";

    /// <summary>
    /// Why <paramref name="actor"/> may not open the <paramref name="stage"/> evaluation of a project in <paramref name="status"/>; null
    /// when they may. The reviewer opens it: the township station's head or the bureau. Mid-term while in progress; final while in
    /// progress or once completed. (Whether the stage is already open is the use case's check.)
    /// </summary>
    public static string? OpenEvaluationRefusal(ProjectStatus status, EvaluationStage stage, ProjectActor actor) =>
        actor is not (ProjectActor.StationHead or ProjectActor.Bureau)
            ? Lang.T("项目评估由所在镇（街道）社工站站长或民政部门发起", "An evaluation is opened by the head of the township's station or by the bureau")
            : stage == EvaluationStage.MidTerm && status != ProjectStatus.InProgress
                ? Lang.T($"项目{Project.StatusLabel(status)}，中期评估在实施期间进行", $"The project is {Project.StatusLabel(status)}: a mid-term evaluation takes place while it is in progress")
                : stage == EvaluationStage.Final && status is not (ProjectStatus.InProgress or ProjectStatus.Completed)
                    ? Lang.T($"项目{Project.StatusLabel(status)}，结项评估在实施中或结项后进行", $"The project is {Project.StatusLabel(status)}: a final evaluation takes place while it is in progress or once completed")
                    : null;

    /// <summary>Why <paramref name="actor"/> may not submit the self-assessment of <paramref name="evaluation"/>: it is the implementing organization's (or a station worker's on its behalf; not the head's, who reviews), until reviewed.</summary>
    public static string? SelfAssessRefusal(ProjectStatus status, ProjectEvaluation evaluation, ProjectActor actor) =>
        EvaluatedRefusal(status) ?? (actor is not (ProjectActor.Organization or ProjectActor.StationWorker)
            ? Lang.T("自评由实施机构填报（或社工站社工代为填报），评审人不填自评", "The self-assessment is the implementing organization's (or a station worker's on its behalf), never the reviewer's")
            : evaluation.ReviewedAt is not null
                ? Lang.T("评估已评审完成，自评不能再修改", "The evaluation is reviewed: the self-assessment no longer changes")
                : null);

    /// <summary>An evaluation is scored while the project is in progress or completed, not once terminated.</summary>
    static string? EvaluatedRefusal(ProjectStatus status) => status is ProjectStatus.InProgress or ProjectStatus.Completed ? null
        : Lang.T($"项目{Project.StatusLabel(status)}，评估不能再填报或评审", $"The project is {Project.StatusLabel(status)}: the evaluation is no longer scored");

    /// <summary>Why <paramref name="actor"/> may not review <paramref name="evaluation"/>: the station head's or the bureau's, after the self-assessment, once.</summary>
    public static string? ReviewRefusal(ProjectStatus status, ProjectEvaluation evaluation, ProjectActor actor) =>
        EvaluatedRefusal(status) ?? (actor is not (ProjectActor.StationHead or ProjectActor.Bureau)
            ? Lang.T("评审由所在镇（街道）社工站站长或民政部门进行", "The review is the township station head's or the bureau's")
            : evaluation.ReviewedAt is not null
                ? Lang.T("该评估已评审完成", "This evaluation is already reviewed")
                : evaluation.SelfAt is null
                    ? Lang.T("实施机构尚未提交自评，暂不能评审", "The implementing organization has not submitted its self-assessment yet")
                    : null);

    /// <summary>
    /// <see cref="SurveyRefusal(ProjectStatus, ProjectActor)"/> with the rest of the user's standing: a suspended or deregistered
    /// organization's staff record no survey (the station and the bureau still do).
    /// </summary>
    public static string? SurveyRefusal(ProjectStatus status, Standing standing) =>
        SurveyRefusal(status, standing.Actor) ?? Halted(standing, Lang.T("实施机构已暂停活动或已注销，不能登记满意度调查", "The implementing organization is suspended or deregistered: it records no survey"));

    /// <summary>
    /// <see cref="SelfAssessRefusal(ProjectStatus, ProjectEvaluation, ProjectActor)"/> with the rest of the user's standing: a suspended
    /// or deregistered organization's staff submit no self-assessment (a station worker may, on its behalf).
    /// </summary>
    public static string? SelfAssessRefusal(ProjectStatus status, ProjectEvaluation evaluation, Standing standing) =>
        SelfAssessRefusal(status, evaluation, standing.Actor)
        ?? Halted(standing, Lang.T("实施机构已暂停活动或已注销，不能提交自评；可由社工站社工代为填报", "The implementing organization is suspended or deregistered: a station social worker may submit the self-assessment for it"));

    /// <summary>The refusal <paramref name="message"/> when the user acts for an organization that is suspended or deregistered; null otherwise.</summary>
    static string? Halted(Standing standing, string message) => standing.Actor == ProjectActor.Organization && !standing.OrganizationActive ? message : null;

    /// <summary>
    /// Why the user, by <paramref name="standing"/>, may not void a satisfaction survey of a project in <paramref name="status"/>:
    /// whoever may record one (<see cref="SurveyRefusal(ProjectStatus, ProjectActor)"/>: the implementing organization, the station or
    /// the bureau) voids one entered wrongly, in any status a survey was taken in — in progress, completed, or terminated after (its
    /// rate still reads on the project); a suspended or deregistered organization's staff do not, the station still does.
    /// </summary>
    public static string? SurveyVoidRefusal(ProjectStatus status, Standing standing) =>
        standing.Actor == ProjectActor.Reader
            ? Lang.T("只有实施机构、社工站或民政部门可以作废满意度调查", "Only the implementing organization, the station or the bureau void satisfaction surveys")
            : status is not (ProjectStatus.InProgress or ProjectStatus.Completed or ProjectStatus.Terminated)
                ? Lang.T($"项目{Project.StatusLabel(status)}，满意度调查不能作废", $"The project is {Project.StatusLabel(status)}: its surveys are not voided")
                : Halted(standing, Lang.T("实施机构已暂停活动或已注销，不能作废满意度调查；请社工站社工办理", "The implementing organization is suspended or deregistered: a station social worker voids the survey"));

    /// <summary>Why <paramref name="actor"/> may not record a satisfaction survey: anyone with a part in the project, while in progress or once completed.</summary>
    public static string? SurveyRefusal(ProjectStatus status, ProjectActor actor) =>
        actor == ProjectActor.Reader
            ? Lang.T("只有实施机构、社工站或民政部门可以登记满意度调查", "Only the implementing organization, the station or the bureau record satisfaction surveys")
            : status is not (ProjectStatus.InProgress or ProjectStatus.Completed)
                ? Lang.T($"项目{Project.StatusLabel(status)}，满意度调查在实施中或结项后登记", $"The project is {Project.StatusLabel(status)}: surveys are recorded while it is in progress or once completed")
                : null;

    /// <summary>
    /// The surveys of <paramref name="projectId"/> that count: not voided themselves (<see cref="VoidSatisfactionSurvey"/>), and of the
    /// whole project or of a delivery record not voided (a voided record's survey leaves the rate with it). Read by the project's id:
    /// call it for a project the user reached.
    /// </summary>
    public static IQueryable<SatisfactionSurvey> CountedSurveys(AppDb db, Guid projectId)
    {
        var voided = db.Set<ProjectActivity>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(a => a.ProjectId == projectId && a.VoidedAt != null).Select(a => (Guid?)a.Id);
        return db.Set<SatisfactionSurvey>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(s => s.ProjectId == projectId && s.VoidedAt == null && (s.ActivityId == null || !voided.Contains(s.ActivityId)));
    }

    /// <summary>满意度 of a project's surveys (or any set of surveys): satisfied (非常满意 + 满意) of answered.</summary>
    public static async Task<SatisfactionRate> SatisfactionAsync(IQueryable<SatisfactionSurvey> surveys, CancellationToken ct = default)
    {
        var totals = await surveys.GroupBy(s => 1).Select(g => new { Satisfied = g.Sum(s => s.VerySatisfied + s.Satisfied),
            Answered = g.Sum(s => s.VerySatisfied + s.Satisfied + s.Neutral + s.Dissatisfied + s.VeryDissatisfied), Count = g.Count() }).FirstOrDefaultAsync(ct);
        return totals is null ? new SatisfactionRate(0, 0, 0) : new SatisfactionRate(totals.Satisfied, totals.Answered, totals.Count);
    }

    /// <summary>The sentence the reports add on satisfaction (经回访调查，服务对象满意度达93.5%。 — 为 below the 90% target); empty when nobody answered.</summary>
    public static string SatisfactionSentence(SatisfactionRate rate) =>
        rate.Percent is { } p ? $"经回访调查，服务对象满意度{(rate.MeetsTarget ? "达" : "为")}{p.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture)}%。" : "";

    /// <summary>The unit a service kind is counted in: 场 for gatherings (activities, groups, trainings), 次 for the rest.</summary>
    public static string UnitOf(ServiceKind k) => k is ServiceKind.CommunityActivity or ServiceKind.GroupService or ServiceKind.Training ? "场" : "次";
}
