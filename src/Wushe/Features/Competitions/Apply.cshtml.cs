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
/// edit (&amp;id=). The area picker offers the call's host area and the areas under it (?handler=Areas).
/// </summary>
[Authorize(CompetitionsPermissions.ApplyPolicy)]
public sealed class ApplyModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid CallId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public SaveApplication.Request Input { get; set; } = new();

    public Competition? Call { get; private set; }
    public string? ApplicationNo { get; private set; }
    /// <summary>Why the form cannot be saved now (after the deadline …), shown above it.</summary>
    public string? Refusal { get; private set; }

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
            Refusal = ApplicationRules.ChangeRefusal(Call, null, clock.GetUtcNow());
            var today = Platform.ChinaTime.Today(clock);
            Input = new SaveApplication.Request
            {
                StartOn = today.AddMonths(2), EndOn = today.AddMonths(14).AddDays(-1), Focus = Call.Focuses.Count == 1 ? Call.Focuses[0] : null,
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

    /// <summary>The area picker's levels: the call's host area, then the areas under it (names only, whatever the reader's scope).</summary>
    public async Task<IActionResult> OnGetAreasAsync(string? parent, [FromServices] Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    {
        if (await ApplicationRules.CallAsync(db, me, CallId) is not { } call) return NotFound();
        var code = parent is null ? null : Platform.Areas.AreaCode.Normalize(parent);
        if (parent is not null && (code is null || !Platform.Areas.AreaCode.Covers(call.AreaCode, code))) return NotFound();
        var areas = db.Areas.IgnoreQueryFilters([AppDb.ScopeFilter]).Where(a => a.ValidTo == null);
        areas = code is null ? areas.Where(a => a.Code == call.AreaCode) : areas.Where(a => a.ParentCode == code);
        var list = await areas.OrderBy(a => a.Code).Select(a => new { a.Code, a.Name, a.Level }).Take(1000).ToListAsync();
        return new JsonResult(list.Select(a => new { a.Code, a.Name, a.Level, HasChildren = a.Level != Platform.Areas.AreaLevel.Village }), json.Value.SerializerOptions);
    }

    public string Invalid(string field) => ViewData.ModelState["Input." + field]?.Errors.Count > 0 ? "is-invalid" : "";
}
