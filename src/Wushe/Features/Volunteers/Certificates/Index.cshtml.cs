using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Volunteers.Certificates;

/// <summary>志愿服务证明: tree-left, list-right (<see cref="ListVolunteerCertificates"/>); download, export, revoke with a reason (asked first).</summary>
[Authorize(VolunteersPermissions.ViewPolicy)]
public sealed class IndexModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel, IAreaFilteredQuery
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true), Label("状态", "Status")] public CertificateStatus? Status { get; set; }
    [BindProperty(SupportsGet = true), Label("志愿者", "Volunteer")] public Guid? VolunteerId { get; set; }
    [BindProperty(SupportsGet = true), Label("开始日期", "From")] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true), Label("结束日期", "To")] public DateOnly? To { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }
    [BindProperty] public RevokeCertificate.Request Revoke { get; set; } = new();

    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public PageOf<ListVolunteerCertificates.Row> Certificates { get; private set; } = new([], 0, 1, 20);
    public bool CanOrganize => me.Has(VolunteersPermissions.Organize);
    public bool Searching => !string.IsNullOrWhiteSpace(Keyword) || Status is not null || VolunteerId is not null || From is not null || To is not null;
    /// <summary>The certificate whose revocation failed, to open its form again with the message.</summary>
    public Guid? Open { get; private set; }

    ListVolunteerCertificates.Query Query(int? page, int? size) => new(Area, Keyword, Status, VolunteerId, From, To, page, size);

    public async Task OnGetAsync()
    {
        Roots = await BrowseAreas.Roots(db, me);
        var query = Query(PageNumber, Size);
        ModelState.AddListProblems(PageNumber, Size, Area, query: query);
        if (From > To) ModelState.AddModelError(nameof(To), Lang.T("结束日期不能早于开始日期", "To cannot be before From"));
        Certificates = await ListVolunteerCertificates.Handle(db, query);
    }

    public async Task<IActionResult> OnGetExportAsync()
    {
        var query = Query(null, null);
        ModelState.AddListProblems(null, null, Area, query: query);
        if (!ModelState.IsValid) return this.ExportRefused();
        var (content, name) = await ExportVolunteerCertificates.Handle(db, clock, query);
        return File(content, Platform.Export.Spreadsheet.XlsxContentType, name);
    }

    public async Task<IActionResult> OnGetPdfAsync(Guid id) =>
        (await CertificateFile.OfScopeAsync(db, id)) is { IsOk: true } file ? File(file.Value!.Content, CertificateFile.ContentType, file.Value.FileName) : NotFound();

    public async Task<IActionResult> OnPostRevokeAsync(Guid id)
    {
        if (!CanOrganize) return Forbid();
        var r = Revoke;
        var result = await ModelState.IfParsed("Revoke.", () => new Errors(), () => RevokeCertificate.Handle(db, me, clock, id, r));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T($"证明 {result.Value!.Number} 已作废", $"Certificate {result.Value!.Number} revoked");
            return Redirect(PageUrl(PageNumber ?? 1));
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "Revoke.");
        Open = id;
        await OnGetAsync();
        return Page();
    }

    public string Invalid(string key) => ModelState[key]?.Errors.Count > 0 ? "is-invalid" : "";

    public string PageUrl(int page, bool tab = false, CertificateStatus? status = null) =>
        $"/Volunteers/Certificates?area={Area}&keyword={Uri.EscapeDataString(Keyword ?? "")}&status={(tab ? status : Status)}&volunteerId={VolunteerId}&from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}&page={page}&size={Certificates.Size}";
}
