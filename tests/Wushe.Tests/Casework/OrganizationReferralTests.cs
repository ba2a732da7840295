using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Casework;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Casework;

/// <summary>
/// A case referred to a social organization (转介给社会组织): the station keeps the case; the organization's staff accept or
/// decline, then read it (client masked) and add notes and services, and nothing else.
/// </summary>
public sealed class OrganizationReferralTests(TestApp app)
{
    static string Today => ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd");

    sealed record World(CaseworkWorld Station, Guid Organization, TestUsers.Made Staff, HttpClient Worker, HttpClient OrgClient);

    async Task<World> WorldAsync()
    {
        var w = await CaseworkWorld.CreateAsync(app);
        var organization = await TestOrganizations.CreateAsync(app, w.Township, name: "测试社工服务中心" + Guid.NewGuid().ToString("N")[..4]);
        var staff = await TestUsers.CreateAsync(app, Role.OrganizationStaff, w.Township, organizationId: organization);
        return new World(w, organization, staff, await app.CreateClientAsync(w.Worker.UserName), await app.CreateClientAsync(staff.UserName));
    }

    static async Task<Guid> ReferAsync(HttpClient client, Guid caseId, Guid organizationId)
    {
        var body = await (await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { toOrganizationId = organizationId, reason = "需要专业心理疏导", consentOn = Today }))
            .Expect(HttpStatusCode.Created);
        return body.GetProperty("id").GetGuid();
    }

    /// <summary>Assessment and plan approved by the head: the case is in service (services may be recorded).</summary>
    async Task InServiceAsync(World w, Guid caseId)
    {
        var head = await app.CreateClientAsync(w.Station.Head.UserName);
        var assessment = await CaseApprovalTests.SubmitAsync(w.Worker, caseId, "Assessment");
        await (await head.PostAsJsonAsync($"/api/v1/cases/steps/{assessment}/decision", new { approve = true })).Expect(HttpStatusCode.OK);
        var plan = await CaseApprovalTests.SubmitAsync(w.Worker, caseId, "Plan", [new { text = "心理疏导", targetOn = ChinaTime.Today(TimeProvider.System).AddMonths(2).ToString("yyyy-MM-dd") }]);
        await (await head.PostAsJsonAsync($"/api/v1/cases/steps/{plan}/decision", new { approve = true })).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task An_accepted_organization_referral_keeps_the_case_at_the_station_and_lets_the_organization_add_notes_and_services()
    {
        var w = await WorldAsync();
        var (caseId, caseNo) = await CaseApprovalTests.OpenAsync(w.Worker, w.Station.AdultId);
        await InServiceAsync(w, caseId);
        var referralId = await ReferAsync(w.Worker, caseId, w.Organization);

        // Waiting: the organization sees a masked summary, not the case.
        var list = await (await w.OrgClient.GetAsync("/api/v1/referred-cases")).Expect(HttpStatusCode.OK);
        var row = Assert.Single(list.GetProperty("items").EnumerateArray());
        Assert.Equal((referralId, caseNo, "Pending", "张*丰"), (row.GetProperty("referralId").GetGuid(), row.GetProperty("caseNo").GetString(),
            row.GetProperty("status").GetString(), row.GetProperty("clientName").GetString()));
        Assert.DoesNotContain("张三丰", list.GetRawText(), StringComparison.Ordinal);
        await (await w.OrgClient.GetAsync($"/api/v1/referred-cases/{caseId}")).Expect(HttpStatusCode.NotFound);
        // A second referral while one waits is refused.
        await (await w.Worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { toOrganizationId = w.Organization, reason = "再次转介", consentOn = Today }))
            .Expect(HttpStatusCode.Conflict);

        // Declining needs a reason; nothing changes without one.
        var bad = await (await w.OrgClient.PostAsJsonAsync($"/api/v1/referred-cases/referrals/{referralId}/decision", new { accept = false })).Expect(HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("note", out _));
        Assert.Equal(ReferralStatus.Pending, await app.Query(db => db.Set<CaseReferral>().IgnoreQueryFilters().Where(x => x.Id == referralId).Select(x => x.Status).FirstAsync()));
        await (await w.OrgClient.PostAsJsonAsync($"/api/v1/referred-cases/referrals/{referralId}/decision", new { accept = true, note = "安排心理咨询师跟进" }))
            .Expect(HttpStatusCode.OK);
        await (await w.OrgClient.PostAsJsonAsync($"/api/v1/referred-cases/referrals/{referralId}/decision", new { accept = true })).Expect(HttpStatusCode.Conflict);

        // The station keeps the case, where it was, with its worker.
        var kept = await (await w.Worker.GetAsync($"/api/v1/cases/{caseId}")).Expect(HttpStatusCode.OK);
        Assert.Equal((w.Station.Community, w.Station.StationId), (kept.GetProperty("areaCode").GetString(), kept.GetProperty("stationId").GetGuid()));
        var referral = Assert.Single(kept.GetProperty("referrals").EnumerateArray());
        Assert.Equal(("Accepted", w.Organization), (referral.GetProperty("status").GetString(), referral.GetProperty("toOrganizationId").GetGuid()));

        // The organization reads the case with the client masked: no address, no phone.
        var read = await (await w.OrgClient.GetAsync($"/api/v1/referred-cases/{caseId}")).Expect(HttpStatusCode.OK);
        Assert.True(read.GetProperty("viaOrganization").GetBoolean());
        Assert.Equal("张*丰", read.GetProperty("clientName").GetString());
        var client = read.GetProperty("client");
        Assert.Equal(("张*丰", "", JsonValueKind.Null), (client.GetProperty("name").GetString(), client.GetProperty("address").GetString(), client.GetProperty("phone").ValueKind));
        Assert.DoesNotContain("张三丰", read.GetRawText(), StringComparison.Ordinal);
        Assert.Empty(read.GetProperty("maySubmit").EnumerateArray());
        Assert.False(read.GetProperty("mayRefer").GetBoolean());

        // Notes and services by the organization show on the station's case.
        using (var note = new MultipartFormDataContent { { new StringContent("第一次心理疏导，情绪稳定"), "text" } })
            await (await w.OrgClient.PostAsync($"/api/v1/referred-cases/{caseId}/notes", note)).Expect(HttpStatusCode.Created);
        await (await w.OrgClient.PostAsJsonAsync($"/api/v1/referred-cases/{caseId}/services", new { kind = "Counselling", servedOn = Today, summary = "上门心理疏导" }))
            .Expect(HttpStatusCode.Created);
        var after = await (await w.Worker.GetAsync($"/api/v1/cases/{caseId}")).Expect(HttpStatusCode.OK);
        Assert.Contains(after.GetProperty("notes").EnumerateArray(), n => n.GetProperty("text").GetString() == "第一次心理疏导，情绪稳定"
            && n.GetProperty("writtenByName").GetString() == "测试用户");
        Assert.Contains(after.GetProperty("services").EnumerateArray(), s => s.GetProperty("summary").GetString()!.Contains("上门心理疏导", StringComparison.Ordinal));
        Assert.Equal(w.Station.Community, await app.Query(db => db.Set<CaseNote>().IgnoreQueryFilters().Where(n => n.CaseId == caseId).Select(n => n.AreaCode).FirstAsync()));
        using var session = await PageSession.SignInAsync(app, w.Station.Worker.UserName);
        var page = (await session.GetAsync($"/Casework/Details?id={caseId}")).Html;
        Assert.Contains("第一次心理疏导，情绪稳定", page, StringComparison.Ordinal);
        Assert.Contains("（已接收）", page, StringComparison.Ordinal);

        // Suspended, the organization reads the case and writes nothing on it.
        await app.Query(async db =>
        {
            var o = await db.Set<Wushe.Features.Organizations.Organization>().IgnoreQueryFilters().FirstAsync(x => x.Id == w.Organization);
            o.ChangeStatus(Wushe.Features.Organizations.OrganizationStatus.Suspended, "年检不合格");
            return await db.SaveChangesAsync();
        });
        await (await w.OrgClient.GetAsync($"/api/v1/referred-cases/{caseId}")).Expect(HttpStatusCode.OK);
        using (var late = new MultipartFormDataContent { { new StringContent("暂停后的记录"), "text" } })
            await (await w.OrgClient.PostAsync($"/api/v1/referred-cases/{caseId}/notes", late)).Expect(HttpStatusCode.Conflict);
        await (await w.OrgClient.PostAsJsonAsync($"/api/v1/referred-cases/{caseId}/services", new { kind = "Counselling", servedOn = Today, summary = "暂停后的服务" }))
            .Expect(HttpStatusCode.Conflict);

        // Both decisions of the referral are audited (created by the station, accepted by the organization's staff).
        var audited = await app.Query(db => db.AuditRecords.Where(a => a.Entity == nameof(CaseReferral) && a.EntityKey == referralId.ToString()).Select(a => a.UserId).ToListAsync());
        Assert.Contains(w.Station.Worker.Id, audited);
        Assert.Contains(w.Staff.Id, audited);
    }

    [Fact]
    public async Task The_organization_does_nothing_else_and_no_other_organization_or_case_is_open_to_it()
    {
        var w = await WorldAsync();
        var (caseId, _) = await CaseApprovalTests.OpenAsync(w.Worker, w.Station.AdultId);
        var (other, _) = await CaseApprovalTests.OpenAsync(w.Worker, w.Station.ChildId);
        var referralId = await ReferAsync(w.Worker, caseId, w.Organization);

        // Staff of another organization (serving the same township): the referral is not theirs.
        var otherOrganization = await TestOrganizations.CreateAsync(app, w.Station.Township);
        var otherStaff = await TestUsers.CreateAsync(app, Role.OrganizationStaff, w.Station.Township, organizationId: otherOrganization);
        var otherClient = await app.CreateClientAsync(otherStaff.UserName);
        Assert.Empty((await (await otherClient.GetAsync("/api/v1/referred-cases")).Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
        await (await otherClient.PostAsJsonAsync($"/api/v1/referred-cases/referrals/{referralId}/decision", new { accept = true })).Expect(HttpStatusCode.NotFound);
        // Station workers do not decide an organization's referral (not theirs; the route is the organization's).
        await (await w.Worker.PostAsJsonAsync($"/api/v1/cases/referrals/{referralId}/decision", new { accept = true })).Expect(HttpStatusCode.NotFound);
        Assert.Empty((await (await w.Worker.GetAsync("/api/v1/cases/referrals/waiting")).Expect(HttpStatusCode.OK)).EnumerateArray());

        await (await w.OrgClient.PostAsJsonAsync($"/api/v1/referred-cases/referrals/{referralId}/decision", new { accept = true })).Expect(HttpStatusCode.OK);
        // Another organization's staff, and this one's on another case of the station: 404.
        await (await otherClient.GetAsync($"/api/v1/referred-cases/{caseId}")).Expect(HttpStatusCode.NotFound);
        using (var note = new MultipartFormDataContent { { new StringContent("不属于本机构的记录"), "text" } })
            await (await otherClient.PostAsync($"/api/v1/referred-cases/{caseId}/notes", note)).Expect(HttpStatusCode.NotFound);
        await (await w.OrgClient.GetAsync($"/api/v1/referred-cases/{other}")).Expect(HttpStatusCode.NotFound);
        using (var note = new MultipartFormDataContent { { new StringContent("别的个案"), "text" } })
            await (await w.OrgClient.PostAsync($"/api/v1/referred-cases/{other}/notes", note)).Expect(HttpStatusCode.NotFound);
        // Nothing of the station's own work: no list, no steps, no referral, no reveal.
        await (await w.OrgClient.GetAsync("/api/v1/cases")).Expect(HttpStatusCode.Forbidden);
        await (await w.OrgClient.GetAsync($"/api/v1/cases/{caseId}")).Expect(HttpStatusCode.Forbidden);
        await (await w.OrgClient.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps", new { kind = "Closure", content = "结案" })).Expect(HttpStatusCode.Forbidden);
        await (await w.OrgClient.PostAsJsonAsync($"/api/v1/cases/{caseId}/client/reveal", new { field = "phone", reason = "联系服务对象" })).Expect(HttpStatusCode.Forbidden);
        // The page: steps and closing are not offered, posting them is refused; another case's page is 404.
        using var session = await PageSession.SignInAsync(app, w.Staff.UserName);
        var (status, html) = await session.GetAsync($"/Casework/Details?id={caseId}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"note-form\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"step-form\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"refer-form\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("张三丰", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"/Casework/Details?id={other}")).Status);
        using (var r = await session.PostFormAsync($"/Casework/Details?id={caseId}&handler=Step", new() { ["Step.Kind"] = "Closure", ["Step.Content"] = "结案" }, $"/Casework/Details?id={caseId}"))
            Assert.Contains("/Account/Denied", r.Headers.Location!.ToString(), StringComparison.Ordinal);
        // The reveal stays with the station: refused on the case they read, 404 on another.
        using (var r = await session.PostFormAsync($"/Casework/Details?id={caseId}&handler=Reveal", new() { ["Reveal.Field"] = "phone", ["Reveal.Reason"] = "联系服务对象" }, $"/Casework/Details?id={caseId}"))
            Assert.Contains("/Account/Denied", r.Headers.Location!.ToString(), StringComparison.Ordinal);
        using (var r = await session.PostFormAsync($"/Casework/Details?id={other}&handler=Reveal", new() { ["Reveal.Field"] = "phone", ["Reveal.Reason"] = "联系服务对象" }, $"/Casework/Details?id={caseId}"))
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        using (var r = await session.PostFormAsync($"/Casework/Details?id={caseId}&handler=Note", new() { ["Note.Text"] = "页面上添加的记录" }, $"/Casework/Details?id={caseId}"))
            Assert.Contains("/Casework/Details", r.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.True(await app.Query(db => db.Set<CaseNote>().IgnoreQueryFilters().AnyAsync(n => n.CaseId == caseId && n.Text == "页面上添加的记录" && n.WrittenById == w.Staff.Id)));
    }

    [Fact]
    public async Task An_organization_that_does_not_serve_the_case_s_area_is_refused_with_a_clear_400()
    {
        var w = await WorldAsync();
        var (caseId, _) = await CaseApprovalTests.OpenAsync(w.Worker, w.Station.AdultId);
        var elsewhere = await TestOrganizations.CreateAsync(app, await Places.NewTownshipAsync(app));
        var refused = await (await w.Worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { toOrganizationId = elsewhere, reason = "需要专业服务", consentOn = Today }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Equal("所选社会组织不存在、已暂停或注销，或不服务该个案所在区域", refused.GetProperty("errors").GetProperty("toOrganizationId")[0].GetString());
        var suspended = await TestOrganizations.CreateAsync(app, w.Station.Township, status: Wushe.Features.Organizations.OrganizationStatus.Suspended);
        await (await w.Worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { toOrganizationId = suspended, reason = "需要专业服务", consentOn = Today }))
            .Expect(HttpStatusCode.BadRequest);
        var both = await (await w.Worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { toOrganizationId = w.Organization, toStationId = w.Station.StationId, reason = "需要专业服务", consentOn = Today }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.True(both.GetProperty("errors").TryGetProperty("toOrganizationId", out _));
        var none = await (await w.Worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { reason = "需要专业服务", consentOn = Today })).Expect(HttpStatusCode.BadRequest);
        Assert.True(none.GetProperty("errors").TryGetProperty("toStationId", out _));
        Assert.False(await app.Query(db => db.Set<CaseReferral>().IgnoreQueryFilters().AnyAsync(r => r.CaseId == caseId)));

        // The page offers the serving organization, not the other.
        using var session = await PageSession.SignInAsync(app, w.Station.Worker.UserName);
        var html = (await session.GetAsync($"/Casework/Details?id={caseId}")).Html;
        Assert.Contains($"value=\"{w.Organization}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"value=\"{elsewhere}\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_organization_s_staff_decide_on_their_page_and_see_the_waiting_figure_at_home()
    {
        var w = await WorldAsync();
        var (caseId, caseNo) = await CaseApprovalTests.OpenAsync(w.Worker, w.Station.AdultId);
        var referralId = await ReferAsync(w.Worker, caseId, w.Organization);
        using var session = await PageSession.SignInAsync(app, w.Staff.UserName);
        var home = (await session.GetAsync("/")).Html;
        Assert.Contains("id=\"kpi-referred-cases\"", home, StringComparison.Ordinal);
        var (status, page) = await session.GetAsync("/Casework/Referred");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(caseNo, page, StringComparison.Ordinal);
        Assert.Contains("张*丰", page, StringComparison.Ordinal);
        Assert.Contains("data-confirm", page, StringComparison.Ordinal);
        // Declining without a reason is refused and says so; with one it is declined.
        using (var r = await session.PostFormAsync("/Casework/Referred?handler=Decide", new() { ["referralId"] = referralId.ToString(), ["accept"] = "false" }, "/Casework/Referred"))
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(ReferralStatus.Pending, await app.Query(db => db.Set<CaseReferral>().IgnoreQueryFilters().Where(x => x.Id == referralId).Select(x => x.Status).FirstAsync()));
        using (var r = await session.PostFormAsync("/Casework/Referred?handler=Decide", new() { ["referralId"] = referralId.ToString(), ["accept"] = "false", ["note"] = "本机构暂无服务名额" }, "/Casework/Referred"))
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(ReferralStatus.Declined, await app.Query(db => db.Set<CaseReferral>().IgnoreQueryFilters().Where(x => x.Id == referralId).Select(x => x.Status).FirstAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"/Casework/Details?id={caseId}")).Status);
        // The station sees the decline on its case page, and may refer again.
        using var station = await PageSession.SignInAsync(app, w.Station.Worker.UserName);
        var html = (await station.GetAsync($"/Casework/Details?id={caseId}")).Html;
        Assert.Contains("本机构暂无服务名额", html, StringComparison.Ordinal);
        Assert.Contains("id=\"refer-form\"", html, StringComparison.Ordinal);
        // Others (a station worker) have no such page.
        using var refused = await station.Client.GetAsync("/Casework/Referred");
        Assert.Contains("/Account/Denied", refused.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
