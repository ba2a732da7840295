using System.Net;
using System.Net.Http.Json;
using Wushe.Features.Organizations;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;
using Wushe.Tests.Casework;

namespace Wushe.Tests.Charity;

/// <summary>
/// 募捐活动 (issue 10): a 中华慈善日 campaign with a target, a period and linked funds; a donation answers it only to a linked fund within
/// the period, its progress is the sum of those donations (a reversal takes its gift out), public without personal data, scoped for staff.
/// </summary>
public sealed class CampaignTests(TestApp app)
{
    [Fact]
    public async Task A_charity_day_campaign_counts_the_donations_to_its_funds_within_its_period()
    {
        var care = await CaseworkWorld.CreateAsync(app);
        using var worker = await app.CreateClientAsync(care.Worker.UserName);
        async Task<Guid> FundAsync()
        {
            var host = await TestOrganizations.CreateAsync(app, care.Township, name: "活动测试基金会" + Guid.NewGuid().ToString("N")[..4], kind: OrganizationKind.Foundation);
            return (await (await worker.PostAsJsonAsync("/api/v1/charity/funds", new { areaCode = care.Community, hostOrganizationId = host, purpose = "资助社区微公益项目", establishedOn = "2025-09-05" }))
                .Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        }
        var (linked, other) = (await FundAsync(), await FundAsync());

        var bad = await (await worker.PostAsJsonAsync("/api/v1/charity/campaigns", new { areaCode = care.Township, name = "", startsOn = "2026-09-30", endsOn = "2026-09-01", targetYuan = 0m, fundIds = new[] { Guid.NewGuid() } }))
            .Expect(HttpStatusCode.BadRequest);
        foreach (var f in new[] { "name", "endsOn", "targetYuan", "fundIds" }) Assert.True(bad.GetProperty("errors").TryGetProperty(f, out _), f);
        var made = await (await worker.PostAsJsonAsync("/api/v1/charity/campaigns", new { areaCode = care.Township, name = "2026年“中华慈善日”社区募捐",
            description = "9月5日中华慈善日主题募捐", startsOn = "2026-09-01", endsOn = "2026-09-15", targetYuan = 10000m, fundIds = new[] { linked } })).Expect(HttpStatusCode.Created);
        var id = made.GetProperty("id").GetGuid();

        object Gift(decimal yuan, string on, Guid? campaign) => new { donorKind = "Individual", donorName = "活动捐赠人李秀兰", anonymous = true, channel = "WeChat", amountYuan = yuan, donatedOn = on, campaignId = campaign };
        var gift = (await (await worker.PostAsJsonAsync($"/api/v1/charity/funds/{linked}/donations", Gift(2500m, "2026-09-05", id))).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await (await worker.PostAsJsonAsync($"/api/v1/charity/funds/{linked}/donations", Gift(1000m, "2026-09-06", id))).Expect(HttpStatusCode.Created);
        await (await worker.PostAsJsonAsync($"/api/v1/charity/funds/{linked}/donations", Gift(800m, "2026-09-06", null))).Expect(HttpStatusCode.Created);
        // Outside the period, or to a fund the campaign does not raise for: refused naming the campaign, nothing saved.
        Assert.True((await (await worker.PostAsJsonAsync($"/api/v1/charity/funds/{linked}/donations", Gift(50m, "2026-09-20", id))).Expect(HttpStatusCode.BadRequest))
            .GetProperty("errors").TryGetProperty("campaignId", out _));
        Assert.True((await (await worker.PostAsJsonAsync($"/api/v1/charity/funds/{other}/donations", Gift(50m, "2026-09-05", id))).Expect(HttpStatusCode.BadRequest))
            .GetProperty("errors").TryGetProperty("campaignId", out _));

        var got = await (await worker.GetAsync($"/api/v1/charity/campaigns/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(350000, got.GetProperty("raisedFen").GetInt64());
        Assert.Equal(35, got.GetProperty("percent").GetInt32());
        Assert.Equal(2, got.GetProperty("donations").GetInt32());
        // A reversed gift leaves the progress.
        await (await worker.PostAsJsonAsync($"/api/v1/charity/funds/{linked}/donations/{gift}/reverse", new { reason = "重复登记" })).Expect(HttpStatusCode.OK);
        Assert.Equal(100000, (await (await worker.GetAsync($"/api/v1/charity/campaigns/{id}")).Expect(HttpStatusCode.OK)).GetProperty("raisedFen").GetInt64());
        // A fund with donations of the campaign stays linked.
        var unlink = await (await worker.PutAsJsonAsync($"/api/v1/charity/campaigns/{id}", new { name = "2026年“中华慈善日”社区募捐", startsOn = "2026-09-01", endsOn = "2026-09-15",
            targetYuan = 10000m, fundIds = new[] { other } })).Expect(HttpStatusCode.BadRequest);
        Assert.True(unlink.GetProperty("errors").TryGetProperty("fundIds", out _));

        // The public reads the progress, never a donor's name; another township's staff find nothing.
        using var anonymous = app.CreateClient();
        var open = (await (await anonymous.GetAsync($"/api/v1/public/charity/campaigns?area={care.Township}")).Expect(HttpStatusCode.OK)).GetRawText();
        Assert.Contains("中华慈善日", open);
        Assert.DoesNotContain("李秀兰", open);
        var outsider = await TestUsers.CreateAsync(app, Role.StationWorker, await Places.NewTownshipAsync(app));
        using var stranger = await app.CreateClientAsync(outsider.UserName);
        await (await stranger.GetAsync($"/api/v1/charity/campaigns/{id}")).Expect(HttpStatusCode.NotFound);
        Assert.Equal(0, (await (await stranger.GetAsync("/api/v1/charity/campaigns?keyword=中华慈善日")).Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray()
            .Count(c => c.GetProperty("id").GetGuid() == id));
        // The pages: list with progress, details, the form.
        Assert.Contains("2026年“中华慈善日”社区募捐", await (await worker.GetAsync($"/Charity/Campaigns?area={care.Township}")).Content.ReadAsStringAsync());
        Assert.Contains("campaign-progress", await (await worker.GetAsync($"/Charity/Campaigns/Details/{id}")).Content.ReadAsStringAsync());
        Assert.Contains("campaign-form", await (await worker.GetAsync($"/Charity/Campaigns/Edit/{id}")).Content.ReadAsStringAsync());
    }
}
