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
/// 申报通知 and the judge panel (issue 12) through the real app, on SQLite and PostgreSQL: a call's rules named field by field (the
/// weights, the tranches, the cap, the timetable, a date that is no date), its number under racing drafts, publishing and withdrawing,
/// scope (another county's call is 404, organization staff host nothing and see only the calls open to them), the public pages (published
/// calls only, no personal data) and the panel (experts from anywhere, once per call, not removed once assigned or after the notice).
/// </summary>
public sealed class CallTests(TestApp app)
{
    static readonly DateTimeOffset Now = DateTimeOffset.UtcNow;

    static Dictionary<string, object?> Call(string areaCode, string title = "测试区公益创投大赛") => new()
    {
        ["areaCode"] = areaCode, ["title"] = title, ["hostName"] = "测试县民政局", ["description"] = "面向辖区社会组织征集养老、妇女儿童和基层治理项目。",
        ["focuses"] = new[] { "ElderlyCare", "WomenAndChildren", "GrassrootsGovernance" }, ["eligibleKinds"] = new[] { "SocialGroup", "PrivateNonEnterprise" },
        ["minRegisteredMonths"] = 12, ["mustServeArea"] = true, ["noUnfinishedAward"] = true, ["otherConditions"] = "",
        ["poolYuan"] = 1_000_000m, ["capYuan"] = 100_000m, ["coFunding"] = "Rewarded", ["bonusMaxPoints"] = 5, ["bonusFullPercent"] = 50,
        ["rubric"] = new object[] { new { name = "创新性", weight = 20, maxScore = 10 }, new { name = "可行性", weight = 30, maxScore = 10 }, new { name = "社会效益", weight = 30, maxScore = 10 },
            new { name = "团队能力", weight = 10, maxScore = 10 }, new { name = "预算合理性", weight = 10, maxScore = 10 } },
        ["judgeCount"] = 5, ["aggregation"] = "TrimmedMean", ["tieBreak"] = "CriteriaInOrder",
        ["opensAt"] = Now.AddDays(-1), ["closesAt"] = Now.AddDays(30), ["noticeDays"] = 7,
        ["requiredDocuments"] = new[] { "项目申报书", "机构登记证书" },
        ["tranches"] = new object[] { new { percent = 40, gate = "Signing" }, new { percent = 40, gate = "MidTermPassed" }, new { percent = 20, gate = "FinalPassed" } },
        ["midTermMonths"] = 6,
    };

    static Dictionary<string, object?> With(Dictionary<string, object?> call, string key, object? value)
    {
        call[key] = value;
        return call;
    }

    static IEnumerable<string> Fields(JsonElement problem) => problem.GetProperty("errors").EnumerateObject().Select(p => p.Name);

    static async Task<JsonElement> CreateAsync(HttpClient client, object call) =>
        await (await client.PostAsJsonAsync("/api/v1/competitions", call)).Expect(HttpStatusCode.Created);

