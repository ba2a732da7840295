using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Volunteers.Exchange;
using Wushe.Platform.Access;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Workforce.Exams;

/// <summary>导入考试成绩 (<see cref="ImportExamResults"/>): the template, the upload (a progress bar while it runs), the result or every problem by row and column.</summary>
[Authorize(WorkforcePermissions.ExamsPolicy)]
[RequestSizeLimit(NationalLayout.MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = NationalLayout.MaxBytes + 64 * 1024)]
public sealed class ImportModel(AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock) : PageModel
{
    public ImportExamResults.Imported? Imported { get; private set; }
    public IReadOnlyList<NationalLayout.RowError> Errors { get; private set; } = [];
    public string? FileName { get; private set; }
    public string ErrorFileUrl => "data:text/csv;charset=utf-8;base64," + Convert.ToBase64String(NationalLayout.ReportCsv(Errors));

    public void OnGet() { }

    public async Task<IActionResult> OnGetTemplateAsync(string? format)
    {
        var t = await ImportExamResults.TemplateAsync(format, HttpContext.RequestAborted);
        return t.Value is { } f ? File(f.Content, f.ContentType, f.FileName) : BadRequest();
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file)
    {
        FileName = file?.FileName;
        var result = await ImportExamResults.Handle(db, me, sealer, clock, file, HttpContext.RequestAborted);
        if (result.IsOk) Imported = result.Value;
        else Errors = NationalLayout.Report(result.Failure!, ImportExamResults.Columns);
        return Page();
    }
}
