using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Features.Needs;
using Wushe.Features.Organizations;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Projects;

/// <summary>
/// 设计项目 / 修改项目: the design form (<see cref="SaveProject"/>) — from a need (?needId= ticks it), or a draft to edit (?id=). The
/// needs offered are the open ones of the user's scope; the organizations those serving the user's area or registered in it.
/// </summary>
[Authorize(ProjectsPermissions.DesignPolicy)]
public sealed class DesignModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public SaveProject.Request Input { get; set; } = new();

    public sealed record NeedChoice(Guid Id, string NeedNo, string Title, string AreaCode, bool Answered);
    public List<NeedChoice> Needs { get; private set; } = [];
    public List<ServingOrganizations.Serving> Organizations { get; private set; } = [];
    public string? ProjectNo { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? needId)
    {
        if (Id is { } id)
        {
            var found = await GetProject.Handle(db, me, clock, id);
            if (!found.IsOk) return NotFound();
            var p = found.Value!;
            if (!p.MayEdit) return Redirect($"/Projects/Details?id={id}");
            ProjectNo = p.ProjectNo;
            var indicators = await db.Set<ProjectIndicator>().Where(i => i.ProjectId == id).OrderBy(i => i.Order).ToListAsync();
            Input = new SaveProject.Request
            {
                AreaCode = p.AreaCode, Title = p.Title, Focus = p.Focus, FocusNote = p.Focus == FocusArea.Other ? p.FocusText : null, TargetGroups = p.TargetGroups,
                Summary = p.Summary, PlannedActivities = p.PlannedActivities, OrganizationId = p.OrganizationId, StartOn = p.StartOn, EndOn = p.EndOn,
                BudgetYuan = p.BudgetFen / 100m, Version = p.Version,
                Funding = [.. p.FundingLines.Select(f => new SaveProject.FundingLine { Source = f.Source, AmountYuan = f.AmountFen / 100m, Note = f.Note })],
                Indicators = [.. indicators.Select(i => new SaveProject.Indicator { Name = i.Name, Measure = i.Measure, Kinds = [.. ProjectIndicator.Kinds(i.KindMask)], Target = i.Target, Unit = i.Unit })],
                NeedIds = [.. p.Needs.Select(n => n.Id)],
            };
        }
        else
        {
            var today = Platform.ChinaTime.Today(clock);
            string? area = null;
            if (needId is { } nid) area = await db.Set<Need>().Where(n => n.Id == nid).Select(n => n.AreaCode).FirstOrDefaultAsync();
            Input = new SaveProject.Request
            {
                AreaCode = area ?? (me.Active?.AreaCode is { Length: 12 } a && !a.EndsWith("000000", StringComparison.Ordinal) ? a : null),
                StartOn = today, EndOn = today.AddMonths(12).AddDays(-1),
                NeedIds = needId is { } n ? [n] : [],
                Indicators = [new() { Name = "累计受益人数", Measure = IndicatorMeasure.Beneficiaries, Unit = "人" }],
            };
        }
        await Load();
        return Page();
    }

    async Task Load()
    {
        var answered = Id is { } id ? await db.Set<ProjectNeed>().Where(x => x.ProjectId == id).Select(x => x.NeedId).ToListAsync() : [];
        var chosen = Input.NeedIds ?? [];
        Needs = await db.Set<Need>().Where(n => NeedRules.Open.Contains(n.Status) || chosen.Contains(n.Id) || answered.Contains(n.Id))
            .OrderByDescending(n => n.RaisedAt).ThenBy(n => n.Id).Take(100)
            .Select(n => new NeedChoice(n.Id, n.NeedNo, n.Title, n.AreaCode, answered.Contains(n.Id))).ToListAsync();
        var area = me.Active?.AreaCode;
        if (area is not null) Organizations = await ServingOrganizations.Of(db, area);
        var registered = await db.Set<Organization>().Where(o => o.Status == OrganizationStatus.Registered || o.Status == OrganizationStatus.Incubating)
            .OrderBy(o => o.Name).Take(200).Select(o => new ServingOrganizations.Serving(o.Id, o.Name, o.Kind)).ToListAsync();
        Organizations = [.. Organizations.Concat(registered).DistinctBy(o => o.Id).OrderBy(o => o.Name)];
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var result = await ModelState.IfParsed("Input.", () => SaveProject.Validate(Input), () => SaveProject.Handle(db, me, clock, Id, Input));
        if (result.IsOk)
        {
            TempData["Toast"] = Id is null ? Lang.T($"项目已创建：{result.Value!.ProjectNo}（草稿，待审核立项）", $"Project created: {result.Value!.ProjectNo} (a draft, to be approved)")
                : Lang.T("项目设计已保存", "The design is saved");
            return Redirect($"/Projects/Details?id={result.Value!.Id}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "Input.");
        await Load();
        return Page();
    }

    public string Invalid(string field) => ViewData.ModelState["Input." + field]?.Errors.Count > 0 ? "is-invalid" : "";
}
