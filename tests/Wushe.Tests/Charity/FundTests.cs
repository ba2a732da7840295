using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Areas;
using Wushe.Features.Charity;
using Wushe.Features.Organizations;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;
using Wushe.Tests.Casework;

namespace Wushe.Tests.Charity;

/// <summary>
/// Community charity funds (issue 10): set up by the station under the naming rule, a ledger whose balance is the sum of its entries,
/// donations that a retried request with the same Idempotency-Key records once — also 200 at the same moment — and bad amounts refused
/// with nothing saved; another township's staff reach nothing of the fund.
/// </summary>
public sealed class FundTests(TestApp app)
{
    sealed record World(CaseworkWorld Care, Guid Foundation, string FoundationName, HttpClient Worker, HttpClient Outsider) : IDisposable
    {
        public void Dispose()
        {
            Worker.Dispose();
            Outsider.Dispose();
        }
    }

    async Task<World> WorldAsync()
    {
        var care = await CaseworkWorld.CreateAsync(app);
        var name = "测试慈善基金会" + Guid.NewGuid().ToString("N")[..4];
        var foundation = await TestOrganizations.CreateAsync(app, care.Township, name: name, kind: OrganizationKind.Foundation);
        var otherTownship = await Places.NewTownshipAsync(app);
        var outsider = await TestUsers.CreateAsync(app, Role.StationWorker, otherTownship);
        return new World(care, foundation, name, await app.CreateClientAsync(care.Worker.UserName), await app.CreateClientAsync(outsider.UserName));
    }

    static async Task<Guid> FundAsync(World w)
    {
        var made = await (await w.Worker.PostAsJsonAsync("/api/v1/charity/funds", new { areaCode = w.Care.Community, hostOrganizationId = w.Foundation, purpose = "资助社区微公益项目", establishedOn = "2025-09-05" }))
            .Expect(HttpStatusCode.Created);
        return made.GetProperty("id").GetGuid();
    }

    /// <summary>A transfer's body: to <paramref name="to"/>, with the committee's decision <paramref name="decision"/> of 2026-10-08.</summary>
    static object Move(Guid to, decimal yuan, string decision) => new { toFundId = to, amountYuan = yuan, reason = "支持街道统筹项目", decisionNo = decision, decidedOn = "2026-10-08" };

    /// <summary>A committee that can decide: a chair, four members and a supervisor, serving 2026–2028 (no accounts: votes are recorded at meetings).</summary>
    async Task CommitteeAsync(World w, Guid fund)
    {
        for (var i = 0; i < 6; i++)
            await (await w.Worker.PostAsJsonAsync($"/api/v1/charity/funds/{fund}/committee", new { name = $"委员{i}号", role = i == 0 ? "Chair" : i == 5 ? "Supervisor" : "Member",
                termFrom = "2026-01-01", termTo = "2028-12-31" })).Expect(HttpStatusCode.Created);
    }

    static object Gift(decimal yuan, string donor = "恒信商贸有限公司") => new { donorKind = "Enterprise", donorName = donor, anonymous = false, channel = "BankTransfer", amountYuan = yuan, donatedOn = "2026-09-05" };

