using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Charity;
using Wushe.Features.Organizations;
using Wushe.Platform;
using Wushe.Platform.Access;

namespace Wushe.Features.Demo;

/// <summary>
/// Demo community charity funds (issue 10): in each seed place's first community a fund hosted by the place's foundation (registered here
/// when the organization demo has none), with a committee of five voting members and a supervisor — the place's committee account among
/// them — and donations of enterprises, units and residents recorded through <see cref="RecordDonation"/>, as the Huaibei report's
/// street station linked ¥16,000 in a year. Runs once: nothing happens when any fund exists.
/// </summary>
public static class CharityDemo
{
    static readonly (string Community, string FoundationArea, string Foundation, string Committee, string Donor)[] Places =
    [
        ("520502001001", "520500000000", "毕节市慈善基金会", "shixi.jj", "bijie.jz"),
        ("340603001001", "340600000000", "淮北市慈善基金会", "xiangnan.jj", "donor"),
        ("150207001001", "150207000000", "九原区慈善基金会", "shahe.jj", "jiuyuan.jz"),
        ("370502001001", "370502000000", "东营区慈善基金会", "wenhui.jj", "dongying.jz"),
    ];

    static readonly (string Name, string Affiliation, CommitteeRole Role)[] Committee =
    [
        ("刘桂芳", "社区党委书记", CommitteeRole.Chair),
        ("陈建国", "社区居委会委员", CommitteeRole.Member),
        ("张晓燕", "驻社区社工", CommitteeRole.Member),
        ("王德明", "爱心企业代表", CommitteeRole.Member),
        ("", "居民代表", CommitteeRole.Member),
        ("赵秀兰", "退休教师、居民监督员", CommitteeRole.Supervisor),
    ];

    static readonly (DonorKind Kind, string Name, bool Anonymous, DonationChannel Channel, decimal Yuan, string Items, int DaysAgo, bool Linked)[] Gifts =
    [
        (DonorKind.Enterprise, "恒信商贸有限公司", false, DonationChannel.BankTransfer, 5000m, "", 280, false),
        (DonorKind.Organization, "区第一中学教职工", false, DonationChannel.WeChat, 1260.5m, "", 240, false),
        (DonorKind.Individual, "居民捐赠", true, DonationChannel.Cash, 386m, "", 200, false),
        (DonorKind.Enterprise, "鑫源超市", false, DonationChannel.InKind, 2400m, "大米 40 袋（每袋 10 公斤）、食用油 40 桶", 150, false),
        (DonorKind.Individual, "", false, DonationChannel.Alipay, 2000m, "", 90, true),
        (DonorKind.Enterprise, "恒信商贸有限公司", false, DonationChannel.BankTransfer, 5000m, "", 5, false),
    ];

