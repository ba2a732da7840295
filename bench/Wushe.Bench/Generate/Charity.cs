using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Accounts;
using Wushe.Features.Areas;
using Wushe.Features.Charity;
using Wushe.Features.Charity.Campaigns;
using Wushe.Features.Charity.Wishes;
using Wushe.Features.Organizations;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;

namespace Wushe.Bench.Generate;

/// <summary>
/// 慈善资源 at city scale (issue 10): a 慈善会 (a registered foundation) per county beside the city's foundations; a
/// <see cref="CommunityFund"/> for every community and village of the scale and for 40% of the townships (≈3,700 in the city), numbered
/// CF + area + 01, hosted by the county's 慈善会 (80%) or a registered city foundation, established over five years before
/// <c>--today</c>; a committee of five each (chair, three members, a supervisor); campaigns of each county (中华慈善日 in September, 春节送温暖
/// in January, and 冬季送温暖 running on <c>--today</c>) linked to the county's funds; <see cref="DonationCount"/> (500,000) donations over three
/// years to <c>--today</c>, funds weighted log-normally (a few funds take thousands), 80% individuals (15% anonymous, 3% with a donor
/// account), 12% enterprises, 8% organizations or units, 10–25% in kind with an item list, 70% of those within a campaign of their
/// fund tagged with it, 0.3% reversed with their reversal entries; <see cref="RequestCount"/> (≈50,000) disbursement requests with the
/// votes of the committee (approved at three yes of four, rejected at two no), a reservation on approval and one or two payments
/// (recent ones still voting or approved); and <see cref="WishCount"/> (30,000) micro-wishes in every status, of the residents of the
/// households kind (none without it), with their claims (lapsed and given-up ones in the history of some) — a tenth funded by a request
/// of their community's fund. The ledger is made by the app's own <see cref="CommunityFund"/> methods, event by event in time order per
/// fund (donations, reversals, decisions, payments), so every roll-up, sequence and balance-after is what <see cref="FundLedger"/> would
/// have written: <see cref="CheckFundLedgers"/> finds it clean. Bulk-written (<see cref="BulkTable{T}"/>) with the big tables' secondary
/// indexes dropped during the load and rebuilt after it.
/// </summary>
sealed class CharityKind : IRecordKind
{
    public const int DonationCount = 500_000;
    public const int RequestCount = 50_000;
    public const int WishCount = 30_000;
    public const int DonorAccounts = 300;

    static readonly Type[] Tables = [typeof(Donation), typeof(FundEntry), typeof(DisbursementRequest), typeof(DisbursementVote), typeof(DisbursementPayment), typeof(Wish), typeof(WishClaim)];

    public string Name => "charity: funds + donations + disbursements + wishes";

    static readonly string[] Firms = ["商贸有限公司", "建筑工程有限公司", "农业开发有限公司", "食品有限公司", "医药连锁有限公司", "电力有限责任公司", "煤业有限公司", "房地产开发有限公司", "茶业有限公司", "物流有限公司"];
    static readonly string[] Units = ["第一中学", "实验小学", "人民医院", "供电局", "农村商业银行", "爱心协会", "青年志愿者协会", "退役军人服务站", "工商联", "妇联"];
    static readonly string[] Goods = ["大米 50 袋、食用油 30 桶", "冬衣 120 件、棉被 40 床", "书包 80 个、文具 80 套", "轮椅 5 台、助行器 10 个", "牛奶 60 箱", "取暖器 30 台", "图书 500 册"];
    static readonly string[] Uses = ["重阳节慰问高龄老人", "困境儿童助学金", "独居老人助餐补贴", "留守儿童暑期托管", "残疾人康复辅具", "社区应急救助", "冬季取暖物资", "大病救助", "邻里中心设施维修", "春节慰问困难家庭"];
    static readonly string[] WishItems = ["一套绘本", "一个新书包", "一双运动鞋", "一件羽绒服", "一台学习机", "一套画笔", "一个篮球", "一本字典", "一床新棉被", "一副助听器"];
    static readonly string[] Aliases = ["小雨", "小明", "小花", "小军", "小芳", "小宇", "小琳", "小杰", "小梅", "小兰", "小涛", "小欣"];

