using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Workforce.Exams;

/// <summary>合格线 (<see cref="ExamPassLines"/>): the lines that concern the scope by year; a bureau sets or removes those of its area.</summary>
[Authorize(ExamsPermissions.ViewPolicy)]
public sealed class PassLinesModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true), Label("考试年度", "Year")] public int? Year { get; set; }
    [BindProperty] public ExamPassLines.Request Input { get; set; } = new();

    public List<ExamPassLines.Row> Lines { get; private set; } = [];
    public bool CanSet => me.Has(WorkforcePermissions.Exams);

    public async Task OnGetAsync()
    {
        Input = new() { Year = Year ?? ChinaTime.Today(clock).Year, Level = SocialWorkLevel.Assistant, Subject = 1, AreaCode = me.Active?.AreaCode };
        Lines = await ExamPassLines.List(db, me, Year, HttpContext.RequestAborted);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!CanSet) return Forbid();
        var input = Input;
        var result = await ModelState.IfParsed("Input.", () => ExamPassLines.Validate(input, ChinaTime.Today(clock)), () => ExamPassLines.Save(db, me, clock, input, HttpContext.RequestAborted));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T("合格线已设置，相关考生的结果已重新计算", "The line is set and the candidates' results computed again");
            return Redirect($"/Workforce/Exams/PassLines?year={result.Value!.Year}");
        }
        ModelState.AddFailure(result.Failure!, "Input.");
        Lines = await ExamPassLines.List(db, me, Year, HttpContext.RequestAborted);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id)
    {
        if (!CanSet) return Forbid();
        var result = await ExamPassLines.Remove(db, me, id, HttpContext.RequestAborted);
        if (result.Failure is { Kind: FailureKind.Forbidden }) return Forbid();
        if (!result.IsOk) return NotFound();
        TempData["Toast"] = Lang.T("删除成功", "Removed");
        return Redirect($"/Workforce/Exams/PassLines?year={Year}");
    }
}
