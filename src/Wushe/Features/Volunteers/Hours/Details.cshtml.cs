using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Volunteers.Hours;

/// <summary>志愿服务记录详情: the record with its evidence, dispute, answer and corrections; organizers answer a dispute or correct the record (a new record).</summary>
[Authorize(VolunteersPermissions.ViewActivitiesPolicy)]
public sealed class DetailsModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public AnswerDispute.Request Answer { get; set; } = new(null, null);
    [BindProperty] public CorrectHourRecord.Request Correct { get; set; } = new(null, null);

    public ListHourRecords.Detail? Record { get; private set; }
    /// <summary>Answer and correct: organizers of the area where the service was given (not of a volunteer's home area reading it).</summary>
    public bool CanOrganize => me.Has(VolunteersPermissions.OrganizeActivities) && Record?.Organizer != false;
    public string? Open { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    async Task<bool> LoadAsync() => (Record = (await ListHourRecords.Get(db, Id)).Value) is not null;

    public Task<IActionResult> OnPostAnswerAsync()
    {
        var r = Answer;
        return Run("answer", "Answer.", () => AnswerDispute.Handle(db, me, clock, Id, r), Lang.T("已答复异议，志愿者会看到核实结果", "Answered; the volunteer sees it"));
    }

    public Task<IActionResult> OnPostCorrectAsync()
    {
        var r = Correct;
        return Run("correct", "Correct.", () => CorrectHourRecord.Handle(db, me, clock, Id, r), Lang.T("已生成更正记录，公示期满后生效", "The correction is posted"));
    }

    async Task<IActionResult> Run<T>(string form, string prefix, Func<Task<Result<T>>> useCase, string done)
    {
        if (!CanOrganize) return Forbid();
        var result = await ModelState.IfParsed(useCase);
        if (result.IsOk)
        {
            TempData["Toast"] = done;
            return Redirect($"/Volunteers/Hours/Details/{Id}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, prefix);
        if (result.Failure.Errors is null) ModelState.AddModelError(prefix + "Form", result.Failure.Title);
        Open = form;
        return await LoadAsync() ? Page() : NotFound();
    }

    public string Invalid(string key) => ModelState[key]?.Errors.Count > 0 ? "is-invalid" : "";
}
