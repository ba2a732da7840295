using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Competitions.Judging;

/// <summary>
/// 评分 (<see cref="GetReview"/>, <see cref="ScoreApplication"/>, <see cref="DeclareConflict"/>): the application's design, its documents,
/// the rubric, the judge's scores and comment; 声明回避 asked first. Recused: the page says so (404) and shows nothing of the application.
/// </summary>
[Authorize(CompetitionsPermissions.JudgePolicy)]
public sealed class ScoreModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public ScoreApplication.Request Input { get; set; } = new();
    [BindProperty] public DeclareConflict.Request Recusal { get; set; } = new();

    public GetReview.Details Review { get; private set; } = null!;
    /// <summary>The recusal form left open with its error.</summary>
    public bool RecusalOpen { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        var result = await GetReview.Handle(db, me, clock, Id);
        if (!result.IsOk) return this.Refused(result.Failure!);
        Review = result.Value!;
        Input = new ScoreApplication.Request { Scores = [.. Review.Rubric.Select(c => c.Score)], Comment = Review.Comment };
        return Page();
    }

    async Task<bool> LoadAsync()
    {
        var result = await GetReview.Handle(db, me, clock, Id);
        if (!result.IsOk) return false;
        Review = result.Value!;
        return true;
    }

    public async Task<IActionResult> OnPostScoreAsync()
    {
        var input = Input;
        var result = await ModelState.IfParsed(() => ScoreApplication.Handle(db, me, clock, Id, input));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T("评分已保存", "Scores saved");
            return Redirect($"/Competitions/Judging/Score?id={Id}");
        }
        if (!await LoadAsync()) return this.Refused(result.Failure!.Kind == FailureKind.NotFound ? result.Failure : ReviewRules.Recused);
        ModelState.AddFailure(result.Failure!, "Input.");
        return Page();
    }

    public async Task<IActionResult> OnPostRecuseAsync()
    {
        var recusal = Recusal;
        var result = await ModelState.IfParsed(() => DeclareConflict.Handle(db, me, clock, Id, recusal));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T("已声明回避", "Conflict of interest declared");
            return Redirect("/Competitions/Judging");
        }
        if (!await LoadAsync()) return this.Refused(result.Failure!.Kind == FailureKind.NotFound ? result.Failure : ReviewRules.Recused);
        ModelState.AddFailure(result.Failure!, "Recusal.");
        RecusalOpen = true;
        return Page();
    }

    public string Invalid(string key) => ModelState[key]?.Errors.Count > 0 ? "is-invalid" : "";

    public string? Error(string key) => ModelState[key]?.Errors.FirstOrDefault()?.ErrorMessage;
}
