using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Validation;

namespace Wushe.Features.Projects;

/// <summary>
/// 登记满意度调查: the implementing organization, a station worker or the bureau (<see cref="ProjectRules.SurveyRefusal"/>) record
/// one collection of beneficiaries' satisfaction forms for a project in progress or completed — for the whole project or one of
/// its delivery records (<c>activityId</c>) —: the China date (from the project's start, not after today), how they were
/// collected, and how many answered 非常满意 / 满意 / 一般 / 不满意 / 非常不满意 (0–10,000 each, at least one answer; for a record,
/// no more answers than its participants, registered plus head count). Failures: invalid (each field named); not found;
/// conflict (the user's part or the project's status).
/// </summary>
public static class RecordSatisfactionSurvey
{
    public sealed record Request
    {
        [Label("服务记录", "Delivery record")] public Guid? ActivityId { get; init; }
        [Label("调查日期", "Date")] public DateOnly? SurveyedOn { get; init; }
        [Label("调查方式", "Method")] public SurveyMethod? Method { get; init; }
        [Label("非常满意", "Very satisfied")] public int? VerySatisfied { get; init; }
        [Label("满意", "Satisfied")] public int? Satisfied { get; init; }
        [Label("一般", "Neutral")] public int? Neutral { get; init; }
        [Label("不满意", "Dissatisfied")] public int? Dissatisfied { get; init; }
        [Label("非常不满意", "Very dissatisfied")] public int? VeryDissatisfied { get; init; }
        [Label("说明", "Note")] public string? Note { get; init; }
    }

    public sealed record Recorded(Guid Id, int Answered, SatisfactionRate ProjectRate);

    public const int MaxPerLevel = 10_000;

    public static Errors Validate(Request r)
    {
        var errors = new Errors().Text("note", r.Note, "说明", "Note", 0, 500, required: false);
        if (r.SurveyedOn is null) errors.Add("surveyedOn", Lang.T("请填写调查日期", "Give the date"));
        if (r.Method is not { } m || !Enum.IsDefined(m)) errors.Add("method", Lang.T("请选择调查方式", "Choose how the answers were collected"));
        var levels = new[] { ("verySatisfied", r.VerySatisfied, "非常满意", "Very satisfied"), ("satisfied", r.Satisfied, "满意", "Satisfied"),
            ("neutral", r.Neutral, "一般", "Neutral"), ("dissatisfied", r.Dissatisfied, "不满意", "Dissatisfied"), ("veryDissatisfied", r.VeryDissatisfied, "非常不满意", "Very dissatisfied") };
        foreach (var (field, value, zh, en) in levels)
            if (value is < 0 or > MaxPerLevel) errors.Add(field, Lang.T($"“{zh}”的份数须在 0 到 {MaxPerLevel} 之间", $"\"{en}\": 0 to {MaxPerLevel:N0} answers"));
        if (!levels.Any(l => errors.Has(l.Item1)) && Answered(r) == 0)
            errors.Add("verySatisfied", Lang.T("请填写各满意程度的回收份数（至少 1 份）", "Give how many answered each level (at least one answer)"));
        return errors;
    }

    static int Answered(Request r) => (r.VerySatisfied ?? 0) + (r.Satisfied ?? 0) + (r.Neutral ?? 0) + (r.Dissatisfied ?? 0) + (r.VeryDissatisfied ?? 0);

    public static async Task<Result<Recorded>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid projectId, Request r, CancellationToken ct = default)
    {
        var project = await ProjectRules.FindAsync(db, user, projectId, ct);
        if (project is null) return Failure.NotFound();
        var errors = Validate(r);
        if (r.SurveyedOn is { } on)
        {
            if (on < project.StartOn) errors.Add("surveyedOn", Lang.T($"调查日期不能早于项目开始日期（{ChinaTime.Format(project.StartOn)}）", $"The date cannot be before the project's start ({ChinaTime.Format(project.StartOn)})"));
            else if (on > ChinaTime.Today(clock)) errors.Add("surveyedOn", Lang.T("调查日期不能晚于今天", "The date cannot be after today"));
        }
        // No more answers than people to give them: for a record, its participants over all its surveys; for the whole project, its
        // beneficiaries (unique registered + head counts) over all whole-project surveys (a voided survey frees its answers). Read by the project's id (it was reached).
        var surveys = db.Set<SatisfactionSurvey>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(x => x.ProjectId == project.Id && x.ActivityId == r.ActivityId && x.VoidedAt == null);
        int? room = null;
        if (r.ActivityId is { } activityId)
        {
            var activity = await db.Set<ProjectActivity>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking()
                .FirstOrDefaultAsync(a => a.Id == activityId && a.ProjectId == project.Id, ct);
            if (activity is null) errors.Add("activityId", Lang.T("所选服务记录不属于本项目", "The delivery record chosen is not this project's"));
            else if (activity.VoidedAt is not null) errors.Add("activityId", Lang.T("所选服务记录已作废", "The delivery record chosen is voided"));
            else
            {
                room = activity.Registered + activity.HeadCount;
                if (r.SurveyedOn is { } day && day < activity.HeldOn && !errors.Has("surveyedOn"))
                    errors.Add("surveyedOn", Lang.T($"调查日期不能早于该次服务的日期（{ChinaTime.Format(activity.HeldOn)}）", $"The date cannot be before the record's ({ChinaTime.Format(activity.HeldOn)})"));
            }
        }
        else
        {
            var (_, delivered) = await ProjectRules.ActualsAsync(db, project.Id, ct);
            room = delivered.People + delivered.HeadCounts.Values.Sum();
        }
        if (errors.Any) return errors.ToFailure();
        if (ProjectRules.SurveyRefusal(project.Status, await ProjectRules.StandingAsync(db, user, project, ct)) is { } refusal) return Failure.Conflict(refusal);
        // Then the answers against the people who could give them (a project that may take no survey is told so first) — counted
        // and saved as one step: surveys of one project at once queue on a write to the project's row (it changes nothing), so
        // two cannot both fit in the room left for one.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await db.Set<Project>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(p => p.Id == project.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.Version, p => p.Version), ct);
        if (room is { } people)
        {
            var before = await surveys.SumAsync(x => x.VerySatisfied + x.Satisfied + x.Neutral + x.Dissatisfied + x.VeryDissatisfied, ct);
            if (before + Answered(r) > people)
                errors.Add("verySatisfied", r.ActivityId is null
                    ? Lang.T($"回收份数（已登记 {before} 份，本次 {Answered(r)} 份）多于项目的受益人数（{people}）", $"More answers ({before} recorded, {Answered(r)} now) than the project's beneficiaries ({people})")
                    : Lang.T($"回收份数（已登记 {before} 份，本次 {Answered(r)} 份）多于该次服务的参与人数（{people}）", $"More answers ({before} recorded, {Answered(r)} now) than the record's participants ({people})"));
        }
        if (errors.Any) return errors.ToFailure();

        var survey = new SatisfactionSurvey(project, r.ActivityId, r.SurveyedOn!.Value, r.Method!.Value, r.VerySatisfied ?? 0, r.Satisfied ?? 0, r.Neutral ?? 0,
            r.Dissatisfied ?? 0, r.VeryDissatisfied ?? 0, r.Note?.Trim() ?? "", user.Id, await Workers.NameAsync(db, user, ct), clock.GetUtcNow());
        db.Add(survey);
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        var rate = await ProjectRules.SatisfactionAsync(ProjectRules.CountedSurveys(db, project.Id), ct);
        return new Recorded(survey.Id, survey.Answered, rate);
    }
}
