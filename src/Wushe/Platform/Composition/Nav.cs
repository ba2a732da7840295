using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Platform.Composition;

/// <summary>A group of the left menu; groups show in <see cref="Order"/>, a feature may bring its own.</summary>
public sealed record NavGroup(string Zh, string En, string Icon, int Order);

/// <summary>One menu entry, declared by its feature (<see cref="IFeature.Nav"/>); shown only to users who hold its permission.</summary>
public sealed record NavEntry(NavGroup Group, int Order, string Zh, string En, string Href, string Icon, Permission? Permission);

/// <summary>The groups several features share. A module's own group (社工站建设) is declared beside it.</summary>
public static class NavGroups
{
    public static readonly NavGroup Workbench = new("工作台", "Workbench", "bi-speedometer2", 0);
    public static readonly NavGroup BaseData = new("基础数据", "Base data", "bi-diagram-3", 800);
    public static readonly NavGroup System = new("系统管理", "System", "bi-gear", 900);
}

/// <summary>The left menu, gathered from every feature: groups in order, entries in order; modules not built yet are absent.</summary>
public static class Nav
{
    static readonly Lazy<(NavGroup Group, NavEntry[] Entries)[]> groups = new(() =>
        FeatureModules.All.SelectMany(f => f.Nav)
            .GroupBy(e => e.Group)
            .OrderBy(g => g.Key.Order)
            .Select(g => (g.Key, g.OrderBy(e => e.Order).ToArray()))
            .ToArray());

    public static IEnumerable<(NavGroup Group, NavEntry[] Items)> For(CurrentUser user) =>
        groups.Value.Select(g => (g.Group, g.Entries.Where(i => i.Permission is null || Shows(i.Permission, user)).ToArray()))
            .Where(x => x.Item2.Length > 0);

    /// <summary>
    /// Whether the menu shows an entry of <paramref name="permission"/>: the user holds it — but a self-service page (我的积分, 我的兑换…:
    /// a permission of volunteers, donors or merchants only) only to its own role, not to the platform admin, who holds every
    /// permission yet has no registration or merchant of their own to see there.
    /// </summary>
    static bool Shows(Permission permission, CurrentUser user) =>
        user.Has(permission) && (!permission.GrantedTo.All(Roles.IsSelfService) || permission.GrantedTo.Contains(user.Active!.Role));

    public static string Text(NavEntry i) => Lang.T(i.Zh, i.En);

    public static string Text(NavGroup g) => Lang.T(g.Zh, g.En);
}
