using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Validation;
using Wushe.Platform.Web;

namespace Wushe.Features.Projects;

/// <summary>
/// 项目详情: the design, budget and funding, indicators with their computed actuals and the narrative (copy button), the needs it
/// answers, the timeline and the delivery records; the steps the user may take (<see cref="ProjectRules"/>: shown by the rule the
/// API refuses by) and the delivery form while in progress. A failed form shows its messages beside it.
/// </summary>
[Authorize(ProjectsPermissions.ViewPolicy)]
public sealed class DetailsModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }
    /// <summary>The indicator whose records the list shows (a figure's link), or all.</summary>
    [FromQuery(Name = "indicator"), Label("指标", "Indicator")] public Guid? Indicator { get; set; }
    /// <summary>查找居民: a name, the start of one, or an ID number's last 4, for the record form's residents.</summary>
    [BindProperty(SupportsGet = true, Name = "find"), Label("查找居民", "Find a resident")] public string? Find { get; set; }
    [BindProperty] public ChangeProjectStatus.Request Step { get; set; } = new();
    [BindProperty] public RecordProjectActivity.Request Record { get; set; } = new();
    /// <summary>The record form's photos, saved with the record.</summary>
    [BindProperty, Label("照片", "Photos")] public List<IFormFile>? RecordPhotos { get; set; }
    /// <summary>A photo added to a record after (the records list's 添加照片).</summary>
    [BindProperty, Label("照片", "Photo")] public IFormFile? Photo { get; set; }
    [BindProperty, Label("服务记录", "Delivery record")] public Guid? ActivityId { get; set; }
    /// <summary>A photo removed (删除照片), with its reason; <see cref="FileId"/> names it.</summary>
    [BindProperty] public RemoveProjectActivityPhoto.Request RemovePhoto { get; set; } = new();
    [BindProperty, Label("照片", "Photo")] public Guid? FileId { get; set; }
    /// <summary>A record voided (the records list's 作废), with its reason.</summary>
    [BindProperty] public VoidProjectActivity.Request Void { get; set; } = new();
    [BindProperty] public OpenProjectEvaluation.Request Evaluation { get; set; } = new();
    [BindProperty] public ScoreProjectEvaluation.Request Score { get; set; } = new();
    [BindProperty, Label("评估", "Evaluation")] public Guid? EvaluationId { get; set; }
    [BindProperty] public RecordSatisfactionSurvey.Request Survey { get; set; } = new();
    /// <summary>A survey voided (the surveys list's 作废), with its reason; <see cref="SurveyId"/> names it.</summary>
    [BindProperty] public VoidSatisfactionSurvey.Request VoidSurvey { get; set; } = new();
    [BindProperty, Label("满意度调查", "Survey")] public Guid? SurveyId { get; set; }

    public GetProject.Details Project { get; private set; } = null!;
    /// <summary>逾期未结项 today (<see cref="ProjectRules.IsOverdue"/>).</summary>
    public bool Overdue => Project.Overdue;
    public List<GetProject.Participant> Participants { get; private set; } = [];
    /// <summary>The form that failed: "step", "record", "photo-{record id}", "void-{record id}", "evaluation", "self-{id}", "review-{id}", "survey" or "survey-void-{id}".</summary>
    public string? Open { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Record = new RecordProjectActivity.Request { HeldOn = Platform.ChinaTime.Today(clock), SocialWorkers = 1 };
        Survey = new RecordSatisfactionSurvey.Request { SurveyedOn = Platform.ChinaTime.Today(clock), Method = SurveyMethod.Paper };
        return await Load() ? Page() : NotFound();
    }

    async Task<bool> Load()
    {
        // Paging the lists' rule refuses is not applied here: the page shows the first page rather than refusing the project.
        var paged = Paging.Problems(PageNumber, Size).Count == 0;
        var result = await GetProject.Handle(db, me, clock, Id, paged ? PageNumber : null, paged ? Size : null, Indicator);
        if (!result.IsOk) return false;
        Project = result.Value!;
        if (Project.MayRecord) Participants = (await GetProject.ParticipantsFor(db, me, Id, Find)).Value ?? [];
        return true;
    }

    public async Task<IActionResult> OnPostStepAsync()
    {
        if (!me.Has(ProjectsPermissions.Act)) return Forbid();
        var step = Step;
        return await Run("step", "Step.", () => ChangeProjectStatus.Validate(step), () => ChangeProjectStatus.Handle(db, me, clock, Id, step), step.To switch
        {
            ProjectStatus.Approved => Lang.T("项目已审核立项", "The project is approved"),
            ProjectStatus.InProgress => Lang.T("项目已开始实施", "The project has started"),
            ProjectStatus.Completed => Lang.T("项目已结项", "The project is completed"),
            _ => Lang.T("项目已终止", "The project is terminated"),
        });
    }

    public async Task<IActionResult> OnPostRecordAsync()
    {
        if (!me.Has(ProjectsPermissions.Deliver)) return Forbid();
        var record = Record;
        var photos = RecordPhotos;
        return await Run("record", "Record.", () => RecordProjectActivity.Validate(record), () => RecordProjectActivity.Handle(db, me, clock, Id, record, photos),
            Lang.T("服务记录已保存，指标已更新", "Delivery recorded; the indicators are updated"));
    }

    public async Task<IActionResult> OnPostPhotoAsync()
    {
        if (!me.Has(ProjectsPermissions.Deliver)) return Forbid();
        var activity = ActivityId ?? Guid.Empty;
        var photo = Photo;
        return await Run($"photo-{activity}", "", () => new Errors(), () => AddProjectActivityPhoto.Handle(db, me, clock, Id, activity, photo),
            Lang.T("照片已上传", "Photo uploaded"));
    }

    public async Task<IActionResult> OnPostRemovePhotoAsync()
    {
        if (!me.Has(ProjectsPermissions.Deliver)) return Forbid();
        var file = FileId ?? Guid.Empty;
        var request = RemovePhoto;
        return await Run($"photo-{ActivityId ?? Guid.Empty}", "RemovePhoto.", () => RemoveProjectActivityPhoto.Validate(request),
            () => RemoveProjectActivityPhoto.Handle(db, me, clock, Id, file, request), Lang.T("照片已删除", "Photo removed"));
    }

    public async Task<IActionResult> OnPostVoidAsync()
    {
        if (!me.Has(ProjectsPermissions.Deliver)) return Forbid();
        var activity = ActivityId ?? Guid.Empty;
        var request = Void;
        return await Run($"void-{activity}", "Void.", () => VoidProjectActivity.Validate(request), () => VoidProjectActivity.Handle(db, me, clock, Id, activity, request),
            Lang.T("服务记录已作废，指标已更新；如需要请重新记录正确的服务", "The record is voided and the indicators updated; record the right delivery anew if needed"));
    }

    public async Task<IActionResult> OnPostEvaluationAsync()
    {
        if (!me.Has(ProjectsPermissions.Act)) return Forbid();
        // Blank rows of the criteria table are not criteria.
        var request = Evaluation with { Criteria = Evaluation.Criteria?.Where(c => !string.IsNullOrWhiteSpace(c.Name) || c.MaxScore is not null).ToList() };
        return await Run("evaluation", "Evaluation.", () => OpenProjectEvaluation.Validate(request), () => OpenProjectEvaluation.Handle(db, me, clock, Id, request),
            Lang.T("评估已发起，请实施机构提交自评", "The evaluation is open; the implementing organization submits its self-assessment next"));
    }

    public async Task<IActionResult> OnPostSelfAsync()
    {
        if (!me.Has(ProjectsPermissions.Act)) return Forbid();
        var score = Score;
        var evaluation = EvaluationId ?? Guid.Empty;
        return await Run($"self-{evaluation}", "Score.", () => ScoreProjectEvaluation.Validate(score, "自评说明", "The self-assessment"),
            () => SelfAssessProject.Handle(db, me, clock, Id, evaluation, score), Lang.T("自评已提交", "Self-assessment submitted"));
    }

    public async Task<IActionResult> OnPostReviewAsync()
    {
        if (!me.Has(ProjectsPermissions.Act)) return Forbid();
        var score = Score;
        var evaluation = EvaluationId ?? Guid.Empty;
        return await Run($"review-{evaluation}", "Score.", () => ScoreProjectEvaluation.Validate(score, "评审意见", "The reviewer's comments"),
            () => ReviewProjectEvaluation.Handle(db, me, clock, Id, evaluation, score), Lang.T("评审结果已保存", "The review is saved"));
    }

    public async Task<IActionResult> OnPostSurveyAsync()
    {
        if (!me.Has(ProjectsPermissions.Act)) return Forbid();
        var survey = Survey;
        return await Run("survey", "Survey.", () => RecordSatisfactionSurvey.Validate(survey), () => RecordSatisfactionSurvey.Handle(db, me, clock, Id, survey),
            Lang.T("满意度调查已登记", "The survey is recorded"));
    }

    public async Task<IActionResult> OnPostVoidSurveyAsync()
    {
        if (!me.Has(ProjectsPermissions.Act)) return Forbid();
        var survey = SurveyId ?? Guid.Empty;
        var request = VoidSurvey;
        return await Run($"survey-void-{survey}", "VoidSurvey.", () => VoidSatisfactionSurvey.Validate(request),
            () => VoidSatisfactionSurvey.Handle(db, me, clock, Id, survey, request),
            Lang.T("满意度调查已作废，满意度已更新；如需要请重新登记正确的调查", "The survey is voided and the rate updated; record the right survey anew if needed"));
    }

    async Task<IActionResult> Run<T>(string form, string prefix, Func<Errors> validate, Func<Task<Result<T>>> useCase, string done)
    {
        var result = await ModelState.IfParsed(prefix, validate, useCase);
        if (result.IsOk)
        {
            TempData["Toast"] = done;
            return Redirect($"/Projects/Details?id={Id}{Anchor(form)}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, prefix);
        Open = form;
        return await Load() ? Page() : NotFound();
    }

    static string Anchor(string form) => form switch
    {
        "record" => "#activities",
        _ when form.StartsWith("photo-", StringComparison.Ordinal) || form.StartsWith("void-", StringComparison.Ordinal) => "#activities",
        _ when form.StartsWith("survey", StringComparison.Ordinal) => "#project-satisfaction",
        "step" => "",
        _ => "#project-evaluations",
    };

    public string Invalid(string key) => ModelState[key]?.Errors.Count > 0 ? "is-invalid" : "";
}
