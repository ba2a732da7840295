using Microsoft.EntityFrameworkCore;
using Wushe.Features.Areas;

namespace Wushe.Bench.Generate;

/// <summary>The real division list (shared/data/divisions), imported as the app imports it: the whole country, or only the scale's province.</summary>
sealed class Divisions : IRecordKind
{
    public string Name => "areas (real divisions)";

    public async Task<int> CreateAsync(GenContext ctx)
    {
        var files = DivisionImport.OpenFolder(ctx.DivisionsFolder);
        try
        {
            var (rows, errors) = DivisionImport.Parse(files);
            if (errors.Count > 0) throw new InvalidOperationException("The division list has errors: " + string.Join("; ", errors.Take(3)));
            var province = ctx.Scale.RootCode[..2];
            var wanted = ctx.WholeCountry ? rows : rows.Where(r => r.Code12.StartsWith(province, StringComparison.Ordinal)).ToList();
            var summary = await new DivisionImport(ctx.Db, TimeProvider.System).ApplyAsync(wanted);
            // ApplyAsync switches the per-row audit back on when it ends.
            ctx.Db.SuppressEntityAudit = true;
            ctx.Db.ChangeTracker.Clear();

            var (low, high) = AreaCode.Range(ctx.Scale.RootCode);
            ctx.Places.AddRange(await ctx.Db.Areas.IgnoreQueryFilters().AsNoTracking()
                .Where(a => string.Compare(a.Code, low) >= 0 && string.Compare(a.Code, high) <= 0 && a.Level >= AreaLevel.City && a.Level <= AreaLevel.Township)
                .OrderBy(a => a.Code).ToListAsync());
            if (ctx.Places.Count == 0) throw new InvalidOperationException($"The division list has no area {ctx.Scale.RootCode}.");
            return summary.Added;
        }
        finally
        {
            foreach (var f in files.Values) await f.DisposeAsync();
        }
    }
}
