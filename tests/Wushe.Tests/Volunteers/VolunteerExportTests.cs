using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Wushe.Features.Volunteers;
using Wushe.Features.Volunteers.Activities;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Platform.Export;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Volunteers;

/// <summary>导出 of the volunteer register and the activity list: the search followed, phones masked, no ID numbers, audited; page and API alike.</summary>
public sealed class VolunteerExportTests(TestApp app)
{
    static List<IDictionary<string, object?>> Rows(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        return stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
    }

    [Fact]
    public async Task The_register_exports_what_the_search_finds_with_phones_masked_and_no_id_numbers_and_the_export_is_audited()
    {
        var community = await TestHouseholds.NewCommunityAsync(app);
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, community[..9] + "000");
        var found = await TestVolunteers.JoinAsync(app, community, "导出甲");
        var other = await TestVolunteers.JoinAsync(app, community, "另一位");
        using var api = await app.CreateClientAsync(worker.UserName);

        using var response = await api.GetAsync($"/api/v1/volunteers/export?area={community}&keyword=导出甲");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Spreadsheet.XlsxContentType, response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var row = Assert.Single(Rows(bytes));
        Assert.Equal("导出甲", row["姓名"]);
        Assert.Equal(found.VolunteerNo, row["志愿者编号"]);
        var phone = Assert.IsType<string>(row["手机号码"]);
        Assert.NotEqual(found.Phone, phone);
        Assert.Contains("*", phone, StringComparison.Ordinal);
        Assert.DoesNotContain(row.Keys, k => k.Contains("身份证", StringComparison.Ordinal));
        Assert.DoesNotContain(other.VolunteerNo, string.Join("|", row.Values));

        // The page's export is the same file's rows.
        var page = await (await app.CookieClientAsync(worker.UserName)).GetByteArrayAsync($"/Volunteers?handler=Export&area={community}&keyword=导出甲");
        Assert.Equal(Rows(bytes).Select(r => string.Join("|", r.Values)), Rows(page).Select(r => string.Join("|", r.Values)));

        var audits = await app.Query(db => db.AuditRecords.AsNoTracking()
            .Where(a => a.Action == AuditAction.Export && a.Entity == nameof(Volunteer) && a.AreaCode == community).ToListAsync());
        Assert.Equal(2, audits.Count);
        Assert.All(audits, a => Assert.Contains("导出甲", a.Fields, StringComparison.Ordinal));
        Assert.All(audits, a => Assert.StartsWith("rows=1", a.Fields, StringComparison.Ordinal));

        // Outside the scope: 404, nothing exported.
        using var outside = await api.GetAsync($"/api/v1/volunteers/export?area={await TestHouseholds.NewCommunityAsync(app)}");
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
    }

    [Fact]
    public async Task The_activity_list_exports_what_the_search_finds_with_its_places_and_the_export_is_audited()
    {
        var community = await TestHouseholds.NewCommunityAsync(app);
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, community[..9] + "000");
        using var api = await app.CreateClientAsync(worker.UserName);
        var start = DateTimeOffset.UtcNow.AddDays(5);
        foreach (var title in new[] { "=HYPERLINK(\"x\")助老导出活动", "环境整治" })
            await (await api.PostAsJsonAsync("/api/v1/volunteer-activities", new
            {
                areaCode = community, title, kind = "CommunityService", place = "社区广场", organizerName = "社工站",
                shifts = new[] { new { name = "上午", startsAt = start, endsAt = start.AddHours(2), capacity = 4 } },
            })).Expect(HttpStatusCode.Created);

        using var response = await api.GetAsync($"/api/v1/volunteer-activities/export?area={community}&keyword=助老导出");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var row = Assert.Single(Rows(bytes));
        Assert.Equal("'=HYPERLINK(\"x\")助老导出活动", row["活动名称"]); // text, never read as a formula
        Assert.Equal(4, Convert.ToInt32(row["名额"], System.Globalization.CultureInfo.InvariantCulture));

        var page = await (await app.CookieClientAsync(worker.UserName)).GetByteArrayAsync($"/Volunteers/Activities?handler=Export&area={community}&keyword=助老导出");
        Assert.Equal(Rows(bytes).Select(r => string.Join("|", r.Values)), Rows(page).Select(r => string.Join("|", r.Values)));
        var audits = await app.Query(db => db.AuditRecords.AsNoTracking()
            .Where(a => a.Action == AuditAction.Export && a.Entity == nameof(Activity) && a.AreaCode == community).ToListAsync());
        Assert.Equal(2, audits.Count);
        Assert.All(audits, a => Assert.Contains("助老导出", a.Fields, StringComparison.Ordinal));
    }
}
