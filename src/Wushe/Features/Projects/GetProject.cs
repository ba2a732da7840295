using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Features.Needs;
using Wushe.Features.Organizations;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Validation;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Projects;

/// <summary>
/// 项目详情: a project as the user may reach it (<see cref="ProjectRules.FindAsync"/>) — its design, funding lines (fen), the
/// indicators with their computed actuals and the narrative sentence (<see cref="ProjectRules.Narrative"/>), the needs it
/// answers (traceability: each links to its need), its timeline, its delivery records (voided ones too, marked: they count nowhere; newest first, paged: <paramref name="recordsPage"/>, <paramref name="recordsSize"/> of the list sizes, 20 by default;
/// only those behind one indicator's figure with <paramref name="indicatorId"/>: <c>RecordsOf</c>), and what the user may do
/// next (the steps <see cref="ProjectRules.Refusal"/> allows, edit, record); its evaluations (both sides' scores, what the user may
/// score) and satisfaction surveys with the rate (满意度 = satisfied ÷ answered; the narrative adds its sentence). Failures: not found (outside the user's reach); invalid (page, size: the lists' paging rule).
/// </summary>
public static class GetProject
{
    public sealed record Funding(ProjectFundingSource Source, long AmountFen, string Note);
    public sealed record AnsweredNeed(Guid Id, string NeedNo, string Title, NeedStatus Status, string AreaName);
    public sealed record Step(ProjectStatus Status, DateTimeOffset At, string ByName, string Note);
    public sealed record Activity(Guid Id, ServiceKind Kind, DateOnly HeldOn, string Title, string Place, int PartyWorkers, int SocialWorkers,
        int Volunteers, string StaffNames, int Registered, int HeadCount, string Notes, string RecordedByName, DateTimeOffset? VoidedAt, string VoidedByName,
        string VoidReason)
    {
        /// <summary>The record's photos, oldest first (file ids: /api/v1/files/{id}).</summary>
        public IReadOnlyList<Guid> PhotoIds { get; init; } = [];
    }
    /// <summary>A resident the record form offers (<see cref="ParticipantsAsync"/>): the name masked, the ID number's last 4 characters.</summary>
    public sealed record Participant(Guid Id, string Name, string IdTail, string AreaName);

    /// <summary>An evaluation with both sides' scores (in the criteria's order) and what the user may do with it.</summary>
    public sealed record Evaluation(Guid Id, EvaluationStage Stage, IReadOnlyList<EvaluationCriterion> Criteria, int MaxTotal, int PassScore,
        string OpenedByName, DateTimeOffset OpenedAt, IReadOnlyList<int> SelfScores, int? SelfTotal, string SelfComment, string SelfByName,
        DateTimeOffset? SelfAt, IReadOnlyList<int> ReviewScores, int? ReviewTotal, string ReviewComment, string ReviewerName, DateTimeOffset? ReviewedAt,
        bool? Passed, int Version, bool MaySelfAssess, bool MayReview);
    /// <summary>A survey; <see cref="VoidedAt"/> set when it was voided itself (<see cref="VoidSatisfactionSurvey"/>, with who and why).</summary>
    public sealed record Survey(Guid Id, Guid? ActivityId, string ActivityTitle, DateOnly SurveyedOn, SurveyMethod Method, int VerySatisfied,
        int Satisfied, int Neutral, int Dissatisfied, int VeryDissatisfied, string Note, string RecordedByName, DateTimeOffset? VoidedAt,
        string VoidedByName, string VoidReason)
    {
        /// <summary>The survey's delivery record is voided: the survey counts in no rate.</summary>
        public bool Voided { get; init; }
        public int Answered => VerySatisfied + Satisfied + Neutral + Dissatisfied + VeryDissatisfied;
    }
    /// <summary>A delivery record a survey may be about (the newest 100).</summary>
    public sealed record RecordChoice(Guid Id, DateOnly HeldOn, string Title, int Participants);

