using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Web;

namespace Wushe.Features.Areas;

/// <summary>
/// <c>dotnet run --project src/Wushe -- rebuild-rollups</c>: recomputes every roll-up keyed by area (<see cref="IAreaRollUp"/>:
/// the service tallies) from its records, in one transaction each — after a bulk load or a restore that went past the
/// app's saves. The app keeps them itself otherwise.
/// </summary>
public sealed class RebuildRollUpsVerb : ICliVerb
{
    public string Name => "rebuild-rollups";

    public string Usage => "rebuild-rollups";

    public async Task<int> RunAsync(WebApplication app, string[] words, string[] args)
    {
        if (words.Length > 0) return Cli.Fail(app.Services.GetServices<ICliVerb>());
        await Database.MigrateAsync(app.Services);
        foreach (var rollUp in app.Services.GetServices<IAreaRollUp>())
        {
            using var scope = app.Services.CreateScope();
            // The command line acts as the system: a roll-up counts every area's records.
            scope.ServiceProvider.GetRequiredService<ActorOverride>().Actor = CurrentUser.System;
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            db.Database.SetCommandTimeout(TimeSpan.FromHours(1));
            var watch = System.Diagnostics.Stopwatch.StartNew();
            await rollUp.RebuildAsync(db, CancellationToken.None);
            Console.WriteLine($"Rebuilt {rollUp.GetType().Name} in {watch.Elapsed.TotalSeconds:0.0} s.");
        }
        return 0;
    }
}
