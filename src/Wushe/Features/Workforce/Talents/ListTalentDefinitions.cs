using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform;
using Wushe.Platform.Access;

namespace Wushe.Features.Workforce.Talents;

/// <summary>
/// 新增人才统计: the definitions of the scope and of the areas above it that cover it (a county reads its city's figure for its own area),
/// each with its figure for the user's area (or the definition's, when narrower) and its definition in words; newest first. The
/// definitions above the scope are read-only (<see cref="Row.Editable"/>).
/// </summary>
public static class ListTalentDefinitions
{
    public sealed record Row(Guid Id, string Name, string AreaCode, string AreaName, bool Editable, TalentFigures.Report Figure, int Version);

    public static async Task<List<Row>> Handle(AppDb db, CurrentUser user, TimeProvider clock, CancellationToken ct = default)
    {
        var above = user.Active is { } a && a.AreaCode != Scope.Country ? AreaNames.SelfAndAncestors(a.AreaCode).Where(c => c != a.AreaCode).ToList() : [];
        var own = await db.Set<TalentDefinition>().AsNoTracking().ToListAsync(ct);
        var held = above.Count == 0 ? [] : await db.Set<TalentDefinition>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking()
            .Where(d => above.Contains(d.AreaCode)).ToListAsync(ct);
        var names = await AreaNames.LookupAsync(db, own.Concat(held).Select(d => d.AreaCode).Distinct(), ct);
        var rows = new List<Row>();
        foreach (var d in held.Concat(own).DistinctBy(d => d.Id).OrderByDescending(d => d.CreatedAt))
        {
            var editable = user.Scope.Covers(d.AreaCode);
            if ((await TalentFigures.Handle(db, user, clock, d.Id, null, ct)).Value is { } figure)
                rows.Add(new Row(d.Id, d.Name, d.AreaCode, names.GetValueOrDefault(d.AreaCode, d.AreaCode), editable, figure, d.Version));
        }
        return rows;
    }
}
