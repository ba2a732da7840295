using System.Net;
using System.Net.Http.Json;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Casework;

/// <summary>Out of scope is 404 on every casework route and page that names a record.</summary>
public sealed class CaseScopeTests(TestApp app)
{
    [Fact]
    public async Task Every_route_of_a_case_is_404_to_another_township()
    {
        var w = await CaseworkWorld.CreateAsync(app);
        var other = await CaseworkWorld.CreateAsync(app);
        var worker = await app.CreateClientAsync(w.Worker.UserName);
        var (caseId, _) = await CaseApprovalTests.OpenAsync(worker, w.AdultId);
        var step = await CaseApprovalTests.SubmitAsync(worker, caseId, "Assessment");
        // A case with a step awaiting the head is not referred (ReferralRecordTests): a second case is.
        var (referredId, _) = await CaseApprovalTests.OpenAsync(worker, w.ChildId);
        using var referral = await worker.PostAsJsonAsync($"/api/v1/cases/{referredId}/referrals", new { toStationId = other.StationId, reason = "迁居", consentOn = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd") });

        var outsider = await app.CreateClientAsync(other.Head.UserName);
        var today = DateTime.UtcNow.AddHours(8).ToString("yyyy-MM-dd");
        using var note = new MultipartFormDataContent { { new StringContent("越权记录"), "text" } };
        var answers = new List<(string, HttpResponseMessage)>
        {
            ("GetCase", await outsider.GetAsync($"/api/v1/cases/{caseId}")),
            ("SubmitCaseStep", await outsider.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps", new { kind = "Plan", content = "越权", goals = new[] { new { text = "目标", targetOn = today } } })),
            ("DecideCaseStep", await outsider.PostAsJsonAsync($"/api/v1/cases/steps/{step}/decision", new { approve = true })),
            ("AddCaseNote", await outsider.PostAsync($"/api/v1/cases/{caseId}/notes", note)),
            ("RecordCaseService", await outsider.PostAsJsonAsync($"/api/v1/cases/{caseId}/services", new { kind = "Counselling", servedOn = today, summary = "越权" })),
            ("ReferCase", await outsider.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { toStationId = w.StationId, reason = "越权", consentOn = today })),
            ("RevealCaseClient", await outsider.PostAsJsonAsync($"/api/v1/cases/{caseId}/client/reveal", new { field = "phone", reason = "越权查看" })),
            ("ListHouseholdCases", await outsider.GetAsync($"/api/v1/cases/households/{w.HouseholdId}")),
        };
        foreach (var (name, response) in answers)
        {
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{name}: {(int)response.StatusCode}");
            response.Dispose();
        }
        // A worker of a third township cannot decide the referral to `other` either.
        var third = await CaseworkWorld.CreateAsync(app);
        var referralId = (await referral.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        using (var r = await (await app.CreateClientAsync(third.Worker.UserName)).PostAsJsonAsync($"/api/v1/cases/referrals/{referralId}/decision", new { accept = true }))
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);

        // Pages: details, the household partial's source and the assessment form are 404 too.
        using var page = await PageSession.SignInAsync(app, other.Head.UserName);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/Casework/Details?id={caseId}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/Casework/Guardianship/Record?residentId={w.ChildId}")).Status);
        var list = (await page.GetAsync("/Casework")).Html;
        Assert.DoesNotContain(caseId.ToString(), list, StringComparison.Ordinal);

        // The case's own station sees it all, with the client's name masked in the list.
        using var own = await PageSession.SignInAsync(app, w.Worker.UserName);
        var (status, html) = await own.GetAsync($"/Casework?area={w.Community}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("张*丰", html, StringComparison.Ordinal);
        Assert.DoesNotContain("张三丰", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await own.GetAsync($"/Casework/Details?id={caseId}")).Status);
    }
}
