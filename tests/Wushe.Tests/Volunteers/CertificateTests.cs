using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wushe.Data;
using Wushe.Features.Volunteers;
using Wushe.Features.Volunteers.Certificates;
using Wushe.Features.Volunteers.Hours;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Sensitive;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Volunteers;

/// <summary>
/// 志愿服务证明 through the real app, on SQLite and PostgreSQL: issued from final hours only, its PDF read back with pdftotext, the public
/// verification page free of the ID number, revocation, refusals, and the area scope.
/// </summary>
public sealed class CertificateTests(TestApp app)
{
    sealed record World(string Township, string Community, TestStations.Made Station, string Worker, HttpClient Staff, TestVolunteers.Made Volunteer, HttpClient Phone,
        string FullId) : IDisposable
    {
        public void Dispose()
        {
            Staff.Dispose();
            Phone.Dispose();
        }
    }

    static DateOnly Today => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(ChinaTime.Offset).DateTime);

    /// <summary>A township with its station, a station worker, a community and a volunteer living there (with an account).</summary>
    async Task<World> ArrangeAsync()
    {
        var station = await TestStations.CreateAsync(app, name: "测试街道社会工作服务站", contactPhone: "0557-3012345");
        var community = await TestHouseholds.NewCommunityAsync(app, station.AreaCode);
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, station.AreaCode);
        var staff = await app.CreateClientAsync(worker.UserName);
        var volunteer = await TestVolunteers.JoinAsync(app, community, "欧阳志愿");
        var phone = await TestVolunteers.ClientAsync(app, volunteer);
        await using var scope = app.Scope();
        var sealer = scope.ServiceProvider.GetRequiredService<Sealer>();
        var sealedId = await scope.ServiceProvider.GetRequiredService<AppDb>().Set<Volunteer>().IgnoreQueryFilters().AsNoTracking().Where(v => v.Id == volunteer.Id).Select(v => v.IdNumber).SingleAsync();
        return new World(station.AreaCode, community, station, worker.UserName, staff, volunteer, phone, sealer.Open(sealedId));
    }

    /// <summary>An hour record of the volunteer <paramref name="daysAgo"/> days ago, final unless told otherwise.</summary>
    async Task AddHoursAsync(World w, int daysAgo, int minutes, string content = "敬老院陪伴服务", bool final = true)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<AppDb>();
        var day = Today.AddDays(-daysAgo);
        var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(9, 0)), ChinaTime.Offset);
        var record = new HourRecord(w.Community, w.Volunteer.Id, HourRecordKind.Honour, w.Station.Name, content, start, start.AddMinutes(minutes), minutes,
            day, day.AddDays(3), null, "测试记录人", start).Because("测试", "测试");
        if (final) record.Finalize(DateTimeOffset.UtcNow);
        db.Add(record);
        await db.SaveChangesAsync();
    }

    static object Period(int fromDaysAgo, int toDaysAgo = 0) => new { from = Today.AddDays(-fromDaysAgo), to = Today.AddDays(-toDaysAgo) };

    [Fact]
    public async Task A_volunteers_certificate_counts_final_hours_of_the_period_only_and_its_PDF_reads_back_in_Chinese()
    {
        using var w = await ArrangeAsync();
        await AddHoursAsync(w, 10, 150, "社区助老入户探访");
        await AddHoursAsync(w, 40, 90, "垃圾分类宣传");
        await AddHoursAsync(w, 1, 120, final: false); // posted yesterday, final only after the posting period
        await AddHoursAsync(w, 400, 180);              // final, outside the period

        var issued = await (await w.Phone.PostAsJsonAsync("/api/v1/me/volunteer/certificates", Period(60))).Expect(HttpStatusCode.Created);
        var number = issued.GetProperty("number").GetString()!;
        Assert.Matches(@"^ZYFW-\d{4}-\d{6}-[A-Z2-9]{4}$", number);
        Assert.Equal(240, issued.GetProperty("minutes").GetInt32());
        Assert.Equal(w.Station.Name, issued.GetProperty("issuerName").GetString());
        Assert.False(issued.GetProperty("existing").GetBoolean());

        var id = issued.GetProperty("id").GetGuid();
        var pdf = await w.Phone.GetByteArrayAsync($"/api/v1/me/volunteer/certificates/{id}/pdf");
        var text = Pdf.Text(pdf);
        Assert.Contains("志愿服务证明", text);
        Assert.Contains("欧阳志愿", text);
        Assert.Contains(Mask.IdNumber(w.FullId), text);
        Assert.DoesNotContain(w.FullId, text);
        Assert.Contains(w.Volunteer.VolunteerNo, text);
        Assert.Contains("累计服务时长4小时", text);
        Assert.Contains(number, text);
        Assert.Contains("测试街道社会工作服务站", text);
        Assert.Contains("联系方式：0557-3012345", text); // the station's phone: whoever checks the certificate can call
        Assert.Contains("社区助老入户探访", text);
        Assert.Contains("本人线上申请", text);

        // The same request again answers the same certificate; a reprint is the same document (what was printed is kept).
        var again = await (await w.Phone.PostAsJsonAsync("/api/v1/me/volunteer/certificates", Period(60))).Expect(HttpStatusCode.Created);
        Assert.True(again.GetProperty("existing").GetBoolean());
        Assert.Equal(number, again.GetProperty("number").GetString());
        // A double-submit of a new period (three presses at once) issues one certificate: the others are answered with it.
        var pressed = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => w.Phone.PostAsJsonAsync("/api/v1/me/volunteer/certificates", Period(59))));
        var numbers = new List<string>();
        foreach (var p in pressed) numbers.Add((await p.Expect(HttpStatusCode.Created)).GetProperty("number").GetString()!);
        Assert.Single(numbers.Distinct());
        Assert.Equal(1, await app.Query(db => db.Set<VolunteerCertificate>().IgnoreQueryFilters().CountAsync(c => c.Number == numbers[0])));
        Assert.Equal(2, await app.Query(db => db.Set<VolunteerCertificate>().IgnoreQueryFilters().CountAsync(c => c.VolunteerId == w.Volunteer.Id)));
        await AddHoursAsync(w, 20, 60);
        Assert.Contains("累计服务时长4小时", Pdf.Text(await w.Phone.GetByteArrayAsync($"/api/v1/me/volunteer/certificates/{id}/pdf")));

        // Mine lists it; staff of the area download the same PDF; the pages show it.
        var mine = await (await w.Phone.GetAsync("/api/v1/me/volunteer/certificates")).Expect(HttpStatusCode.OK);
        Assert.Contains(number, mine.GetRawText());
        Assert.Contains(number, Pdf.Text(await w.Staff.GetByteArrayAsync($"/api/v1/volunteer-certificates/{id}/pdf")));
        using var volunteerPages = new PageSession(await app.CookieClientAsync(w.Volunteer.Phone, TestVolunteers.Password));
        Assert.Contains(number, (await volunteerPages.GetAsync("/Volunteers/Certificates/Mine")).Html);
        using var pdfPage = await volunteerPages.Client.GetAsync($"/Volunteers/Certificates/Mine?handler=Pdf&id={id}");
        Assert.Contains(number, Pdf.Text(await pdfPage.Content.ReadAsByteArrayAsync()));
        using var staffPages = new PageSession(await app.CookieClientAsync(w.Worker));
        Assert.Contains(number, (await staffPages.GetAsync($"/Volunteers/Certificates?volunteerId={w.Volunteer.Id}")).Html);
        Assert.Contains("出具志愿服务证明", (await staffPages.GetAsync($"/Volunteers/Details/{w.Volunteer.Id}")).Html);

        // Staff issue one from the volunteer's page: a wrong date is named and what was typed stays; then it is issued.
        var issuePage = $"/Volunteers/Certificates/Issue?volunteerId={w.Volunteer.Id}";
        using var bad = await staffPages.PostFormAsync(issuePage, new() { ["Input.From"] = "2026-02-30", ["Input.To"] = Today.ToString("yyyy-MM-dd"), ["Input.Contact"] = "0546-7654321" }, issuePage);
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("0546-7654321", await bad.Content.ReadAsStringAsync());
        using var ok = await staffPages.PostFormAsync(issuePage, new() { ["Input.From"] = Today.AddDays(-100).ToString("yyyy-MM-dd"), ["Input.To"] = Today.ToString("yyyy-MM-dd") }, issuePage);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        var byStaff = await app.Query(db => db.Set<VolunteerCertificate>().IgnoreQueryFilters().SingleAsync(c => c.VolunteerId == w.Volunteer.Id && !c.SelfService));
        Assert.Equal(w.Station.Name, byStaff.IssuerName);
        Assert.Equal(300, byStaff.Minutes);
    }

    [Fact]
    public async Task The_public_verification_shows_validity_name_and_hours_but_no_ID_number_and_a_revoked_one_as_revoked()
    {
        using var w = await ArrangeAsync();
        await AddHoursAsync(w, 5, 210);
        var issued = await (await w.Staff.PostAsJsonAsync("/api/v1/volunteer-certificates",
            new { volunteerId = w.Volunteer.Id, from = Today.AddDays(-30), to = Today, responsiblePerson = "李站长", contact = "0546-1234567" })).Expect(HttpStatusCode.Created);
        var number = issued.GetProperty("number").GetString()!;
        var id = issued.GetProperty("id").GetGuid();
        var text = Pdf.Text(await w.Staff.GetByteArrayAsync($"/api/v1/volunteer-certificates/{id}/pdf"));
        Assert.Contains("李站长", text);
        Assert.Contains("0546-1234567", text);
        Assert.Contains("3.5", text);

        using var anonymous = app.Anonymous();
        var page = await anonymous.GetAsync($"/Volunteers/Certificates/Verify?no={number}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("欧阳志愿", html);
        Assert.Contains("该证明真实有效", html);
        Assert.Contains("3.5 小时", html);
        Assert.Contains(w.Station.Name, html);
        AssertNoPersonalDetails(w, html);

        // Typed in lower case with spaces, through the form.
        using (var visitor = new PageSession(app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true })))
        {
            using var form = await visitor.PostFormAsync("/Volunteers/Certificates/Verify", new() { ["Input.Number"] = " " + number.ToLowerInvariant() + " " }, "/Volunteers/Certificates/Verify");
            var formHtml = await form.Content.ReadAsStringAsync();
            Assert.Contains("该证明真实有效", formHtml);
            AssertNoPersonalDetails(w, formHtml);
        }

        var api = await (await anonymous.GetAsync($"/api/v1/public/volunteer-certificates/{number}")).Expect(HttpStatusCode.OK);
        Assert.Equal("Valid", api.GetProperty("status").GetString());
        Assert.Equal(210, api.GetProperty("minutes").GetInt32());
        AssertNoPersonalDetails(w, api.GetRawText());

        // Revoked by staff with a reason: the page says 已作废; a second revocation is 409; a reason is required.
        await (await w.Staff.PostAsJsonAsync($"/api/v1/volunteer-certificates/{id}/revoke", new { reason = "" })).Expect(HttpStatusCode.BadRequest);
        await (await w.Staff.PostAsJsonAsync($"/api/v1/volunteer-certificates/{id}/revoke", new { reason = "服务期间填写有误" })).Expect(HttpStatusCode.OK);
        await (await w.Staff.PostAsJsonAsync($"/api/v1/volunteer-certificates/{id}/revoke", new { reason = "再次作废" })).Expect(HttpStatusCode.Conflict);
        var revoked = await anonymous.GetStringAsync($"/Volunteers/Certificates/Verify?no={number}");
        Assert.Contains("已作废", revoked);
        Assert.DoesNotContain("该证明真实有效", revoked);
        Assert.Equal("Revoked", (await (await anonymous.GetAsync($"/api/v1/public/volunteer-certificates/{number}")).Expect(HttpStatusCode.OK)).GetProperty("status").GetString());

        // An unknown number: a clear message, not an error page; the API answers 404.
        var unknown = await anonymous.GetAsync("/Volunteers/Certificates/Verify?no=ZYFW-2026-999999-AAAA");
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        Assert.Contains("未找到该证明", await unknown.Content.ReadAsStringAsync());
        var missing = await (await anonymous.GetAsync("/api/v1/public/volunteer-certificates/ZYFW-2026-999999-AAAA")).Expect(HttpStatusCode.NotFound);
        Assert.Contains("未找到该证明", missing.GetRawText());
    }

    static void AssertNoPersonalDetails(World w, string text)
    {
        var masked = Mask.IdNumber(w.FullId);
        Assert.DoesNotContain(w.FullId, text);
        Assert.DoesNotContain(masked, text);
        Assert.DoesNotContain(w.FullId[..4] + "*", text);
        Assert.DoesNotContain("*" + w.FullId[^4..], text);
        Assert.DoesNotContain(w.Volunteer.Phone, text);
        Assert.DoesNotContain(w.Volunteer.VolunteerNo, text);
    }

    [Fact]
    public async Task A_period_without_final_hours_is_refused_and_bad_periods_name_their_field()
    {
        using var w = await ArrangeAsync();
        await AddHoursAsync(w, 2, 120, final: false);
        var refused = await (await w.Phone.PostAsJsonAsync("/api/v1/me/volunteer/certificates", Period(30))).Expect(HttpStatusCode.Conflict);
        Assert.Contains("没有已生效的志愿服务记录", refused.GetRawText());
        await (await w.Staff.PostAsJsonAsync("/api/v1/volunteer-certificates", new { volunteerId = w.Volunteer.Id, from = Today.AddDays(-30), to = Today }))
            .Expect(HttpStatusCode.Conflict);

        var future = await (await w.Phone.PostAsJsonAsync("/api/v1/me/volunteer/certificates", new { from = Today, to = Today.AddDays(1) })).Expect(HttpStatusCode.BadRequest);
        Assert.True(future.GetProperty("errors").TryGetProperty("to", out _));
        var backwards = await (await w.Phone.PostAsJsonAsync("/api/v1/me/volunteer/certificates", new { from = Today, to = Today.AddDays(-1) })).Expect(HttpStatusCode.BadRequest);
        Assert.True(backwards.GetProperty("errors").TryGetProperty("from", out _));
        var tooLong = await (await w.Phone.PostAsJsonAsync("/api/v1/me/volunteer/certificates", new { from = Today.AddYears(-6), to = Today })).Expect(HttpStatusCode.BadRequest);
        Assert.True(tooLong.GetProperty("errors").TryGetProperty("from", out _));
        await (await w.Phone.PostAsJsonAsync("/api/v1/me/volunteer/certificates", new { })).Expect(HttpStatusCode.BadRequest);

        // The page shows the refusal in words and keeps what was typed.
        using var pages = new PageSession(await app.CookieClientAsync(w.Volunteer.Phone, TestVolunteers.Password));
        var from = Today.AddDays(-30).ToString("yyyy-MM-dd");
        using var refusedPage = await pages.PostFormAsync("/Volunteers/Certificates/Mine", new() { ["Input.From"] = from, ["Input.To"] = Today.ToString("yyyy-MM-dd") }, "/Volunteers/Certificates/Mine");
        Assert.Equal(HttpStatusCode.OK, refusedPage.StatusCode);
        var html = await refusedPage.Content.ReadAsStringAsync();
        Assert.Contains("没有已生效的志愿服务记录", html);
        Assert.Contains(from, html);
        Assert.Equal(0, await app.Query(db => db.Set<VolunteerCertificate>().IgnoreQueryFilters().CountAsync(c => c.VolunteerId == w.Volunteer.Id)));
    }

    [Fact]
    public async Task Another_areas_volunteer_and_certificate_are_404_and_a_volunteer_reads_only_their_own()
    {
        using var w = await ArrangeAsync();
        await AddHoursAsync(w, 5, 120);
        var id = (await (await w.Phone.PostAsJsonAsync("/api/v1/me/volunteer/certificates", Period(30))).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();

        var elsewhere = await TestUsers.CreateAsync(app, Role.StationWorker, await Places.NewTownshipAsync(app));
        using var other = await app.CreateClientAsync(elsewhere.UserName);
        await (await other.PostAsJsonAsync("/api/v1/volunteer-certificates", new { volunteerId = w.Volunteer.Id, from = Today.AddDays(-30), to = Today }))
            .Expect(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/api/v1/volunteer-certificates/{id}")).Expect(HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/volunteer-certificates/{id}/pdf")).StatusCode);
        await (await other.PostAsJsonAsync($"/api/v1/volunteer-certificates/{id}/revoke", new { reason = "不在辖区" })).Expect(HttpStatusCode.NotFound);
        using var otherPages = new PageSession(await app.CookieClientAsync(elsewhere.UserName));
        Assert.Equal(HttpStatusCode.NotFound, (await otherPages.GetAsync($"/Volunteers/Certificates/Issue?volunteerId={w.Volunteer.Id}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await otherPages.GetAsync($"/Volunteers/Certificates?handler=Pdf&id={id}")).Status);
        var list = await (await other.GetAsync("/api/v1/volunteer-certificates")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(id.ToString(), list.GetRawText());

        // Another volunteer cannot download it; the staff of the area can read it.
        var stranger = await TestVolunteers.JoinAsync(app, w.Community, "另一位志愿者");
        using var strangerPhone = await TestVolunteers.ClientAsync(app, stranger);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerPhone.GetAsync($"/api/v1/me/volunteer/certificates/{id}/pdf")).StatusCode);
        var detail = await (await w.Staff.GetAsync($"/api/v1/volunteer-certificates/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(Mask.IdNumber(w.FullId), detail.GetProperty("printed").GetProperty("maskedIdNumber").GetString());
        Assert.DoesNotContain(w.FullId, detail.GetRawText());
    }

    [Fact]
    public void The_service_summary_names_the_services_and_organizers_by_hours()
    {
        var lines = new List<CertificateServiceLine>
        {
            new(new DateOnly(2026, 3, 1), "敬老院陪伴", "社工站", 120),
            new(new DateOnly(2026, 3, 8), "敬老院陪伴", "社工站", 60),
            new(new DateOnly(2026, 4, 1), "垃圾分类宣传", "社区居委会", 90),
        };
        var summary = IssueCertificate.Summary(lines);
        Assert.Contains("3 次", summary);
        Assert.Contains("敬老院陪伴、垃圾分类宣传", summary);
        Assert.Contains("社工站、社区居委会", summary);
    }
}
