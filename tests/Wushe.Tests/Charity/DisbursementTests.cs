using MiniExcelLibs;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Charity;
using Wushe.Features.Organizations;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;
using Wushe.Tests.Casework;

namespace Wushe.Tests.Charity;

/// <summary>
/// Disbursements (issue 10): a request raised by the station, voted by the fund's committee under the decision rule — no vote by a
/// non-member, a supervisor, the one who benefits, or twice — approval reserving the amount never beyond the available balance (two
/// approvals racing for the last of it: one), payments that never exceed the reservation ("Pay" twice: once), and the public page
/// showing what each payment paid for but not the payee.
/// </summary>
public sealed class DisbursementTests(TestApp app)
{
    internal sealed record World(CaseworkWorld Care, Guid FundId, HttpClient Worker, List<(string Name, HttpClient Client)> Voters, HttpClient Supervisor,
        HttpClient Stranger, HttpClient OtherPlace) : IDisposable
    {
        public void Dispose()
        {
            Worker.Dispose();
            Supervisor.Dispose();
            Stranger.Dispose();
            OtherPlace.Dispose();
            foreach (var v in Voters) v.Client.Dispose();
        }
    }

    /// <summary>A fund of a new community with <paramref name="balanceYuan"/> given, and a committee of five voting members and a supervisor, all with accounts.</summary>
    Task<World> WorldAsync(decimal balanceYuan) => WorldAsync(app, balanceYuan);

    /// <inheritdoc cref="WorldAsync(decimal)"/>
    internal static async Task<World> WorldAsync(TestApp app, decimal balanceYuan)
    {
        var care = await CaseworkWorld.CreateAsync(app);
        var foundation = await TestOrganizations.CreateAsync(app, care.Township, name: "测试慈善基金会" + Guid.NewGuid().ToString("N")[..4], kind: OrganizationKind.Foundation);
        var worker = await app.CreateClientAsync(care.Worker.UserName);
        var fund = await (await worker.PostAsJsonAsync("/api/v1/charity/funds", new { areaCode = care.Community, hostOrganizationId = foundation, purpose = "资助社区微公益项目", establishedOn = "2025-09-05" }))
            .Expect(HttpStatusCode.Created);
        var id = fund.GetProperty("id").GetGuid();
        var voters = new List<(string, HttpClient)>();
        HttpClient? supervisor = null;
        var tag = Guid.NewGuid().ToString("N")[..4];
        for (var i = 0; i < 6; i++)
        {
            var account = await TestUsers.CreateAsync(app, Role.FundCommitteeMember, care.Community);
            var name = i == 5 ? $"监督员{tag}" : $"委员{i}{tag}";
            await (await worker.PostAsJsonAsync($"/api/v1/charity/funds/{id}/committee", new { name, role = i == 0 ? "Chair" : i == 5 ? "Supervisor" : "Member",
                accountUserName = account.UserName, termFrom = "2026-01-01", termTo = "2028-12-31" })).Expect(HttpStatusCode.Created);
            var client = await app.CreateClientAsync(account.UserName);
            if (i == 5) supervisor = client; else voters.Add((name, client));
        }
        var stranger = await TestUsers.CreateAsync(app, Role.FundCommitteeMember, care.Community);
        var other = await TestUsers.CreateAsync(app, Role.FundCommitteeMember, await TestHouseholds.NewCommunityAsync(app, await Places.NewTownshipAsync(app)));
        if (balanceYuan > 0)
            await (await worker.PostAsJsonAsync($"/api/v1/charity/funds/{id}/donations",
                new { donorKind = "Enterprise", donorName = "恒信商贸有限公司", channel = "BankTransfer", amountYuan = balanceYuan, donatedOn = "2026-09-05" })).Expect(HttpStatusCode.Created);
        return new World(care, id, worker, voters, supervisor!, await app.CreateClientAsync(stranger.UserName), await app.CreateClientAsync(other.UserName));
    }