    [Fact]
    public void The_rules_name_each_field_and_read_in_words()
    {
        static SaveCompetition.Request Good() => new()
        {
            AreaCode = "340699000000", Title = "公益创投", HostName = "测试县民政局", Focuses = [FocusArea.ElderlyCare], PoolYuan = 100_000m, CapYuan = 20_000m,
            CoFunding = CoFundingRule.None, JudgeCount = 5, Aggregation = ScoreAggregation.TrimmedMean, TieBreak = TieBreak.CriteriaInOrder,
            Rubric = [new() { Name = "创新性", Weight = 40, MaxScore = 10 }, new() { Name = "可行性", Weight = 60, MaxScore = 10 }],
            OpensAt = Now, ClosesAt = Now.AddDays(30), NoticeDays = 7,
            Tranches = [new() { Percent = 40, Gate = TrancheGate.Signing }, new() { Percent = 40, Gate = TrancheGate.MidTermPassed }, new() { Percent = 20, Gate = TrancheGate.FinalPassed }],
            MidTermMonths = 6,
        };
        static Dictionary<string, string[]> Errors(SaveCompetition.Request r) => (Dictionary<string, string[]>)CompetitionRules.Validate(r).ToFailure().Errors!;
        Assert.False(CompetitionRules.Validate(Good()).Any);

        var weights = Errors(Good() with { Rubric = [new() { Name = "创新性", Weight = 40, MaxScore = 10 }, new() { Name = "可行性", Weight = 50, MaxScore = 10 }] });
        Assert.Equal(["rubric"], weights.Keys);
        Assert.Contains("90", weights["rubric"][0]);
        Assert.Equal(["tranches"], Errors(Good() with { Tranches = [new() { Percent = 50, Gate = TrancheGate.Signing }, new() { Percent = 40, Gate = TrancheGate.FinalPassed }] }).Keys);
        Assert.Equal(["tranches[1].gate"], Errors(Good() with { Tranches = [new() { Percent = 50, Gate = TrancheGate.FinalPassed }, new() { Percent = 50, Gate = TrancheGate.Signing }] }).Keys);
        Assert.Equal(["midTermMonths"], Errors(Good() with { MidTermMonths = null }).Keys);
        Assert.Empty(Errors(Good() with { MidTermMonths = null, Tranches = [new() { Percent = 100, Gate = TrancheGate.Signing }] }));
        Assert.Equal(["capYuan"], Errors(Good() with { CapYuan = 100_000.01m }).Keys);
        Assert.Equal(["closesAt"], Errors(Good() with { ClosesAt = Now.AddMinutes(-1) }).Keys);
        Assert.Equal(["closesAt"], Errors(Good() with { ClosesAt = Now.AddYears(1).AddDays(1) }).Keys);
        Assert.Equal(["judgeCount"], Errors(Good() with { JudgeCount = 2 }).Keys);
        Assert.Equal(["noticeDays"], Errors(Good() with { NoticeDays = 4 }).Keys);
        Assert.Equal(["coFundingMinPercent"], Errors(Good() with { CoFunding = CoFundingRule.Required }).Keys);
        Assert.Equal(["bonusMaxPoints", "bonusFullPercent"], Errors(Good() with { CoFunding = CoFundingRule.Rewarded, BonusMaxPoints = 11, BonusFullPercent = 0 }).Keys);
        Assert.Equal(["rubric[1].name"], Errors(Good() with { Rubric = [new() { Name = "创新性", Weight = 40, MaxScore = 10 }, new() { Name = "创新性", Weight = 60, MaxScore = 10 }] }).Keys);
        Assert.Contains("rubric", Errors(Good() with { Rubric = [new() { Name = "创新性", Weight = 100, MaxScore = 10 }] }).Keys);
        Assert.Equal(["requiredDocuments[1]"], Errors(Good() with { RequiredDocuments = ["申报书", "申报书"] }).Keys);
        Assert.Equal(["focuses"], Errors(Good() with { Focuses = [] }).Keys);

        // The same rules in words, as the pages print them.
        var call = new Competition("340699000000", "CT34069900020260", null, "", Now);
        call.Describe("公益创投", "测试县民政局", "", null, [FocusArea.ElderlyCare], [], 0, false, false, "", 100_000_00, 20_000_00, CoFundingRule.None, 0, 0, 0,
            [new("创新性", 40, 10), new("可行性", 60, 10)], 5, ScoreAggregation.TrimmedMean, TieBreak.CriteriaInOrder, Now, Now.AddDays(30), 7, [],
            [new(40, TrancheGate.Signing), new(40, TrancheGate.MidTermPassed), new(20, TrancheGate.FinalPassed)], 6);
        var words = string.Join("\n", CompetitionRules.RulesText(call).Select(r => r.Text));
        Assert.Contains("去掉一个最高分和一个最低分后取平均", words);
        Assert.Contains("签订协议后拨付40%，中期评估合格后拨付40%，结项评估合格后拨付20%", words);
        Assert.Contains("按评分指标顺序比较单项平均分", words);
    }

