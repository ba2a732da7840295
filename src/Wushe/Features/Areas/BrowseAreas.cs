using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Areas;

/// <summary>The area tree, loaded level by level, rooted at the user's scope; plus name search.</summary>
public static class BrowseAreas
{
    public sealed record Node(string Code, string Name, AreaLevel Level, string LevelName, AreaKind Kind, bool IsGenerated, bool IsCurrent, bool HasChildren);

    /// <param name="KindName">街道, 镇, 乡, 类似乡级单位, 社区, 村 (empty above township level).</param>
    /// <param name="NeedsStation">For a 类似乡级单位: coverage counts it even without a station (<see cref="SetNeedsStation"/>).</param>
    public sealed record Details(string Code, string Name, AreaLevel Level, string LevelName, AreaKind Kind, string KindName, bool IsGenerated,
        DateOnly ValidFrom, DateOnly? ValidTo, IReadOnlyList<Node> Path, int ChildCount, bool NeedsStation);

    /// <summary>The roots a user sees: the area of its active scope, or the provinces for the platform admin.</summary>
    public static async Task<List<Node>> Roots(AppDb db, CurrentUser user)
    {
        if (user.Scope.All) return await Nodes(db, db.Areas.Where(a => a.Level == AreaLevel.Province));
        if (user.Active is not { } active || user.Scope.None) return [];
        return await Nodes(db, db.Areas.Where(a => a.Code == active.AreaCode));
    }

    public static async Task<Result<List<Node>>> Children(AppDb db, string code, bool includeRetired = false)
    {
        var c = AreaCode.Normalize(code);
        // A code that is not one is named (400, as the lists name theirs); a code outside the scope does not exist (404).
        if (c is null) return Failure.Invalid("parent", AreaCode.Check(code)!);
        if (!await db.Areas.AnyAsync(a => a.Code == c)) return Failure.NotFound();
        var q = db.Areas.Where(a => a.ParentCode == c);
        if (!includeRetired) q = q.Where(a => a.ValidTo == null);
        return await Nodes(db, q);
    }

    /// <summary>
    /// The children of every area on the way down to the selected one (and of the selected one),
    /// so the tree opens where the user is. Areas above the user's scope are simply not found.
    /// </summary>
    public static async Task<Dictionary<string, List<Node>>> OpenPath(AppDb db, string? selected)
    {
        var open = new Dictionary<string, List<Node>>();
        if (AreaCode.Normalize(selected) is not { } code) return open;
        foreach (var c in AreaNames.SelfAndAncestors(code))
            if ((await Children(db, c)).Value is { } children) open[c] = children;
        return open;
    }

    public static async Task<List<Node>> Search(AppDb db, string term, int limit = 50)
    {
        term = term.Trim();
        if (term.Length == 0) return [];
        return await Nodes(db, db.Areas.Where(a => a.ValidTo == null && (a.Name.Contains(term) || a.Code.StartsWith(term))).OrderBy(a => a.Code).Take(Math.Clamp(limit, 1, 200)));
    }

    public static async Task<Result<Details>> Get(AppDb db, string code, CancellationToken ct = default)
    {
        var c = AreaCode.Normalize(code);
        var area = c is null ? null : await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Code == c, ct);
        if (area is null) return Failure.NotFound();
        // Ancestors are shown for orientation even above the user's scope (names only).
        var ancestorCodes = new List<string>();
        for (var p = area.ParentCode; p is not null; p = AreaCode.ParentOf(p)) ancestorCodes.Add(p);
        var path = await Nodes(db, db.Areas.IgnoreQueryFilters([AppDb.ScopeFilter]).Where(a => ancestorCodes.Contains(a.Code)), unscoped: true);
        var children = await db.Areas.CountAsync(a => a.ParentCode == area.Code && a.ValidTo == null, ct);
        return new Details(area.Code, area.Name, area.Level, AreaCode.LevelLabel(area.Level), area.Kind, KindLabel(area.Kind), area.IsGenerated, area.ValidFrom, area.ValidTo,
            path.OrderBy(n => n.Level).ToList(), children, area.NeedsStation);
    }

    /// <summary>The nodes of <paramref name="query"/>; <paramref name="unscoped"/>: the query reads above the scope, and so do its children's counts.</summary>
    static async Task<List<Node>> Nodes(AppDb db, IQueryable<Area> query, bool unscoped = false)
    {
        var areas = unscoped ? db.Set<Area>().IgnoreQueryFilters([AppDb.ScopeFilter]) : db.Set<Area>();
        var rows = await query.OrderBy(a => a.Code)
            .Select(a => new { a.Code, a.Name, a.Level, a.Kind, a.IsGenerated, a.ValidTo, HasChildren = a.Level != AreaLevel.Village && areas.Any(c => c.ParentCode == a.Code) })
            .ToListAsync();
        return rows.Select(a => new Node(a.Code, a.Name, a.Level, AreaCode.LevelLabel(a.Level), a.Kind, a.IsGenerated, a.ValidTo == null, a.HasChildren)).ToList();
    }

    public static string KindLabel(AreaKind kind) => kind switch
    {
        AreaKind.Street => Lang.T("街道", "Street"),
        AreaKind.Town => Lang.T("镇", "Town"),
        AreaKind.Township => Lang.T("乡", "Township"),
        AreaKind.Community => Lang.T("社区", "Community"),
        AreaKind.Village => Lang.T("村", "Village"),
        AreaKind.TownshipLike => Lang.T("类似乡级单位", "Township-like unit"),
        _ => "",
    };
}
