using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Wushe.Features.Areas;
using Wushe.Platform.Areas;

namespace Wushe.Bench.Generate;

/// <summary>
/// The real division list — shipped with the product (<see cref="NationalDivisions"/>), or the folder of
/// --divisions-path — imported as the app imports it: the whole country, or only the scale's province.
/// </summary>
sealed class Divisions : IRecordKind
{
    public string Name => "areas (real divisions)";

    public async Task<int> CreateAsync(GenContext ctx)
    {
        var files = ctx.DivisionsFolder is null ? NationalDivisions.Open() : DivisionList.OpenFolder(ctx.DivisionsFolder);
        try
        {
            var parsed = DivisionList.Parse(files);
            if (parsed.Problems.Count > 0) throw new InvalidOperationException("The division list has problems: " + string.Join("; ", parsed.Problems.Take(3)));
            var province = ctx.Scale.RootCode[..2];
            var wanted = ctx.WholeCountry ? parsed.Rows : parsed.Rows.Where(r => r.Code12.StartsWith(province, StringComparison.Ordinal)).ToList();
            var import = new DivisionImport(ctx.Db, TimeProvider.System, Microsoft.Extensions.Options.Options.Create(new DivisionImportOptions()), NullLogger<DivisionImport>.Instance, []);
            var summary = await import.ImportAsync(wanted);
            // The import switches the per-row audit back on when it ends.
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
