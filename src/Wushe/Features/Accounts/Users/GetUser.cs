using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Accounts.Users;

/// <summary>One user as an administrator sees it: masked phone and ID, roles with areas, status, and what the actor may do.</summary>
public static class GetUser
{
    public sealed record Details(Guid Id, string UserName, string DisplayName, string? Phone, string? IdNumber, string HomeAreaCode, string HomeAreaName,
        IReadOnlyList<RoleBadge> Roles, UserStatus Status, string StatusName, DateTimeOffset? LockoutEnd, DateTimeOffset CreatedAt, bool CanManage, string? WhyNotManageable);

    public static async Task<Result<Details>> Handle(AppDb db, CurrentUser actor, TimeProvider clock, Guid id, CancellationToken ct = default)
    {
        var u = await UserScope.Visible(db, actor.Scope).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (u is null) return Failure.NotFound();
        var roles = (await RoleBadges.OfUsersAsync(db, actor.Scope, [u.Id], ct)).GetValueOrDefault(u.Id) ?? [];
        var status = UserStatuses.Of(u, clock.GetUtcNow());
        var why = UserScope.WhyNotManageable(actor, u.Id, u.HomeAreaCode, roles.Select(r => (r.Role, r.AreaCode)));
        // Personal data belongs to the home area: outside it, not even the masked form is shown (RevealUserField).
        var home = actor.Scope.Covers(u.HomeAreaCode);
        return new Details(u.Id, u.UserName ?? "", u.DisplayName, home ? u.Phone?.Masked : null, home ? u.IdNumber?.Masked : null, u.HomeAreaCode,
            await UserAreas.NameAsync(db, u.HomeAreaCode, ct), roles, status, UserStatuses.Label(status), u.LockoutEnd, u.CreatedAt, why is null, why);
    }
}
