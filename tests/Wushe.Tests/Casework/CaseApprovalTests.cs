using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Casework;
using Wushe.Platform;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Casework;

/// <summary>Cases: numbers, the head's approvals, and the stage that moves only on approval.</summary>
public sealed class CaseApprovalTests(TestApp app)
{
    static string Today => ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd");

    public static async Task<(Guid Id, string CaseNo)> OpenAsync(HttpClient client, Guid residentId)
    {
        using var response = await client.PostAsJsonAsync("/api/v1/cases", new { residentId, problem = "独居老人，行动不便", openedOn = Today });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return (body.GetProperty("id").GetGuid(), body.GetProperty("caseNo").GetString()!);
    }

    public static async Task<Guid> SubmitAsync(HttpClient client, Guid caseId, string kind, object[]? goals = null)
    {
        using var response = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps", new { kind, content = "评估：生活自理能力下降", goals });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    static async Task<string> StageAsync(HttpClient client, Guid caseId) =>
        (await client.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}")).GetProperty("status").GetString()!;

    static Task<HttpResponseMessage> DecideAsync(HttpClient client, Guid stepId, bool approve, string? comment = null) =>
        client.PostAsJsonAsync($"/api/v1/cases/steps/{stepId}/decision", new { approve, comment });

    [Fact]
    public async Task A_case_number_is_GA_the_township_the_year_and_a_sequence()
    {
        var w = await CaseworkWorld.CreateAsync(app);
        var worker = await app.CreateClientAsync(w.Worker.UserName);
        var (_, first) = await OpenAsync(worker, w.AdultId);
        var (_, second) = await OpenAsync(worker, w.ChildId);
        var year = ChinaTime.Today(TimeProvider.System).Year;
        Assert.Equal($"GA{w.Township[..9]}{year}0001", first);
        Assert.Equal($"GA{w.Township[..9]}{year}0002", second);
    }

    [Fact]
    public async Task Concurrent_opens_in_one_township_get_distinct_numbers()
    {
        var w = await CaseworkWorld.CreateAsync(app);
        var worker = await app.CreateClientAsync(w.Worker.UserName);
        // Eight people (one open case each), opened at once.
        var people = new List<Guid>();
        for (var i = 0; i < 8; i++) people.Add((await TestHouseholds.CreateAsync(app, w.Community, $"并发路{i}号")).Members[0]);
        var opened = await Task.WhenAll(people.Select(p => OpenAsync(worker, p)));
        var numbers = opened.Select(o => o.CaseNo).ToList();
        Assert.Equal(8, numbers.Distinct().Count());
        var year = ChinaTime.Today(TimeProvider.System).Year;
        Assert.Equal(Enumerable.Range(1, 8).Select(n => $"GA{w.Township[..9]}{year}{n:0000}"), numbers.Order());
    }

    [Fact]
    public async Task Only_the_head_of_the_case_station_approves_and_never_their_own_step()
    {
        var w = await CaseworkWorld.CreateAsync(app);
        var other = await CaseworkWorld.CreateAsync(app);
        var worker = await app.CreateClientAsync(w.Worker.UserName);
        var head = await app.CreateClientAsync(w.Head.UserName);
        var (caseId, _) = await OpenAsync(worker, w.AdultId);
        var step = await SubmitAsync(worker, caseId, "Assessment");
        Assert.Equal("Intake", await StageAsync(worker, caseId));

        // The submitter (not a head) and a worker of the station who is not its head: 403, nothing decided.
        using (var r = await DecideAsync(worker, step, true)) Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        using (var r = await DecideAsync(await app.CreateClientAsync(w.OtherWorker.UserName), step, true)) Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        // The head of another township: the case does not exist for them.
        using (var r = await DecideAsync(await app.CreateClientAsync(other.Head.UserName), step, true)) Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        Assert.Equal("Intake", await StageAsync(worker, caseId));
        Assert.Equal(StepStatus.Submitted, await app.Query(db => db.Set<CaseStep>().Where(s => s.Id == step).Select(s => s.Status).FirstAsync()));

        // A second step cannot be submitted while one waits.
        using (var r = await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps", new { kind = "Assessment", content = "再次提交" }))
            Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);

        using (var r = await DecideAsync(head, step, true))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            // An object, not a bare string: the case, its stage and its version.
            var answer = await r.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal(JsonValueKind.Object, answer.ValueKind);
            Assert.Equal("Planning", answer.GetProperty("status").GetString());
            Assert.Equal(caseId, answer.GetProperty("caseId").GetGuid());
            Assert.True(answer.GetProperty("caseVersion").GetInt32() > 0);
        }
        Assert.Equal("Planning", await StageAsync(worker, caseId));
        using (var r = await DecideAsync(head, step, true)) Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
    }