    public sealed record Details(Guid Id, string ProjectNo, string Title, string AreaCode, string AreaPath, FocusArea Focus, string FocusText,
        string TargetGroups, string Summary, string PlannedActivities, Guid OrganizationId, string OrganizationName, DateOnly StartOn, DateOnly EndOn,
        long BudgetFen, ProjectStatus Status, string StatusNote, string DesignedByName, DateTimeOffset CreatedAt, int Version,
        IReadOnlyList<Funding> FundingLines, IReadOnlyList<ProjectRules.Actual> Indicators, ProjectRules.Delivered Delivered, string Narrative,
        IReadOnlyList<AnsweredNeed> Needs, IReadOnlyList<Step> Steps, PageOf<Activity> Activities,
        IReadOnlyList<ProjectStatus> Next, bool MayEdit, bool MayRecord, ProjectActor Actor,
        IReadOnlyList<Evaluation> Evaluations, IReadOnlyList<EvaluationStage> MayOpen, SatisfactionRate Satisfaction, IReadOnlyList<Survey> Surveys,
        bool MaySurvey, IReadOnlyList<RecordChoice> SurveyRecords, ProjectRules.Actual? RecordsOf, bool OrganizationActive)
    {
        /// <summary>How many of the project's delivery records are voided (listed, counted nowhere).</summary>
        public int Voided { get; init; }
        /// <summary>Whether the user may remove a record's photo (<see cref="ProjectRules.PhotoRemovalRefusal"/>).</summary>
        public bool MayRemovePhotos { get; init; }
        /// <summary>Whether the user may void a survey (<see cref="ProjectRules.SurveyVoidRefusal"/>).</summary>
        public bool MayVoidSurveys { get; init; }
        /// <summary>How many surveys the project has, voided ones too (<see cref="Surveys"/> lists the newest 50).</summary>
        public int SurveyCount { get; init; }
        /// <summary>逾期未结项 today (<see cref="ProjectRules.IsOverdue"/>), as the list says it.</summary>
        public bool Overdue { get; init; }
    }

