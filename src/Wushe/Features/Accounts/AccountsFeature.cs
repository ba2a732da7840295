using Wushe.Features.Accounts.Users;
using Wushe.Platform.Composition;
using Wushe.Platform.Web;

namespace Wushe.Features.Accounts;

/// <summary>Sign-in, one's own account, and the administration of users. (Identity and the session check are set up in Program.cs.)</summary>
public sealed class AccountsFeature : IFeature
{
    public void MapEndpoints(FeatureEndpoints endpoints)
    {
        AccountApi.Map(endpoints.Api);
        UsersApi.Map(endpoints.Api);
    }

    public IEnumerable<NavEntry> Nav =>
    [
        new(NavGroups.System, 10, "用户管理", "Users", "/Admin/Users", "bi-people", AccountsPermissions.ManageUsers),
    ];
}
