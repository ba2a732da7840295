using Microsoft.EntityFrameworkCore;
using Wushe.Features.Households;
using Wushe.Features.Projects;
using Wushe.Platform.Areas;

namespace Wushe.Bench.Generate;

/// <summary>
/// 项目服务记录 of the city (issue 8), about 1,000,000 over the projects that delivered (in progress, completed, terminated), ≈220
/// each but skewed (a log-normal weight per project: a few have thousands): each a <see cref="ProjectActivity"/> of one of its
/// indicators' kinds, on a day within the project's period and not after <c>--today</c> (nor after a termination), with 党工/社工/志工
/// counts, and its <see cref="ServiceRecord"/> (source Project, SourceId = the project, filed at the project's area, as
/// <see cref="RecordProjectActivity"/> files it) whose beneficiaries are 0–30 registered residents of the project's area: one or two
/// of the project's clients for a visit, care or a case service; 5–15 for a group; 0–30 and a head count (20–300) for an open
/// community activity or training. The service roll-ups of these records are computed at the end of <c>generate</c> by the app's
/// own rebuild (<see cref="ServiceTallies.RebuildAsync"/>).
/// </summary>
sealed class ProjectActivities : IRecordKind
{
    public const int Total = 1_000_000;

    public string Name => "project activities + service records";

    static readonly Dictionary<ServiceKind, (string[] Titles, string Place)> Texts = new()
    {
        [ServiceKind.HomeVisit] = (["入户探访", "家庭探访", "节日慰问探访"], "服务对象家中"),
        [ServiceKind.LifeCare] = (["助洁服务", "代购送餐", "助浴服务"], "服务对象家中"),
        [ServiceKind.MedicalCare] = (["上门健康检查", "康复护理"], "服务对象家中"),
        [ServiceKind.CaseService] = (["个案跟进", "个案评估"], "服务对象家中"),
        [ServiceKind.GroupService] = (["互助小组活动", "成长小组活动", "兴趣小组活动"], "社区活动室"),
        [ServiceKind.CommunityActivity] = (["重阳节文艺汇演", "健康知识讲座", "邻里手工坊", "居民议事会"], "社区广场"),
        [ServiceKind.Training] = (["骨干赋能培训", "技能培训"], "社区会议室"),
        [ServiceKind.Counselling] = (["心理疏导", "情绪支持"], "社工站"),
        [ServiceKind.LegalAid] = (["法律咨询", "法律援助"], "社工站"),
    };

