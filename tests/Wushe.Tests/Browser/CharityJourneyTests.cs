using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Charity;

namespace Wushe.Tests.Browser;

/// <summary>
/// A community fund in a real browser (issue 10): the station worker finds the demo fund of 市西街道第1社区, records a gift — a bad
/// amount first, refused naming the field with what was typed kept — sees its receipt number, the donation and the ledger entry;
/// the public disclosure page, opened without signing in on a phone, shows the fund's money and the donor who did not ask anonymity.
/// </summary>
[Trait("Category", BrowserFixture.Category)]
public sealed class CharityJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_station_worker_records_a_donation_and_the_public_page_shows_it()
    {
        var page = await browser.NewPage();
        await page.SetViewportSizeAsync(1280, 900);
        await BrowserFixture.SignInAsync(page, "shixi");
        await page.GotoAsync("/Charity/Funds");
        Assert.Contains("市西街道第1社区慈善基金", await page.Locator("#funds-table").InnerTextAsync(), StringComparison.Ordinal);
        await browser.Screenshot(page, "charity-funds-1280");
        await page.Locator("#funds-table a", new() { HasText = "市西街道第1社区慈善基金" }).First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/Charity/Funds/Details/"));
        var fundUrl = page.Url;
        var fundId = Guid.Parse(fundUrl.Split('/').Last().Split('?')[0]);
        var before = await browser.App.Query(db => db.Set<CommunityFund>().IgnoreQueryFilters().Where(f => f.Id == fundId).Select(f => f.BalanceFen).SingleAsync());

        await page.ClickAsync("#record-donation");
        var donor = "浏览器测试爱心企业" + Random.Shared.Next(1000, 9999);
        await page.FillAsync("#Input_DonorName", donor);
        await page.FillAsync("#Input_AmountYuan", "0");
        await page.ClickAsync("#donation-form button[type=submit]");
        await page.Locator("#Input_AmountYuan.is-invalid").WaitForAsync();
        Assert.Contains("捐赠金额须大于 0", await page.Locator("#donation-form").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(donor, await page.InputValueAsync("#Input_DonorName"));
        await browser.Screenshot(page, "charity-donation-refused-1280");

        await page.FillAsync("#Input_AmountYuan", "1234.56");
        await page.ClickAsync("#donation-form button[type=submit]");
        await page.WaitForURLAsync(new Regex("tab=donations"));
        Assert.Contains("捐赠票据编号", await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(donor, await page.Locator("#donations-table").InnerTextAsync(), StringComparison.Ordinal);
        await browser.Screenshot(page, "charity-donations-1280");
        await page.GotoAsync(fundUrl.Split('?')[0] + "?tab=ledger");
        Assert.Contains("¥1,234.56", await page.Locator("#ledger-table").InnerTextAsync(), StringComparison.Ordinal);
        var after = await browser.App.Query(db => db.Set<CommunityFund>().IgnoreQueryFilters().Where(f => f.Id == fundId).Select(f => f.BalanceFen).SingleAsync());
        Assert.Equal(before + 123456, after);

        // Anyone, on a phone, without signing in.
        var phone = await browser.NewPage();
        await phone.SetViewportSizeAsync(390, 844);
        await phone.GotoAsync($"/Public/Fund/{fundId}");
        var text = await phone.Locator("body").InnerTextAsync();
        Assert.Contains(donor, text, StringComparison.Ordinal);
        Assert.Contains("爱心人士", text, StringComparison.Ordinal);
        Assert.Contains(Wushe.Platform.Money.Yuan(after), text, StringComparison.Ordinal);
        await browser.Screenshot(phone, "charity-public-fund-390");
    }
}
