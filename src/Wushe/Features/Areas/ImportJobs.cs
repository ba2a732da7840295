using System.Collections.Concurrent;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Features.Areas;

public enum ImportState
{
    Running,

    /// <summary>The plan would change much, or leave records on vanishing codes: nothing is written until confirmed.</summary>
    NeedsConfirmation,
    Succeeded,
    Failed,
}

/// <summary>
/// An import as its uploader follows it: progress while running; the plan while it waits for
/// confirmation; the summary when done; the problems (each naming its file) when it failed.
/// </summary>
public sealed record ImportStatus(Guid Id, ImportState State, string Stage, int Done, int Total, DivisionImport.Summary? Summary,
    DivisionImport.PlanView? Plan, IReadOnlyList<string> Errors, IReadOnlyList<string> Notes, bool HasMapping, int BadRows = 0)
{
    public int Percent => State == ImportState.Succeeded ? 100 : Total == 0 ? 0 : (int)(100L * Done / Total);
}

/// <summary>
/// Runs uploaded division imports in the background so the page can show progress, and keeps a
/// plan that needs confirmation (with its files) until it is confirmed or replaced.
/// Jobs live in this instance's memory (the uploader polls and confirms on the instance that took
/// the upload); one import writes at a time.
/// </summary>
public sealed class ImportJobs(IServiceScopeFactory scopes, ILogger<ImportJobs> log) : IDisposable
{
    const int KeepJobs = 20;

    sealed record Job(Dictionary<string, byte[]> Files, byte[]? Mapping, CurrentUser Actor);

    readonly ConcurrentDictionary<Guid, ImportStatus> statuses = new();
    readonly ConcurrentDictionary<Guid, Job> jobs = new();
    readonly SemaphoreSlim oneAtATime = new(1, 1);

    public ImportStatus? Get(Guid id) => statuses.GetValueOrDefault(id);

    public void Dispose() => oneAtATime.Dispose();

    /// <summary>Whether the job's files are kept, so a mapping can be added to them (<see cref="Restart"/>).</summary>
    public bool HasFiles(Guid id) => jobs.ContainsKey(id);

    public Guid Start(Dictionary<string, byte[]> files, byte[]? mapping, CurrentUser actor)
    {
        var id = Guid.CreateVersion7();
        var job = new Job(files, mapping, actor);
        jobs[id] = job;
        Forget();
        Run(id, job, confirmed: null);
        return id;
    }

    /// <summary>A new job over the same files with a (new) mapping: the plan is made again and shown.</summary>
    public Guid? Restart(Guid id, byte[] mapping, CurrentUser actor) =>
        jobs.TryGetValue(id, out var job) && statuses.GetValueOrDefault(id)?.State == ImportState.NeedsConfirmation
            ? Start(job.Files, mapping, actor) : null;

    /// <summary>
    /// Confirms the plan the job shows. The plan is made again before writing; if it differs from the
    /// one shown (the areas changed meanwhile), the job asks again. False when there is nothing to confirm.
    /// </summary>
    public bool Confirm(Guid id, CurrentUser actor)
    {
        if (!jobs.TryGetValue(id, out var job) || statuses.GetValueOrDefault(id) is not { State: ImportState.NeedsConfirmation, Plan: { } plan } status) return false;
        if (!statuses.TryUpdate(id, status with { State = ImportState.Running, Stage = "plan", Done = 1, Total = 3 }, status)) return false;
        Run(id, job with { Actor = actor }, plan.Fingerprint);
        return true;
    }

    void Run(Guid id, Job job, string? confirmed)
    {
        statuses[id] = new ImportStatus(id, ImportState.Running, "parse", 0, 3, null, null, [], [], job.Mapping is not null);
        _ = Task.Run(async () =>
        {
            await oneAtATime.WaitAsync();
            try
            {
                using var scope = scopes.CreateScope();
                scope.ServiceProvider.GetRequiredService<ActorOverride>().Actor = job.Actor;
                var import = scope.ServiceProvider.GetRequiredService<DivisionImport>();
                var streams = job.Files.ToDictionary(f => f.Key, f => (Stream)new MemoryStream(f.Value));
                var outcome = await import.RunAsync(streams, job.Mapping, confirmed,
                    (stage, done, total) => statuses[id] = statuses[id] with { Stage = stage, Done = done, Total = total });
                statuses[id] = statuses[id] with
                {
                    State = outcome.Summary is not null ? ImportState.Succeeded : outcome.Pending is not null ? ImportState.NeedsConfirmation : ImportState.Failed,
                    Summary = outcome.Summary,
                    Plan = outcome.Pending,
                    Errors = outcome.Errors,
                    Notes = outcome.Notes,
                    BadRows = outcome.BadRows,
                };
            }
            catch (Exception e)
            {
                log.LogError(e, "Division import {Id} failed", id);
                statuses[id] = statuses[id] with
                {
                    State = ImportState.Failed,
                    Errors = [DatabaseErrors.IsBusy(e)
                        ? Lang.T("系统繁忙，请稍后重试（数据库正忙），未保存任何数据", "The system is busy (the database is locked); nothing was saved. Please try again shortly")
                        : Lang.T("导入时发生系统错误，未保存任何数据", "A system error stopped the import; nothing was saved")],
                };
            }
            finally
            {
                oneAtATime.Release();
                // A finished job's files are no longer needed; a plan waiting for confirmation keeps them.
                if (statuses[id].State != ImportState.NeedsConfirmation) jobs.TryRemove(id, out _);
            }
        });
    }

    /// <summary>Keeps the files of the latest jobs only (each holds up to 80 MB).</summary>
    void Forget()
    {
        foreach (var old in jobs.Keys.OrderByDescending(k => k).Skip(KeepJobs)) jobs.TryRemove(old, out _);
    }
}
