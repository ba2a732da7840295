using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Competitions;

/// <summary>
/// 申报详情 (<see cref="GetApplication"/>): for the organization — edit, documents (upload, remove: asked first), submit (asked first),
/// withdraw (asked first), the receipt; for the host — 初审 (pass, fail with the reason, return for correction once).
/// </summary>
[Authorize(CompetitionsPermissions.ViewPolicy)]
public sealed class ApplicationModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public AddApplicationDocument.Request Document { get; set; } = new();
    [BindProperty] public ScreenApplication.Request Screen { get; set; } = new();
    [BindProperty] public int? Version { get; set; }

    public GetApplication.Details? Application { get; private set; }
    public bool IsOrganization => Organizations.OrganizationAccess.Own(me) is not null;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    async Task<bool> LoadAsync() => (Application = (await GetApplication.Handle(db, me, clock, Id)).Value) is not null;

    public async Task<IActionResult> OnPostDocumentAsync(IFormFile? file)
    {
        var document = Document;
        return await Act("Document.", () => new Errors(), () => AddApplicationDocument.Handle(db, me, clock, Id, document, file), Lang.T("材料已上传", "Document added"), IsOrganization);
    }

    public Task<IActionResult> OnPostRemoveAsync(Guid documentId) =>
        Act("", () => new Errors(), () => RemoveApplicationDocument.Handle(db, me, clock, Id, documentId), Lang.T("材料已删除", "Document removed"), IsOrganization);

    public async Task<IActionResult> OnPostSubmitAsync()
    {
        var r = new SubmitApplication.Request { Version = Version };
        if (!IsOrganization) return Forbid();
        var result = await ModelState.IfParsed(() => SubmitApplication.Handle(db, me, clock, Id, r));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T($"申报已提交，申报编号 {result.Value!.ApplicationNo}", $"Submitted: application number {result.Value!.ApplicationNo}");
            return Redirect($"/Competitions/Receipt?id={Id}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        // The refusal names no field of this page (documents missing, the request above the cap): said at the top, where the page shows it.
        foreach (var m in result.Failure.Errors?.Values.SelectMany(v => v) ?? [result.Failure.Title]) ModelState.AddModelError("", m);
        return await LoadAsync() ? Page() : NotFound();
    }

    public Task<IActionResult> OnPostWithdrawAsync()
    {
        var r = new WithdrawApplication.Request { Version = Version };
        return Act("", () => new Errors(), () => WithdrawApplication.Handle(db, me, clock, Id, r), Lang.T("申报已撤回", "The application is withdrawn"), IsOrganization);
    }

    public Task<IActionResult> OnPostScreenAsync()
    {
        var screen = Screen;
        return Act("Screen.", () => ScreenApplication.Validate(screen), () => ScreenApplication.Handle(db, me, clock, Id, screen), Lang.T("初审结果已保存", "Screening saved"),
            !IsOrganization && me.Has(CompetitionsPermissions.Host));
    }

    Task<IActionResult> Act<T>(string prefix, Func<Errors> validate, Func<Task<Result<T>>> useCase, string done, bool allowed) =>
        this.ActAsync(allowed, prefix, validate, useCase, done, $"/Competitions/Application?id={Id}", LoadAsync, () => { });

    public string Invalid(string key) => ModelState[key]?.Errors.Count > 0 ? "is-invalid" : "";
}
