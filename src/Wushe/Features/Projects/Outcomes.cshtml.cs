using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Organizations;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Projects;

/// <summary>成效综述: tree-left; the period and focus; the paragraph with a copy button, the figures per service kind and per project.</summary>
[Authorize(ProjectsPermissions.ReportPolicy)]
public sealed class OutcomesModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel, IAreaFilteredQuery
{
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? Area { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true), Label("开始日期", "From")] public DateOnly? From { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true), Label("结束日期", "To")] public DateOnly? To { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true), Label("服务领域", "Focus")] public FocusArea? Focus { get; set; }

    public List<BrowseAreas.Node> Roots { get; private set; } = [];
    public DescribeOutcomes.Outcomes? Result { get; private set; }

    public async Task OnGetAsync()
    {
        Roots = await BrowseAreas.Roots(db, me);
        var query = new DescribeOutcomes.Query(Area, From, To, Focus);
        ModelState.AddListProblems(null, null, Area, query: query);
        // A condition that does not parse or is refused is named in the banner ("未生效") and left out: the outcome of the rest shows.
        bool Refused(string key) => ModelState.TryGetValue(key, out var entry) && entry.Errors.Count > 0;
        if (Refused("focus")) Focus = null;
        if (Refused("area")) Area = null;
        if (Refused("from") || Refused("to")) (From, To) = (null, null);
        query = new DescribeOutcomes.Query(Area, From, To, Focus);
        if (DescribeOutcomes.Validate(query, Platform.ChinaTime.Today(clock)) is { Any: true } period)
        {
            ModelState.AddFailure(period.ToFailure(), "");
            query = new DescribeOutcomes.Query(Area, null, null, Focus);
            (From, To) = (null, null);
        }
        var result = await DescribeOutcomes.Handle(db, me, clock, query);
        if (result.IsOk) Result = result.Value;
        else ModelState.AddFailure(result.Failure!, "");
        var (from, to) = DescribeOutcomes.Period(query, Platform.ChinaTime.Today(clock));
        From ??= from;
        To ??= to;
    }
}
