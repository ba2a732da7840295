using Wushe.Data;
using Wushe.Features.Accounts;
using Wushe.Features.Areas;
using Wushe.Features.Stations;
using Wushe.Platform.Areas;
using Wushe.Platform.Sensitive;

namespace Wushe.Bench.Generate;

/// <summary>
/// What the record kinds share: the database, the scale, the fixed dates, the sealer, and the
/// records made so far that later kinds hang their own on (kept detached after each batch).
/// </summary>
sealed class GenContext(AppDb db, Scale scale, string? divisionsFolder, bool wholeCountry, int seed, int history, DateOnly today)
{
    public const int BatchSize = 2000;

    public AppDb Db { get; } = db;
    public Scale Scale { get; } = scale;
    /// <summary>A folder with a newer division list, or null for the list shipped with the product.</summary>
    public string? DivisionsFolder { get; } = divisionsFolder;
    public bool WholeCountry { get; } = wholeCountry;
    public int Seed { get; } = seed;

    /// <summary>Rounds of standard checks per township station (the depth of history).</summary>
    public int History { get; } = history;

    /// <summary>The day the data is generated "as of" (China time); every date is relative to it.</summary>
    public DateOnly Today { get; } = today;

    /// <summary>An instant on a day at an hour of China time, in UTC as the app stores instants (Npgsql accepts only offset 0).</summary>
    public DateTimeOffset At(DateOnly day, int hour = 10) => new DateTimeOffset(day.ToDateTime(new TimeOnly(hour, 0)), TimeSpan.FromHours(8)).ToUniversalTime();

    public DateTimeOffset Now => At(Today);

    public Sealer Sealer { get; } = new(new SealerKeys(BenchDb.EncryptionKey, BenchDb.LookupKey));

    /// <summary>City, county and township areas at or under the scale's root, in code order.</summary>
    public List<Area> Places { get; } = [];

    public IEnumerable<Area> Townships => Places.Where(a => a.Level == AreaLevel.Township);

    public List<Station> Stations { get; } = [];

    public List<User> Users { get; } = [];

    /// <summary>
    /// A random source per record kind, seeded from the run's seed and the kind's name (a stable
    /// hash), so adding a kind later leaves the data of the others unchanged.
    /// </summary>
    public Random RandomFor(string kind)
    {
        var h = 2166136261u;
        foreach (var c in kind) h = (h ^ c) * 16777619u;
        return new Random(Seed ^ (int)h);
    }

    /// <summary>Inserts rows in batches; the change tracker is cleared after each, so memory stays flat.</summary>
    public async Task<int> InsertAsync<T>(IEnumerable<T> rows) where T : class
    {
        var count = 0;
        var batch = new List<T>(BatchSize);
        foreach (var row in rows)
        {
            batch.Add(row);
            if (batch.Count == BatchSize)
            {
                count += await Flush(batch);
                batch.Clear();
            }
        }
        if (batch.Count > 0) count += await Flush(batch);
        return count;
    }

    async Task<int> Flush<T>(List<T> batch) where T : class
    {
        Db.Set<T>().AddRange(batch);
        await Db.SaveChangesAsync();
        Db.ChangeTracker.Clear();
        return batch.Count;
    }
}

/// <summary>One kind of record the generator makes. Later features add their own kinds to <see cref="Generator.Kinds"/>.</summary>
interface IRecordKind
{
    string Name { get; }

    /// <summary>Creates the records; returns how many rows were written.</summary>
    Task<int> CreateAsync(GenContext ctx);
}
