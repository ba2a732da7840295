using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Competitions;

/// <summary>答辩安排 (<see cref="ListDefences"/>, <see cref="ScheduleDefence"/>): the eligible applications by defence time; each row sets or clears its slot; the schedule is exported as searched (<see cref="ExportDefences"/>).</summary>
[Authorize(CompetitionsPermissions.HostPolicy)]
public sealed class DefenceModel(AppDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid CallId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }
    [BindProperty] public DefenceForm Input { get; set; } = new(null, null);

    /// <summary>A row's form: the time as typed in China time (<c>datetime-local</c>, read by <see cref="ChinaTime.FromLocal(DateTime?)"/>) and the place.</summary>
    public sealed record DefenceForm([property: Label("答辩时间", "Defence time")] DateTime? At, [property: Label("答辩地点", "Defence place")] string? Place);

    public ListDefences.Schedule Schedule { get; private set; } = null!;
    /// <summary>The row whose form failed (its values and errors kept).</summary>
    public Guid? Open { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        ModelState.AddListProblems(PageNumber, Size);
        return await LoadAsync() is { } failure ? this.Refused(failure) : Page();
    }

    async Task<Failure?> LoadAsync()
    {
        var valid = PageForms.Messages(ModelState).Count == 0 || Open is not null;
        var result = await ListDefences.Handle(db, CallId, new ListDefences.Query(Keyword, valid ? PageNumber : null, valid ? Size : null));
        if (!result.IsOk) return result.Failure;
        Schedule = result.Value!;
        return null;
    }

    /// <summary>导出: the schedule as searched, as an Excel file (<see cref="ExportDefences"/>).</summary>
    public async Task<IActionResult> OnGetExportAsync()
    {
        var result = await ExportDefences.Handle(db, clock, CallId, new ListDefences.Query(Keyword));
        return result.IsOk ? File(result.Value.Content, Platform.Export.Spreadsheet.XlsxContentType, result.Value.FileName) : NotFound();
    }

    public Task<IActionResult> OnPostScheduleAsync(Guid applicationId) => SaveAsync(new ScheduleDefence.Request { ApplicationId = applicationId, At = ChinaTime.FromLocal(Input.At), Place = Input.Place }, Lang.T("答辩安排已保存", "Defence scheduled"));

    public Task<IActionResult> OnPostClearAsync(Guid applicationId) => SaveAsync(new ScheduleDefence.Request { ApplicationId = applicationId }, Lang.T("已取消答辩安排", "Defence cleared"));

    async Task<IActionResult> SaveAsync(ScheduleDefence.Request request, string done)
    {
        var result = await ModelState.IfParsed(() => ScheduleDefence.Handle(db, clock, CallId, request));
        if (result.IsOk)
        {
            TempData["Toast"] = done;
            return Redirect($"/Competitions/Defence?callId={CallId}&keyword={Uri.EscapeDataString(Keyword ?? "")}&page={PageNumber}&size={Size}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "Input.");
        Open = request.ApplicationId;
        return await LoadAsync() is { } failure ? this.Refused(failure) : Page();
    }

    public string Invalid(string key) => ModelState[key]?.Errors.Count > 0 ? "is-invalid" : "";

    public string? Error(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;
}
