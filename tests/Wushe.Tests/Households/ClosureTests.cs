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

        // Closed: a card change is refused like visits and members.
        await (await client.PostAsJsonAsync($"/api/v1/households/{made.Id}/card", new { colour = "red", reason = "注销后调整", assignedOn = Today })).Expect(HttpStatusCode.Conflict);
        await (await client.PostAsync($"/api/v1/households/{made.Id}/reopen", null)).Expect(HttpStatusCode.OK);
        Assert.Null(await app.Query(db => db.Set<Household>().Where(h => h.Id == made.Id).Select(h => h.ClosedReason).SingleAsync()));
    }
}
