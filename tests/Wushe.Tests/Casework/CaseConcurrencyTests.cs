using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Casework;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Casework;

/// <summary>
/// Two saves of one case at the same moment: the case's concurrency token (bumped by every change of the case and its steps,
/// notes, services and referrals) lets one win and the other answer 409 with a message that says what happened.
/// </summary>
public sealed class CaseConcurrencyTests(TestApp app)
{
    static async Task<int> VersionAsync(TestApp app, Guid caseId) =>
        await app.Query(db => db.Cases().IgnoreQueryFilters().Where(c => c.Id == caseId).Select(c => c.Version).SingleAsync());

    [Fact]
    public async Task Every_change_of_a_case_and_its_steps_notes_and_services_bumps_its_version()
    {
        var w = await CaseworkWorld.CreateAsync(app);
        var worker = await app.CreateClientAsync(w.Worker.UserName);
        var head = await app.CreateClientAsync(w.Head.UserName);
        var (caseId, _) = await CaseApprovalTests.OpenAsync(worker, w.AdultId);
        var versions = new List<int> { await VersionAsync(app, caseId) };

        var step = await CaseApprovalTests.SubmitAsync(worker, caseId, "Assessment");
        versions.Add(await VersionAsync(app, caseId));
        using (var r = await head.PostAsJsonAsync($"/api/v1/cases/steps/{step}/decision", new { approve = false, comment = "请补充家庭支持情况" }))
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        versions.Add(await VersionAsync(app, caseId));
        using var note = new MultipartFormDataContent { { new StringContent("电话回访"), "text" } };
        using (var r = await worker.PostAsync($"/api/v1/cases/{caseId}/notes", note)) Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        versions.Add(await VersionAsync(app, caseId));

        // Each change left the version higher than before: a save that read the case before any of them is refused.
        Assert.Equal(versions.Order(), versions);
        Assert.Equal(versions.Count, versions.Distinct().Count());
    }

    [Fact]
    public async Task Two_heads_deciding_one_step_at_once_one_wins_the_others_get_409_naming_it()
    {
        var w = await CaseworkWorld.CreateAsync(app);
        var heads = new List<TestUsers.Made> { w.Head };
        for (var i = 0; i < 3; i++)
        {
            var h = await TestUsers.CreateAsync(app, Role.StationWorker, w.Township);
            await CaseworkWorld.AddStaffAsync(app, w.StationId, h.Id, true);
            heads.Add(h);
        }
        var worker = await app.CreateClientAsync(w.Worker.UserName);
        var (caseId, _) = await CaseApprovalTests.OpenAsync(worker, w.AdultId);
        var step = await CaseApprovalTests.SubmitAsync(worker, caseId, "Assessment");
        var clients = await Task.WhenAll(heads.Select(h => app.CreateClientAsync(h.UserName)));

        // Half approve, half return: without the token both kinds could win, and the step's decision would not be the case's stage.
        var responses = await Task.WhenAll(clients.Select((c, i) =>
            c.PostAsJsonAsync($"/api/v1/cases/steps/{step}/decision", new { approve = i % 2 == 0, comment = "意见" + i })));
        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.OK or HttpStatusCode.Conflict, $"unexpected {s}"));
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.OK));
        foreach (var r in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
        {
            var title = (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString()!;
            Assert.Contains("审批", title, StringComparison.Ordinal);
        }

        var winner = heads[statuses.IndexOf(HttpStatusCode.OK)];
        var (decided, status) = await app.Query(async db => (
            await db.Set<CaseStep>().IgnoreQueryFilters().SingleAsync(s => s.Id == step),
            await db.Cases().IgnoreQueryFilters().Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync()));
        Assert.Equal(winner.Id, decided.DecidedById);
        Assert.Equal(decided.Status == StepStatus.Approved ? CaseStatus.Planning : CaseStatus.Intake, status);
    }

    [Fact]
    public async Task Steps_submitted_at_once_leave_one_step_waiting()
    {
        var w = await CaseworkWorld.CreateAsync(app);
        var worker = await app.CreateClientAsync(w.Worker.UserName);
        var (caseId, _) = await CaseApprovalTests.OpenAsync(worker, w.AdultId);
        var clients = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => app.CreateClientAsync(w.Worker.UserName)));

        var responses = await Task.WhenAll(clients.Select((c, i) =>
            c.PostAsJsonAsync($"/api/v1/cases/{caseId}/steps", new { kind = i % 2 == 0 ? "Assessment" : "Closure", content = "评估：生活自理能力下降" + i })));
        var statuses = responses.Select(r => r.StatusCode).ToList();
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.Created or HttpStatusCode.Conflict, $"unexpected {s}"));
        Assert.Equal(1, statuses.Count(s => s == HttpStatusCode.Created));
        Assert.Equal(1, await app.Query(db => db.Set<CaseStep>().IgnoreQueryFilters().CountAsync(s => s.CaseId == caseId && s.Status == StepStatus.Submitted)));
    }
}