    sealed class FundPlan
    {
        public required CommunityFund Fund;
        public required DateOnly From;
        public required double Weight;
        public int Donations;
        public int Requests;
        public List<FundCommitteeMember> Members = [];
        public List<Campaign> Campaigns = [];
        public (Guid? Id, string Name) Recorder;
        public Queue<Wish> Wishes = new();
    }

    public async Task<int> CreateAsync(GenContext ctx)
    {
        var r = ctx.RandomFor(Name);
        var db = ctx.Db;
        var today = ctx.Today;
        var now = ctx.Now;
        var f = ctx.Townships.Count() / 279.0;
        var (low, high) = AreaCode.Range(ctx.Scale.RootCode);
        var villages = await db.Areas.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.Level == AreaLevel.Village && string.Compare(a.Code, low) >= 0 && string.Compare(a.Code, high) <= 0)
            .OrderBy(a => a.Code).Select(a => new { a.Code, a.Name }).ToListAsync();
        var workers = ctx.Users.Where(u => u.UserName!.StartsWith("sw.", StringComparison.Ordinal) && AreaCode.LevelOf(u.HomeAreaCode) == AreaLevel.Township)
            .GroupBy(u => u.HomeAreaCode).ToDictionary(g => g.Key, g => g.OrderBy(u => u.UserName).Select(u => ((Guid?)u.Id, u.DisplayName)).First());
        var written = 0;

        // 1. Hosts: a 慈善会 per county (a registered foundation), and the registered foundations already on the register (the city's).
        var counties = ctx.Places.Where(p => p.Level == AreaLevel.County).ToList();
        var serial = 0;
        var charities = new Dictionary<string, Organization>(StringComparer.Ordinal);
        foreach (var c in counties)
        {
            var name = Names.Short(c.Name) + "慈善会";
            var o = new Organization(c.Code, name, OrganizationKind.Foundation, OrganizationStatus.Registered, ctx.At(today.AddYears(-8)));
            string code;
            do
            {
                var body = $"53{c.Code[..6]}{9_000_000 + ++serial:0000000}{"MJXYQNKLP"[r.Next(9)]}{"0123456789ABCDEFGHJKLMNPQRTUWXY"[r.Next(31)]}";
                code = body + CreditCode.CheckChar(body);
            } while (!CreditCode.IsValid(code));
            o.Edit(name, code, OrganizationKind.Foundation, null, $"{Names.Short(c.Name)}民政局", today.AddYears(-8), Names.Person(r), Names.Person(r), $"{Names.Place(r)}路{r.Next(1, 300)}号",
                Organization.AllFocusAreas[0]);
            charities[c.Code[..6]] = o;
        }
        written += await ctx.InsertAsync(charities.Values.ToList());
        var cityCode = ctx.Scale.RootCode[..4] + "00000000";
        var cityFoundations = await db.Set<Organization>().IgnoreQueryFilters().AsNoTracking()
            .Where(o => o.Kind == OrganizationKind.Foundation && o.Status == OrganizationStatus.Registered && o.AreaCode == cityCode)
            .Select(o => new { o.Id, o.Name }).ToListAsync();

