using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Areas;

namespace Wushe.Features.Areas;

/// <summary>
/// Names of areas for display, across scopes (a place's name is public; its records are not).
/// Always a query of its own: EF's IgnoreQueryFilters applies to a whole query, so joining an
/// unfiltered Areas into a query over scoped records would unscope those records too.
/// </summary>
public static class AreaNames
{
    /// <summary>The suffix the demo gives the names of generated places (DemoData), for the places no badge marks.</summary>
    public const string GeneratedSuffix = "（生成）";

    /// <summary>A name shown beside the "generated" badge: without the suffix that says the same, in Chinese only.</summary>
    public static string BesideBadge(string name, bool isGenerated) =>
        isGenerated && name.EndsWith(GeneratedSuffix, StringComparison.Ordinal) ? name[..^GeneratedSuffix.Length] : name;

    public static async Task<Dictionary<string, string>> LookupAsync(AppDb db, IEnumerable<string> codes, CancellationToken ct = default)
    {
        var wanted = codes.Distinct().ToList();
        if (wanted.Count == 0) return [];
        var rows = await db.Areas.IgnoreQueryFilters([AppDb.ScopeFilter]).Where(a => wanted.Contains(a.Code)).Select(a => new { a.Code, a.Name }).ToListAsync(ct);
        return rows.ToDictionary(a => a.Code, a => a.Name);
    }

    /// <summary>Names from the province down to the area itself.</summary>
    public static async Task<List<string>> PathAsync(AppDb db, string code12, CancellationToken ct = default)
    {
        var codes = new List<string> { code12 };
        for (var p = AreaCode.ParentOf(code12); p is not null; p = AreaCode.ParentOf(p)) codes.Add(p);
        var names = await LookupAsync(db, codes, ct);
        codes.Reverse();
        return codes.Where(names.ContainsKey).Select(c => names[c]).ToList();
    }

    /// <summary>The area and every area above it: for records kept at a higher level that concern this one (a city's rating round).</summary>
    public static List<string> SelfAndAncestors(string code12)
    {
        var codes = new List<string> { code12 };
        for (var p = AreaCode.ParentOf(code12); p is not null; p = AreaCode.ParentOf(p)) codes.Add(p);
        return codes;
    }
}

/// <summary>Area names for the platform's messages (<see cref="IAreaNames"/>).</summary>
sealed class AreaNameLookup(AppDb db) : IAreaNames
{
    public Task<Dictionary<string, string>> LookupAsync(IEnumerable<string> codes, CancellationToken ct = default) =>
        AreaNames.LookupAsync(db, codes, ct);
}
