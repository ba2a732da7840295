using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Competitions;
using Wushe.Features.Organizations;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Competitions;

/// <summary>
/// 申报 and 初审 (issue 12) through the real app, on SQLite and PostgreSQL: a draft saved, its documents, the submission with its receipt
/// number; the form's rules named (budget ≠ lines, request above the cap, co-funding below the required share, missing documents);
/// nothing changes after the deadline; one application per organization and call; organization staff see their own only; 初审 passes,
/// fails and returns once; an ineligible kind is refused at submission; racing submissions get distinct numbers.
/// </summary>
public sealed class ApplicationTests(TestApp app)
{
    static DateOnly Today => Wushe.Platform.ChinaTime.Today(TimeProvider.System);

    static object Design(string areaCode, decimal requested = 20000m, decimal coFunding = 0m, decimal? budget = null, string title = "“银龄守护”独居老人关爱项目", string focus = "ElderlyCare")
    {
        var funding = new List<object> { new { source = "CompetitionAward", amountYuan = requested, note = "" } };
        if (coFunding > 0) funding.Add(new { source = "EnterpriseDonation", amountYuan = coFunding, note = "某企业配套" });
        return new
        {
            areaCode, title, focus, targetGroups = "独居老人", summary = "为辖区独居老人提供探访与陪伴服务。", plannedActivities = "每月入户探访 5 次",
            startOn = Today.AddMonths(2), endOn = Today.AddMonths(14), budgetYuan = budget ?? requested + coFunding, funding,
            indicators = new[] { new { name = "开展入户探访", measure = "Times", kinds = new[] { "HomeVisit" }, target = 60, unit = "次" } },
        };
    }

    sealed record Applicant(Guid OrganizationId, string UserName, HttpClient Client);

    async Task<Applicant> ApplicantAsync(string township, OrganizationKind kind = OrganizationKind.VolunteerTeam)
    {
        var organization = await TestOrganizations.CreateAsync(app, township, kind: kind);
        var user = await TestUsers.CreateAsync(app, Role.OrganizationStaff, township, organizationId: organization);
        return new Applicant(organization, user.UserName, await app.CreateClientAsync(user.UserName));
    }

    static async Task<Guid> DraftAsync(HttpClient client, Guid callId, object design) =>
        (await (await client.PostAsJsonAsync($"/api/v1/competitions/{callId}/applications", design)).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();

    static MultipartFormDataContent Document(string name = "项目申报书", string fileName = "申报书.pdf")
    {
        var file = new ByteArrayContent("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"u8.ToArray());
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { new StringContent(name), "name" }, { file, "file", fileName } };
    }

    static async Task AddDocumentAsync(HttpClient client, Guid id) =>
        await (await client.PostAsync($"/api/v1/competitions/applications/{id}/documents", Document())).Expect(HttpStatusCode.Created);

    static IEnumerable<string> Fields(JsonElement problem) => problem.GetProperty("errors").EnumerateObject().Select(p => p.Name);

    static string Messages(JsonElement problem, string field) => string.Join(" ", problem.GetProperty("errors").GetProperty(field).EnumerateArray().Select(e => e.GetString()));