    internal static async Task<Guid> RaiseAsync(World w, decimal yuan, string payee = "社区社会组织联合会", string title = "社区微公益创投项目：幸福食堂助餐")
    {
        var raised = await (await w.Worker.PostAsJsonAsync($"/api/v1/charity/funds/{w.FundId}/disbursements",
            new { purpose = "Other", title, amountYuan = yuan, payee, justification = "为辖区独居老人提供午餐补贴。" })).Expect(HttpStatusCode.Created);
        return raised.GetProperty("id").GetGuid();
    }

    internal static Task<HttpResponseMessage> VoteAsync(World w, HttpClient member, Guid request, bool approve = true) =>
        member.PostAsJsonAsync($"/api/v1/charity/funds/{w.FundId}/disbursements/{request}/votes", new { approve, comment = approve ? "同意" : "不同意" });

    Task<long> ReservedAsync(Guid fundId) => app.Query(db => db.Set<CommunityFund>().IgnoreQueryFilters().Where(f => f.Id == fundId).Select(f => f.ReservedFen).SingleAsync());

    [Fact]
    public async Task The_committee_decides_by_majority_and_no_one_votes_who_may_not()
    {
        using var w = await WorldAsync(10000m);
        var request = await RaiseAsync(w, 3000m, payee: w.Voters[4].Name);
        Assert.Single((await (await w.Voters[0].Client.GetAsync("/api/v1/me/votes")).Expect(HttpStatusCode.OK)).EnumerateArray(), r => r.GetProperty("requestId").GetGuid() == request);
        // The payee stands aside: the request is not on their list and their vote is refused.
        Assert.DoesNotContain((await (await w.Voters[4].Client.GetAsync("/api/v1/me/votes")).Expect(HttpStatusCode.OK)).EnumerateArray(), r => r.GetProperty("requestId").GetGuid() == request);
        var standAside = await (await VoteAsync(w, w.Voters[4].Client, request)).Expect(HttpStatusCode.Conflict);
        Assert.Contains("回避", standAside.GetProperty("title").GetString());
        // The supervisor oversees but does not vote; a member of no committee of this fund may not; another place's member finds nothing.
        Assert.Contains("监督员", (await (await VoteAsync(w, w.Supervisor, request)).Expect(HttpStatusCode.Forbidden)).GetProperty("title").GetString());
        await (await VoteAsync(w, w.Stranger, request)).Expect(HttpStatusCode.Forbidden);
        await (await VoteAsync(w, w.OtherPlace, request)).Expect(HttpStatusCode.NotFound);
        // The station worker may read but not vote.
        await (await VoteAsync(w, w.Worker, request)).Expect(HttpStatusCode.Forbidden);
        var missing = await (await w.Voters[0].Client.PostAsJsonAsync($"/api/v1/charity/funds/{w.FundId}/disbursements/{request}/votes", new { comment = "x" })).Expect(HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("approve", out _));
        Assert.Equal(0, await app.Query(db => db.Set<DisbursementVote>().IgnoreQueryFilters().CountAsync(v => v.RequestId == request)));

        var first = await (await VoteAsync(w, w.Voters[0].Client, request)).Expect(HttpStatusCode.OK);
        Assert.Equal("Voting", first.GetProperty("status").GetString());
        Assert.Equal(3, first.GetProperty("needed").GetInt32());
        Assert.Contains("已表决", (await (await VoteAsync(w, w.Voters[0].Client, request, approve: false)).Expect(HttpStatusCode.Conflict)).GetProperty("title").GetString());
        await (await VoteAsync(w, w.Voters[1].Client, request, approve: false)).Expect(HttpStatusCode.OK);
        await (await VoteAsync(w, w.Voters[2].Client, request)).Expect(HttpStatusCode.OK);
        Assert.Equal(0, await ReservedAsync(w.FundId));
        var deciding = await (await VoteAsync(w, w.Voters[3].Client, request)).Expect(HttpStatusCode.OK);
        Assert.Equal("Approved", deciding.GetProperty("status").GetString());
        Assert.Equal(300000, await ReservedAsync(w.FundId));
        // After the decision no more votes; the request shows the votes and why the supervisor does not vote.
        await (await VoteAsync(w, w.Voters[4].Client, request)).Expect(HttpStatusCode.Conflict);
        var got = await (await w.Supervisor.GetAsync($"/api/v1/charity/funds/{w.FundId}/disbursements/{request}")).Expect(HttpStatusCode.OK);
        Assert.Equal(4, got.GetProperty("votes").GetArrayLength());
        Assert.Contains("监督员", got.GetProperty("myVoteRefusal").GetString());

        // Three rejections of five decide a rejection; nothing is reserved.
        var second = await RaiseAsync(w, 100m);
        foreach (var v in w.Voters.Take(3)) await (await VoteAsync(w, v.Client, second, approve: false)).Expect(HttpStatusCode.OK);
        var rejected = await (await w.Worker.GetAsync($"/api/v1/charity/funds/{w.FundId}/disbursements/{second}")).Expect(HttpStatusCode.OK);
        Assert.Equal("Rejected", rejected.GetProperty("status").GetString());
        Assert.Equal(300000, await ReservedAsync(w.FundId));

        // The cross-fund list filters by area and exports what it finds; another place's staff export none of them.
        var listed = await (await w.Worker.GetAsync($"/api/v1/charity/disbursements?area={w.Care.Community}&status=Approved")).Expect(HttpStatusCode.OK);
        Assert.Equal(1, listed.GetProperty("total").GetInt32());
        var export = await w.Worker.GetAsync($"/api/v1/charity/disbursements/export?area={w.Care.Community}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = new MemoryStream(await export.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r["状态"]?.ToString() == "已批准" && Convert.ToDecimal(r["申请金额（元）"]) == 3000m);
        var theirs = await w.OtherPlace.GetAsync("/api/v1/charity/disbursements/export");
        var numbers = rows.Select(r => r["申请编号"]?.ToString()).ToHashSet();
        Assert.DoesNotContain(new MemoryStream(await theirs.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>(),
            r => numbers.Contains(r["申请编号"]?.ToString()));
    }

    [Fact]
    public async Task A_wish_funded_from_the_fund_leaves_the_wall_returns_when_rejected_and_is_fulfilled_once_paid()
    {
        using var w = await WorldAsync(1000m);
        var wish = await WishTests.PublishedAsync(w.Care, w.Worker);
        var childName = await app.Query(db => db.Set<Wushe.Features.Households.Resident>().IgnoreQueryFilters().Where(r => r.Id == w.Care.ChildId).Select(r => r.Name).SingleAsync());
        var url = $"/api/v1/charity/funds/{w.FundId}/disbursements";
        Task<HttpResponseMessage> Raise(string title, Guid? wishId = null) => w.Worker.PostAsJsonAsync(url,
            new { purpose = "MicroWish", wishId = wishId ?? wish, title, amountYuan = 120m, payee = "市西新华书店", justification = "心愿发布一个月无人认领，由基金资助购买。" });
        // The title is public: it may not name the child; a wish the fund may not pay for is refused naming the field.
        Assert.True((await (await Raise($"给{childName}买一套绘本")).Expect(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("title", out _));
        Assert.True((await (await Raise("微心愿：绘本", Guid.NewGuid())).Expect(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("wishId", out _));
        var above = await (await w.Worker.PostAsJsonAsync(url, new { purpose = "MicroWish", wishId = wish, title = "微心愿：小雨，9岁，一套绘本", amountYuan = 120.01m, payee = "市西新华书店",
            justification = "心愿发布一个月无人认领，由基金资助购买。" })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("心愿的估价", above.GetProperty("errors").GetProperty("amountYuan")[0].GetString());
        var first = (await (await Raise("微心愿：小雨，9岁，一套绘本")).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        // Off the wall while the fund decides: no claim, no second request.
        var donor = await TestUsers.CreateAsync(app, Role.Donor, w.Care.Township);
        using var claimer = await app.CreateClientAsync(donor.UserName);
        Assert.Contains("基金资助", (await (await claimer.PostAsync($"/api/v1/charity/wishes/{wish}/claims", null)).Expect(HttpStatusCode.Conflict)).GetProperty("title").GetString());
        await (await Raise("微心愿：小雨，9岁，一套绘本")).Expect(HttpStatusCode.BadRequest);
        Assert.Equal("Funded", (await (await w.Worker.GetAsync($"/api/v1/charity/wishes/{wish}")).Expect(HttpStatusCode.OK)).GetProperty("status").GetString());

        // Rejected: back on the wall with priority.
        foreach (var v in w.Voters.Take(3)) await (await VoteAsync(w, v.Client, first, approve: false)).Expect(HttpStatusCode.OK);
        var back = await (await w.Worker.GetAsync($"/api/v1/charity/wishes/{wish}")).Expect(HttpStatusCode.OK);
        Assert.Equal("Published", back.GetProperty("status").GetString());
        Assert.Equal(1, back.GetProperty("priority").GetInt32());

        // Asked again, approved and paid: the worker confirms receipt (not before payment) and the wish is fulfilled.
        var second = (await (await Raise("微心愿：小雨，9岁，一套绘本")).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        foreach (var v in w.Voters.Take(3)) await (await VoteAsync(w, v.Client, second)).Expect(HttpStatusCode.OK);
        var receipt = $"/api/v1/charity/wishes/{wish}/received";
        Assert.Contains("尚未支付", (await (await w.Worker.PostAsJsonAsync(receipt, new { })).Expect(HttpStatusCode.Conflict)).GetProperty("title").GetString());
        await (await w.Worker.PostAsJsonAsync($"{url}/{second}/payments", new { amountYuan = 120m, paidOn = Wushe.Platform.ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd"), method = "银行转账", voucherNo = "PZ-W1" })).Expect(HttpStatusCode.Created);
        Assert.Equal("Fulfilled", (await (await w.Worker.PostAsJsonAsync(receipt, new { thankYou = "谢谢社区基金，绘本收到了！" })).Expect(HttpStatusCode.OK)).GetProperty("status").GetString());
        var got = await (await w.Worker.GetAsync($"/api/v1/charity/wishes/{wish}")).Expect(HttpStatusCode.OK);
        Assert.Equal(["Rejected", "Paid"], got.GetProperty("fundings").EnumerateArray().Select(f => f.GetProperty("status").GetString()));

        // The public page says what the money paid for, never the child.
        using var anonymous = app.CreateClient();
        var spending = (await (await anonymous.GetAsync($"/api/v1/public/charity/funds/{w.FundId}?view=spending")).Expect(HttpStatusCode.OK)).GetRawText();
        Assert.Contains("小雨", spending);
        Assert.DoesNotContain(childName, spending);
    }

    [Fact]
    public async Task Two_approvals_racing_for_the_last_of_the_balance_approve_exactly_one()
    {
        using var w = await WorldAsync(1000m);
        for (var round = 0; round < 3; round++)
        {
            // Each request asks for all that is available: two deciding votes at once, by different members, on two of them.
            var available = await app.Query(db => db.Set<CommunityFund>().IgnoreQueryFilters().Where(f => f.Id == w.FundId).Select(f => f.BalanceFen - f.ReservedFen).SingleAsync());
            var ask = available / 100m;
            var a = await RaiseAsync(w, ask);
            var b = await RaiseAsync(w, ask);
            foreach (var r in new[] { a, b })
            foreach (var v in w.Voters.Take(2)) await (await VoteAsync(w, v.Client, r)).Expect(HttpStatusCode.OK);
            var answers = await Task.WhenAll(VoteAsync(w, w.Voters[2].Client, a), VoteAsync(w, w.Voters[3].Client, b));
            Assert.Single(answers, x => x.StatusCode == HttpStatusCode.OK);
            var refused = Assert.Single(answers, x => x.StatusCode == HttpStatusCode.Conflict);
            Assert.Contains("可用余额", await refused.Content.ReadAsStringAsync());
            Assert.Equal(available, await ReservedAsync(w.FundId));
            // The refused vote is not recorded: the loser is still in voting with two approvals.
            Assert.Equal(5, await app.Query(db => db.Set<DisbursementVote>().IgnoreQueryFilters().CountAsync(v => v.RequestId == a || v.RequestId == b)));
            // Free the reservation again for the next round.
            var winner = answers[0].StatusCode == HttpStatusCode.OK ? a : b;
            await (await w.Worker.PostAsJsonAsync($"/api/v1/charity/funds/{w.FundId}/disbursements/{winner}/release", new { reason = "测试：释放预留" })).Expect(HttpStatusCode.OK);
        }
        Assert.Equal(0, await ReservedAsync(w.FundId));
        var check = await (await w.Worker.GetAsync("/api/v1/charity/funds/ledger-check")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(check.GetProperty("discrepancies").EnumerateArray(), d => d.GetProperty("fundId").GetGuid() == w.FundId);
    }

    [Fact]
    public async Task Pay_pressed_twice_pays_once_and_no_payment_exceeds_the_reservation()
    {
        using var w = await WorldAsync(5000m);
        var request = await RaiseAsync(w, 1200m, title: "困境儿童微心愿圆梦活动物资");
        foreach (var v in w.Voters.Take(3)) await (await VoteAsync(w, v.Client, request)).Expect(HttpStatusCode.OK);
        var pay = $"/api/v1/charity/funds/{w.FundId}/disbursements/{request}/payments";
        var tooMuch = await (await w.Worker.PostAsJsonAsync(pay, new { amountYuan = 1200.01m, paidOn = Wushe.Platform.ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd"), method = "银行转账", voucherNo = "PZ001" })).Expect(HttpStatusCode.BadRequest);
        Assert.True(tooMuch.GetProperty("errors").TryGetProperty("amountYuan", out _));
        // Not dated before the committee approved it.
        var yesterday = Wushe.Platform.ChinaTime.Today(TimeProvider.System).AddDays(-1).ToString("yyyy-MM-dd");
        var early = await (await w.Worker.PostAsJsonAsync(pay, new { amountYuan = 10m, paidOn = yesterday, method = "银行转账", voucherNo = "PZ-EARLY" })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("批准日期", early.GetProperty("errors").GetProperty("paidOn")[0].GetString());
        var bad = await (await w.Worker.PostAsJsonAsync(pay, new { amountYuan = -1m, paidOn = "2099-01-01", method = "", voucherNo = "" })).Expect(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "amountYuan", "paidOn", "method", "voucherNo" }) Assert.True(bad.GetProperty("errors").TryGetProperty(field, out _), field);
        // A committee member may not record payments.
        await (await w.Voters[0].Client.PostAsJsonAsync(pay, new { amountYuan = 100m, paidOn = Wushe.Platform.ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd"), method = "银行转账", voucherNo = "PZ001" })).Expect(HttpStatusCode.Forbidden);

        // Pressed twice at once without a key: one payment; with the same key again: the first answer repeated.
        var body = new { amountYuan = 1000m, paidOn = Wushe.Platform.ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd"), method = "银行转账", voucherNo = "PZ20261130" };
        var both = await Task.WhenAll(w.Worker.PostAsJsonAsync(pay, body), w.Worker.PostAsJsonAsync(pay, body));
        // Both fit (200 left after one), so the rule that stops the second is the reservation: pay the rest next.
        Assert.All(both, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.BadRequest, r.StatusCode.ToString()));
        Assert.Single(both, r => r.StatusCode == HttpStatusCode.Created);
        // The same voucher again through the API is the same payment: refused naming it.
        var again1 = await (await w.Worker.PostAsJsonAsync(pay, new { amountYuan = 100m, paidOn = body.paidOn, method = "银行转账", voucherNo = "PZ20261130" })).Expect(HttpStatusCode.Conflict);
        Assert.True(again1.GetProperty("errors").TryGetProperty("voucherNo", out _));
        using var keyed1 = new HttpRequestMessage(HttpMethod.Post, pay) { Content = JsonContent.Create(new { amountYuan = 200m, paidOn = Wushe.Platform.ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd"), method = "银行转账", voucherNo = "PZ20261130-2" }) };
        keyed1.Headers.Add("Idempotency-Key", $"pay-{request}");
        var firstAnswer = await (await w.Worker.SendAsync(keyed1)).Expect(HttpStatusCode.Created);
        using var keyed2 = new HttpRequestMessage(HttpMethod.Post, pay) { Content = JsonContent.Create(new { amountYuan = 200m, paidOn = Wushe.Platform.ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd"), method = "银行转账", voucherNo = "PZ20261130-2" }) };
        keyed2.Headers.Add("Idempotency-Key", $"pay-{request}");
        var again = await (await w.Worker.SendAsync(keyed2)).Expect(HttpStatusCode.Created);
        Assert.Equal(firstAnswer.GetProperty("paymentId").GetGuid(), again.GetProperty("paymentId").GetGuid());
        Assert.Equal("Paid", again.GetProperty("status").GetString());
        // Paid in full: a further payment is refused.
        await (await w.Worker.PostAsJsonAsync(pay, new { amountYuan = 1m, paidOn = Wushe.Platform.ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd"), method = "银行转账", voucherNo = "PZ3" })).Expect(HttpStatusCode.Conflict);

        var fund = await app.Query(db => db.Set<CommunityFund>().IgnoreQueryFilters().SingleAsync(f => f.Id == w.FundId));
        Assert.Equal(380000, fund.BalanceFen);
        Assert.Equal(0, fund.ReservedFen);
        Assert.Equal(120000, fund.SpentFen);
        Assert.Equal(2, await app.Query(db => db.Set<DisbursementPayment>().IgnoreQueryFilters().CountAsync(p => p.RequestId == request)));
        var check = await (await w.Worker.GetAsync("/api/v1/charity/funds/ledger-check")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(check.GetProperty("discrepancies").EnumerateArray(), d => d.GetProperty("fundId").GetGuid() == w.FundId);

        // The public page shows what the payments paid for, never the payee.
        using var anonymous = app.CreateClient();
        var spending = await (await anonymous.GetAsync($"/api/v1/public/charity/funds/{w.FundId}?view=spending")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, spending.GetProperty("spending").GetProperty("items").GetArrayLength());
        var page = await (await anonymous.GetAsync($"/Public/Fund/{w.FundId}?view=spending")).Content.ReadAsStringAsync();
        Assert.Contains("困境儿童微心愿圆梦活动物资", page);
        Assert.DoesNotContain("社区社会组织联合会", page);
        Assert.DoesNotContain("社区社会组织联合会", spending.GetRawText());
    }

    [Fact]
    public async Task A_request_in_voting_is_withdrawn_and_an_approved_rest_released_and_bad_requests_are_refused()
    {
        using var w = await WorldAsync(2000m);
        var url = $"/api/v1/charity/funds/{w.FundId}/disbursements";
        var bad = await (await w.Worker.PostAsJsonAsync(url, new { purpose = "Project", title = "x", amountYuan = 0m, payee = "", justification = "" })).Expect(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "projectId", "title", "amountYuan", "payee", "justification" }) Assert.True(bad.GetProperty("errors").TryGetProperty(field, out _), field);
        var tooBig = await (await w.Worker.PostAsJsonAsync(url, new { purpose = "Other", title = "太大的申请", amountYuan = 100000000.01m, payee = "某单位", justification = "测试金额上限" })).Expect(HttpStatusCode.BadRequest);
        Assert.True(tooBig.GetProperty("errors").TryGetProperty("amountYuan", out _));
        // A committee member may not raise one; another place's staff reach no such fund.
        await (await w.Voters[0].Client.PostAsJsonAsync(url, new { purpose = "Other", title = "委员申请", amountYuan = 10m, payee = "某单位", justification = "委员不能申请" })).Expect(HttpStatusCode.Forbidden);
        Assert.Equal(0, await app.Query(db => db.Set<DisbursementRequest>().IgnoreQueryFilters().CountAsync(r => r.FundId == w.FundId)));

        var voting = await RaiseAsync(w, 500m);
        await (await w.Worker.PostAsJsonAsync($"{url}/{voting}/release", new { reason = "" })).Expect(HttpStatusCode.BadRequest);
        var withdrawn = await (await w.Worker.PostAsJsonAsync($"{url}/{voting}/release", new { reason = "项目调整，撤回申请" })).Expect(HttpStatusCode.OK);
        Assert.Equal("Withdrawn", withdrawn.GetProperty("status").GetString());
        Assert.Equal(0, withdrawn.GetProperty("releasedFen").GetInt64());
        await (await VoteAsync(w, w.Voters[0].Client, voting)).Expect(HttpStatusCode.Conflict);

        var approved = await RaiseAsync(w, 800m);
        foreach (var v in w.Voters.Take(3)) await (await VoteAsync(w, v.Client, approved)).Expect(HttpStatusCode.OK);
        await (await w.Worker.PostAsJsonAsync($"{url}/{approved}/payments", new { amountYuan = 300m, paidOn = Wushe.Platform.ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd"), method = "银行转账", voucherNo = "PZ1" })).Expect(HttpStatusCode.Created);
        var released = await (await w.Worker.PostAsJsonAsync($"{url}/{approved}/release", new { reason = "活动结余，释放剩余预留" })).Expect(HttpStatusCode.OK);
        Assert.Equal("Paid", released.GetProperty("status").GetString());
        Assert.Equal(50000, released.GetProperty("releasedFen").GetInt64());
        Assert.Equal(170000, released.GetProperty("availableFen").GetInt64());
        await (await w.Worker.PostAsJsonAsync($"{url}/{approved}/release", new { reason = "再次释放" })).Expect(HttpStatusCode.Conflict);

        var list = await (await w.Worker.GetAsync($"/api/v1/charity/disbursements?fund={w.FundId}")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, list.GetProperty("total").GetInt32());
        await (await w.OtherPlace.GetAsync($"/api/v1/charity/disbursements?fund={w.FundId}")).Expect(HttpStatusCode.NotFound);
        await (await w.OtherPlace.GetAsync($"{url}/{approved}")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_request_the_members_with_accounts_cannot_carry_says_who_has_no_account_and_the_meeting_votes_are_recorded()
    {
        var care = await CaseworkWorld.CreateAsync(app);
        var foundation = await TestOrganizations.CreateAsync(app, care.Township, name: "表决测试基金会" + Guid.NewGuid().ToString("N")[..4], kind: OrganizationKind.Foundation);
        using var worker = await app.CreateClientAsync(care.Worker.UserName);
        var fund = (await (await worker.PostAsJsonAsync("/api/v1/charity/funds", new { areaCode = care.Community, hostOrganizationId = foundation, purpose = "资助社区微公益项目", establishedOn = "2025-09-05" }))
            .Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var account = await TestUsers.CreateAsync(app, Role.FundCommitteeMember, care.Community);
        for (var i = 0; i < 6; i++)
            await (await worker.PostAsJsonAsync($"/api/v1/charity/funds/{fund}/committee", new { name = $"线下委员{i}", role = i == 0 ? "Chair" : i == 5 ? "Supervisor" : "Member",
                accountUserName = i == 0 ? account.UserName : null, termFrom = "2026-01-01", termTo = "2028-12-31" })).Expect(HttpStatusCode.Created);
        await (await worker.PostAsJsonAsync($"/api/v1/charity/funds/{fund}/donations", new { donorKind = "Enterprise", donorName = "恒信商贸有限公司", channel = "BankTransfer", amountYuan = 1000m, donatedOn = "2026-09-05" }))
            .Expect(HttpStatusCode.Created);
        var raised = (await (await worker.PostAsJsonAsync($"/api/v1/charity/funds/{fund}/disbursements", new { purpose = "Other", title = "社区助老餐补", amountYuan = 100m,
            payee = "社区长者食堂", justification = "为辖区独居老人提供午餐补贴。" })).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        // One member of five has an account: three approvals can never come online; the request says who to link.
        var got = await (await worker.GetAsync($"/api/v1/charity/funds/{fund}/disbursements/{raised}")).Expect(HttpStatusCode.OK);
        Assert.Contains("线下委员1", got.GetProperty("stalled").GetString());
        var page = await (await worker.GetAsync($"/Charity/Funds/Disbursement/{fund}/{raised}")).Content.ReadAsStringAsync();
        Assert.Contains("vote-stalled", page);
        Assert.Contains("meeting-vote-form", page);

        // The staff record the meeting's votes of the members without an account; they count as their own.
        var members = await app.Query(db => db.Set<FundCommitteeMember>().IgnoreQueryFilters().Where(m => m.FundId == fund).ToListAsync());
        Guid Member(string name) => members.Single(m => m.Name == name).Id;
        var meeting = $"/api/v1/charity/funds/{fund}/disbursements/{raised}/meeting-votes";
        var bad = await (await worker.PostAsJsonAsync(meeting, new { memberId = (Guid?)null, minutes = "" })).Expect(HttpStatusCode.BadRequest);
        foreach (var f in new[] { "memberId", "approve", "minutes" }) Assert.True(bad.GetProperty("errors").TryGetProperty(f, out _), f);
        Assert.True((await (await worker.PostAsJsonAsync(meeting, new { memberId = Member("线下委员5"), approve = true, minutes = "2026年第3次管委会会议" })).Expect(HttpStatusCode.BadRequest))
            .GetProperty("errors").TryGetProperty("memberId", out _));   // the supervisor does not vote
        Assert.Contains("在线表决", (await (await worker.PostAsJsonAsync(meeting, new { memberId = Member("线下委员0"), approve = true, minutes = "2026年第3次管委会会议" }))
            .Expect(HttpStatusCode.Conflict)).GetProperty("title").GetString());   // the chair has an account
        var one = await (await worker.PostAsJsonAsync(meeting, new { memberId = Member("线下委员1"), approve = true, minutes = "2026年第3次管委会会议", comment = "同意" })).Expect(HttpStatusCode.OK);
        Assert.Equal(("Voting", 1), (one.GetProperty("status").GetString(), one.GetProperty("approvals").GetInt32()));
        Assert.Contains("线下委员1已表决", (await (await worker.PostAsJsonAsync(meeting, new { memberId = Member("线下委员1"), approve = false, minutes = "2026年第3次管委会会议" }))
            .Expect(HttpStatusCode.Conflict)).GetProperty("title").GetString());
        var chairClient = await app.CreateClientAsync(account.UserName);
        await (await chairClient.PostAsJsonAsync(meeting, new { memberId = Member("线下委员2"), approve = true, minutes = "会议" })).Expect(HttpStatusCode.Forbidden);
        await (await chairClient.PostAsJsonAsync($"/api/v1/charity/funds/{fund}/disbursements/{raised}/votes", new { approve = true })).Expect(HttpStatusCode.OK);
        var decided = await (await worker.PostAsJsonAsync(meeting, new { memberId = Member("线下委员2"), approve = true, minutes = "2026年第3次管委会会议" })).Expect(HttpStatusCode.OK);
        Assert.Equal("Approved", decided.GetProperty("status").GetString());
        var after = await (await worker.GetAsync($"/api/v1/charity/funds/{fund}/disbursements/{raised}")).Expect(HttpStatusCode.OK);
        Assert.Equal(3, after.GetProperty("votes").EnumerateArray().Count());
        Assert.Equal(2, after.GetProperty("votes").EnumerateArray().Count(v => v.GetProperty("minutes").GetString() == "2026年第3次管委会会议"));
        Assert.Contains("meeting-vote", await (await worker.GetAsync($"/Charity/Funds/Disbursement/{fund}/{raised}")).Content.ReadAsStringAsync());
        chairClient.Dispose();
        // A world where every voting member has an account is not stalled.
        using var w = await WorldAsync(1000m);
        var request = await RaiseAsync(w, 100m);
        Assert.Equal(JsonValueKind.Null, (await (await w.Worker.GetAsync($"/api/v1/charity/funds/{w.FundId}/disbursements/{request}")).Expect(HttpStatusCode.OK)).GetProperty("stalled").ValueKind);
    }

    [Theory]
    [InlineData("喻委员", "喻委员", true)]
    [InlineData("喻委员", "喻 委员", true)]
    [InlineData("喻委员", "<img>喻委员</img>", true)]
    [InlineData("喻委员", "喻委员家属", true)]
    [InlineData("喻委员", "市西新华书店", false)]
    [InlineData("·", "市西·新华书店", false)]
    public void A_member_stands_aside_when_named_in_the_payee_however_written(string member, string payee, bool aside) =>
        Assert.Equal(aside, CharityRules.StandsAside(null, member, Guid.NewGuid(), payee));
}
