using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wushe.Features.Areas;
using Wushe.Data;
using Wushe.Platform.Access;

namespace Wushe.Features.Accounts;

/// <summary>
/// Puts the user's role assignments (with the area names for the top bar) into the sign-in
/// claims, so a request knows its scope without a database round trip. A change of roles
/// renews the security stamp, which signs the cookie out at its next validation.
/// </summary>
public sealed class ClaimsFactory(UserManager<User> users, IOptions<IdentityOptions> options, AppDb db)
    : UserClaimsPrincipalFactory<User>(users, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(User user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim("wushe:display", user.DisplayName));
        if (user.MustChangePassword) identity.AddClaim(new Claim(PasswordChangeRequired.ClaimType, "true"));
        var assignments = await (
            from a in db.RoleAssignments.Where(a => a.UserId == user.Id)
            join area in db.Areas.IgnoreQueryFilters() on a.AreaCode equals area.Code into named
            from area in named.DefaultIfEmpty()
            orderby a.Role
            select new Assignment(a.Role, a.AreaCode, area == null ? "全国" : area.Name, a.OrganizationId)).ToListAsync();
        foreach (var a in assignments) identity.AddClaim(new Claim(Assignment.ClaimType, a.ToClaim()));
        return identity;
    }
}
