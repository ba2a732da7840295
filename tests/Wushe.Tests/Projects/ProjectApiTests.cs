using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Needs;
using Wushe.Features.Projects;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;
using Wushe.Tests.Casework;

namespace Wushe.Tests.Projects;

/// <summary>Projects (项目) through the API: design from needs, the life cycle and who takes each step, delivery, indicators, the narrative, scope.</summary>
public sealed class ProjectApiTests(TestApp app)
{
    /// <summary>A township with its station (a worker, the head), a community with a household, an organization serving it with a staff member.</summary>
    sealed record World(CaseworkWorld Care, Guid Organization, HttpClient Worker, HttpClient Head, HttpClient Staff) : IDisposable
    {
        public void Dispose()
        {
            Worker.Dispose();
            Head.Dispose();
            Staff.Dispose();
        }
    }

    async Task<World> WorldAsync()
    {
        var care = await CaseworkWorld.CreateAsync(app);
        var organization = await TestOrganizations.CreateAsync(app, care.Township);
        var staff = await TestUsers.CreateAsync(app, Role.OrganizationStaff, care.Township, organizationId: organization);
        return new World(care, organization, await app.CreateClientAsync(care.Worker.UserName), await app.CreateClientAsync(care.Head.UserName),
            await app.CreateClientAsync(staff.UserName));
    }

    static readonly DateOnly Start = new(2026, 1, 1);

    static object Design(World w, object? indicators = null, decimal budget = 100000m, object? funding = null, object? needIds = null, Guid? organization = null,
        string? areaCode = null, string start = "2026-01-01", string end = "2026-12-31") => new
    {
        areaCode = areaCode ?? w.Care.Township, title = "银龄守护困境老人关爱服务项目", focus = "ElderlyCare", targetGroups = "独居老人", summary = "入户探访与生活照料",
        organizationId = organization ?? w.Organization, startOn = start, endOn = end, budgetYuan = budget,
        funding = funding ?? new object[] { new { source = "CommunityFund", amountYuan = 40000m, note = "社区慈善基金" }, new { source = "WelfareLottery", amountYuan = 60000m } },
        indicators = indicators ?? JiuyuanIndicators,
        needIds = needIds ?? Array.Empty<Guid>(),
    };

    static readonly object[] JiuyuanIndicators =
    [
        new { name = "开展文化类社区活动", measure = "Times", kinds = new[] { "CommunityActivity" }, target = 10, unit = "场" },
        new { name = "入户探访和生活照料", measure = "Times", kinds = new[] { "HomeVisit", "LifeCare" }, target = 60, unit = "次" },
        new { name = "医疗护理服务", measure = "Times", kinds = new[] { "MedicalCare" }, target = 5, unit = "次" },
        new { name = "确定个案服务对象", measure = "People", kinds = new[] { "CaseService" }, target = 15, unit = "人" },
        new { name = "开展小组服务活动", measure = "Times", kinds = new[] { "GroupService" }, target = 8, unit = "场" },
        new { name = "累计受益人数", measure = "Beneficiaries", target = 1000, unit = "人" },
    ];

    static async Task<JsonElement> Post(HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await client.PostAsJsonAsync(url, body)).Expect(expected);

