using Microsoft.EntityFrameworkCore;
using Wushe.Features.Areas;
using Wushe.Features.Needs;
using Wushe.Platform.Areas;

namespace Wushe.Bench.Generate;

/// <summary>
/// 需求 of the city (issue 8), about 200,000 (≈717 per township) over the communities and villages, three years deep: each with
/// the steps its status implies (<see cref="NeedStep"/>, times in order, the deadlines of <see cref="NeedTimeLimits.Defaults"/>
/// from the urgency), the handler from acceptance on, an outcome once rejected or resolved, a satisfaction rating once followed
/// up, and a match once matched (<see cref="NeedMatch"/>: a referral to an organization serving the township, resolved directly,
/// or — a third of them — a project of the township, written by <see cref="ProjectsKind"/>, which takes them from
/// <see cref="GenContext.NeedsForProjects"/>). Found on visits (40%, with the household and person), by community staff
/// (45%, half with a household) or by residents themselves (15%, a requester's name, unverified until accepted). Open needs
/// are recent; some are past their deadline on <c>--today</c> (≈ a third of those waiting for acceptance, and those whose
/// resolution took longer than the limit).
/// </summary>
sealed class NeedsKind : IRecordKind
{
    public const int PerTownship = 717;

    public string Name => "needs + steps + matches";

    static readonly (NeedCategory Category, string[] Titles)[] Topics =
    [
        (NeedCategory.ElderlyCare, ["独居老人需要助餐服务", "老人行动不便需陪同就医", "高龄老人需要定期探访", "失能老人需要上门照护"]),
        (NeedCategory.Children, ["留守儿童课后无人看护", "困境儿童需要学业辅导", "儿童心理疏导需求"]),
        (NeedCategory.Disability, ["残疾人需要辅具适配", "残疾人就业技能培训需求"]),
        (NeedCategory.Poverty, ["家庭突发困难申请临时救助", "低保家庭冬季取暖困难"]),
        (NeedCategory.Health, ["慢性病老人需要健康监测", "需要家庭医生签约服务"]),
        (NeedCategory.Housing, ["房屋漏雨需要修缮", "危房改造咨询"]),
        (NeedCategory.Employment, ["返乡人员求职需求", "妇女灵活就业培训需求"]),
        (NeedCategory.Legal, ["赡养纠纷需要法律咨询", "工资拖欠需要法律援助"]),
        (NeedCategory.Safety, ["楼道电线老化存在隐患", "路灯损坏夜间出行不安全"]),
        (NeedCategory.Environment, ["垃圾清运不及时", "小区排水沟堵塞"]),
        (NeedCategory.Other, ["社区活动场地需求", "其他生活困难"]),
    ];

