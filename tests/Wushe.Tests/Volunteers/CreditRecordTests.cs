using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wushe.Data;
using Wushe.Features.Volunteers.Hours;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Volunteers;

/// <summary>The personal credit record (issue 9): hours, stars, points and milestones over the years, read from the records; in scope only.</summary>
public sealed class CreditRecordTests(TestApp app)
{
    /// <summary>Final honour records served on <paramref name="days"/> (one each of <paramref name="minutes"/>), finalized in that order.</summary>
    async Task FinalAsync(Guid volunteerId, string community, int minutes, params DateOnly[] days)
    {
        await using var scope = app.Scope(CurrentUser.System);
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var today = ChinaTime.Today(TimeProvider.System);
        foreach (var day in days)
        {
            var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), ChinaTime.Offset).ToUniversalTime();
            var r = new HourRecord(community, volunteerId, HourRecordKind.Honour, "测试组织", "测试服务", start, start.AddMinutes(minutes), minutes, day, today.AddDays(-1),
                null, "测试", DateTimeOffset.UtcNow);
            db.Add(r);
            await db.SaveChangesAsync();
            await FinalizeHours.FinalizeAsync(db, [r], DateTimeOffset.UtcNow, CancellationToken.None);
        }
    }

    [Fact]
    public async Task The_record_gives_each_year_its_final_hours_and_points_and_the_day_a_star_was_reached()
    {
        var community = await TestHouseholds.NewCommunityAsync(app);
        var v = await TestVolunteers.JoinAsync(app, community, "信用记录");
        var thisYear = ChinaTime.Today(TimeProvider.System).Year;
        // 13 × 8 h = 104 h: the national ★1 (100 h) is crossed by the 13th record.
        await FinalAsync(v.Id, community, 480, [.. Enumerable.Range(0, 6).Select(i => new DateOnly(thisYear - 1, 3, 1 + i))]);
        await FinalAsync(v.Id, community, 480, [.. Enumerable.Range(0, 7).Select(i => new DateOnly(thisYear, 1, 5 + i))]);
        using var volunteer = await TestVolunteers.ClientAsync(app, v);
        var mine = await (await volunteer.GetAsync("/api/v1/me/volunteer/credit")).Expect(HttpStatusCode.OK);
        Assert.Equal(104 * 60, mine.GetProperty("finalMinutes").GetInt32());
        Assert.Equal(1, mine.GetProperty("stars").GetProperty("stars").GetInt32());
        var years = mine.GetProperty("years").EnumerateArray().ToDictionary(y => y.GetProperty("year").GetInt32());
        Assert.Equal((48 * 60, 6, 48 * 60, 0), (years[thisYear - 1].GetProperty("finalMinutes").GetInt32(), years[thisYear - 1].GetProperty("records").GetInt32(),
            years[thisYear - 1].GetProperty("honourMinutes").GetInt32(), years[thisYear - 1].GetProperty("starsAtEnd").GetInt32()));
        Assert.Equal((56 * 60, 1), (years[thisYear].GetProperty("finalMinutes").GetInt32(), years[thisYear].GetProperty("starsAtEnd").GetInt32()));
        // Points follow the final hours (1 an hour, national): all earned when they became final, this year.
        Assert.Equal(104, years[thisYear].GetProperty("pointsEarned").GetInt32());
        Assert.Equal(104, mine.GetProperty("pointsBalance").GetInt32());
        var titles = mine.GetProperty("milestones").EnumerateArray().Select(m => m.GetProperty("title").GetString()).ToList();
        Assert.Contains("评定为1星志愿者", titles);
        Assert.Contains("首次志愿服务", titles);
        Assert.Contains("实名登记为志愿者", titles);
        Assert.DoesNotContain("评定为2星志愿者", titles);
        // The star is dated by the day served, as the year lines are (the 13th record, 11 January) — not the day the records became final.
        var star = mine.GetProperty("milestones").EnumerateArray().Single(m => m.GetProperty("title").GetString() == "评定为1星志愿者");
        Assert.Equal(new DateOnly(thisYear, 1, 11), DateOnly.Parse(star.GetProperty("on").GetString()!));

        // Staff of the township read it; another county's staff read 404, and so does the page.
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, community[..9] + "000");
        using var staff = await app.CreateClientAsync(worker.UserName);
        var read = await (await staff.GetAsync($"/api/v1/volunteer-hours/credit/{v.Id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(v.VolunteerNo, read.GetProperty("volunteerNo").GetString());
        var other = await TestUsers.CreateAsync(app, Role.StationWorker, "520526001000");
        using var outsider = await app.CreateClientAsync(other.UserName);
        await (await outsider.GetAsync($"/api/v1/volunteer-hours/credit/{v.Id}")).Expect(HttpStatusCode.NotFound);
        using var outsiderPages = await app.CookieClientAsync(other.UserName);
        Assert.Equal(HttpStatusCode.NotFound, (await outsiderPages.GetAsync($"/Volunteers/Hours/Credit/{v.Id}")).StatusCode);
        using var staffPages = await app.CookieClientAsync(worker.UserName);
        var page = await (await staffPages.GetAsync($"/Volunteers/Hours/Credit/{v.Id}")).Content.ReadAsStringAsync();
        Assert.Contains("评定为1星志愿者", page);
    }
}
