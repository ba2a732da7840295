using Microsoft.EntityFrameworkCore;
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

    /// <summary>Hour records of the city for <see cref="VolunteersKind"/> (<c>--hour-records</c>; proportionally fewer at the smaller scales).</summary>
    public long HourRecords { get; init; } = VolunteersKind.DefaultHourRecords;

    /// <summary>Tracked households per township for <see cref="Households"/> (<c>--households-per-township</c>; 1,075 by default, ±150).</summary>
    public int HouseholdsPerTownship { get; init; } = Households.HouseholdsPerTownship;

    public Sealer Sealer { get; } = new(new SealerKeys(BenchDb.EncryptionKey, BenchDb.LookupKey));

    /// <summary>City, county and township areas at or under the scale's root, in code order.</summary>
    public List<Area> Places { get; } = [];

    public IEnumerable<Area> Townships => Places.Where(a => a.Level == AreaLevel.Township);

    public List<Station> Stations { get; } = [];

    public List<User> Users { get; } = [];

    // Issue 8: what the later kinds hang their records on (kept in memory between the kinds of one run).

    /// <summary>The organizations made, with the user who acts for each (null for one without a staff account).</summary>
    public List<(Wushe.Features.Organizations.Organization Organization, List<string> Serves, Guid? StaffId, string StaffName)> Organizations { get; } = [];

    /// <summary>Needs (matched and beyond) waiting to be matched to a project of their township, by township code.</summary>
    public Dictionary<string, List<Wushe.Features.Needs.Need>> NeedsForProjects { get; } = new(StringComparer.Ordinal);

    /// <summary>The projects made (approved and beyond), with their indicators and who records their delivery.</summary>
    public List<(Wushe.Features.Projects.Project Project, List<Wushe.Features.Projects.ProjectIndicator> Indicators, Guid? RecorderId, string RecorderName)> Projects { get; } = [];

    /// <summary>The last day a project delivered (its end, today, or the day before its termination), by project id.</summary>
    public Dictionary<Guid, DateOnly> ProjectLastDay { get; } = [];

    Dictionary<string, List<(Guid Id, Guid HouseholdId, string AreaCode)>>? residents;

    /// <summary>The active residents of the scale, by township (first 9 digits of their area), in id order; read once from the database.</summary>
    public async Task<Dictionary<string, List<(Guid Id, Guid HouseholdId, string AreaCode)>>> ResidentsByTownshipAsync()
    {
        if (residents is not null) return residents;
        var (low, high) = Wushe.Platform.Areas.AreaCode.Range(Scale.RootCode);
        var rows = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            Db.Set<Wushe.Features.Households.Resident>().IgnoreQueryFilters()
                .Where(r => r.Status == Wushe.Features.Households.ResidentStatus.Active && string.Compare(r.AreaCode, low) >= 0 && string.Compare(r.AreaCode, high) <= 0)
                .OrderBy(r => r.Id).Select(r => new { r.Id, r.HouseholdId, r.AreaCode }));
        residents = rows.GroupBy(r => r.AreaCode[..9]).ToDictionary(g => g.Key, g => g.Select(r => (r.Id, r.HouseholdId, r.AreaCode)).ToList(), StringComparer.Ordinal);
        return residents;
    }

    /// <summary>For <c>--only</c>: the places, stations and users of a database generated before, as the earlier kinds left them in memory.</summary>
    public async Task LoadExistingAsync()
    {
        var (low, high) = Wushe.Platform.Areas.AreaCode.Range(Scale.RootCode);
        Places.AddRange(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(Db.Areas.IgnoreQueryFilters().AsNoTracking()
            .Where(a => string.Compare(a.Code, low) >= 0 && string.Compare(a.Code, high) <= 0 && a.Level >= AreaLevel.City && a.Level <= AreaLevel.Township)
            .OrderBy(a => a.Code)));
        Stations.AddRange(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(Db.Stations.IgnoreQueryFilters().AsNoTracking()
            .Where(s => string.Compare(s.AreaCode, low) >= 0 && string.Compare(s.AreaCode, high) <= 0).OrderBy(s => s.AreaCode)));
        Users.AddRange(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(Db.Users.AsNoTracking().OrderBy(u => u.UserName)));
        if (Places.Count == 0 || Stations.Count == 0) throw new UsageException("--only needs a database generated before at this scale (no places or stations found).");
    }

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
