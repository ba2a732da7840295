using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Wushe.Tests.Browser;

/// <summary>
/// A need's whole loop in the browser: a resident reports it on a phone from the community's address, the community's staff
/// accept, match and resolve it on a desktop, the resident follows it by its number and rates it, the staff close it.
/// </summary>
[Trait("Category", BrowserFixture.Category)]
public sealed class NeedJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    const string Community = "520502001001";   // 市西街道第1社区 (the demo's shixi.sq)

    [Fact]
    public async Task A_resident_s_need_is_reported_handled_followed_and_rated()
    {
        // The resident, on a phone, without an account.
        var resident = await browser.NewPage();
        await resident.SetViewportSizeAsync(390, 844);
        await resident.GotoAsync($"/Needs/Report?area={Community}");
        Assert.Contains("市西街道第1社区", await resident.Locator("#community").InnerTextAsync(), StringComparison.Ordinal);
        var title = "楼顶水箱漏水" + Random.Shared.Next(1000, 9999);
        var phone = "199" + Random.Shared.Next(10_000_000, 99_999_999);
        await resident.SelectOptionAsync("#Input_Category", "Housing");
        await resident.CheckAsync("#urgency-Urgent");
        await resident.FillAsync("#Input_Title", title);
        await resident.FillAsync("#Input_Description", "顶楼水箱漏水，雨天楼道积水，老人上下楼容易滑倒。");
        await resident.FillAsync("#Input_Name", "何阿姨");
        await resident.FillAsync("#Input_Phone", phone);
        await resident.ClickAsync("#report-submit");
        // Without the consent the form says so and keeps what was typed.
        await resident.Locator("span[data-valmsg-for='Input.Consent'], .text-danger:has-text('请阅读并同意')").First.WaitForAsync();
        Assert.Equal(title, await resident.InputValueAsync("#Input_Title"));
        await resident.CheckAsync("#Input_Consent");
        await browser.Screenshot(resident, "need-report-390");
        await resident.ClickAsync("#report-submit");
        await resident.Locator("#report-done").WaitForAsync();
        var no = (await resident.Locator("#need-no").InnerTextAsync()).Trim();
        Assert.Matches("^XQ520502001\\d{9}$", no);
        Assert.True(await resident.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "The residents' page scrolls sideways on a phone.");
        await browser.Screenshot(resident, "need-reported-390");

        // The community's staff, on a desktop: the need waits for acceptance, unverified.
        var staff = await browser.NewPage();
        await staff.SetViewportSizeAsync(1280, 900);
        await BrowserFixture.SignInAsync(staff, "shixi.sq");
        await staff.GotoAsync("/Needs?status=Submitted");
        var row = staff.Locator("#needs-table tr", new() { HasText = title });
        Assert.Contains("未核实", await row.InnerTextAsync(), StringComparison.Ordinal);
        await browser.Screenshot(staff, "needs-list-1280");
        // Opened by its link's address (a click racing the list's own load made the wait flaky under load).
        await staff.GotoAsync(await row.Locator("a").First.GetAttributeAsync("href") ?? "");
        Assert.Contains("/Needs/Details", staff.Url, StringComparison.Ordinal);
        await staff.ClickAsync("#accept-form button[type=submit]");
        await staff.Locator("#match-form").WaitForAsync();
        // Referred to an organization that serves 市西街道.
        await staff.CheckAsync("#kind-Organization");
        var organization = staff.Locator("#match-form select[name='Match.TargetId'] option").Nth(1);
        await staff.SelectOptionAsync("#match-form select[name='Match.TargetId']", await organization.GetAttributeAsync("value") ?? "");
        await staff.FillAsync("#match-form textarea", "转介社工服务中心联系物业维修");
        await browser.Screenshot(staff, "need-match-1280");
        await staff.ClickAsync("#match-form button[type=submit]");
        await staff.ClickAsync("#confirm-dialog .confirm-ok");
        await staff.Locator("#start-form").WaitForAsync();
        await staff.ClickAsync("#start-form button[type=submit]");
        await staff.Locator("#resolve-form").WaitForAsync();
        await staff.FillAsync("#resolve-form textarea", "物业已更换水箱密封圈，楼道不再积水。");
        await staff.ClickAsync("#resolve-form button[type=submit]");
        await staff.ClickAsync("#confirm-dialog .confirm-ok");
        await staff.Locator("#followup-form").WaitForAsync();
        Assert.Contains("解决", await staff.Locator("#need-timeline").InnerTextAsync(), StringComparison.Ordinal);

        // The resident follows it by number and phone, and rates it.
        await resident.GotoAsync($"/Needs/Track?no={no}");
        await resident.FillAsync("#Input_Phone", phone);
        await resident.ClickAsync("#track-submit");
        await resident.Locator("#progress").WaitForAsync();
        Assert.Contains("物业已更换水箱密封圈", await resident.Locator("#progress").InnerTextAsync(), StringComparison.Ordinal);
        await resident.CheckAsync("#sat-5");
        await resident.FillAsync("#Rating_Comment", "修得很快，谢谢！");
        await browser.Screenshot(resident, "need-rate-390");
        await resident.ClickAsync("#rate-submit");
        await resident.Locator("#rate-done").WaitForAsync();
        // Elder mode on the same page: larger text, still no sideways scrolling.
        await resident.GotoAsync($"/Needs/Track?no={no}&elder=true");
        Assert.True(await resident.EvaluateAsync<bool>("parseFloat(getComputedStyle(document.body).fontSize) >= 24"), "Elder mode's body text is smaller than 18 pt.");
        Assert.True(await resident.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 390, "Elder mode scrolls sideways on a phone.");
        await browser.Screenshot(resident, "need-track-elder-390");

        // The staff see the resident's own rating and close the need.
        await staff.ReloadAsync();
        Assert.Contains("本人评价", await staff.Locator("#need-basics").InnerTextAsync(), StringComparison.Ordinal);
        await staff.ClickAsync("#close-form button[type=submit]");
        await staff.ClickAsync("#confirm-dialog .confirm-ok");
        await staff.Locator("#need-basics .badge:has-text('已办结')").WaitForAsync();
        await browser.Screenshot(staff, "need-closed-1280");
    }
}
