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
}
