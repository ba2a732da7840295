using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Wushe.Data;
using Wushe.Features.Volunteers;
using Wushe.Features.Volunteers.Activities;
using Wushe.Features.Volunteers.Hours;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Sensitive;
using Wushe.Tests.Builders;
using Microsoft.Extensions.Time.Testing;

namespace Wushe.Tests.Browser;

/// <summary>
/// A volunteer's service in a real browser, from the shift to the certificate: the station worker's screen shows the rotating
/// six-digit code, the volunteer types it on their phone to check in and again (the next minute's) to check out, the hours are
/// posted and shown, become final after the posting period, the volunteer requests a certificate for the period and anyone
/// verifies it by its number without signing in — the name and hours, never the ID number.
/// The clock is the edge of the world here: the shift is moved in the database to have begun (then ended) around now.
/// </summary>
[Trait("Category", BrowserFixture.Category)]
public sealed class VolunteerServiceJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    const string Community = "520502001001";

    async Task MoveShiftAsync(Guid shift, DateTimeOffset start, DateTimeOffset end) => await browser.App.Query(db => db.Set<Shift>().IgnoreQueryFilters()
        .Where(s => s.Id == shift).ExecuteUpdateAsync(s => s.SetProperty(x => x.StartsAt, start).SetProperty(x => x.EndsAt, end)));

    static async Task<string> TypeCodeAsync(IPage phone, string code)
    {
        await phone.GotoAsync("/Volunteers/Hours/CheckIn");
        await phone.FillAsync("#Scan_Code", code);
        await phone.ClickAsync("#check-in-submit");
        try
        {
            await phone.Locator("#check-in-result").WaitForAsync(new() { Timeout = 15_000 });
        }
        catch (TimeoutException)
        {
            throw new Xunit.Sdk.XunitException($"Code {code} was not taken: " + await phone.Locator("main").InnerTextAsync());
        }
        return await phone.Locator("#check-in-result").InnerTextAsync();
    }

    [Fact]
    public async Task A_volunteer_checks_in_and_out_by_the_screens_code_sees_the_hours_and_gets_a_certificate_anyone_can_verify()
    {
        var app = browser.App;
        var volunteer = await TestVolunteers.JoinAsync(app, Community, "隋晓岚");
        string fullId;
        await using (var scope = app.Scope())
        {
            var sealedId = await scope.ServiceProvider.GetRequiredService<AppDb>().Set<Volunteer>().IgnoreQueryFilters().AsNoTracking()
                .Where(v => v.Id == volunteer.Id).Select(v => v.IdNumber).SingleAsync();
            fullId = scope.ServiceProvider.GetRequiredService<Sealer>().Open(sealedId);
        }

        // The station publishes an activity with one shift (through the API; the publishing form has its own journey).
        using var station = await app.CreateClientAsync("shixi");
        var run = Random.Shared.Next(1000, 9999);
        var title = $"社区助老陪伴服务{run}";
        var start = new DateTimeOffset(DateTimeOffset.UtcNow.ToOffset(ChinaTime.Offset).Date.AddDays(2).AddHours(9), ChinaTime.Offset);
        var published = await (await station.PostAsJsonAsync("/api/v1/volunteer-activities", new
        {
            areaCode = Community, title, kind = "ElderlyAndDisabled", targetGroup = "高龄独居老人", place = "市西街道第1社区日间照料中心",
            organizerName = "市西街道社工站", cutoffHours = 0,
            shifts = new[] { new { name = "上午班", startsAt = start, endsAt = start.AddHours(2), capacity = 10 } },
        })).Expect(HttpStatusCode.Created);
        var shift = published.GetProperty("shifts")[0].GetGuid();

        // The volunteer signs up on their phone.
        var phone = await browser.NewPage();
        await phone.SetViewportSizeAsync(390, 844);
        await BrowserFixture.SignInAsync(phone, volunteer.Phone, TestVolunteers.Password);
        await phone.GotoAsync("/Volunteers/Activities/Browse?near=township");
        await phone.Locator(".activity-card", new() { HasText = title }).Locator("button[type=submit]").First.ClickAsync();
        await phone.ArriveAsync(new Regex("/Volunteers/Activities/Mine"));
        Assert.Contains("已确认", await phone.Locator(".sign-up-card", new() { HasText = title }).InnerTextAsync(), StringComparison.Ordinal);

        // The shift begins: the station worker opens the code screen; the volunteer types its six digits.
        var now = DateTimeOffset.UtcNow;
        await MoveShiftAsync(shift, now.AddMinutes(-5), now.AddMinutes(115));
        var staff = await browser.NewPage();
        await staff.SetViewportSizeAsync(1280, 900);
        await BrowserFixture.SignInAsync(staff, "shixi");
        await staff.GotoAsync($"/Volunteers/Hours/Code/{shift}");
        var code = (await staff.Locator("#check-in-code").InnerTextAsync()).Trim();
        Assert.Matches(@"^\d{6}$", code);
        Assert.Equal(1, await staff.Locator("#check-in-qr svg").CountAsync());
        await browser.Screenshot(staff, "volunteer-check-in-code-1280");

        // A wrong code is refused with the reason, what was typed stays; the screen's code checks in.
        await phone.GotoAsync("/Volunteers/Hours/CheckIn");
        await phone.FillAsync("#Scan_Code", code == "000000" ? "111111" : "000000");
        await phone.ClickAsync("#check-in-submit");
        await phone.Locator(".is-invalid, .alert-danger").First.WaitForAsync();
        Assert.Equal(0, await phone.Locator("#check-in-result").CountAsync());
        var checkedIn = await TypeCodeAsync(phone, code);
        Assert.Contains("签到成功", checkedIn, StringComparison.Ordinal);
        Assert.Contains(title, checkedIn, StringComparison.Ordinal);
        await browser.Screenshot(phone, "volunteer-checked-in-390");
        await staff.ReloadAsync();
        Assert.Contains("已签到 1 人", await staff.Locator("#check-in-counts").InnerTextAsync(), StringComparison.Ordinal);

        // The shift is over (moved to have run two hours from when they arrived); the next code checks out and posts 2 hours.
        now = DateTimeOffset.UtcNow;
        await MoveShiftAsync(shift, now.AddMinutes(-130), now.AddMinutes(-10));
        await app.Query(db => db.Set<SignUp>().IgnoreQueryFilters().Where(s => s.ShiftId == shift && s.VolunteerId == volunteer.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.CheckedInAt, now.AddMinutes(-130)).SetProperty(x => x.CheckInMinute, CheckInCodes.UnixMinute(now.AddMinutes(-130)))));
        // The screen's code now (the one used to check in does not check out).
        await staff.ReloadAsync();
        var outCode = (await staff.Locator("#check-in-code").InnerTextAsync()).Trim();
        var checkedOut = await TypeCodeAsync(phone, outCode);
        Assert.Contains("签退成功", checkedOut, StringComparison.Ordinal);
        Assert.Contains("本次记录 2 小时", checkedOut, StringComparison.Ordinal);
        await browser.Screenshot(phone, "volunteer-checked-out-390");

        await phone.GotoAsync("/Volunteers/Hours/Mine");
        var mine = await phone.Locator("main").InnerTextAsync();
        Assert.Contains(title, mine, StringComparison.Ordinal);
        Assert.Contains("公示中", mine, StringComparison.Ordinal);
        await browser.Screenshot(phone, "volunteer-my-hours-390");

        // After the posting period the record is final; the volunteer requests a certificate for the last month.
        await using (var scope = app.Scope(CurrentUser.System))
            await FinalizeHours.RunAsync(scope.ServiceProvider.GetRequiredService<AppDb>(), new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(10)));
        var today = ChinaTime.Today(TimeProvider.System);
        await phone.GotoAsync("/Volunteers/Certificates/Mine");
        Assert.Equal(1, await phone.Locator("#no-certificates").CountAsync());
        await phone.FillAsync("#Input_From", today.AddDays(-30).ToString("yyyy-MM-dd"));
        await phone.FillAsync("#Input_To", today.ToString("yyyy-MM-dd"));
        await phone.ClickAsync("#certificate-submit");
        var card = phone.Locator(".certificate-card").First;
        await card.WaitForAsync();
        var cardText = await card.InnerTextAsync();
        Assert.Contains("2 小时", cardText, StringComparison.Ordinal);
        var number = Regex.Match(cardText, @"ZYFW-\d{4}-\d{6}-[A-Z2-9]{4}").Value;
        Assert.NotEmpty(number);
        await browser.Screenshot(phone, "volunteer-certificate-mine-390");

        // Anyone verifies it without signing in: valid, the name and the hours, no ID number.
        var anyone = await browser.NewPage();
        await anyone.SetViewportSizeAsync(390, 844);
        await anyone.GotoAsync("/Volunteers/Certificates/Verify");
        await anyone.FillAsync("#Input_Number", number.ToLowerInvariant());
        await anyone.ClickAsync("#verify-submit");
        await anyone.Locator("#verified").WaitForAsync();
        Assert.Contains("有效", await anyone.Locator("#verified-status").InnerTextAsync(), StringComparison.Ordinal);
        var verified = await anyone.Locator("main").InnerTextAsync();
        Assert.Contains("隋晓岚", verified, StringComparison.Ordinal);
        Assert.Contains("2", verified, StringComparison.Ordinal);
        Assert.DoesNotContain(fullId, verified, StringComparison.Ordinal);
        Assert.DoesNotContain(fullId[^4..], verified, StringComparison.Ordinal);
        Assert.DoesNotContain(volunteer.Phone, verified, StringComparison.Ordinal);
        await browser.Screenshot(anyone, "volunteer-certificate-verified-390");
    }
}