        // 2. Funds: every community and village, and 40% of the townships, each with a committee of five.
        var plans = new List<FundPlan>();
        var places = villages.Select(v => (v.Code, v.Name))
            .Concat(ctx.Townships.Where(_ => r.Next(10) < 4).Select(t => (t.Code, t.Name))).OrderBy(p => p.Item1, StringComparer.Ordinal).ToList();
        string[] affiliations = ["社区党委书记", "爱心企业代表", "居民代表", "社会组织代表", "驻社区单位代表"];
        foreach (var (code, placeName) in places)
        {
            var county = code[..6];
            if (!charities.TryGetValue(county, out var charity)) continue;
            var (hostId, hostName) = (charity.Id, charity.Name);
            if (cityFoundations.Count > 0 && r.Next(5) == 0) { var h = cityFoundations[r.Next(cityFoundations.Count)]; (hostId, hostName) = (h.Id, h.Name); }
            var established = today.AddDays(-r.Next(200, 5 * 365));
            var name = CommunityFund.NameFor(hostName, placeName);
            if (name.Length > CharityRules.NameMax) name = name[..CharityRules.NameMax];
            var township = code[..9] + "000";
            var recorder = workers.TryGetValue(township, out var w) ? w : ((Guid?)null, "站点管理员");
            var fund = new CommunityFund(code, $"CF{code}01", name, hostId, hostName, $"用于{Names.Short(placeName)}困难群众救助、一老一小关爱和社区公益项目", established, recorder.Item2,
                ctx.At(established, 9));
            var plan = new FundPlan
            {
                Fund = fund, From = established > today.AddYears(-3) ? established : today.AddYears(-3), Weight = Math.Exp(1.0 * Gaussian(r)), Recorder = recorder,
            };
            for (var i = 0; i < 5; i++)
                plan.Members.Add(new FundCommitteeMember(fund, Names.Person(r), affiliations[i], i == 0 ? CommitteeRole.Chair : i == 4 ? CommitteeRole.Supervisor : CommitteeRole.Member,
                    null, established, today.AddYears(2)));
            plans.Add(plan);
        }
        // Donations and requests per fund: by weight (and by how long it has been taking donations).
        var totalWeight = plans.Sum(p => p.Weight * (today.DayNumber - p.From.DayNumber + 1));
        var donationCount = (int)Math.Round(DonationCount * f);
        var requestCount = (int)Math.Round(RequestCount * f);
        foreach (var p in plans)
        {
            var share = p.Weight * (today.DayNumber - p.From.DayNumber + 1) / totalWeight;
            p.Donations = Math.Max(3, (int)Math.Round(donationCount * share));
            p.Requests = (int)Math.Round(requestCount * share + r.NextDouble() - 0.5);
        }

        // 3. Campaigns of each county (and linked to all of its funds).
        var campaigns = new List<Campaign>();
        var campaignFunds = new List<CampaignFund>();
        foreach (var c in counties)
        {
            var county = c.Code[..6];
            var funds = plans.Where(p => p.Fund.AreaCode.StartsWith(county, StringComparison.Ordinal)).ToList();
            if (funds.Count == 0) continue;
            var periods = new List<(string Name, DateOnly From, DateOnly To)>();
            for (var y = today.Year - 2; y <= today.Year; y++)
            {
                periods.Add(($"{y}年春节送温暖", new DateOnly(y, 1, 10), new DateOnly(y, 2, 10)));
                periods.Add(($"{y}年“中华慈善日”募捐", new DateOnly(y, 9, 1), new DateOnly(y, 9, 15)));
            }
            periods.Add(($"{today.Year}年冬季送温暖", new DateOnly(today.Year, 12, 1), new DateOnly(today.Year + 1, 1, 31)));
            foreach (var (name, from, to) in periods.Where(x => x.From <= today && x.To >= today.AddYears(-3)))
            {
                var campaign = new Campaign(c.Code, $"{Names.Short(c.Name)}{name}", $"{name}：为全{Names.Short(c.Name)}社区慈善基金募集善款", from, to, 100_000_000L * r.Next(1, 6), null,
                    $"{Names.Short(c.Name)}民政局", ctx.At(from.AddDays(-10)));
                campaigns.Add(campaign);
                foreach (var p in funds.Where(p => p.Fund.EstablishedOn <= from))
                {
                    campaignFunds.Add(new CampaignFund(campaign, p.Fund));
                    p.Campaigns.Add(campaign);
                }
            }
        }

