using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Platform.Areas;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;

namespace Wushe.Bench.Generate;

/// <summary>
/// 关爱服务 at scale (issue 7): about 1,075 tracked households per township (≈300,000 in the city), ≈3 residents each
/// with Guizhou's rural age mix (elderly living alone or as couples, grandparents with left-behind children, families),
/// valid unique ID numbers sealed with the benchmark's keys, target-group tags (≈30% of residents, one or two), the
/// guardian's consent for children under 14, a colour-card scheme per county with each household's card history,
/// three years of visits (<see cref="VisitHistory"/>) with their participants, service records and beneficiaries, and the
/// responsible workers of the township's station. Roll-ups (<c>NextDueOn</c>, <c>LastVisitedOn</c>) are computed by the
/// app's own <see cref="Household"/> methods from the visits written. Written per township in one transaction through
/// <see cref="BulkTable{T}"/>, with the tables' secondary indexes dropped during the load and rebuilt after it.
/// </summary>
sealed class Households : IRecordKind
{
    /// <summary>Tables this kind fills; their secondary indexes are rebuilt after the load.</summary>
    static readonly Type[] Tables = [typeof(Household), typeof(Resident), typeof(ResidentTag), typeof(Consent), typeof(CardAssignment), typeof(Visit), typeof(VisitParticipant), typeof(ServiceRecord), typeof(ServiceBeneficiary)];

    public const int HouseholdsPerTownship = 1075;

    public string Name => "households + residents + visits + services";

    public async Task<int> CreateAsync(GenContext ctx)
    {
        var r = ctx.RandomFor(Name);
        var db = ctx.Db;
        var (low, high) = AreaCode.Range(ctx.Scale.RootCode);
        var villages = (await db.Areas.IgnoreQueryFilters().AsNoTracking()
                .Where(a => a.Level == AreaLevel.Village && string.Compare(a.Code, low) >= 0 && string.Compare(a.Code, high) <= 0)
                .Select(a => new { a.Code, a.Name }).ToListAsync())
            .GroupBy(a => a.Code[..9]).ToDictionary(g => g.Key, g => g.Select(a => (a.Code, a.Name)).ToList());
        var workers = ctx.Users.Where(u => u.UserName!.StartsWith("sw.", StringComparison.Ordinal) && AreaCode.LevelOf(u.HomeAreaCode) == AreaLevel.Township)
            .GroupBy(u => u.HomeAreaCode).ToDictionary(g => g.Key, g => g.Select(u => new Worker(u.Id, u.DisplayName)).ToList());

        // Tags of the city (they apply to every scale: the township and county lie under it) and a card scheme per county.
        var tags = Tags.Select((t, i) => new TargetGroup(Scale.BijieCity, t.Name, t.NameEn, t.Kind, i + 1)).ToList();
        var schemes = ctx.Townships.Select(t => t.Code[..6] + "000000").Distinct()
            .Select(c => new CardScheme(c, "五色户卡分级探访", Colours, 6, ctx.At(ctx.Today.AddYears(-3)))).ToList();
        var written = await ctx.InsertAsync(tags) + await ctx.InsertAsync(schemes);
        var byTag = tags.ToDictionary(t => t.Name, t => t.Id);
        var schemeOf = schemes.ToDictionary(s => s.AreaCode[..6]);

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var sqlite = connection is Microsoft.Data.Sqlite.SqliteConnection;
        if (sqlite) await Exec(connection, "PRAGMA cache_size=-524288;");
        var indexes = await DropIndexesAsync(connection, sqlite, Tables.Select(t => db.Model.FindEntityType(t)!.GetTableName()!));

        var w = new Writers(db);
        var load = System.Diagnostics.Stopwatch.StartNew();
        var generating = new System.Diagnostics.Stopwatch();
        var history = new VisitHistory(ctx, byTag, r);
        foreach (var township in ctx.Townships)
        {
            var places = villages.GetValueOrDefault(township.Code[..9]);
            var staff = workers.GetValueOrDefault(township.Code);
            if (places is null || staff is null) continue;
            generating.Start();
            var batch = new Batch();
            var count = ctx.HouseholdsPerTownship == HouseholdsPerTownship ? HouseholdsPerTownship + r.Next(-150, 151) : ctx.HouseholdsPerTownship;
            for (var i = 0; i < count; i++)
                history.Household(batch, places[r.Next(places.Count)], schemeOf[township.Code[..6]], staff);
            generating.Stop();
            await using var tx = sqlite ? await connection.BeginTransactionAsync() : null;
            written += await w.WriteAsync(connection, tx, batch);
            if (tx is not null) await tx.CommitAsync();
        }
        var rebuild = System.Diagnostics.Stopwatch.StartNew();
        foreach (var sql in indexes) await Exec(connection, sql);
        Console.WriteLine($"    (rows written in {load.Elapsed.TotalSeconds:0.0} s, of which generating and sealing {generating.Elapsed.TotalSeconds:0.0} s; {indexes.Count} indexes rebuilt in {rebuild.Elapsed.TotalSeconds:0.0} s)");
        await db.Database.CloseConnectionAsync();
        return written;
    }

