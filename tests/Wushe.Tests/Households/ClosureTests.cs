using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Households;

/// <summary>Review 7b item 37: closing a household asks for a reason and a day, keeps and shows them; the closed household refuses card changes.</summary>
public sealed class ClosureTests(TestApp app)
{
    static DateOnly Today => ChinaTime.Today(TimeProvider.System);

    [Fact]
    public async Task Closing_needs_a_reason_and_a_day_which_are_kept_and_shown_and_other_needs_a_note()
    {
        var township = await Places.NewTownshipAsync(app);
        var community = await TestHouseholds.NewCommunityAsync(app, township);
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, township, homeAreaCode: township);
        var made = await TestHouseholds.CreateAsync(app, community, workerId: worker.Id);
        using var client = await app.CreateClientAsync(worker.UserName);

        var bad = await (await client.PostAsJsonAsync($"/api/v1/households/{made.Id}/close", new { reason = "Other", closedOn = Today.AddDays(1) })).Expect(HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        Assert.True(errors.TryGetProperty("note", out _) && errors.TryGetProperty("closedOn", out _), errors.ToString());
        await (await client.PostAsJsonAsync($"/api/v1/households/{made.Id}/close", new { })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(HouseholdStatus.Active, await app.Query(db => db.Set<Household>().Where(h => h.Id == made.Id).Select(h => h.Status).SingleAsync()));

        // The page: reason, day and note beside each other; then shown on the household.
        using var session = new PageSession(await app.CookieClientAsync(worker.UserName));
        var page = $"/Households/Details?id={made.Id}";
        using (var refused = await session.PostFormAsync(page + "&handler=Close", new() { ["Closing.Reason"] = "", ["Closing.ClosedOn"] = "" }, page))
        {
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("请选择注销原因", html, StringComparison.Ordinal);
            Assert.Contains("注销日期不能为空", html, StringComparison.Ordinal);
        }
        using (var closed = await session.PostFormAsync(page + "&handler=Close",
                   new() { ["Closing.Reason"] = "Other", ["Closing.ClosedOn"] = Today.ToString("yyyy-MM-dd"), ["Closing.Note"] = "户籍迁往外省" }, page))
            Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var (_, shown) = await session.GetAsync(page);
        Assert.Contains("户籍迁往外省", shown, StringComparison.Ordinal);
        Assert.Contains(Today.ToString("yyyy-MM-dd"), shown, StringComparison.Ordinal);
        var kept = await app.Query(db => db.Set<Household>().Where(h => h.Id == made.Id).Select(h => new { h.Status, h.ClosedReason, h.ClosedOn }).SingleAsync());
        Assert.Equal((HouseholdStatus.Closed, ClosureReason.Other, Today), (kept.Status, kept.ClosedReason, kept.ClosedOn!.Value));

        // Closed: a card change is refused like visits and members; so are the address, a member's edit, a new consent and
        // a responsible worker (review7c 7) — reopen first.
        await (await client.PostAsJsonAsync($"/api/v1/households/{made.Id}/card", new { colour = "red", reason = "注销后调整", assignedOn = Today })).Expect(HttpStatusCode.Conflict);
        await (await client.PutAsJsonAsync($"/api/v1/households/{made.Id}", new { address = "注销后新地址1号" })).Expect(HttpStatusCode.Conflict);
        var head = await app.Query(db => db.Set<Resident>().SingleAsync(r => r.Id == made.Members[0]));
        await (await client.PutAsJsonAsync($"/api/v1/residents/{head.Id}", new ResidentFields(head.Name + "改", head.Sex, head.BirthDate, head.Relation))).Expect(HttpStatusCode.Conflict);
        await (await client.PostAsJsonAsync($"/api/v1/residents/{head.Id}/consents", new { consentedBy = head.Name, relation = "本人", byGuardian = false, scope = "Sensitive", givenOn = Today })).Expect(HttpStatusCode.Conflict);
        await (await client.PutAsJsonAsync($"/api/v1/households/{made.Id}/worker", new { workerId = worker.Id })).Expect(HttpStatusCode.Conflict);
        Assert.Equal(head.Name, await app.Query(db => db.Set<Resident>().Where(r => r.Id == head.Id).Select(r => r.Name).SingleAsync()));
        await (await client.PostAsJsonAsync($"/api/v1/households/{made.Id}/reopen", new { reason = "误注销", reopenedOn = Today })).Expect(HttpStatusCode.OK);
        Assert.Null(await app.Query(db => db.Set<Household>().Where(h => h.Id == made.Id).Select(h => h.ClosedReason).SingleAsync()));
    }

    [Fact]
    public async Task A_stale_member_or_address_form_is_refused_and_saves_nothing()
    {
        var township = await Places.NewTownshipAsync(app);
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, township, homeAreaCode: township);
        var made = await TestHouseholds.CreateAsync(app, await TestHouseholds.NewCommunityAsync(app, township), workerId: worker.Id);
        using var client = await app.CreateClientAsync(worker.UserName);
        var read = (await client.GetFromJsonAsync<GetHousehold.Details>($"/api/v1/households/{made.Id}", Answers.JsonOptions))!;
        var member = read.Members[0];
        var fields = new ResidentFields(member.Name, member.Sex, member.BirthDate, member.Relation, Version: member.Version);

        // Another worker saves first; the form opened before is refused (409) and the other's change stays (review7c 12).
        await (await client.PutAsJsonAsync($"/api/v1/residents/{member.Id}", fields with { Name = "先保存的" })).Expect(HttpStatusCode.OK);
        await (await client.PutAsJsonAsync($"/api/v1/residents/{member.Id}", fields with { Name = "后保存的" })).Expect(HttpStatusCode.Conflict);
        Assert.Equal("先保存的", await app.Query(db => db.Set<Resident>().Where(r => r.Id == member.Id).Select(r => r.Name).SingleAsync()));
        // (The head's name is the household's too: its version moved with the member's edit.)
        var household = (await client.GetFromJsonAsync<GetHousehold.Details>($"/api/v1/households/{made.Id}", Answers.JsonOptions))!.Version;
        await (await client.PutAsJsonAsync($"/api/v1/households/{made.Id}", new { address = "先改的地址1号", version = household })).Expect(HttpStatusCode.OK);
        await (await client.PutAsJsonAsync($"/api/v1/households/{made.Id}", new { address = "后改的地址2号", version = household })).Expect(HttpStatusCode.Conflict);

        // The member page sends the version it was opened with.
        using var session = new PageSession(await app.CookieClientAsync(worker.UserName));
        var page = $"/Households/Resident?id={member.Id}";
        var (_, html) = await session.GetAsync(page);
        var version = System.Text.RegularExpressions.Regex.Match(html, "name=\"Resident.Version\" value=\"(\\d+)\"").Groups[1].Value;
        Assert.NotEqual("", version);
        var form = new Dictionary<string, string>
        {
            ["Resident.Name"] = "页面保存的", ["Resident.Sex"] = member.Sex.ToString(), ["Resident.BirthDate"] = member.BirthDate.ToString("yyyy-MM-dd"),
            ["Resident.Relation"] = member.Relation.ToString(), ["Resident.Version"] = version,
        };
        await (await client.PutAsJsonAsync($"/api/v1/residents/{member.Id}", fields with { Name = "期间另存的", Version = int.Parse(version) })).Expect(HttpStatusCode.OK);
        using var stale = await session.PostFormAsync(page, form, page);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("已被他人修改", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("期间另存的", await app.Query(db => db.Set<Resident>().Where(r => r.Id == member.Id).Select(r => r.Name).SingleAsync()));
    }
}