        // 4. Donor accounts (role Donor): some individual donations carry one (我的捐赠), and they claim wishes.
        var hash = ctx.Users.FirstOrDefault(u => u.PasswordHash is not null)?.PasswordHash;
        var donors = new List<User>();
        var donorRoles = new List<RoleAssignment>();
        for (var i = 0; i < DonorAccounts; i++)
        {
            var userName = $"donor.{i + 1:0000}";
            var u = new User(userName, Names.Person(r), ctx.Scale.RootCode, ctx.At(today.AddYears(-3))) { NormalizedUserName = userName.ToUpperInvariant(), PasswordHash = hash };
            u.SetPhone(ctx.Sealer.Seal(SensitiveKind.Phone, (13500000000L + i).ToString()));
            donors.Add(u);
            donorRoles.Add(new RoleAssignment(u.Id, Role.Donor, ctx.Scale.RootCode));
        }

        // 5. Wishes of the residents (the households kind), some marked to be funded by their community's fund.
        var residents = await ctx.ResidentsByTownshipAsync();
        var residentList = residents.Values.SelectMany(x => x).ToList();
        var wishCount = residentList.Count == 0 ? 0 : (int)Math.Round(WishCount * f);
        var fundOf = plans.GroupBy(p => p.Fund.AreaCode).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var wishes = new List<Wish>(wishCount);
        var claims = new List<WishClaim>();
        var fundedWishes = new HashSet<Guid>();
        for (var i = 0; i < wishCount; i++)
        {
            var person = residentList[r.Next(residentList.Count)];
            var worker = workers.GetValueOrDefault(person.AreaCode[..9] + "000", ((Guid?)null, "站点管理员"));
            var collected = today.AddDays(-r.Next(0, 3 * 365));
            var item = WishItems[r.Next(WishItems.Length)];
            var age = r.Next(5, 15);
            var wish = new Wish(person.AreaCode, person.Id, Aliases[r.Next(Aliases.Length)], age, item, $"{age}岁，家中困难，想要{item}", 100L * r.Next(50, 800),
                $"{worker.Item2} 0857-8{r.Next(100000, 999999)}", worker.Item1, worker.Item2, ctx.At(collected, r.Next(9, 18)));
            wishes.Add(wish);
            var roll = r.Next(100);
            if (roll < 4) continue; // 待核实
            var published = collected.AddDays(r.Next(1, 8));
            if (published > today) continue;
            if (roll < 7) { wish.Reject("不符合微心愿条件（价值过高或非本人需要）"); continue; }
            wish.Publish(wish.Alias, wish.Item, wish.Story, ctx.At(published, 10));
            if (roll >= 89 && fundOf.TryGetValue(wish.AreaCode, out var byFund))
            {
                // Funded by the community's fund: the request decides its status below.
                byFund.Wishes.Enqueue(wish);
                fundedWishes.Add(wish.Id);
                continue;
            }
            var day = published.AddDays(r.Next(1, 20));
            if (day > today || roll < 25)
            {
                // On the wall; a fifth of them after a claim that lapsed.
                if (roll < 25 && r.Next(5) == 0 && day <= today.AddDays(-10))
                {
                    var first = donors[r.Next(donors.Count)];
                    var lapsed = new WishClaim(wish, first.Id, first.DisplayName, ctx.At(day, 20), TimeSpan.FromDays(7));
                    lapsed.End(ClaimStatus.Lapsed, ctx.At(day.AddDays(7), 21));
                    claims.Add(lapsed);
                    wish.Return();
                }
                continue;
            }
            var claimer = donors[r.Next(donors.Count)];
            if (r.Next(10) == 0)
            {
                var given = new WishClaim(wish, claimer.Id, claimer.DisplayName, ctx.At(day, 19), TimeSpan.FromDays(7));
                given.End(ClaimStatus.Withdrawn, ctx.At(day.AddDays(2), 9));
                claims.Add(given);
                wish.Return();
                day = day.AddDays(3);
                claimer = donors[r.Next(donors.Count)];
                if (day > today) continue;
            }
            var claim = new WishClaim(wish, claimer.Id, claimer.DisplayName, ctx.At(day, 20), TimeSpan.FromDays(7));
            claims.Add(claim);
            wish.Take(claim.Id);
            if (roll < 32) continue; // 已认领, contact not yet confirmed
            var contacted = day.AddDays(r.Next(0, 5));
            if (contacted > today) continue;
            claim.Contacted(ctx.At(contacted, 11));
            if (roll < 36) continue;
            var delivered = contacted.AddDays(r.Next(1, 10));
            if (delivered > today) continue;
            claim.Deliver($"{delivered:M月d日}送到社区，社工转交", ctx.At(delivered, 15));
            wish.Delivered();
            if (roll < 40) continue;
            var fulfilled = delivered.AddDays(r.Next(0, 4));
            if (fulfilled > today) continue;
            wish.Fulfil(ctx.At(fulfilled, 16));
            if (r.Next(3) == 0) wish.Thank("谢谢叔叔阿姨，我很喜欢！");
        }

