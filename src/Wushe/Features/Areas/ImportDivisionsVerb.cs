using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Web;

namespace Wushe.Features.Areas;

/// <summary>
/// <c>dotnet run --project src/Wushe -- import-divisions [FOLDER] [--mapping FILE] [--confirm]</c>: imports a
/// division list (no folder: the list shipped with the product), as the page and the API do.
/// </summary>
public sealed class ImportDivisionsVerb : ICliVerb
{
    /// <summary>Exit code of an import that stopped to ask for confirmation (nothing written).</summary>
    public const int NeedsConfirmation = 3;

    public string Name => "import-divisions";

    public string Usage => "import-divisions [FOLDER] [--mapping FILE] [--confirm]";

    public async Task<int> RunAsync(WebApplication app, string[] words, string[] args)
    {
        if (words.Length > 1) return Cli.Fail(app.Services.GetServices<ICliVerb>());
        var (folder, mappingFile, confirm) = (words.ElementAtOrDefault(0), Cli.Option(args, "mapping"), args.Contains("--confirm"));
        if (folder is not null && !Directory.Exists(folder))
        {
            Console.Error.WriteLine($"No such folder: {folder}");
            return Cli.BadUsage;
        }
        if (mappingFile is not null && !File.Exists(mappingFile))
        {
            Console.Error.WriteLine($"No such mapping file: {mappingFile}");
            return Cli.BadUsage;
        }
        await Database.MigrateAsync(app.Services);
        using var scope = app.Services.CreateScope();
        // The command line acts as the system (the whole country in scope), as the import requires.
        scope.ServiceProvider.GetRequiredService<ActorOverride>().Actor = CurrentUser.System;
        var import = scope.ServiceProvider.GetRequiredService<DivisionImport>();
        Console.WriteLine(folder is null
            ? $"Importing the division list shipped with Wushe (as of {NationalDivisions.AsOf:yyyy-MM-dd})."
            : $"Importing the division list in {folder}.");
        var files = folder is null ? NationalDivisions.Open() : DivisionList.OpenFolder(folder);
        try
        {
            var mapping = mappingFile is null ? null : await File.ReadAllBytesAsync(mappingFile);
            var outcome = await import.RunAsync(files, mapping, confirm ? DivisionImport.ConfirmAnything : null,
                (stage, done, total) => Console.Write($"\r{stage} {done}/{total}   "));
            Console.WriteLine();
            foreach (var note in outcome.Notes) Console.WriteLine(note);
            if (outcome.Summary is { } s)
            {
                Console.WriteLine($"Imported {s.Rows} rows: {s.Added} added, {s.Renamed} renamed, {s.Restored} restored, {s.Retired} retired "
                    + $"(and {s.VillagesRetired} villages below them), {s.Unchanged} unchanged; {s.Moved} records moved. Write transaction: {s.WriteSeconds:0.000} s.");
                return 0;
            }
            if (outcome.Pending is { } p)
            {
                Console.WriteLine($"Nothing was imported yet. The list would add {p.Added}, rename {p.Renamed}, restore {p.Restored} and retire {p.Retired} areas "
                    + $"(and {p.VillagesRetired} villages below them):");
                foreach (var reason in p.Reasons) Console.WriteLine("  " + reason);
                foreach (var h in p.Hanging.Take(20))
                    Console.WriteLine($"  {AreaCode.Prefix(h.Code)} {h.Name}: {string.Join(", ", h.Records.Select(r => $"{r.Label} {r.Count}"))}"
                        + (h.MovesTo is null ? "" : $" -> {AreaCode.Prefix(h.MovesTo)} {h.MovesToName}") + (h.Stays > 0 ? $" ({h.Stays} stay on the retired code)" : ""));
                if (p.HangingAreas > 20) Console.WriteLine($"  … records sit on {p.HangingAreas} areas that would be retired in all.");
                Console.WriteLine("Run again with --confirm to import anyway, or with --mapping FILE (CSV old,new) to move what hangs on re-coded places.");
                return NeedsConfirmation;
            }
            Console.Error.WriteLine($"Nothing was imported: {outcome.Errors.Count} problem(s).");
            foreach (var e in outcome.Errors) Console.Error.WriteLine("  " + e);
            return 1;
        }
        finally
        {
            foreach (var f in files.Values) await f.DisposeAsync();
        }
    }
}
