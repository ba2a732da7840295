using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Competitions;

/// <summary>
/// 评审分配 (<see cref="ListAssignments"/>, <see cref="AssignJudges"/>, <see cref="UnassignJudge"/>): the panel, the eligible applications
/// with their judges; the whole panel to every application (the default), or the judges ticked × the applications ticked; a judge taken
/// off an application they have not scored (asked first); applications short of judges warned of.
/// </summary>
[Authorize(CompetitionsPermissions.HostPolicy)]
public sealed class AssignModel(AppDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid CallId { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true), Label("仅显示专家不足的项目", "Short of judges only")] public bool? ShortOnly { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }
    [BindProperty] public AssignJudges.Request Input { get; set; } = new();

    public ListAssignments.Overview Overview { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync()
    {
        ModelState.AddListProblems(PageNumber, Size);
        if (await LoadAsync() is { } failure) return this.Refused(failure);
        return Page();
    }

    async Task<Failure?> LoadAsync()
    {
        var valid = PageForms.Messages(ModelState).Count == 0;
        var result = await ListAssignments.Handle(db, clock, CallId, new ListAssignments.Query(Keyword, ShortOnly, valid ? PageNumber : null, valid ? Size : null));
        if (!result.IsOk) return result.Failure;
        Overview = result.Value!;
        return null;
    }

    public Task<IActionResult> OnPostAllAsync() => AssignAsync(new AssignJudges.Request { WholePanel = true });

    public Task<IActionResult> OnPostAssignAsync() => AssignAsync(Input with { WholePanel = false });

    async Task<IActionResult> AssignAsync(AssignJudges.Request request)
    {
        var result = await ModelState.IfParsed(() => AssignJudges.Handle(db, clock, CallId, request));
        if (result.IsOk)
        {
            var done = result.Value!;
            TempData["Toast"] = Lang.T($"已分配 {done.Assigned} 项评审任务", $"{done.Assigned} assignment(s) made");
            if (done.Shortfalls.Count > 0)
                TempData["ToastError"] = Lang.T($"提示：{done.Shortfalls.Count} 个项目的评审专家少于 {done.Shortfalls[0].Required} 位", $"Note: {done.Shortfalls.Count} application(s) have fewer than {done.Shortfalls[0].Required} judges");
            return Redirect(Back());
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "Input.");
        return await LoadAsync() is { } failure ? this.Refused(failure) : Page();
    }

    public async Task<IActionResult> OnPostUnassignAsync(Guid scoreId)
    {
        var result = await ModelState.IfParsed(() => UnassignJudge.Handle(db, clock, CallId, scoreId));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T("已取消分配", "Assignment removed");
            return Redirect(Back());
        }
        ModelState.AddFailure(result.Failure!, "");
        return await LoadAsync() is { } failure ? this.Refused(failure) : Page();
    }

    string Back() => $"/Competitions/Assign?callId={CallId}&keyword={Uri.EscapeDataString(Keyword ?? "")}&shortOnly={ShortOnly}&page={PageNumber}&size={Size}";

    public bool Ticked(Guid id, bool judge) => (judge ? Input.JudgeIds : Input.ApplicationIds)?.Contains(id) == true;
}
