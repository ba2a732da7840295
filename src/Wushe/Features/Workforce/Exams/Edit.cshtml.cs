using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Workforce.Exams;

/// <summary>录入 / 修改考试成绩 (<see cref="SaveExamCandidate"/>, <see cref="CorrectExamScores"/>): a new sitting by name and ID, or one's scores corrected.</summary>
[Authorize(WorkforcePermissions.ExamsPolicy)]
public sealed class EditModel(AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public SaveExamCandidate.Request Input { get; set; } = new();
    [BindProperty] public CorrectExamScores.Request Scores { get; set; } = new();

    public ListExamCandidates.Detail? Existing { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is { } id)
        {
            if ((await ListExamCandidates.Get(db, id)).Value is not { } d) return NotFound();
            Existing = d;
            var s = d.Candidate.Subjects;
            Scores = new() { AreaCode = d.Candidate.AreaCode, Score1 = s.ElementAtOrDefault(0)?.Score, Score2 = s.ElementAtOrDefault(1)?.Score, Score3 = s.ElementAtOrDefault(2)?.Score,
                ReviewPassed = d.Candidate.ReviewPassed, Version = d.Candidate.Version };
        }
        else Input = new() { Year = ChinaTime.Today(clock).Year, Level = SocialWorkLevel.Assistant, AreaCode = me.Active?.AreaCode };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        Result<ListExamCandidates.Row> result;
        string prefix;
        if (Id is { } id)
        {
            var scores = Scores;
            prefix = "Scores.";
            result = await ModelState.IfParsed(prefix, () => CorrectExamScores.Validate(scores), () => CorrectExamScores.Handle(db, id, scores, HttpContext.RequestAborted));
        }
        else
        {
            var input = Input;
            prefix = "Input.";
            result = await ModelState.IfParsed(prefix, () => SaveExamCandidate.Validate(input, ChinaTime.Today(clock)),
                () => SaveExamCandidate.Handle(db, me, sealer, clock, input, HttpContext.RequestAborted));
        }
        if (result.IsOk)
        {
            var r = result.Value!;
            TempData["Toast"] = Id is null ? Lang.T($"已录入 {r.Name} {r.Year} 年{r.LevelName}成绩", $"Entered {r.Name}'s {r.Year} results") : Lang.T("修改成功", "Saved");
            return Redirect($"/Workforce/Exams?year={r.Year}&keyword={Uri.EscapeDataString(r.Name)}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, prefix);
        if (Id is { } eid) Existing = (await ListExamCandidates.Get(db, eid)).Value;
        return Page();
    }
}
