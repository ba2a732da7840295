using Microsoft.EntityFrameworkCore;
using Wushe.Features.Areas;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Accounts.Users;

/// <summary>The areas a user form names (home area, a role's area), checked against the actor's scope, and their names.</summary>
public static class UserAreas
{
    public static async Task<string> NameAsync(AppDb db, string code, CancellationToken ct = default) =>
        await db.Areas.IgnoreQueryFilters([AppDb.ScopeFilter]).Where(a => a.Code == code).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? Label(code);

    public static string Label(string code) => code == Scope.Country ? Lang.T("全国", "Nationwide") : code;

    /// <summary>A current area that the scope covers (the scope filter hides the rest: to the actor they do not exist).</summary>
    public static async Task<bool> InScopeAsync(AppDb db, Scope scope, string code12, CancellationToken ct = default) =>
        scope.Covers(code12) && await db.Areas.AnyAsync(a => a.Code == code12 && a.ValidTo == null, ct);

    /// <summary>The home area: a current area in the actor's scope, or nationwide for accounts a platform admin creates.</summary>
    public static async Task<string?> ValidateHomeAsync(AppDb db, CurrentUser actor, string? value, Errors errors, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add("homeAreaCode", Lang.T("归属区划不能为空", "Home area is required"));
            return null;
        }
        var code = AreaCode.Normalize(value);
        if (code is null)
        {
            errors.Add("homeAreaCode", AreaCode.Check(value));
            return null;
        }
        if (code == Scope.Country && actor.Scope.All) return code;
        if (!await InScopeAsync(db, actor.Scope, code, ct))
        {
            errors.Add("homeAreaCode", Lang.T("区划不存在或不在您的管辖范围内", "The area does not exist or lies outside your area"));
            return null;
        }
        return code;
    }
}
