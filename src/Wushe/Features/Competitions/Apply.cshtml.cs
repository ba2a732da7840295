using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Projects;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Competitions;

/// <summary>
/// 填写申报书 / 修改申报书: the application form (<see cref="SaveApplication"/>) of a call (?callId=), or a draft or returned application to
/// edit (&amp;id=). A call that takes no application now (not yet open, past its deadline, withdrawn) shows why and no form — the rule
/// the API applies (<see cref="ApplicationRules.ChangeRefusal"/>); so does an organization that serves no part of the host area. The
/// area picker (?handler=Areas) offers only the parts of the host area the organization serves (<see cref="ApplicationRules.ServedAreasAsync"/>)
/// and the areas under them: the areas the API accepts.
/// </summary>
[Authorize(CompetitionsPermissions.ApplyPolicy)]
public sealed class ApplyModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid CallId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public SaveApplication.Request Input { get; set; } = new();

    public Competition? Call { get; private set; }
    public string? ApplicationNo { get; private set; }
    /// <summary>Why the form cannot be saved now (after the deadline, the call withdrawn …), shown instead of it.</summary>
    public string? Refusal { get; private set; }

    /// <summary>Why no area can be chosen: the organization serves no part of the host area (shown instead of the form), or null.</summary>
    async Task<string?> AreaRefusalAsync(Competition call) =>
        Organizations.OrganizationAccess.Own(me) is { } organization && (await ApplicationRules.ServedAreasAsync(db, call, organization)).Count == 0
            ? Lang.T("本机构的服务区域不在本次公益创投的主办地区内，不能申报；如本机构实际服务该地区，请先在“本机构”中补充服务区域",
                "Your organization serves no area of this call's host area and cannot apply; if it does serve there, add the area to the organization's service areas first")
            : null;

    public async Task<IActionResult> OnGetAsync()
    {
        if ((Call = await ApplicationRules.CallAsync(db, me, CallId)) is null) return NotFound();
        if (Id is { } id)
        {
            var found = await GetApplication.Handle(db, me, clock, id);
            if (!found.IsOk || found.Value!.Call.Id != CallId) return NotFound();
            var a = found.Value;
            if (!a.MayChange) return Redirect($"/Competitions/Application?id={id}");
            ApplicationNo = a.ApplicationNo;
            var stored = await ApplicationRules.Readable(db, me).AsNoTracking().FirstAsync(x => x.Id == id);
            Input = new SaveApplication.Request
            {
                AreaCode = a.AreaCode, Title = a.Title, Focus = a.Focus, FocusNote = a.FocusNote.Length > 0 ? a.FocusNote : null, TargetGroups = a.TargetGroups, Summary = a.Summary,
                PlannedActivities = a.PlannedActivities, StartOn = a.StartOn, EndOn = a.EndOn, BudgetYuan = a.BudgetFen / 100m, Funding = [.. stored.Funding], Indicators = [.. stored.Indicators],
                Version = a.Version,
            };
        }
        else
        {
            Refusal = ApplicationRules.ChangeRefusal(Call, null, clock.GetUtcNow()) ?? await AreaRefusalAsync(Call);
            // A year's project starting a month after the deadline (the review's time); never before the deadline (SaveApplication's rule).
            var start = SaveApplication.EarliestStart(Call).AddMonths(1);
            Input = new SaveApplication.Request
            {
                StartOn = start, EndOn = start.AddYears(1).AddDays(-1), Focus = Call.Focuses.Count == 1 ? Call.Focuses[0] : null,
                Funding = [new() { Source = ProjectFundingSource.CompetitionAward }],
                Indicators = [new() { Name = "累计受益人数", Measure = IndicatorMeasure.Beneficiaries, Unit = "人" }],
            };
        }
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if ((Call = await ApplicationRules.CallAsync(db, me, CallId)) is null) return NotFound();
        var organization = Organizations.OrganizationAccess.Own(me) ?? Guid.Empty;
        var call = Call;
        // A new application to a call that takes none now: the page says why and shows no form (the use case refuses the same).
        if (Id is null && (Refusal = ApplicationRules.ChangeRefusal(call, null, clock.GetUtcNow())) is not null) return Page();
        var result = await ModelState.IfParsed("Input.", () => SaveApplication.Validate(call, organization, Input), () => SaveApplication.Handle(db, me, clock, CallId, Id, Input));
        if (result.IsOk)
        {
            TempData["Toast"] = Id is null ? Lang.T("申报书已保存为草稿：上传申报材料后即可提交", "Saved as a draft: add the documents, then submit") : Lang.T("申报书已保存", "The application is saved");
            return Redirect($"/Competitions/Application?id={result.Value!.Id}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "Input.");
        return Page();
    }

    /// <summary>
    /// The area picker's levels: first the parts of the host area the organization serves (<see cref="ApplicationRules.ServedAreasAsync"/>:
    /// the host area itself, or the townships and communities it serves there), then the areas under one of them (names only, whatever
    /// the reader's scope); a parent outside them is 404.
    /// </summary>
    public async Task<IActionResult> OnGetAreasAsync(string? parent, [FromServices] Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        if (await ApplicationRules.CallAsync(db, me, CallId) is not { } call) return NotFound();
        var served = Organizations.OrganizationAccess.Own(me) is { } organization ? await ApplicationRules.ServedAreasAsync(db, call, organization) : [];
        var code = parent is null ? null : Platform.Areas.AreaCode.Normalize(parent);
        if (parent is not null && (code is null || !ApplicationRules.Serves(served, code))) return NotFound();
        var areas = db.Areas.IgnoreQueryFilters([AppDb.ScopeFilter]).Where(a => a.ValidTo == null);
        areas = code is null ? areas.Where(a => served.Contains(a.Code)) : areas.Where(a => a.ParentCode == code);
        var list = await areas.OrderBy(a => a.Code).Select(a => new { a.Code, a.Name, a.Level }).Take(1000).ToListAsync();
        return new JsonResult(list.Select(a => new { a.Code, a.Name, a.Level, HasChildren = a.Level != Platform.Areas.AreaLevel.Village }), json.Value.SerializerOptions);
    }

    public string Invalid(string field) => ViewData.ModelState["Input." + field]?.Errors.Count > 0 ? "is-invalid" : "";
}
