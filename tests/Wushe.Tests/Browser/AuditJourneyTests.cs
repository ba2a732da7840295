using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Wushe.Features.Demo;
using Wushe.Features.Stations;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Browser;

/// <summary>A form clicked twice is recorded once; the audit log reads as names and values, in Chinese and English, at desk and phone width.</summary>
[Trait("Category", BrowserFixture.Category)]
public sealed class AuditJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_supervision_form_clicked_twice_is_recorded_once()
    {
        var station = await browser.App.Query(db => db.Stations.Where(s => s.AreaCode == "520502002000").Select(s => s.Id).SingleAsync());
        var topics = "双击测试" + Guid.NewGuid().ToString("N")[..6];
        var page = await browser.NewPage();
        await BrowserFixture.SignInAsync(page, "qixingguan");
        await page.GotoAsync($"/Stations/Supervisions/Create?stationId={station}");
        await page.FillAsync("#Input_Topics", topics);
        var said = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            said.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        // A double click: the page's guard lets the first submit through and says so to the second.
        await page.DblClickAsync("#supervision-form button[type='submit']");
        await page.ArriveAsync(new Regex("/Stations/Details"));
        // The second click's notice was raised on the form's page; its handler runs on Playwright's side, give it a moment.
        for (var i = 0; said.Count == 0 && i < 50; i++) await Task.Delay(100);
        Assert.Equal(["数据正在处理，请勿重复提交"], said);
        Assert.Equal(1, await browser.App.Query(db => db.Set<Supervision>().CountAsync(s => s.Topics == topics)));
    }

    [Fact]
    public async Task The_audit_log_names_the_station_its_fields_and_values_in_Chinese_and_English_at_desk_and_phone_width()
    {
        // Through the API on the browser's server (the test client of a Kestrel-served app has no server of its own).
        using (var huaibei = new HttpClient { BaseAddress = browser.App.BaseAddress })
        {
            var token = await (await huaibei.PostAsJsonAsync("/api/v1/auth/token", new { login = "huaibei", password = DemoData.Password })).Expect(HttpStatusCode.OK);
            huaibei.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
            var township = await Places.NewTownshipAsync(browser.App, "浏览器审计镇");
            var created = await (await huaibei.PostAsJsonAsync("/api/v1/stations", new { areaCode = township, level = "TownshipStation", name = "浏览器审计站", contactPhone = "13900001111" }))
                .Expect(HttpStatusCode.Created);
            await (await huaibei.PostAsync($"/api/v1/stations/{created.GetProperty("id").GetGuid()}/close", null)).Expect(HttpStatusCode.OK);
        }
        foreach (var (locale, width) in new[] { ("zh-CN", 1440), ("zh-CN", 390), ("en", 1440), ("en", 390) })
        {
            var page = await browser.NewPage(locale);
            await page.SetViewportSizeAsync(width, 900);
            await BrowserFixture.SignInAsync(page, "admin");
            if (locale == "en") await page.GotoAsync("/lang/en?returnUrl=/");
            await page.GotoAsync("/Admin/Audit?entity=Station");
            var table = await page.Locator("#audit").InnerTextAsync();
            if (locale == "en")
            {
                Assert.Contains("Status: Active → Closed", table, StringComparison.Ordinal);
                Assert.Contains("Contact phone: set", table, StringComparison.Ordinal);
            }
            else
            {
                Assert.Contains("状态：正常 → 停用", table, StringComparison.Ordinal);
                Assert.Contains("联系电话：已填写", table, StringComparison.Ordinal);
                Assert.Contains("测试县 浏览器审计镇", table, StringComparison.Ordinal);
            }
            Assert.Contains("浏览器审计站", table, StringComparison.Ordinal);
            Assert.DoesNotContain("13900001111", await page.ContentAsync(), StringComparison.Ordinal);
            // The table scrolls inside its card; it never widens the page.
            var overflow = await page.EvaluateAsync<double>("() => document.querySelector('#audit').closest('.table-responsive').getBoundingClientRect().right");
            Assert.True(overflow <= width, $"the table's box ends at {overflow}px on a {width}px screen");
            await browser.Screenshot(page, $"audit-log-{locale}-{width}");
        }
    }
}