    [Fact]
    public async Task A_fund_is_named_by_the_rule_and_its_balance_is_the_sum_of_its_ledger()
    {
        using var w = await WorldAsync();
        var refused = await (await w.Worker.PostAsJsonAsync("/api/v1/charity/funds", new { areaCode = w.Care.Community, hostOrganizationId = Guid.NewGuid(), purpose = "x", establishedOn = "2099-01-01" }))
            .Expect(HttpStatusCode.BadRequest);
        var errors = refused.GetProperty("errors");
        Assert.True(errors.TryGetProperty("hostOrganizationId", out _));
        Assert.True(errors.TryGetProperty("purpose", out _));
        Assert.True(errors.TryGetProperty("establishedOn", out _));

        var id = await FundAsync(w);
        var fund = await (await w.Worker.GetAsync($"/api/v1/charity/funds/{id}")).Expect(HttpStatusCode.OK);
        var areaName = await app.Query(db => db.Areas.IgnoreQueryFilters().Where(a => a.Code == w.Care.Community).Select(a => a.Name).SingleAsync());
        Assert.Equal(CommunityFund.NameFor(w.FoundationName, areaName), fund.GetProperty("name").GetString());
        Assert.Equal($"CF{w.Care.Community}01", fund.GetProperty("fundNo").GetString());
        Assert.NotNull(fund.GetProperty("committeeProblem").GetString());

        var first = await (await w.Worker.PostAsJsonAsync($"/api/v1/charity/funds/{id}/donations", Gift(5000m))).Expect(HttpStatusCode.Created);
        Assert.Equal($"CF{w.Care.Community}01-2026-00001", first.GetProperty("receiptNo").GetString());
        await (await w.Worker.PostAsJsonAsync($"/api/v1/charity/funds/{id}/donations",
            new { donorKind = "Individual", donorName = "张女士", anonymous = true, channel = "InKind", amountYuan = 1260.5m, items = "大米 10 袋", donatedOn = "2026-09-06" })).Expect(HttpStatusCode.Created);
        fund = await (await w.Worker.GetAsync($"/api/v1/charity/funds/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(626050, fund.GetProperty("balanceFen").GetInt64());
        var entries = await (await w.Worker.GetAsync($"/api/v1/charity/funds/{id}/entries")).Expect(HttpStatusCode.OK);
        Assert.Equal(626050, entries.GetProperty("items").EnumerateArray().Sum(e => e.GetProperty("amountFen").GetInt64()));
        Assert.Equal([2L, 1L], entries.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("sequence").GetInt64()));

        // Another township's station sees no such fund, and cannot give to it.
        await (await w.Outsider.GetAsync($"/api/v1/charity/funds/{id}")).Expect(HttpStatusCode.NotFound);
        await (await w.Outsider.PostAsJsonAsync($"/api/v1/charity/funds/{id}/donations", Gift(1m))).Expect(HttpStatusCode.NotFound);
        var check = await (await w.Worker.GetAsync("/api/v1/charity/funds/ledger-check")).Expect(HttpStatusCode.OK);
        Assert.Empty(check.GetProperty("discrepancies").EnumerateArray());

        // The list, the ledger and the donations export as Excel files; another township's staff get none of the fund's.
        foreach (var url in new[] { $"/api/v1/charity/funds/export?area={w.Care.Township}", $"/api/v1/charity/funds/{id}/entries/export",
            $"/api/v1/charity/funds/{id}/donations/export", $"/api/v1/charity/funds/{id}/disbursements/export" })
        {
            using var file = await w.Worker.GetAsync(url);
            Assert.Equal(HttpStatusCode.OK, file.StatusCode);
            Assert.Equal(Wushe.Platform.Export.Spreadsheet.XlsxContentType, file.Content.Headers.ContentType?.MediaType);
            Assert.True((await file.Content.ReadAsByteArrayAsync()).Length > 1000, url);
        }
        await (await w.Outsider.GetAsync($"/api/v1/charity/funds/{id}/entries/export")).Expect(HttpStatusCode.NotFound);
        await (await w.Outsider.GetAsync($"/api/v1/charity/funds/{id}/donations/export")).Expect(HttpStatusCode.NotFound);
        Assert.True(await app.Query(db => db.AuditRecords.IgnoreQueryFilters().AnyAsync(a => a.Action == Wushe.Platform.Audit.AuditAction.Export
            && a.Entity == nameof(Donation) && a.AreaCode == w.Care.Community)));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("100000000.01")]
    [InlineData("12.345")]
    public async Task A_bad_amount_is_refused_naming_it_and_nothing_is_saved(string yuan)
    {
        using var w = await WorldAsync();
        var id = await FundAsync(w);
        var body = JsonContent.Create(JsonDocument.Parse($$"""{"donorKind":"Enterprise","donorName":"恒信商贸","channel":"Cash","amountYuan":{{yuan}},"donatedOn":"2026-09-05"}""").RootElement);
        var refused = await (await w.Worker.PostAsync($"/api/v1/charity/funds/{id}/donations", body)).Expect(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("amountYuan", out _));
        Assert.Equal(0, await app.Query(db => db.Set<Donation>().IgnoreQueryFilters().CountAsync(d => d.FundId == id)));
        Assert.Equal(0, await app.Query(db => db.Set<FundEntry>().IgnoreQueryFilters().CountAsync(e => e.FundId == id)));
    }

    [Fact]
    public async Task A_fund_holding_money_is_not_closed_and_takes_no_gift_dated_before_it_existed()
    {
        using var w = await WorldAsync();
        var fund = await FundAsync(w);
        var early = await (await w.Worker.PostAsJsonAsync($"/api/v1/charity/funds/{fund}/donations", new { donorKind = "Individual", donorName = "早到的捐赠人",
            channel = "Cash", amountYuan = 1m, donatedOn = "2025-09-04" })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("设立日期", early.GetProperty("errors").GetProperty("donatedOn")[0].GetString());
        await (await w.Worker.PostAsJsonAsync($"/api/v1/charity/funds/{fund}/donations", Gift(100m))).Expect(HttpStatusCode.Created);
        var close = await (await w.Worker.PostAsJsonAsync($"/api/v1/charity/funds/{fund}/status", new { to = "Closed", reason = "社区撤并" })).Expect(HttpStatusCode.Conflict);
        Assert.Contains("余额", close.GetProperty("title").GetString());
        Assert.Equal(FundStatus.Active, await app.Query(db => db.Set<CommunityFund>().IgnoreQueryFilters().Where(f => f.Id == fund).Select(f => f.Status).SingleAsync()));
    }

    [Fact]
    public async Task Funds_of_one_place_set_up_at_one_moment_each_take_their_own_number()
    {
        using var w = await WorldAsync();
        var hosts = new List<Guid>();
        for (var i = 0; i < 6; i++)
            hosts.Add(await TestOrganizations.CreateAsync(app, w.Care.Township, name: $"并发基金会{i}" + Guid.NewGuid().ToString("N")[..4], kind: OrganizationKind.Foundation));
        var made = await Task.WhenAll(hosts.Select(async h => await (await w.Worker.PostAsJsonAsync("/api/v1/charity/funds",
            new { areaCode = w.Care.Community, hostOrganizationId = h, purpose = "资助社区微公益项目", establishedOn = "2025-09-05" })).Expect(HttpStatusCode.Created)));
        Assert.Equal(Enumerable.Range(1, 6).Select(n => $"CF{w.Care.Community}{n:D2}"), made.Select(m => m.GetProperty("fundNo").GetString()).Order());
    }

    [Fact]
    public async Task Two_hundred_donations_in_parallel_with_repeated_keys_record_each_key_once_and_the_totals_are_exact()
    {
        using var w = await WorldAsync();
        var id = await FundAsync(w);
        const int keys = 50, repeats = 4;
        // At most 24 in flight (a test shares the database server's 100 connections with the other classes running beside it); a key's
        // repeats are adjacent, so they are in flight together.
        using var gate = new SemaphoreSlim(24);
        var calls = Enumerable.Range(0, keys * repeats).Select(async i =>
        {
            var key = i / repeats;
            await gate.WaitAsync();
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/charity/funds/{id}/donations") { Content = JsonContent.Create(Gift(100m + key, $"捐赠人{key}")) };
                request.Headers.Add("Idempotency-Key", $"gift-{id}-{key}");
                using var response = await w.Worker.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                return (key, response.StatusCode, body);
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        var answers = await Task.WhenAll(calls);
        // Every answer is the donation made once: 201 with its receipt (a repeat that came while the first was at work may be told 409 to retry).
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"{a.StatusCode}: {a.body}"));
        foreach (var g in answers.Where(a => a.StatusCode == HttpStatusCode.Created).GroupBy(a => a.key))
            Assert.Single(g.Select(a => JsonDocument.Parse(a.body).RootElement.GetProperty("receiptNo").GetString()).Distinct());

        var donations = await app.Query(db => db.Set<Donation>().IgnoreQueryFilters().Where(d => d.FundId == id).ToListAsync());
        Assert.Equal(keys, donations.Count);
        Assert.Equal(keys, donations.Select(d => d.DonorName).Distinct().Count());
        Assert.Equal(keys, donations.Select(d => d.ReceiptNo).Distinct().Count());
        var expected = Enumerable.Range(0, keys).Sum(k => (100L + k) * 100);
        var fund = await app.Query(db => db.Set<CommunityFund>().IgnoreQueryFilters().SingleAsync(f => f.Id == id));
        Assert.Equal(expected, fund.BalanceFen);
        Assert.Equal(expected, await app.Query(db => db.Set<FundEntry>().IgnoreQueryFilters().Where(e => e.FundId == id).SumAsync(e => e.AmountFen)));
        Assert.Equal(Enumerable.Range(1, keys).Select(n => (long)n),
            (await app.Query(db => db.Set<FundEntry>().IgnoreQueryFilters().Where(e => e.FundId == id).Select(e => e.Sequence).ToListAsync())).Order());
        var check = await (await w.Worker.GetAsync("/api/v1/charity/funds/ledger-check")).Expect(HttpStatusCode.OK);
        Assert.Empty(check.GetProperty("discrepancies").EnumerateArray());
    }

    [Fact]
    public async Task Money_moves_between_funds_as_two_entries_never_beyond_the_available_balance_and_crossing_transfers_do_not_deadlock()
    {
        using var w = await WorldAsync();
        var from = await FundAsync(w);
        // Alone in its place, the fund's ledger tab says why no transfer can be made instead of showing the form.
        var alone = await (await w.Worker.GetAsync($"/Charity/Funds/Details/{from}?tab=ledger")).Content.ReadAsStringAsync();
        Assert.Contains("transfer-none", alone);
        Assert.DoesNotContain("transfer-form", alone);
        var host = await TestOrganizations.CreateAsync(app, w.Care.Township, name: "转入测试基金会" + Guid.NewGuid().ToString("N")[..4], kind: OrganizationKind.Foundation);
        var to = (await (await w.Worker.PostAsJsonAsync("/api/v1/charity/funds", new { areaCode = w.Care.Township, hostOrganizationId = host, purpose = "街道统筹", establishedOn = "2025-09-05" }))
            .Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await (await w.Worker.PostAsJsonAsync($"/api/v1/charity/funds/{from}/donations", Gift(1000m))).Expect(HttpStatusCode.Created);
        var url = $"/api/v1/charity/funds/{from}/transfers";

        var bad = await (await w.Worker.PostAsJsonAsync(url, new { toFundId = from, amountYuan = 0m, reason = "" })).Expect(HttpStatusCode.BadRequest);
        foreach (var f in new[] { "toFundId", "amountYuan", "reason", "decisionNo", "decidedOn" }) Assert.True(bad.GetProperty("errors").TryGetProperty(f, out _), f);
        // The decision: its number at most 50 characters, its date neither in the future nor before the fund was set up.
        var dates = await (await w.Worker.PostAsJsonAsync(url, new { toFundId = to, amountYuan = 1m, reason = "支持街道统筹项目", decisionNo = new string('号', 51), decidedOn = "2099-01-01" }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Contains("50", dates.GetProperty("errors").GetProperty("decisionNo")[0].GetString());
        Assert.Contains("不能晚于今天", dates.GetProperty("errors").GetProperty("decidedOn")[0].GetString());
        Assert.Contains("设立日期", (await (await w.Worker.PostAsJsonAsync(url, new { toFundId = to, amountYuan = 1m, reason = "支持街道统筹项目", decisionNo = "管委会决议2025-1号",
            decidedOn = "2025-09-04" })).Expect(HttpStatusCode.BadRequest)).GetProperty("errors").GetProperty("decidedOn")[0].GetString());
        // A fund whose committee is not formed has decided nothing: no money moves out.
        Assert.Contains("管委会不能作出决定", (await (await w.Worker.PostAsJsonAsync(url, Move(to, 1m, "管委会决议2026-3号"))).Expect(HttpStatusCode.Conflict))
            .GetProperty("title").GetString());
        await CommitteeAsync(w, from);
        await CommitteeAsync(w, to);
        Assert.Contains("可用余额", (await (await w.Worker.PostAsJsonAsync(url, Move(to, 1000.01m, "管委会决议2026-3号"))).Expect(HttpStatusCode.Conflict))
            .GetProperty("title").GetString());
        var moved = await (await w.Worker.PostAsJsonAsync(url, Move(to, 300m, "管委会决议2026-3号"))).Expect(HttpStatusCode.OK);
        Assert.Equal(70000, moved.GetProperty("fromBalanceFen").GetInt64());
        Assert.Equal(30000, moved.GetProperty("toBalanceFen").GetInt64());
        await (await w.Outsider.PostAsJsonAsync(url, Move(to, 1m, "越权决议"))).Expect(HttpStatusCode.NotFound);
        // The decision is on both entries: the ledger tab and the public page's transfers show it.
        var decided = await app.Query(db => db.Set<FundEntry>().IgnoreQueryFilters().Where(e => (e.FundId == from || e.FundId == to) && e.DecisionNo != null)
            .Select(e => new { e.DecisionNo, e.DecidedOn }).ToListAsync());
        Assert.Equal(2, decided.Count);
        Assert.All(decided, d => Assert.Equal(("管委会决议2026-3号", (DateOnly?)new DateOnly(2026, 10, 8)), (d.DecisionNo, d.DecidedOn)));
        Assert.Contains("管委会决议 管委会决议2026-3号（2026-10-08）", WebUtility.HtmlDecode(await (await w.Worker.GetAsync($"/Charity/Funds/Details/{from}?tab=ledger")).Content.ReadAsStringAsync()));
        // The page's form asks for the decision as the API does, naming the fields.
        using var session = await PageSession.SignInAsync(app, w.Care.Worker.UserName);
        var ledgerTab = $"/Charity/Funds/Details/{from}?tab=ledger";
        using var posted = await session.PostFormAsync($"/Charity/Funds/Details/{from}?handler=Transfer&tab=ledger",
            new() { ["Transfer.ToFundId"] = to.ToString(), ["Transfer.AmountYuan"] = "1", ["Transfer.Reason"] = "支持街道统筹项目" }, ledgerTab);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        var refused = WebUtility.HtmlDecode(await posted.Content.ReadAsStringAsync());
        Assert.Contains("决议编号不能为空", refused);
        Assert.Contains("请填写管委会决议日期", refused);

        // Twenty transfers each way at once: no deadlock, nothing lost, every ledger still its sum.
        var crossing = Enumerable.Range(0, 40).Select(i => w.Worker.PostAsJsonAsync($"/api/v1/charity/funds/{(i % 2 == 0 ? from : to)}/transfers",
            Move(i % 2 == 0 ? to : from, 10m, $"往来决议{i}")));
        Assert.All(await Task.WhenAll(crossing), r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var balances = await app.Query(db => db.Set<CommunityFund>().IgnoreQueryFilters().Where(f => f.Id == from || f.Id == to).ToDictionaryAsync(f => f.Id, f => f.BalanceFen));
        Assert.Equal(70000, balances[from]);
        Assert.Equal(30000, balances[to]);
        Assert.Equal(100000, balances.Values.Sum());
        var kinds = await app.Query(db => db.Set<FundEntry>().IgnoreQueryFilters().Where(e => e.FundId == to).Select(e => e.Kind).ToListAsync());
        Assert.Equal(21, kinds.Count(k => k == FundEntryKind.TransferIn));
        Assert.Equal(20, kinds.Count(k => k == FundEntryKind.TransferOut));
        var check = await (await w.Worker.GetAsync($"/api/v1/charity/funds/ledger-check?area={w.Care.Township}")).Expect(HttpStatusCode.OK);
        Assert.Empty(check.GetProperty("discrepancies").EnumerateArray());
        Assert.Contains("transfer-form", await (await w.Worker.GetAsync($"/Charity/Funds/Details/{from}?tab=ledger")).Content.ReadAsStringAsync());
        // The public figures add up: raised − spent + in − out = the balance, on the page and in the public API.
        using var anonymous = app.CreateClient();
        var open = await (await anonymous.GetAsync($"/api/v1/public/charity/funds/{to}")).Expect(HttpStatusCode.OK);
        Assert.Equal(open.GetProperty("balanceFen").GetInt64(), open.GetProperty("incomeFen").GetInt64() - open.GetProperty("spentFen").GetInt64()
            + open.GetProperty("transferredInFen").GetInt64() - open.GetProperty("transferredOutFen").GetInt64());
        var publicPage = WebUtility.HtmlDecode(await (await anonymous.GetAsync($"/Public/Fund/{to}")).Content.ReadAsStringAsync());
        Assert.Contains("public-fund-transfers", publicPage);
        // The latest twenty, each with its decision.
        Assert.Contains("管委会决议 往来决议", publicPage);
        Assert.Equal(20, open.GetProperty("transfers").GetArrayLength());
        Assert.All(open.GetProperty("transfers").EnumerateArray(), t => Assert.StartsWith("往来决议", t.GetProperty("decisionNo").GetString(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_visitor_asking_for_an_unknown_fund_is_told_it_is_not_public_never_about_a_jurisdiction()
    {
        using var w = await WorldAsync();
        var id = await FundAsync(w);
        using var anonymous = app.CreateClient();
        var unknown = Guid.NewGuid();
        foreach (var path in new[] { $"/api/v1/public/charity/funds/{unknown}", $"/api/v1/public/charity/funds/{unknown}/reports", $"/api/v1/public/charity/funds/{unknown}/reports/2026/3" })
            Assert.Equal("该基金不存在或尚未公开", (await (await anonymous.GetAsync(path)).Expect(HttpStatusCode.NotFound)).GetProperty("title").GetString());
        Assert.StartsWith("该季度没有信息公示报告", (await (await anonymous.GetAsync($"/api/v1/public/charity/funds/{id}/reports/2019/1")).Expect(HttpStatusCode.NotFound))
            .GetProperty("title").GetString(), StringComparison.Ordinal);
        // A place that is not on the division list: the area's funds and the wish wall say so in the same terms.
        const string nowhere = "529999999999";
        foreach (var path in new[] { $"/api/v1/public/charity/funds?area={nowhere}", $"/api/v1/public/charity/wishes?area={nowhere}" })
            Assert.Equal("该地区不存在或尚未公开", (await (await anonymous.GetAsync(path)).Expect(HttpStatusCode.NotFound)).GetProperty("title").GetString());
        await (await anonymous.GetAsync($"/api/v1/public/charity/funds?area={w.Care.Township}")).Expect(HttpStatusCode.OK);

        // The pages: the same words on the error page, and nothing about "your jurisdiction".
        foreach (var (path, words) in new[] { ($"/Public/Fund/{unknown}", "该基金不存在或尚未公开"), ($"/Public/Fund/{unknown}?handler=Report&year=2026&quarter=3", "该基金不存在或尚未公开"),
                     ($"/Public/Fund/{id}?handler=Report&year=2019&quarter=1", "该季度没有信息公示报告"), ($"/Public/Funds?area={nowhere}", "该地区不存在或尚未公开"),
                     ($"/Public/Wishes?area={nowhere}", "该地区不存在或尚未公开") })
        {
            var answer = await anonymous.GetAsync(path);
            Assert.Equal(HttpStatusCode.NotFound, answer.StatusCode);
            var html = WebUtility.HtmlDecode(await answer.Content.ReadAsStringAsync());
            Assert.Contains(words, html, StringComparison.Ordinal);
            Assert.DoesNotContain("管辖范围", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_fund_without_its_committee_is_shown_in_public_as_being_set_up_and_takes_donations_but_pays_nothing()
    {
        using var w = await WorldAsync();
        var id = await FundAsync(w);
        // It takes donations while the committee forms, on the staff's page and the API alike (RecordDonation asks only that it be active).
        await (await w.Worker.PostAsJsonAsync($"/api/v1/charity/funds/{id}/donations", Gift(200m))).Expect(HttpStatusCode.Created);
        using var anonymous = app.CreateClient();
        var open = await (await anonymous.GetAsync($"/api/v1/public/charity/funds/{id}")).Expect(HttpStatusCode.OK);
        Assert.False(open.GetProperty("committeeFormed").GetBoolean());
        Assert.Equal("筹建中（管理委员会未组成）", open.GetProperty("statusLabel").GetString());
        var row = (await (await anonymous.GetAsync($"/api/v1/public/charity/funds?area={w.Care.Community}")).Expect(HttpStatusCode.OK))
            .GetProperty("funds").GetProperty("items").EnumerateArray().Single(r => r.GetProperty("id").GetGuid() == id);
        Assert.Equal("筹建中（管理委员会未组成）", row.GetProperty("statusLabel").GetString());
        var page = WebUtility.HtmlDecode(await (await anonymous.GetAsync($"/Public/Fund/{id}")).Content.ReadAsStringAsync());
        Assert.Contains("筹建中（管理委员会未组成）", page, StringComparison.Ordinal);
        Assert.Contains("public-fund-forming", page, StringComparison.Ordinal);
        Assert.Contains("筹建中（管理委员会未组成）", WebUtility.HtmlDecode(await (await anonymous.GetAsync($"/Public/Funds?area={w.Care.Community}")).Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Contains("筹建中（管理委员会未组成）", WebUtility.HtmlDecode(await (await w.Worker.GetAsync($"/Charity/Funds/Details/{id}")).Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // A fund whose committee is formed (five voting members and a supervisor) is 运行中.
        using var formed = await DisbursementTests.WorldAsync(app, 100m);
        var running = await (await anonymous.GetAsync($"/api/v1/public/charity/funds/{formed.FundId}")).Expect(HttpStatusCode.OK);
        Assert.True(running.GetProperty("committeeFormed").GetBoolean());
        Assert.Equal("运行中", running.GetProperty("statusLabel").GetString());
        Assert.DoesNotContain("public-fund-forming", await (await anonymous.GetAsync($"/Public/Fund/{formed.FundId}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ledger_check_finds_a_balance_changed_behind_the_ledgers_back()
    {
        using var w = await WorldAsync();
        var id = await FundAsync(w);
        await (await w.Worker.PostAsJsonAsync($"/api/v1/charity/funds/{id}/donations", Gift(300m))).Expect(HttpStatusCode.Created);
        await app.Query(db => db.Set<CommunityFund>().IgnoreQueryFilters().Where(f => f.Id == id).ExecuteUpdateAsync(f => f.SetProperty(x => x.BalanceFen, 99)));
        var check = await (await w.Worker.GetAsync("/api/v1/charity/funds/ledger-check")).Expect(HttpStatusCode.OK);
        var found = check.GetProperty("discrepancies").EnumerateArray().Where(d => d.GetProperty("fundId").GetGuid() == id).ToList();
        Assert.Contains(found, d => d.GetProperty("problem").GetString()!.Contains("余额"));
    }

    [Fact]
    public async Task The_public_page_shows_the_money_and_named_donors_but_no_anonymous_donor_and_the_donor_sees_their_own()
    {
        using var w = await WorldAsync();
        var id = await FundAsync(w);
        var donor = await TestUsers.CreateAsync(app, Role.Donor, w.Care.Township);
        await (await w.Worker.PostAsJsonAsync($"/api/v1/charity/funds/{id}/donations",
            new { donorKind = "Individual", donorName = "匿名捐赠的林秀英", anonymous = true, donorUserName = donor.UserName, channel = "WeChat", amountYuan = 88.8m, donatedOn = "2026-09-05", note = "电话13912345678" }))
            .Expect(HttpStatusCode.Created);
        await (await w.Worker.PostAsJsonAsync($"/api/v1/charity/funds/{id}/donations", Gift(500m, "公开署名的恒信商贸"))).Expect(HttpStatusCode.Created);

        using var anonymous = app.CreateClient();
        var page = await (await anonymous.GetAsync($"/Public/Fund/{id}")).Content.ReadAsStringAsync();
        var api = await (await anonymous.GetAsync($"/api/v1/public/charity/funds/{id}")).Content.ReadAsStringAsync();
        var list = await (await anonymous.GetAsync($"/api/v1/public/charity/funds?area={w.Care.Township}")).Content.ReadAsStringAsync();
        foreach (var text in new[] { page, api })
        {
            Assert.Contains("公开署名的恒信商贸", text);
            Assert.DoesNotContain("林秀英", text);
            Assert.DoesNotContain("13912345678", text);
            Assert.DoesNotMatch(@"(?<![0-9A-Za-z-])1[3-9]\d{9}(?![0-9A-Za-z])", text);
            Assert.DoesNotMatch(@"(?<![0-9A-Za-z-])\d{17}[\dXx](?![0-9A-Za-z])", text);
        }
        Assert.Contains("爱心人士", page);
        Assert.Contains("58880", api);
        Assert.Contains(id.ToString(), list);

        using var donorClient = await app.CreateClientAsync(donor.UserName);
        var mine = await (await donorClient.GetAsync("/api/v1/me/donations")).Expect(HttpStatusCode.OK);
        Assert.Equal(8880, mine.GetProperty("totalFen").GetInt64());
        Assert.Single(mine.GetProperty("donations").GetProperty("items").EnumerateArray());
        // A donor reads no fund of the staff's pages.
        await (await donorClient.GetAsync($"/api/v1/charity/funds/{id}")).Expect(HttpStatusCode.Forbidden);

        // The quarterly disclosure report (public, PDF): the quarter's donations, the named donor, never the anonymous one's name or phone.
        var quarters = await (await anonymous.GetAsync($"/api/v1/public/charity/funds/{id}/reports")).Expect(HttpStatusCode.OK);
        var now = quarters[0];
        var (year, number) = (now.GetProperty("year").GetInt32(), now.GetProperty("number").GetInt32());
        var report = await anonymous.GetAsync($"/api/v1/public/charity/funds/{id}/reports/{year}/{number}");
        Assert.Equal("application/pdf", report.Content.Headers.ContentType?.MediaType);
        var disclosed = Pdf.Text(await report.Content.ReadAsByteArrayAsync());
        Assert.Contains($"{year}年第{number}季度信息公示报告", disclosed);
        Assert.Contains("公开署名的恒信商贸", disclosed);
        Assert.Contains("爱心人士", disclosed);
        Assert.Contains("捐赠收入（2笔）¥588.80", disclosed);
        Assert.Contains("期末余额¥588.80", disclosed);
        Assert.DoesNotContain("林秀英", disclosed);
        Assert.DoesNotContain("13912345678", disclosed);
        Assert.Equal("application/pdf", (await anonymous.GetAsync($"/Public/Fund/{id}?handler=Report&year={year}&quarter={number}")).Content.Headers.ContentType?.MediaType);
        Assert.Contains("disclosure-reports", page);
        await (await anonymous.GetAsync($"/api/v1/public/charity/funds/{id}/reports/{year}/5")).Expect(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"/api/v1/public/charity/funds/{id}/reports/2019/1")).Expect(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"/api/v1/public/charity/funds/{Guid.NewGuid()}/reports")).Expect(HttpStatusCode.NotFound);

        // The donor downloads their receipt (their real name on it, the amount in capitals); another donor gets none of it.
        var mineId = mine.GetProperty("donations").GetProperty("items")[0].GetProperty("id").GetGuid();
        var receipt = await donorClient.GetAsync($"/api/v1/me/donations/{mineId}/receipt");
        Assert.Equal("application/pdf", receipt.Content.Headers.ContentType?.MediaType);
        var printed = Pdf.Text(await receipt.Content.ReadAsByteArrayAsync());
        Assert.Contains("捐赠收据", printed);
        Assert.Contains("林秀英", printed);
        Assert.Contains("人民币捌拾捌元捌角", printed);
        var otherDonor = await TestUsers.CreateAsync(app, Role.Donor, w.Care.Township);
        using var otherClient = await app.CreateClientAsync(otherDonor.UserName);
        await (await otherClient.GetAsync($"/api/v1/me/donations/{mineId}/receipt")).Expect(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync($"/Charity/Mine?handler=Receipt&id={mineId}")).StatusCode);
        Assert.Equal("application/pdf", (await donorClient.GetAsync($"/Charity/Mine?handler=Receipt&id={mineId}")).Content.Headers.ContentType?.MediaType);
        // Staff print it from the fund; another township's staff find nothing.
        Assert.Contains("林秀英", Pdf.Text(await (await w.Worker.GetAsync($"/api/v1/charity/funds/{id}/donations/{mineId}/receipt")).Content.ReadAsByteArrayAsync()));
        await (await w.Outsider.GetAsync($"/api/v1/charity/funds/{id}/donations/{mineId}/receipt")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_reversed_donation_posts_the_opposite_entry_once_and_keeps_its_receipt()
    {
        using var w = await WorldAsync();
        var id = await FundAsync(w);
        var gift = await (await w.Worker.PostAsJsonAsync($"/api/v1/charity/funds/{id}/donations", Gift(300m))).Expect(HttpStatusCode.Created);
        var donation = gift.GetProperty("id").GetGuid();
        await (await w.Worker.PostAsJsonAsync($"/api/v1/charity/funds/{id}/donations/{donation}/reverse", new { reason = "" })).Expect(HttpStatusCode.BadRequest);
        var reversed = await (await w.Worker.PostAsJsonAsync($"/api/v1/charity/funds/{id}/donations/{donation}/reverse", new { reason = "重复登记" })).Expect(HttpStatusCode.OK);
        Assert.Equal(0, reversed.GetProperty("balanceFen").GetInt64());
        await (await w.Worker.PostAsJsonAsync($"/api/v1/charity/funds/{id}/donations/{donation}/reverse", new { reason = "重复登记" })).Expect(HttpStatusCode.Conflict);

        var entries = await app.Query(db => db.Set<FundEntry>().IgnoreQueryFilters().Where(e => e.FundId == id).OrderBy(e => e.Sequence).ToListAsync());
        Assert.Equal([30000L, -30000L], entries.Select(e => e.AmountFen));
        Assert.Equal(FundEntryKind.DonationReversal, entries[1].Kind);
        var stored = await app.Query(db => db.Set<Donation>().IgnoreQueryFilters().SingleAsync(d => d.Id == donation));
        Assert.NotNull(stored.ReversedAt);
        var voided = Pdf.Text(await (await w.Worker.GetAsync($"/api/v1/charity/funds/{id}/donations/{donation}/receipt")).Content.ReadAsByteArrayAsync());
        Assert.Contains("作废", voided);
        Assert.Contains("重复登记", voided);
        Assert.Contains("人民币叁佰元整", voided);
        Assert.Equal(gift.GetProperty("receiptNo").GetString(), stored.ReceiptNo);
        var list = await (await w.Worker.GetAsync($"/api/v1/charity/funds/{id}/donations")).Expect(HttpStatusCode.OK);
        Assert.Equal(0, list.GetProperty("totalFen").GetInt64());
        var check = await (await w.Worker.GetAsync("/api/v1/charity/funds/ledger-check")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(check.GetProperty("discrepancies").EnumerateArray(), d => d.GetProperty("fundId").GetGuid() == id);
    }
}
