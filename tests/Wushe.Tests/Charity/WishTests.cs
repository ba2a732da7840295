using MiniExcelLibs;
using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Wushe.Data;
using Wushe.Features.Charity.Wishes;
using Wushe.Features.Households;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;
using Wushe.Tests.Casework;

namespace Wushe.Tests.Charity;

/// <summary>
/// Micro-wishes (issue 10): collected for a child in casework, published under an alias that may not be the child's name, claimed by one
/// claimer of a hundred at once, fulfilled and thanked on the wall; a claim without contact lapses after 7 days and the wish returns
/// with priority, and the lapsed claimer may not take it again within the cool-down.
/// </summary>
public sealed class WishTests(TestApp app)
{
    async Task<(CaseworkWorld Care, HttpClient Worker, string ChildName)> WorldAsync()
    {
        var care = await CaseworkWorld.CreateAsync(app);
        var name = await app.Query(db => db.Set<Resident>().IgnoreQueryFilters().Where(r => r.Id == care.ChildId).Select(r => r.Name).SingleAsync());
        return (care, await app.CreateClientAsync(care.Worker.UserName), name);
    }

    internal static async Task<Guid> PublishedAsync(CaseworkWorld care, HttpClient worker, string item = "一套绘本")
    {
        var made = await (await worker.PostAsJsonAsync("/api/v1/charity/wishes", new { residentId = care.ChildId, alias = "小雨", item, story = "喜欢看书，想要一套自己的绘本。", valueYuan = 120m, contact = "市西街道社工站 0857-8221234" }))
            .Expect(HttpStatusCode.Created);
        var id = made.GetProperty("id").GetGuid();
        await (await worker.PostAsJsonAsync($"/api/v1/charity/wishes/{id}/verify", new { publish = true, alias = "小雨", item, story = "喜欢看书，想要一套自己的绘本。" })).Expect(HttpStatusCode.OK);
        return id;
    }

