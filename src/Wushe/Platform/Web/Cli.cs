using Wushe.Data;
using Wushe.Features.Areas;

namespace Wushe.Platform.Web;

/// <summary>Command-line verbs: <c>dotnet run --project src/Wushe -- import-divisions FOLDER</c>.</summary>
public static class Cli
{
    public static async Task<int?> RunAsync(WebApplication app, string[] args)
    {
        // Positional words come first; "--Key=value" switches after them are configuration.
        var words = args.TakeWhile(a => !a.StartsWith('-')).ToArray();
        if (words.Length == 0) return null;
        switch (words[0])
        {
            case "import-divisions" when words.Length == 2 && !Directory.Exists(words[1]):
                Console.Error.WriteLine($"No such folder: {words[1]}");
                return 2;
            case "import-divisions" when words.Length == 2:
                await Database.MigrateAsync(app.Services);
                using (var scope = app.Services.CreateScope())
                {
                    var import = scope.ServiceProvider.GetRequiredService<DivisionImport>();
                    var files = DivisionImport.OpenFolder(words[1]);
                    try
                    {
                        var outcome = await import.RunAsync(files, (stage, done, total) => Console.Write($"\r{stage} {done}/{total}   "));
                        Console.WriteLine();
                        if (outcome.Summary is { } s)
                        {
                            Console.WriteLine($"Imported {s.Rows} rows: {s.Added} added, {s.Renamed} renamed, {s.Retired} retired, {s.Unchanged} unchanged.");
                            return 0;
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
            case "migrate":
                await Database.MigrateAsync(app.Services);
                Console.WriteLine("Database is up to date.");
                return 0;
            default:
                Console.Error.WriteLine("Usage: Wushe [import-divisions FOLDER | migrate]   (no verb: run the web app)");
                return 2;
        }
    }
}
