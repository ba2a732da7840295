using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Volunteers.Exchange;

/// <summary>
/// 全国系统对接: tree-left; right, the two exports of the national-exchange layout (volunteers; final hours of a period) as Excel or CSV —
/// full ID numbers only for those who may reveal them, with a reason — the templates, and the two imports (all or nothing, every problem
/// listed by row and column, the list downloadable as a CSV).
/// </summary>
[Authorize(VolunteersPermissions.ViewPolicy)]
[RequestSizeLimit(NationalLayout.MaxBytes + 64 * 1024)]
[RequestFormLimits(MultipartBodyLengthLimit = NationalLayout.MaxBytes + 64 * 1024)]
public sealed class IndexModel(AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock) : PageModel, IAreaFilteredQuery
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }

    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public string? AreaName { get; private set; }
    public bool CanManage => me.Has(VolunteersPermissions.Manage);
    public bool CanOrganize => me.Has(VolunteersPermissions.Organize);
    public bool CanReveal => me.Has(HouseholdsPermissions.Reveal);
    public DateOnly Today => ChinaTime.Today(clock);

    /// <summary>Which import the result belongs to: volunteers or hours.</summary>
    public string? Imported { get; private set; }
    public string? ResultText { get; private set; }
    public IReadOnlyList<NationalLayout.Skipped> Skipped { get; private set; } = [];
    public IReadOnlyList<NationalLayout.RowError> Errors { get; private set; } = [];
    public string? FileName { get; private set; }

    /// <summary>The error list as a CSV in a data: address, to download without keeping the file anywhere.</summary>
    public string ErrorFileUrl => "data:text/csv;charset=utf-8;base64," + Convert.ToBase64String(NationalLayout.ReportCsv(Errors));

    public async Task OnGetAsync() => await LoadAsync();

    async Task LoadAsync()
    {
        Roots = await BrowseAreas.Roots(db, me);
        if (Area is not null && (await BrowseAreas.Get(db, Area)).Value is { } a) AreaName = a.Name;
    }

    public async Task<IActionResult> OnGetVolunteersAsync(string? format, bool? full, string? reason) =>
        Answer(await ExportNationalVolunteers.Handle(db, me, sealer, clock, new(Area, format, full, reason), HttpContext.RequestAborted));

    public async Task<IActionResult> OnGetHoursAsync(DateOnly? from, DateOnly? to, string? format, bool? full, string? reason) =>
        Answer(await ExportNationalHours.Handle(db, me, sealer, clock, new(Area, from, to, format, full, reason), HttpContext.RequestAborted));

    public async Task<IActionResult> OnGetTemplateAsync(string? sheet, string? format) =>
        Answer(await NationalTemplate.Handle(sheet, format, HttpContext.RequestAborted));

    IActionResult Answer(Result<ExportNationalVolunteers.File> result)
    {
        if (result.Value is { } f) return File(f.Content, f.ContentType, f.FileName);
        var failure = result.Failure!;
        TempData["ToastError"] = failure.Errors?.Values.SelectMany(m => m).FirstOrDefault() ?? failure.Title;
        return Redirect($"/Volunteers/Exchange?area={Area}");
    }

    public async Task<IActionResult> OnPostVolunteersAsync(IFormFile? file)
    {
        if (!CanManage) return Forbid();
        Imported = "volunteers";
        FileName = file?.FileName;
        var result = await ImportNationalVolunteers.Handle(db, me, sealer, clock, file, HttpContext.RequestAborted);
        if (result.Value is { } ok)
        {
            ResultText = Lang.T($"导入成功：新增志愿者 {ok.Added} 人，已存在跳过 {ok.Skipped} 人", $"Imported: {ok.Added} volunteers added, {ok.Skipped} already registered and skipped");
            Skipped = ok.SkippedRows;
        }
        else Errors = NationalLayout.Report(result.Failure!, NationalLayout.VolunteerColumns);
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostHoursAsync(IFormFile? file)
    {
        if (!CanOrganize) return Forbid();
        Imported = "hours";
        FileName = file?.FileName;
        var result = await ImportNationalHours.Handle(db, me, sealer, clock, file, HttpContext.RequestAborted);
        if (result.Value is { } ok)
        {
            ResultText = Lang.T($"导入成功：新增服务记录 {ok.Added} 条，共 {VolunteerHours.Format(ok.Minutes)} 小时（公示期满后生效），已导入跳过 {ok.Skipped} 条",
                $"Imported: {ok.Added} records, {VolunteerHours.Format(ok.Minutes)} hours (final after the posting period); {ok.Skipped} imported before and skipped");
            Skipped = ok.SkippedRows;
        }
        else Errors = NationalLayout.Report(result.Failure!, NationalLayout.HourColumns);
        await LoadAsync();
        return Page();
    }
}
