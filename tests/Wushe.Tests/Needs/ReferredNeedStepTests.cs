using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Needs;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Needs;

/// <summary>
/// The staff of the organization a need was referred to move it on — 对接 → 办理中 → 解决 — by the station's own rule, each step
/// on the timeline and audited; nothing else, and no other need.
/// </summary>
public sealed class ReferredNeedStepTests(TestApp app)
{
    sealed record World(string Community, HttpClient Staff, HttpClient Worker, Guid Organization, TestUsers.Made OrgStaff, HttpClient Org);

    async Task<World> WorldAsync()
    {
        var community = await TestHouseholds.NewCommunityAsync(app);
        var township = community[..9] + "000";
        var staff = await TestUsers.CreateAsync(app, Role.CommunityStaff, community);
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, township);
        var organization = await TestOrganizations.CreateAsync(app, township);
        var orgStaff = await TestUsers.CreateAsync(app, Role.OrganizationStaff, township, organizationId: organization);
        return new World(community, await app.CreateClientAsync(staff.UserName), await app.CreateClientAsync(worker.UserName), organization, orgStaff,
            await app.CreateClientAsync(orgStaff.UserName));
    }

    static async Task<JsonElement> Post(HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await client.PostAsJsonAsync(url, body)).Expect(expected);

    /// <summary>A need of the community, accepted and (unless told) matched to <paramref name="organization"/>.</summary>
    static async Task<Guid> NeedAsync(World w, Guid? organization, string title = "独居老人需要助餐服务")
    {
        var raised = await Post(w.Staff, "/api/v1/needs", new
        {
            areaCode = w.Community, category = "ElderlyCare", urgency = "Normal", title, description = "老人行动不便，需要每日送餐。", requesterName = "王秀英", requesterPhone = "13912345670",
        }, HttpStatusCode.Created);
        var id = raised.GetProperty("id").GetGuid();
        await Post(w.Staff, $"/api/v1/needs/{id}/status", new { to = "Accepted" });
        if (organization is { } o) await Post(w.Staff, $"/api/v1/needs/{id}/matches", new { kind = "Organization", targetId = o, note = "请安排助餐" }, HttpStatusCode.Created);
        return id;
    }

    [Fact]
    public async Task The_organization_starts_and_resolves_a_need_referred_to_it_each_step_on_the_timeline_and_audited()
    {
        var w = await WorldAsync();
        var id = await NeedAsync(w, w.Organization);
        var row = Assert.Single((await (await w.Org.GetAsync("/api/v1/needs/referred")).Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
        Assert.Equal(["InProgress", "Resolved"], row.GetProperty("mayMoveTo").EnumerateArray().Select(x => x.GetString()!));

        // Not what stays with the community and station: accept, reject, close (409, by the rule).
        foreach (var to in new[] { "Accepted", "Rejected", "Closed" })
        {
            var refused = await Post(w.Org, $"/api/v1/needs/referred/{id}/status", new { to, note = "机构尝试" }, HttpStatusCode.Conflict);
            Assert.Equal("社会组织只能将转介给本机构的需求改为“办理中”或“解决”", refused.GetProperty("title").GetString());
        }
        await Post(w.Org, $"/api/v1/needs/{id}/follow-up", new { satisfaction = 5, comment = "好", note = "回访" }, HttpStatusCode.Forbidden);
        // Resolving needs the outcome.
        var bad = await Post(w.Org, $"/api/v1/needs/referred/{id}/status", new { to = "Resolved" }, HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("note", out _));

        var started = await Post(w.Org, $"/api/v1/needs/referred/{id}/status", new { to = "InProgress", note = "已安排志愿者每日送餐", version = row.GetProperty("version").GetInt32() });
        Assert.Equal("InProgress", started.GetProperty("status").GetString());
        // A stale version (the page opened before) is 409.
        await Post(w.Org, $"/api/v1/needs/referred/{id}/status", new { to = "Resolved", note = "已送餐一个月", version = row.GetProperty("version").GetInt32() }, HttpStatusCode.Conflict);
        await Post(w.Org, $"/api/v1/needs/referred/{id}/status", new { to = "Resolved", note = "已送餐一个月，老人满意" });

        var need = await (await w.Worker.GetAsync($"/api/v1/needs/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal("Resolved", need.GetProperty("status").GetString());
        var steps = need.GetProperty("steps").EnumerateArray().ToList();
        Assert.Equal(["Submitted", "Accepted", "Matched", "InProgress", "Resolved"], steps.Select(s => s.GetProperty("status").GetString()!));
        Assert.Equal("已送餐一个月，老人满意", steps[^1].GetProperty("note").GetString());
        var audited = await app.Query(db => db.AuditRecords.Where(a => a.UserId == w.OrgStaff.Id && a.Entity == nameof(NeedStep)).CountAsync());
        Assert.Equal(2, audited);
        Assert.True(await app.Query(db => db.AuditRecords.AnyAsync(a => a.UserId == w.OrgStaff.Id && a.Entity == nameof(Need) && a.EntityKey == id.ToString())));
        // Resolved: nothing more for the organization; the community follows it up.
        Assert.Empty(Assert.Single((await (await w.Org.GetAsync("/api/v1/needs/referred")).Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()).GetProperty("mayMoveTo").EnumerateArray());
        await Post(w.Staff, $"/api/v1/needs/{id}/follow-up", new { satisfaction = 5, comment = "很及时", note = "电话回访" });
    }

    [Fact]
    public async Task A_need_not_matched_to_the_organization_is_404_to_its_staff()
    {
        var w = await WorldAsync();
        var other = await TestOrganizations.CreateAsync(app, w.Community[..9] + "000");
        var theirs = await NeedAsync(w, other, "转介给另一机构的需求");
        var unmatched = await NeedAsync(w, null, "尚未对接的需求");
        await Post(w.Org, $"/api/v1/needs/referred/{theirs}/status", new { to = "InProgress" }, HttpStatusCode.NotFound);
        await Post(w.Org, $"/api/v1/needs/referred/{unmatched}/status", new { to = "InProgress" }, HttpStatusCode.NotFound);
        // The station's own route stays the station's.
        await Post(w.Org, $"/api/v1/needs/{theirs}/status", new { to = "InProgress" }, HttpStatusCode.Forbidden);
        // Station and community staff have no organization's route.
        await Post(w.Worker, $"/api/v1/needs/referred/{theirs}/status", new { to = "InProgress" }, HttpStatusCode.Forbidden);
        Assert.Equal(NeedStatus.Matched, await app.Query(db => db.Set<Need>().IgnoreQueryFilters().Where(n => n.Id == theirs).Select(n => n.Status).FirstAsync()));
    }

    [Fact]
    public async Task The_referred_page_offers_the_steps_the_rule_allows_and_takes_them()
    {
        var w = await WorldAsync();
        var id = await NeedAsync(w, w.Organization, "需要上门理发");
        using var session = await PageSession.SignInAsync(app, w.OrgStaff.UserName);
        var html = (await session.GetAsync("/Needs/Referred")).Html;
        Assert.Contains("value=\"InProgress\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Resolved\"", html, StringComparison.Ordinal);
        Assert.Contains("data-confirm", html, StringComparison.Ordinal);
        using (var r = await session.PostFormAsync("/Needs/Referred?handler=Step", new() { ["id"] = id.ToString(), ["to"] = "InProgress", ["note"] = "已约理发师" }, "/Needs/Referred"))
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        html = (await session.GetAsync("/Needs/Referred")).Html;
        Assert.DoesNotContain("value=\"InProgress\"", html, StringComparison.Ordinal);
        // Resolving without the outcome changes nothing; with it, the need is resolved.
        using (var r = await session.PostFormAsync("/Needs/Referred?handler=Step", new() { ["id"] = id.ToString(), ["to"] = "Resolved" }, "/Needs/Referred"))
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(NeedStatus.InProgress, await app.Query(db => db.Set<Need>().IgnoreQueryFilters().Where(n => n.Id == id).Select(n => n.Status).FirstAsync()));
        using (var r = await session.PostFormAsync("/Needs/Referred?handler=Step", new() { ["id"] = id.ToString(), ["to"] = "Resolved", ["note"] = "已上门理发" }, "/Needs/Referred"))
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(NeedStatus.Resolved, await app.Query(db => db.Set<Need>().IgnoreQueryFilters().Where(n => n.Id == id).Select(n => n.Status).FirstAsync()));
        Assert.DoesNotContain("value=\"Resolved\"", (await session.GetAsync("/Needs/Referred")).Html, StringComparison.Ordinal);
        // Another organization's need: 404 through the page too.
        var other = await NeedAsync(w, await TestOrganizations.CreateAsync(app, w.Community[..9] + "000"), "别的机构的需求");
        using (var r = await session.PostFormAsync("/Needs/Referred?handler=Step", new() { ["id"] = other.ToString(), ["to"] = "InProgress" }, "/Needs/Referred"))
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
    }

    [Fact]
    public void The_rule_gives_an_organization_only_its_steps()
    {
        var org = Guid.NewGuid();
        Assert.Null(NeedRules.Refusal(NeedStatus.Matched, NeedStatus.InProgress, org));
        Assert.Null(NeedRules.Refusal(NeedStatus.Matched, NeedStatus.Resolved, org));
        Assert.Null(NeedRules.Refusal(NeedStatus.InProgress, NeedStatus.Resolved, org));
        Assert.NotNull(NeedRules.Refusal(NeedStatus.Submitted, NeedStatus.Accepted, org));
        Assert.NotNull(NeedRules.Refusal(NeedStatus.FollowedUp, NeedStatus.Closed, org));
        Assert.NotNull(NeedRules.Refusal(NeedStatus.Accepted, NeedStatus.InProgress, org));
        Assert.Null(NeedRules.Refusal(NeedStatus.FollowedUp, NeedStatus.Closed));
        Assert.Equal([NeedStatus.InProgress, NeedStatus.Resolved], NeedRules.MayMoveTo(NeedStatus.Matched, org));
        Assert.Empty(NeedRules.MayMoveTo(NeedStatus.Resolved, org));
    }
}
