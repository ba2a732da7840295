using System.Collections.Concurrent;
using Wushe.Data;
using Wushe.Platform.Access;

namespace Wushe.Features.Areas;

public enum ImportState
{
    Running,
    Succeeded,
    Failed,
}

public sealed record ImportStatus(Guid Id, ImportState State, string Stage, int Done, int Total, DivisionImport.Summary? Summary, IReadOnlyList<string> Errors)
{
    public int Percent => State == ImportState.Succeeded ? 100 : Total == 0 ? 0 : (int)(100L * Done / Total);
}

/// <summary>
/// Runs uploaded division imports in the background so the page can show progress.
/// Progress lives in this instance's memory (the uploader polls the instance that took the upload).
/// </summary>
public sealed class ImportJobs(IServiceScopeFactory scopes, ILogger<ImportJobs> log)
{
    readonly ConcurrentDictionary<Guid, ImportStatus> jobs = new();

    public ImportStatus? Get(Guid id) => jobs.GetValueOrDefault(id);

    public Guid Start(Dictionary<string, byte[]> files, CurrentUser actor)
    {
        var id = Guid.CreateVersion7();
        jobs[id] = new ImportStatus(id, ImportState.Running, "parse", 0, 0, null, []);
        _ = Task.Run(async () =>
        {
            try
            {
                using var scope = scopes.CreateScope();
                scope.ServiceProvider.GetRequiredService<ActorOverride>().Actor = actor;
                var import = ActivatorUtilities.CreateInstance<DivisionImport>(scope.ServiceProvider);
                var streams = files.ToDictionary(f => f.Key, f => (Stream)new MemoryStream(f.Value));
                var outcome = await import.RunAsync(streams, (stage, done, total) => jobs[id] = jobs[id] with { Stage = stage, Done = done, Total = total });
                jobs[id] = jobs[id] with
                {
                    State = outcome.Summary is null ? ImportState.Failed : ImportState.Succeeded,
                    Summary = outcome.Summary,
                    Errors = outcome.Errors,
                };
            }
            catch (Exception e)
            {
                log.LogError(e, "Division import {Id} failed", id);
                jobs[id] = jobs[id] with { State = ImportState.Failed, Errors = [Platform.Localization.Lang.T("导入时发生系统错误，未保存任何数据", "A system error stopped the import; nothing was saved")] };
            }
        });
        return id;
    }
}