    [Fact]
    public async Task A_wish_goes_from_collection_to_a_thank_you_and_the_wall_names_no_one()
    {
        var (care, worker, childName) = await WorldAsync();
        using var workerClient = worker;
        var leak = await (await worker.PostAsJsonAsync("/api/v1/charity/wishes", new { residentId = care.ChildId, alias = childName, item = "一套绘本", valueYuan = 120m, contact = "社工站 0857-8221234" }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.True(leak.GetProperty("errors").TryGetProperty("alias", out _));
        // Nor a phone number, an ID number or a door address in what goes on the wall (collected or verified).
        var contact = await (await worker.PostAsJsonAsync("/api/v1/charity/wishes", new { residentId = care.ChildId, alias = "小雨", item = "送到3栋2单元",
            story = "妈妈电话138 1234 5678，身份证520502201601011234", valueYuan = 120m, contact = "社工站 0857-8221234" })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("电话号码", contact.GetProperty("errors").GetProperty("story")[0].GetString());
        Assert.True(contact.GetProperty("errors").TryGetProperty("item", out _));
        var bad = await (await worker.PostAsJsonAsync("/api/v1/charity/wishes", new { residentId = Guid.NewGuid(), alias = "", item = "x", valueYuan = 0m, contact = "" })).Expect(HttpStatusCode.BadRequest);
        foreach (var f in new[] { "residentId", "alias", "item", "valueYuan", "contact" }) Assert.True(bad.GetProperty("errors").TryGetProperty(f, out _), f);

        var id = await PublishedAsync(care, worker);
        using (var open = app.CreateClient()) Assert.DoesNotContain("138 1234", await (await open.GetAsync("/api/v1/public/charity/wishes")).Content.ReadAsStringAsync());
        var donor = await TestUsers.CreateAsync(app, Role.Donor, care.Township);
        using var claimer = await app.CreateClientAsync(donor.UserName);
        var claim = await (await claimer.PostAsync($"/api/v1/charity/wishes/{id}/claims", null)).Expect(HttpStatusCode.Created);
        Assert.Contains("0857-8221234", claim.GetProperty("contact").GetString());
        var claimId = claim.GetProperty("claimId").GetGuid();
        // Delivery waits for contact; then evidence is needed.
        await (await claimer.PostAsJsonAsync($"/api/v1/me/wish-claims/{claimId}/delivered", new { evidence = "已送到社区" })).Expect(HttpStatusCode.Conflict);
        await (await claimer.PostAsync($"/api/v1/me/wish-claims/{claimId}/contacted", null)).Expect(HttpStatusCode.OK);
        await (await claimer.PostAsJsonAsync($"/api/v1/me/wish-claims/{claimId}/delivered", new { evidence = "" })).Expect(HttpStatusCode.BadRequest);
        await (await claimer.PostAsJsonAsync($"/api/v1/me/wish-claims/{claimId}/delivered", new { evidence = "12月2日把一套绘本送到社区，由社工转交" })).Expect(HttpStatusCode.OK);
        // Another account cannot act on the claim.
        var other = await TestUsers.CreateAsync(app, Role.Volunteer, care.Township);
        using var stranger = await app.CreateClientAsync(other.UserName);
        await (await stranger.PostAsync($"/api/v1/me/wish-claims/{claimId}/give-up", null)).Expect(HttpStatusCode.NotFound);

        await (await worker.PostAsJsonAsync($"/api/v1/charity/wishes/{id}/received", new { thankYou = $"谢谢叔叔阿姨，我是{childName}" })).Expect(HttpStatusCode.BadRequest);
        var done = await (await worker.PostAsJsonAsync($"/api/v1/charity/wishes/{id}/received", new { thankYou = "谢谢叔叔阿姨送来的绘本，我每天都在看！" })).Expect(HttpStatusCode.OK);
        Assert.Equal("Fulfilled", done.GetProperty("status").GetString());

        using var anonymous = app.CreateClient();
        var wall = await (await anonymous.GetAsync($"/api/v1/public/charity/wishes?area={care.Township}")).Expect(HttpStatusCode.OK);
        var text = wall.GetRawText();
        Assert.Contains("谢谢叔叔阿姨送来的绘本", text);
        Assert.DoesNotContain(childName, text);
        Assert.DoesNotContain(care.ChildId.ToString(), text);
        var figures = await (await worker.GetAsync($"/api/v1/charity/wishes/figures?area={care.Community}")).Expect(HttpStatusCode.OK);
        Assert.Equal(1, figures.GetProperty("fulfilled").GetInt32());
        Assert.Equal(1, figures.GetProperty("collected").GetInt32());
        Assert.True(figures.GetProperty("averageDaysToFulfil").GetDecimal() >= 0);
        // The staff list exports as Excel: the alias and the claimer, never the child's name; another township's area filter finds none.
        var export = await worker.GetAsync($"/api/v1/charity/wishes/export?area={care.Community}");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = new MemoryStream(await export.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.False(string.IsNullOrEmpty(Assert.Single(rows)["认领人"]?.ToString()));
        Assert.DoesNotContain(rows.SelectMany(r => r.Values), v => v?.ToString()?.Contains(childName) == true);
        var page = await (await worker.GetAsync("/Charity/Wishes?area=" + care.Community)).Content.ReadAsStringAsync();
        Assert.Contains("export-wishes", page);
        var mine = await (await claimer.GetAsync("/api/v1/me/wish-claims")).Expect(HttpStatusCode.OK);
        Assert.Equal("Delivered", Assert.Single(mine.EnumerateArray()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task A_hundred_claims_of_one_wish_at_once_give_exactly_one_claimer()
    {
        var (care, worker, _) = await WorldAsync();
        using var __ = worker;
        var id = await PublishedAsync(care, worker);
        var clients = new List<HttpClient>();
        for (var i = 0; i < 25; i++) clients.Add(await app.CreateClientAsync((await TestUsers.CreateAsync(app, i % 2 == 0 ? Role.Donor : Role.Volunteer, care.Township)).UserName));
        using var gate = new SemaphoreSlim(24);
        var answers = await Task.WhenAll(Enumerable.Range(0, 100).Select(async i =>
        {
            await gate.WaitAsync();
            try
            {
                using var response = await clients[i % clients.Count].PostAsync($"/api/v1/charity/wishes/{id}/claims", null);
                return response.StatusCode;
            }
            finally
            {
                gate.Release();
            }
        }));
        Assert.Equal(1, answers.Count(s => s == HttpStatusCode.Created));
        Assert.All(answers, s => Assert.True(s is HttpStatusCode.Created or HttpStatusCode.Conflict, s.ToString()));
        Assert.Equal(1, await app.Query(db => db.Set<WishClaim>().IgnoreQueryFilters().CountAsync(c => c.WishId == id)));
        var wish = await app.Query(db => db.Set<Wish>().IgnoreQueryFilters().SingleAsync(w => w.Id == id));
        Assert.Equal(WishStatus.Claimed, wish.Status);
        foreach (var c in clients) c.Dispose();
    }

    [Fact]
    public async Task A_claim_without_contact_lapses_after_seven_days_and_the_wish_returns_first_on_the_wall()
    {
        var (care, worker, _) = await WorldAsync();
        using var __ = worker;
        var id = await PublishedAsync(care, worker);
        var late = await TestUsers.CreateAsync(app, Role.Donor, care.Township);
        using var lateClient = await app.CreateClientAsync(late.UserName);
        var claimId = (await (await lateClient.PostAsync($"/api/v1/charity/wishes/{id}/claims", null)).Expect(HttpStatusCode.Created)).GetProperty("claimId").GetGuid();

        await using (var scope = app.Scope(CurrentUser.System))
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDb>();
            await LapseWishClaims.RunAsync(db, new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(6)));
            Assert.Equal(0, await CountLapsed());
            Assert.True(await LapseWishClaims.RunAsync(db, new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(8))) >= 1);
        }
        var wish = await app.Query(db => db.Set<Wish>().IgnoreQueryFilters().SingleAsync(w => w.Id == id));
        Assert.Equal(WishStatus.Published, wish.Status);
        Assert.Equal(1, wish.Priority);
        Assert.Equal(ClaimStatus.Lapsed, await app.Query(db => db.Set<WishClaim>().IgnoreQueryFilters().Where(c => c.Id == claimId).Select(c => c.Status).SingleAsync()));
        // Too late to confirm now; the lapsed claimer may not take it again within the cool-down; someone else may.
        await (await lateClient.PostAsync($"/api/v1/me/wish-claims/{claimId}/contacted", null)).Expect(HttpStatusCode.Conflict);
        Assert.Contains("30", (await (await lateClient.PostAsync($"/api/v1/charity/wishes/{id}/claims", null)).Expect(HttpStatusCode.Conflict)).GetProperty("title").GetString());
        using var anonymous = app.CreateClient();
        var wall = await (await anonymous.GetAsync($"/api/v1/public/charity/wishes?area={care.Township}")).Expect(HttpStatusCode.OK);
        var first = wall.GetProperty("open").GetProperty("items").EnumerateArray().First();
        Assert.Equal(id, first.GetProperty("id").GetGuid());
        Assert.True(first.GetProperty("priority").GetBoolean());
        var next = await TestUsers.CreateAsync(app, Role.Volunteer, care.Township);
        using var nextClient = await app.CreateClientAsync(next.UserName);
        await (await nextClient.PostAsync($"/api/v1/charity/wishes/{id}/claims", null)).Expect(HttpStatusCode.Created);

        Task<int> CountLapsed() => app.Query(db => db.Set<WishClaim>().IgnoreQueryFilters().CountAsync(c => c.WishId == id && c.Status == ClaimStatus.Lapsed));
    }
}
