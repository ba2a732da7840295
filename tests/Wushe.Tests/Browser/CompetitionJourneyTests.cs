using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Wushe.Features.Competitions;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Browser;

/// <summary>
/// A 公益创投 from call to first tranche in a real browser (issue 12), through the pages a user would use: the Jiuyuan bureau drafts a
/// call (an empty form and a rubric not adding up to 100% refused, each saying why), publishes it and adds three judges found in the
/// expert pool; the call is on the public page without a person's name. The staff of 九原区社工服务中心 (<c>jiuyuan.org</c>) draft the
/// application, upload its documents (a file of the wrong type refused with the limits), are told which document is missing, submit
/// and read the receipt's number. Two other organizations' submissions and the three expert accounts come from the builders (the demo
/// has no expert, and the walk needs applications the judge can recuse from and score). The deadline passes; nothing can be edited
/// any more; the bureau screens the three (初审), assigns the whole panel from the call's page, and a judge declares a conflict on one
/// (then cannot open it) and scores the others (a score above the criterion's maximum refused, naming it); the other two judges score
/// through the API. The ranking shows the recusal; the bureau posts the shortlist (amounts above the pool refused with both sums), a
/// visitor on a phone finds the notice from the public call page and lodges an objection, the bureau answers it, the notice period
/// ends, the awards are confirmed within the pool, and the award page leads to the project created and records the agreement and the
/// first tranche.
/// <para>
/// Time passing: the test app runs on the system clock and the product fixes a published call's timetable (only a draft is edited),
/// so the walk plays the passing of time in the data, as the award builders already do for the notice period: the deadline is moved
/// to the present moment (<see cref="TestCompetitions.PassDeadlineAsync"/>) once the applications are in, and the notice's start back
/// beyond its days (<see cref="TestAwards.EndNoticeAsync"/>) once the objection is answered. Everything else goes through the product.
/// </para>
/// </summary>
[Trait("Category", BrowserFixture.Category)]
public sealed class CompetitionJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    const string Jiuyuan = "150207000000", Shahe = "150207001000";

    static Task Toast(IPage page, string text) =>
        page.Locator(".toast-body", new() { HasText = text }).WaitForAsync(new() { State = WaitForSelectorState.Attached });

    static Task Confirm(IPage page) => page.ClickAsync("#confirm-dialog .confirm-ok");

    static string Local(DateTimeOffset at) => at.ToOffset(ChinaTime.Offset).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    static async Task Choose(ILocator picker, params string[] codes)
    {
        for (var i = 0; i < codes.Length; i++)
        {
            var select = picker.Locator("select").Nth(i);
            await select.Locator($"option[value='{codes[i]}']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            await select.SelectOptionAsync(codes[i]);
        }
    }

    static readonly byte[] PdfBytes = "%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n%%EOF\n"u8.ToArray();

    readonly List<IPage> pages = [];

    /// <summary>A fresh window (own sign-in) of <paramref name="width"/> px, kept for the screenshots of a failure.</summary>
    async Task<IPage> Window(int width)
    {
        var page = await browser.NewPage();
        await page.SetViewportSizeAsync(width, width < 768 ? 844 : 900);
        pages.Add(page);
        return page;
    }

    [Fact]
    public async Task A_call_is_published_applied_to_reviewed_posted_and_awarded_with_its_first_tranche()
    {
        try
        {
            await WalkAsync();
        }
        catch
        {
            // Every window as it stood when the walk stopped (the CI keeps the screenshots).
            for (var i = 0; i < pages.Count; i++)
            {
                try { await browser.Screenshot(pages[i], $"competition-failed-{i}"); }
                catch (PlaywrightException) { }
            }
            throw;
        }
    }

    async Task WalkAsync()
    {
        var app = browser.App;
        var suffix = Random.Shared.Next(1000, 9999).ToString(CultureInfo.InvariantCulture);
        var callTitle = "九原区“五社联动”公益创投浏览器测试" + suffix;
        var judgeNames = new[] { "李敏", "王志刚", "陈静" };
        var experts = new List<TestUsers.Made>();
        foreach (var area in new[] { Jiuyuan, "520502000000", "340600000000" }) experts.Add(await TestUsers.CreateAsync(app, Role.Expert, area));

        // ── The bureau drafts the call. ──
        var host = await Window(1280);
        await BrowserFixture.SignInAsync(host, "jiuyuan");
        await host.GotoAsync("/Competitions");
        await host.ClickAsync("#add-call");
        await host.ArriveAsync(new Regex("/Competitions/Edit"));
        // Nothing filled: the missing fields named at the top and beside them, the defaults kept.
        await host.ClickAsync("#call-submit");
        var summary = host.Locator("#call-form .validation-summary-errors");
        await summary.WaitForAsync();
        var missing = await summary.InnerTextAsync();
        foreach (var said in new[] { "名称不能为空", "主办单位不能为空", "请至少选择一个资助领域", "资金池须大于 0" })
            Assert.Contains(said, missing, StringComparison.Ordinal);
        Assert.Equal("创新性", await host.InputValueAsync("input[name='Input.Rubric[0].Name']"));

        await host.FillAsync("#Input_Title", callTitle);
        await host.FillAsync("#Input_HostName", "九原区民政局");
        await host.FillAsync("#Input_Description", "面向九原区社会组织征集为老服务、妇女儿童和基层治理公益项目。");
        foreach (var f in new[] { "ElderlyCare", "WomenAndChildren", "GrassrootsGovernance" }) await host.CheckAsync($"#focus-{f}");
        // The demo's own Jiuyuan competition may hold awards still running: this call does not ask for that condition.
        await host.UncheckAsync("#Input_NoUnfinishedAward");
        await host.FillAsync("#Input_PoolYuan", "200000");
        await host.FillAsync("#Input_CapYuan", "80000");
        await host.FillAsync("#Input_JudgeCount", "3");
        var now = DateTimeOffset.UtcNow;
        await host.FillAsync("#OpensLocal", Local(now.AddHours(-1)));
        await host.FillAsync("#ClosesLocal", Local(now.AddDays(14)));
        // 20 + 30 + 30 + 10 + 5: refused saying the sum, nothing else lost.
        await host.FillAsync("input[name='Input.Rubric[4].Weight']", "5");
        await host.ClickAsync("#call-submit");
        await host.Locator("#rubric-error", new() { HasText = "权重合计须为 100%，现为 95%" }).WaitForAsync();
        Assert.Contains("权重合计须为 100%，现为 95%", await summary.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(callTitle, await host.InputValueAsync("#Input_Title"));
        Assert.True(await host.IsCheckedAsync("#focus-WomenAndChildren"));
        await browser.Screenshot(host, "competition-call-refused-1280");
        await host.FillAsync("input[name='Input.Rubric[4].Weight']", "10");
        await host.ClickAsync("#call-submit");
        await host.ArriveAsync(new Regex("/Competitions/Details/"));
        var callId = Guid.Parse(host.Url.Split('/').Last().Split('?')[0]);
        var callNo = (await host.Locator("#call-no").InnerTextAsync()).Trim();

        // Published: asked first.
        await host.ClickAsync("#publish-call");
        await Confirm(host);
        await host.Locator("#call-phase", new() { HasText = "申报中" }).WaitForAsync();
        await browser.Screenshot(host, "competition-call-1280");

        // Judges from the expert pool, found by their mobile; the unit is required.
        await host.ClickAsync("#judges-link");
        await host.ArriveAsync(new Regex("/Competitions/Judges/"));
        for (var i = 0; i < experts.Count; i++)
        {
            await host.FillAsync("#expert-search input[name=keyword]", experts[i].Phone);
            await host.ClickAsync("#expert-search button[type=submit]");
            await host.Locator($"#Add_UserId option[value='{experts[i].Id}']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            await host.SelectOptionAsync("#Add_UserId", experts[i].Id.ToString());
            await host.FillAsync("#Add_Name", judgeNames[i]);
            if (i == 0)
            {
                await host.ClickAsync("#add-judge-submit");
                await host.Locator("#add-judge-form .text-danger", new() { HasText = "工作单位不能为空" }).WaitForAsync();
                Assert.Equal(judgeNames[0], await host.InputValueAsync("#Add_Name"));
            }
            await host.FillAsync("#Add_Unit", "内蒙古科技大学文法学院");
            await host.ClickAsync("#add-judge-submit");
            await host.Locator("#judges-table", new() { HasText = judgeNames[i] }).WaitForAsync();
        }
        await browser.Screenshot(host, "competition-judges-1280");

        // The public page: the call and its rules, no person named (neither the clerk who entered it nor a judge).
        var visitor = await Window(390);
        await visitor.GotoAsync("/Public/Competitions?keyword=" + Uri.EscapeDataString(suffix));
        await visitor.Locator($"#public-call-{callId} a").ClickAsync();
        await visitor.ArriveAsync(new Regex("/Public/Competitions/Details"));
        var publicText = await visitor.Locator("body").InnerTextAsync();
        Assert.Contains(callTitle, publicText, StringComparison.Ordinal);
        Assert.Contains("申报中", await visitor.Locator("#public-phase").InnerTextAsync(), StringComparison.Ordinal);
        foreach (var person in judgeNames.Append("赵科长")) Assert.DoesNotContain(person, publicText, StringComparison.Ordinal);
        await browser.Screenshot(visitor, "competition-public-call-390");

        // ── The organization's staff apply. ──
        var staff = await Window(1280);
        await BrowserFixture.SignInAsync(staff, "jiuyuan.org");
        await staff.GotoAsync("/Competitions/Mine");
        await staff.Locator($"#call-{callId} .apply-link").ClickAsync();
        await staff.ArriveAsync(new Regex("/Competitions/Apply"));
        await staff.ClickAsync("#apply-submit");
        await staff.Locator("#apply-form .validation-summary-errors", new() { HasText = "项目名称不能为空" }).WaitForAsync();
        var title = "“银龄守护”独居老人关爱服务项目" + suffix;
        await staff.FillAsync("#Input_Title", title);
        await Choose(staff.Locator("#apply-form .area-picker"), Jiuyuan, Shahe);
        await staff.SelectOptionAsync("#Input_Focus", "ElderlyCare");
        await staff.FillAsync("#Input_TargetGroups", "沙河街道独居、空巢老人");
        await staff.FillAsync("#Input_Summary", "为沙河街道独居老人建立探访档案，开展定期探访、健康讲座和邻里互助。");
        await staff.FillAsync("#Input_PlannedActivities", "每月入户探访 20 次；每季度健康讲座 1 场。");
        await staff.FillAsync("#Input_BudgetYuan", "70000");
        await staff.FillAsync("input[name='Input.Funding[0].AmountYuan']", "60000");
        await staff.SelectOptionAsync("select[name='Input.Funding[1].Source']", "EnterpriseDonation");
        await staff.FillAsync("input[name='Input.Funding[1].AmountYuan']", "10000");
        await staff.FillAsync("input[name='Input.Funding[1].Note']", "包头某企业配套");
        await staff.FillAsync("input[name='Input.Indicators[0].Target']", "80");
        await browser.Screenshot(staff, "competition-apply-1280");
        await staff.ClickAsync("#apply-submit");
        await staff.ArriveAsync(new Regex("/Competitions/Application\\?id="));
        var applicationId = Guid.Parse(new Uri(staff.Url).Query.Split('=')[1]);
        Assert.Contains("未提交（草稿）", await staff.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        // Documents: a Word file is refused with the limits stated beside the field.
        var upload = staff.Locator("#document-form");
        await upload.Locator("select[name='Document.Name']").SelectOptionAsync("项目申报书");
        await upload.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "申报书.docx", MimeType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document", Buffer = "PK\u0003\u0004"u8.ToArray() });
        await upload.Locator("button[type=submit]").ClickAsync();
        await staff.Locator("#document-form .text-danger", new() { HasText = "格式为 jpg/png/pdf" }).WaitForAsync();
        await upload.Locator("select[name='Document.Name']").SelectOptionAsync("项目申报书");
        await upload.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "项目申报书.pdf", MimeType = "application/pdf", Buffer = PdfBytes });
        await upload.Locator("button[type=submit]").ClickAsync();
        await staff.Locator("#documents a", new() { HasText = "项目申报书.pdf" }).WaitForAsync();
        // Submitting without the registration certificate says which document is missing, at the top of the page.
        await staff.ClickAsync("#submit-application");
        await Confirm(staff);
        await staff.Locator("#application-errors", new() { HasText = "缺少申报材料：机构登记证书" }).WaitForAsync();
        await upload.Locator("select[name='Document.Name']").SelectOptionAsync("机构登记证书");
        await upload.Locator("input[type=file]").SetInputFilesAsync(new FilePayload { Name = "登记证书.png", MimeType = "image/png", Buffer = TestImages.Png });
        await upload.Locator("button[type=submit]").ClickAsync();
        await staff.Locator("#documents a", new() { HasText = "登记证书.png" }).WaitForAsync();
        await browser.Screenshot(staff, "competition-application-1280");
        await staff.ClickAsync("#submit-application");
        await Confirm(staff);
        await staff.ArriveAsync(new Regex("/Competitions/Receipt"));
        Assert.Equal(callNo + "-001", (await staff.Locator("#receipt-number").InnerTextAsync()).Trim());
        await browser.Screenshot(staff, "competition-receipt-1280");

        // Two more organizations of the district submit (builders), then the deadline passes.
        var elders = await app.Query(db => db.Set<Wushe.Features.Organizations.Organization>().IgnoreQueryFilters().Where(o => o.Name == "九原区老年协会").Select(o => o.Id).FirstAsync());
        var sunshine = await TestOrganizations.CreateAsync(app, Jiuyuan, [Shahe], name: "九原区阳光社会工作服务社" + suffix, kind: Wushe.Features.Organizations.OrganizationKind.PrivateNonEnterprise);
        var second = await TestCompetitions.CreateApplicationAsync(app, callId, elders, ApplicationStatus.Submitted, requestedFen: 80_000_00, title: "老年协会“老有所乐”文化养老项目" + suffix);
        var third = await TestCompetitions.CreateApplicationAsync(app, callId, sunshine, ApplicationStatus.Submitted, requestedFen: 70_000_00, areaCode: Shahe, title: "“阳光妈妈”困境儿童陪伴项目" + suffix);
        await TestCompetitions.PassDeadlineAsync(app, callId);
        await staff.GotoAsync($"/Competitions/Application?id={applicationId}");
        await staff.Locator("#documents").WaitForAsync();
        Assert.Equal(0, await staff.Locator("#edit-application, #submit-application, #document-form").CountAsync());

        // ── 初审: the bureau screens the three from the call's list. ──
        await host.GotoAsync($"/Competitions/Details/{callId}");
        await host.ClickAsync($"a[href='/Competitions/Applications?callId={callId}']");
        await host.ArriveAsync(new Regex("/Competitions/Applications"));
        Assert.Equal(3, await host.Locator("#applications-table tbody tr[id^='application-']").CountAsync());
        await browser.Screenshot(host, "competition-applications-1280");
        foreach (var id in new[] { applicationId, second, third })
        {
            await host.GotoAsync($"/Competitions/Applications?callId={callId}");
            await host.Locator($"#application-{id} a:has-text('初审')").ClickAsync();
            await host.Locator("#screen-form").WaitForAsync();
            if (id == applicationId)
            {
                // Failing without a reason is refused naming it.
                await host.CheckAsync("#outcome-Ineligible");
                await host.ClickAsync("#screen-submit");
                await host.Locator("#screen-form .text-danger", new() { HasText = "不通过的原因不能为空" }).WaitForAsync();
                Assert.Contains("已登记，未暂停活动", await host.Locator("#checks").InnerTextAsync(), StringComparison.Ordinal);
                await browser.Screenshot(host, "competition-screening-1280");
            }
            await host.CheckAsync("#outcome-Eligible");
            await host.ClickAsync("#screen-submit");
            await Toast(host, "初审结果已保存");
        }

        // The whole panel assigned, from the call's page.
        await host.GotoAsync($"/Competitions/Details/{callId}");
        await host.ClickAsync("#assign-link");
        await host.ArriveAsync(new Regex("/Competitions/Assign"));
        await host.ClickAsync("#assign-all");
        await Confirm(host);
        await Toast(host, "已分配 9 项评审任务");
        await browser.Screenshot(host, "competition-assign-1280");

        // ── A judge: a conflict declared on one application, the other two scored. ──
        var judge = await Window(1280);
        await BrowserFixture.SignInAsync(judge, experts[0].UserName);
        await judge.GotoAsync("/Competitions/Judging");
        var rows = judge.Locator("#reviews-table tbody tr[id^='review-']");
        Assert.Equal(3, await rows.CountAsync());
        var conflictRow = judge.Locator("#reviews-table tr", new() { HasText = "阳光妈妈" });
        var conflictUrl = await conflictRow.Locator("a").GetAttributeAsync("href") ?? "";
        await judge.GotoAsync(conflictUrl);
        await judge.ClickAsync("details:has(#recusal-form) summary");
        await judge.FillAsync("#reason", "本人配偶在该申报机构任职");
        await judge.ClickAsync("#recusal-form button[type=submit]");
        await Confirm(judge);
        await Toast(judge, "已声明回避");
        Assert.Contains("已回避", await conflictRow.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await conflictRow.Locator("a").CountAsync());
        // Nor by its address: the application and its scores are closed to the judge.
        var closed = await judge.GotoAsync(conflictUrl);
        Assert.Equal(404, closed!.Status);
        Assert.Contains("您已声明回避，不能查看该申报项目及其评分", await judge.Locator("main").InnerTextAsync(), StringComparison.Ordinal);

        await judge.GotoAsync("/Competitions/Judging");
        await judge.Locator("#reviews-table tr", new() { HasText = "银龄守护" }).Locator("a").ClickAsync();
        await judge.ArriveAsync(new Regex("/Competitions/Judging/Score"));
        Assert.Contains("项目申报书", await judge.Locator("#documents").InnerTextAsync(), StringComparison.Ordinal);
        foreach (var (i, s) in new[] { (0, "12"), (1, "9"), (2, "8"), (3, "9"), (4, "8") }) await judge.FillAsync($"#score-{i}", s);
        await judge.FillAsync("#comment", "需求调研扎实，探访机制可行，建议细化志愿者培训安排。");
        await judge.ClickAsync("#score-form button[type=submit]");
        await judge.Locator("#score-form .invalid-feedback", new() { HasText = "“创新性”的评分应为0至10之间的整数" }).WaitForAsync();
        Assert.Equal("9", await judge.InputValueAsync("#score-1"));
        await browser.Screenshot(judge, "competition-score-refused-1280");
        await judge.FillAsync("#score-0", "9");
        await judge.ClickAsync("#score-form button[type=submit]");
        await Toast(judge, "评分已保存");
        await judge.GotoAsync("/Competitions/Judging");
        await judge.Locator("#reviews-table tr", new() { HasText = "老有所乐" }).Locator("a").ClickAsync();
        await judge.ArriveAsync(new Regex("/Competitions/Judging/Score"));
        foreach (var (i, s) in new[] { (0, "7"), (1, "8"), (2, "7"), (3, "8"), (4, "7") }) await judge.FillAsync($"#score-{i}", s);
        await judge.FillAsync("#comment", "活动设计常规，创新不足，预算基本合理。");
        await judge.ClickAsync("#score-form button[type=submit]");
        await Toast(judge, "评分已保存");
        await judge.GotoAsync("/Competitions/Judging");
        await browser.Screenshot(judge, "competition-judging-1280");

        // The other two judges score everything through the API: 9s for 银龄守护, 8s for 阳光妈妈, 7s for 老有所乐.
        foreach (var other in experts.Skip(1))
        {
            var client = await app.CreateClientAsync(other.UserName);
            var mine = await (await client.GetAsync("/api/v1/me/reviews?size=100")).Expect(HttpStatusCode.OK);
            foreach (var review in mine.GetProperty("items").EnumerateArray().Where(r => r.GetProperty("callId").GetGuid() == callId))
            {
                var t = review.GetProperty("title").GetString()!;
                var s = t.Contains("银龄守护", StringComparison.Ordinal) ? 9 : t.Contains("阳光妈妈", StringComparison.Ordinal) ? 8 : 7;
                await (await client.PostAsJsonAsync($"/api/v1/me/reviews/{review.GetProperty("id").GetGuid()}/score",
                    new { scores = Enumerable.Repeat(s, 5).ToArray(), comment = "方案完整，目标清晰，可以实施。" })).Expect(HttpStatusCode.OK);
            }
        }

        // ── The ranking, the shortlist and its notice. ──
        await host.GotoAsync($"/Competitions/Ranking?callId={callId}");
        await host.Locator("#missing-scores", new() { HasText = "全部评分已完成" }).WaitForAsync();
        var ranking = host.Locator("#ranking-table tbody tr");
        Assert.Equal(3, await ranking.CountAsync());
        // 银龄守护: 86, 90, 90 → 90 without the highest and the lowest; 阳光妈妈: 80 and 80 beside the recusal → their mean; 老有所乐: 74, 70, 70 → 70.
        Assert.Equal(["银龄守护", "阳光妈妈", "老有所乐"], (await ranking.AllInnerTextsAsync()).Select(r => r.Contains("银龄守护", StringComparison.Ordinal) ? "银龄守护" : r.Contains("阳光妈妈", StringComparison.Ordinal) ? "阳光妈妈" : "老有所乐"));
        Assert.Contains("90.00", await host.Locator($"#rank-{applicationId}").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("回避", await host.Locator($"#rank-{third}").InnerTextAsync(), StringComparison.Ordinal);
        await browser.Screenshot(host, "competition-ranking-1280");

        await host.GotoAsync($"/Competitions/Notice?callId={callId}");
        foreach (var (id, yuan) in new[] { (applicationId, "60000"), (second, "80000"), (third, "70000") })
        {
            await host.CheckAsync($"input[name=Picks][value='{id}']");
            await host.FillAsync($"input[name='Amounts[{id}]']", yuan);
        }
        await host.ClickAsync("#post-notice");
        await Confirm(host);
        await host.Locator(".validation-summary-errors", new() { HasText = "拟资助金额合计 ¥210,000.00 超过资金池 ¥200,000.00" }).WaitForAsync();
        // The form as sent, not the proposal again: the third pick still ticked with its amount as typed.
        Assert.True(await host.IsCheckedAsync($"input[name=Picks][value='{second}']"));
        Assert.Equal("80000", await host.InputValueAsync($"input[name='Amounts[{second}]']"));
        await host.FillAsync($"input[name='Amounts[{third}]']", "60000");
        await host.ClickAsync("#post-notice");
        await Confirm(host);
        await Toast(host, "入围名单已公示");
        Assert.Equal(3, await host.Locator("#ranking-table tbody tr", new() { HasText = "入围公示" }).CountAsync());
        await browser.Screenshot(host, "competition-notice-1280");

        // A visitor on a phone finds the notice from the call's public page and objects to one project.
        await visitor.GotoAsync($"/Public/Competitions/Details?id={callId}");
        await visitor.ClickAsync("#public-notice-link");
        await visitor.ArriveAsync(new Regex("/Public/Competitions/Notice"));
        var shortlist = await visitor.Locator("#public-shortlist").InnerTextAsync();
        foreach (var t in new[] { "银龄守护", "老有所乐", "阳光妈妈", "九原区社工服务中心" }) Assert.Contains(t, shortlist, StringComparison.Ordinal);
        var noticeText = await visitor.Locator("body").InnerTextAsync();
        foreach (var person in judgeNames.Concat(["魏主任", "魏春燕", "王福全", "王会长", "赵科长"])) Assert.DoesNotContain(person, noticeText, StringComparison.Ordinal);
        // On a phone the shortlist fits the screen: the amounts are read without scrolling sideways.
        Assert.True(await visitor.EvaluateAsync<bool>("() => document.querySelector('#public-shortlist').getBoundingClientRect().width <= window.innerWidth"),
            "The public shortlist is wider than a phone's screen.");
        await visitor.SelectOptionAsync("#obj-about", second.ToString());
        await visitor.ClickAsync("#objection-form button[type=submit]");
        await visitor.Locator("#objection-form .text-danger", new() { HasText = "异议内容不能为空" }).WaitForAsync();
        var objector = Numbers.Mobile();
        await visitor.FillAsync("#obj-content", "该协会去年承接的项目尚未结项，是否符合申报条件请核实。");
        await visitor.FillAsync("#obj-name", "张晓明");
        await visitor.FillAsync("#obj-phone", objector);
        await visitor.ClickAsync("#objection-form button[type=submit]");
        await visitor.Locator("#objection-lodged").WaitForAsync();
        Assert.Matches("受理编号 [0-9A-F]{8}", await visitor.Locator("#objection-lodged").InnerTextAsync());
        await browser.Screenshot(visitor, "competition-public-notice-390");

        // The bureau answers; the answer is published, the objector's name and number are not.
        await host.GotoAsync($"/Competitions/Notice?callId={callId}");
        var objection = host.Locator("[id^='objection-']", new() { HasText = "尚未结项" });
        Assert.Contains("199****", await objection.InnerTextAsync(), StringComparison.Ordinal);
        var reply = "经核实，该协会以往项目已于今年结项，符合申报条件，异议不成立。";
        await objection.Locator("textarea[name='Answer.Answer']").FillAsync(reply);
        // Without the outcome: asked for, the answer kept.
        await objection.Locator("form:has(textarea[name='Answer.Answer']) button[type=submit]").ClickAsync();
        await host.Locator(".validation-summary-errors", new() { HasText = "请选择异议是否成立" }).WaitForAsync();
        Assert.Equal(reply, await objection.Locator("textarea[name='Answer.Answer']").InputValueAsync());
        await objection.Locator("select[name='Answer.Upheld']").SelectOptionAsync("false");
        await objection.Locator("form:has(textarea[name='Answer.Answer']) button[type=submit]").ClickAsync();
        await Toast(host, "异议已答复");
        Assert.True(await host.IsDisabledAsync("#confirm-awards"), "Awards were confirmable during the notice period.");
        await visitor.GotoAsync($"/Public/Competitions/Notice?id={callId}");
        var answered = await visitor.Locator("#public-objections").InnerTextAsync();
        Assert.Contains("异议不成立", answered, StringComparison.Ordinal);
        Assert.DoesNotContain("张晓明", await visitor.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(objector, await visitor.Locator("body").InnerTextAsync(), StringComparison.Ordinal);

        // ── The notice period ends; the awards are confirmed within the pool. ──
        await TestAwards.EndNoticeAsync(app, callId);
        await host.GotoAsync($"/Competitions/Notice?callId={callId}");
        await host.ClickAsync("#confirm-awards");
        await Confirm(host);
        await host.ArriveAsync(new Regex("/Competitions/Awards\\?callId="));
        Assert.Equal(3, await host.Locator("#awards-table tbody tr").CountAsync());
        var awarded = await app.Query(db => db.Set<Competition>().IgnoreQueryFilters().Where(c => c.Id == callId).Select(c => new { c.AwardedFen, c.PoolFen, c.Status }).SingleAsync());
        Assert.Equal((200_000_00L, 200_000_00L, CompetitionStatus.Decided), (awarded.AwardedFen, awarded.PoolFen, awarded.Status));
        await browser.Screenshot(host, "competition-awards-1280");

        // The award: the agreement, the project created (its page opens), the signing and the first tranche.
        await host.Locator("#awards-table tr", new() { HasText = "银龄守护" }).Locator("a").First.ClickAsync();
        await host.ArriveAsync(new Regex("/Competitions/Award\\?id="));
        var awardUrl = host.Url;
        Assert.Matches(new Regex(Regex.Escape(callNo) + "-001-XY"), await host.Locator("#award-details").InnerTextAsync());
        await host.ClickAsync("#award-project");
        await host.Locator("#project-basics").WaitForAsync();
        Assert.Contains(title, await host.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("公益创投资助", await host.Locator("#project-funding").InnerTextAsync(), StringComparison.Ordinal);
        await browser.Screenshot(host, "competition-project-1280");
        await host.GotoAsync(awardUrl);
        await host.FillAsync("#signed-on", ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await host.ClickAsync("form:has(#signed-on) button[type=submit]");
        await Toast(host, "协议签订日期已登记");
        await host.Locator("#tranche-table tbody tr").First.Locator("button[type=submit]").ClickAsync();
        await Confirm(host);
        await Toast(host, "资金已拨付");
        Assert.Contains("¥24,000.00", await host.Locator("#ledger-table").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("已拨付 ¥24,000.00", await host.Locator("#award-money").InnerTextAsync(), StringComparison.Ordinal);
        await browser.Screenshot(host, "competition-award-1280");

        // The organization sees its application awarded.
        await staff.GotoAsync("/Competitions/Mine");
        Assert.Contains("获得资助", await staff.Locator($"#application-{applicationId}").InnerTextAsync(), StringComparison.Ordinal);
    }
}