    public async Task<int> CreateAsync(GenContext ctx)
    {
        var r = ctx.RandomFor(Name);
        var db = ctx.Db;
        var (low, high) = AreaCode.Range(ctx.Scale.RootCode);
        var communities = (await db.Areas.IgnoreQueryFilters().AsNoTracking()
                .Where(a => a.Level == AreaLevel.Village && string.Compare(a.Code, low) >= 0 && string.Compare(a.Code, high) <= 0)
                .Select(a => a.Code).ToListAsync())
            .GroupBy(c => c[..9]).ToDictionary(g => g.Key, g => g.OrderBy(c => c).ToList());
        var residents = await ctx.ResidentsByTownshipAsync();
        var workers = ctx.Users.Where(u => u.UserName!.StartsWith("sw.", StringComparison.Ordinal) && AreaCode.LevelOf(u.HomeAreaCode) == AreaLevel.Township)
            .GroupBy(u => u.HomeAreaCode).ToDictionary(g => g.Key, g => g.Select(u => (u.Id, u.DisplayName)).ToList());
        var limits = NeedTimeLimits.Defaults;
        var now = ctx.Now;
        var start = ctx.Today.AddYears(-3);

        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var sqlite = connection is Microsoft.Data.Sqlite.SqliteConnection;
        var indexes = await Households.DropIndexesAsync(connection, sqlite, new[] { typeof(Need), typeof(NeedStep), typeof(NeedMatch) }.Select(t => db.Model.FindEntityType(t)!.GetTableName()!));
        var needsTable = new BulkTable<Need>(db);
        var stepsTable = new BulkTable<NeedStep>(db);
        var matchesTable = new BulkTable<NeedMatch>(db);
        var written = 0;

        foreach (var township in ctx.Townships)
        {
            var places = communities.GetValueOrDefault(township.Code[..9]);
            var staff = workers.GetValueOrDefault(township.Code);
            var people = residents.GetValueOrDefault(township.Code[..9]);
            if (places is null || staff is null) continue;
            var serving = Organizations.Serving(ctx, township.Code);
            var needs = new List<Need>();
            var steps = new List<NeedStep>();
            var matches = new List<NeedMatch>();
            var forProjects = new List<Need>();
            var sequence = new Dictionary<int, int>();
            var count = PerTownship + r.Next(-120, 121);
            for (var i = 0; i < count; i++)
            {
                var roll = r.Next(100);
                var status = roll switch
                {
                    < 5 => NeedStatus.Submitted, < 10 => NeedStatus.Accepted, < 15 => NeedStatus.Rejected, < 23 => NeedStatus.Matched, < 33 => NeedStatus.InProgress,
                    < 45 => NeedStatus.Resolved, < 60 => NeedStatus.FollowedUp, _ => NeedStatus.Closed,
                };
                var urgency = r.Next(100) switch { < 75 => NeedUrgency.Normal, < 95 => NeedUrgency.Urgent, _ => NeedUrgency.Critical };
                var open = status is NeedStatus.Submitted or NeedStatus.Accepted or NeedStatus.Matched or NeedStatus.InProgress;
                // Open needs are recent, final ones anywhere in the three years.
                var raised = open
                    ? now.AddHours(-r.Next(1, status == NeedStatus.Submitted ? (r.Next(3) == 0 ? 24 * 10 : limits.AcceptHours(urgency)) : 24 * 60))
                    : ctx.At(start.AddDays(r.Next(0, ctx.Today.DayNumber - start.DayNumber - 20)), 8).AddMinutes(r.Next(0, 600));
                // The times of the steps that follow, each after the one before; pulled back so that the last is not after now.
                var path = Path(status);
                var times = new List<DateTimeOffset> { raised };
                foreach (var s in path.Skip(1))
                {
                    var gap = s switch
                    {
                        NeedStatus.Accepted or NeedStatus.Rejected => TimeSpan.FromHours(r.Next(1, limits.AcceptHours(urgency) + 12)),
                        NeedStatus.Matched => TimeSpan.FromHours(r.Next(2, 120)),
                        NeedStatus.InProgress => TimeSpan.FromHours(r.Next(2, 168)),
                        NeedStatus.Resolved => TimeSpan.FromDays(r.Next(1, limits.ResolveDays(urgency) + 8)),
                        NeedStatus.FollowedUp => TimeSpan.FromDays(r.Next(1, 10)),
                        _ => TimeSpan.FromDays(r.Next(1, 6)),
                    };
                    times.Add(times[^1] + gap);
                }
                if (times[^1] > now)
                {
                    var back = times[^1] - now + TimeSpan.FromMinutes(r.Next(10, 600));
                    for (var k = 0; k < times.Count; k++) times[k] -= back;
                }
                raised = times[0];

                var source = r.Next(100) switch { < 40 => NeedSource.Visit, < 85 => NeedSource.CommunityStaff, _ => NeedSource.Resident };
                (Guid Id, Guid HouseholdId, string AreaCode)? person = people is { Count: > 0 } && (source == NeedSource.Visit || source == NeedSource.CommunityStaff && r.Next(2) == 0)
                    ? people[r.Next(people.Count)] : null;
                var area = person?.AreaCode ?? (r.Next(10) == 0 ? township.Code : places[r.Next(places.Count)]);
                var (category, titles) = Topics[r.Next(Topics.Length)];
                var year = ChinaYear(raised);
                sequence[year] = sequence.GetValueOrDefault(year) + 1;
                var raiser = staff[r.Next(staff.Count)];
                var need = new Need(area, $"XQ{township.Code[..9]}{year}{sequence[year]:00000}", person?.HouseholdId, person?.Id, category, urgency,
                    titles[r.Next(titles.Length)], "需求情况：" + titles[r.Next(titles.Length)] + "，请社区协助跟进。", source, null,
                    source == NeedSource.Resident ? null : raiser.Id, source == NeedSource.Resident ? "" : raiser.DisplayName, raised, raised.AddHours(limits.AcceptHours(urgency)));
                if (source == NeedSource.Resident) need.SetRequester(Names.Person(r), null);
                steps.Add(new NeedStep(need, NeedStatus.Submitted, raised, need.RaisedById, need.RaisedByName, ""));
                var handler = staff[r.Next(staff.Count)];
                for (var k = 1; k < path.Count; k++)
                {
                    var s = path[k];
                    var at = times[k];
                    string? outcome = s switch { NeedStatus.Rejected => "不属于本社区受理范围，已告知求助人向相关部门反映。", NeedStatus.Resolved => "已协调解决，服务对象表示认可。", _ => null };
                    need.MoveTo(s, at, outcome, s == NeedStatus.Accepted ? at.AddDays(limits.ResolveDays(urgency)) : null);
                    if (s == NeedStatus.Accepted) need.AssignHandler(handler.Id, handler.DisplayName);
                    if (s == NeedStatus.FollowedUp) need.Rate(r.Next(100) < 90 ? r.Next(4, 6) : r.Next(1, 4), "服务及时，态度很好。", r.Next(3) == 0 ? RatedBy.Requester : RatedBy.Worker);
                    steps.Add(new NeedStep(need, s, at, handler.Id, handler.DisplayName, outcome ?? ""));
                    if (s == NeedStatus.Matched)
                    {
                        var m = r.Next(100);
                        if (m < 33) forProjects.Add(need);
                        else if (m < 78 && serving.Count > 0)
                        {
                            var o = serving[r.Next(Math.Min(serving.Count, 12))].Organization;
                            matches.Add(new NeedMatch(need, NeedMatchKind.Organization, o.Id, o.Name, "转介至社会组织跟进服务", at, handler.Id, handler.DisplayName));
                        }
                        else matches.Add(new NeedMatch(need, NeedMatchKind.ResolvedDirectly, null, "", "社区直接协调解决", at, handler.Id, handler.DisplayName));
                    }
                }
                needs.Add(need);
            }
            ctx.NeedsForProjects[township.Code] = forProjects;
            await using var tx = sqlite ? await connection.BeginTransactionAsync() : null;
            written += await needsTable.WriteAsync(connection, tx, needs) + await stepsTable.WriteAsync(connection, tx, steps) + await matchesTable.WriteAsync(connection, tx, matches);
            if (tx is not null) await tx.CommitAsync();
        }
        foreach (var sql in indexes) await Households.Exec(connection, sql);
        await db.Database.CloseConnectionAsync();
        return written;
    }

    static int ChinaYear(DateTimeOffset at) => at.ToOffset(TimeSpan.FromHours(8)).Year;

    /// <summary>The statuses a need passed through to reach <paramref name="status"/>, in order (the life cycle).</summary>
    static List<NeedStatus> Path(NeedStatus status)
    {
        if (status == NeedStatus.Rejected) return [NeedStatus.Submitted, NeedStatus.Rejected];
        NeedStatus[] line = [NeedStatus.Submitted, NeedStatus.Accepted, NeedStatus.Matched, NeedStatus.InProgress, NeedStatus.Resolved, NeedStatus.FollowedUp, NeedStatus.Closed];
        return [.. line.Take(Array.IndexOf(line, status) + 1)];
    }
}
