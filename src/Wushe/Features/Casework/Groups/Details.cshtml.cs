using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Casework;

/// <summary>小组详情: the group, its members (add by a search of name or ID tail, remove), its sessions, and the record-session form with an attendance checklist.</summary>
[Authorize(GroupsPermissions.ViewPolicy)]
public sealed class GroupsDetailsModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    /// <summary>The member search: a name or the last 4 characters of an ID number.</summary>
    [BindProperty(SupportsGet = true)] public string? Term { get; set; }

    [BindProperty] public RecordGroupSession.Request Session { get; set; } = new(null, null, null, null);
    [BindProperty] public GroupMembers.AddRequest Add { get; set; } = new(null);

    public GetGroup.Details Group { get; private set; } = null!;
    public List<GroupMembers.Candidate> Candidates { get; private set; } = [];
    public bool CanManage => me.Has(GroupsPermissions.Manage) && Group is { Status: GroupStatus.Open };
    public DateOnly Today => ChinaTime.Today(clock);
    /// <summary>Whether the user may finish the group (<see cref="FinishGroup.MayFinishAsync"/>): its leading worker or the station head.</summary>
    public bool MayFinish { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Session = Session with { HeldOn = Today };
        return await Load() ? Page() : NotFound();
    }

    async Task<bool> Load()
    {
        var result = await GetGroup.Handle(db, clock, Id);
        if (!result.IsOk) return false;
        Group = result.Value!;
        if (CanManage && await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(db.Set<Group>(), x => x.Id == Id) is { } entity)
            MayFinish = await FinishGroup.MayFinishAsync(db, me, entity);
        if (CanManage && !string.IsNullOrWhiteSpace(Term))
        {
            var found = await GroupMembers.Search(db, clock, Id, Term);
            if (found.IsOk) Candidates = found.Value!;
            else ModelState.AddFailure(found.Failure!, "");
        }
        return true;
    }

    public async Task<IActionResult> OnPostSessionAsync()
    {
        if (!me.Has(GroupsPermissions.Manage)) return Forbid();
        var input = Session;
        var result = await ModelState.IfParsed("Session.", () => RecordGroupSession.Validate(input, Today), () => RecordGroupSession.Handle(db, me, clock, Id, input));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T($"已记录第 {result.Value!.Number} 节，出席 {result.Value.Attendance} 人", $"Session {result.Value!.Number} recorded: {result.Value.Attendance} attended");
            return Redirect($"/Groups/Details/{Id}#sessions");
        }
        return await Fail(result.Failure!, "Session.");
    }

    public async Task<IActionResult> OnPostMembersAsync()
    {
        if (!me.Has(GroupsPermissions.Manage)) return Forbid();
        var input = Add;
        var result = await ModelState.IfParsed(() => GroupMembers.Add(db, clock, Id, input));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T($"已添加 {result.Value!.Count} 名成员", $"{result.Value!.Count} member(s) added");
            return Redirect($"/Groups/Details/{Id}#members");
        }
        return await Fail(result.Failure!, "Add.");
    }

    public async Task<IActionResult> OnPostRemoveMemberAsync(Guid residentId)
    {
        if (!me.Has(GroupsPermissions.Manage)) return Forbid();
        var result = await GroupMembers.Remove(db, Id, residentId);
        if (result.IsOk) TempData["Toast"] = Lang.T("移除成功", "Removed");
        else if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        else TempData["ToastError"] = Lang.T("操作失败：", "Failed: ") + result.Failure.Title;
        return Redirect($"/Groups/Details/{Id}#members");
    }

    public async Task<IActionResult> OnPostFinishAsync()
    {
        if (!me.Has(GroupsPermissions.Manage)) return Forbid();
        var result = await FinishGroup.Handle(db, me, Id);
        if (result.IsOk) TempData["Toast"] = Lang.T("小组已结束", "The group is finished");
        else if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        else TempData["ToastError"] = Lang.T("操作失败：", "Failed: ") + result.Failure.Title;
        return Redirect($"/Groups/Details/{Id}");
    }

    async Task<IActionResult> Fail(Failure failure, string prefix)
    {
        if (failure.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(failure, prefix);
        return await Load() ? Page() : NotFound();
    }
}