    async Task<Guid> RunningAsync(World w, object? design = null)
    {
        var id = (await Post(w.Worker, "/api/v1/projects", design ?? Design(w), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Post(w.Head, $"/api/v1/projects/{id}/status", new { to = "Approved", note = "同意立项" });
        await Post(w.Staff, $"/api/v1/projects/{id}/status", new { to = "InProgress" });
        return id;
    }

    static object Record(string kind, string on = "2026-03-01", Guid[]? residents = null, int heads = 0) =>
        new { kind, heldOn = on, title = "服务活动", place = "社区活动室", partyWorkers = 1, socialWorkers = 1, volunteers = 2, residentIds = residents ?? [], headCount = heads };

    [Fact]
    public async Task A_project_designed_from_a_need_is_approved_by_the_head_started_and_delivered_by_the_organization_and_completed()
    {
        using var w = await WorldAsync();
        var need = (await Post(w.Worker, "/api/v1/needs", new { householdId = w.Care.HouseholdId, category = "ElderlyCare", urgency = "Normal", title = "独居老人需要上门照料", description = "老人行动不便，希望有人定期上门。" },
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Post(w.Worker, $"/api/v1/needs/{need}/status", new { to = "Accepted" });

        var designed = await Post(w.Worker, "/api/v1/projects", Design(w, needIds: new[] { need }), HttpStatusCode.Created);
        var id = designed.GetProperty("id").GetGuid();
        Assert.Matches($"^XM{w.Care.Township[..9]}\\d{{4}}\\d{{4}}$", designed.GetProperty("projectNo").GetString()!);
        // Both ways: the need is matched to the project, and the project names the need.
        var matched = await (await w.Worker.GetAsync($"/api/v1/needs/{need}")).Expect(HttpStatusCode.OK);
        Assert.Equal("Matched", matched.GetProperty("status").GetString());
        Assert.Contains(matched.GetProperty("matches").EnumerateArray(), m => m.GetProperty("kind").GetString() == "Project" && m.GetProperty("targetId").GetGuid() == id);
        var draft = await (await w.Worker.GetAsync($"/api/v1/projects/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(10000000, draft.GetProperty("budgetFen").GetInt64());
        Assert.Equal(need, draft.GetProperty("needs")[0].GetProperty("id").GetGuid());
        Assert.Equal(["Terminated"], draft.GetProperty("next").EnumerateArray().Select(s => s.GetString()!));
        // Renamed in the draft: the need names the project by its title today.
        var renamed = System.Text.Json.Nodes.JsonNode.Parse(JsonSerializer.Serialize(Design(w, needIds: new[] { need })))!.AsObject();
        renamed["title"] = "银龄守护困境老人关爱服务项目（修订）";
        await (await w.Worker.PutAsJsonAsync($"/api/v1/projects/{id}", renamed)).Expect(HttpStatusCode.OK);
        var named = await (await w.Worker.GetAsync($"/api/v1/needs/{need}")).Expect(HttpStatusCode.OK);
        Assert.Equal("银龄守护困境老人关爱服务项目（修订）", named.GetProperty("matches").EnumerateArray().Single(m => m.GetProperty("kind").GetString() == "Project").GetProperty("targetName").GetString());

        // The worker may not approve; the head may; the organization starts.
        var refused = await Post(w.Worker, $"/api/v1/projects/{id}/status", new { to = "Approved" }, HttpStatusCode.Conflict);
        Assert.Contains("站长", refused.GetProperty("title").GetString());
        await Post(w.Head, $"/api/v1/projects/{id}/status", new { to = "Approved", note = "同意立项" });
        // Approved: the design no longer changes.
        await (await w.Worker.PutAsJsonAsync($"/api/v1/projects/{id}", Design(w))).Expect(HttpStatusCode.Conflict);
        await Post(w.Worker, $"/api/v1/projects/{id}/activities", Record("HomeVisit", residents: [w.Care.AdultId]), HttpStatusCode.Conflict);
        await Post(w.Staff, $"/api/v1/projects/{id}/status", new { to = "InProgress" });
        await Post(w.Staff, $"/api/v1/projects/{id}/status", new { to = "Completed" }, HttpStatusCode.Conflict);
        await Post(w.Worker, $"/api/v1/projects/{id}/status", new { to = "Completed" }, HttpStatusCode.Conflict); // no record yet
        await Post(w.Staff, $"/api/v1/projects/{id}/activities", Record("HomeVisit", residents: [w.Care.AdultId]), HttpStatusCode.Created);
        await Post(w.Worker, $"/api/v1/projects/{id}/status", new { to = "Completed" });
        var done = await (await w.Worker.GetAsync($"/api/v1/projects/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal("Completed", done.GetProperty("status").GetString());
        Assert.Equal(["Draft", "Draft", "Approved", "InProgress", "Completed"], done.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("status").GetString()!));
        Assert.Empty(done.GetProperty("next").EnumerateArray());
        // A final status has no way out.
        await Post(w.Worker, $"/api/v1/projects/{id}/status", new { to = "Terminated", note = "试图终止" }, HttpStatusCode.Conflict);
        // The record is a service of the area too (source Project), with its beneficiary.
        var sources = await app.Query(db => db.Set<Wushe.Features.Households.ServiceRecord>().IgnoreQueryFilters()
            .Where(r => r.Source == Wushe.Features.Households.ServiceSource.Project && r.SourceId == id).Select(r => r.People).ToListAsync());
        Assert.Equal([1], sources);
        // From the need, what followed: the project completed, with its one record.
        var traced = await (await w.Worker.GetAsync($"/api/v1/needs/{need}")).Expect(HttpStatusCode.OK);
        var followed = traced.GetProperty("matches").EnumerateArray().Single(m => m.GetProperty("kind").GetString() == "Project");
        Assert.Equal("Completed", followed.GetProperty("projectStatus").GetString());
        Assert.Equal(1, followed.GetProperty("projectRecords").GetInt32());
    }

    [Fact]
    public async Task Budgets_that_do_not_add_up_targets_not_above_zero_bad_periods_and_organizations_not_serving_are_refused_and_nothing_is_saved()
    {
        using var w = await WorldAsync();
        var township = w.Care.Township[..9];   // its own township's projects: other tests add projects beside it
        var before = await app.Query(db => db.Set<Project>().IgnoreQueryFilters().CountAsync(p => p.AreaCode.StartsWith(township)));
        var sum = await Post(w.Worker, "/api/v1/projects", Design(w, budget: 120000m), HttpStatusCode.BadRequest);
        Assert.Contains("预算与资金来源合计不一致", sum.GetProperty("errors").GetProperty("budgetYuan")[0].GetString());
        Assert.Contains("¥100,000.00", sum.GetProperty("errors").GetProperty("budgetYuan")[0].GetString());
        var zero = await Post(w.Worker, "/api/v1/projects", Design(w, indicators: new[] { new { name = "入户探访", measure = "Times", kinds = new[] { "HomeVisit" }, target = 0, unit = "次" } }), HttpStatusCode.BadRequest);
        Assert.True(zero.GetProperty("errors").TryGetProperty("indicators[0].target", out _));
        var noKinds = await Post(w.Worker, "/api/v1/projects", Design(w, indicators: new[] { new { name = "入户探访", measure = "Times", target = 5, unit = "次" } }), HttpStatusCode.BadRequest);
        Assert.True(noKinds.GetProperty("errors").TryGetProperty("indicators[0].kinds", out _));
        var period = await Post(w.Worker, "/api/v1/projects", Design(w, start: "2026-06-01", end: "2026-05-01"), HttpStatusCode.BadRequest);
        Assert.True(period.GetProperty("errors").TryGetProperty("endOn", out _));
        var stranger = await TestOrganizations.CreateAsync(app, await Places.NewTownshipAsync(app));
        var serving = await Post(w.Worker, "/api/v1/projects", Design(w, organization: stranger), HttpStatusCode.BadRequest);
        Assert.True(serving.GetProperty("errors").TryGetProperty("organizationId", out _));
        var negative = await Post(w.Worker, "/api/v1/projects", Design(w, funding: new[] { new { source = "CommunityFund", amountYuan = -5m } }), HttpStatusCode.BadRequest);
        Assert.True(negative.GetProperty("errors").TryGetProperty("funding[0].amountYuan", out _));
        // A need still waiting to be accepted cannot join a project.
        var waiting = (await Post(w.Worker, "/api/v1/needs", new { householdId = w.Care.HouseholdId, category = "Health", urgency = "Normal", title = "希望有健康讲座", description = "老人希望了解慢病防治。" },
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var unaccepted = await Post(w.Worker, "/api/v1/projects", Design(w, needIds: new[] { waiting }), HttpStatusCode.BadRequest);
        Assert.True(unaccepted.GetProperty("errors").TryGetProperty("needIds", out _));
        Assert.Equal(before, await app.Query(db => db.Set<Project>().IgnoreQueryFilters().CountAsync(p => p.AreaCode.StartsWith(township))));
        Assert.Equal(NeedStatus.Submitted, await app.Query(db => db.Set<Need>().IgnoreQueryFilters().Where(n => n.Id == waiting).Select(n => n.Status).SingleAsync()));
    }

    [Fact]
    public async Task Delivery_outside_the_period_or_by_another_organization_is_refused_and_termination_needs_a_reason()
    {
        using var w = await WorldAsync();
        var id = await RunningAsync(w);
        var outside = await Post(w.Staff, $"/api/v1/projects/{id}/activities", Record("HomeVisit", on: "2025-12-31", residents: [w.Care.AdultId]), HttpStatusCode.BadRequest);
        Assert.Contains("项目周期", outside.GetProperty("errors").GetProperty("heldOn")[0].GetString());
        var nobody = await Post(w.Staff, $"/api/v1/projects/{id}/activities", new { kind = "HomeVisit", heldOn = "2026-03-01", title = "探访", socialWorkers = 1 }, HttpStatusCode.BadRequest);
        Assert.True(nobody.GetProperty("errors").TryGetProperty("residentIds", out _));
        var stranger = await Places.NewTownshipAsync(app);
        var far = (await TestHouseholds.CreateAsync(app, await TestHouseholds.NewCommunityAsync(app, stranger))).Members[0];
        var foreign = await Post(w.Staff, $"/api/v1/projects/{id}/activities", Record("HomeVisit", residents: [far]), HttpStatusCode.BadRequest);
        Assert.True(foreign.GetProperty("errors").TryGetProperty("residentIds", out _));

        // Staff of another organization, serving the same township, reach nothing of this project.
        var other = await TestOrganizations.CreateAsync(app, w.Care.Township);
        var otherStaff = await TestUsers.CreateAsync(app, Role.OrganizationStaff, w.Care.Township, organizationId: other);
        using var otherClient = await app.CreateClientAsync(otherStaff.UserName);
        await (await otherClient.GetAsync($"/api/v1/projects/{id}")).Expect(HttpStatusCode.NotFound);
        await Post(otherClient, $"/api/v1/projects/{id}/activities", Record("CommunityActivity", heads: 3), HttpStatusCode.NotFound);
        var list = await (await otherClient.GetAsync("/api/v1/projects")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);
        // Their own staff see it in their list (outside their scope by area, inside by organization).
        var own = await (await w.Staff.GetAsync("/api/v1/projects")).Expect(HttpStatusCode.OK);
        Assert.Contains(own.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == id);

        var reasonless = await Post(w.Worker, $"/api/v1/projects/{id}/status", new { to = "Terminated" }, HttpStatusCode.BadRequest);
        Assert.True(reasonless.GetProperty("errors").TryGetProperty("note", out _));
        await Post(w.Staff, $"/api/v1/projects/{id}/status", new { to = "Terminated", note = "机构想终止" }, HttpStatusCode.Conflict);
        await Post(w.Worker, $"/api/v1/projects/{id}/status", new { to = "Terminated", note = "实施机构无法继续履约" });
        await Post(w.Staff, $"/api/v1/projects/{id}/activities", Record("CommunityActivity", heads: 3), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_record_entered_wrongly_is_voided_with_a_reason_and_counts_nowhere_after_while_it_stays_listed()
    {
        using var w = await WorldAsync();
        var id = await RunningAsync(w);
        var (adult, child) = (w.Care.AdultId, w.Care.ChildId);
        string[] nodes = [w.Care.Township, w.Care.Community];
        async Task<List<string>> TalliesAsync() => await app.Query(async db =>
            (List<string>)[.. (await db.Set<Wushe.Features.Households.ServiceTally>().IgnoreQueryFilters().AsNoTracking()
                    .Where(t => nodes.Contains(t.AreaCode) && (t.Services != 0 || t.Attendances != 0)).ToListAsync())
                    .Select(t => $"{t.AreaCode} {t.Own} {t.Year}-{t.Month} {t.Kind}: {t.Services}/{t.Attendances}"),
                .. (await db.Set<Wushe.Features.Households.ServedPeopleTally>().IgnoreQueryFilters().AsNoTracking()
                    .Where(t => nodes.Contains(t.AreaCode) && t.People != 0).ToListAsync())
                    .Select(t => $"{t.AreaCode} {t.Own} {t.Year} {t.Kind} {Convert.ToString(t.Months, 2)}: {t.People}")]);
        var before = await TalliesAsync();
        await Post(w.Staff, $"/api/v1/projects/{id}/activities", Record("HomeVisit", "2026-03-01", [adult]), HttpStatusCode.Created);
        var afterFirst = await TalliesAsync();
        // The wrong one: the child was not visited, and in April, not March.
        var wrong = (await Post(w.Staff, $"/api/v1/projects/{id}/activities", Record("HomeVisit", "2026-04-01", [adult, child]), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Post(w.Staff, $"/api/v1/projects/{id}/activities", Record("CommunityActivity", heads: 30), HttpStatusCode.Created);

        // A survey of the wrong record (before it is voided): 1 very dissatisfied of 1.
        await Post(w.Staff, $"/api/v1/projects/{id}/surveys", new { activityId = wrong, surveyedOn = "2026-06-01", method = "Paper", verySatisfied = 0, satisfied = 0, neutral = 0, dissatisfied = 0, veryDissatisfied = 1 },
            HttpStatusCode.Created);
        var url = $"/api/v1/projects/{id}/activities/{wrong}/void";
        var bad = await Post(w.Staff, url, new { reason = " " }, HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("reason", out _));
        await Post(w.Staff, url, new { reason = new string('错', 201) }, HttpStatusCode.BadRequest);
        await Post(w.Staff, $"/api/v1/projects/{id}/activities/{Guid.NewGuid()}/void", new { reason = "日期填错" }, HttpStatusCode.NotFound);
        // Another organization's staff do not reach the project; community staff read only.
        var otherOrganization = await TestOrganizations.CreateAsync(app, w.Care.Township);
        var stranger = await TestUsers.CreateAsync(app, Role.OrganizationStaff, w.Care.Township, organizationId: otherOrganization);
        using var strangerClient = await app.CreateClientAsync(stranger.UserName);
        await Post(strangerClient, url, new { reason = "日期填错" }, HttpStatusCode.NotFound);
        var community = await TestUsers.CreateAsync(app, Role.CommunityStaff, w.Care.Community);
        using var communityClient = await app.CreateClientAsync(community.UserName);
        await Post(communityClient, url, new { reason = "日期填错" }, HttpStatusCode.Forbidden);

        var voided = await Post(w.Staff, url, new { reason = "日期填错，服务对象多选了一人" });
        Assert.Equal(wrong, voided.GetProperty("id").GetGuid());
        var again = await Post(w.Worker, url, new { reason = "再次作废" }, HttpStatusCode.Conflict);
        Assert.Contains("已作废", again.GetProperty("title").GetString());

        // Counted nowhere: the visits' indicator 1, the beneficiaries the adult and the 30 attended; listed still, marked.
        var p = await (await w.Worker.GetAsync($"/api/v1/projects/{id}")).Expect(HttpStatusCode.OK);
        var actual = p.GetProperty("indicators").EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!, i => i);
        Assert.Equal(1, actual["入户探访和生活照料"].GetProperty("value").GetInt32());
        Assert.Equal(1, actual["累计受益人数"].GetProperty("registered").GetInt32());
        Assert.Equal(3, p.GetProperty("activities").GetProperty("total").GetInt32());
        var listed = p.GetProperty("activities").GetProperty("items").EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == wrong);
        Assert.Equal("日期填错，服务对象多选了一人", listed.GetProperty("voidReason").GetString());
        Assert.Equal(JsonValueKind.String, listed.GetProperty("voidedAt").ValueKind);
        Assert.DoesNotContain(p.GetProperty("surveyRecords").EnumerateArray(), r => r.GetProperty("id").GetGuid() == wrong);
        // Its survey leaves the rate with it, and is listed as such.
        Assert.Equal(0, p.GetProperty("satisfaction").GetProperty("answered").GetInt32());
        Assert.True(p.GetProperty("surveys")[0].GetProperty("voided").GetBoolean());
        var outcomes = await (await w.Worker.GetAsync($"/api/v1/projects/outcomes?area={w.Care.Township}&from=2026-01-01&to=2026-12-31")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, outcomes.GetProperty("byProject")[0].GetProperty("records").GetInt32());
        Assert.Equal(1, outcomes.GetProperty("people").GetInt32());
        // The area's service records and roll-ups: as if the record had never been saved (the open event's record adds its own month).
        var services = await (await w.Worker.GetAsync($"/api/v1/service-records?area={w.Care.Township}&source=Project&from=2026-01-01&to=2026-12-31")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, services.GetProperty("total").GetInt32());
        var tallies = await TalliesAsync();
        Assert.DoesNotContain(tallies, t => t.Contains("2026-4 HomeVisit", StringComparison.Ordinal));
        Assert.Equal(afterFirst.Order(StringComparer.Ordinal), tallies.Where(t => !t.Contains("CommunityActivity", StringComparison.Ordinal)).Order(StringComparer.Ordinal));
        Assert.NotEqual(before, afterFirst);
        // The void is in the audit trail as a state change, with its reason.
        var audit = await app.Query(db => db.AuditRecords.Where(a => a.Entity == nameof(ProjectActivity) && a.EntityKey == wrong.ToString()).Select(a => new { a.Action, a.Changes }).ToListAsync());
        Assert.Contains(audit, a => a.Action == Wushe.Platform.Audit.AuditAction.StateChange && a.Changes!.Contains("日期填错", StringComparison.Ordinal));
        // A voided record takes no survey nor photo; a completed project's records are final.
        var survey = await Post(w.Staff, $"/api/v1/projects/{id}/surveys", new { activityId = wrong, surveyedOn = "2026-06-01", method = "Paper", verySatisfied = 1, satisfied = 0, neutral = 0, dissatisfied = 0, veryDissatisfied = 0 },
            HttpStatusCode.BadRequest);
        Assert.True(survey.GetProperty("errors").TryGetProperty("activityId", out _));
        var kept = p.GetProperty("activities").GetProperty("items").EnumerateArray().First(a => a.GetProperty("id").GetGuid() != wrong).GetProperty("id").GetGuid();
        await Post(w.Worker, $"/api/v1/projects/{id}/status", new { to = "Completed" });
        await Post(w.Worker, $"/api/v1/projects/{id}/activities/{kept}/void", new { reason = "结项后作废" }, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_project_whose_only_record_is_voided_cannot_be_completed()
    {
        using var w = await WorldAsync();
        var id = await RunningAsync(w);
        var only = (await Post(w.Staff, $"/api/v1/projects/{id}/activities", Record("HomeVisit", residents: [w.Care.AdultId]), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Post(w.Worker, $"/api/v1/projects/{id}/activities/{only}/void", new { reason = "记错了项目" });
        await Post(w.Worker, $"/api/v1/projects/{id}/status", new { to = "Completed" }, HttpStatusCode.Conflict);
        var listed = await (await w.Worker.GetAsync($"/api/v1/projects?area={w.Care.Township}&status=InProgress")).Expect(HttpStatusCode.OK);
        Assert.Equal(0, listed.GetProperty("items").EnumerateArray().Single(x => x.GetProperty("id").GetGuid() == id).GetProperty("activities").GetInt32());
    }

    [Fact]
    public async Task Projects_past_their_period_are_overdue_and_needs_are_found_by_the_organization_that_carries_them()
    {
        using var w = await WorldAsync();
        var late = await RunningAsync(w, Design(w, start: "2025-01-01", end: "2025-12-31"));
        var current = await RunningAsync(w);
        var counts = await (await w.Worker.GetAsync($"/api/v1/projects/counts?area={w.Care.Township}")).Expect(HttpStatusCode.OK);
        Assert.Equal(1, counts.GetProperty("overdue").GetInt32());
        var overdue = await (await w.Worker.GetAsync($"/api/v1/projects?area={w.Care.Township}&overdue=true")).Expect(HttpStatusCode.OK);
        var row = Assert.Single(overdue.GetProperty("items").EnumerateArray());
        Assert.Equal(late, row.GetProperty("id").GetGuid());
        Assert.True(row.GetProperty("overdue").GetBoolean());
        var notOverdue = await (await w.Worker.GetAsync($"/api/v1/projects?area={w.Care.Township}&overdue=false")).Expect(HttpStatusCode.OK);
        Assert.Equal([current], notOverdue.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetGuid()));
        // Past its period it records no more delivery: a need does not join it.
        var waiting = (await Post(w.Worker, "/api/v1/needs", new { householdId = w.Care.HouseholdId, category = "ElderlyCare", urgency = "Normal", title = "需要助餐", description = "老人做饭困难。" },
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Post(w.Worker, $"/api/v1/needs/{waiting}/status", new { to = "Accepted" });
        var ended = await Post(w.Worker, $"/api/v1/needs/{waiting}/matches", new { kind = "Project", targetId = late }, HttpStatusCode.BadRequest);
        Assert.Contains("项目周期", ended.GetProperty("errors").GetProperty("targetId")[0].GetString(), StringComparison.Ordinal);
        // Completed, it is overdue no more.
        await Post(w.Staff, $"/api/v1/projects/{late}/activities", Record("HomeVisit", "2025-06-01", [w.Care.AdultId]), HttpStatusCode.Created);
        await Post(w.Worker, $"/api/v1/projects/{late}/status", new { to = "Completed" });
        Assert.Equal(0, (await (await w.Worker.GetAsync($"/api/v1/projects/counts?area={w.Care.Township}")).Expect(HttpStatusCode.OK)).GetProperty("overdue").GetInt32());

        // Needs by organization: one referred to it, one in its project, one to nobody.
        async Task<Guid> NeedAsync(string title)
        {
            var id = (await Post(w.Worker, "/api/v1/needs", new { householdId = w.Care.HouseholdId, category = "ElderlyCare", urgency = "Normal", title, description = "需要上门服务。" },
                HttpStatusCode.Created)).GetProperty("id").GetGuid();
            await Post(w.Worker, $"/api/v1/needs/{id}/status", new { to = "Accepted" });
            return id;
        }
        var referred = await NeedAsync("转介给机构的需求");
        var inProject = await NeedAsync("纳入项目的需求");
        await NeedAsync("尚未对接的需求");
        await Post(w.Worker, $"/api/v1/needs/{referred}/matches", new { kind = "Organization", targetId = w.Organization, note = "转介" }, HttpStatusCode.Created);
        await Post(w.Worker, $"/api/v1/needs/{inProject}/matches", new { kind = "Project", targetId = current, note = "纳入项目" }, HttpStatusCode.Created);
        var carried = await (await w.Worker.GetAsync($"/api/v1/needs?area={w.Care.Township}&organizationId={w.Organization}")).Expect(HttpStatusCode.OK);
        Assert.Equal(new[] { referred, inProject }.Order(), carried.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetGuid()).Order());
        var none = await (await w.Worker.GetAsync($"/api/v1/needs?area={w.Care.Township}&organizationId={Guid.NewGuid()}")).Expect(HttpStatusCode.OK);
        Assert.Equal(0, none.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Two_focuses_at_once_are_refused_by_the_outcomes_api_and_named_on_its_page()
    {
        using var w = await WorldAsync();
        var refused = await (await w.Worker.GetAsync("/api/v1/projects/outcomes?focus=Other,ElderlyCare")).Expect(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("focus", out _));
        using var session = await PageSession.SignInAsync(app, w.Care.Worker.UserName);
        var (status, html) = await session.GetAsync("/Projects/Outcomes?focus=Other,ElderlyCare");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("服务领域", html, StringComparison.Ordinal);
        // The refused focus is named as not applied ("未生效") and left out: the outcome of every focus shows.
        Assert.Contains("未生效", html, StringComparison.Ordinal);
        Assert.Contains("id=\"outcomes-narrative\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("养老服务项目开展服务", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Beneficiaries_count_each_registered_person_once_and_add_the_open_events_head_counts_apart()
    {
        using var w = await WorldAsync();
        var id = await RunningAsync(w);
        var (adult, child) = (w.Care.AdultId, w.Care.ChildId);
        await Post(w.Staff, $"/api/v1/projects/{id}/activities", Record("HomeVisit", residents: [adult]), HttpStatusCode.Created);
        await Post(w.Staff, $"/api/v1/projects/{id}/activities", Record("HomeVisit", residents: [adult, child]), HttpStatusCode.Created);
        await Post(w.Staff, $"/api/v1/projects/{id}/activities", Record("CaseService", residents: [adult]), HttpStatusCode.Created);
        await Post(w.Staff, $"/api/v1/projects/{id}/activities", Record("CaseService", residents: [adult]), HttpStatusCode.Created);
        await Post(w.Staff, $"/api/v1/projects/{id}/activities", Record("CommunityActivity", heads: 40), HttpStatusCode.Created);
        var p = await (await w.Worker.GetAsync($"/api/v1/projects/{id}")).Expect(HttpStatusCode.OK);
        var actual = p.GetProperty("indicators").EnumerateArray().ToDictionary(i => i.GetProperty("name").GetString()!, i => i);
        Assert.Equal(2, actual["入户探访和生活照料"].GetProperty("value").GetInt32());
        Assert.Equal(1, actual["确定个案服务对象"].GetProperty("value").GetInt32());
        Assert.Equal(1, actual["开展文化类社区活动"].GetProperty("value").GetInt32());
        var beneficiaries = actual["累计受益人数"];
        Assert.Equal(2, beneficiaries.GetProperty("registered").GetInt32());
        Assert.Equal(40, beneficiaries.GetProperty("headCount").GetInt32());
        Assert.Equal(42, beneficiaries.GetProperty("value").GetInt32());
        Assert.True(beneficiaries.GetProperty("approximate").GetBoolean());
        Assert.Equal(5, p.GetProperty("activities").GetProperty("total").GetInt32());
        // Each figure links to the records behind it: the visits' indicator lists its 2 visits; the case clients' its 2 case records.
        var visits = await (await w.Worker.GetAsync($"/api/v1/projects/{id}?indicator={actual["入户探访和生活照料"].GetProperty("id").GetGuid()}")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, visits.GetProperty("activities").GetProperty("total").GetInt32());
        Assert.All(visits.GetProperty("activities").GetProperty("items").EnumerateArray(), a => Assert.Equal("HomeVisit", a.GetProperty("kind").GetString()));
        Assert.Equal("入户探访和生活照料", visits.GetProperty("recordsOf").GetProperty("name").GetString());
        var cases = await (await w.Worker.GetAsync($"/api/v1/projects/{id}?indicator={actual["确定个案服务对象"].GetProperty("id").GetGuid()}")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, cases.GetProperty("activities").GetProperty("total").GetInt32());
        // The area's service records of source Project and kind HomeVisit are these two (the outcomes' figure links there).
        var listed = await (await w.Worker.GetAsync($"/api/v1/service-records?area={w.Care.Township}&kind=HomeVisit&source=Project&from=2026-01-01&to=2026-12-31")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, listed.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_jiuyuan_records_recreated_give_exactly_the_reports_paragraph()
    {
        using var w = await WorldAsync();
        var id = await RunningAsync(w);
        // Fifteen case clients and a few more people of the township, as registered residents.
        var people = new List<Guid>();
        for (var i = 0; i < 20; i++)
            people.AddRange((await TestHouseholds.CreateAsync(app, w.Care.Community, $"团结路{i + 1}号", null, TestHouseholds.Head($"居民{i}"))).Members);
        async Task Add(object body) => await Post(w.Staff, $"/api/v1/projects/{id}/activities", body, HttpStatusCode.Created);
        for (var i = 0; i < 15; i++) await Add(Record("CaseService", residents: [people[i]]));
        for (var i = 0; i < 40; i++) await Add(Record("HomeVisit", residents: [people[i % 20]]));
        for (var i = 0; i < 25; i++) await Add(Record("LifeCare", residents: [people[i % 15]]));
        for (var i = 0; i < 3; i++) await Add(Record("MedicalCare", residents: [people[i]]));
        for (var i = 0; i < 7; i++) await Add(Record("GroupService", residents: [people[i], people[i + 1], people[i + 2]]));
        // 20 registered people in all; the nine events bring about 980 more.
        for (var i = 0; i < 9; i++) await Add(Record("CommunityActivity", heads: i < 8 ? 109 : 108));
        var p = await (await w.Worker.GetAsync($"/api/v1/projects/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal("截至目前，项目共开展文化类社区活动9场，入户探访和生活照料65次，医疗护理服务3次，确定个案服务对象15人，开展小组服务活动7场，累计受益人数约1000人。",
            p.GetProperty("narrative").GetString());

        // The township's outcomes over the year read the same records: one project, each kind, 20 people once, 980 attendances apart.
        var outcomes = await (await w.Worker.GetAsync($"/api/v1/projects/outcomes?area={w.Care.Township}&from=2026-01-01&to=2026-12-31")).Expect(HttpStatusCode.OK);
        Assert.Equal(1, outcomes.GetProperty("projects").GetInt32());
        Assert.Equal(20, outcomes.GetProperty("people").GetInt32());
        Assert.Equal(980, outcomes.GetProperty("headCount").GetInt32());
        var kinds = outcomes.GetProperty("kinds").EnumerateArray().ToDictionary(k => k.GetProperty("kind").GetString()!, k => k.GetProperty("times").GetInt32());
        Assert.Equal(9, kinds["CommunityActivity"]);
        Assert.Equal(40, kinds["HomeVisit"]);
        Assert.Contains("共有1个项目开展服务，其中入户探访40次、个案服务15次、小组服务7场、社区活动9场、生活照料25次、医疗护理3次；服务登记居民20人，开放活动参与约980人次",
            outcomes.GetProperty("narrative").GetString());
        // A period the wrong way round is named; an area outside the scope is not found.
        await (await w.Worker.GetAsync($"/api/v1/projects/outcomes?from=2026-12-31&to=2026-01-01")).Expect(HttpStatusCode.BadRequest);
        await (await w.Worker.GetAsync($"/api/v1/projects/outcomes?area=520526000000")).Expect(HttpStatusCode.NotFound);
        // Organization staff read their projects, not an area's outcomes.
        await (await w.Staff.GetAsync($"/api/v1/projects/outcomes")).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Outcomes_of_the_whole_scope_count_only_its_own_records_and_people_each_once()
    {
        // Two townships, each with a project and records; the first's worker reads the outcomes of their whole scope (no area):
        // the other township's records and people stay out (the people are counted with the scope written on the records).
        using var w = await WorldAsync();
        using var other = await WorldAsync();
        var id = await RunningAsync(w);
        var elsewhere = await RunningAsync(other);
        var (adult, child) = (w.Care.AdultId, w.Care.ChildId);
        await Post(w.Staff, $"/api/v1/projects/{id}/activities", Record("HomeVisit", residents: [adult]), HttpStatusCode.Created);
        await Post(w.Staff, $"/api/v1/projects/{id}/activities", Record("HomeVisit", residents: [adult, child]), HttpStatusCode.Created);
        await Post(w.Staff, $"/api/v1/projects/{id}/activities", Record("CommunityActivity", heads: 30), HttpStatusCode.Created);
        await Post(other.Staff, $"/api/v1/projects/{elsewhere}/activities", Record("HomeVisit", residents: [other.Care.AdultId, other.Care.ChildId]), HttpStatusCode.Created);
        await Post(other.Staff, $"/api/v1/projects/{elsewhere}/activities", Record("CommunityActivity", heads: 50), HttpStatusCode.Created);

        var mine = await (await w.Worker.GetAsync("/api/v1/projects/outcomes?from=2026-01-01&to=2026-12-31")).Expect(HttpStatusCode.OK);
        Assert.Equal(1, mine.GetProperty("projects").GetInt32());
        Assert.Equal(2, mine.GetProperty("people").GetInt32());
        Assert.Equal(30, mine.GetProperty("headCount").GetInt32());
        var kinds = mine.GetProperty("kinds").EnumerateArray().ToDictionary(k => k.GetProperty("kind").GetString()!, k => k.GetProperty("times").GetInt32());
        Assert.Equal(2, kinds["HomeVisit"]);
        Assert.Equal(1, kinds["CommunityActivity"]);
        var line = Assert.Single(mine.GetProperty("byProject").EnumerateArray());
        Assert.Equal(id, line.GetProperty("id").GetGuid());
        Assert.Equal(3, line.GetProperty("records").GetInt32());

        // The people figure opens the people served through projects (source=Project): the same two, the adult served twice — a
        // home visit of the household (another source) adds to the whole list, not to this one.
        await (await w.Worker.PostAsJsonAsync($"/api/v1/households/{w.Care.HouseholdId}/visits", new { visitedOn = ChinaToday().ToString("yyyy-MM-dd"), method = "InPerson", livingConditions = "上门探访" }))
            .Expect(HttpStatusCode.Created);
        var people = await (await w.Worker.GetAsync($"/api/v1/service-records/people?area={w.Care.Township}&source=Project&from=2026-01-01&to={ChinaToday():yyyy-MM-dd}")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, people.GetProperty("total").GetInt32());
        Assert.Equal(2, people.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("residentId").GetGuid() == adult).GetProperty("services").GetInt32());
        var all = await (await w.Worker.GetAsync($"/api/v1/service-records/people?area={w.Care.Township}&from=2026-01-01&to={ChinaToday():yyyy-MM-dd}")).Expect(HttpStatusCode.OK);
        Assert.Equal(3, all.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("residentId").GetGuid() == adult).GetProperty("services").GetInt32());
        using var session = await PageSession.SignInAsync(app, w.Care.Worker.UserName);
        var (_, html) = await session.GetAsync($"/Projects/Outcomes?area={w.Care.Township}&from=2026-01-01&to=2026-12-31");
        Assert.Contains($"/Households/ServedPeople?area={w.Care.Township}&amp;source=Project&amp;from=2026-01-01&amp;to=2026-12-31", html, StringComparison.Ordinal);
        Assert.Contains("href=\"#outcomes-by-project\"", html, StringComparison.Ordinal);
        var (_, focused) = await session.GetAsync($"/Projects/Outcomes?area={w.Care.Township}&from=2026-01-01&to=2026-12-31&focus=ElderlyCare");
        Assert.Contains("id=\"outcomes-records-link\" href=\"#outcomes-by-project\"", focused, StringComparison.Ordinal);
        Assert.Contains($"/Projects/Details?id={id}#activities", focused, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Other_townships_and_community_staff_cannot_design_or_act_and_a_draft_edit_replaces_lines_and_keeps_its_area()
    {
        using var w = await WorldAsync();
        var id = (await Post(w.Worker, "/api/v1/projects", Design(w), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var elsewhere = await CaseworkWorld.CreateAsync(app);
        using var stranger = await app.CreateClientAsync(elsewhere.Worker.UserName);
        await (await stranger.GetAsync($"/api/v1/projects/{id}")).Expect(HttpStatusCode.NotFound);
        using var strangerHead = await app.CreateClientAsync(elsewhere.Head.UserName);
        await Post(strangerHead, $"/api/v1/projects/{id}/status", new { to = "Approved" }, HttpStatusCode.NotFound);
        var outside = await Post(w.Worker, "/api/v1/projects", Design(w, areaCode: elsewhere.Township), HttpStatusCode.BadRequest);
        Assert.True(outside.GetProperty("errors").TryGetProperty("areaCode", out _));

        var staff = await TestUsers.CreateAsync(app, Role.CommunityStaff, w.Care.Community);
        using var community = await app.CreateClientAsync(staff.UserName);
        await (await community.PostAsJsonAsync("/api/v1/projects", Design(w))).Expect(HttpStatusCode.Forbidden);
        var list = await (await community.GetAsync($"/api/v1/projects?area={w.Care.Township}")).Expect(HttpStatusCode.NotFound);

        // The draft's lines and indicators are replaced; its area does not move.
        var edited = Design(w, budget: 50000m, funding: new[] { new { source = "GovernmentPurchase", amountYuan = 50000m } },
            indicators: new[] { new { name = "入户探访", measure = "Times", kinds = new[] { "HomeVisit" }, target = 30, unit = "次" } });
        await (await w.Worker.PutAsJsonAsync($"/api/v1/projects/{id}", edited)).Expect(HttpStatusCode.OK);
        var p = await (await w.Worker.GetAsync($"/api/v1/projects/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(5000000, p.GetProperty("budgetFen").GetInt64());
        Assert.Single(p.GetProperty("fundingLines").EnumerateArray());
        Assert.Single(p.GetProperty("indicators").EnumerateArray());
        var moved = Design(w, areaCode: w.Care.Community);
        var refused = await (await w.Worker.PutAsJsonAsync($"/api/v1/projects/{id}", moved)).Expect(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("areaCode", out _));
    }

    static async Task<JsonElement> Put(HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await client.PutAsJsonAsync(url, body)).Expect(expected);

    [Fact]
    public async Task An_evaluation_is_opened_by_the_head_self_assessed_by_the_organization_then_reviewed_once_and_bad_scores_are_refused()
    {
        using var w = await WorldAsync();
        var draft = (await Post(w.Worker, "/api/v1/projects", Design(w), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        // A draft is not evaluated; nor does a worker open an evaluation.
        await Post(w.Head, $"/api/v1/projects/{draft}/evaluations", new { stage = "MidTerm" }, HttpStatusCode.Conflict);
        var id = await RunningAsync(w);
        var refused = await Post(w.Worker, $"/api/v1/projects/{id}/evaluations", new { stage = "MidTerm" }, HttpStatusCode.Conflict);
        Assert.Contains("站长", refused.GetProperty("title").GetString());
        await Post(w.Staff, $"/api/v1/projects/{id}/evaluations", new { stage = "MidTerm" }, HttpStatusCode.Conflict);
        // Criteria are checked: a name twice, points out of range, a pass mark above the total, a stage unknown.
        var bad = await Post(w.Head, $"/api/v1/projects/{id}/evaluations", new
        {
            stage = "MidTerm", passScore = 500,
            criteria = new object[] { new { name = "服务成效", maxScore = 50 }, new { name = "服务成效", maxScore = 30 }, new { name = "财务", maxScore = 0 } },
        }, HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        Assert.True(errors.TryGetProperty("criteria[1].name", out _));
        Assert.True(errors.TryGetProperty("criteria[2].maxScore", out _));
        await Post(w.Head, $"/api/v1/projects/{id}/evaluations", new { stage = "Halfway" }, HttpStatusCode.BadRequest);
        var huge = await Post(w.Head, $"/api/v1/projects/{id}/evaluations", new
        {
            stage = "Final", criteria = new object[] { new { name = "服务成效", maxScore = int.MaxValue }, new { name = "服务成效二", maxScore = int.MaxValue } },
        }, HttpStatusCode.BadRequest);
        Assert.True(huge.GetProperty("errors").TryGetProperty("criteria[0].maxScore", out _));
        Assert.Equal(0, await app.Query(db => db.Set<ProjectEvaluation>().IgnoreQueryFilters().CountAsync(e => e.ProjectId == id)));

        // The default five criteria out of 100, pass mark 60.
        var opened = await Post(w.Head, $"/api/v1/projects/{id}/evaluations", new { stage = "MidTerm" }, HttpStatusCode.Created);
        var evaluation = opened.GetProperty("id").GetGuid();
        Assert.Equal(100, opened.GetProperty("maxTotal").GetInt32());
        Assert.Equal(60, opened.GetProperty("passScore").GetInt32());
        await Post(w.Head, $"/api/v1/projects/{id}/evaluations", new { stage = "MidTerm" }, HttpStatusCode.Conflict);
        // Not reviewed before the self-assessment.
        var early = await Put(w.Head, $"/api/v1/projects/{id}/evaluations/{evaluation}/review", new { scores = new[] { 10, 10, 10, 10, 10 }, comment = "提前评审" }, HttpStatusCode.Conflict);
        Assert.Contains("自评", early.GetProperty("title").GetString());
        // Scores: one per criterion, each within its points.
        var few = await Put(w.Staff, $"/api/v1/projects/{id}/evaluations/{evaluation}/self", new { scores = new[] { 10, 10 }, comment = "自评" }, HttpStatusCode.BadRequest);
        Assert.True(few.GetProperty("errors").TryGetProperty("scores", out _));
        var over = await Put(w.Staff, $"/api/v1/projects/{id}/evaluations/{evaluation}/self", new { scores = new[] { 18, 36, 14, -1, 13 }, comment = "自评" }, HttpStatusCode.BadRequest);
        Assert.True(over.GetProperty("errors").TryGetProperty("scores[1]", out _));
        Assert.True(over.GetProperty("errors").TryGetProperty("scores[3]", out _));
        // A worker of another township does not reach it.
        using var other = await app.CreateClientAsync((await CaseworkWorld.CreateAsync(app)).Worker.UserName);
        await Put(other, $"/api/v1/projects/{id}/evaluations/{evaluation}/self", new { scores = new[] { 18, 32, 14, 14, 13 }, comment = "越权自评" }, HttpStatusCode.NotFound);

        var self = await Put(w.Staff, $"/api/v1/projects/{id}/evaluations/{evaluation}/self", new { scores = new[] { 18, 32, 14, 14, 13 }, comment = "项目按计划推进。" });
        Assert.Equal(91, self.GetProperty("total").GetInt32());
        // The head's review against a stale version is refused; then reviewed: 58 < 60, failed.
        await Put(w.Head, $"/api/v1/projects/{id}/evaluations/{evaluation}/review", new { scores = new[] { 12, 20, 10, 8, 8 }, comment = "指标进度滞后。", version = 0 }, HttpStatusCode.Conflict);
        var reviewed = await Put(w.Head, $"/api/v1/projects/{id}/evaluations/{evaluation}/review", new { scores = new[] { 12, 20, 10, 8, 8 }, comment = "指标进度滞后。" });
        Assert.Equal(58, reviewed.GetProperty("total").GetInt32());
        Assert.False(reviewed.GetProperty("passed").GetBoolean());
        // Final: neither side scores again.
        await Put(w.Staff, $"/api/v1/projects/{id}/evaluations/{evaluation}/self", new { scores = new[] { 20, 35, 15, 15, 15 }, comment = "再次自评" }, HttpStatusCode.Conflict);
        await Put(w.Head, $"/api/v1/projects/{id}/evaluations/{evaluation}/review", new { scores = new[] { 20, 35, 15, 15, 15 }, comment = "改判" }, HttpStatusCode.Conflict);

        var project = await (await w.Staff.GetAsync($"/api/v1/projects/{id}")).Expect(HttpStatusCode.OK);
        var shown = project.GetProperty("evaluations")[0];
        Assert.Equal("MidTerm", shown.GetProperty("stage").GetString());
        Assert.Equal(91, shown.GetProperty("selfTotal").GetInt32());
        Assert.Equal(58, shown.GetProperty("reviewTotal").GetInt32());
        Assert.False(shown.GetProperty("passed").GetBoolean());
        Assert.Empty(project.GetProperty("mayOpen").EnumerateArray()); // the organization opens nothing
        var byHead = await (await w.Head.GetAsync($"/api/v1/projects/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(["Final"], byHead.GetProperty("mayOpen").EnumerateArray().Select(s => s.GetString()!));
    }

    [Fact]
    public async Task Satisfaction_is_satisfied_of_answered_over_the_surveys_and_surveys_that_do_not_add_up_are_refused()
    {
        using var w = await WorldAsync();
        var id = await RunningAsync(w);
        var record = (await Post(w.Staff, $"/api/v1/projects/{id}/activities", Record("CommunityActivity", heads: 20), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Post(w.Staff, $"/api/v1/projects/{id}/activities", Record("CommunityActivity", heads: 30), HttpStatusCode.Created);
        object Survey(int very, int satisfied, int neutral = 0, int dissatisfied = 0, string on = "2026-06-01", Guid? activityId = null, string method = "Paper") =>
            new { activityId, surveyedOn = on, method, verySatisfied = very, satisfied, neutral, dissatisfied, veryDissatisfied = 0, note = "活动现场发放问卷" };

        var empty = await Post(w.Staff, $"/api/v1/projects/{id}/surveys", Survey(0, 0), HttpStatusCode.BadRequest);
        Assert.True(empty.GetProperty("errors").TryGetProperty("verySatisfied", out _));
        var early = await Post(w.Staff, $"/api/v1/projects/{id}/surveys", Survey(5, 5, on: "2025-12-31"), HttpStatusCode.BadRequest);
        Assert.True(early.GetProperty("errors").TryGetProperty("surveyedOn", out _));
        await Post(w.Staff, $"/api/v1/projects/{id}/surveys", Survey(5, 5, on: "2099-01-01"), HttpStatusCode.BadRequest);
        await Post(w.Staff, $"/api/v1/projects/{id}/surveys", Survey(5, 5, method: "Telepathy"), HttpStatusCode.BadRequest);
        // About one record: no more answers than it had participants (20), and the record must be the project's.
        var many = await Post(w.Staff, $"/api/v1/projects/{id}/surveys", Survey(15, 6, activityId: record), HttpStatusCode.BadRequest);
        Assert.Contains("20", many.GetProperty("errors").GetProperty("verySatisfied")[0].GetString());
        await Post(w.Staff, $"/api/v1/projects/{id}/surveys", Survey(5, 5, activityId: Guid.NewGuid()), HttpStatusCode.BadRequest);
        Assert.Equal(0, await app.Query(db => db.Set<SatisfactionSurvey>().IgnoreQueryFilters().CountAsync(s => s.ProjectId == id)));

        // 18 of 20, then 27 of 28: 45 of 48 = 93.75%, shown 93.7% (never overstated), Bijie's 90% met.
        var before = await Post(w.Staff, $"/api/v1/projects/{id}/surveys", Survey(5, 5, on: "2026-02-01", activityId: record), HttpStatusCode.BadRequest);
        Assert.True(before.GetProperty("errors").TryGetProperty("surveyedOn", out _)); // before the record was held
        var first = await Post(w.Staff, $"/api/v1/projects/{id}/surveys", Survey(12, 6, neutral: 2, activityId: record), HttpStatusCode.Created);
        Assert.Equal(90.0m, first.GetProperty("projectRate").GetProperty("percent").GetDecimal());
        // The record's 20 participants have all answered: a further survey of it is refused; so are more answers than the project's 50 beneficiaries.
        await Post(w.Staff, $"/api/v1/projects/{id}/surveys", Survey(1, 0, activityId: record), HttpStatusCode.BadRequest);
        await Post(w.Staff, $"/api/v1/projects/{id}/surveys", Survey(40, 11), HttpStatusCode.BadRequest);
        await Post(w.Worker, $"/api/v1/projects/{id}/surveys", Survey(20, 7, dissatisfied: 1, on: "2026-09-01", method: "HomeVisit"), HttpStatusCode.Created);
        var project = await (await w.Worker.GetAsync($"/api/v1/projects/{id}")).Expect(HttpStatusCode.OK);
        var rate = project.GetProperty("satisfaction");
        Assert.Equal(45, rate.GetProperty("satisfied").GetInt32());
        Assert.Equal(48, rate.GetProperty("answered").GetInt32());
        Assert.Equal(93.7m, rate.GetProperty("percent").GetDecimal());
        Assert.True(rate.GetProperty("meetsTarget").GetBoolean());
        Assert.EndsWith("经回访调查，服务对象满意度达93.7%。", project.GetProperty("narrative").GetString());
        Assert.Equal(2, project.GetProperty("surveys").GetArrayLength());

        // Another organization does not reach the project; a draft takes no survey.
        var otherOrganization = await TestOrganizations.CreateAsync(app, w.Care.Township);
        var stranger = await TestUsers.CreateAsync(app, Role.OrganizationStaff, w.Care.Township, organizationId: otherOrganization);
        using var strangerClient = await app.CreateClientAsync(stranger.UserName);
        await Post(strangerClient, $"/api/v1/projects/{id}/surveys", Survey(5, 5), HttpStatusCode.NotFound);
        var draft = (await Post(w.Worker, "/api/v1/projects", Design(w), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Post(w.Worker, $"/api/v1/projects/{draft}/surveys", Survey(5, 5), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_survey_entered_wrongly_is_voided_with_a_reason_leaves_the_rate_and_frees_its_answers_while_it_stays_listed()
    {
        using var w = await WorldAsync();
        var id = await RunningAsync(w);
        var record = (await Post(w.Staff, $"/api/v1/projects/{id}/activities", Record("CommunityActivity", heads: 20), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        object Survey(int very, int dissatisfied) =>
            new { activityId = record, surveyedOn = "2026-06-01", method = "Paper", verySatisfied = very, satisfied = 0, neutral = 0, dissatisfied, veryDissatisfied = 0 };
        // Mistyped: 2 very satisfied and 18 dissatisfied, where the forms said the reverse. The record's 20 have all answered.
        var wrong = (await Post(w.Staff, $"/api/v1/projects/{id}/surveys", Survey(2, 18), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Post(w.Staff, $"/api/v1/projects/{id}/surveys", Survey(18, 2), HttpStatusCode.BadRequest);
        var mistaken = await (await w.Worker.GetAsync($"/api/v1/projects/{id}")).Expect(HttpStatusCode.OK);
        Assert.EndsWith("服务对象满意度为10%。", mistaken.GetProperty("narrative").GetString(), StringComparison.Ordinal); // 为, not 达: under the target
        Assert.StartsWith("截至目前，项目共", mistaken.GetProperty("narrative").GetString(), StringComparison.Ordinal);
        Assert.False(mistaken.GetProperty("overdue").GetBoolean());

        var url = $"/api/v1/projects/{id}/surveys/{wrong}/void";
        var bad = await Post(w.Staff, url, new { reason = "错" }, HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("reason", out _));
        await Post(w.Staff, $"/api/v1/projects/{id}/surveys/{Guid.NewGuid()}/void", new { reason = "份数录错" }, HttpStatusCode.NotFound);
        var otherProject = await RunningAsync(w);
        await Post(w.Staff, $"/api/v1/projects/{otherProject}/surveys/{wrong}/void", new { reason = "份数录错" }, HttpStatusCode.NotFound);
        var otherOrganization = await TestOrganizations.CreateAsync(app, w.Care.Township);
        var stranger = await TestUsers.CreateAsync(app, Role.OrganizationStaff, w.Care.Township, organizationId: otherOrganization);
        using var strangerClient = await app.CreateClientAsync(stranger.UserName);
        await Post(strangerClient, url, new { reason = "份数录错" }, HttpStatusCode.NotFound);
        Assert.Null(await app.Query(db => db.Set<SatisfactionSurvey>().IgnoreQueryFilters().Where(s => s.Id == wrong).Select(s => s.VoidedAt).SingleAsync()));

        var voided = await Post(w.Staff, url, new { reason = "满意与不满意份数录反了" });
        Assert.Equal(0, voided.GetProperty("projectRate").GetProperty("answered").GetInt32());
        var again = await Post(w.Worker, url, new { reason = "再次作废" }, HttpStatusCode.Conflict);
        Assert.Contains("已作废", again.GetProperty("title").GetString(), StringComparison.Ordinal);
        // Its answers are freed: the right survey of the record is taken, and the rate is its alone.
        var right = await Post(w.Staff, $"/api/v1/projects/{id}/surveys", Survey(18, 2), HttpStatusCode.Created);
        Assert.Equal(90.0m, right.GetProperty("projectRate").GetProperty("percent").GetDecimal());
        var p = await (await w.Worker.GetAsync($"/api/v1/projects/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(1, p.GetProperty("satisfaction").GetProperty("surveys").GetInt32());
        Assert.EndsWith("经回访调查，服务对象满意度达90%。", p.GetProperty("narrative").GetString(), StringComparison.Ordinal);
        var listed = p.GetProperty("surveys").EnumerateArray().Single(s => s.GetProperty("id").GetGuid() == wrong);
        Assert.Equal("满意与不满意份数录反了", listed.GetProperty("voidReason").GetString());
        Assert.Equal(JsonValueKind.String, listed.GetProperty("voidedAt").ValueKind);
        Assert.True(p.GetProperty("mayVoidSurveys").GetBoolean());
        var audit = await app.Query(db => db.AuditRecords.Where(a => a.Entity == nameof(SatisfactionSurvey) && a.EntityKey == wrong.ToString()).Select(a => new { a.Action, a.Changes }).ToListAsync());
        Assert.Contains(audit, a => a.Action == Wushe.Platform.Audit.AuditAction.StateChange && a.Changes!.Contains("录反了", StringComparison.Ordinal));

        // Once completed a survey is still voided (surveys are recorded after completion too); a suspended organization's staff do not, the station does.
        await Post(w.Worker, $"/api/v1/projects/{id}/status", new { to = "Completed" });
        Assert.StartsWith("项目共", (await (await w.Worker.GetAsync($"/api/v1/projects/{id}")).Expect(HttpStatusCode.OK)).GetProperty("narrative").GetString(), StringComparison.Ordinal);
        var late = (await Post(w.Staff, $"/api/v1/projects/{id}/surveys", new { surveyedOn = ChinaToday().ToString("yyyy-MM-dd"), method = "Phone", verySatisfied = 1, satisfied = 0, neutral = 0, dissatisfied = 0, veryDissatisfied = 0 },
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await app.Query(async db =>
        {
            var o = await db.Set<Wushe.Features.Organizations.Organization>().IgnoreQueryFilters().FirstAsync(x => x.Id == w.Organization);
            o.ChangeStatus(Wushe.Features.Organizations.OrganizationStatus.Suspended, "年检不合格");
            return await db.SaveChangesAsync();
        });
        var halted = await Post(w.Staff, $"/api/v1/projects/{id}/surveys/{late}/void", new { reason = "电话回访记错了人" }, HttpStatusCode.Conflict);
        Assert.Contains("社工站", halted.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.False((await (await w.Staff.GetAsync($"/api/v1/projects/{id}")).Expect(HttpStatusCode.OK)).GetProperty("mayVoidSurveys").GetBoolean());
        await Post(w.Worker, $"/api/v1/projects/{id}/surveys/{late}/void", new { reason = "电话回访记错了人" });
    }

    [Fact]
    public async Task Surveys_sent_at_once_never_hold_more_answers_than_the_record_had_participants()
    {
        using var w = await WorldAsync();
        var id = await RunningAsync(w);
        var record = (await Post(w.Staff, $"/api/v1/projects/{id}/activities", Record("CommunityActivity", heads: 10), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var survey = new { activityId = record, surveyedOn = "2026-06-01", method = "Paper", verySatisfied = 6, satisfied = 0, neutral = 0, dissatisfied = 0, veryDissatisfied = 0 };
        var responses = await Task.WhenAll(new[] { w.Staff, w.Worker, w.Staff, w.Worker }.Select(c => c.PostAsJsonAsync($"/api/v1/projects/{id}/surveys", survey)));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(responses, r => Assert.True(r.StatusCode is HttpStatusCode.Created or HttpStatusCode.BadRequest, r.StatusCode.ToString()));
        Assert.Equal(6, await app.Query(db => db.Set<SatisfactionSurvey>().IgnoreQueryFilters().Where(s => s.ActivityId == record).SumAsync(s => s.VerySatisfied)));
    }

    [Fact]
    public async Task Head_counts_belong_to_open_events_and_dates_far_outside_the_platforms_years_are_refused()
    {
        using var w = await WorldAsync();
        var id = await RunningAsync(w);
        var visit = await Post(w.Staff, $"/api/v1/projects/{id}/activities", Record("HomeVisit", heads: 100000), HttpStatusCode.BadRequest);
        Assert.True(visit.GetProperty("errors").TryGetProperty("headCount", out _));
        var homeVisitHeads = await Post(w.Staff, $"/api/v1/projects/{id}/activities", Record("HomeVisit", heads: 5), HttpStatusCode.BadRequest);
        Assert.Contains("开放活动", homeVisitHeads.GetProperty("errors").GetProperty("headCount")[0].GetString());
        await Post(w.Staff, $"/api/v1/projects/{id}/activities", Record("Training", heads: 30), HttpStatusCode.Created);

        var far = await Post(w.Worker, "/api/v1/projects", Design(w, start: "9999-12-01", end: "9999-12-31"), HttpStatusCode.BadRequest);
        Assert.True(far.GetProperty("errors").TryGetProperty("startOn", out _));
        await Post(w.Worker, "/api/v1/projects", Design(w, start: "0001-01-01", end: "0001-12-31"), HttpStatusCode.BadRequest);
        var twice = await Post(w.Worker, "/api/v1/projects", Design(w, indicators: new object[]
        {
            new { name = "入户探访", measure = "Times", kinds = new[] { "HomeVisit" }, target = 10, unit = "次" },
            new { name = "入户探访", measure = "Times", kinds = new[] { "LifeCare" }, target = 10, unit = "次" },
        }), HttpStatusCode.BadRequest);
        Assert.True(twice.GetProperty("errors").TryGetProperty("indicators[1].name", out _));
    }

    [Fact]
    public async Task The_record_form_offers_the_needs_households_the_residents_served_before_and_those_found_in_the_area_only()
    {
        using var w = await WorldAsync();
        var id = await RunningAsync(w);
        var none = await (await w.Staff.GetAsync($"/api/v1/projects/{id}/participants")).Expect(HttpStatusCode.OK);
        Assert.Equal(0, none.GetArrayLength());
        // Found by whole name in the project's area; masked, with the ID number's last 4.
        var found = await (await w.Staff.GetAsync($"/api/v1/projects/{id}/participants?find=" + Uri.EscapeDataString("张三丰"))).Expect(HttpStatusCode.OK);
        var person = Assert.Single(found.EnumerateArray());
        Assert.Equal(w.Care.AdultId, person.GetProperty("id").GetGuid());
        Assert.DoesNotContain("三丰", person.GetProperty("name").GetString());
        // Served once, offered after without a search.
        await Post(w.Staff, $"/api/v1/projects/{id}/activities", Record("HomeVisit", residents: [w.Care.AdultId]), HttpStatusCode.Created);
        var served = await (await w.Staff.GetAsync($"/api/v1/projects/{id}/participants")).Expect(HttpStatusCode.OK);
        Assert.Contains(served.EnumerateArray(), p => p.GetProperty("id").GetGuid() == w.Care.AdultId);
        // Community staff read the project through their community's need, but do not search the area's residents.
        var need = (await Post(w.Worker, "/api/v1/needs", new { householdId = w.Care.HouseholdId, category = "ElderlyCare", urgency = "Normal", title = "独居老人需要上门照料", description = "老人行动不便，希望有人定期上门。" },
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Post(w.Worker, $"/api/v1/needs/{need}/status", new { to = "Accepted" });
        var answering = await RunningAsync(w, Design(w, needIds: new[] { need }));
        var community = await TestUsers.CreateAsync(app, Role.CommunityStaff, w.Care.Community);
        using var communityClient = await app.CreateClientAsync(community.UserName);
        await (await communityClient.GetAsync($"/api/v1/projects/{answering}")).Expect(HttpStatusCode.OK);
        await (await communityClient.GetAsync($"/api/v1/projects/{answering}/participants?find=" + Uri.EscapeDataString("张"))).Expect(HttpStatusCode.NotFound);
        // A resident of another township is not found.
        var elsewhere = await CaseworkWorld.CreateAsync(app);
        var foreign = await (await w.Staff.GetAsync($"/api/v1/projects/{id}/participants?find=" + Uri.EscapeDataString("张小明"))).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(foreign.EnumerateArray(), p => p.GetProperty("id").GetGuid() == elsewhere.ChildId);
    }

    [Fact]
    public async Task A_need_in_a_project_is_due_when_the_project_ends_and_goes_back_to_matching_when_the_project_is_terminated()
    {
        using var w = await WorldAsync();
        async Task<Guid> AcceptedNeed(string title)
        {
            var id = (await Post(w.Worker, "/api/v1/needs", new { householdId = w.Care.HouseholdId, category = "ElderlyCare", urgency = "Normal", title, description = "老人行动不便，希望有人定期上门。" },
                HttpStatusCode.Created)).GetProperty("id").GetGuid();
            await Post(w.Worker, $"/api/v1/needs/{id}/status", new { to = "Accepted" });
            return id;
        }
        var alone = await AcceptedNeed("独居老人需要上门照料");
        var referred = await AcceptedNeed("独居老人需要助餐服务");
        var end = ChinaToday().AddMonths(6);
        var id = await RunningAsync(w, Design(w, needIds: new[] { alone, referred }, start: ChinaToday().AddMonths(-1).ToString("yyyy-MM-dd"), end: end.ToString("yyyy-MM-dd")));
        await Post(w.Worker, $"/api/v1/needs/{referred}/matches", new { kind = "Organization", targetId = w.Organization, note = "同时转介实施机构助餐" }, HttpStatusCode.Created);

        // Answered by a running project, the need is due when the project ends (the end of its last day, China time), not overdue meanwhile.
        var need = await (await w.Worker.GetAsync($"/api/v1/needs/{alone}")).Expect(HttpStatusCode.OK);
        Assert.Equal(new DateTimeOffset(end.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)), need.GetProperty("resolveDueAt").GetDateTimeOffset());
        Assert.False(need.GetProperty("overdue").GetBoolean());

        await Post(w.Worker, $"/api/v1/projects/{id}/status", new { to = "Terminated", note = "实施机构无法继续履约" });
        // The need only this project answered awaits a match again, with a step saying why; the one also referred keeps its status.
        need = await (await w.Worker.GetAsync($"/api/v1/needs/{alone}")).Expect(HttpStatusCode.OK);
        Assert.Equal("Accepted", need.GetProperty("status").GetString());
        Assert.Contains(need.GetProperty("steps").EnumerateArray(), s => s.GetProperty("status").GetString() == "Accepted" && s.GetProperty("note").GetString()!.Contains("已终止"));
        await Post(w.Worker, $"/api/v1/needs/{alone}/matches", new { kind = "Organization", targetId = w.Organization, note = "改为转介社会组织" }, HttpStatusCode.Created);
        var other = await (await w.Worker.GetAsync($"/api/v1/needs/{referred}")).Expect(HttpStatusCode.OK);
        Assert.Equal("Matched", other.GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_organization_sees_a_project_from_its_approval_on_not_while_the_station_designs_it()
    {
        using var w = await WorldAsync();
        var draft = (await Post(w.Worker, "/api/v1/projects", Design(w), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await (await w.Staff.GetAsync($"/api/v1/projects/{draft}")).Expect(HttpStatusCode.NotFound);
        Assert.DoesNotContain((await (await w.Staff.GetAsync("/api/v1/projects")).Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetGuid() == draft);
        await Post(w.Head, $"/api/v1/projects/{draft}/status", new { to = "Approved", note = "同意立项" });
        await (await w.Staff.GetAsync($"/api/v1/projects/{draft}")).Expect(HttpStatusCode.OK);
        // A draft dropped before approval never was the organization's.
        var dropped = (await Post(w.Worker, "/api/v1/projects", Design(w), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Post(w.Worker, $"/api/v1/projects/{dropped}/status", new { to = "Terminated", note = "需求已由其他渠道解决" });
        await (await w.Staff.GetAsync($"/api/v1/projects/{dropped}")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_need_joins_a_running_project_by_a_match_and_a_project_is_never_approved_by_its_designer()
    {
        using var w = await WorldAsync();
        var id = await RunningAsync(w);
        var need = (await Post(w.Worker, "/api/v1/needs", new { householdId = w.Care.HouseholdId, category = "ElderlyCare", urgency = "Normal", title = "独居老人需要上门照料", description = "老人行动不便，希望有人定期上门。" },
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Post(w.Worker, $"/api/v1/needs/{need}/status", new { to = "Accepted" });
        var missing = await Post(w.Worker, $"/api/v1/needs/{need}/matches", new { kind = "Project" }, HttpStatusCode.BadRequest);
        Assert.True(missing.GetProperty("errors").TryGetProperty("targetId", out _));
        // A draft is not offered: it takes needs through its design.
        var draft = (await Post(w.Worker, "/api/v1/projects", Design(w), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Post(w.Worker, $"/api/v1/needs/{need}/matches", new { kind = "Project", targetId = draft }, HttpStatusCode.BadRequest);
        await Post(w.Worker, $"/api/v1/needs/{need}/matches", new { kind = "Project", targetId = id, note = "纳入银龄守护项目" }, HttpStatusCode.Created);
        await Post(w.Worker, $"/api/v1/needs/{need}/matches", new { kind = "Project", targetId = id }, HttpStatusCode.Conflict);
        var project = await (await w.Worker.GetAsync($"/api/v1/projects/{id}")).Expect(HttpStatusCode.OK);
        Assert.Contains(project.GetProperty("needs").EnumerateArray(), n => n.GetProperty("id").GetGuid() == need);
        var matched = await (await w.Worker.GetAsync($"/api/v1/needs/{need}")).Expect(HttpStatusCode.OK);
        Assert.Equal("Matched", matched.GetProperty("status").GetString());
        // Due no earlier than the project's end (its own deadline stays when that is later).
        Assert.True(matched.GetProperty("resolveDueAt").GetDateTimeOffset() >= new DateTimeOffset(new DateOnly(2027, 1, 1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)));

        // The head designs a project: someone else approves it.
        var own = (await Post(w.Head, "/api/v1/projects", Design(w), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var refused = await Post(w.Head, $"/api/v1/projects/{own}/status", new { to = "Approved" }, HttpStatusCode.Conflict);
        Assert.Contains("本人设计", refused.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain((await (await w.Head.GetAsync($"/api/v1/projects/{own}")).Expect(HttpStatusCode.OK)).GetProperty("next").EnumerateArray(), s => s.GetString() == "Approved");
        // The worker designs, the head edits the draft: the head saved the design too, and does not approve it (the edit is on the timeline).
        var edited = (await Post(w.Worker, "/api/v1/projects", Design(w), HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await (await w.Head.PutAsJsonAsync($"/api/v1/projects/{edited}", Design(w, budget: 100000m))).Expect(HttpStatusCode.OK);
        await Post(w.Head, $"/api/v1/projects/{edited}/status", new { to = "Approved" }, HttpStatusCode.Conflict);
        var timeline = await (await w.Worker.GetAsync($"/api/v1/projects/{edited}")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, timeline.GetProperty("steps").EnumerateArray().Count(s => s.GetProperty("status").GetString() == "Draft"));

        // Completing (early: the project runs to the end of 2026 or later) tells the needs still open to confirm their resolution, due
        // within the area's resolution limit from now, not at the project's planned end.
        await Post(w.Staff, $"/api/v1/projects/{id}/activities", Record("HomeVisit", residents: [w.Care.AdultId]), HttpStatusCode.Created);
        await Post(w.Worker, $"/api/v1/projects/{id}/status", new { to = "Completed", note = "项目周期结束" });
        var told = await (await w.Worker.GetAsync($"/api/v1/needs/{need}")).Expect(HttpStatusCode.OK);
        Assert.Contains(told.GetProperty("steps").EnumerateArray(), s => s.GetProperty("note").GetString()!.Contains("已结项"));
        Assert.True(told.GetProperty("resolveDueAt").GetDateTimeOffset() < DateTimeOffset.UtcNow.AddDays(100), told.GetProperty("resolveDueAt").ToString());
    }

    [Fact]
    public async Task A_suspended_organization_reads_its_project_but_records_nothing_and_null_rows_are_named_not_a_crash()
    {
        using var w = await WorldAsync();
        var id = await RunningAsync(w);
        await Post(w.Staff, $"/api/v1/projects/{id}/activities", Record("HomeVisit", residents: [w.Care.AdultId]), HttpStatusCode.Created);
        await app.Query(async db =>
        {
            var o = await db.Set<Wushe.Features.Organizations.Organization>().IgnoreQueryFilters().FirstAsync(x => x.Id == w.Organization);
            o.ChangeStatus(Wushe.Features.Organizations.OrganizationStatus.Suspended, "年检不合格");
            return await db.SaveChangesAsync();
        });
        var read = await (await w.Staff.GetAsync($"/api/v1/projects/{id}")).Expect(HttpStatusCode.OK);
        Assert.False(read.GetProperty("mayRecord").GetBoolean());
        Assert.False(read.GetProperty("organizationActive").GetBoolean());
        var refused = await Post(w.Staff, $"/api/v1/projects/{id}/activities", Record("CommunityActivity", heads: 3), HttpStatusCode.Conflict);
        Assert.Contains("暂停活动", refused.GetProperty("title").GetString(), StringComparison.Ordinal);
        await Post(w.Worker, $"/api/v1/projects/{id}/activities", Record("CommunityActivity", heads: 3), HttpStatusCode.Conflict);
        await Post(w.Worker, "/api/v1/projects", Design(w), HttpStatusCode.BadRequest); // a new design names an active organization only
        // Its staff record no survey and void nothing; the station voids a wrong record still.
        var survey = new { surveyedOn = ChinaToday().ToString("yyyy-MM-dd"), method = "Paper", verySatisfied = 0, satisfied = 0, neutral = 0, dissatisfied = 0, veryDissatisfied = 1 };
        await Post(w.Staff, $"/api/v1/projects/{id}/surveys", survey, HttpStatusCode.Conflict);
        Assert.False((await (await w.Staff.GetAsync($"/api/v1/projects/{id}")).Expect(HttpStatusCode.OK)).GetProperty("maySurvey").GetBoolean());
        var wrong = await app.Query(db => db.Set<ProjectActivity>().IgnoreQueryFilters().Where(a => a.ProjectId == id).Select(a => a.Id).FirstAsync());
        var voidRefused = await Post(w.Staff, $"/api/v1/projects/{id}/activities/{wrong}/void", new { reason = "记错了" }, HttpStatusCode.Conflict);
        Assert.Contains("作废", voidRefused.GetProperty("title").GetString(), StringComparison.Ordinal);
        await Post(w.Worker, $"/api/v1/projects/{id}/activities/{wrong}/void", new { reason = "记错了" });
        // A need joins no project of a suspended organization (nobody may deliver on it).
        var need = (await Post(w.Worker, "/api/v1/needs", new { householdId = w.Care.HouseholdId, category = "ElderlyCare", urgency = "Normal", title = "需要助餐", description = "老人做饭困难。" },
            HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Post(w.Worker, $"/api/v1/needs/{need}/status", new { to = "Accepted" });
        await Post(w.Worker, $"/api/v1/needs/{need}/matches", new { kind = "Project", targetId = id }, HttpStatusCode.BadRequest);
        // Text with control characters is refused by name.
        var nul = await Post(w.Worker, $"/api/v1/projects/{id}/activities/{wrong}/void", new { reason = "\u0000\u0000" }, HttpStatusCode.BadRequest);
        Assert.Contains("控制字符", nul.GetProperty("errors").GetProperty("reason")[0].GetString(), StringComparison.Ordinal);

        // A JSON list with null where a row belongs: 400 naming the row.
        var body = JsonSerializer.Serialize(Design(w, organization: await TestOrganizations.CreateAsync(app, w.Care.Township)));
        var nulls = body.Replace("\"funding\":[", "\"funding\":[null,", StringComparison.Ordinal).Replace("\"indicators\":[", "\"indicators\":[null,", StringComparison.Ordinal);
        var invalid = await (await w.Worker.PostAsync("/api/v1/projects", new StringContent(nulls, System.Text.Encoding.UTF8, "application/json"))).Expect(HttpStatusCode.BadRequest);
        Assert.True(invalid.GetProperty("errors").TryGetProperty("funding[0]", out _));
        Assert.True(invalid.GetProperty("errors").TryGetProperty("indicators[0]", out _));
    }

    static DateOnly ChinaToday() => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);
}
