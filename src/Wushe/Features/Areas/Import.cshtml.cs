using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Platform.Access;
using Wushe.Platform.Web;

namespace Wushe.Features.Areas;

/// <summary>区划导入: upload the four CSV files; the import runs in the background and this page shows its progress.</summary>
[Authorize(AreasPermissions.ImportPolicy)]
[RequestSizeLimit(4 * ImportDivisionsApi.MaxFileBytes)]
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
        var result = await ImportDivisionsApi.Start(Request.Form.Files, jobs, me);
        if (result.IsOk) return Redirect($"/Areas/Import?job={result.Value}");
        ModelState.AddFailure(result.Failure!);
        return Page();
    }

    /// <summary>htmx: the progress panel, polled until the job ends.</summary>
    public IActionResult OnGetProgress(Guid job) => jobs.Get(job) is { } status ? Partial("_ImportProgress", status) : NotFound();
}
