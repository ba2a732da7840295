using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;

namespace Wushe.Features.Volunteers.Hours;

/// <summary>
/// Makes posted hour records final once their posting period has passed (<see cref="HourRecord.FinalOn"/> on or before today in
/// China) and nobody disputes them: each becomes <see cref="HourRecordStatus.Final"/>, its minutes are added to the volunteer's
/// <see cref="Volunteer.FinalMinutes"/> (the stars) and to the area's year in <see cref="HourTotal"/>, in one transaction per
/// batch — a failure leaves the batch posted, to be made final on the next run. Disputed records wait for the organizer's answer.
/// Run every few minutes by <see cref="HourPostingService"/>; the system acts (the whole platform's records).
/// </summary>
public static class FinalizeHours
{
    /// <summary>Records made final per transaction.</summary>
    public const int BatchSize = 500;

    /// <summary>Batches read again after another run changed one of their records, before the run gives up until next time.</summary>
    public const int MaxConflicts = 5;

    /// <summary>
    /// Makes every due record final; returns how many this run made final. A run at the same moment as another (a second app
    /// instance, a test) reads a batch again when the other changed one of its records; after <see cref="MaxConflicts"/> such
    /// batches it throws <see cref="DbUpdateConcurrencyException"/>, nothing of the batch saved.
    /// </summary>
    public static async Task<int> RunAsync(AppDb db, TimeProvider clock, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(clock);
        var done = 0;
        var conflicts = 0;
        while (true)
        {
            var batch = await db.Set<HourRecord>().IgnoreQueryFilters([AppDb.ScopeFilter])
                .Where(r => r.Status == HourRecordStatus.Pending && r.FinalOn <= today)
                .OrderBy(r => r.FinalOn).ThenBy(r => r.Id).Take(BatchSize).ToListAsync(ct);
            if (batch.Count == 0) return done;
            try
            {
                await FinalizeAsync(db, batch, clock.GetUtcNow(), ct);
            }
            catch (DbUpdateConcurrencyException) when (++conflicts <= MaxConflicts)
            {
                // Another run (a second instance, or an answer to a dispute) changed a record of the batch at the same moment:
                // the batch rolled back whole; read again what is still due, without the records the other run made final.
                db.ChangeTracker.Clear();
                continue;
            }
            done += batch.Count;
            db.ChangeTracker.Clear();
            if (batch.Count < BatchSize) return done;
        }
    }

    /// <summary>Makes <paramref name="records"/> (tracked, posted) final now, with their roll-ups, in one transaction.</summary>
    public static async Task FinalizeAsync(AppDb db, IReadOnlyList<HourRecord> records, DateTimeOffset now, CancellationToken ct)
    {
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        foreach (var r in records)
        {
            r.Finalize(now);
            r.Touch();
        }
        // The version check makes a record final once: a second run at the same moment fails here and rolls back.
        await db.SaveChangesAsync(ct);
        // Points at the region's rate (issue 9), read against the final minutes before these records count: same transaction.
        await Points.EarnPoints.AddAsync(db, records, now, ct);
        foreach (var v in records.GroupBy(r => r.VolunteerId).OrderBy(g => g.Key))
        {
            var minutes = v.Sum(r => r.Minutes);
            await db.Set<Volunteer>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(x => x.Id == v.Key)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.FinalMinutes, x => x.FinalMinutes + minutes), ct);
        }
        var type = db.Model.FindEntityType(typeof(HourTotal))!;
        var table = type.GetTableName();
        string Column(string p) => $"\"{type.FindProperty(p)!.GetColumnName()}\"";
        // INSERT … ON CONFLICT DO UPDATE adds to the row (the same on SQLite and PostgreSQL); names come from the model.
        var sql = $"INSERT INTO \"{table}\" ({Column(nameof(HourTotal.AreaCode))}, {Column(nameof(HourTotal.Year))}, {Column(nameof(HourTotal.Minutes))}, {Column(nameof(HourTotal.Records))}) "
            + $"VALUES ({{0}}, {{1}}, {{2}}, {{3}}) ON CONFLICT ({Column(nameof(HourTotal.AreaCode))}, {Column(nameof(HourTotal.Year))}) DO UPDATE SET "
            + $"{Column(nameof(HourTotal.Minutes))} = \"{table}\".{Column(nameof(HourTotal.Minutes))} + excluded.{Column(nameof(HourTotal.Minutes))}, "
            + $"{Column(nameof(HourTotal.Records))} = \"{table}\".{Column(nameof(HourTotal.Records))} + excluded.{Column(nameof(HourTotal.Records))}";
        foreach (var g in records.GroupBy(r => (r.AreaCode, r.ServiceDate.Year)))
            await db.Database.ExecuteSqlRawAsync(sql, [g.Key.AreaCode, g.Key.Year, (long)g.Sum(r => r.Minutes), g.Count()], ct);
        if (tx is not null) await tx.CommitAsync(ct);
    }
}

/// <summary>Runs <see cref="FinalizeHours"/> at start and every five minutes (one instance per app; a second one at once is harmless).</summary>
public sealed class HourPostingService(IServiceScopeFactory scopes, TimeProvider clock, ILogger<HourPostingService> log) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every, clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                // A job has no request: the system acts (without it every run stopped at NoActorException).
                scope.ServiceProvider.GetRequiredService<Platform.Access.ActorOverride>().Actor = Platform.Access.CurrentUser.System;
                var db = scope.ServiceProvider.GetRequiredService<AppDb>();
                var n = await FinalizeHours.RunAsync(db, clock, stoppingToken);
                if (n > 0 && log.IsEnabled(LogLevel.Information)) log.LogInformation("Hour records made final: {Count}", n);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e) when (e is DbUpdateException or InvalidOperationException)
            {
                log.LogWarning(e, "Making hour records final failed; the next run tries again");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