    public static async Task SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<ActorOverride>().Actor = CurrentUser.System;
        var db = sp.GetRequiredService<AppDb>();
        if (await db.Set<CommunityFund>().IgnoreQueryFilters().AnyAsync()) return;
        var clock = sp.GetRequiredService<TimeProvider>();
        var today = ChinaTime.Today(clock);
        foreach (var p in Places)
        {
            if (!await db.Areas.AnyAsync(a => a.Code == p.Community)) continue;
            var foundation = await db.Set<Organization>().IgnoreQueryFilters()
                .Where(o => o.Kind == OrganizationKind.Foundation && o.Status == OrganizationStatus.Registered && o.AreaCode == p.FoundationArea).Select(o => (Guid?)o.Id).FirstOrDefaultAsync();
            if (foundation is null)
            {
                var o = new Organization(p.FoundationArea, p.Foundation, OrganizationKind.Foundation, OrganizationStatus.Registered, clock.GetUtcNow().AddYears(-6));
                db.Add(o);
                await db.SaveChangesAsync();
                foundation = o.Id;
            }
            var fund = await SetUpFund.Handle(db, CurrentUser.System, clock, null,
                new(p.Community, foundation, "资助社区微公益创投项目、困境老人和儿童帮扶、微心愿圆梦，由基金管委会集体决策、定期公示。", today.AddYears(-1).AddDays(-20)));
            if (!fund.IsOk) throw new InvalidOperationException($"Demo fund of {p.Community}: {fund.Failure!.Title}");
            var id = fund.Value!.Id;
            var committeeName = await db.Users.Where(u => u.UserName == p.Committee).Select(u => u.DisplayName).FirstOrDefaultAsync();
            foreach (var m in Committee)
            {
                var linked = m.Name.Length == 0;
                var name = linked ? (committeeName ?? "居民代表").Split(' ').Last().Replace("委员", "") + "委员" : m.Name;
                var added = await SaveCommitteeMember.Handle(db, clock, id,
                    new(name, m.Affiliation, m.Role, linked && committeeName is not null ? p.Committee : null, today.AddYears(-1).AddDays(-20), today.AddYears(2)));
                if (!added.IsOk) throw new InvalidOperationException($"Demo committee of {p.Community}: {added.Failure!.Title}");
            }
            var donorName = await db.Users.Where(u => u.UserName == p.Donor).Select(u => u.DisplayName).FirstOrDefaultAsync();
            var project = await CharityRules.ProjectsFor(db, p.Community).OrderBy(x => x.CreatedAt).Select(x => new { x.Id, x.Title, x.OrganizationName }).FirstOrDefaultAsync();
            var voters = await db.Set<FundCommitteeMember>().Where(m => m.FundId == id && m.UserId == null && m.Role != CommitteeRole.Supervisor).OrderBy(m => m.Role).ToListAsync();
            var asks = Asks(project?.Id, project?.Title, project?.OrganizationName);
            var recorder = await StationWorkerAsync(db, p.Community);
            // Two campaigns of the place: 中华慈善日 around the gift of 90 days ago, and the year-end one under way now.
            var charityDay = today.AddDays(-90);
            var campaigns = new Dictionary<int, Guid>();
            foreach (var (daysAgo, name, from, to, target) in new[]
            {
                (90, $"{charityDay.Year}年“中华慈善日”社区募捐", charityDay.AddDays(-10), charityDay.AddDays(20), 10000m),
                (5, $"{today.Year}年岁末“暖冬行动”慈善募捐", today.AddDays(-20), today.AddDays(28), 20000m),
            })
            {
                var made = await Charity.Campaigns.SaveCampaign.Handle(db, recorder, clock, null, new(p.Community, name,
                    "动员辖区企业、单位和居民捐赠，所得善款进入社区慈善基金，用于困境老人、儿童帮扶和社区微公益创投项目，使用情况按季度公示。", from, to, target, [id]));
                if (!made.IsOk) throw new InvalidOperationException($"Demo campaign of {p.Community}: {made.Failure!.Title}");
                campaigns[daysAgo] = made.Value!.Id;
            }
            // One timeline, oldest first, so the ledger's numbers follow the days its entries tell of.
            foreach (var daysAgo in Gifts.Select(g => g.DaysAgo).Concat(asks.Select(x => x.DaysAgo)).Distinct().OrderDescending())
            {
                var day = new DemoClock(new DateTimeOffset(today.AddDays(-daysAgo).ToDateTime(new TimeOnly(10, 0)), ChinaTime.Offset).ToUniversalTime());
                foreach (var g in Gifts.Where(g => g.DaysAgo == daysAgo))
                {
                    var linked = g.Linked && donorName is not null;
                    var gave = await RecordDonation.Handle(db, recorder, day, id,
                        new(g.Kind, linked ? donorName!.Split(' ').Last() : g.Name.Length > 0 ? g.Name : "爱心人士", g.Anonymous, linked ? p.Donor : null, g.Channel, g.Yuan,
                            g.Items.Length > 0 ? g.Items : null, today.AddDays(-g.DaysAgo), null, campaigns.TryGetValue(g.DaysAgo, out var campaign) ? campaign : null));
                    if (!gave.IsOk) throw new InvalidOperationException($"Demo donation of {p.Community}: {gave.Failure!.Title}");
                }
                foreach (var x in asks.Where(x => x.DaysAgo == daysAgo)) await DisburseAsync(db, day.GetUtcNow(), id, voters, x);
            }
            await WishesAsync(sp, db, clock, p.Community, p.Donor);
        }
    }

    /// <summary>
    /// Micro-wishes of up to four of the community's children, collected and published through the use cases; the last one claimed by
    /// the place's donor, delivered and confirmed with a thank-you note, the others open on the wall.
    /// </summary>
    static async Task WishesAsync(IServiceProvider sp, AppDb db, TimeProvider clock, string community, string donorLogin)
    {
        var born = ChinaTime.Today(clock).AddYears(-16);
        var children = await db.Set<Households.Resident>().Where(r => r.AreaCode == community && r.Status == Households.ResidentStatus.Active && r.BirthDate > born)
            .OrderBy(r => r.BirthDate).Select(r => r.Id).Take(4).ToListAsync();
        var options = sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<Charity.Wishes.WishOptions>>();
        (string Alias, string Item, string Story, decimal Yuan)[] wishes =
        [
            ("小雨", "一套绘本", "喜欢听故事，想要一套属于自己的绘本。", 120m),
            ("乐乐", "一个新书包", "旧书包背带断了，想要一个能装下课本的新书包。", 89m),
            ("朵朵", "一双运动鞋", "参加了学校跳绳队，想要一双合脚的运动鞋。", 150m),
            ("阳阳", "一盏护眼台灯", "晚上写作业光线暗，想要一盏护眼台灯。", 99m),
        ];
        Guid? last = null;
        var lastItem = "";
        // The township station's worker collects them, as on a visit.
        var collector = await StationWorkerAsync(db, community);
        for (var i = 0; i < children.Count; i++)
        {
            var w = wishes[i];
            lastItem = w.Item;
            var made = await Charity.Wishes.CollectWish.Handle(db, collector, new DemoClock(clock.GetUtcNow().AddDays(-20 + i)), options,
                new(children[i], w.Alias, w.Item, w.Story, w.Yuan, "街道社工站 社区社工 0857-8221234"));
            if (!made.IsOk) throw new InvalidOperationException($"Demo wish of {community}: {made.Failure!.Title}");
            await Charity.Wishes.VerifyWish.Handle(db, new DemoClock(clock.GetUtcNow().AddDays(-18 + i)), made.Value!.Id, new(true, w.Alias, w.Item, w.Story, null));
            last = made.Value.Id;
        }
        var donor = await db.Users.Where(u => u.UserName == donorLogin).Select(u => (Guid?)u.Id).FirstOrDefaultAsync();
        if (last is not { } wishId || donor is null) return;
        // The place's donor claimed the last one, contacted the community, delivered it; the station confirmed and thanked.
        var claimer = new CurrentUser(donor, donorLogin, [new Assignment(Role.Donor, community, "", null)], null);
        var claim = await Charity.Wishes.ClaimWish.Handle(db, claimer, new DemoClock(clock.GetUtcNow().AddDays(-10)), options, wishId);
        if (!claim.IsOk) return;
        await Charity.Wishes.ConfirmContact.Handle(db, claimer, new DemoClock(clock.GetUtcNow().AddDays(-9)), claim.Value!.ClaimId);
        await Charity.Wishes.DeliverWish.Handle(db, claimer, new DemoClock(clock.GetUtcNow().AddDays(-6)), claim.Value.ClaimId, new($"已买好{lastItem}送到社区，由社工转交"));
        db.ActingAs(CurrentUser.System);
        await Charity.Wishes.ConfirmReceipt.Handle(db, new DemoClock(clock.GetUtcNow().AddDays(-5)), wishId, new("谢谢好心的叔叔阿姨，我很喜欢，我会好好学习！"));
    }

    /// <summary>
    /// Three requests: a micro-venture project (the community's first approved project when there is one) paid in full on the day of its
    /// approval, an approved one waiting for payment, and one in voting that awaits the committee account's vote — so the committee
    /// member's home shows 待我表决 1.
    /// </summary>
    static (DisbursementPurpose Purpose, Guid? ProjectId, string Title, decimal Yuan, string Payee, string Why, int DaysAgo, int Approvals, bool Paid)[] Asks(
        Guid? projectId, string? projectTitle, string? organization) =>
    [
        projectId is null
            ? (DisbursementPurpose.Other, null, "社区微公益创投项目：“幸福食堂”助餐服务", 6000m, "社区社会组织联合会",
                "为辖区 80 岁以上独居、空巢老人提供每周五天的午餐，基金补贴每餐 5 元，共 1,200 餐。", 120, 3, true)
            : (DisbursementPurpose.Project, projectId, "社区微公益创投项目：" + projectTitle, 6000m, organization is { Length: > 1 } ? organization : "项目承接社会组织",
                "项目已立项实施，按项目预算申请基金配套资金，用于活动物资和志愿者保险。", 120, 3, true),
        (DisbursementPurpose.Other, null, "困境儿童“微心愿”圆梦活动物资", 1200m, "鑫源超市", "为 20 名困境儿童购买书包、绘本等学习用品，清单经社区两委审核。", 30, 3, false),
        (DisbursementPurpose.Other, null, "重阳节独居老人慰问", 2000m, "社区居民委员会", "重阳节走访慰问辖区 40 名独居老人，每人慰问品 50 元。", 3, 2, false),
    ];

    /// <summary>
    /// A request as the committee decided it at its meeting: the votes of members without accounts written as the meeting's record,
    /// approval reserving the amount, and the payment (when paid) through the ledger — the same entries the use cases post.
    /// </summary>
    /// <summary>The first station worker of <paramref name="community"/>'s township, who records and collects there (the system without one).</summary>
    static async Task<CurrentUser> StationWorkerAsync(AppDb db, string community)
    {
        var township = community[..9] + "000";
        var worker = await (from a in db.RoleAssignments join u in db.Users on a.UserId equals u.Id
                            where a.Role == Role.StationWorker && a.AreaCode == township orderby u.UserName select new { u.Id, u.UserName }).FirstOrDefaultAsync();
        return worker is null ? CurrentUser.System : new CurrentUser(worker.Id, worker.UserName, [new Assignment(Role.StationWorker, township, "", null)], null);
    }

    static async Task DisburseAsync(AppDb db, DateTimeOffset at, Guid fundId, List<FundCommitteeMember> voters,
        (DisbursementPurpose Purpose, Guid? ProjectId, string Title, decimal Yuan, string Payee, string Why, int DaysAgo, int Approvals, bool Paid) a)
    {
        const string worker = "社工站专职社工";
        var fund = (await FundLedger.LockAsync(db, fundId, default))!;
        var request = new DisbursementRequest(fund, fund.NextRequestNo(), a.Purpose, a.ProjectId, null, null, a.Title, Money.Fen(a.Yuan), a.Payee, a.Why, null, worker, at);
        db.Add(request);
        foreach (var m in voters.Take(a.Approvals)) db.Add(new DisbursementVote(request, m, true, "同意（管委会会议表决）", at.AddHours(2)));
        if (a.Approvals >= 3)
        {
            request.Decide(true, at.AddHours(2));
            FundLedger.Post(db, fund, FundEntryKind.Reservation, 0, request.AmountFen, at.AddHours(2), $"批准预留 {request.RequestNo}：{request.Title}", voters[0].Name);
        }
        await db.SaveChangesAsync();
        if (!a.Paid) return;
        // Paid within the day here, so the ledger's numbers stay in the order of the days.
        db.Add(new DisbursementPayment(request, request.AmountFen, DateOnly.FromDateTime(at.ToOffset(ChinaTime.Offset).Date), "银行转账", $"PZ{at.ToOffset(ChinaTime.Offset):yyyyMMdd}01", worker, at.AddHours(4)));
        request.Pay(request.AmountFen);
        FundLedger.Post(db, fund, FundEntryKind.Payment, -request.AmountFen, -request.AmountFen, at.AddHours(4), $"支付 {request.RequestNo}：{request.Title}", worker);
        await db.SaveChangesAsync();
    }
}
