using Wushe.Features.Accounts;
using Wushe.Features.Areas;
using Wushe.Features.Stations;
using Wushe.Features.Audit;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Features.Shared;

/// <summary>The left menu, grouped by module. An entry shows only to users who hold its permission; modules not built yet are absent.</summary>
public static class Nav
{
    public sealed record Item(string Zh, string En, string Href, string Icon, Permission? Permission);

    public sealed record Group(string Zh, string En, string Icon, Item[] Items);

    public static readonly Group[] Groups =
    [
        new("工作台", "Workbench", "bi-speedometer2",
        [
            new("首页", "Home", "/", "bi-house", null),
        ]),
        new("社工站建设", "Station development", "bi-building",
        [
            new("社工站管理", "Stations", "/Stations", "bi-buildings", StationsPermissions.View),
            new("覆盖情况", "Coverage", "/Stations/Coverage", "bi-pie-chart", StationsPermissions.View),
            new("评星管理", "Star ratings", "/Stations/Ratings", "bi-star", StationsPermissions.View),
            new("督导记录", "Supervision", "/Stations/Supervisions", "bi-clipboard-check", StationsPermissions.View),
        ]),
        new("基础数据", "Base data", "bi-diagram-3",
        [
            new("行政区划", "Areas", "/Areas", "bi-geo-alt", AreasPermissions.View),
            new("区划导入", "Import divisions", "/Areas/Import", "bi-upload", AreasPermissions.Import),
        ]),
        new("系统管理", "System", "bi-gear",
        [
            new("用户管理", "Users", "/Admin/Users", "bi-people", AccountsPermissions.ManageUsers),
            new("审计日志", "Audit log", "/Admin/Audit", "bi-journal-text", AuditPermissions.View),
            new("接口文档", "API reference", "/api/docs", "bi-code-slash", null),
        ]),
    ];

    public static IEnumerable<(Group Group, Item[] Items)> For(CurrentUser user) =>
        Groups.Select(g => (g, g.Items.Where(i => i.Permission is null || user.Has(i.Permission)).ToArray())).Where(x => x.Item2.Length > 0);

    public static string Text(Item i) => Lang.T(i.Zh, i.En);

    public static string Text(Group g) => Lang.T(g.Zh, g.En);
}
