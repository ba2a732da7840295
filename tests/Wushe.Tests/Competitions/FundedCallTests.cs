using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Charity;
using Wushe.Features.Competitions;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Web;
using Wushe.Tests.Builders;
using Wushe.Tests.Charity;

namespace Wushe.Tests.Competitions;

/// <summary>
/// Micro-venture calls paid by a community fund (issue 12; ADR 0018), through the real app on SQLite and PostgreSQL: a call names a fund of
/// its host area; it is published only when the fund can pay its pool; its awards are confirmed on the committee's decision and reserved on
/// the fund, never beyond what it holds (two calls racing for the last of it: one); tranches are paid from the fund and a claw-back returns
/// to it, the award's ledger and the fund's agreeing and the ledger check finding nothing, even when releases race.
/// </summary>
public sealed class FundedCallTests(TestApp app)
{
    static string Today => ChinaTime.Format(ChinaTime.Today(TimeProvider.System));

    /// <summary>A fund with <paramref name="balanceYuan"/> in a new township's community (its committee formed) and a host: the township's station worker.</summary>
    sealed record World(DisbursementTests.World Fund, HttpClient Host, string HostName, Guid Organization) : IDisposable
    {
        public Guid FundId => Fund.FundId;
        public string Township => Fund.Care.Township;
        public void Dispose() => Fund.Dispose();
    }

    async Task<World> WorldAsync(decimal balanceYuan)
    {
        var fund = await DisbursementTests.WorldAsync(app, balanceYuan);
        var organization = await TestOrganizations.CreateAsync(app, fund.Care.Township, name: "相南测试社工服务中心" + Guid.NewGuid().ToString("N")[..4]);
        return new World(fund, fund.Worker, fund.Care.Worker.UserName, organization);
    }

    /// <summary>A published call of the township paid by the fund, with <paramref name="shortlist"/> (fen) on a notice that is over; the application ids.</summary>
    async Task<(Guid Call, List<Guid> Applications)> NoticedAsync(World w, long poolFen, params long[] shortlist)
    {
        var call = await TestCompetitions.CreateCallAsync(app, w.Township, poolFen: poolFen, capFen: poolFen, fundId: w.FundId);
        var apps = new List<Guid>();
        foreach (var fen in shortlist) apps.Add(await TestCompetitions.CreateApplicationAsync(app, call, w.Organization, requestedFen: fen));
        await TestAwards.NoticeAsync(app, call, apps.Select((a, i) => (a, shortlist[i])));
        return (call, apps);
    }

    static object Decision => new { decisionNo = "管委会〔2026〕3号", decidedOn = Today };

    Task<CommunityFund> FundAsync(Guid id) => app.Query(db => db.Set<CommunityFund>().IgnoreQueryFilters().AsNoTracking().SingleAsync(f => f.Id == id));

    Task<CompetitionAward> AwardAsync(Guid id) => app.Query(db => db.Set<CompetitionAward>().IgnoreQueryFilters().AsNoTracking().SingleAsync(a => a.Id == id));

    async Task<JsonElement> CheckAsync(World w) => await (await w.Host.GetAsync($"/api/v1/charity/funds/ledger-check?area={w.Fund.Care.Community}")).Expect(HttpStatusCode.OK);

    static object Draft(string township, Guid? fundId, decimal pool) => new
    {
        areaCode = township, title = "社区公益微创投" + Guid.NewGuid().ToString("N")[..4], hostName = "相南街道社工站", fundId,
        focuses = new[] { "ElderlyCare" }, poolYuan = pool, capYuan = pool, coFunding = "None",
        rubric = new[] { new { name = "需求与设计", weight = 50, maxScore = 10 }, new { name = "可行性", weight = 50, maxScore = 10 } },
        judgeCount = 3, aggregation = "Mean", tieBreak = "LowerRequest", opensAt = DateTimeOffset.UtcNow.AddDays(1), closesAt = DateTimeOffset.UtcNow.AddDays(20),
        noticeDays = 5, tranches = new[] { new { percent = 50, gate = "Signing" }, new { percent = 50, gate = "FinalPassed" } },
    };

