using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Organizations;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Needs;

/// <summary>
/// 需求详情与办理: the need, its timeline, matches and photos; the forms of the steps the user may take now (受理 / 不予受理,
/// 对接, 开始办理, 办结, 回访, 关闭 — shown by <see cref="NeedRules"/>, refused by the same rules), the requester's phone revealed
/// with a reason. A failed step shows its messages beside its form; nothing else on the page changes.
/// </summary>
[Authorize(NeedsPermissions.ViewPolicy)]
public sealed class DetailsModel(AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public ChangeNeedStatus.Request Step { get; set; } = new();
    [BindProperty] public MatchNeed.Request Match { get; set; } = new();
    [BindProperty] public FollowUpNeed.Request FollowUp { get; set; } = new();
    [BindProperty] public RevealNeedRequester.Request Reveal { get; set; } = new(null);
    [BindProperty] public IFormFile? Photo { get; set; }
    /// <summary>A photo removed (删除照片), with its reason; <see cref="FileId"/> names it.</summary>
    [BindProperty] public RemoveNeedPhoto.Request RemovePhoto { get; set; } = new();
    [BindProperty, Label("照片", "Photo")] public Guid? FileId { get; set; }

    public GetNeed.Details Need { get; private set; } = null!;
    public List<ServingOrganizations.Serving> Organizations { get; private set; } = [];

    /// <summary>A project the need may join (<see cref="Wushe.Features.Projects.ProjectRules.AnsweringAsync"/>), newest first.</summary>
    public sealed record ProjectChoice(Guid Id, string ProjectNo, string Title);
    public List<ProjectChoice> Projects { get; private set; } = [];
    public List<Households.Workers.Worker> Handlers { get; private set; } = [];
    public string? RevealedPhone { get; private set; }
    /// <summary>The form that failed (its messages show beside it): "step", "match", "followup", "reveal", "photo".</summary>
    public string? Open { get; private set; }
    public bool CanManage => me.Has(NeedsPermissions.Manage);
    public bool CanReveal => me.Has(Households.HouseholdsPermissions.Reveal);
    public bool CanDesignProject => me.Has(Wushe.Features.Projects.ProjectsPermissions.Design);

    public async Task<IActionResult> OnGetAsync() => await Load() ? Page() : NotFound();

    async Task<bool> Load()
    {
        var result = await GetNeed.Handle(db, me, clock, Id);
        if (!result.IsOk) return false;
        Need = result.Value!;
        if (Need.MayMatch)
        {
            Organizations = await ListNeedOrganizations.Of(db, Need.AreaCode);
            var joined = Need.Matches.Where(m => m.Kind == NeedMatchKind.Project && m.TargetId is not null).Select(m => m.TargetId!.Value).ToList();
            Projects = await (await Wushe.Features.Projects.ProjectRules.AnsweringAsync(db, Need.AreaCode, Platform.ChinaTime.Today(clock))).Where(p => !joined.Contains(p.Id))
                .OrderByDescending(p => p.CreatedAt).Take(100).Select(p => new ProjectChoice(p.Id, p.ProjectNo, p.Title)).ToListAsync();
        }
        if (Need.Next.Contains(NeedStatus.Accepted)) Handlers = await Households.Workers.CandidatesAsync(db, Need.AreaCode);
        return true;
    }

    public Task<IActionResult> OnPostStepAsync()
    {
        var step = Step;
        return Run("step", "Step.", () => ChangeNeedStatus.Validate(step), () => ChangeNeedStatus.Handle(db, me, clock, Id, step),
            step.To switch
            {
                NeedStatus.Accepted => Lang.T("已受理", "Accepted"),
                NeedStatus.Rejected => Lang.T("已不予受理", "Rejected"),
                NeedStatus.InProgress => Lang.T("已开始办理", "Started"),
                NeedStatus.Resolved => Lang.T("已标记解决，请及时回访", "Resolved: follow up with the requester"),
                _ => Lang.T("需求已办结", "Closed"),
            });
    }

    public Task<IActionResult> OnPostMatchAsync()
    {
        var match = Match;
        return Run("match", "Match.", () => MatchNeed.Validate(match), () => MatchNeed.Handle(db, me, clock, Id, match), Lang.T("对接已记录", "Match recorded"));
    }

    public Task<IActionResult> OnPostFollowUpAsync()
    {
        var followUp = FollowUp;
        return Run("followup", "FollowUp.", () => FollowUpNeed.Validate(followUp), () => FollowUpNeed.Handle(db, me, clock, Id, followUp), Lang.T("回访已记录", "Follow-up recorded"));
    }

    public async Task<IActionResult> OnPostPhotoAsync()
    {
        if (!CanManage) return Forbid();
        var result = await AddNeedPhoto.Handle(db, me, clock, Id, Photo);
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T("照片已上传", "Photo uploaded");
            return Redirect($"/Needs/Details?id={Id}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        if (result.Failure.Errors is { } errors) foreach (var m in errors.SelectMany(e => e.Value)) ModelState.AddModelError(nameof(Photo), m);
        else ModelState.AddModelError(nameof(Photo), result.Failure.Title);
        Open = "photo";
        return await Load() ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRemovePhotoAsync()
    {
        if (!CanManage) return Forbid();
        var request = RemovePhoto;
        var result = await ModelState.IfParsed("RemovePhoto.", () => RemoveNeedPhoto.Validate(request), () => RemoveNeedPhoto.Handle(db, me, clock, Id, FileId ?? Guid.Empty, request));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T("照片已删除", "Photo removed");
            return Redirect($"/Needs/Details?id={Id}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "RemovePhoto.");
        Open = "remove-photo";
        return await Load() ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRevealAsync()
    {
        var reveal = Reveal;
        var result = await ModelState.IfParsed("Reveal.", () => new Errors(), () => RevealNeedRequester.Handle(db, me, sealer, clock, Id, reveal));
        if (result.IsOk) RevealedPhone = result.Value!.Phone;
        else if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        else if (result.Failure.Kind == FailureKind.Forbidden) return Forbid();
        else
        {
            ModelState.AddFailure(result.Failure, "Reveal.");
            Open = "reveal";
        }
        return await Load() ? Page() : NotFound();
    }

    async Task<IActionResult> Run<T>(string form, string prefix, Func<Errors> validate, Func<Task<Result<T>>> useCase, string done)
    {
        if (!CanManage) return Forbid();
        var result = await ModelState.IfParsed(prefix, validate, useCase);
        if (result.IsOk)
        {
            TempData["Toast"] = done;
            return Redirect($"/Needs/Details?id={Id}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, prefix);
        Open = form;
        return await Load() ? Page() : NotFound();
    }

    public string Invalid(string key) => ModelState[key]?.Errors.Count > 0 ? "is-invalid" : "";
}