    [Fact]
    public async Task A_draft_is_saved_documented_and_submitted_with_a_receipt_number()
    {
        using var chinese = new ChineseCulture();
        var township = await Places.NewTownshipAsync(app);
        var call = await TestCompetitions.CreateCallAsync(app, township);
        var callNo = await app.Query(db => db.Set<Competition>().Where(c => c.Id == call).Select(c => c.CallNo).SingleAsync());
        var org = await ApplicantAsync(township);

        // The organization sees the call open to it.
        var open = await (await org.Client.GetAsync("/api/v1/competitions/open")).Expect(HttpStatusCode.OK);
        Assert.Contains(open.EnumerateArray(), c => c.GetProperty("id").GetGuid() == call);

        var id = await DraftAsync(org.Client, call, Design(township, 20000m, 5000m));
        var draft = await (await org.Client.GetAsync($"/api/v1/competitions/applications/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal("Draft", draft.GetProperty("status").GetString());
        Assert.Equal(2_000_000, draft.GetProperty("requestedFen").GetInt64());
        Assert.Equal(500_000, draft.GetProperty("coFundingFen").GetInt64());
        Assert.Equal(["项目申报书"], draft.GetProperty("missingDocuments").EnumerateArray().Select(e => e.GetString()));

        // Without the required document the submission names it.
        var missing = await (await org.Client.PostAsJsonAsync($"/api/v1/competitions/applications/{id}/submit", new { })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("项目申报书", Messages(missing, "documents"));
        // A document name the call does not list is refused by name; a file that is not a pdf/jpg/png by its content too.
        var badName = await (await org.Client.PostAsync($"/api/v1/competitions/applications/{id}/documents", Document(name: "身份证"))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("name", Fields(badName));
        var fake = new MultipartFormDataContent { { new StringContent("项目申报书"), "name" }, { new ByteArrayContent("not a pdf"u8.ToArray()), "file", "申报书.pdf" } };
        Assert.Contains("file", Fields(await (await org.Client.PostAsync($"/api/v1/competitions/applications/{id}/documents", fake)).Expect(HttpStatusCode.BadRequest)));

        await AddDocumentAsync(org.Client, id);
        var receipt = await (await org.Client.PostAsJsonAsync($"/api/v1/competitions/applications/{id}/submit", new { })).Expect(HttpStatusCode.OK);
        Assert.Equal(callNo + "-001", receipt.GetProperty("applicationNo").GetString());
        Assert.Equal(2_000_000, receipt.GetProperty("requestedFen").GetInt64());
        var again = await (await org.Client.GetAsync($"/api/v1/competitions/applications/{id}/receipt")).Expect(HttpStatusCode.OK);
        Assert.Equal(callNo + "-001", again.GetProperty("applicationNo").GetString());

        var submitted = await (await org.Client.GetAsync($"/api/v1/competitions/applications/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal("Submitted", submitted.GetProperty("status").GetString());
        Assert.All(submitted.GetProperty("checks").EnumerateArray(), c => Assert.True(c.GetProperty("passed").GetBoolean()));
        Assert.False(submitted.GetProperty("mayChange").GetBoolean());
        // Submitted: no more edits (409 in words), a second submission neither.
        Assert.Equal(HttpStatusCode.Conflict, (await org.Client.PutAsJsonAsync($"/api/v1/competitions/applications/{id}", Design(township))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await org.Client.PostAsJsonAsync($"/api/v1/competitions/applications/{id}/submit", new { })).StatusCode);

        // The host lists it; the receipt page prints its number.
        using var huaibei = await app.CreateClientAsync("huaibei");
        var listed = await (await huaibei.GetAsync($"/api/v1/competitions/{call}/applications")).Expect(HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(listed.GetProperty("applications").GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        using var session = await PageSession.SignInAsync(app, org.UserName);
        var (status, html) = await session.GetAsync($"/Competitions/Receipt?id={id}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(callNo + "-001", html);
    }

    [Fact]
    public async Task The_form_names_what_is_wrong_and_saves_nothing()
    {
        using var chinese = new ChineseCulture();
        var township = await Places.NewTownshipAsync(app);
        var call = await TestCompetitions.CreateCallAsync(app, township, capFen: 30_000_00, coFunding: CoFundingRule.Required);
        var org = await ApplicantAsync(township);
        var url = $"/api/v1/competitions/{call}/applications";

        var budget = await (await org.Client.PostAsJsonAsync(url, Design(township, 20000m, 5000m, budget: 30000m))).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["budgetYuan"], Fields(budget));
        var cap = await (await org.Client.PostAsJsonAsync(url, Design(township, 40000m, 10000m))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("¥30,000.00", Messages(cap, "funding"));
        // The call requires 20% co-funding: 2,000 pledged against 20,000 asked names both figures.
        var share = await (await org.Client.PostAsJsonAsync(url, Design(township, 20000m, 2000m))).Expect(HttpStatusCode.BadRequest);
        var words = Messages(share, "funding");
        Assert.Contains("¥4,000.00", words);
        Assert.Contains("¥2,000.00", words);
        var away = await (await org.Client.PostAsJsonAsync(url, Design("520502001000", 20000m, 5000m))).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["areaCode"], Fields(away));
        var focus = await (await org.Client.PostAsJsonAsync(url, Design(township, 20000m, 5000m, focus: "LegalServices"))).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["focus"], Fields(focus));
        Assert.Equal(0, await app.Query(db => db.Set<CompetitionApplication>().IgnoreQueryFilters().CountAsync(a => a.CompetitionId == call)));

        // The page keeps what was typed and names the field.
        using var session = await PageSession.SignInAsync(app, org.UserName);
        var page = $"/Competitions/Apply?callId={call}";
        using var response = await session.PostFormAsync(page, new()
        {
            ["Input.Title"] = "页面填写的项目", ["Input.AreaCode"] = township, ["Input.Focus"] = "ElderlyCare", ["Input.StartOn"] = Today.AddMonths(2).ToString("yyyy-MM-dd"),
            ["Input.EndOn"] = Today.AddMonths(6).ToString("yyyy-MM-dd"), ["Input.BudgetYuan"] = "30000", ["Input.Funding[0].Source"] = "CompetitionAward", ["Input.Funding[0].AmountYuan"] = "20000",
            ["Input.Funding[1].Source"] = "EnterpriseDonation", ["Input.Funding[1].AmountYuan"] = "5000",
            ["Input.Indicators[0].Name"] = "累计受益人数", ["Input.Indicators[0].Measure"] = "Beneficiaries", ["Input.Indicators[0].Target"] = "100", ["Input.Indicators[0].Unit"] = "人",
        }, page);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("预算与资金来源合计不一致", html);
        Assert.Contains("页面填写的项目", html);
        Assert.Equal(0, await app.Query(db => db.Set<CompetitionApplication>().IgnoreQueryFilters().CountAsync(a => a.CompetitionId == call)));
        // Right, it saves and leads to the application.
        using var saved = await session.PostFormAsync(page, new()
        {
            ["Input.Title"] = "页面填写的项目", ["Input.AreaCode"] = township, ["Input.Focus"] = "ElderlyCare", ["Input.StartOn"] = Today.AddMonths(2).ToString("yyyy-MM-dd"),
            ["Input.EndOn"] = Today.AddMonths(6).ToString("yyyy-MM-dd"), ["Input.BudgetYuan"] = "25000", ["Input.Funding[0].Source"] = "CompetitionAward", ["Input.Funding[0].AmountYuan"] = "20000",
            ["Input.Funding[1].Source"] = "EnterpriseDonation", ["Input.Funding[1].AmountYuan"] = "5000",
            ["Input.Indicators[0].Name"] = "累计受益人数", ["Input.Indicators[0].Measure"] = "Beneficiaries", ["Input.Indicators[0].Target"] = "100", ["Input.Indicators[0].Unit"] = "人",
        }, page);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.StartsWith("/Competitions/Application?id=", saved.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Nothing_the_organization_sends_changes_an_application_after_the_deadline_while_screening_goes_on()
    {
        using var chinese = new ChineseCulture();
        var township = await Places.NewTownshipAsync(app);
        var call = await TestCompetitions.CreateCallAsync(app, township, opensAt: DateTimeOffset.UtcNow.AddDays(-30), closesAt: DateTimeOffset.UtcNow.AddMinutes(-1));
        var org = await ApplicantAsync(township);
        var draft = await TestCompetitions.CreateApplicationAsync(app, call, org.OrganizationId, ApplicationStatus.Draft, areaCode: township);
        var before = await app.Query(db => db.Set<CompetitionApplication>().IgnoreQueryFilters().Where(a => a.Id == draft).Select(a => a.Version).SingleAsync());

        var put = await (await org.Client.PutAsJsonAsync($"/api/v1/competitions/applications/{draft}", Design(township))).Expect(HttpStatusCode.Conflict);
        Assert.Contains("截止", put.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await org.Client.PostAsync($"/api/v1/competitions/applications/{draft}/documents", Document())).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await org.Client.PostAsJsonAsync($"/api/v1/competitions/applications/{draft}/submit", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await org.Client.PostAsJsonAsync($"/api/v1/competitions/applications/{draft}/withdraw", new { })).StatusCode);
        var other = await ApplicantAsync(township);
        Assert.Equal(HttpStatusCode.Conflict, (await other.Client.PostAsJsonAsync($"/api/v1/competitions/{call}/applications", Design(township))).StatusCode);
        Assert.Equal(before, await app.Query(db => db.Set<CompetitionApplication>().IgnoreQueryFilters().Where(a => a.Id == draft).Select(a => a.Version).SingleAsync()));
        Assert.Equal(0, await app.Query(db => db.Set<ApplicationDocument>().IgnoreQueryFilters().CountAsync(d => d.ApplicationId == draft)));

        // The host screens after the deadline.
        var third = await ApplicantAsync(township);
        var submitted = await TestCompetitions.CreateApplicationAsync(app, call, third.OrganizationId, ApplicationStatus.Submitted, areaCode: township);
        using var huaibei = await app.CreateClientAsync("huaibei");
        var screened = await (await huaibei.PostAsJsonAsync($"/api/v1/competitions/applications/{submitted}/screen", new { outcome = "Eligible" })).Expect(HttpStatusCode.OK);
        Assert.Equal("Eligible", screened.GetProperty("status").GetString());
        // After the deadline the organization reads why it cannot change: the deadline, with no advice to withdraw (it cannot any more).
        var why = (await (await third.Client.GetAsync($"/api/v1/competitions/applications/{submitted}")).Expect(HttpStatusCode.OK)).GetProperty("changeRefusal").GetString();
        Assert.Contains("截止", why);
        Assert.DoesNotContain("撤回", why);
        // A returned one may be corrected within its period, after the deadline too, but not withdrawn from the deadline on … (see the screening test).
    }

    [Fact]
    public async Task A_withdrawn_call_closes_its_applications_to_every_write_and_says_so_where_they_are_read()
    {
        using var chinese = new ChineseCulture();
        var township = await Places.NewTownshipAsync(app);
        var call = await TestCompetitions.CreateCallAsync(app, township);
        var org = await ApplicantAsync(township);
        var submitted = await TestCompetitions.CreateApplicationAsync(app, call, org.OrganizationId, ApplicationStatus.Submitted, areaCode: township);
        var other = await ApplicantAsync(township);
        var draft = await TestCompetitions.CreateApplicationAsync(app, call, other.OrganizationId, ApplicationStatus.Draft, areaCode: township);
        var (judgeId, judge) = await TestCompetitions.AddJudgeAsync(app, call);
        var assignment = await TestCompetitions.AssignAsync(app, submitted, judgeId);
        using var huaibei = await app.CreateClientAsync("huaibei");
        await (await huaibei.PostAsJsonAsync($"/api/v1/competitions/{call}/withdraw", new { reason = "资金未落实，暂缓举办" })).Expect(HttpStatusCode.OK);

        // Every write on its applications: 409, naming the withdrawal and its reason.
        var screen = await (await huaibei.PostAsJsonAsync($"/api/v1/competitions/applications/{submitted}/screen", new { outcome = "Eligible" })).Expect(HttpStatusCode.Conflict);
        Assert.Contains("申报通知已撤回", screen.GetProperty("title").GetString());
        Assert.Contains("资金未落实", screen.GetProperty("title").GetString());
        var put = await (await other.Client.PutAsJsonAsync($"/api/v1/competitions/applications/{draft}", Design(township))).Expect(HttpStatusCode.Conflict);
        Assert.Contains("申报通知已撤回", put.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await other.Client.PostAsync($"/api/v1/competitions/applications/{draft}/documents", Document())).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await other.Client.PostAsJsonAsync($"/api/v1/competitions/applications/{draft}/submit", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await org.Client.PostAsJsonAsync($"/api/v1/competitions/applications/{submitted}/withdraw", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await other.Client.PostAsJsonAsync($"/api/v1/competitions/{call}/applications", Design(township))).StatusCode);
        using var expert = await app.CreateClientAsync(judge.UserName);
        var score = await (await expert.PostAsJsonAsync($"/api/v1/me/reviews/{assignment}/score", new { scores = new[] { 8, 8, 8, 8, 8 }, comment = "项目设计合理，可行性较好。" })).Expect(HttpStatusCode.Conflict);
        Assert.Contains("申报通知已撤回", score.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await expert.PostAsJsonAsync($"/api/v1/me/reviews/{assignment}/recusal", new { reason = "与申报机构负责人系亲属" })).StatusCode);
        var review = await (await expert.GetAsync($"/api/v1/me/reviews/{assignment}")).Expect(HttpStatusCode.OK);
        Assert.False(review.GetProperty("canScore").GetBoolean());
        Assert.Equal(ApplicationStatus.Submitted, await app.Query(db => db.Set<CompetitionApplication>().IgnoreQueryFilters().Where(a => a.Id == submitted).Select(a => a.Status).SingleAsync()));

        // Read: closed, with the reason and the date, in the API, the organization's list, the application page and the receipt.
        var read = await (await org.Client.GetAsync($"/api/v1/competitions/applications/{submitted}")).Expect(HttpStatusCode.OK);
        var closed = read.GetProperty("closed");
        Assert.Equal("资金未落实，暂缓举办", closed.GetProperty("reason").GetString());
        Assert.NotEqual(JsonValueKind.Null, closed.GetProperty("withdrawnAt").ValueKind);
        Assert.False(read.GetProperty("mayChange").GetBoolean());
        Assert.False(read.GetProperty("mayWithdraw").GetBoolean());
        var host = await (await huaibei.GetAsync($"/api/v1/competitions/applications/{submitted}")).Expect(HttpStatusCode.OK);
        Assert.False(host.GetProperty("mayScreen").GetBoolean());
        var mine = await (await other.Client.GetAsync("/api/v1/competitions/applications/mine")).Expect(HttpStatusCode.OK);
        var row = mine.GetProperty("items").EnumerateArray().Single();
        Assert.False(row.GetProperty("mayChange").GetBoolean());
        Assert.Contains("已关闭", row.GetProperty("closed").GetProperty("text").GetString());
        var receipt = await (await org.Client.GetAsync($"/api/v1/competitions/applications/{submitted}/receipt")).Expect(HttpStatusCode.OK);
        Assert.Equal("资金未落实，暂缓举办", receipt.GetProperty("closed").GetProperty("reason").GetString());
        using var session = await PageSession.SignInAsync(app, other.UserName);
        var (_, list) = await session.GetAsync("/Competitions/Mine");
        Assert.Contains("申报通知已于", list);
        Assert.DoesNotContain($"/Competitions/Apply?callId={call}&amp;id={draft}", list);
        var (_, detail) = await session.GetAsync($"/Competitions/Application?id={draft}");
        Assert.Contains("id=\"closed\"", detail);
        Assert.DoesNotContain("id=\"submit-application\"", detail);
        var (_, apply) = await session.GetAsync($"/Competitions/Apply?callId={call}");
        Assert.Contains("id=\"apply-refusal\"", apply);
        Assert.DoesNotContain("id=\"apply-form\"", apply);
        // The host's list says the call is closed, and offers no 初审 on a submitted application.
        var hostList = await huaibei.GetStringAsync($"/Competitions/Applications?callId={call}");
        Assert.Contains("id=\"call-closed\"", hostList);
        Assert.DoesNotContain(">初审<", hostList);
        Assert.Contains(">已关闭<", hostList);
        // Nothing awaits 初审 on a withdrawn call: the host's list of calls counts none.
        var calls = await (await huaibei.GetAsync("/api/v1/competitions?keyword=" + Uri.EscapeDataString(await app.Query(db => db.Set<Competition>().IgnoreQueryFilters().Where(c => c.Id == call).Select(c => c.CallNo).SingleAsync())))).Expect(HttpStatusCode.OK);
        Assert.Equal(0, calls.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == call).GetProperty("awaitingScreening").GetInt32());
        // A draft has no receipt yet: the page says so plainly, with the way back.
        var (receiptStatus, receiptPage) = await session.GetAsync($"/Competitions/Receipt?id={draft}");
        Assert.Equal(HttpStatusCode.OK, receiptStatus);
        Assert.Contains("id=\"receipt-not-yet\"", receiptPage);
        using var judgePage = await PageSession.SignInAsync(app, judge.UserName);
        var (_, judging) = await judgePage.GetAsync("/Competitions/Judging");
        Assert.Contains("申报通知已撤回，无需评分", judging);
    }

    [Fact]
    public async Task The_apply_page_offers_no_form_on_a_closed_call_and_only_the_areas_the_organization_serves_in_the_host_area()
    {
        using var chinese = new ChineseCulture();
        var here = await Places.NewTownshipAsync(app);
        var there = await Places.NewTownshipAsync(app);
        // A county's call: the organization registered in one township serves that one only.
        var call = await TestCompetitions.CreateCallAsync(app, Places.County);
        var org = await ApplicantAsync(here);
        using var session = await PageSession.SignInAsync(app, org.UserName);
        var (status, form) = await session.GetAsync($"/Competitions/Apply?callId={call}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"apply-form\"", form);
        var (_, roots) = await session.GetAsync($"/Competitions/Apply?handler=Areas&callId={call}");
        var codes = JsonDocument.Parse(roots).RootElement.EnumerateArray().Select(a => a.GetProperty("code").GetString()).ToList();
        Assert.Equal([here], codes);
        var (below, _) = await session.GetAsync($"/Competitions/Apply?handler=Areas&callId={call}&parent={there}");
        Assert.Equal(HttpStatusCode.NotFound, below);
        // The API takes the same rule: another township of the county is refused on the field.
        var refused = await (await org.Client.PostAsJsonAsync($"/api/v1/competitions/{call}/applications", Design(there))).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["areaCode"], Fields(refused));
        await DraftAsync(org.Client, call, Design(here));

        // A call of a township the organization does not serve: the page says so, and offers no form.
        var elsewhere = await TestCompetitions.CreateCallAsync(app, there);
        var (_, notServed) = await session.GetAsync($"/Competitions/Apply?callId={elsewhere}");
        Assert.Contains("id=\"apply-refusal\"", notServed);
        Assert.DoesNotContain("id=\"apply-form\"", notServed);

        // A call past its deadline: the page says why and offers no form; a post is refused the same way, nothing saved.
        var late = await TestCompetitions.CreateCallAsync(app, here, opensAt: DateTimeOffset.UtcNow.AddDays(-30), closesAt: DateTimeOffset.UtcNow.AddMinutes(-1));
        var (_, closed) = await session.GetAsync($"/Competitions/Apply?callId={late}");
        Assert.Contains("截止", closed);
        Assert.Contains("id=\"apply-refusal\"", closed);
        Assert.DoesNotContain("id=\"apply-form\"", closed);
        using var posted = await session.PostFormAsync($"/Competitions/Apply?callId={late}", new() { ["Input.Title"] = "截止后的申报", ["Input.AreaCode"] = here }, $"/Competitions/Apply?callId={late}");
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("id=\"apply-refusal\"", await posted.Content.ReadAsStringAsync());
        Assert.Equal(0, await app.Query(db => db.Set<CompetitionApplication>().IgnoreQueryFilters().CountAsync(a => a.CompetitionId == late)));
        // A draft call is no call to the organization.
        var draftCall = await TestCompetitions.CreateCallAsync(app, here, CompetitionStatus.Draft);
        var (hidden, _) = await session.GetAsync($"/Competitions/Apply?callId={draftCall}");
        Assert.Equal(HttpStatusCode.NotFound, hidden);
    }

    [Fact]
    public async Task An_organization_applies_once_per_call_also_when_two_first_saves_race()
    {
        var township = await Places.NewTownshipAsync(app);
        var call = await TestCompetitions.CreateCallAsync(app, township);
        var org = await ApplicantAsync(township);
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => org.Client.PostAsJsonAsync($"/api/v1/competitions/{call}/applications", Design(township))));
        Assert.Equal(1, answers.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(3, answers.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        var first = (await answers.Single(a => a.StatusCode == HttpStatusCode.Created).Json()).GetProperty("id").GetGuid();
        Assert.Equal(1, await app.Query(db => db.Set<CompetitionApplication>().IgnoreQueryFilters().CountAsync(a => a.CompetitionId == call && a.OrganizationId == org.OrganizationId)));

        // Withdrawn, the organization may apply again.
        await (await org.Client.PostAsJsonAsync($"/api/v1/competitions/applications/{first}/withdraw", new { })).Expect(HttpStatusCode.OK);
        await DraftAsync(org.Client, call, Design(township, title: "重新申报的项目"));
    }

    [Fact]
    public async Task Organization_staff_see_only_their_own_applications()
    {
        var township = await Places.NewTownshipAsync(app);
        var call = await TestCompetitions.CreateCallAsync(app, township);
        var mine = await ApplicantAsync(township);
        var theirs = await ApplicantAsync(township);
        var own = await DraftAsync(mine.Client, call, Design(township, title: "我方项目"));
        var other = await DraftAsync(theirs.Client, call, Design(township, title: "他方项目"));

        Assert.Equal(HttpStatusCode.NotFound, (await mine.Client.GetAsync($"/api/v1/competitions/applications/{other}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mine.Client.GetAsync($"/api/v1/competitions/applications/{other}/receipt")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mine.Client.PutAsJsonAsync($"/api/v1/competitions/applications/{other}", Design(township))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mine.Client.PostAsJsonAsync($"/api/v1/competitions/applications/{other}/withdraw", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mine.Client.GetAsync($"/api/v1/competitions/{call}/applications")).StatusCode);
        var listed = await (await mine.Client.GetAsync("/api/v1/competitions/applications/mine")).Expect(HttpStatusCode.OK);
        Assert.Equal([own], listed.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("id").GetGuid()));
        using var session = await PageSession.SignInAsync(app, mine.UserName);
        Assert.Equal(HttpStatusCode.NotFound, (await session.GetAsync($"/Competitions/Application?id={other}")).Status);
        var (_, html) = await session.GetAsync("/Competitions/Mine");
        Assert.Contains("我方项目", html);
        Assert.DoesNotContain("他方项目", html);

        // A draft is the organization's: the host does not read it; another county's bureau reads nothing of the call.
        using var huaibei = await app.CreateClientAsync("huaibei");
        Assert.Equal(HttpStatusCode.NotFound, (await huaibei.GetAsync($"/api/v1/competitions/applications/{own}")).StatusCode);
        using var qixingguan = await app.CreateClientAsync("qixingguan");
        Assert.Equal(HttpStatusCode.NotFound, (await qixingguan.GetAsync($"/api/v1/competitions/{call}/applications")).StatusCode);
    }

    [Fact]
    public async Task Screening_passes_fails_with_a_reason_and_returns_once_for_correction()
    {
        using var chinese = new ChineseCulture();
        var township = await Places.NewTownshipAsync(app);
        var call = await TestCompetitions.CreateCallAsync(app, township);
        var a = await ApplicantAsync(township);
        var b = await ApplicantAsync(township);
        var c = await ApplicantAsync(township);
        var pass = await TestCompetitions.CreateApplicationAsync(app, call, a.OrganizationId, ApplicationStatus.Submitted, areaCode: township);
        var fail = await TestCompetitions.CreateApplicationAsync(app, call, b.OrganizationId, ApplicationStatus.Submitted, areaCode: township);
        var back = await TestCompetitions.CreateApplicationAsync(app, call, c.OrganizationId, ApplicationStatus.Submitted, areaCode: township);
        using var huaibei = await app.CreateClientAsync("huaibei");
        string Screen(Guid id) => $"/api/v1/competitions/applications/{id}/screen";

        // The organization may not screen; a fail needs its reason.
        Assert.Equal(HttpStatusCode.Forbidden, (await a.Client.PostAsJsonAsync(Screen(pass), new { outcome = "Eligible" })).StatusCode);
        Assert.Equal(["note"], Fields(await (await huaibei.PostAsJsonAsync(Screen(fail), new { outcome = "Ineligible" })).Expect(HttpStatusCode.BadRequest)));

        Assert.Equal("Eligible", (await (await huaibei.PostAsJsonAsync(Screen(pass), new { outcome = "Eligible" })).Expect(HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Equal("Ineligible", (await (await huaibei.PostAsJsonAsync(Screen(fail), new { outcome = "Ineligible", note = "项目不属于本次资助领域" })).Expect(HttpStatusCode.OK)).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await huaibei.PostAsJsonAsync(Screen(fail), new { outcome = "Eligible" })).StatusCode);
        var returned = await (await huaibei.PostAsJsonAsync(Screen(back), new { outcome = "Returned", note = "请补充配套资金证明" })).Expect(HttpStatusCode.OK);
        Assert.Equal("Returned", returned.GetProperty("status").GetString());
        var correctBy = returned.GetProperty("correctBy").GetDateTimeOffset();
        Assert.InRange(correctBy - DateTimeOffset.UtcNow, TimeSpan.FromDays(4.9), TimeSpan.FromDays(5.1));

        // The organization corrects and submits again: the same number.
        var number = await app.Query(db => db.Set<CompetitionApplication>().IgnoreQueryFilters().Where(x => x.Id == back).Select(x => x.ApplicationNo).SingleAsync());
        await (await c.Client.PutAsJsonAsync($"/api/v1/competitions/applications/{back}", Design(township, 20000m, 3000m, title: "补正后的项目"))).Expect(HttpStatusCode.OK);
        await AddDocumentAsync(c.Client, back);
        var again = await (await c.Client.PostAsJsonAsync($"/api/v1/competitions/applications/{back}/submit", new { })).Expect(HttpStatusCode.OK);
        Assert.Equal(number, again.GetProperty("applicationNo").GetString());

        // A second return is refused; the history holds both decisions.
        var second = await (await huaibei.PostAsJsonAsync(Screen(back), new { outcome = "Returned", note = "再次退回" })).Expect(HttpStatusCode.Conflict);
        Assert.Contains("一次", second.GetProperty("title").GetString());
        await (await huaibei.PostAsJsonAsync(Screen(back), new { outcome = "Eligible", note = "补正后符合条件" })).Expect(HttpStatusCode.OK);
        var details = await (await c.Client.GetAsync($"/api/v1/competitions/applications/{back}")).Expect(HttpStatusCode.OK);
        Assert.Equal(["Returned", "Eligible"], details.GetProperty("screenings").EnumerateArray().Select(s => s.GetProperty("status").GetString()));
        Assert.Equal("请补充配套资金证明", details.GetProperty("screenings")[0].GetProperty("note").GetString());

        // The host's page offers the screening form on a submitted application.
        var d = await TestCompetitions.CreateApplicationAsync(app, call, (await ApplicantAsync(township)).OrganizationId, ApplicationStatus.Submitted, areaCode: township);
        using var session = await PageSession.SignInAsync(app, "huaibei");
        var page = $"/Competitions/Application?id={d}";
        var (status, html) = await session.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("screen-form", html);
        using var posted = await session.PostFormAsync($"{page}&handler=Screen", new() { ["Screen.Outcome"] = "Ineligible", ["Screen.Note"] = "" }, page);
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.Contains("不通过的原因不能为空", await posted.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_organization_of_a_kind_the_call_does_not_take_is_refused_at_submission_naming_the_check()
    {
        using var chinese = new ChineseCulture();
        var township = await Places.NewTownshipAsync(app);
        var call = await TestCompetitions.CreateCallAsync(app, township, eligibleKinds: [OrganizationKind.SocialGroup, OrganizationKind.PrivateNonEnterprise]);
        var org = await ApplicantAsync(township, OrganizationKind.VolunteerTeam);
        var id = await DraftAsync(org.Client, call, Design(township));
        await AddDocumentAsync(org.Client, id);
        var refused = await (await org.Client.PostAsJsonAsync($"/api/v1/competitions/applications/{id}/submit", new { })).Expect(HttpStatusCode.Conflict);
        Assert.Contains("机构类型", refused.GetProperty("title").GetString());
        Assert.Equal(ApplicationStatus.Draft, await app.Query(db => db.Set<CompetitionApplication>().IgnoreQueryFilters().Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
    }

    [Fact]
    public async Task An_unfinished_award_of_a_call_of_any_host_refuses_the_submission_when_the_call_asks()
    {
        using var chinese = new ChineseCulture();
        var township = await Places.NewTownshipAsync(app);
        var org = await ApplicantAsync(township);
        // An award of the township's own call, still running.
        var earlier = await TestCompetitions.CreateCallAsync(app, township);
        var awarded = await TestCompetitions.CreateApplicationAsync(app, earlier, org.OrganizationId, requestedFen: 20_000_00);
        await TestAwards.NoticeAsync(app, earlier, [(awarded, 20_000_00)]);
        using (var host = await app.CreateClientAsync(await app.CreateUserAsync(role: Role.StationWorker, areaCode: township)))
            await (await host.PostAsync($"/api/v1/competitions/{earlier}/awards", null)).Expect(HttpStatusCode.OK);
        // The county's call, another host, asks for no unfinished award: refused at submission, naming the check; nothing submitted.
        var call = await TestCompetitions.CreateCallAsync(app, Places.County);
        var id = await DraftAsync(org.Client, call, Design(township));
        await AddDocumentAsync(org.Client, id);
        var refused = await (await org.Client.PostAsJsonAsync($"/api/v1/competitions/applications/{id}/submit", new { })).Expect(HttpStatusCode.Conflict);
        Assert.Contains("未结项", refused.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(ApplicationStatus.Draft, await app.Query(db => db.Set<CompetitionApplication>().IgnoreQueryFilters().Where(a => a.Id == id).Select(a => a.Status).SingleAsync()));
        // Once the award is closed, the same organization may apply.
        await app.Query(db => db.Set<CompetitionAward>().IgnoreQueryFilters().Where(a => a.ApplicationId == awarded).ExecuteUpdateAsync(s => s.SetProperty(a => a.Status, AwardStatus.Closed)));
        await (await org.Client.PostAsJsonAsync($"/api/v1/competitions/applications/{id}/submit", new { })).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task A_call_not_asking_to_serve_the_area_takes_any_organization_and_a_project_starts_after_the_deadline()
    {
        using var chinese = new ChineseCulture();
        var township = await Places.NewTownshipAsync(app);
        var elsewhere = await Places.NewTownshipAsync(app);
        var open = await TestCompetitions.CreateCallAsync(app, township, mustServeArea: false);
        var served = await TestCompetitions.CreateCallAsync(app, township);
        var org = await ApplicantAsync(elsewhere);
        // Listed to an organization from elsewhere when the call does not ask it to serve the area, not otherwise; the API applies the same.
        var calls = (await (await org.Client.GetAsync("/api/v1/competitions/open")).Expect(HttpStatusCode.OK)).EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(open, calls);
        Assert.DoesNotContain(served, calls);
        var refused = await (await org.Client.PostAsJsonAsync($"/api/v1/competitions/{served}/applications", Design(township))).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("areaCode", Fields(refused));
        // A period starting before the deadline: a field error naming startOn; nothing saved.
        var early = await (await org.Client.PostAsJsonAsync($"/api/v1/competitions/{open}/applications", new
        {
            areaCode = township, title = "过早开始的项目", focus = "ElderlyCare", targetGroups = "独居老人", summary = "为辖区独居老人提供探访与陪伴服务。", plannedActivities = "每月入户探访 5 次",
            startOn = Today.AddYears(-1), endOn = Today.AddMonths(-6), budgetYuan = 20000m, funding = new[] { new { source = "CompetitionAward", amountYuan = 20000m, note = "" } },
            indicators = new[] { new { name = "开展入户探访", measure = "Times", kinds = new[] { "HomeVisit" }, target = 60, unit = "次" } },
        })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("申报截止日", Messages(early, "startOn"));
        Assert.Equal(0, await app.Query(db => db.Set<CompetitionApplication>().IgnoreQueryFilters().CountAsync(a => a.CompetitionId == open)));
        var id = await DraftAsync(org.Client, open, Design(township));
        // What the API answers may be sent back as it is: the indicators' kinds are names, their words beside them.
        var read = await (await org.Client.GetAsync($"/api/v1/competitions/applications/{id}")).Expect(HttpStatusCode.OK);
        var indicator = read.GetProperty("indicators")[0];
        Assert.Equal("HomeVisit", indicator.GetProperty("kinds")[0].GetString());
        Assert.Equal("入户探访", indicator.GetProperty("kindNames")[0].GetString());
        var again = new
        {
            areaCode = township, title = read.GetProperty("title").GetString(), focus = read.GetProperty("focus").GetString(), targetGroups = "独居老人",
            summary = "为辖区独居老人提供探访与陪伴服务。", plannedActivities = "每月入户探访 5 次", startOn = Today.AddMonths(2), endOn = Today.AddMonths(14), budgetYuan = 20000m,
            funding = new[] { new { source = "CompetitionAward", amountYuan = 20000m, note = "" } },
            indicators = new[] { new { name = indicator.GetProperty("name").GetString(), measure = indicator.GetProperty("measure").GetString(), kinds = indicator.GetProperty("kinds"), target = 60, unit = "次" } },
        };
        await (await org.Client.PutAsJsonAsync($"/api/v1/competitions/applications/{id}", again)).Expect(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Submissions_racing_get_distinct_numbers()
    {
        var township = await Places.NewTownshipAsync(app);
        var call = await TestCompetitions.CreateCallAsync(app, township);
        var applicants = new List<(Applicant Org, Guid Id)>();
        for (var i = 0; i < 4; i++)
        {
            var org = await ApplicantAsync(township);
            var id = await DraftAsync(org.Client, call, Design(township, title: $"竞争编号项目{i}"));
            await AddDocumentAsync(org.Client, id);
            applicants.Add((org, id));
        }
        var answers = await Task.WhenAll(applicants.Select(x => x.Org.Client.PostAsJsonAsync($"/api/v1/competitions/applications/{x.Id}/submit", new { })));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        var numbers = await Task.WhenAll(answers.Select(async a => (await a.Json()).GetProperty("applicationNo").GetString()));
        Assert.Equal(4, numbers.Distinct().Count());
        Assert.All(numbers, n => Assert.Matches(@"-00[1-4]$", n));
    }
}