        // 6. The ledger: per fund, every movement in time order through the fund's own Post (as FundLedger posts it).
        var donations = new List<Donation>(donationCount + 1000);
        var entries = new List<FundEntry>(donationCount + 4 * requestCount);
        var requests = new List<DisbursementRequest>(requestCount);
        var votes = new List<DisbursementVote>(4 * requestCount);
        var payments = new List<DisbursementPayment>(requestCount);
        var enterprises = Enumerable.Range(0, (int)Math.Max(200, 2000 * f)).Select(_ => $"{Names.Short(counties[r.Next(counties.Count)].Name)}{Names.Place(r)}{Firms[r.Next(Firms.Length)]}").Distinct().ToList();
        var units = Enumerable.Range(0, (int)Math.Max(50, 500 * f)).Select(_ => $"{Names.Short(counties[r.Next(counties.Count)].Name)}{Names.Place(r)}{Units[r.Next(Units.Length)]}").Distinct().ToList();
        var reversed = 0;
        foreach (var p in plans)
        {
            var fund = p.Fund;
            var events = new PriorityQueue<Action, (DateTimeOffset, int)>();
            var order = 0;
            var spanDays = today.DayNumber - p.From.DayNumber;
            for (var i = 0; i < p.Donations; i++)
            {
                DateOnly day;
                Campaign? campaign = null;
                if (p.Campaigns.Count > 0 && r.Next(100) < 20)
                {
                    campaign = p.Campaigns[r.Next(p.Campaigns.Count)];
                    day = campaign.StartsOn.AddDays(r.Next(0, campaign.EndsOn.DayNumber - campaign.StartsOn.DayNumber + 1));
                    if (day > today || day < p.From) { day = p.From.AddDays(r.Next(0, spanDays + 1)); campaign = null; }
                }
                else day = p.From.AddDays(r.Next(0, spanDays + 1));
                if (campaign is null && r.Next(100) < 70) campaign = p.Campaigns.FirstOrDefault(c => c.StartsOn <= day && day <= c.EndsOn);
                else if (campaign is not null && r.Next(100) >= 70) campaign = null;
                var at = ctx.At(day, r.Next(8, 21)).AddMinutes(r.Next(60)).AddSeconds(r.Next(60));
                if (at > now) at = now.AddMinutes(-r.Next(1, 600));
                var chosenCampaign = campaign;
                events.Enqueue(() => Donate(day, at, chosenCampaign), (at, order++));
            }

            void Donate(DateOnly day, DateTimeOffset at, Campaign? campaign)
            {
                var roll = r.Next(100);
                var kind = roll < 80 ? DonorKind.Individual : roll < 92 ? DonorKind.Enterprise : DonorKind.Organization;
                Guid? donorUser = null;
                string donor;
                if (kind == DonorKind.Individual && r.Next(100) < 3) { var d = donors[r.Next(donors.Count)]; donorUser = d.Id; donor = d.DisplayName; }
                else donor = kind switch { DonorKind.Individual => Names.Person(r), DonorKind.Enterprise => enterprises[r.Next(enterprises.Count)], _ => units[r.Next(units.Count)] };
                var anonymous = r.Next(100) < (kind == DonorKind.Individual ? 15 : 3);
                var channelRoll = r.Next(100);
                var channel = kind == DonorKind.Individual
                    ? channelRoll < 50 ? DonationChannel.WeChat : channelRoll < 65 ? DonationChannel.Alipay : channelRoll < 80 ? DonationChannel.Cash : channelRoll < 90 ? DonationChannel.BankTransfer : DonationChannel.InKind
                    : channelRoll < 70 ? DonationChannel.BankTransfer : channelRoll < 95 ? DonationChannel.InKind : DonationChannel.Other;
                var yuan = kind switch
                {
                    DonorKind.Individual => Math.Clamp(Math.Exp(4.6 + 1.1 * Gaussian(r)), 1, 50_000),
                    DonorKind.Enterprise => Math.Clamp(Math.Exp(9.0 + 1.2 * Gaussian(r)), 500, 2_000_000),
                    _ => Math.Clamp(Math.Exp(7.8 + 1.0 * Gaussian(r)), 200, 500_000),
                };
                var fen = yuan < 100 ? (long)Math.Round(yuan * 100) : (long)Math.Round(yuan) * 100;
                var items = channel == DonationChannel.InKind ? Goods[r.Next(Goods.Length)] : "";
                var donation = new Donation(fund, kind, donor, anonymous, donorUser, channel, fen, items, day, "", fund.NextReceiptNo(day.Year), p.Recorder.Id, p.Recorder.Name, at,
                    campaign?.Id);
                donations.Add(donation);
                entries.Add(fund.Post(FundEntryKind.Donation, fen, 0, at, $"捐赠入账 {donation.ReceiptNo}", p.Recorder.Name, donation.Id));
                if (r.Next(1000) < 3)
                {
                    var when = at.AddDays(r.Next(1, 20)).AddHours(r.Next(0, 5));
                    if (when < now) events.Enqueue(() => Reverse(donation, when), (when, order++));
                }
            }

            void Reverse(Donation donation, DateTimeOffset at)
            {
                if (fund.BalanceFen - donation.AmountFen < fund.ReservedFen) return; // spent already: not reversible any more
                const string reason = "金额登记错误，冲正后重新登记";
                donation.Reverse(at, reason);
                entries.Add(fund.Post(FundEntryKind.DonationReversal, -donation.AmountFen, 0, at, $"捐赠冲正 {donation.ReceiptNo}：{reason}", p.Recorder.Name, donation.Id));
                reversed++;
            }

            // Requests: raised on a day after the fund's first quarter of donations, decided in 1–6 days, paid in 3–30.
            var voters = p.Members.Where(m => m.Votes).ToList();
            for (var i = 0; i < p.Requests; i++)
            {
                var day = p.From.AddDays(Math.Min(spanDays, 20 + r.Next(0, Math.Max(1, spanDays - 19))));
                var at = ctx.At(day, r.Next(9, 18)).AddMinutes(r.Next(60));
                if (at > now) continue;
                events.Enqueue(() => Raise(at), (at, order++));
            }

            void Raise(DateTimeOffset at)
            {
                var available = fund.AvailableFen;
                if (available < 50_000) return; // under ¥500 free: nothing asked
                var wish = p.Wishes.Count > 0 && r.Next(3) == 0 ? p.Wishes.Dequeue() : null;
                var want = wish?.ValueFen ?? 100L * (long)Math.Clamp(Math.Exp(7.5 + 1.0 * Gaussian(r)), 200, 100_000);
                var amount = Math.Min(want, available / 2 / 100 * 100);
                if (amount <= 0) return;
                var purpose = wish is not null ? DisbursementPurpose.MicroWish : r.Next(100) < 45 ? DisbursementPurpose.Need : DisbursementPurpose.Other;
                var title = wish is not null ? $"微心愿：{wish.Alias}，{wish.Item}" : Uses[r.Next(Uses.Length)];
                var request = new DisbursementRequest(fund, fund.NextRequestNo(), purpose, null, null, wish?.Id, title, amount,
                    wish is not null ? "社区居委会（代购）" : $"{Names.Person(r)}等{r.Next(3, 40)}户", $"经入户核实，{title}，申请拨付", p.Recorder.Id, p.Recorder.Name, at);
                requests.Add(request);
                wish?.FundBy(request.Id);
                var decideAt = at.AddDays(r.Next(1, 7)).AddHours(r.Next(0, 6));
                var roll = r.Next(100);
                var recent = at > now.AddDays(-14);
                if (decideAt > now || (recent && roll < 40))
                {
                    // Still voting: up to two votes in.
                    var inFavour = r.Next(0, 3);
                    for (var k = 0; k < inFavour; k++) votes.Add(new DisbursementVote(request, voters[k], true, "同意", at.AddHours(k + 1)));
                    return;
                }
                if (roll >= 95)
                {
                    request.Close("申请人撤回：已由其他渠道解决");
                    if (wish is not null) wish.Return();
                    return;
                }
                events.Enqueue(() => Decide(request, wish, decideAt, roll >= 88), (decideAt, order++));
            }

            void Decide(DisbursementRequest request, Wish? wish, DateTimeOffset at, bool reject)
            {
                var order4 = voters.OrderBy(_ => r.Next()).ToList();
                if (reject || fund.AvailableFen < request.AmountFen)
                {
                    var first = r.Next(2) == 0;
                    var k = 0;
                    if (first) votes.Add(new DisbursementVote(request, order4[k++], true, "同意", at.AddMinutes(-90)));
                    votes.Add(new DisbursementVote(request, order4[k++], false, "资金用途不够明确", at.AddMinutes(-60)));
                    votes.Add(new DisbursementVote(request, order4[k], false, "建议补充材料后再议", at));
                    request.Decide(false, at);
                    if (wish is not null) wish.Return();
                    return;
                }
                var oneAgainst = r.Next(6) == 0;
                var j = 0;
                if (oneAgainst) votes.Add(new DisbursementVote(request, order4[j++], false, "金额偏高", at.AddMinutes(-120)));
                for (var k = 0; k < 3; k++) votes.Add(new DisbursementVote(request, order4[j++], true, "同意", at.AddMinutes(-60 + 30 * k)));
                request.Decide(true, at);
                entries.Add(fund.Post(FundEntryKind.Reservation, 0, request.AmountFen, at, $"批准预留 {request.RequestNo}：{request.Title}", voters[0].Name, null));
                if (r.Next(100) < 4) return; // approved, waiting to be paid
                var parts = r.Next(10) == 0 ? 2 : 1;
                var payAt = at;
                for (var k = 0; k < parts; k++)
                {
                    payAt = payAt.AddDays(r.Next(3, 31)).AddHours(r.Next(0, 4));
                    if (payAt > now) break;
                    var half = request.AmountFen / 2 / 100 * 100;
                    var fen = parts == 1 ? request.AmountFen : k == 0 ? half : request.AmountFen - half;
                    var when = payAt;
                    events.Enqueue(() => Pay(request, wish, fen, when), (when, order++));
                }
            }

            void Pay(DisbursementRequest request, Wish? wish, long fen, DateTimeOffset at)
            {
                var paidOn = DateOnly.FromDateTime(at.ToOffset(Wushe.Platform.ChinaTime.Offset).DateTime);
                payments.Add(new DisbursementPayment(request, fen, paidOn, r.Next(3) == 0 ? "现金" : "银行转账", $"PZ{paidOn:yyyyMMdd}{r.Next(1000, 9999)}", p.Recorder.Name, at));
                entries.Add(fund.Post(FundEntryKind.Payment, -fen, -fen, at, $"支付 {request.RequestNo}：{request.Title}", p.Recorder.Name, null));
                request.Pay(fen);
                if (wish is not null && request.Status == DisbursementStatus.Paid)
                {
                    var done = at.AddDays(r.Next(1, 6));
                    if (done < now) wish.Fulfil(done);
                }
            }

            while (events.TryDequeue(out var action, out _)) action();
            // A wish left queued for a fund that asked nothing: back on the wall as published.
            while (p.Wishes.TryDequeue(out var left)) fundedWishes.Remove(left.Id);
        }
        // A few funds suspended or closed at the end (their ledgers stay).
        foreach (var p in plans)
        {
            var roll = r.Next(1000);
            if (roll < 15) p.Fund.ChangeStatus(FundStatus.Suspended, "托管机构年检，暂停募捐");
            else if (roll < 20 && p.Fund.ReservedFen == 0) p.Fund.ChangeStatus(FundStatus.Closed, "社区撤并，基金终止");
        }
        Console.WriteLine($"    ({plans.Count:N0} funds, {donations.Count:N0} donations ({reversed:N0} reversed), {requests.Count:N0} requests, {votes.Count:N0} votes, {payments.Count:N0} payments, "
            + $"{entries.Count:N0} ledger entries, {campaigns.Count} campaigns, {wishes.Count:N0} wishes ({fundedWishes.Count:N0} for funds), {claims.Count:N0} claims)");

