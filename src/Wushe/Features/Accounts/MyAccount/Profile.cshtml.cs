using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Accounts;
using Wushe.Platform.Access;

namespace Wushe.Features.Accounts.MyAccount;

/// <summary>个人中心: who I am, my roles and areas; sensitive fields masked.</summary>
public sealed class ProfileModel(AppDb db, CurrentUser me) : PageModel
{
    public User? Account { get; private set; }
    public IReadOnlyList<Assignment> Assignments => me.Assignments;

    public async Task OnGetAsync() => Account = await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == me.Id);
}
