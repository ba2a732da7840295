using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Casework;
using Wushe.Platform;
using Wushe.Platform.Audit;

namespace Wushe.Tests.Casework;

/// <summary>
/// review7b item 8 (F17): a referral never leaves a step waiting on the head of the station the case left; the client's core
/// record follows the accepted case (not the household list of the other township); the receiver chooses the community.
/// </summary>
public sealed class ReferralRecordTests(TestApp app)
{
    static string Today => ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd");

    static Task<HttpResponseMessage> Refer(HttpClient client, Guid caseId, Guid toStationId) =>
        client.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { toStationId, reason = "服务对象迁居", consentOn = Today });

    [Fact]
    public async Task A_case_with_a_step_awaiting_the_head_is_not_referred_and_a_referred_case_takes_no_step()
    {
        var from = await CaseworkWorld.CreateAsync(app);
        var to = await CaseworkWorld.CreateAsync(app);
        var sender = await app.CreateClientAsync(from.Worker.UserName);
        var (caseId, _) = await CaseApprovalTests.OpenAsync(sender, from.AdultId);
        var step = await CaseApprovalTests.SubmitAsync(sender, caseId, "Assessment");
        using (var r = await Refer(sender, caseId, to.StationId))
        {
            Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
            Assert.Contains("站长审批", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.False(await app.Query(db => db.Set<CaseReferral>().IgnoreQueryFilters().AnyAsync(x => x.CaseId == caseId)));
        // The page says why instead of offering the form.
        var page = await app.CookieClientAsync(from.Worker.UserName);
        var html = await page.GetStringAsync($"/Casework/Details?id={caseId}");
        Assert.Contains("refer-blocked", html, StringComparison.Ordinal);
        Assert.DoesNotContain("refer-form", html, StringComparison.Ordinal);

        // Once the head decides, the case is referred; while the referral waits nothing is submitted.
        using (var r = await (await app.CreateClientAsync(from.Head.UserName)).PostAsJsonAsync($"/api/v1/cases/steps/{step}/decision", new { approve = true }))
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using (var r = await Refer(sender, caseId, to.StationId)) Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        using (var r = await sender.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps", new { kind = "Plan", content = "计划", goals = new[] { new { text = "助餐", targetOn = Today } } }))
            Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
        var view = await sender.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}");
        Assert.Empty(view.GetProperty("maySubmit").EnumerateArray());
        Assert.False(view.GetProperty("mayRefer").GetBoolean());
    }

    [Fact]
    public async Task The_receiver_serves_the_client_through_the_case_but_not_the_household_of_the_other_township()
    {
        var from = await CaseworkWorld.CreateAsync(app);
        var to = await CaseworkWorld.CreateAsync(app);
        var sender = await app.CreateClientAsync(from.Worker.UserName);
        var receiver = await app.CreateClientAsync(to.Worker.UserName);
        var (caseId, _) = await CaseApprovalTests.OpenAsync(sender, from.AdultId);
        using (var r = await Refer(sender, caseId, to.StationId)) Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var referralId = (await receiver.GetFromJsonAsync<JsonElement>("/api/v1/cases/referrals/waiting"))[0].GetProperty("id").GetGuid();
        // Nothing of the client before accepting.
        using (var r = await receiver.PostAsJsonAsync($"/api/v1/cases/{caseId}/client/reveal", new { field = "guardianPhone", reason = "联系监护人" }))
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        using (var r = await receiver.PostAsJsonAsync($"/api/v1/cases/referrals/{referralId}/decision", new { accept = true })) Assert.Equal(HttpStatusCode.OK, r.StatusCode);

        var moved = await receiver.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}");
        var client = moved.GetProperty("client");
        Assert.Equal("张三丰", client.GetProperty("name").GetString());
        Assert.False(string.IsNullOrEmpty(client.GetProperty("address").GetString()));
        Assert.Matches(@"^1\d{2}\*{4}\d{4}$", client.GetProperty("phone").GetString());
        Assert.False(client.GetProperty("householdInScope").GetBoolean());
        // The household, its visits and the other township's list stay out of reach.
        using (var r = await receiver.GetAsync($"/api/v1/households/{from.HouseholdId}")) Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        using (var r = await receiver.PostAsJsonAsync($"/api/v1/residents/{from.AdultId}/reveal", new { field = "phone", reason = "联系服务对象" }))
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        // The phone through the case: a reason, the ID number not, an audit record.
        using (var r = await receiver.PostAsJsonAsync($"/api/v1/cases/{caseId}/client/reveal", new { field = "phone", reason = "" }))
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        using (var r = await receiver.PostAsJsonAsync($"/api/v1/cases/{caseId}/client/reveal", new { field = "idNumber", reason = "核对身份" }))
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        using (var r = await receiver.PostAsJsonAsync($"/api/v1/cases/{caseId}/client/reveal", new { field = "phone", reason = "联系服务对象安排面谈" }))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Matches("^1[0-9]{10}$", (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("value").GetString());
        }
        Assert.True(await app.Query(db => db.AuditRecords.AnyAsync(a => a.EntityKey == from.AdultId.ToString() && a.Action == AuditAction.Reveal
            && a.Outcome == AuditOutcome.Success && a.Reason == "联系服务对象安排面谈")));
        // The sender no longer has the case, so no reveal through it either.
        using (var r = await sender.PostAsJsonAsync($"/api/v1/cases/{caseId}/client/reveal", new { field = "guardianPhone", reason = "联系监护人" }))
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        // The page shows the core record with the masked phone and the note that the household lies elsewhere.
        var page = await app.CookieClientAsync(to.Worker.UserName);
        var html = await page.GetStringAsync($"/Casework/Details?id={caseId}");
        Assert.Contains("id=\"client-address\"", html, StringComparison.Ordinal);
        Assert.Contains("client-referred-note", html, StringComparison.Ordinal);
        Assert.DoesNotContain($"/Households/Details?id={from.HouseholdId}", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_receiver_places_the_case_in_a_community_of_its_township_and_the_page_shows_names_not_codes()
    {
        var from = await CaseworkWorld.CreateAsync(app);
        var to = await CaseworkWorld.CreateAsync(app);
        var sender = await app.CreateClientAsync(from.Worker.UserName);
        var receiver = await app.CreateClientAsync(to.Worker.UserName);
        var (caseId, _) = await CaseApprovalTests.OpenAsync(sender, from.AdultId);
        using (var r = await Refer(sender, caseId, to.StationId)) Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var referralId = (await receiver.GetFromJsonAsync<JsonElement>("/api/v1/cases/referrals/waiting"))[0].GetProperty("id").GetGuid();
        // A community of another township (the sender's) is refused, naming the field; nothing changes.
        using (var r = await receiver.PostAsJsonAsync($"/api/v1/cases/referrals/{referralId}/decision", new { accept = true, communityCode = from.Community }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Contains("communityCode", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(ReferralStatus.Pending, await app.Query(db => db.Set<CaseReferral>().IgnoreQueryFilters().Where(x => x.Id == referralId).Select(x => x.Status).FirstAsync()));
        using (var r = await receiver.PostAsJsonAsync($"/api/v1/cases/referrals/{referralId}/decision", new { accept = true, communityCode = to.Community }))
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var moved = await receiver.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}");
        Assert.Equal(to.Community, moved.GetProperty("areaCode").GetString());
        // The page: the area by its name (the code only in a tooltip), the opening day without a made-up time.
        var page = await app.CookieClientAsync(to.Worker.UserName);
        var html = await page.GetStringAsync($"/Casework/Details?id={caseId}");
        var area = System.Text.RegularExpressions.Regex.Match(html, "<dd[^>]*id=\"case-area\"[^>]*>([^<]*)</dd>");
        Assert.True(area.Success, "no 所属区划 on the page");
        Assert.DoesNotContain(to.Community, area.Groups[1].Value, StringComparison.Ordinal);
        Assert.Contains("社区", area.Groups[1].Value, StringComparison.Ordinal);
        Assert.DoesNotContain(Today + " 00:00", html, StringComparison.Ordinal);
        Assert.Contains("需求预估", html, StringComparison.Ordinal);
        Assert.DoesNotContain("预估评估", html, StringComparison.Ordinal);
    }
}