        // 7. Written: the small tables through EF, the big ones in bulk with their indexes dropped.
        written += await ctx.InsertAsync(plans.Select(p => p.Fund).ToList());
        written += await ctx.InsertAsync(plans.SelectMany(p => p.Members).ToList());
        written += await ctx.InsertAsync(campaigns) + await ctx.InsertAsync(campaignFunds);
        written += await ctx.InsertAsync(donors) + await ctx.InsertAsync(donorRoles);
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        var sqlite = connection is Microsoft.Data.Sqlite.SqliteConnection;
        if (sqlite) await Households.Exec(connection, "PRAGMA cache_size=-524288;");
        var indexes = await Households.DropIndexesAsync(connection, sqlite, Tables.Select(t => db.Model.FindEntityType(t)!.GetTableName()!));
        var load = System.Diagnostics.Stopwatch.StartNew();
        written += await Write(connection, sqlite, new BulkTable<Wish>(db), wishes);
        written += await Write(connection, sqlite, new BulkTable<WishClaim>(db), claims);
        written += await Write(connection, sqlite, new BulkTable<Donation>(db), donations);
        written += await Write(connection, sqlite, new BulkTable<FundEntry>(db), entries);
        written += await Write(connection, sqlite, new BulkTable<DisbursementRequest>(db), requests);
        written += await Write(connection, sqlite, new BulkTable<DisbursementVote>(db), votes);
        written += await Write(connection, sqlite, new BulkTable<DisbursementPayment>(db), payments);
        var rebuild = System.Diagnostics.Stopwatch.StartNew();
        foreach (var sql in indexes) await Households.Exec(connection, sql);
        Console.WriteLine($"    (rows written in {load.Elapsed.TotalSeconds:0.0} s; {indexes.Count} indexes rebuilt in {rebuild.Elapsed.TotalSeconds:0.0} s)");
        await db.Database.CloseConnectionAsync();
        return written;
    }

    static async Task<int> Write<T>(DbConnection connection, bool sqlite, BulkTable<T> table, List<T> rows) where T : class
    {
        var n = 0;
        foreach (var chunk in rows.Chunk(50_000))
        {
            await using var tx = sqlite ? await connection.BeginTransactionAsync() : null;
            n += await table.WriteAsync(connection, tx, chunk);
            if (tx is not null) await tx.CommitAsync();
        }
        return n;
    }

    static double Gaussian(Random r) => Math.Sqrt(-2 * Math.Log(1 - r.NextDouble())) * Math.Cos(2 * Math.PI * r.NextDouble());
}