    [Fact]
    public async Task Bad_input_is_named_field_by_field_and_nothing_is_saved()
    {
        var township = await Places.NewTownshipAsync(app);
        using var client = await app.CreateClientAsync("huaibei");
        var bad = await (await client.PostAsJsonAsync("/api/v1/competitions", new
        {
            areaCode = township, title = "创", hostName = "", poolYuan = 1000, capYuan = 2000, coFunding = "None", judgeCount = 2, aggregation = "Mean", tieBreak = "LowerRequest",
            opensAt = Now.AddDays(10), closesAt = Now.AddDays(5), noticeDays = 3, focuses = Array.Empty<string>(),
            rubric = new[] { new { name = "创新性", weight = 50, maxScore = 10 }, new { name = "可行性", weight = 40, maxScore = 10 } },
            tranches = new[] { new { percent = 40, gate = "Signing" }, new { percent = 40, gate = "FinalPassed" } },
        })).Expect(HttpStatusCode.BadRequest);
        var fields = Fields(bad).ToList();
        foreach (var f in new[] { "title", "hostName", "capYuan", "judgeCount", "closesAt", "noticeDays", "focuses", "rubric", "tranches" }) Assert.Contains(f, fields);
        Assert.Contains("90", bad.GetProperty("errors").GetProperty("rubric")[0].GetString());
        Assert.Contains("80", bad.GetProperty("errors").GetProperty("tranches")[0].GetString());

        // A host area outside the scope, or a community (not a city, county or township).
        Assert.Equal(["areaCode"], Fields(await (await client.PostAsJsonAsync("/api/v1/competitions", Call("520502000000"))).Expect(HttpStatusCode.BadRequest)));
        Assert.Equal(0, await app.Query(db => db.Set<Competition>().IgnoreQueryFilters().CountAsync(c => c.AreaCode == township)));

        // The page: a date that is no date is named, the other fields keep what was typed, nothing is saved.
        using var page = await PageSession.SignInAsync(app, "huaibei");
        var response = await page.PostFormAsync("/Competitions/Edit", new()
        {
            ["Input.AreaCode"] = township, ["Input.Title"] = "九原区公益创投页面测试", ["Input.HostName"] = "测试县民政局", ["Input.Focuses"] = "ElderlyCare",
            ["Input.PoolYuan"] = "100000", ["Input.CapYuan"] = "200000", ["Input.CoFunding"] = "None", ["Input.JudgeCount"] = "5", ["Input.Aggregation"] = "TrimmedMean",
            ["Input.TieBreak"] = "CriteriaInOrder", ["OpensLocal"] = "2026-02-30T09:00", ["ClosesLocal"] = "2026-03-30T17:00", ["Input.NoticeDays"] = "7",
            ["Input.Rubric[0].Name"] = "创新性", ["Input.Rubric[0].Weight"] = "50", ["Input.Rubric[0].MaxScore"] = "10",
            ["Input.Rubric[1].Name"] = "可行性", ["Input.Rubric[1].Weight"] = "50", ["Input.Rubric[1].MaxScore"] = "10",
            ["Input.Tranches[0].Percent"] = "100", ["Input.Tranches[0].Gate"] = "Signing",
        }, "/Competitions/Edit");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("申报开始时间格式不正确", html);
        Assert.Contains("不能超过资金池", html);
        Assert.Contains("九原区公益创投页面测试", html);
        Assert.Equal(0, await app.Query(db => db.Set<Competition>().IgnoreQueryFilters().CountAsync(c => c.AreaCode == township)));
    }

    [Fact]
    public async Task Calls_are_numbered_by_host_area_and_year_also_when_drafts_race()
    {
        var township = await Places.NewTownshipAsync(app);
        using var client = await app.CreateClientAsync("huaibei");
        var prefix = $"CT{township[..9]}{Now.ToOffset(TimeSpan.FromHours(8)).Year}";
        var first = await CreateAsync(client, Call(township));
        Assert.Equal(prefix + "01", first.GetProperty("callNo").GetString());
        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(i => client.PostAsJsonAsync("/api/v1/competitions", Call(township, $"并发草稿{i}"))));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        var numbers = await app.Query(db => db.Set<Competition>().IgnoreQueryFilters().Where(c => c.AreaCode == township).Select(c => c.CallNo).ToListAsync());
        Assert.Equal(Enumerable.Range(1, 6).Select(n => $"{prefix}{n:00}").ToList(), numbers.Order().ToList());