    internal static async Task Exec(DbConnection connection, string sql)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.CommandTimeout = 0;
        await cmd.ExecuteNonQueryAsync();
    }

    /// <summary>Drops the secondary indexes of <see cref="Tables"/> and returns the statements that re-create them.</summary>
    internal static async Task<List<string>> DropIndexesAsync(DbConnection connection, bool sqlite, IEnumerable<string> tables)
    {
        var list = new List<(string Name, string Sql)>();
        await using (var cmd = connection.CreateCommand())
        {
            var names = string.Join(", ", tables.Select(t => $"'{t}'"));
            cmd.CommandText = sqlite
                ? $"SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ({names})"
                : $"SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() AND tablename IN ({names}) AND indexname NOT IN (SELECT conname FROM pg_constraint)";
            await using var reader = await cmd.ExecuteReaderAsync();
            while (await reader.ReadAsync()) list.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in list) await Exec(connection, $"DROP INDEX \"{name}\"");
        return list.Select(i => i.Sql).ToList();
    }

    public sealed record Worker(Guid Id, string Name);

    /// <summary>The rows of one township, written together.</summary>
    public sealed class Batch
    {
        public List<Household> Households { get; } = [];
        public List<Resident> Residents { get; } = [];
        public List<ResidentTag> Tags { get; } = [];
        public List<Consent> Consents { get; } = [];
        public List<CardAssignment> Cards { get; } = [];
        public List<Visit> Visits { get; } = [];
        public List<VisitParticipant> Participants { get; } = [];
        public List<ServiceRecord> Services { get; } = [];
        public List<ServiceBeneficiary> Beneficiaries { get; } = [];
    }

    sealed class Writers(Wushe.Data.AppDb db)
    {
        readonly BulkTable<Household> households = new(db);
        readonly BulkTable<Resident> residents = new(db);
        readonly BulkTable<ResidentTag> tags = new(db);
        readonly BulkTable<Consent> consents = new(db);
        readonly BulkTable<CardAssignment> cards = new(db);
        readonly BulkTable<Visit> visits = new(db);
        readonly BulkTable<VisitParticipant> participants = new(db);
        readonly BulkTable<ServiceRecord> services = new(db);
        readonly BulkTable<ServiceBeneficiary> beneficiaries = new(db);

        public async Task<int> WriteAsync(DbConnection c, DbTransaction? tx, Batch b) =>
            await households.WriteAsync(c, tx, b.Households) + await residents.WriteAsync(c, tx, b.Residents) + await tags.WriteAsync(c, tx, b.Tags)
            + await consents.WriteAsync(c, tx, b.Consents) + await cards.WriteAsync(c, tx, b.Cards) + await visits.WriteAsync(c, tx, b.Visits)
            + await participants.WriteAsync(c, tx, b.Participants) + await services.WriteAsync(c, tx, b.Services)
            + await beneficiaries.WriteAsync(c, tx, b.Beneficiaries);
    }

    /// <summary>The five colours (红橙黄蓝绿) and their visit frequencies in days.</summary>
    public static readonly List<CardColour> Colours =
    [
        new("red", "红卡", "高风险：独居失能、重大变故", 7, "#D93025"),
        new("orange", "橙卡", "重点关爱老人、困境儿童", 14, "#F29900"),
        new("yellow", "黄卡", "一般困难，需定期关注", 30, "#F6C026"),
        new("blue", "蓝卡", "基本稳定", 90, "#1A73E8"),
        new("green", "绿卡", "稳定，定期回访", 180, "#188038"),
    ];

    public static readonly (string Name, string NameEn, TargetGroupKind Kind)[] Tags =
    [
        ("独居老人", "Elderly living alone", TargetGroupKind.Elderly),
        ("空巢老人", "Empty-nest elderly", TargetGroupKind.Elderly),
        ("高龄老人", "Aged 80 and over", TargetGroupKind.Elderly),
        ("失能半失能老人", "Elderly needing care", TargetGroupKind.Elderly),
        ("留守儿童", "Left-behind child", TargetGroupKind.Child),
        ("困境儿童", "Child in difficulty", TargetGroupKind.Child),
        ("残疾人", "Person with disability", TargetGroupKind.Disabled),
        ("低保对象", "Minimum-living allowance", TargetGroupKind.Poor),
        ("特困供养人员", "Extreme-poverty support", TargetGroupKind.Poor),
        ("防返贫监测对象", "Monitored against poverty", TargetGroupKind.Poor),
    ];
}
