using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Platform.Access;
using Wushe.Platform.Web;

namespace Wushe.Features.Areas;

/// <summary>
/// 区划导入: upload the four CSV files (and an optional old → new code mapping); the import runs in
/// the background and this page shows its progress, the plan to confirm (确认导入) when it asks, and the result.
/// </summary>
[Authorize(AreasPermissions.ImportPolicy)]
[RequestSizeLimit(5 * ImportDivisions.MaxFileBytes)]
public sealed class ImportModel(ImportJobs jobs, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true), Platform.Localization.Label("导入任务", "Import job")] public Guid? Job { get; set; }

    public ImportStatus? Status { get; private set; }

    public IActionResult OnGet()
    {
        if (Job is { } id && (Status = jobs.Get(id)) is null) return NotFound();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await ImportDivisions.Start(Request.Form.Files, jobs, me);
        if (result.IsOk) return Redirect($"/Areas/Import?job={result.Value}");
        ModelState.AddFailure(result.Failure!);
        return Page();
    }

    /// <summary>确认导入: writes the plan shown (planned again first; asks again if it changed).</summary>
    public IActionResult OnPostConfirm()
    {
        if (Job is not { } id) return NotFound();
        var result = ImportDivisions.Confirm(id, jobs, me);
        if (!result.IsOk && result.Failure!.Kind == Platform.Outcomes.FailureKind.NotFound) return NotFound();
        if (!result.IsOk) TempData["ToastError"] = result.Failure!.Title;
        return Redirect($"/Areas/Import?job={id}");
    }

    /// <summary>上传对照表并重新检查: the same files planned again with an old → new code mapping.</summary>
    public async Task<IActionResult> OnPostMappingAsync()
    {
        if (Job is not { } id || (Status = jobs.Get(id)) is null) return NotFound();
        var result = await ImportDivisions.AddMapping(id, Request.Form.Files, jobs, me);
        if (result.IsOk) return Redirect($"/Areas/Import?job={result.Value}");
        ModelState.AddFailure(result.Failure!);
        return Page();
    }

    /// <summary>htmx: the progress panel, polled until the job ends or asks for confirmation.</summary>
    public IActionResult OnGetProgress(Guid job) => jobs.Get(job) is { } status ? Partial("_ImportProgress", status) : NotFound();
}
