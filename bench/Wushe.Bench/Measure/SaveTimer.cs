using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Wushe.Bench.Measure;

/// <summary>When <see cref="Enabled"/>: the wall time of each <c>SaveChanges</c> (from its start to its end, the app's own save interceptors and commands inside) and how many entries it saved.</summary>
sealed class SaveTimer : SaveChangesInterceptor
{
    readonly Stopwatch watch = new();
    int entries;

    public bool Enabled { get; set; }
    public List<(TimeSpan Took, int Entries)> Saves { get; } = [];

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Enabled)
        {
            entries = eventData.Context?.ChangeTracker.Entries().Count(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted) ?? 0;
            watch.Restart();
        }
        return ValueTask.FromResult(result);
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Enabled && watch.IsRunning) { Saves.Add((watch.Elapsed, entries)); watch.Reset(); }
        return ValueTask.FromResult(result);
    }
}
