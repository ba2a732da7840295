using System.Text.RegularExpressions;
using Wushe.Features.Demo;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Browser;

/// <summary>The visit form's "raise a need" box shows and hides the need's fields (site.js; no inline script under the CSP).</summary>
[Trait("Category", BrowserFixture.Category)]
public sealed class NeedToggleTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task The_need_fields_show_only_while_raise_a_need_is_ticked()
    {
        var app = browser.App;
        var township = await Places.NewTownshipAsync(app, "需求镇");
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, township);
        var household = await TestHouseholds.CreateAsync(app, await TestHouseholds.NewCommunityAsync(app, township), workerId: worker.Id);

        var page = await browser.NewPage();
        await BrowserFixture.SignInAsync(page, worker.UserName);

        await page.GotoAsync($"/Households/Visit?household={household.Id}");
        var category = page.Locator("#Input_RaiseNeed_Category");
        Assert.False(await category.IsVisibleAsync());
        await page.CheckAsync("#RaiseNeedOn");
        Assert.True(await category.IsVisibleAsync());
        Assert.True(await page.Locator("#Input_RaiseNeed_Description").IsVisibleAsync());
        await browser.Screenshot(page, "visit-form-need");
        await page.UncheckAsync("#RaiseNeedOn");
        Assert.False(await category.IsVisibleAsync());
    }
}
