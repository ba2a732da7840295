using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Needs;

/// <summary>
/// 转介给本机构的需求: organization staff read the needs referred to their organization (<see cref="ReferredNeeds"/>), one card each,
/// and take the steps the rule allows them (<see cref="NeedRules.MayMoveTo"/>: 开始办理, 解决 with the outcome) through
/// <see cref="ChangeNeedStatus"/>, the station's own use case.
/// </summary>
[Authorize(NeedsPermissions.ReferredPolicy)]
public sealed class ReferredModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    public PageOf<ReferredNeeds.Row> Needs { get; private set; } = new([], 0, 1, 20);

    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [FromQuery(Name = "size"), Label("每页条数", "Page size")] public int? Size { get; set; }

    public async Task OnGetAsync()
    {
        ModelState.AddListProblems(PageNumber, Size);
        var (page, size) = ModelState.IsValid ? (PageNumber, Size) : (null, null);
        Needs = await ReferredNeeds.Handle(db, me, new ReferredNeeds.Query(page, size));
    }

    public async Task<IActionResult> OnPostStepAsync(Guid id, NeedStatus? to, string? note, int? version)
    {
        var result = await ChangeNeedStatus.Handle(db, me, clock, id, new ChangeNeedStatus.Request { To = to, Note = note, Version = version });
        if (result.IsOk)
        {
            TempData["Toast"] = to == NeedStatus.Resolved ? Lang.T("已标记解决", "Resolved") : Lang.T("已开始办理", "Started");
            return Redirect($"/Needs/Referred#need-{id}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        TempData["ToastError"] = Lang.T("操作失败：", "Failed: ") + string.Join("; ", result.Failure.Errors?.SelectMany(e => e.Value) ?? [result.Failure.Title]);
        return Redirect($"/Needs/Referred#need-{id}");
    }
}
