using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wushe.Data;
using Wushe.Features.Volunteers;
using Wushe.Features.Volunteers.Hours;
using Wushe.Features.Volunteers.Points;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;
using Microsoft.Extensions.Time.Testing;

namespace Wushe.Tests.Volunteers;

/// <summary>Points ledger and redemption (issue 9): never below zero under parallel spending, stock never below zero, merchants' own codes, expiry refunds, earning at finalization.</summary>
public sealed class PointsTests(TestApp app)
{
    sealed record World(string Township, string Community, HttpClient Staff, HttpClient Merchant, Guid MerchantId) : IDisposable
    {
        public void Dispose()
        {
            Staff.Dispose();
            Merchant.Dispose();
        }
    }

    async Task<World> ArrangeAsync()
    {
        var community = await TestHouseholds.NewCommunityAsync(app);
        var township = community[..9] + "000";
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, township);
        var staff = await app.CreateClientAsync(worker.UserName);
        var (id, merchant) = await MerchantAsync(staff, township, "爱心超市");
        return new World(township, community, staff, merchant, id);
    }

    async Task<(Guid Id, HttpClient Client)> MerchantAsync(HttpClient staff, string township, string name)
    {
        var account = await TestUsers.CreateAsync(app, Role.Merchant, township);
        var made = await (await staff.PostAsJsonAsync("/api/v1/merchants", new { areaCode = township, name, kind = "Shop", address = "测试路1号", contact = "0857-1234567", accountUserName = account.UserName }))
            .Expect(HttpStatusCode.Created);
        return (made.GetProperty("id").GetGuid(), await app.CreateClientAsync(account.UserName));
    }

    static async Task<Guid> OfferAsync(HttpClient merchant, int price, int stock, int minStars = 0)
    {
        var today = ChinaTime.Today(TimeProvider.System);
        var made = await (await merchant.PostAsJsonAsync("/api/v1/me/merchant/offers", new
        {
            title = "洗衣液一瓶", description = "凭兑换码到店领取", pointsPrice = price, stock, validFrom = today.AddDays(-1).ToString("yyyy-MM-dd"),
            validTo = today.AddDays(30).ToString("yyyy-MM-dd"), minStars, isOn = true,
        })).Expect(HttpStatusCode.Created);
        return made.GetProperty("id").GetGuid();
    }

    /// <summary>Final hours for the volunteer, through FinalizeHours (which posts the points).</summary>
    async Task FinalAsync(Guid volunteerId, string community, params int[] minutes)
    {
        await using var scope = app.Scope(CurrentUser.System);
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var today = ChinaTime.Today(TimeProvider.System);
        var start = DateTimeOffset.UtcNow.AddDays(-10);
        var records = new List<HourRecord>();
        foreach (var m in minutes)
        {
            var r = new HourRecord(community, volunteerId, HourRecordKind.Honour, "测试组织", "测试服务", start, start.AddMinutes(Math.Abs(m)), m, today.AddDays(-10), today.AddDays(-1),
                null, "测试", DateTimeOffset.UtcNow);
            db.Add(r);
            records.Add(r);
            start = start.AddDays(-1);
        }
        await db.SaveChangesAsync();
        await FinalizeHours.FinalizeAsync(db, records, DateTimeOffset.UtcNow, CancellationToken.None);
    }

    async Task<(TestVolunteers.Made Made, HttpClient Client)> VolunteerAsync(string community, int finalMinutes = 0, string name = "积分志愿者")
    {
        var v = await TestVolunteers.JoinAsync(app, community, name);
        if (finalMinutes != 0) await FinalAsync(v.Id, community, finalMinutes);
        return (v, await TestVolunteers.ClientAsync(app, v));
    }

    Task<int> BalanceAsync(Guid volunteerId) =>
        app.Query(db => db.Set<PointsAccount>().IgnoreQueryFilters().Where(a => a.VolunteerId == volunteerId).Select(a => a.Balance).FirstOrDefaultAsync());

    /// <summary>The account's balance is the sum of its entries, and no entry ever left it below zero.</summary>
    async Task ReconcileAsync(Guid volunteerId)
    {
        var (balance, sum, lowest, count) = await app.Query(async db =>
        {
            var a = await db.Set<PointsAccount>().IgnoreQueryFilters().SingleAsync(x => x.VolunteerId == volunteerId);
            var entries = await db.Set<PointsEntry>().IgnoreQueryFilters().Where(e => e.AccountId == a.Id).ToListAsync();
            return (a.Balance, entries.Sum(e => e.Points), entries.Count == 0 ? 0 : entries.Min(e => e.BalanceAfter), entries.Count);
        });
        Assert.Equal(sum, balance);
        Assert.True(lowest >= 0, $"An entry left the balance at {lowest}");
        Assert.True(count > 0);
    }

    static Task<HttpResponseMessage> Redeem(HttpClient volunteer, Guid offer) => volunteer.PostAsync($"/api/v1/me/volunteer/offers/{offer}/redeem", null);

    [Fact]
    public async Task Twenty_parallel_redemptions_against_a_balance_that_affords_three_give_exactly_three_and_the_balance_ends_at_zero()
    {
        using var w = await ArrangeAsync();
        var (v, client) = await VolunteerAsync(w.Community, 100 * 60);
        Assert.Equal(100, await BalanceAsync(v.Id));
        var offer = await OfferAsync(w.Merchant, 25, 100);
        await (await Redeem(client, offer)).Expect(HttpStatusCode.Created);
        Assert.Equal(75, await BalanceAsync(v.Id));

        var answers = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Redeem(client, offer)));
        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Equal(0, await BalanceAsync(v.Id));
        await ReconcileAsync(v.Id);
        Assert.Equal(4, await app.Query(db => db.Set<Redemption>().IgnoreQueryFilters().CountAsync(r => r.VolunteerId == v.Id)));
        Assert.Equal(96, await app.Query(db => db.Set<Offer>().IgnoreQueryFilters().Where(o => o.Id == offer).Select(o => o.Stock).SingleAsync()));

        var mine = await (await client.GetAsync("/api/v1/me/volunteer/points")).Expect(HttpStatusCode.OK);
        Assert.Equal(0, mine.GetProperty("balance").GetInt32());
        Assert.Equal(5, mine.GetProperty("entries").GetProperty("total").GetInt32());
        // Newest first, each line's balance follows from the one below it.
        var lines = mine.GetProperty("entries").GetProperty("items").EnumerateArray().ToList();
        for (var i = 0; i + 1 < lines.Count; i++)
            Assert.Equal(lines[i + 1].GetProperty("balanceAfter").GetInt32(), lines[i].GetProperty("balanceAfter").GetInt32() - lines[i].GetProperty("points").GetInt32());
    }

    [Fact]
    public void Entries_made_in_one_millisecond_sort_in_the_order_they_were_made_as_text_and_as_uuid()
    {
        // A run posts many entries at one time: the ledger's order (At, then Id) must be the posting order on both databases
        // (SQLite compares the Id as text, PostgreSQL as a uuid, byte by byte — the same order for the canonical form).
        var ids = Enumerable.Range(0, 2000).Select(_ => UUIDNext.Uuid.NewSequential()).ToList();
        Assert.Equal(ids.Select(i => i.ToString()), ids.Select(i => i.ToString()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_offer_with_a_stock_of_two_and_ten_parallel_redeemers_gives_exactly_two()
    {
        using var w = await ArrangeAsync();
        var offer = await OfferAsync(w.Merchant, 5, 2);
        var clients = new List<HttpClient>();
        for (var i = 0; i < 10; i++) clients.Add((await VolunteerAsync(w.Community, 100 * 60, $"抢兑{i}")).Client);
        var answers = await Task.WhenAll(clients.Select(c => Redeem(c, offer)));
        Assert.Equal(2, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.All(answers.Where(a => a.StatusCode != HttpStatusCode.Created), a => Assert.Equal(HttpStatusCode.Conflict, a.StatusCode));
        Assert.Equal(0, await app.Query(db => db.Set<Offer>().IgnoreQueryFilters().Where(o => o.Id == offer).Select(o => o.Stock).SingleAsync()));
        Assert.Equal(2, await app.Query(db => db.Set<Redemption>().IgnoreQueryFilters().CountAsync(r => r.OfferId == offer)));
        foreach (var c in clients) c.Dispose();
    }

    [Fact]
    public async Task A_merchant_confirms_its_own_code_once_and_another_merchant_gets_404_with_nothing_saved()
    {
        using var w = await ArrangeAsync();
        var (_, other) = await MerchantAsync(w.Staff, w.Township, "另一家商户");
        var (v, client) = await VolunteerAsync(w.Community, 100 * 60, "核销志愿者");
        var offer = await OfferAsync(w.Merchant, 10, 5);
        var redeemed = await (await Redeem(client, offer)).Expect(HttpStatusCode.Created);
        var code = redeemed.GetProperty("code").GetString()!;
        Assert.Matches("^[2-9A-HJ-NP-Z]{8}$", code);

        await (await other.GetAsync($"/api/v1/me/merchant/redemptions/{code}")).Expect(HttpStatusCode.NotFound);
        await (await other.PostAsync($"/api/v1/me/merchant/redemptions/{code}/confirm", null)).Expect(HttpStatusCode.NotFound);
        Assert.Equal(RedemptionStatus.Pending, await app.Query(db => db.Set<Redemption>().IgnoreQueryFilters().Where(r => r.Code == code).Select(r => r.Status).SingleAsync()));
        var theirs = await (await other.GetAsync("/api/v1/me/merchant/redemptions")).Expect(HttpStatusCode.OK);
        Assert.Equal(0, theirs.GetProperty("total").GetInt32());

        var seen = await (await w.Merchant.GetAsync($"/api/v1/me/merchant/redemptions/{code.ToLowerInvariant()}")).Expect(HttpStatusCode.OK);
        Assert.Equal("核销志愿者", seen.GetProperty("volunteerName").GetString());
        var confirmed = await (await w.Merchant.PostAsync($"/api/v1/me/merchant/redemptions/{code}/confirm", null)).Expect(HttpStatusCode.OK);
        Assert.Equal("Settled", confirmed.GetProperty("status").GetString());
        await (await w.Merchant.PostAsync($"/api/v1/me/merchant/redemptions/{code}/confirm", null)).Expect(HttpStatusCode.Conflict);
        // A confirmed one is no longer the volunteer's to cancel.
        await (await client.PostAsync($"/api/v1/me/volunteer/redemptions/{redeemed.GetProperty("id").GetGuid()}/cancel", null)).Expect(HttpStatusCode.Conflict);

        var home = await (await w.Merchant.GetAsync("/api/v1/me/merchant")).Expect(HttpStatusCode.OK);
        Assert.Equal(0, home.GetProperty("toConfirm").GetInt32());
        Assert.Equal(1, home.GetProperty("thisQuarter").GetProperty("settled").GetInt32());
        var details = await (await w.Staff.GetAsync($"/api/v1/merchants/{w.MerchantId}")).Expect(HttpStatusCode.OK);
        Assert.Equal(10, details.GetProperty("quarters").EnumerateArray().Sum(q => q.GetProperty("settledPoints").GetInt32()));
        Assert.Equal(90, await BalanceAsync(v.Id));
    }

    [Fact]
    public async Task An_unconfirmed_redemption_expires_with_its_points_and_stock_back_and_a_cancel_refunds_too()
    {
        using var w = await ArrangeAsync();
        var (v, client) = await VolunteerAsync(w.Community, 100 * 60);
        var offer = await OfferAsync(w.Merchant, 30, 3);
        var first = await (await Redeem(client, offer)).Expect(HttpStatusCode.Created);
        var second = await (await Redeem(client, offer)).Expect(HttpStatusCode.Created);
        Assert.Equal(40, await BalanceAsync(v.Id));

        await (await client.PostAsync($"/api/v1/me/volunteer/redemptions/{second.GetProperty("id").GetGuid()}/cancel", null)).Expect(HttpStatusCode.OK);
        Assert.Equal(70, await BalanceAsync(v.Id));

        await using (var scope = app.Scope(CurrentUser.System))
            Assert.True(await ExpireRedemptions.RunAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(8))) >= 1);
        Assert.Equal(RedemptionStatus.Expired, await app.Query(db => db.Set<Redemption>().IgnoreQueryFilters().Where(r => r.Id == first.GetProperty("id").GetGuid()).Select(r => r.Status).SingleAsync()));
        Assert.Equal(100, await BalanceAsync(v.Id));
        Assert.Equal(3, await app.Query(db => db.Set<Offer>().IgnoreQueryFilters().Where(o => o.Id == offer).Select(o => o.Stock).SingleAsync()));
        await (await w.Merchant.PostAsync($"/api/v1/me/merchant/redemptions/{first.GetProperty("code").GetString()}/confirm", null)).Expect(HttpStatusCode.Conflict);
        await ReconcileAsync(v.Id);
        var mine = await (await client.GetAsync("/api/v1/me/volunteer/redemptions")).Expect(HttpStatusCode.OK);
        Assert.Equal(new[] { "Expired", "Cancelled" }, mine.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("status").GetString()).Order().Reverse().ToArray());
    }

    [Fact]
    public async Task Final_hours_earn_at_the_rate_stop_at_the_cap_and_a_correction_reverses_never_below_zero()
    {
        var community = await TestHouseholds.NewCommunityAsync(app);
        // Two half hours make a point between them; 90 minutes one more.
        var a = await TestVolunteers.JoinAsync(app, community, "半小时");
        await FinalAsync(a.Id, community, 30);
        Assert.Equal(0, await BalanceAsync(a.Id));
        await FinalAsync(a.Id, community, 30, 90);
        Assert.Equal(2, await BalanceAsync(a.Id));
        await FinalAsync(a.Id, community, -60);
        Assert.Equal(1, await BalanceAsync(a.Id));
        await ReconcileAsync(a.Id);

        // The cap (1,500 nationally): earning stops there and the entry says so.
        var b = await TestVolunteers.JoinAsync(app, community, "封顶");
        await FinalAsync(b.Id, community, 1499 * 60);
        await FinalAsync(b.Id, community, 180);
        Assert.Equal(1500, await BalanceAsync(b.Id));
        var capped = await app.Query(db => db.Set<PointsEntry>().IgnoreQueryFilters().Where(e => e.VolunteerId == b.Id).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).FirstAsync());
        Assert.Equal(1, capped.Points);
        Assert.Contains("积分上限", capped.Note);
        await ReconcileAsync(b.Id);

        // Spent to zero, then hours corrected down: nothing left to take, the entry notes what could not be.
        using var w = await ArrangeAsync();
        var (c, client) = await VolunteerAsync(w.Community, 100 * 60, "冲正");
        var offer = await OfferAsync(w.Merchant, 100, 1);
        await (await Redeem(client, offer)).Expect(HttpStatusCode.Created);
        await FinalAsync(c.Id, w.Community, -120);
        Assert.Equal(0, await BalanceAsync(c.Id));
        var reversal = await app.Query(db => db.Set<PointsEntry>().IgnoreQueryFilters().SingleAsync(e => e.VolunteerId == c.Id && e.Kind == PointsEntryKind.Reversal));
        Assert.Equal(0, reversal.Points);
        Assert.Contains("无从冲减", reversal.Note);
        await ReconcileAsync(c.Id);
    }

    [Fact]
    public async Task Stars_below_the_minimum_are_refused_and_nothing_is_saved()
    {
        using var w = await ArrangeAsync();
        var (none, noStars) = await VolunteerAsync(w.Community, 99 * 60, "零星");
        var offer = await OfferAsync(w.Merchant, 10, 5);
        var refused = await (await Redeem(noStars, offer)).Expect(HttpStatusCode.Conflict);
        Assert.Contains("星", refused.GetProperty("title").GetString());
        var (_, oneStar) = await VolunteerAsync(w.Community, 100 * 60, "一星");
        var twoStars = await OfferAsync(w.Merchant, 10, 5, minStars: 2);
        await (await Redeem(oneStar, twoStars)).Expect(HttpStatusCode.Conflict);
        Assert.Equal(0, await app.Query(db => db.Set<Redemption>().IgnoreQueryFilters().CountAsync(r => r.OfferId == offer || r.OfferId == twoStars)));
        Assert.Equal(99, await BalanceAsync(none.Id));
        // Another county's offer is not theirs to see: 404.
        var far = await TestHouseholds.NewCommunityAsync(app, "520526001000");
        var (_, distant) = await VolunteerAsync(far, 100 * 60, "远方");
        await (await Redeem(distant, offer)).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Donation_is_refused_where_the_region_does_not_allow_it()
    {
        var community = await TestHouseholds.NewCommunityAsync(app);
        var (giver, client) = await VolunteerAsync(community, 100 * 60, "转赠人");
        var (receiver, _) = await VolunteerAsync(community, 0, "受赠人");
        var refused = await (await client.PostAsJsonAsync("/api/v1/me/volunteer/points/donate", new { volunteerNo = receiver.VolunteerNo, points = 10 })).Expect(HttpStatusCode.Conflict);
        Assert.Contains("转赠", refused.GetProperty("title").GetString());
        Assert.Equal(100, await BalanceAsync(giver.Id));
        Assert.Equal(0, await BalanceAsync(receiver.Id));
        var invalid = await (await client.PostAsJsonAsync("/api/v1/me/volunteer/points/donate", new { volunteerNo = receiver.VolunteerNo, points = 0 })).Expect(HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("points", out JsonElement _));
    }

    /// <summary>纳雍县 keeps rules of its own for these tests (no other test uses the county): donation allowed, points valid two years.</summary>
    async Task<string> NayongCommunityAsync(int number)
    {
        const string county = "520525000000";
        await app.Query(async db =>
        {
            if (!await db.Set<VolunteerRuleSet>().IgnoreQueryFilters().AnyAsync(s => s.AreaCode == county))
            {
                db.Add(new VolunteerRuleSet(county, VolunteerSettings.National with { PointsDonationAllowed = true, PointsValidYears = 2 }, null, "测试", DateTimeOffset.UtcNow));
                try { await db.SaveChangesAsync(); }
                catch (DbUpdateException) { db.ChangeTracker.Clear(); } // the other test made it at the same moment
            }
            return 0;
        });
        return await TestHouseholds.NewCommunityAsync(app, "520525001000", number);
    }

    [Fact]
    public async Task Where_the_region_allows_donation_points_move_between_two_volunteers_and_never_more_than_held()
    {
        var community = await NayongCommunityAsync(901);
        var (giver, client) = await VolunteerAsync(community, 100 * 60, "转赠人");
        var (receiver, _) = await VolunteerAsync(community, 0, "受赠人");
        var tooMany = await (await client.PostAsJsonAsync("/api/v1/me/volunteer/points/donate", new { volunteerNo = receiver.VolunteerNo, points = 101 })).Expect(HttpStatusCode.Conflict);
        Assert.Contains("积分", tooMany.GetProperty("title").GetString());
        var self = await (await client.PostAsJsonAsync("/api/v1/me/volunteer/points/donate", new { volunteerNo = giver.VolunteerNo, points = 1 })).Expect(HttpStatusCode.BadRequest);
        Assert.True(self.GetProperty("errors").TryGetProperty("volunteerNo", out JsonElement _));
        await (await client.PostAsJsonAsync("/api/v1/me/volunteer/points/donate", new { volunteerNo = receiver.VolunteerNo, points = 30, note = "谢谢" })).Expect(HttpStatusCode.OK);
        Assert.Equal(70, await BalanceAsync(giver.Id));
        Assert.Equal(30, await BalanceAsync(receiver.Id));
        await ReconcileAsync(giver.Id);
        await ReconcileAsync(receiver.Id);
    }

    [Fact]
    public async Task Where_points_are_valid_two_years_the_unspent_old_points_lapse_oldest_first_once()
    {
        var community = await NayongCommunityAsync(902);
        var (giver, client) = await VolunteerAsync(community, 100 * 60, "过期甲");
        var (receiver, _) = await VolunteerAsync(community, 0, "过期乙");
        await (await client.PostAsJsonAsync("/api/v1/me/volunteer/points/donate", new { volunteerNo = receiver.VolunteerNo, points = 30 })).Expect(HttpStatusCode.OK);
        var now = DateTimeOffset.UtcNow;
        async Task<int> RunAt(DateTimeOffset at)
        {
            await using var scope = app.Scope(CurrentUser.System);
            return await ExpirePoints.RunAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), new FakeTimeProvider(at));
        }
        // A year on nothing lapses; what would lapse of what was credited until tomorrow is what was not used.
        await RunAt(now.AddYears(1));
        Assert.Equal(70, await BalanceAsync(giver.Id));
        var soon = await app.Query(async db => await ExpirePoints.LapsingAsync(db,
            await db.Set<PointsAccount>().IgnoreQueryFilters().Where(a => a.VolunteerId == giver.Id).Select(a => a.Id).SingleAsync(), now.AddDays(1)));
        Assert.Equal(70, soon);
        // Past two years the 70 left of the 100 earned lapse, and the 30 received; a second run finds nothing more.
        Assert.True(await RunAt(now.AddYears(2).AddDays(1)) >= 2);
        Assert.Equal(0, await BalanceAsync(giver.Id));
        Assert.Equal(0, await BalanceAsync(receiver.Id));
        var expiry = await app.Query(db => db.Set<PointsEntry>().IgnoreQueryFilters().Where(e => e.VolunteerId == giver.Id && e.Kind == PointsEntryKind.Expiry).Select(e => e.Points).ToListAsync());
        Assert.Equal([-70], expiry);
        await RunAt(now.AddYears(2).AddDays(2));
        Assert.Equal(1, await app.Query(db => db.Set<PointsEntry>().IgnoreQueryFilters().CountAsync(e => e.VolunteerId == giver.Id && e.Kind == PointsEntryKind.Expiry)));
        await ReconcileAsync(giver.Id);
        await ReconcileAsync(receiver.Id);
    }

    [Fact]
    public async Task Staff_register_merchants_in_scope_only_and_another_county_reads_404()
    {
        using var w = await ArrangeAsync();
        var list = await (await w.Staff.GetAsync($"/api/v1/merchants?area={w.Township}")).Expect(HttpStatusCode.OK);
        Assert.Contains(list.GetProperty("items").EnumerateArray(), m => m.GetProperty("id").GetGuid() == w.MerchantId);
        var outside = await (await w.Staff.PostAsJsonAsync("/api/v1/merchants", new { areaCode = "520526001000", name = "越界商户", kind = "Shop", address = "威宁某路" }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.True(outside.GetProperty("errors").TryGetProperty("areaCode", out JsonElement _));
        var other = await TestUsers.CreateAsync(app, Role.StationWorker, "520526001000");
        using var otherStaff = await app.CreateClientAsync(other.UserName);
        await (await otherStaff.GetAsync($"/api/v1/merchants/{w.MerchantId}")).Expect(HttpStatusCode.NotFound);
    }
}
