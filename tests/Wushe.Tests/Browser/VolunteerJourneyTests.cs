using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Wushe.Tests.Browser;

/// <summary>
/// The volunteers' loop in a real browser: a resident registers on the public page on a phone, a station worker publishes an
/// activity with a shift of one place, two volunteers sign up on their phones (one confirmed, one waitlisted), the confirmed one
/// cancels and the waitlisted one is told they moved up.
/// </summary>
[Trait("Category", BrowserFixture.Category)]
public sealed class VolunteerJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    static string NewId(DateOnly birth, int n)
    {
        var first17 = "520502" + birth.ToString("yyyyMMdd") + (100 + n % 800).ToString("000");
        return first17 + Wushe.Platform.Validation.ResidentId.CheckChar(first17);
    }

    [Fact]
    public async Task A_resident_registers_on_a_phone_signs_up_and_moves_up_from_the_waitlist_when_the_other_cancels()
    {
        var run = Random.Shared.Next(1000, 9999);
        var phones = new[] { $"1391{run}{Random.Shared.Next(100, 999)}", $"1392{run}{Random.Shared.Next(100, 999)}" };
        var pages = new List<IPage>();
        for (var i = 0; i < 2; i++)
        {
            var page = await browser.NewPage();
            await page.SetViewportSizeAsync(390, 844);
            await page.GotoAsync("/Volunteers/Join?area=520502001001");
            await page.FillAsync("#Input_Name", i == 0 ? "岳晓青" : "邵明辉");
            await page.FillAsync("#Input_IdNumber", NewId(new DateOnly(1991 + i, 4, 12), run + i));
            await page.FillAsync("#Input_Phone", phones[i]);
            await page.CheckAsync("#skill-Companionship");
            await page.CheckAsync("#time-Weekend");
            await page.FillAsync("#Input_Password", "Volunteer2026");
            await page.CheckAsync("#Input_Consent");
            if (i == 0) await browser.Screenshot(page, "volunteer-join-390");
            await page.ClickAsync("#join-submit");
            try
            {
                // The registration's page is the answer (asked of the page: see PageArrival).
                await page.ArriveAsync(new Regex("/Volunteers/Me"));
            }
            catch (TimeoutException)
            {
                throw new Xunit.Sdk.XunitException("The registration did not save: " + await page.Locator("main").InnerTextAsync());
            }
            Assert.Contains("ZY520502", await page.Locator("#my-number").InnerTextAsync(), StringComparison.Ordinal);
            pages.Add(page);
        }
        await browser.Screenshot(pages[0], "volunteer-me-390");

        // The station worker publishes an activity with one place.
        var staff = await browser.NewPage();
        await staff.SetViewportSizeAsync(1280, 900);
        await BrowserFixture.SignInAsync(staff, "shixi");
        await staff.GotoAsync("/Volunteers/Activities/Publish?area=520502001001");
        var title = $"楼道清洁志愿行动{run}";
        await staff.FillAsync("#Input_Title", title);
        await staff.SelectOptionAsync("#Input_Kind", "Environment");
        await staff.FillAsync("#Input_OrganizerName", "市西街道社工站");
        await staff.FillAsync("#Input_Place", "市西街道第1社区3栋");
        await staff.FillAsync("input[name='Rows[0].Capacity']", "1");
        await browser.Screenshot(staff, "volunteer-activity-publish-1280");
        await staff.ClickAsync("#activity-submit");
        await staff.ArriveAsync(new Regex("/Volunteers/Activities/Details/"));

        // Both sign up on their phones: the first is confirmed, the second waitlisted.
        foreach (var page in pages)
        {
            await page.GotoAsync("/Volunteers/Activities/Browse?near=township");
            var card = page.Locator(".activity-card", new() { HasText = title });
            await card.Locator("button[type=submit]").First.ClickAsync();
            await page.ArriveAsync(new Regex("/Volunteers/Activities/Mine"));
        }
        Assert.Contains("已确认", await pages[0].Locator(".sign-up-card", new() { HasText = title }).InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("候补", await pages[1].Locator(".sign-up-card", new() { HasText = title }).InnerTextAsync(), StringComparison.Ordinal);
        await browser.Screenshot(pages[1], "volunteer-waitlisted-390");

        // The first cancels (confirming in the dialog); the second moved up and is told so.
        await pages[0].Locator(".sign-up-card", new() { HasText = title }).Locator("button[type=submit]").ClickAsync();
        await pages[0].ClickAsync("#confirm-dialog .confirm-ok");
        await pages[0].ArriveAsync(new Regex("/Volunteers/Activities/Mine"));
        await pages[1].ReloadAsync();
        var moved = await pages[1].Locator(".sign-up-card", new() { HasText = title }).InnerTextAsync();
        Assert.Contains("已确认", moved, StringComparison.Ordinal);
        Assert.Contains("由候补转为正式报名", moved, StringComparison.Ordinal);
        await browser.Screenshot(pages[1], "volunteer-promoted-390");

        await staff.ReloadAsync();
        var roster = await staff.Locator("main").InnerTextAsync();
        Assert.Contains("邵明辉", roster, StringComparison.Ordinal);
        Assert.Contains("已取消", roster, StringComparison.Ordinal);
        await browser.Screenshot(staff, "volunteer-activity-roster-1280");
    }
}
