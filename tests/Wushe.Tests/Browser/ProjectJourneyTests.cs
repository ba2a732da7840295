using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Wushe.Tests.Browser;

/// <summary>
/// A project's loop in the browser: a station social worker designs it from an open need on a desktop, the station's head
/// approves it, the implementing organization's staff start it and record a service on a phone, and the indicators and the
/// narrative follow the record.
/// </summary>
[Trait("Category", BrowserFixture.Category)]
public sealed class ProjectJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_project_is_designed_from_a_need_approved_started_and_delivered()
    {
        var worker = await browser.NewPage();
        await worker.SetViewportSizeAsync(1280, 900);
        await BrowserFixture.SignInAsync(worker, "shixi");
        await worker.GotoAsync("/Needs?status=Matched&area=520502001000");
        var need = await worker.Locator("#needs-table tbody tr a").First.GetAttributeAsync("href") ?? "";
        await worker.GotoAsync(need);
        await worker.GotoAsync(await worker.Locator("#design-from-need").GetAttributeAsync("href") ?? "");
        var title = "邻里守望互助项目" + Random.Shared.Next(1000, 9999);

        // An empty submit names what is missing and keeps the page.
        await worker.ClickAsync("#design-submit");
        await worker.Locator(".validation-summary-errors").WaitForAsync();
        Assert.Contains("项目名称", await worker.Locator(".validation-summary-errors").InnerTextAsync(), StringComparison.Ordinal);

        await worker.FillAsync("#Input_Title", title);
        await worker.SelectOptionAsync("#Input_Focus", "ElderlyCare");
        await worker.SelectOptionAsync("#Input_OrganizationId", new SelectOptionValue { Label = "七星关区社工服务中心" });
        await worker.FillAsync("#Input_BudgetYuan", "50000");
        await worker.SelectOptionAsync("select[name='Input.Funding[0].Source']", "CommunityFund");
        await worker.FillAsync("input[name='Input.Funding[0].AmountYuan']", "30000");
        await worker.SelectOptionAsync("select[name='Input.Funding[1].Source']", "EnterpriseDonation");
        await worker.FillAsync("input[name='Input.Funding[1].AmountYuan']", "10000");
        await worker.FillAsync("input[name='Input.Indicators[0].Target']", "100");
        await worker.FillAsync("input[name='Input.Indicators[1].Name']", "入户探访");
        await worker.SelectOptionAsync("select[name='Input.Indicators[1].Measure']", "Times");
        await worker.FillAsync("input[name='Input.Indicators[1].Target']", "20");
        await worker.FillAsync("input[name='Input.Indicators[1].Unit']", "次");
        await worker.CheckAsync("#indicator-1-HomeVisit");
        // The lines add up to 40,000, not the budget: said with both sums, nothing saved, the form kept.
        await worker.ClickAsync("#design-submit");
        await worker.Locator(".validation-summary-errors").WaitForAsync();
        Assert.Contains("预算与资金来源合计不一致", await worker.Locator(".validation-summary-errors").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(title, await worker.InputValueAsync("#Input_Title"));
        Assert.True(await worker.IsCheckedAsync("#indicator-1-HomeVisit"));
        await worker.FillAsync("input[name='Input.Funding[1].AmountYuan']", "10000");
        // A fourth funding line, beyond the three shown: 添加 shows the next row.
        Assert.True(await worker.IsHiddenAsync("select[name='Input.Funding[3].Source']"));
        await worker.ClickAsync("#funding-card [data-more-rows]");
        await worker.SelectOptionAsync("select[name='Input.Funding[3].Source']", "Other");
        await worker.FillAsync("input[name='Input.Funding[3].AmountYuan']", "10000");
        await browser.Screenshot(worker, "project-design-1280");
        await worker.ClickAsync("#design-submit");
        await worker.ArriveAsync(new Regex(@"/Projects/Details\?id="));
        await worker.Locator("#project-basics").WaitForAsync();
        var url = worker.Url[worker.Url.IndexOf("/Projects", StringComparison.Ordinal)..];
        Assert.Contains("草稿", await worker.Locator("#project-basics").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await worker.Locator("#project-needs li a").CountAsync());
        Assert.Equal(0, await worker.Locator("#step-Approved").CountAsync());

        // The station's head approves.
        var head = await browser.NewPage();
        await head.SetViewportSizeAsync(1280, 900);
        await BrowserFixture.SignInAsync(head, "shixi.zz");
        await head.GotoAsync(url);
        await head.ClickAsync("#step-Approved");
        await head.ClickAsync("#confirm-dialog .confirm-ok");
        await head.Locator("#project-timeline:has-text('审核立项')").WaitForAsync();

        // The organization's staff, on a phone, start it and record a home visit.
        var staff = await browser.NewPage();
        await staff.SetViewportSizeAsync(390, 844);
        await BrowserFixture.SignInAsync(staff, "org.staff");
        await staff.GotoAsync("/Projects");
        Assert.Contains(title, await staff.Locator("#projects-table").InnerTextAsync(), StringComparison.Ordinal);
        await staff.GotoAsync(url);
        await staff.ClickAsync("#step-InProgress");
        await staff.ClickAsync("#confirm-dialog .confirm-ok");
        await staff.Locator("#record-form").WaitForAsync();
        // A resident of the area is found by surname (masked, with the ID number's last 4) before filling the record.
        await staff.FillAsync("#find", "袁");
        await staff.ClickAsync("#find-resident");
        await staff.Locator("#record-form input[name='Record.ResidentIds']").First.WaitForAsync();
        Assert.Contains("袁*", await staff.Locator("#record-form").InnerTextAsync(), StringComparison.Ordinal);
        await staff.SelectOptionAsync("#Record_Kind", "HomeVisit");
        await staff.FillAsync("#Record_Title", "独居老人入户探访");
        await staff.FillAsync("#Record_Volunteers", "2");
        // Nobody registered and no head count: said beside the form, nothing saved.
        await staff.ClickAsync("#record-submit");
        await staff.Locator("#record-form .text-danger:has-text('登记服务对象或填写')").WaitForAsync();
        // A head count is for open events, not a home visit.
        await staff.FillAsync("#Record_HeadCount", "3");
        await staff.ClickAsync("#record-submit");
        await staff.Locator("#record-form .text-danger:has-text('开放活动')").WaitForAsync();
        await staff.FillAsync("#Record_HeadCount", "0");
        await staff.Locator("#record-form input[name='Record.ResidentIds']").First.CheckAsync();
        // A photo of the visit goes with the record (the limits stated beside the field).
        Assert.Contains("不超过 5MB 的 jpg 或 png", await staff.Locator("#record-photos-limit").InnerTextAsync(), StringComparison.Ordinal);
        await staff.SetInputFilesAsync("#RecordPhotos", new FilePayload { Name = "探访现场.png", MimeType = "image/png", Buffer = TestImages.Png });
        await browser.Screenshot(staff, "project-record-390");
        await staff.ClickAsync("#record-submit");
        await staff.Locator("#activities-table:has-text('独居老人入户探访')").WaitForAsync();
        // Its thumbnail shows on the record, served to the organization's staff (outside their scope by area, inside by organization).
        var thumbnail = staff.Locator("#activities-table img.record-photo").First;
        await thumbnail.WaitForAsync();
        await staff.WaitForFunctionAsync("() => { const i = document.querySelector('#activities-table img.record-photo'); return i && i.complete && i.naturalWidth > 0; }");
        Assert.Contains("入户探访1次", await staff.Locator("#narrative").InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await staff.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "The project page scrolls sideways on a phone.");
        await browser.Screenshot(staff, "project-details-390");

        // The figure links to the records behind it.
        await staff.Locator("#indicators-table a:has-text('1 次')").First.ClickAsync();
        await staff.Locator("#records-of").WaitForAsync();

        // A satisfaction survey, on the phone: a form left empty is refused; so are more answers than the project's one beneficiary.
        await staff.GotoAsync(url);
        await staff.ClickAsync("#project-satisfaction summary");
        await staff.ClickAsync("#survey-submit");
        await staff.Locator("#survey-form .text-danger:has-text('至少 1 份')").WaitForAsync();
        await staff.FillAsync("#Survey_VerySatisfied", "6");
        await staff.FillAsync("#Survey_Satisfied", "3");
        await staff.FillAsync("#Survey_Neutral", "1");
        await staff.ClickAsync("#survey-submit");
        await staff.Locator("#survey-form .text-danger:has-text('受益人数（1）')").WaitForAsync();
        await staff.FillAsync("#Survey_VerySatisfied", "1");
        await staff.FillAsync("#Survey_Satisfied", "0");
        await staff.FillAsync("#Survey_Neutral", "0");
        await staff.ClickAsync("#survey-submit");
        await staff.Locator("#satisfaction-rate:has-text('100%')").WaitForAsync();

        // The head opens the mid-term evaluation; the organization self-assesses; the head reviews: 合格.
        await head.GotoAsync(url);
        await head.ClickAsync("#project-evaluations summary");
        await head.ClickAsync("#evaluation-submit");
        await head.Locator("#evaluation-MidTerm").WaitForAsync();
        await staff.GotoAsync(url);
        var self = staff.Locator("#evaluation-MidTerm details:has(form[id^='self-'])");
        await self.Locator("summary").ClickAsync();
        foreach (var (i, score) in new[] { (0, "18"), (1, "30"), (2, "13"), (3, "14"), (4, "12") })
            await self.Locator($"input[name='Score.Scores[{i}]']").FillAsync(score);
        await self.Locator("textarea[name='Score.Comment']").FillAsync("入户探访按计划开展，服务档案齐全。");
        await self.Locator("button[type=submit]").ClickAsync();
        await staff.Locator("#evaluation-MidTerm:has-text('待评审')").WaitForAsync();
        await head.GotoAsync(url);
        var review = head.Locator("#evaluation-MidTerm details:has(form[id^='review-'])");
        await review.Locator("summary").ClickAsync();
        foreach (var (i, score) in new[] { (0, "17"), (1, "80"), (2, "12"), (3, "14"), (4, "11") })
            await review.Locator($"input[name='Score.Scores[{i}]']").FillAsync(score);
        await review.Locator("textarea[name='Score.Comment']").FillAsync("服务记录真实，进度符合预期。");
        await review.Locator("button[type=submit]").ClickAsync();
        await head.ClickAsync("#confirm-dialog .confirm-ok");
        // 80 is above the criterion's 35 points: said beside the field, the other scores kept.
        await head.Locator("#evaluation-MidTerm .text-danger:has-text('0 到 35')").WaitForAsync();
        Assert.Equal("17", await review.Locator("input[name='Score.Scores[0]']").InputValueAsync());
        await review.Locator("input[name='Score.Scores[1]']").FillAsync("28");
        await review.Locator("button[type=submit]").ClickAsync();
        await head.ClickAsync("#confirm-dialog .confirm-ok");
        await head.Locator("#evaluation-MidTerm .badge:has-text('合格 · 82 / 100')").WaitForAsync();
        await browser.Screenshot(head, "project-evaluation-1280");

        await worker.GotoAsync(url);
        Assert.Contains("实施中", await worker.Locator("#project-basics").InnerTextAsync(), StringComparison.Ordinal);
        await browser.Screenshot(worker, "project-details-1280");
    }
}