    [Fact]
    public async Task A_head_who_submitted_cannot_approve_their_own_step()
    {
        var w = await CaseworkWorld.CreateAsync(app);
        var head = await app.CreateClientAsync(w.Head.UserName);
        var (caseId, _) = await OpenAsync(head, w.AdultId);
        var step = await SubmitAsync(head, caseId, "Assessment");
        using var r = await DecideAsync(head, step, true);
        Assert.Equal(HttpStatusCode.Forbidden, r.StatusCode);
        Assert.Equal("Intake", await StageAsync(head, caseId));
    }

    [Fact]
    public async Task A_returned_plan_keeps_the_stage_and_is_submitted_again()
    {
        var w = await CaseworkWorld.CreateAsync(app);
        var worker = await app.CreateClientAsync(w.Worker.UserName);
        var head = await app.CreateClientAsync(w.Head.UserName);
        var (caseId, _) = await OpenAsync(worker, w.AdultId);
        using (var r = await DecideAsync(head, await SubmitAsync(worker, caseId, "Assessment"), true)) Assert.Equal(HttpStatusCode.OK, r.StatusCode);

        // A plan needs goals with target dates.
        using (var r = await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps", new { kind = "Plan", content = "服务计划" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Contains("goals", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        // A goal's target day before the case opened (a slip of the year) is refused naming 目标日期; nothing saved.
        using (var r = await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps", new { kind = "Plan", content = "服务计划", goals = new object[]
               {
                   new { text = "助餐", targetOn = Today }, new { text = "每周探访", targetOn = "2020-12-31" },
               } }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            var body = await r.Content.ReadAsStringAsync();
            Assert.Contains("goals[1].targetOn", body, StringComparison.Ordinal);
            Assert.Contains("目标日期不能早于开案日期", body, StringComparison.Ordinal);
            Assert.DoesNotContain("goals[0].targetOn", body, StringComparison.Ordinal);
        }
        Assert.Equal(1, await app.Query(db => db.Set<CaseStep>().CountAsync(s => s.CaseId == caseId)));
        var plan = await SubmitAsync(worker, caseId, "Plan", [new { text = "每周探访一次", targetOn = Today }]);
        // A return needs a comment; then the stage stays.
        using (var r = await DecideAsync(head, plan, false)) Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        using (var r = await DecideAsync(head, plan, false, "目标不够具体")) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("Planning", await StageAsync(worker, caseId));
        var details = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}");
        Assert.Contains(details.GetProperty("steps").EnumerateArray(), s => s.GetProperty("status").GetString() == "Returned" && s.GetProperty("comment").GetString() == "目标不够具体");

        var again = await SubmitAsync(worker, caseId, "Plan", [new { text = "每周探访一次并链接家庭医生", targetOn = Today }]);
        using (var r = await DecideAsync(head, again, true)) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        Assert.Equal("InService", await StageAsync(worker, caseId));

        // In service: a service record with the client as its beneficiary; then the closure closes the case on approval only.
        using (var r = await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/services", new { kind = "Counselling", servedOn = Today, summary = "情绪疏导" }))
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        Assert.Equal(1, await app.Query(db => db.Set<Wushe.Features.Households.ServiceBeneficiary>().CountAsync(b => b.ResidentId == w.AdultId)));
        using (var r = await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps", new { kind = "Closure", content = "目标达成，本人同意结案" }))
            Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        Assert.Equal("InService", await StageAsync(worker, caseId));
        var closure = await app.Query(db => db.Set<CaseStep>().Where(s => s.CaseId == caseId && s.Status == StepStatus.Submitted).Select(s => s.Id).FirstAsync());
        using (var r = await DecideAsync(head, closure, true)) Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var closed = await worker.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}");
        Assert.Equal("Closed", closed.GetProperty("status").GetString());
        Assert.Equal("目标达成，本人同意结案", closed.GetProperty("closureReason").GetString());
    }

