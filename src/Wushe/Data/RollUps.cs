using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Storage;

namespace Wushe.Data;

/// <summary>
/// One roll-up kept beside its records (a figure a page reads instead of counting them): it looks at what a save is about to
/// write and answers the statements that add the differences to its rows (<see cref="RollUps.Upsert"/>), run in the save's
/// transaction after EF's own statements.
/// </summary>
public interface IRollUpPlan
{
    /// <summary>Whether the save of <paramref name="db"/> changes anything this roll-up counts (read from the change tracker only).</summary>
    bool Touches(AppDb db);

    /// <summary>The statements that bring the roll-up along with the save, planned inside its transaction (reads may lock rows).</summary>
    Task<IReadOnlyList<(string Sql, object[] Args)>> PlanAsync(AppDb db, CancellationToken ct);
}

/// <summary>
/// Keeps every roll-up (<see cref="IRollUpPlan"/>) true in the transaction of every save, whatever the use case: before the save it
/// asks each roll-up the save touches for its statements, and after EF's own statements it runs them — usually
/// <c>INSERT … ON CONFLICT DO UPDATE SET n = n + excluded.n</c> (<see cref="Upsert"/>, the same on SQLite and PostgreSQL), so that two
/// saves at once add up instead of overwriting each other. A save without a transaction gets one here, shared by all the roll-ups;
/// a failed, cancelled or stale save rolls them back with it.
/// </summary>
public sealed class RollUps(IEnumerable<IRollUpPlan> plans) : SaveChangesInterceptor
{
    sealed class Pending(IDbContextTransaction? owned, List<(string Sql, object[] Args)> commands)
    {
        public IDbContextTransaction? Owned { get; } = owned;
        public List<(string Sql, object[] Args)> Commands { get; } = commands;
    }

    readonly IRollUpPlan[] plans = [.. plans];
    readonly ConditionalWeakTable<DbContext, Pending> saves = new();

    /// <summary>Rows per upsert statement: a few values a row stay under SQLite's 32,766 parameters.</summary>
    const int RowsPerCommand = 500;

    // The app saves with SaveChangesAsync everywhere; a synchronous save (EF tools, a script) does the same work blocking.
    // ASP.NET Core has no synchronization context, so waiting on the async work here cannot deadlock.
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is AppDb db) PrepareAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is AppDb db) await PrepareAsync(db, cancellationToken);
        return result;
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        FinishAsync(eventData.Context, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        await FinishAsync(eventData.Context, cancellationToken);
        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    // A stale version (another save changed the record first) is not a "failed" save to EF: it ends here instead.
    public override InterceptionResult ThrowingConcurrencyException(ConcurrencyExceptionEventData eventData, InterceptionResult result)
    {
        Abandon(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult> ThrowingConcurrencyExceptionAsync(ConcurrencyExceptionEventData eventData, InterceptionResult result,
        CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesCanceled(DbContextEventData eventData) => Abandon(eventData.Context);

    public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        Abandon(eventData.Context);
        return Task.CompletedTask;
    }

    async Task PrepareAsync(AppDb db, CancellationToken ct)
    {
        // A save that ended without telling (none should) leaves nothing behind for the next one of this pooled context.
        Abandon(db);
        var touched = plans.Where(p => p.Touches(db)).ToList();
        if (touched.Count == 0) return;
        var owned = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var commands = new List<(string Sql, object[] Args)>();
            foreach (var plan in touched) commands.AddRange(await plan.PlanAsync(db, ct));
            saves.AddOrUpdate(db, new Pending(owned, commands));
        }
        catch
        {
            if (owned is not null) await owned.DisposeAsync();
            throw;
        }
    }

    async Task FinishAsync(DbContext? context, CancellationToken ct)
    {
        if (context is not AppDb db || !saves.TryGetValue(db, out var pending)) return;
        saves.Remove(db);
        try
        {
            foreach (var (sql, args) in pending.Commands) await db.Database.ExecuteSqlRawAsync(sql, args, ct);
            if (pending.Owned is not null) await pending.Owned.CommitAsync(ct);
        }
        finally
        {
            if (pending.Owned is not null) await pending.Owned.DisposeAsync();
        }
    }

    void Abandon(DbContext? context)
    {
        if (context is null || !saves.TryGetValue(context, out var pending)) return;
        saves.Remove(context);
        // Rolls back what this save wrote in the transaction it began (the caller's own transaction is the caller's).
        pending.Owned?.Dispose();
    }

    /// <summary>
    /// <c>INSERT … ON CONFLICT (key) DO UPDATE SET n = n + excluded.n</c> into the table of <paramref name="entity"/>, a command per
    /// 500 rows; each row holds the <paramref name="key"/> values then the <paramref name="sums"/> to add. Names come from the model,
    /// values are parameters.
    /// </summary>
    public static IEnumerable<(string Sql, object[] Args)> Upsert(AppDb db, Type entity, string[] key, string[] sums, IEnumerable<object[]> rows)
    {
        var type = db.Model.FindEntityType(entity)!;
        var table = type.GetTableName()!;
        string Column(string property) => $"\"{type.FindProperty(property)!.GetColumnName()}\"";
        var columns = key.Concat(sums).Select(Column).ToList();
        var head = $"INSERT INTO \"{table}\" ({string.Join(", ", columns)}) VALUES ";
        var tail = $" ON CONFLICT ({string.Join(", ", key.Select(Column))}) DO UPDATE SET "
            + string.Join(", ", sums.Select(Column).Select(c => $"{c} = \"{table}\".{c} + excluded.{c}"));
        foreach (var chunk in rows.Chunk(RowsPerCommand))
        {
            var values = chunk.Select((row, i) => "(" + string.Join(", ", row.Select((_, j) => $"{{{i * row.Length + j}}}")) + ")");
            yield return (head + string.Join(", ", values) + tail, chunk.SelectMany(r => r).ToArray());
        }
    }
}
