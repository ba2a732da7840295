using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wushe.Data;
using Wushe.Platform.Areas;

namespace Wushe.Features.Volunteers;

/// <summary>
/// 志愿者人数汇总: how many volunteers a community (or township) registers, by status and source — a roll-up so that a city's home
/// page reads a few thousand rows, not 400,000 registrations (issue 9's city). Kept by <see cref="VolunteerTallies"/> in the
/// transaction of every save that registers, moves, suspends, restores or withdraws a volunteer; rebuilt from the register after a
/// division change. Not an <c>IAreaScoped</c> record (a division move must not collide on its key): read only through
/// <see cref="Home.VolunteerFigures"/>, which applies the scope.
/// </summary>
public sealed class VolunteerTally
{
    private VolunteerTally() { AreaCode = ""; }

    /// <summary>The volunteers' area (12 digits), as <see cref="Volunteer.AreaCode"/>.</summary>
    public string AreaCode { get; private set; }
    public VolunteerStatus Status { get; private set; }
    public VolunteerSource Source { get; private set; }
    /// <summary>Volunteers of the area with that status and source.</summary>
    public int Count { get; private set; }
}

sealed class VolunteerTallyConfiguration : IEntityTypeConfiguration<VolunteerTally>
{
    public void Configure(EntityTypeBuilder<VolunteerTally> b)
    {
        b.HasKey(x => new { x.AreaCode, x.Status, x.Source });
        b.Property(x => x.AreaCode).HasMaxLength(12);
    }
}

/// <summary>
/// Keeps <see cref="VolunteerTally"/> true (a roll-up of <see cref="RollUps"/>): a volunteer added counts +1 in their area, status and
/// source; one whose area, status or source changes moves from the old row to the new; one deleted counts −1 — read from the change
/// tracker, whatever the use case. Two saves at once add up (the upsert adds, never overwrites).
/// </summary>
public sealed class VolunteerTallies : IRollUpPlan, IAreaRollUp
{
    static readonly string[] Key = [nameof(VolunteerTally.AreaCode), nameof(VolunteerTally.Status), nameof(VolunteerTally.Source)];
    static readonly string[] Sums = [nameof(VolunteerTally.Count)];

    public bool Touches(AppDb db) => Changes(db).Any();

    public Task<IReadOnlyList<(string Sql, object[] Args)>> PlanAsync(AppDb db, CancellationToken ct)
    {
        var deltas = new Dictionary<(string Area, VolunteerStatus Status, VolunteerSource Source), int>();
        foreach (var (key, delta) in Changes(db)) deltas[key] = deltas.GetValueOrDefault(key) + delta;
        IReadOnlyList<(string, object[])> commands = [.. RollUps.Upsert(db, typeof(VolunteerTally), Key, Sums,
            deltas.Where(d => d.Value != 0).Select(d => new object[] { d.Key.Area, (int)d.Key.Status, (int)d.Key.Source, d.Value }))];
        return Task.FromResult(commands);
    }

    /// <summary>The counts a save moves: (area, status, source) and +1 or −1.</summary>
    static IEnumerable<((string Area, VolunteerStatus Status, VolunteerSource Source) Key, int Delta)> Changes(AppDb db)
    {
        foreach (var e in db.ChangeTracker.Entries<Volunteer>())
        {
            var now = (e.Entity.AreaCode, e.Entity.Status, e.Entity.Source);
            if (e.State == EntityState.Added) yield return (now, 1);
            else if (e.State is EntityState.Modified or EntityState.Deleted)
            {
                var was = ((string)e.OriginalValues[nameof(Volunteer.AreaCode)]!, (VolunteerStatus)e.OriginalValues[nameof(Volunteer.Status)]!,
                    (VolunteerSource)e.OriginalValues[nameof(Volunteer.Source)]!);
                if (e.State == EntityState.Deleted) yield return (was, -1);
                else if (was != now)
                {
                    yield return (was, -1);
                    yield return (now, 1);
                }
            }
        }
    }

    /// <summary>Recomputes the tallies from the register (after a division change or a bulk load), in the caller's transaction if any.</summary>
    public static async Task RebuildAsync(AppDb db, CancellationToken ct = default)
    {
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        // The roll-up is the whole database's: every area's volunteers are counted, whoever runs this.
        await db.Set<VolunteerTally>().ExecuteDeleteAsync(ct);
        var counts = await db.Set<Volunteer>().IgnoreQueryFilters().GroupBy(v => new { v.AreaCode, v.Status, v.Source })
            .Select(g => new { g.Key.AreaCode, g.Key.Status, g.Key.Source, Count = g.Count() }).ToListAsync(ct);
        foreach (var (sql, args) in RollUps.Upsert(db, typeof(VolunteerTally), Key, Sums,
            counts.Select(c => new object[] { c.AreaCode, (int)c.Status, (int)c.Source, c.Count })))
            await db.Database.ExecuteSqlRawAsync(sql, args, ct);
        if (tx is not null) await tx.CommitAsync(ct);
    }

    Task IAreaRollUp.RebuildAsync(AppDb db, CancellationToken ct) => RebuildAsync(db, ct);
}
