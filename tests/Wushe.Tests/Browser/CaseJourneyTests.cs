using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Wushe.Features.Demo;
using Wushe.Features.Stations;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Browser;

/// <summary>
/// Casework as its people do it: a station social worker opens a case for a resident and submits the assessment, the
/// station head (站长, a demo *.zz account) approves it on a phone, and the worker sees the case move to the service plan;
/// then the client moves, the case is referred with a photo note to another township's station, which accepts it and opens
/// the photo, while the referring station no longer can.
/// </summary>
[Trait("Category", BrowserFixture.Category)]
public sealed class CaseJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    async Task Shots(IPage page, string name)
    {
        await page.SetViewportSizeAsync(1440, 900);
        await browser.Screenshot(page, name + "-1440");
        await page.SetViewportSizeAsync(390, 844);
        await browser.Screenshot(page, name + "-390");
        // Nothing runs off the side of a phone's screen.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth + 1"), $"{name}: sideways overflow at 390 px");
        await page.SetViewportSizeAsync(1440, 900);
    }

    [Fact]
    public async Task A_worker_opens_a_case_submits_the_assessment_and_sees_the_heads_approval()
    {
        // A resident of 市西街道第1社区, the demo station worker's area.
        await TestHouseholds.CreateAsync(browser.App, "520502001001", members: [TestHouseholds.Head("旅程个案甲")]);

        var worker = await browser.NewPage();
        await BrowserFixture.SignInAsync(worker, "shixi");
        await worker.GotoAsync("/Casework");
        await worker.ClickAsync("#open-case");
        await worker.ArriveAsync(new Regex("/Casework/Open"));
        await worker.FillAsync("#q", "旅程个案甲");
        await worker.ClickAsync("#client-search button[type=submit]");
        await worker.ArriveAsync(new Regex("q="));
        Assert.Equal(1, await worker.Locator("#open-case-form input[name='Input.ResidentId']").CountAsync());
        await worker.FillAsync("#Input_Problem", "独居老人，近期跌倒一次，子女在外地，生活照料不足。");
        await Shots(worker, "case-open");
        await worker.ClickAsync("#open-submit");
        await worker.ArriveAsync(new Regex("/Casework/Details"));
        var caseUrl = worker.Url;
        var caseNo = await worker.Locator("#case-no").InnerTextAsync();
        Assert.StartsWith("GA", caseNo, StringComparison.Ordinal);

        await worker.SelectOptionAsync("#Step_Kind", "Assessment");
        await worker.FillAsync("#Step_Content", "评估：自理能力下降，需居家照料与定期探访；家庭支持薄弱。");
        await Shots(worker, "case-assessment");
        await worker.ClickAsync("#step-submit");
        await worker.LoadedAsync();
        await worker.Locator("#awaiting-note").WaitForAsync();
        Assert.Contains("需求预估", await worker.Locator("#pending-badge").InnerTextAsync(), StringComparison.Ordinal);
        // The worker cannot decide their own step.
        Assert.Equal(0, await worker.Locator("#decide-form").CountAsync());

        // The station head decides on a phone.
        var head = await browser.NewPage();
        await BrowserFixture.SignInAsync(head, "shixi.zz");
        await head.SetViewportSizeAsync(390, 844);
        await head.GotoAsync(caseUrl);
        await head.Locator("#decide-form").WaitForAsync();
        await Shots(head, "case-head-decides");
        await head.CheckAsync("#approve-yes");
        await head.FillAsync("#Decision_Comment", "同意评估结论，请尽快制定服务计划。");
        await head.ClickAsync("#decide-submit");
        await head.LoadedAsync();
        await head.Locator("#pending-badge").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });

        await worker.GotoAsync(caseUrl);
        Assert.Equal(0, await worker.Locator("#pending-badge").CountAsync());
        var timeline = await worker.Locator("#timeline").InnerTextAsync();
        Assert.Contains("已批准", timeline, StringComparison.Ordinal);
        Assert.Contains("同意评估结论", timeline, StringComparison.Ordinal);
        // The next step is the service plan: the form offers it with its goals.
        Assert.Contains("服务计划", await worker.Locator("#Step_Kind").InnerTextAsync(), StringComparison.Ordinal);
        await Shots(worker, "case-approved");

        // The client moves: the worker refers the case, with the client's consent, to the station of another township of the city.
        var to = await browser.App.Query(db => db.Stations.IgnoreQueryFilters()
            .Where(s => s.AreaCode.StartsWith("5205") && s.AreaCode != "520502001000" && s.Level == StationLevel.TownshipStation && s.Status == StationStatus.Active)
            .OrderBy(s => s.AreaCode).Select(s => new { s.Id, s.AreaCode, s.Name }).FirstAsync());
        var receiverAccount = await TestUsers.CreateAsync(browser.App, Role.StationWorker, to.AreaCode);
        await worker.FillAsync("#note-form textarea", "家访照片：居住环境");
        await worker.SetInputFilesAsync("#note-form input[type=file]", new FilePayload { Name = "居住环境.png", MimeType = "image/png", Buffer = TestImages.Png });
        await worker.ClickAsync("#note-form button[type=submit]");
        await worker.Locator("#timeline a[href^='/files/']").WaitForAsync();
        Assert.Contains("居住环境.png", await worker.Locator("#timeline").InnerTextAsync(), StringComparison.Ordinal);
        await worker.SelectOptionAsync("#Referral_ToStationId", to.Id.ToString());
        await worker.FillAsync("#Referral_Reason", "服务对象已迁居，需由居住地社工站继续跟进。");
        await worker.FillAsync("#Referral_ConsentOn", Wushe.Platform.ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd"));
        await Shots(worker, "case-refer");
        await worker.ClickAsync("#refer-form button[type=submit]");
        await worker.Locator("#refer-form").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached });
        Assert.Contains("转介待接收", await worker.InnerTextAsync("body"), StringComparison.Ordinal);

        var receiver = await browser.NewPage();
        await BrowserFixture.SignInAsync(receiver, receiverAccount.UserName);
        await receiver.GotoAsync("/Casework");
        var waiting = receiver.Locator("#waiting-referrals");
        Assert.Contains(caseNo, await waiting.InnerTextAsync(), StringComparison.Ordinal);
        await Shots(receiver, "case-referral-waiting");
        // On a phone the accept button is on screen, not behind a sideways scroll.
        await receiver.SetViewportSizeAsync(390, 844);
        // The journey's own referral (the demo's station may have others waiting).
        var accept = waiting.Locator("li.list-group-item", new() { HasText = caseNo }).Locator("button:has-text('接收')").First;
        var box = await accept.BoundingBoxAsync();
        Assert.True(box is not null && box.X + box.Width <= 390, "the accept button is off the phone's screen");
        await accept.ClickAsync();
        await receiver.ClickAsync("#confirm-dialog .confirm-ok");
        await receiver.ArriveAsync(new Regex("/Casework/Details"));
        Assert.Equal(caseNo, await receiver.Locator("#case-no").InnerTextAsync());
        // The note's attachment came along: the receiver opens it.
        var file = await receiver.Locator("#timeline a[href^='/files/']").GetAttributeAsync("href");
        var download = await receiver.APIRequest.GetAsync(file!);
        Assert.Equal(200, download.Status);
        await Shots(receiver, "case-received");

        // The referring station no longer sees the case, nor its attachment.
        var gone = await worker.GotoAsync(caseUrl);
        Assert.Equal(404, gone!.Status);
        Assert.Equal(404, (await worker.APIRequest.GetAsync(file!)).Status);
    }
}
