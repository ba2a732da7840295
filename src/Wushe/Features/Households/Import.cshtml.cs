using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Households;

/// <summary>
/// 导入家庭户: download the template, upload a filled-in file; all or nothing (<see cref="ImportHouseholds"/>), with every problem
/// listed by row and column.
/// </summary>
[Authorize(HouseholdsPermissions.ManagePolicy)]
[RequestSizeLimit(ImportHouseholds.MaxBytes + 64 * 1024)]
public sealed class ImportModel(AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock) : PageModel
{
    public ImportHouseholds.Imported? Imported { get; private set; }
    public IReadOnlyList<ImportHouseholds.RowError> Errors { get; private set; } = [];
    public string? FileName { get; private set; }

    public void OnGet() { }

    public async Task<IActionResult> OnGetTemplateAsync() =>
        File(await ImportHouseholds.TemplateAsync(db, HttpContext.RequestAborted), Spreadsheet.XlsxContentType, ImportHouseholds.TemplateName);

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        FileName = file?.FileName;
        var result = await ImportHouseholds.Handle(db, me, sealer, clock, file, HttpContext.RequestAborted);
        if (result.IsOk)
        {
            Imported = result.Value;
            TempData["Toast"] = Lang.T("导入成功", "Imported");
        }
        else Errors = ImportHouseholds.Report(result.Failure!);
        return Page();
    }
}
