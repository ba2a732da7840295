using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Charity.Wishes;

namespace Wushe.Tests.Browser;

/// <summary>
/// A micro-wish in a real browser (issue 10): the station worker of 市西街道 collects a wish for a child — the child's real name as the
/// alias refused naming the field — and publishes it; the demo donor, on a phone, finds it on the public wall, claims it, reads whom to
/// contact, and confirms contact.
/// </summary>
[Trait("Category", BrowserFixture.Category)]
public sealed class WishJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_worker_publishes_a_wish_and_a_donor_claims_it_on_a_phone()
    {
        var page = await browser.NewPage();
        await page.SetViewportSizeAsync(1280, 900);
        await BrowserFixture.SignInAsync(page, "shixi");
        await page.GotoAsync("/Charity/Wishes");
        await page.ClickAsync("#collect-wish");
        await page.ArriveAsync(new Regex("/Charity/Wishes/Collect"));
        var option = page.Locator("#Input_ResidentId option").Nth(1);
        var label = await option.InnerTextAsync();
        var realName = label.Split('（')[0];
        await page.SelectOptionAsync("#Input_ResidentId", (await option.GetAttributeAsync("value"))!);
        await page.FillAsync("#Input_Alias", realName);
        var item = "一盒水彩笔" + Random.Shared.Next(100, 999);
        await page.FillAsync("#Input_Item", item);
        await page.FillAsync("#Input_ValueYuan", "35");
        await page.FillAsync("#Input_Contact", "市西街道社工站 谢社工 0857-8221234");
        await page.ClickAsync("#wish-form button[type=submit]");
        await page.Locator("#Input_Alias.is-invalid").WaitForAsync();
        Assert.Contains("真实姓名", await page.Locator("#wish-form").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(item, await page.InputValueAsync("#Input_Item"));
        await browser.Screenshot(page, "wish-collect-refused-1280");
        await page.FillAsync("#Input_Alias", "小星");
        await page.ClickAsync("#wish-form button[type=submit]");
        await page.ArriveAsync(new Regex("/Charity/Wishes/Details/"));
        await page.ClickAsync("#verify-form button[type=submit]");
        await page.Locator("#wish-status", new() { HasText = "待认领" }).WaitForAsync();
        var wishId = Guid.Parse(page.Url.Split('/').Last().Split('?')[0]);

        var phone = await browser.NewPage();
        await phone.SetViewportSizeAsync(390, 844);
        await phone.GotoAsync("/Public/Wishes?area=520502000000");
        var card = phone.Locator("#wish-wall .card", new() { HasText = item });
        Assert.DoesNotContain(realName, await phone.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        await browser.Screenshot(phone, "wish-wall-390");
        await card.Locator("a", new() { HasText = "我来认领" }).ClickAsync();
        await phone.ArriveAsync(new Regex("/Account/Login"));
        await phone.FillAsync("input[name='Input.Login']", "bijie.jz");
        await phone.FillAsync("input[name='Input.Password']", Wushe.Features.Demo.DemoData.Password);
        await phone.ClickAsync("#login-submit");
        await phone.ArriveAsync(new Regex("/Charity/Wishes/Claim/"));
        await phone.ClickAsync("#claim-form button[type=submit]");
        await phone.ArriveAsync(new Regex("/Charity/Wishes/Mine"));
        Assert.Contains("0857-8221234", await phone.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        await phone.Locator("#my-wish-claims .card", new() { HasText = item }).Locator("button", new() { HasText = "我已联系社区" }).ClickAsync();
        await phone.Locator("#my-wish-claims .card", new() { HasText = item }).Locator("text=已联系").WaitForAsync();
        await browser.Screenshot(phone, "wish-claimed-390");

        var claim = await browser.App.Query(db => db.Set<WishClaim>().IgnoreQueryFilters().SingleAsync(c => c.WishId == wishId));
        Assert.Equal(ClaimStatus.Contacted, claim.Status);
    }
}