    [Fact]
    public async Task A_bad_request_saves_nothing()
    {
        var w = await CaseworkWorld.CreateAsync(app);
        var worker = await app.CreateClientAsync(w.Worker.UserName);
        using (var r = await worker.PostAsJsonAsync("/api/v1/cases", new { residentId = w.AdultId, problem = "", openedOn = "2099-01-01" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            var body = await r.Content.ReadAsStringAsync();
            Assert.Contains("接案问题不能为空", body, StringComparison.Ordinal);
            Assert.Contains("开案日期不能晚于今天", body, StringComparison.Ordinal);
        }
        Assert.Equal(0, await app.Query(db => db.Set<Case>().CountAsync(c => c.ResidentId == w.AdultId)));

        var (caseId, _) = await OpenAsync(worker, w.AdultId);
        // A note whose attachment is not a jpg/png/pdf: 400 naming it, no note, no file.
        using var form = new MultipartFormDataContent { { new StringContent("首次面谈"), "text" } };
        form.Add(new ByteArrayContent("MZ not a picture"u8.ToArray()), "attachment", "x.png");
        using (var r = await worker.PostAsync($"/api/v1/cases/{caseId}/notes", form))
        {
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
            Assert.Contains("attachment", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        Assert.Equal(0, await app.Query(db => db.Set<CaseNote>().CountAsync(n => n.CaseId == caseId)));
        // A service before the plan is approved: refused, no service record.
        using (var r = await worker.PostAsJsonAsync($"/api/v1/cases/{caseId}/services", new { kind = "Counselling", servedOn = Today, summary = "情绪疏导" }))
            Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);
        Assert.Equal(0, await app.Query(db => db.Set<Wushe.Features.Households.ServiceRecord>().CountAsync(s => s.SourceId == caseId)));
        // A note that is fine: saved with its text.
        using var good = new MultipartFormDataContent { { new StringContent("首次面谈，了解家庭情况"), "text" } };
        using (var r = await worker.PostAsync($"/api/v1/cases/{caseId}/notes", good)) Assert.Equal(HttpStatusCode.Created, r.StatusCode);
    }

    /// <summary>The action of the form <paramref name="id"/> on a page, as a browser would post it.</summary>
    static string FormAction(string html, string id)
    {
        var form = System.Text.RegularExpressions.Regex.Match(html, $"<form[^>]*id=\"{id}\"[^>]*>").Value;
        Assert.False(string.IsNullOrEmpty(form), $"no form #{id}");
        var action = System.Text.RegularExpressions.Regex.Match(form, "action=\"([^\"]*)\"");
        return action.Success ? System.Net.WebUtility.HtmlDecode(action.Groups[1].Value) : "";
    }

    [Fact]
    public async Task The_case_pages_forms_post_to_their_case_so_a_worker_submits_and_a_head_decides_in_the_browser()
    {
        var w = await CaseworkWorld.CreateAsync(app);
        var (caseId, _) = await OpenAsync(await app.CreateClientAsync(w.Worker.UserName), w.AdultId);

        using var worker = await PageSession.SignInAsync(app, w.Worker.UserName);
        var url = $"/Casework/Details?id={caseId}";
        var (_, html) = await worker.GetAsync(url);
        foreach (var form in new[] { "step-form", "note-form", "refer-form" }) Assert.Contains($"id={caseId}", FormAction(html, form), StringComparison.Ordinal);
        using (var r = await worker.PostFormAsync(FormAction(html, "step-form"), new() { ["Step.Kind"] = "Assessment", ["Step.Content"] = "评估：生活自理能力下降" }, url))
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var step = await app.Query(db => db.Set<CaseStep>().Where(s => s.CaseId == caseId).Select(s => s.Id).SingleAsync());

        using var head = await PageSession.SignInAsync(app, w.Head.UserName);
        (_, html) = await head.GetAsync(url);
        using (var r = await head.PostFormAsync(FormAction(html, "decide-form"), new() { ["stepId"] = step.ToString(), ["Decision.Approve"] = "true" }, url))
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(CaseStatus.Planning, await app.Query(db => db.Cases().Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync()));
    }
}
