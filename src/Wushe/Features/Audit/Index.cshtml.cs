using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Accounts;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Audit;

/// <summary>审计日志: read-only; this page has no handler that changes anything.</summary>
[Authorize(AuditPermissions.ViewPolicy)]
public sealed class IndexModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true), Wushe.Platform.Localization.Label("操作", "Action")]
    public AuditAction? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Entity { get; set; }

    [BindProperty(SupportsGet = true), Wushe.Platform.Localization.Label("结果", "Outcome")]
    public AuditOutcome? Outcome { get; set; }

    [BindProperty(SupportsGet = true), Wushe.Platform.Localization.Label("开始日期", "Start date")]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true), Wushe.Platform.Localization.Label("结束日期", "End date")]
    public DateOnly? To { get; set; }

    /// <summary>From the query string: a page model's route values hold "page" too (the page's own path), and they win over the query.</summary>
    [FromQuery(Name = "page"), Wushe.Platform.Localization.Label("页码", "Page")] public int? PageNumber { get; set; }

    [BindProperty(SupportsGet = true), Wushe.Platform.Localization.Label("每页条数", "Page size")]
    public int? Size { get; set; }

    public PageOf<ListAudit.Row> Records { get; private set; } = new([], 0, 1, 20);

    public IReadOnlyList<(string Name, string Label)> Entities { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public string? Error { get; private set; }

    public async Task OnGetAsync()
    {
        // A malformed date or action in the address is not applied; the layout names it (PageForms).
        Today = ChinaTime.Today(clock);
        Entities = ListAudit.Entities();
        ModelState.AddListProblems(PageNumber, Size);
        var result = await ListAudit.Handle(db, me, new ListAudit.Query(UserName, Action, Entity, Outcome, From, To, PageNumber, Size));
        if (result.IsOk) Records = result.Value!;
        else Error = result.Failure!.Errors?.Values.FirstOrDefault()?.FirstOrDefault() ?? result.Failure.Title;
    }
}
