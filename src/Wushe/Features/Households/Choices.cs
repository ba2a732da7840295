using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;

namespace Wushe.Features.Households;

/// <summary>What the search forms offer: the target-group tags and card colours that apply at the user's area and below.</summary>
public static class Choices
{
    public sealed record Option(string Value, string Label, string? Hex = null);

    public static async Task<List<TargetGroup>> TagsAsync(AppDb db, CurrentUser me, CancellationToken ct = default)
    {
        var area = me.Active?.AreaCode ?? Scope.Country;
        var above = TargetGroups.Ancestors(area);
        // Tags held above the scope (read-only, by their owners' codes) and those defined inside it (the scope filter).
        var inherited = await db.Set<TargetGroup>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(t => above.Contains(t.AreaCode) && t.IsActive).ToListAsync(ct);
        var own = await db.Set<TargetGroup>().Where(t => t.IsActive).ToListAsync(ct);
        return [.. inherited.Concat(own).DistinctBy(t => t.Id).OrderBy(t => t.Order).ThenBy(t => t.Name)];
    }

    public static async Task<List<Option>> ColoursAsync(AppDb db, CurrentUser me, CancellationToken ct = default)
    {
        var area = me.Active?.AreaCode ?? Scope.Country;
        var above = TargetGroups.Ancestors(area);
        var inherited = await db.Set<CardScheme>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(s => above.Contains(s.AreaCode)).ToListAsync(ct);
        var own = await db.Set<CardScheme>().ToListAsync(ct);
        return [.. inherited.Concat(own).DistinctBy(s => s.Id).SelectMany(s => s.Colours).DistinctBy(c => c.Key).Select(c => new Option(c.Key, c.LocalName(), c.Hex))];
    }

    /// <summary>
    /// The responsible workers (包户社工) of the households under <paramref name="area"/> (else the user's own area), for the
    /// household list's worker filter: only at a township or below (a county's or city's list has hundreds of workers; they
    /// choose a township first), null above; at most 200, by name. Names as the households record them.
    /// </summary>
    public static async Task<List<Option>?> WorkersAsync(AppDb db, CurrentUser me, string? area, CancellationToken ct = default)
    {
        var code = Platform.Areas.AreaCode.Normalize(area) ?? me.Active?.AreaCode;
        if (code is null || Platform.Areas.AreaCode.LevelOf(code) is not (Platform.Areas.AreaLevel.Township or Platform.Areas.AreaLevel.Village)) return null;
        var workers = await db.Set<Household>().Under(code).Where(h => h.WorkerId != null)
            .Select(h => new { h.WorkerId, h.WorkerName }).Distinct().Take(400).ToListAsync(ct);
        return [.. workers.GroupBy(w => w.WorkerId!.Value).Select(g => new Option(g.Key.ToString(), g.First().WorkerName))
            .OrderBy(o => o.Label, StringComparer.Ordinal).Take(200)];
    }
}