    public async Task<int> CreateAsync(GenContext ctx)
    {
        var r = ctx.RandomFor(Name);
        var db = ctx.Db;
        var residents = await ctx.ResidentsByTownshipAsync();
        var delivering = ctx.Projects;
        if (delivering.Count == 0) return 0;
        // Skewed shares: a log-normal weight per project, scaled to the total.
        var weights = delivering.Select(_ => Math.Exp(0.8 * Gaussian(r))).ToArray();
        var sum = weights.Sum();
        // ~1,000,000 for the city's 279 townships; proportionally fewer at the smaller scales.
        var total = (long)Total * ctx.Townships.Count() / 279;

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var sqlite = connection is Microsoft.Data.Sqlite.SqliteConnection;
        if (sqlite) await Households.Exec(connection, "PRAGMA cache_size=-524288;");
        var indexes = await Households.DropIndexesAsync(connection, sqlite,
            new[] { typeof(ProjectActivity), typeof(ServiceRecord), typeof(ServiceBeneficiary) }.Select(t => db.Model.FindEntityType(t)!.GetTableName()!));
        var activitiesTable = new BulkTable<ProjectActivity>(db);
        var recordsTable = new BulkTable<ServiceRecord>(db);
        var beneficiariesTable = new BulkTable<ServiceBeneficiary>(db);
        var activities = new List<ProjectActivity>();
        var records = new List<ServiceRecord>();
        var beneficiaries = new List<ServiceBeneficiary>();
        var written = 0;

        async Task Flush()
        {
            await using var tx = sqlite ? await connection.BeginTransactionAsync() : null;
            written += await activitiesTable.WriteAsync(connection, tx, activities) + await recordsTable.WriteAsync(connection, tx, records)
                + await beneficiariesTable.WriteAsync(connection, tx, beneficiaries);
            if (tx is not null) await tx.CommitAsync();
            activities.Clear();
            records.Clear();
            beneficiaries.Clear();
        }

        for (var pi = 0; pi < delivering.Count; pi++)
        {
            var (p, indicators, recorderId, recorderName) = delivering[pi];
            var first = p.StartOn;
            var last = ctx.ProjectLastDay[p.Id];
            if (last < first) continue;
            var count = (int)Math.Round(total * weights[pi] / sum);
            var kinds = indicators.Where(i => i.Measure != IndicatorMeasure.Beneficiaries).SelectMany(i => ProjectIndicator.Kinds(i.KindMask)).Distinct().ToList();
            if (kinds.Count == 0) kinds = [ServiceKind.CommunityActivity];
            // Residents of the project's area (prefix rule of RecordProjectActivity): the clients served one to one, and the wider pool of events.
            var prefix = AreaCode.Prefix(p.AreaCode);
            var area = AreaCode.LevelOf(p.AreaCode) == AreaLevel.County
                ? residents.Where(x => x.Key.StartsWith(prefix, StringComparison.Ordinal)).SelectMany(x => x.Value).ToList()
                : (residents.GetValueOrDefault(p.AreaCode[..9]) ?? []).Where(x => x.AreaCode.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            var clients = area.Count == 0 ? [] : Enumerable.Range(0, Math.Min(area.Count, r.Next(20, 120))).Select(_ => area[r.Next(area.Count)].Id).Distinct().ToList();
            var pool = area.Count == 0 ? [] : Enumerable.Range(0, Math.Min(area.Count, r.Next(150, 600))).Select(_ => area[r.Next(area.Count)].Id).Distinct().ToList();
            var span = last.DayNumber - first.DayNumber + 1;
            for (var i = 0; i < count; i++)
            {
                var kind = kinds[r.Next(kinds.Count)];
                var on = first.AddDays(r.Next(span));
                var (titles, place) = Texts.GetValueOrDefault(kind, (["服务活动"], "社区"));
                var title = titles[r.Next(titles.Length)];
                List<Guid> people;
                var heads = 0;
                switch (kind)
                {
                    case ServiceKind.GroupService:
                        people = Pick(r, pool, r.Next(5, 16));
                        break;
                    case ServiceKind.CommunityActivity or ServiceKind.Training:
                        people = Pick(r, pool, r.Next(0, 31));
                        if (r.Next(10) < 7 || people.Count == 0) heads = r.Next(20, 301);
                        break;
                    default:
                        people = Pick(r, clients, r.Next(5) == 0 ? 2 : 1);
                        if (people.Count == 0) heads = 1;
                        break;
                }
                var (party, social, volunteers) = kind is ServiceKind.CommunityActivity or ServiceKind.Training
                    ? (r.Next(0, 3), r.Next(1, 4), r.Next(2, 12)) : kind == ServiceKind.GroupService ? (r.Next(0, 2), r.Next(1, 3), r.Next(0, 4)) : (r.Next(4) == 0 ? 1 : 0, 1, r.Next(2));
                var record = new ServiceRecord(p.AreaCode, kind, on, ServiceSource.Project, p.Id, recorderName, $"{p.ProjectNo} {title}", people.Count);
                records.Add(record);
                foreach (var id in people) beneficiaries.Add(new ServiceBeneficiary(record, id));
                activities.Add(new ProjectActivity(p, kind, on, title, place, party, social, volunteers, "", people.Count, heads, "", record.Id, recorderId, recorderName,
                    ctx.At(on, 18)));
            }
            if (activities.Count >= 20_000) await Flush();
        }
        await Flush();
        var rebuild = System.Diagnostics.Stopwatch.StartNew();
        foreach (var sql in indexes) await Households.Exec(connection, sql);
        Console.WriteLine($"    ({indexes.Count} indexes rebuilt in {rebuild.Elapsed.TotalSeconds:0.0} s)");
        await db.Database.CloseConnectionAsync();
        return written;
    }

    static List<Guid> Pick(Random r, List<Guid> from, int n)
    {
        if (from.Count == 0 || n == 0) return [];
        var set = new HashSet<Guid>();
        for (var i = 0; i < n * 2 && set.Count < n; i++) set.Add(from[r.Next(from.Count)]);
        return [.. set];
    }

    static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
}