        // A draft reads back as saved: instants in UTC, money in fen, the rules in words.
        var id = first.GetProperty("id").GetGuid();
        var details = await (await client.GetAsync($"/api/v1/competitions/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(100_000_00, details.GetProperty("capFen").GetInt64());
        Assert.Equal("Draft", details.GetProperty("status").GetString());
        Assert.Equal(3, details.GetProperty("tranches").GetArrayLength());
        Assert.Contains(details.GetProperty("rules").EnumerateArray(), r => r.GetProperty("text").GetString()!.Contains("签订协议后拨付40%，中期评估合格后拨付40%，结项评估合格后拨付20%"));
    }

    [Fact]
    public async Task A_draft_is_edited_and_published_once_and_withdrawn_only_before_its_deadline()
    {
        var township = await Places.NewTownshipAsync(app);
        using var client = await app.CreateClientAsync("huaibei");
        var id = (await CreateAsync(client, Call(township))).GetProperty("id").GetGuid();
        var edited = await (await client.PutAsJsonAsync($"/api/v1/competitions/{id}", With(Call(township, "修改后的公益创投"), "version", 1))).Expect(HttpStatusCode.OK);
        Assert.Equal(2, edited.GetProperty("version").GetInt32());
        await (await client.PutAsJsonAsync($"/api/v1/competitions/{id}", With(Call(township), "version", 1))).Expect(HttpStatusCode.Conflict);
        Assert.Equal(["capYuan"], Fields(await (await client.PutAsJsonAsync($"/api/v1/competitions/{id}", With(Call(township), "capYuan", 2_000_000m))).Expect(HttpStatusCode.BadRequest)));

        await (await client.PostAsync($"/api/v1/competitions/{id}/publish", null)).Expect(HttpStatusCode.OK);
        await (await client.PostAsync($"/api/v1/competitions/{id}/publish", null)).Expect(HttpStatusCode.Conflict);
        await (await client.PutAsJsonAsync($"/api/v1/competitions/{id}", Call(township))).Expect(HttpStatusCode.Conflict);
        Assert.Equal(["reason"], Fields(await (await client.PostAsJsonAsync($"/api/v1/competitions/{id}/withdraw", new { reason = "" })).Expect(HttpStatusCode.BadRequest)));
        var withdrawn = await (await client.PostAsJsonAsync($"/api/v1/competitions/{id}/withdraw", new { reason = "资金未落实，暂缓举办" })).Expect(HttpStatusCode.OK);
        Assert.Equal("Withdrawn", withdrawn.GetProperty("status").GetString());
        await (await client.PostAsJsonAsync($"/api/v1/competitions/{id}/withdraw", new { reason = "再次撤回" })).Expect(HttpStatusCode.Conflict);

        // A draft is not saved with a deadline already past (named on closesAt); one whose deadline passed while it waited is not
        // published; a published call past its deadline is not withdrawn.
        var pastDeadline = await (await client.PostAsJsonAsync("/api/v1/competitions", With(With(Call(township), "opensAt", Now.AddDays(-20)), "closesAt", Now.AddDays(-1)))).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(["closesAt"], Fields(pastDeadline));
        Assert.Contains("已过", pastDeadline.GetProperty("errors").GetProperty("closesAt")[0].GetString());
        var late = await TestCompetitions.CreateCallAsync(app, township, CompetitionStatus.Draft, opensAt: Now.AddDays(-20), closesAt: Now.AddDays(-1));
        Assert.Equal(["closesAt"], Fields(await (await client.PutAsJsonAsync($"/api/v1/competitions/{late}", With(With(Call(township), "opensAt", Now.AddDays(-20)), "closesAt", Now.AddDays(-1)))).Expect(HttpStatusCode.BadRequest)));
        await (await client.PostAsync($"/api/v1/competitions/{late}/publish", null)).Expect(HttpStatusCode.Conflict);
        await (await client.PutAsJsonAsync($"/api/v1/competitions/{late}", Call(township))).Expect(HttpStatusCode.OK);
        var closed = await TestCompetitions.CreateCallAsync(app, township, opensAt: Now.AddDays(-30), closesAt: Now.AddDays(-1));
        await (await client.PostAsJsonAsync($"/api/v1/competitions/{closed}/withdraw", new { reason = "测试撤回" })).Expect(HttpStatusCode.Conflict);

        // The page: publishing asks first and says so.
        using var page = await PageSession.SignInAsync(app, "huaibei");
        var draft = (await CreateAsync(client, Call(township, "页面发布测试"))).GetProperty("id").GetGuid();
        var (status, html) = await page.GetAsync($"/Competitions/Details/{draft}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("data-confirm", html);
        Assert.Contains("去掉一个最高分和一个最低分后取平均", html);
        var posted = await page.PostFormAsync($"/Competitions/Details/{draft}?handler=Publish", [], $"/Competitions/Details/{draft}");
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(CompetitionStatus.Published, await app.Query(db => db.Set<Competition>().IgnoreQueryFilters().Where(c => c.Id == draft).Select(c => c.Status).SingleAsync()));
    }

    [Fact]
    public async Task A_calls_public_text_carries_no_residents_mobile_or_id_number_but_an_office_landline()
    {
        using var chinese = new ChineseCulture();
        var township = await Places.NewTownshipAsync(app);
        using var client = await app.CreateClientAsync("huaibei");
        foreach (var (field, text) in new[] { ("description", "咨询请联系王阿姨 13812345678。"), ("description", "申报人张某，身份证号 340602196501011234。"), ("otherConditions", "联系人 139 1234 5678"), ("title", "13812345678 公益创投"), ("description", "联系+8613812345678"), ("description", "联系 138.1234.5678") })
        {
            var refused = await (await client.PostAsJsonAsync("/api/v1/competitions", With(Call(township), field, text))).Expect(HttpStatusCode.BadRequest);
            Assert.Equal([field], Fields(refused));
            Assert.Contains("手机号码或身份证号码", refused.GetProperty("errors").GetProperty(field)[0].GetString());
        }
        Assert.Equal(0, await app.Query(db => db.Set<Competition>().IgnoreQueryFilters().CountAsync(c => c.AreaCode == township)));
        // An office landline (and the office's address) is the call's contact.
        await CreateAsync(client, With(Call(township), "description", "咨询电话：0561-3012345（区民政局社会组织管理科，行政中心 3号楼 502室）。"));
        // The page names the field.
        using var page = await PageSession.SignInAsync(app, "huaibei");
        var response = await page.PostFormAsync("/Competitions/Edit", new()
        {
            ["Input.AreaCode"] = township, ["Input.Title"] = "页面手机号测试", ["Input.HostName"] = "测试县民政局", ["Input.Description"] = "联系王阿姨 13812345678", ["Input.Focuses"] = "ElderlyCare",
            ["Input.PoolYuan"] = "100000", ["Input.CapYuan"] = "20000", ["Input.CoFunding"] = "None", ["Input.JudgeCount"] = "5", ["Input.Aggregation"] = "TrimmedMean",
            ["Input.TieBreak"] = "CriteriaInOrder", ["OpensLocal"] = "2030-02-01T09:00", ["ClosesLocal"] = "2030-03-01T17:00", ["Input.NoticeDays"] = "7",
            ["Input.Rubric[0].Name"] = "创新性", ["Input.Rubric[0].Weight"] = "50", ["Input.Rubric[0].MaxScore"] = "10",
            ["Input.Rubric[1].Name"] = "可行性", ["Input.Rubric[1].Weight"] = "50", ["Input.Rubric[1].MaxScore"] = "10",
            ["Input.Tranches[0].Percent"] = "100", ["Input.Tranches[0].Gate"] = "Signing",
        }, "/Competitions/Edit");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("请勿填写居民的手机号码或身份证号码", await response.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.Query(db => db.Set<Competition>().IgnoreQueryFilters().CountAsync(c => c.AreaCode == township)));
    }

    [Fact]
    public async Task Another_countys_call_is_404_and_organization_staff_host_nothing_but_see_the_calls_open_to_them()
    {
        var elsewhere = await TestCompetitions.CreateCallAsync(app, "520502000000", CompetitionStatus.Draft);
        using var huaibei = await app.CreateClientAsync("huaibei");
        await (await huaibei.GetAsync($"/api/v1/competitions/{elsewhere}")).Expect(HttpStatusCode.NotFound);
        await (await huaibei.PutAsJsonAsync($"/api/v1/competitions/{elsewhere}", Call("520502000000"))).Expect(HttpStatusCode.NotFound);
        await (await huaibei.PostAsync($"/api/v1/competitions/{elsewhere}/publish", null)).Expect(HttpStatusCode.NotFound);
        using var page = await PageSession.SignInAsync(app, "huaibei");
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/Competitions/Details/{elsewhere}")).Status);

        // Organization staff: no hosting; calls only as those open to their organization.
        var township = await Places.NewTownshipAsync(app);
        var other = await Places.NewTownshipAsync(app);
        var staff = await TestUsers.CreateAsync(app, Role.OrganizationStaff, township);
        using var org = await app.CreateClientAsync(staff.UserName);
        await (await org.PostAsJsonAsync("/api/v1/competitions", Call(township))).Expect(HttpStatusCode.Forbidden);
        var open = await TestCompetitions.CreateCallAsync(app, Places.County, title: "县级公益创投" + Guid.NewGuid().ToString("N")[..4]);
        var ownTownship = await TestCompetitions.CreateCallAsync(app, township);
        var otherTownship = await TestCompetitions.CreateCallAsync(app, other);
        var draft = await TestCompetitions.CreateCallAsync(app, township, CompetitionStatus.Draft);
        var notYet = await TestCompetitions.CreateCallAsync(app, township, opensAt: Now.AddDays(2), closesAt: Now.AddDays(20));
        var list = await (await org.GetAsync("/api/v1/competitions/open")).Expect(HttpStatusCode.OK);
        var ids = list.EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(open, ids);
        Assert.Contains(ownTownship, ids);
        Assert.DoesNotContain(otherTownship, ids);
        Assert.DoesNotContain(draft, ids);
        Assert.DoesNotContain(notYet, ids);
        Assert.Equal(0, (await (await org.GetAsync("/api/v1/competitions")).Expect(HttpStatusCode.OK)).GetProperty("total").GetInt32());
        await (await org.GetAsync($"/api/v1/competitions/{ownTownship}")).Expect(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_public_pages_show_published_calls_without_personal_data_and_404_drafts()
    {
        var township = await Places.NewTownshipAsync(app);
        using var client = await app.CreateClientAsync("huaibei");
        var title = "公开公益创投" + Guid.NewGuid().ToString("N")[..6];
        var published = (await CreateAsync(client, Call(township, title))).GetProperty("id").GetGuid();
        await (await client.PostAsync($"/api/v1/competitions/{published}/publish", null)).Expect(HttpStatusCode.OK);
        var draft = (await CreateAsync(client, Call(township, title + "草稿"))).GetProperty("id").GetGuid();
        var withdrawn = await TestCompetitions.CreateCallAsync(app, township, CompetitionStatus.Withdrawn);
        var creator = await app.Query(db => db.Set<Competition>().IgnoreQueryFilters().Where(c => c.Id == published).Select(c => c.CreatedByName).SingleAsync());

        using var anonymous = app.Anonymous();
        var one = await (await anonymous.GetAsync($"/api/v1/public/competitions/{published}")).Expect(HttpStatusCode.OK);
        Assert.Equal(title, one.GetProperty("title").GetString());
        Assert.False(one.TryGetProperty("createdByName", out _));
        Assert.DoesNotContain(creator, one.GetRawText());
        await (await anonymous.GetAsync($"/api/v1/public/competitions/{draft}")).Expect(HttpStatusCode.NotFound);
        await (await anonymous.GetAsync($"/api/v1/public/competitions/{withdrawn}")).Expect(HttpStatusCode.NotFound);
        var list = await (await anonymous.GetAsync($"/api/v1/public/competitions?keyword={Uri.EscapeDataString(title)}")).Expect(HttpStatusCode.OK);
        Assert.Equal([published], list.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("id").GetGuid()).ToList());

        var page = await anonymous.GetAsync($"/Public/Competitions/Details?id={published}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains(title, html);
        Assert.Contains("签订协议后拨付40%，中期评估合格后拨付40%，结项评估合格后拨付20%", html);
        Assert.DoesNotContain(creator, html);
        Assert.DoesNotMatch(@"1[3-9]\d\*{4}\d{4}", html);
        var missing = await anonymous.GetAsync($"/Public/Competitions/Details?id={draft}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("该公益创投不存在或尚未发布", await missing.Content.ReadAsStringAsync());
        var index = await anonymous.GetAsync($"/Public/Competitions?keyword={Uri.EscapeDataString(title)}");
        var indexHtml = await index.Content.ReadAsStringAsync();
        Assert.Contains(title, indexHtml);
        Assert.DoesNotContain(title + "草稿", indexHtml);
    }

    [Fact]
    public async Task The_panel_takes_experts_from_anywhere_once_and_keeps_those_assigned_or_noticed()
    {
        var township = await Places.NewTownshipAsync(app);
        using var client = await app.CreateClientAsync("huaibei");
        var id = (await CreateAsync(client, Call(township))).GetProperty("id").GetGuid();
        var expert = await TestUsers.CreateAsync(app, Role.Expert, "520502000000");
        var found = await (await client.GetAsync($"/api/v1/competitions/experts?keyword={expert.UserName}")).Expect(HttpStatusCode.OK);
        var row = Assert.Single(found.EnumerateArray());
        Assert.Equal(expert.Id, row.GetProperty("userId").GetGuid());
        Assert.Equal(expert.Phone[..3] + "****" + expert.Phone[^4..], row.GetProperty("mobile").GetString());
        var byMobile = await (await client.GetAsync($"/api/v1/competitions/experts?keyword={expert.Phone}")).Expect(HttpStatusCode.OK);
        Assert.Equal(expert.Id, Assert.Single(byMobile.EnumerateArray()).GetProperty("userId").GetGuid());

        // Not an expert; no unit; then the same expert twice at once: one joins.
        var bureau = await TestUsers.CreateAsync(app, Role.BureauStaff, Places.County);
        Assert.Equal(["userId"], Fields(await (await client.PostAsJsonAsync($"/api/v1/competitions/{id}/judges", new { userId = bureau.Id, unit = "某大学" })).Expect(HttpStatusCode.BadRequest)));
        Assert.Equal(["unit"], Fields(await (await client.PostAsJsonAsync($"/api/v1/competitions/{id}/judges", new { userId = expert.Id })).Expect(HttpStatusCode.BadRequest)));
        var adds = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => client.PostAsJsonAsync($"/api/v1/competitions/{id}/judges", new { userId = expert.Id, name = "王教授", unit = "某大学社会工作系" })));
        Assert.Equal(1, adds.Count(a => a.StatusCode == HttpStatusCode.Created));
        Assert.Equal(3, adds.Count(a => a.StatusCode == HttpStatusCode.Conflict));
        var judge = await app.Query(db => db.Set<CompetitionJudge>().IgnoreQueryFilters().SingleAsync(j => j.CompetitionId == id));
        Assert.Equal("王教授", judge.Name);

        // Removed while unassigned; kept once assigned (a score row, the review's).
        await (await client.DeleteAsync($"/api/v1/competitions/{id}/judges/{judge.Id}")).Expect(HttpStatusCode.OK);
        var call = await TestCompetitions.CreateCallAsync(app, township);
        var (judgeId, _) = await TestCompetitions.AddJudgeAsync(app, call);
        var organization = await TestOrganizations.CreateAsync(app, township);
        var application = await TestCompetitions.CreateApplicationAsync(app, call, organization);
        await app.Query(async db =>
        {
            var a = await db.Set<CompetitionApplication>().IgnoreQueryFilters().SingleAsync(x => x.Id == application);
            var j = await db.Set<CompetitionJudge>().IgnoreQueryFilters().SingleAsync(x => x.Id == judgeId);
            db.Add(new CompetitionScore(a, j, DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        await (await client.DeleteAsync($"/api/v1/competitions/{call}/judges/{judgeId}")).Expect(HttpStatusCode.Conflict);

        // On notice: the panel no longer changes.
        var noticed = await TestCompetitions.CreateCallAsync(app, township, CompetitionStatus.Notice);
        await (await client.PostAsJsonAsync($"/api/v1/competitions/{noticed}/judges", new { userId = expert.Id, unit = "某大学" })).Expect(HttpStatusCode.Conflict);

        // The page lists the panel and finds experts by their user name (masked mobile only).
        using var page = await PageSession.SignInAsync(app, "huaibei");
        var (status, html) = await page.GetAsync($"/Competitions/Judges/{call}?keyword={expert.UserName}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("测试专家", html);
        Assert.DoesNotContain(expert.Phone, html);
    }
}
