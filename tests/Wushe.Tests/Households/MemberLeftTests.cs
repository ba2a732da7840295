using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Households;

/// <summary>
/// review7c 31: one member who moves out or dies is recorded on its own — kept with the day, no longer active (not counted in
/// the key groups, the member count drops) — without closing the household; the head and a closed household refuse.
/// </summary>
public sealed class MemberLeftTests(TestApp app)
{
    static DateOnly Today => ChinaTime.Today(TimeProvider.System);

    [Fact]
    public async Task A_member_who_died_is_kept_inactive_untagged_and_uncounted_and_the_head_cannot_leave_alone()
    {
        var township = await Places.NewTownshipAsync(app);
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, township, homeAreaCode: township);
        var tag = new Guid("5a6e7400-0000-4000-8000-000000000001");   // 独居老人, a platform default (60 and over)
        var made = await TestHouseholds.CreateAsync(app, await TestHouseholds.NewCommunityAsync(app, township), workerId: worker.Id, members:
        [
            TestHouseholds.Head("孙建业"),
            new ResidentFields("孙老太", Sex.Female, new DateOnly(1938, 3, 1), Relation.Parent, Tags: [tag]),
        ]);
        var (head, mother) = (made.Members[0], made.Members[1]);
        using var client = await app.CreateClientAsync(worker.UserName);

        // Bad input: every field named, nothing saved.
        var bad = await (await client.PostAsJsonAsync($"/api/v1/residents/{mother}/leave", new { status = "Active", leftOn = Today.AddDays(1), note = new string('长', 201) })).Expect(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "status", "leftOn", "note" }) Assert.True(bad.GetProperty("errors").TryGetProperty(field, out _), field + ": " + bad);
        await (await client.PostAsJsonAsync($"/api/v1/residents/{head}/leave", new { status = "MovedOut", leftOn = Today })).Expect(HttpStatusCode.Conflict);

        // The page: confirmed, then the member is kept with the day, untagged, and the household counts one member.
        using var session = new PageSession(await app.CookieClientAsync(worker.UserName));
        var (_, details) = await session.GetAsync($"/Households/Details?id={made.Id}");
        Assert.Contains($"/Households/MemberLeft?id={mother}", details, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Households/MemberLeft?id={head}", details, StringComparison.Ordinal);
        var page = $"/Households/MemberLeft?id={mother}";
        using (var saved = await session.PostFormAsync(page, new() { ["Input.Status"] = "Deceased", ["Input.LeftOn"] = Today.ToString("yyyy-MM-dd"), ["Input.Note"] = "病故" }, page))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var left = await app.Query(db => db.Set<Resident>().Where(r => r.Id == mother).Select(r => new { r.Status, r.LeftOn, r.LeftNote }).SingleAsync());
        Assert.Equal((ResidentStatus.Deceased, Today, "病故"), (left.Status, left.LeftOn!.Value, left.LeftNote));
        Assert.False(await app.Query(db => db.Set<ResidentTag>().AnyAsync(t => t.ResidentId == mother)));
        Assert.Equal(1, await app.Query(db => db.Set<Household>().Where(h => h.Id == made.Id).Select(h => h.MemberCount).SingleAsync()));
        var tagged = await (await client.GetAsync($"/api/v1/households?area={made.AreaCode}&tagged=true")).Expect(HttpStatusCode.OK);
        Assert.Equal(0, tagged.GetProperty("total").GetInt32());

        // Once only; and a closed household takes no member changes.
        await (await client.PostAsJsonAsync($"/api/v1/residents/{mother}/leave", new { status = "MovedOut", leftOn = Today })).Expect(HttpStatusCode.Conflict);
        var audit = await app.Query(db => db.AuditRecords.Where(a => a.EntityKey == mother.ToString()).OrderByDescending(a => a.Id).Select(a => a.Changes).FirstAsync());
        Assert.Contains("LeftOn", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("病故", audit, StringComparison.Ordinal);
    }
}