    [Fact]
    public async Task A_call_names_an_active_fund_of_its_host_area_and_its_pages_show_it()
    {
        using var w = await WorldAsync(10_000m);
        // Unknown, and a fund of the scope outside the host area (another township's, for a county host), are refused by name.
        var unknown = await (await w.Host.PostAsJsonAsync("/api/v1/competitions", Draft(w.Township, Guid.NewGuid(), 5_000m))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("不存在", unknown.GetProperty("errors").GetProperty("fundId")[0].GetString(), StringComparison.Ordinal);
        var county = await app.CreateUserAsync(role: Role.BureauStaff, areaCode: Places.County);
        using var bureau = await app.CreateClientAsync(county);
        var elsewhere = await (await bureau.PostAsJsonAsync("/api/v1/competitions", Draft(await Places.NewTownshipAsync(app), w.FundId, 5_000m))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("不在主办地区内", elsewhere.GetProperty("errors").GetProperty("fundId")[0].GetString(), StringComparison.Ordinal);
        // A suspended fund funds no call.
        await (await w.Host.PostAsJsonAsync($"/api/v1/charity/funds/{w.FundId}/status", new { to = "Suspended", reason = "账户变更" })).Expect(HttpStatusCode.OK);
        var suspended = await (await w.Host.PostAsJsonAsync("/api/v1/competitions", Draft(w.Township, w.FundId, 5_000m))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("暂停", suspended.GetProperty("errors").GetProperty("fundId")[0].GetString(), StringComparison.Ordinal);
        await (await w.Host.PostAsJsonAsync($"/api/v1/charity/funds/{w.FundId}/status", new { to = "Active", reason = "账户变更完成" })).Expect(HttpStatusCode.OK);

        // Saved: the details, the rules, the form and the public notice name the fund.
        var saved = await (await w.Host.PostAsJsonAsync("/api/v1/competitions", Draft(w.Township, w.FundId, 5_000m))).Expect(HttpStatusCode.Created);
        var id = saved.GetProperty("id").GetGuid();
        var fundName = (await FundAsync(w.FundId)).Name;
        var details = await (await w.Host.GetAsync($"/api/v1/competitions/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(fundName, details.GetProperty("fund").GetProperty("name").GetString());
        Assert.Contains(details.GetProperty("rules").EnumerateArray(), r => r.GetProperty("text").GetString()!.Contains(fundName, StringComparison.Ordinal));
        Assert.Contains(fundName, await w.Host.GetStringAsync($"/Competitions/Details/{id}"), StringComparison.Ordinal);
        var edit = await w.Host.GetStringAsync($"/Competitions/Edit?id={id}");
        Assert.Contains($"value=\"{w.FundId}\" selected", edit, StringComparison.Ordinal);
        await (await w.Host.PostAsync($"/api/v1/competitions/{id}/publish", null)).Expect(HttpStatusCode.OK);
        using var anonymous = app.Anonymous();
        var notice = await (await anonymous.GetAsync($"/api/v1/public/competitions/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(fundName, notice.GetProperty("fundName").GetString());
        Assert.Contains($"/Public/Fund/{w.FundId}", await anonymous.GetStringAsync($"/Public/Competitions/Details?id={id}"), StringComparison.Ordinal);
        // A call without a fund says who pays too: the host.
        var plain = await (await w.Host.PostAsJsonAsync("/api/v1/competitions", Draft(w.Township, null, 5_000m))).Expect(HttpStatusCode.Created);
        var plainDetails = await (await w.Host.GetAsync($"/api/v1/competitions/{plain.GetProperty("id").GetGuid()}")).Expect(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, plainDetails.GetProperty("fund").ValueKind);
    }

    [Fact]
    public async Task A_fund_call_is_published_only_when_the_fund_can_pay_its_pool()
    {
        using var w = await WorldAsync(5_000m);
        var draft = await (await w.Host.PostAsJsonAsync("/api/v1/competitions", Draft(w.Township, w.FundId, 8_000m))).Expect(HttpStatusCode.Created);
        var id = draft.GetProperty("id").GetGuid();
        var refused = await (await w.Host.PostAsync($"/api/v1/competitions/{id}/publish", null)).Expect(HttpStatusCode.Conflict);
        Assert.Contains("¥5,000.00", refused.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Contains("¥8,000.00", refused.GetProperty("title").GetString(), StringComparison.Ordinal);
        // Money the fund promised elsewhere does not count: an approved request holds 1,000 of it.
        await (await w.Host.PostAsJsonAsync($"/api/v1/charity/funds/{w.FundId}/donations",
            new { donorKind = "Enterprise", donorName = "鑫源超市", channel = "BankTransfer", amountYuan = 3_000m, donatedOn = Today })).Expect(HttpStatusCode.Created);
        var request = await DisbursementTests.RaiseAsync(w.Fund, 1_000m);
        foreach (var v in w.Fund.Voters.Take(3)) await (await DisbursementTests.VoteAsync(w.Fund, v.Client, request)).Expect(HttpStatusCode.OK);
        var still = await (await w.Host.PostAsync($"/api/v1/competitions/{id}/publish", null)).Expect(HttpStatusCode.Conflict);
        Assert.Contains("¥7,000.00", still.GetProperty("title").GetString(), StringComparison.Ordinal);
        await (await w.Host.PostAsJsonAsync($"/api/v1/charity/funds/{w.FundId}/donations",
            new { donorKind = "Enterprise", donorName = "鑫源超市", channel = "BankTransfer", amountYuan = 1_000m, donatedOn = Today })).Expect(HttpStatusCode.Created);
        await (await w.Host.PostAsync($"/api/v1/competitions/{id}/publish", null)).Expect(HttpStatusCode.OK);
        // Nothing is reserved by publishing: the fund keeps its money until awards are confirmed.
        Assert.Equal(1_000_00, (await FundAsync(w.FundId)).ReservedFen);
    }

    [Fact]
    public async Task Awards_are_confirmed_on_the_committees_decision_and_each_is_reserved_within_what_the_fund_holds()
    {
        using var w = await WorldAsync(50_000m);
        var (call, apps) = await NoticedAsync(w, 60_000_00, 20_000_00, 20_000_00, 20_000_00);
        // Without the decision: 400 naming both fields; nothing awarded.
        var missing = await (await w.Host.PostAsync($"/api/v1/competitions/{call}/awards", null)).Expect(HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("decisionNo", out _));
        Assert.True(missing.GetProperty("errors").TryGetProperty("decidedOn", out _));
        var future = await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/{call}/awards",
            new { decisionNo = "管委会〔2026〕3号", decidedOn = ChinaTime.Format(ChinaTime.Today(TimeProvider.System).AddDays(1)) })).Expect(HttpStatusCode.BadRequest);
        Assert.True(future.GetProperty("errors").TryGetProperty("decidedOn", out _));
        // A committee that could not decide on the day (a member had left: four voting members) decides nothing.
        var member = await app.Query(db => db.Set<FundCommitteeMember>().IgnoreQueryFilters().Where(m => m.FundId == w.FundId && m.Role == CommitteeRole.Member).Select(m => m.Id).FirstAsync());
        await app.Query(db => db.Set<FundCommitteeMember>().IgnoreQueryFilters().Where(m => m.Id == member).ExecuteUpdateAsync(s => s.SetProperty(m => m.EndedOn, ChinaTime.Today(TimeProvider.System))));
        var incomplete = await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/{call}/awards", Decision)).Expect(HttpStatusCode.Conflict);
        Assert.Contains("管委会", incomplete.GetProperty("title").GetString(), StringComparison.Ordinal);
        await app.Query(db => db.Set<FundCommitteeMember>().IgnoreQueryFilters().Where(m => m.Id == member).ExecuteUpdateAsync(s => s.SetProperty(m => m.EndedOn, (DateOnly?)null)));
        Assert.Equal(0, await app.Query(db => db.Set<CompetitionAward>().IgnoreQueryFilters().CountAsync(a => a.CompetitionId == call)));

        // With it: two awards fit the fund's 50,000, the third is refused and stays on the shortlist; the call waits.
        var confirmed = await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/{call}/awards", Decision)).Expect(HttpStatusCode.OK);
        Assert.Equal(2, confirmed.GetProperty("awarded").GetInt32());
        Assert.Contains("可用余额", confirmed.GetProperty("refused")[0].GetString(), StringComparison.Ordinal);
        Assert.False(confirmed.GetProperty("decided").GetBoolean());
        var fund = await FundAsync(w.FundId);
        Assert.Equal((50_000_00L, 40_000_00L), (fund.BalanceFen, fund.ReservedFen));
        var requests = await app.Query(db => db.Set<DisbursementRequest>().IgnoreQueryFilters().AsNoTracking().Where(r => r.FundId == w.FundId && r.AwardId != null).ToListAsync());
        Assert.Equal(2, requests.Count);
        Assert.All(requests, r => Assert.Equal((DisbursementStatus.Approved, "管委会〔2026〕3号", 20_000_00L, DisbursementPurpose.Project), (r.Status, r.DecisionNo, r.AmountFen, r.Purpose)));
        var reservations = await app.Query(db => db.Set<FundEntry>().IgnoreQueryFilters().Where(e => e.FundId == w.FundId && e.Kind == FundEntryKind.Reservation).Select(e => e.DecisionNo).ToListAsync());
        Assert.Equal(["管委会〔2026〕3号", "管委会〔2026〕3号"], reservations);

        // The fund takes a gift: the last award is confirmed and the call decided.
        await (await w.Host.PostAsJsonAsync($"/api/v1/charity/funds/{w.FundId}/donations",
            new { donorKind = "Enterprise", donorName = "恒信商贸有限公司", channel = "BankTransfer", amountYuan = 10_000m, donatedOn = Today })).Expect(HttpStatusCode.Created);
        var last = await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/{call}/awards", Decision)).Expect(HttpStatusCode.OK);
        Assert.Equal((1, true), (last.GetProperty("awarded").GetInt32(), last.GetProperty("decided").GetBoolean()));
        Assert.Equal(60_000_00, (await FundAsync(w.FundId)).ReservedFen);
        Assert.Empty((await CheckAsync(w)).GetProperty("discrepancies").EnumerateArray());
    }

    [Fact]
    public async Task Two_calls_racing_for_a_funds_last_money_confirm_one_award()
    {
        using var w = await WorldAsync(30_000m);
        var (first, a) = await NoticedAsync(w, 20_000_00, 20_000_00);
        var (second, b) = await NoticedAsync(w, 20_000_00, 20_000_00);
        using var other = await app.CreateClientAsync(w.HostName);
        var answers = await Task.WhenAll(w.Host.PostAsJsonAsync($"/api/v1/competitions/{first}/awards/{a[0]}", Decision),
            other.PostAsJsonAsync($"/api/v1/competitions/{second}/awards/{b[0]}", Decision));
        Assert.Equal(1, answers.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(1, answers.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var fund = await FundAsync(w.FundId);
        Assert.Equal((30_000_00L, 20_000_00L), (fund.BalanceFen, fund.ReservedFen));
        Assert.Equal(1, await app.Query(db => db.Set<CompetitionAward>().IgnoreQueryFilters().CountAsync(x => x.CompetitionId == first || x.CompetitionId == second)));
        Assert.Empty((await CheckAsync(w)).GetProperty("discrepancies").EnumerateArray());
    }

    [Fact]
    public async Task Tranches_are_paid_from_the_fund_a_claw_back_returns_to_it_and_both_ledgers_agree()
    {
        using var w = await WorldAsync(30_000m);
        var (call, apps) = await NoticedAsync(w, 20_000_00, 20_000_00);
        await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/{call}/awards", Decision)).Expect(HttpStatusCode.OK);
        var award = await app.Query(db => db.Set<CompetitionAward>().IgnoreQueryFilters().Where(x => x.CompetitionId == call).Select(x => x.Id).SingleAsync());
        await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/awards/{award}/agreement", new { signedOn = Today })).Expect(HttpStatusCode.OK);
        await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/awards/{award}/releases", new { tranche = 1 })).Expect(HttpStatusCode.OK);

        // The first 40% (8,000) left the fund: a payment of the award's request, within its reservation.
        var fund = await FundAsync(w.FundId);
        Assert.Equal((22_000_00L, 12_000_00L, 8_000_00L), (fund.BalanceFen, fund.ReservedFen, fund.SpentFen));
        var request = await app.Query(db => db.Set<DisbursementRequest>().IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.AwardId == award));
        Assert.Equal((8_000_00L, DisbursementStatus.Approved), (request.PaidFen, request.Status));
        var got = await (await w.Host.GetAsync($"/api/v1/competitions/awards/{award}")).Expect(HttpStatusCode.OK);
        Assert.Equal(request.RequestNo, got.GetProperty("fund").GetProperty("requestNo").GetString());
        Assert.Equal((8_000_00L, 12_000_00L), (got.GetProperty("fund").GetProperty("paidFen").GetInt64(), got.GetProperty("fund").GetProperty("reservedFen").GetInt64()));

        // The request is the award's: the charity pages neither pay nor release it by hand.
        var byHand = await (await w.Host.PostAsJsonAsync($"/api/v1/charity/funds/{w.FundId}/disbursements/{request.Id}/payments",
            new { amountYuan = 1_000m, paidOn = Today, method = "银行转账", voucherNo = "PZ-TEST-1" })).Expect(HttpStatusCode.Conflict);
        Assert.Contains("公益创投", byHand.GetProperty("title").GetString(), StringComparison.Ordinal);
        await (await w.Host.PostAsJsonAsync($"/api/v1/charity/funds/{w.FundId}/disbursements/{request.Id}/release", new { reason = "释放预留测试" })).Expect(HttpStatusCode.Conflict);

        // Stopped: the rest of the reservation goes back; clawed back: the money returns to the fund, its spending less.
        await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/awards/{award}/stop", new { reason = "机构未按协议开展服务" })).Expect(HttpStatusCode.OK);
        Assert.Equal((22_000_00L, 0L), ((await FundAsync(w.FundId)).BalanceFen, (await FundAsync(w.FundId)).ReservedFen));
        await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/awards/{award}/claw-backs", new { amountYuan = 5_000m, note = "追回未使用的资金" })).Expect(HttpStatusCode.OK);
        fund = await FundAsync(w.FundId);
        Assert.Equal((27_000_00L, 0L, 3_000_00L), (fund.BalanceFen, fund.ReservedFen, fund.SpentFen));

        // Both ledgers tell the same story: releases less claw-backs on the award = the request's payments net = the fund's spending.
        var a = await AwardAsync(award);
        Assert.Equal((8_000_00L, 5_000_00L), (a.ReleasedFen, a.ClawedBackFen));
        var payments = await app.Query(db => db.Set<DisbursementPayment>().IgnoreQueryFilters().Where(p => p.RequestId == request.Id).OrderBy(p => p.RecordedAt).Select(p => p.AmountFen).ToListAsync());
        Assert.Equal([8_000_00L, -5_000_00L], payments);
        var entries = await app.Query(db => db.Set<FundEntry>().IgnoreQueryFilters().Where(e => e.FundId == w.FundId).OrderBy(e => e.Sequence)
            .Select(e => new { e.Kind, e.AmountFen, e.ReservedFen }).ToListAsync());
        Assert.Equal([FundEntryKind.Donation, FundEntryKind.Reservation, FundEntryKind.Payment, FundEntryKind.Release, FundEntryKind.Refund], entries.Select(e => e.Kind));
        Assert.Equal(fund.BalanceFen, entries.Sum(e => e.AmountFen));
        Assert.Equal(a.ReleasedFen - a.ClawedBackFen, payments.Sum());
        Assert.Equal(fund.SpentFen, payments.Sum());
        Assert.Equal([20_000_00L, -8_000_00L, -12_000_00L, 0L], entries.Skip(1).Select(e => e.ReservedFen));
        Assert.Equal(fund.ReservedFen, entries.Sum(e => e.ReservedFen));
        var check = await CheckAsync(w);
        Assert.Empty(check.GetProperty("discrepancies").EnumerateArray());
        // The public page shows the money that came back.
        using var anonymous = app.Anonymous();
        var spending = await (await anonymous.GetAsync($"/api/v1/public/charity/funds/{w.FundId}?view=spending")).Expect(HttpStatusCode.OK);
        Assert.Contains(spending.GetProperty("spending").GetProperty("items").EnumerateArray(), u => u.GetProperty("amountFen").GetInt64() == -5_000_00);
    }

    [Fact]
    public async Task Releases_racing_on_one_fund_never_take_it_below_zero()
    {
        // The fund holds exactly the two awards: every tranche of both released at once, in any order, from what each reserved.
        using var w = await WorldAsync(40_000m);
        var (call, apps) = await NoticedAsync(w, 40_000_00, 20_000_00, 20_000_00);
        await (await w.Host.PostAsJsonAsync($"/api/v1/competitions/{call}/awards", Decision)).Expect(HttpStatusCode.OK);
        var awards = await app.Query(db => db.Set<CompetitionAward>().IgnoreQueryFilters().Where(x => x.CompetitionId == call).Select(x => new { x.Id, x.ProjectId }).ToListAsync());
        foreach (var x in awards)
        {
            await TestAwards.SignAsync(app, x.Id, ChinaTime.Today(TimeProvider.System));
            await TestAwards.EvaluateAsync(app, x.ProjectId, Wushe.Features.Projects.EvaluationStage.MidTerm, 80);
        }
        var clients = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.CreateClientAsync(w.HostName)));
        var releases = await Task.WhenAll(awards.SelectMany((x, i) => new[]
        {
            clients[2 * i].PostAsJsonAsync($"/api/v1/competitions/awards/{x.Id}/releases", new { tranche = 1 }),
            clients[2 * i + 1].PostAsJsonAsync($"/api/v1/competitions/awards/{x.Id}/releases", new { tranche = 1 }),
        }));
        Assert.Equal(2, releases.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(2, releases.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var second = await Task.WhenAll(awards.Select((x, i) => clients[i].PostAsJsonAsync($"/api/v1/competitions/awards/{x.Id}/releases", new { tranche = 2 })));
        Assert.All(second, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var fund = await FundAsync(w.FundId);
        // 40% + 40% of both awards paid; the final 20% of each still reserved.
        Assert.Equal((8_000_00L, 8_000_00L, 32_000_00L), (fund.BalanceFen, fund.ReservedFen, fund.SpentFen));
        Assert.True(fund.BalanceFen >= fund.ReservedFen);
        Assert.Empty((await CheckAsync(w)).GetProperty("discrepancies").EnumerateArray());
    }

    [Fact]
    public async Task The_pages_confirm_with_the_decision_release_stop_and_claw_back_a_fund_award()
    {
        using var w = await WorldAsync(30_000m);
        var (call, _) = await NoticedAsync(w, 20_000_00, 20_000_00);
        using var session = await PageSession.SignInAsync(app, w.HostName);

        async Task<HttpResponseMessage> Post(string url, Dictionary<string, string> fields, string from)
        {
            fields[FormSubmissions.Field] = Guid.NewGuid().ToString("N");
            return await session.PostFormAsync(url, fields, from);
        }

        var notice = $"/Competitions/Notice?callId={call}";
        var form = await session.Client.GetStringAsync(notice);
        Assert.Contains("Decision.DecisionNo", form, StringComparison.Ordinal);
        // Without the decision the page says what is missing beside the fields, and nothing is confirmed.
        using (var refused = await Post($"{notice}&handler=Confirm", [], notice))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("决议日期", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(0, await app.Query(db => db.Set<CompetitionAward>().IgnoreQueryFilters().CountAsync(a => a.CompetitionId == call)));
        using (var done = await Post($"{notice}&handler=Confirm", new() { ["Decision.DecisionNo"] = "管委会〔2026〕5号", ["Decision.DecidedOn"] = Today }, notice))
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var award = await app.Query(db => db.Set<CompetitionAward>().IgnoreQueryFilters().Where(a => a.CompetitionId == call).Select(a => a.Id).SingleAsync());
        var page = $"/Competitions/Award?id={award}";
        Assert.Contains((await FundAsync(w.FundId)).Name, await session.Client.GetStringAsync(page), StringComparison.Ordinal);
        using (var r = await Post($"{page}&handler=Sign", new() { ["Sign.SignedOn"] = Today }, page)) Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        // The fund suspended: the release is refused on the page and nothing moves on either ledger.
        await (await w.Host.PostAsJsonAsync($"/api/v1/charity/funds/{w.FundId}/status", new { to = "Suspended", reason = "账户变更" })).Expect(HttpStatusCode.OK);
        using (var r = await Post($"{page}&handler=Release&tranche=1", [], page))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Contains("暂停", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(0L, (await AwardAsync(award)).ReleasedFen);
        Assert.Equal(0L, (await FundAsync(w.FundId)).SpentFen);
        await (await w.Host.PostAsJsonAsync($"/api/v1/charity/funds/{w.FundId}/status", new { to = "Active", reason = "账户变更完成" })).Expect(HttpStatusCode.OK);
        using (var r = await Post($"{page}&handler=Release&tranche=1", [], page)) Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        using (var r = await Post($"{page}&handler=Stop", new() { ["Stop.Reason"] = "机构未按协议开展服务，停止拨付" }, page)) Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        using (var r = await Post($"{page}&handler=Claw", new() { ["Claw.AmountYuan"] = "3000", ["Claw.Note"] = "追回未使用的资金" }, page)) Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);

        var fund = await FundAsync(w.FundId);
        Assert.Equal((25_000_00L, 0L, 5_000_00L), (fund.BalanceFen, fund.ReservedFen, fund.SpentFen));
        Assert.Empty((await CheckAsync(w)).GetProperty("discrepancies").EnumerateArray());
        // The fund's request page tells whose it is and offers no payment by hand.
        var requestId = await app.Query(db => db.Set<DisbursementRequest>().IgnoreQueryFilters().Where(r => r.AwardId == award).Select(r => r.Id).SingleAsync());
        var requestPage = await session.Client.GetStringAsync($"/Charity/Funds/Disbursement/{w.FundId}/{requestId}");
        Assert.Contains("管委会〔2026〕5号", requestPage, StringComparison.Ordinal);
        Assert.DoesNotContain("payment-form", requestPage, StringComparison.Ordinal);
    }
}
