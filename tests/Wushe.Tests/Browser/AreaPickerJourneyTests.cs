using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Wushe.Features.Demo;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Browser;

/// <summary>A bureau worker grants roles by choosing their areas with the cascader, in rows it adds; nobody types a 12-digit code.</summary>
[Trait("Category", BrowserFixture.Category)]
public sealed class AreaPickerJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    /// <summary>Chooses codes level by level in a row's cascader, waiting for each level to load.</summary>
    static async Task Choose(ILocator picker, params string[] codes)
    {
        for (var i = 0; i < codes.Length; i++)
        {
            var select = picker.Locator("select").Nth(i);
            await select.Locator($"option[value='{codes[i]}']").WaitForAsync(new() { State = WaitForSelectorState.Attached });
            await select.SelectOptionAsync(codes[i]);
        }
    }

    [Fact]
    public async Task Roles_are_granted_at_areas_chosen_with_the_cascader_in_rows_added_on_the_page()
    {
        var page = await browser.NewPage();
        await BrowserFixture.SignInAsync(page, "qixingguan");
        await page.GotoAsync("/Admin/Users/Edit");
        var name = "pick." + Guid.NewGuid().ToString("N")[..8];
        await page.FillAsync("#Input_UserName", name);
        await page.FillAsync("#Input_DisplayName", "级联测试");
        await page.FillAsync("#Input_Phone", Numbers.Mobile());
        await page.FillAsync("#Input_Password", "start1234");

        var rows = page.Locator("#role-rows tbody tr.role-row");
        await rows.Nth(0).Locator(".role-select").SelectOptionAsync("StationWorker");
        Assert.Contains("乡镇（街道）", await rows.Nth(0).Locator(".role-levels").InnerTextAsync(), StringComparison.Ordinal);
        await Choose(rows.Nth(0).Locator(".area-picker"), "520502000000", "520502001000");

        await page.ClickAsync("#role-add");
        await rows.Nth(1).Locator(".role-select").SelectOptionAsync("CommunityStaff");
        await Choose(rows.Nth(1).Locator(".area-picker"), "520502000000", "520502001000", "520502001001");
        Assert.Contains("市西街道", await rows.Nth(1).Locator(".chosen").InnerTextAsync(), StringComparison.Ordinal);

        // A volunteer takes the home area: its row offers no cascader.
        await page.ClickAsync("#role-add");
        await rows.Nth(2).Locator(".role-select").SelectOptionAsync("Volunteer");
        Assert.False(await rows.Nth(2).Locator(".area-picker").IsVisibleAsync());
        await browser.Screenshot(page, "user-roles-cascader");

        await page.ClickAsync("#user-submit");
        // The save is done once the redirect reaches the list.
        await page.ArriveAsync(new Regex("/Admin/Users$"));
        var roles = await browser.App.Query(db => db.RoleAssignments
            .Where(a => db.Users.Any(u => u.Id == a.UserId && u.UserName == name)).OrderBy(a => a.Role).Select(a => new { a.Role, a.AreaCode }).ToListAsync());
        Assert.Equal(["StationWorker@520502001000", "CommunityStaff@520502001001", "Volunteer@520502000000"], roles.Select(r => $"{r.Role}@{r.AreaCode}"));
    }
}
