using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Accounts;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Accounts.Users;

[Authorize(AccountsPermissions.ManageUsersPolicy)]
public sealed class IndexModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel, IAreaFilteredQuery
{
    [BindProperty(SupportsGet = true)]
    public string? Keyword { get; set; }

    [BindProperty(SupportsGet = true), Label("角色", "Role")]
    public Role? Role { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Area { get; set; }

    [BindProperty(SupportsGet = true), Label("状态", "Status")]
    public UserStatus? Status { get; set; }

    /// <summary>From the query string: a page model's route values hold "page" too (the page's own path), and they win over the query.</summary>
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }

    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")]
    public int? Size { get; set; }

    public PageOf<ListUsers.Row> Users { get; private set; } = new([], 0, 1, 20);

    public async Task OnGetAsync()
    {
        // A malformed filter value (an unknown role in the address) is not applied; the layout names it.
        ModelState.AddListProblems(PageNumber, Size, Area);
        Users = await ListUsers.Handle(db, me, clock, new ListUsers.Query(Keyword, Role, Area, Status, PageNumber, Size));
    }

    public async Task<IActionResult> OnPostLockAsync(Guid id, string? returnUrl) =>
        Done(await ChangeUserStatus.Lock(db, me, clock, id), Lang.T("停用成功", "Disabled"), returnUrl);

    public async Task<IActionResult> OnPostUnlockAsync(Guid id, string? returnUrl) =>
        Done(await ChangeUserStatus.Unlock(db, me, clock, id), Lang.T("启用成功", "Enabled"), returnUrl);

    LocalRedirectResult Done<T>(Result<T> result, string success, string? returnUrl)
    {
        if (result.IsOk) TempData["Toast"] = success;
        else TempData["ToastError"] = Lang.T("操作失败：", "Failed: ") + result.Failure!.Title;
        return LocalRedirect(Url.IsLocalUrl(returnUrl) ? returnUrl! : "/Admin/Users");
    }
}