    public static async Task<Result<Details>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid id, int? recordsPage = null, int? recordsSize = null, Guid? indicatorId = null,
        CancellationToken ct = default)
    {
        var p = await ProjectRules.FindAsync(db, user, id, ct);
        if (p is null) return Failure.NotFound();
        if (Paging.Problems(recordsPage, recordsSize) is { Count: > 0 } paging) return Failure.Invalid(paging);
        var standing = await ProjectRules.StandingAsync(db, user, p, ct);
        var actor = standing.Actor;
        // The project's rows, read by its id: the project was reached above (an organization's staff reach it outside their scope).
        var funding = await db.Set<ProjectFunding>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(f => f.ProjectId == id).OrderBy(f => f.Source).ThenBy(f => f.Id)
            .Select(f => new Funding(f.Source, f.AmountFen, f.Note)).ToListAsync(ct);
        var (indicators, delivered) = await ProjectRules.ActualsAsync(db, id, ct);
        var needIds = db.Set<ProjectNeed>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(x => x.ProjectId == id).Select(x => x.NeedId);
        var needs = await db.Set<Need>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(n => needIds.Contains(n.Id)).OrderBy(n => n.NeedNo)
            .Select(n => new { n.Id, n.NeedNo, n.Title, n.Status, n.AreaCode }).ToListAsync(ct);
        var steps = await db.Set<ProjectStep>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(s => s.ProjectId == id).OrderBy(s => s.At).ThenBy(s => s.Id)
            .Select(s => new Step(s.Status, s.At, s.ByName, ProjectStep.NoteAsRead(s.Note))).ToListAsync(ct);
        var records = db.Set<ProjectActivity>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(a => a.ProjectId == id);
        // The records behind one indicator's figure (its service kinds; the beneficiaries' figure is every record).
        var shown = indicatorId is { } ind ? indicators.FirstOrDefault(i => i.Id == ind) : null;
        if (indicatorId is not null && shown is null) return Failure.Invalid("indicator", Lang.T("所选指标不属于本项目", "The indicator is not this project's"));
        // A figure's records are those it counts (not voided); the whole list shows the voided ones too, marked.
        var listed = shown is null ? records : shown.Kinds.Count > 0 ? records.Counted().Where(a => shown.Kinds.Contains(a.Kind)) : records.Counted();
        var activities = await listed.OrderByDescending(a => a.HeldOn).ThenByDescending(a => a.Id)
            .Select(a => new Activity(a.Id, a.Kind, a.HeldOn, a.Title, a.Place, a.PartyWorkers, a.SocialWorkers, a.Volunteers, a.StaffNames, a.Registered,
                a.HeadCount, a.Notes, a.RecordedByName, a.VoidedAt, a.VoidedByName, a.VoidReason)).ToPageAsync(recordsPage, recordsSize, ct);
        var shownIds = activities.Items.Select(a => a.Id).ToList();
        var photos = await db.Set<ProjectActivityPhoto>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(x => shownIds.Contains(x.ActivityId)).OrderBy(x => x.Id)
            .Select(x => new { x.ActivityId, x.FileId }).ToListAsync(ct);
        activities = activities with { Items = [.. activities.Items.Select(a => a with { PhotoIds = [.. photos.Where(x => x.ActivityId == a.Id).Select(x => x.FileId)] })] };
        var names = await AreaNames.LookupAsync(db, needs.Select(n => n.AreaCode).Distinct(), ct);
        var path = string.Join(" / ", await AreaNames.PathAsync(db, p.AreaCode, ct));
        var evaluations = await db.Set<ProjectEvaluation>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().Where(e => e.ProjectId == id)
            .OrderBy(e => e.Stage).ToListAsync(ct);
        var surveys = db.Set<SatisfactionSurvey>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(x => x.ProjectId == id);
        var satisfaction = await ProjectRules.SatisfactionAsync(ProjectRules.CountedSurveys(db, id), ct);
        var surveyList = await surveys.OrderByDescending(x => x.SurveyedOn).ThenByDescending(x => x.Id).Take(50)
            .Select(x => new Survey(x.Id, x.ActivityId, records.Where(a => a.Id == x.ActivityId).Select(a => a.Title).FirstOrDefault() ?? "", x.SurveyedOn, x.Method,
                x.VerySatisfied, x.Satisfied, x.Neutral, x.Dissatisfied, x.VeryDissatisfied, x.Note, x.RecordedByName, x.VoidedAt, x.VoidedByName, x.VoidReason)
            { Voided = records.Any(a => a.Id == x.ActivityId && a.VoidedAt != null) }).ToListAsync(ct);
        var maySurvey = ProjectRules.SurveyRefusal(p.Status, standing) is null;
        var surveyRecords = maySurvey
            ? await records.Counted().OrderByDescending(a => a.HeldOn).ThenByDescending(a => a.Id).Take(100)
                .Select(a => new RecordChoice(a.Id, a.HeldOn, a.Title, a.Registered + a.HeadCount)).ToListAsync(ct)
            : [];
        var mayOpen = Enum.GetValues<EvaluationStage>()
            .Where(s => evaluations.All(e => e.Stage != s) && ProjectRules.OpenEvaluationRefusal(p.Status, s, actor) is null).ToList();
        var next = ProjectRules.Next(p.Status).Where(s => ProjectRules.Refusal(p.Status, s, standing) is null).ToList();
        return new Details(p.Id, p.ProjectNo, p.Title, p.AreaCode, path, p.Focus, p.FocusText, p.TargetGroups, p.Summary, p.PlannedActivities,
            p.OrganizationId, p.OrganizationName, p.StartOn, p.EndOn, p.BudgetFen, p.Status, ProjectStep.NoteAsRead(p.StatusNote), p.DesignedByName, p.CreatedAt, p.Version,
            funding, indicators, delivered, ProjectRules.Narrative(indicators, p.Status) + ProjectRules.SatisfactionSentence(satisfaction),
            [.. needs.Select(n => new AnsweredNeed(n.Id, n.NeedNo, n.Title, n.Status, names.GetValueOrDefault(n.AreaCode, "")))], steps, activities,
            next, ProjectRules.EditRefusal(p.Status, actor) is null, ProjectRules.DeliveryRefusal(p.Status, standing) is null, actor,
            [.. evaluations.Select(e => new Evaluation(e.Id, e.Stage, e.Criteria, e.MaxTotal, e.PassScore, e.OpenedByName, e.OpenedAt, e.SelfScores, e.SelfTotal,
                e.SelfComment, e.SelfByName, e.SelfAt, e.ReviewScores, e.ReviewTotal, e.ReviewComment, e.ReviewerName, e.ReviewedAt, e.Passed, e.Version,
                ProjectRules.SelfAssessRefusal(p.Status, e, standing) is null, ProjectRules.ReviewRefusal(p.Status, e, actor) is null))],
            mayOpen, satisfaction, surveyList, maySurvey, surveyRecords, shown, standing.OrganizationActive)
        { Voided = await records.CountAsync(a => a.VoidedAt != null, ct), MayRemovePhotos = ProjectRules.PhotoRemovalRefusal(standing) is null,
            MayVoidSurveys = ProjectRules.SurveyVoidRefusal(p.Status, standing) is null, Overdue = ProjectRules.IsOverdue(p.Status, p.EndOn, Platform.ChinaTime.Today(clock)),
            SurveyCount = surveyList.Count < 50 ? surveyList.Count : await surveys.CountAsync(ct) };
    }

    /// <summary>
    /// The residents the record form offers for a project <paramref name="user"/> reaches and may record delivery for
    /// (<see cref="ProjectRules.DeliveryRefusal"/>: the page's rule for showing the form); not found otherwise — a reader of the
    /// project (a community's staff through their need) does not search the area's residents.
    /// </summary>
    public static async Task<Result<List<Participant>>> ParticipantsFor(AppDb db, CurrentUser user, Guid projectId, string? find = null, CancellationToken ct = default)
    {
        if (await ProjectRules.FindAsync(db, user, projectId, ct) is not { } project) return Failure.NotFound();
        if (ProjectRules.DeliveryRefusal(project.Status, await ProjectRules.StandingAsync(db, user, project, ct)) is not null) return Failure.NotFound();
        return await ParticipantsAsync(db, project, find, ct);
    }

    /// <summary>
    /// The residents the record form offers for <paramref name="project"/> — the residents a record may register (those of the project's
    /// area, <see cref="RecordProjectActivity"/>'s rule), narrowed to: the members (still living there) of the households of the needs it
    /// answers, the residents its records served before, and, when <paramref name="find"/> is given (a whole name, the start of one
    /// such as a surname, or the last 4 characters of an ID number), the matching residents of the area; names masked,
    /// with the ID number's last 4 to tell people of one name apart, at most 200 (50 found). Read by the project (the caller reached it).
    /// </summary>
    public static async Task<List<Participant>> ParticipantsAsync(AppDb db, Project project, string? find = null, CancellationToken ct = default)
    {
        var needIds = db.Set<ProjectNeed>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(x => x.ProjectId == project.Id).Select(x => x.NeedId);
        var households = db.Set<Need>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(n => needIds.Contains(n.Id) && n.HouseholdId != null).Select(n => n.HouseholdId!.Value);
        var records = db.Set<ProjectActivity>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(a => a.ProjectId == project.Id).Select(a => a.ServiceRecordId);
        var served = db.Set<ServiceBeneficiary>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(b => records.Contains(b.ServiceRecordId)).Select(b => b.ResidentId);
        var prefix = Platform.Areas.AreaCode.Prefix(project.AreaCode);
        var area = db.Set<Resident>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(r => r.AreaCode.StartsWith(prefix) && r.Status == ResidentStatus.Active);
        var people = await area.Where(r => households.Contains(r.HouseholdId) || served.Contains(r.Id))
            .OrderBy(r => r.AreaCode).ThenBy(r => r.Name).ThenBy(r => r.Id).Take(200).Select(r => new { r.Id, r.Name, r.AreaCode, r.IdTail }).ToListAsync(ct);
        var k = find?.Trim() ?? "";
        if (k.Length > 0)
        {
            var tail = k.ToUpperInvariant();
            var found = await (tail.Length == 4 && tail.All(c => char.IsAsciiDigit(c) || c == 'X')
                    ? area.Where(r => r.IdTail == tail)
                    : area.Where(r => r.Name == k || r.Name.StartsWith(k)))
                .OrderBy(r => r.Name).ThenBy(r => r.Id).Take(50).Select(r => new { r.Id, r.Name, r.AreaCode, r.IdTail }).ToListAsync(ct);
            people = [.. found.Concat(people).DistinctBy(x => x.Id)];
        }
        var names = await AreaNames.LookupAsync(db, people.Select(x => x.AreaCode).Distinct(), ct);
        return [.. people.Select(x => new Participant(x.Id, Mask.Name(x.Name), x.IdTail ?? "", names.GetValueOrDefault(x.AreaCode, "")))];
    }
}
