using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Projects;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Tests.Builders;
using Wushe.Tests.Casework;

namespace Wushe.Tests.Projects;

/// <summary>Photos of delivery records: added by who records delivery, under the photos' one rule, read by who reads the project.</summary>
public sealed class ProjectPhotoTests(TestApp app)
{
    sealed record World(CaseworkWorld Care, Guid Organization, HttpClient Worker, HttpClient Head, HttpClient Staff, string StaffName) : IDisposable
    {
        public void Dispose()
        {
            Worker.Dispose();
            Head.Dispose();
            Staff.Dispose();
        }
    }

    async Task<World> WorldAsync()
    {
        var care = await CaseworkWorld.CreateAsync(app);
        var organization = await TestOrganizations.CreateAsync(app, care.Township);
        var staff = await TestUsers.CreateAsync(app, Role.OrganizationStaff, care.Township, organizationId: organization);
        return new World(care, organization, await app.CreateClientAsync(care.Worker.UserName), await app.CreateClientAsync(care.Head.UserName),
            await app.CreateClientAsync(staff.UserName), staff.UserName);
    }

    static async Task<JsonElement> Post(HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await client.PostAsJsonAsync(url, body)).Expect(expected);

    static async Task<JsonElement> Photo(HttpClient client, string url, byte[] bytes, string name, HttpStatusCode expected)
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : name.EndsWith(".pdf", StringComparison.Ordinal) ? "application/pdf" : "image/jpeg");
        content.Add(file, "photo", name);
        return await (await client.PostAsync(url, content)).Expect(expected);
    }

    async Task<(Guid Project, Guid Activity)> RecordedAsync(World w)
    {
        var design = new
        {
            areaCode = w.Care.Township, title = "银龄守护困境老人关爱服务项目", focus = "ElderlyCare", targetGroups = "独居老人", summary = "入户探访与生活照料",
            organizationId = w.Organization, startOn = "2026-01-01", endOn = "2026-12-31", budgetYuan = 10000m,
            funding = new object[] { new { source = "CommunityFund", amountYuan = 10000m } },
            indicators = new object[] { new { name = "入户探访", measure = "Times", kinds = new[] { "HomeVisit" }, target = 10, unit = "次" } },
            needIds = Array.Empty<Guid>(),
        };
        var id = (await Post(w.Worker, "/api/v1/projects", design, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await Post(w.Head, $"/api/v1/projects/{id}/status", new { to = "Approved", note = "同意立项" });
        await Post(w.Staff, $"/api/v1/projects/{id}/status", new { to = "InProgress" });
        var record = await Post(w.Staff, $"/api/v1/projects/{id}/activities", new { kind = "HomeVisit", heldOn = "2026-03-01", title = "入户探访", socialWorkers = 1, residentIds = new[] { w.Care.AdultId } },
            HttpStatusCode.Created);
        return (id, record.GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task The_organization_adds_photos_to_a_record_read_by_who_reads_the_project_even_outside_their_scope_and_audited()
    {
        using var w = await WorldAsync();
        var (project, activity) = await RecordedAsync(w);
        var url = $"/api/v1/projects/{project}/activities/{activity}/photos";
        var added = await Photo(w.Staff, url, TestImages.Jpeg, "探访现场.jpg", HttpStatusCode.Created);
        var fileId = added.GetProperty("id").GetGuid();
        var read = await (await w.Worker.GetAsync($"/api/v1/projects/{project}")).Expect(HttpStatusCode.OK);
        var item = read.GetProperty("activities").GetProperty("items").EnumerateArray().Single(a => a.GetProperty("id").GetGuid() == activity);
        Assert.Equal([fileId], item.GetProperty("photoIds").EnumerateArray().Select(x => x.GetGuid()));
        // Stored in the project's area, as a delivery record's photo.
        var stored = await app.Query(db => db.StoredFiles.IgnoreQueryFilters().Where(f => f.Id == fileId).Select(f => new { f.AreaCode, f.Kind }).SingleAsync());
        Assert.Equal(w.Care.Township, stored.AreaCode);
        Assert.Equal(ProjectActivityPhoto.Kind.Name, stored.Kind);

        // The worker of the scope reads it; so does a staff member of the organization registered in another township (outside their scope
        // by area, inside by organization); the download is audited.
        Assert.Equal(HttpStatusCode.OK, (await w.Worker.GetAsync($"/api/v1/files/{fileId}")).StatusCode);
        var elsewhere = await Places.NewTownshipAsync(app);
        var colleague = await TestUsers.CreateAsync(app, Role.OrganizationStaff, elsewhere, organizationId: w.Organization);
        using (var colleagueClient = await app.CreateClientAsync(colleague.UserName))
        {
            using var download = await colleagueClient.GetAsync($"/api/v1/files/{fileId}");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(Wushe.Platform.Files.ImageMetadata.Strip(TestImages.Jpeg), await download.Content.ReadAsByteArrayAsync());
        }
        Assert.True(await app.Query(db => db.AuditRecords.IgnoreQueryFilters().AnyAsync(a => a.Action == AuditAction.Download && a.EntityKey == fileId.ToString() && a.UserName == colleague.UserName)));

        // Another organization's staff of the same township and another township's worker do not.
        var other = await TestOrganizations.CreateAsync(app, w.Care.Township);
        var otherStaff = await TestUsers.CreateAsync(app, Role.OrganizationStaff, w.Care.Township, organizationId: other);
        using (var otherClient = await app.CreateClientAsync(otherStaff.UserName))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await otherClient.GetAsync($"/api/v1/files/{fileId}")).StatusCode);
            await Photo(otherClient, url, TestImages.Png, "b.png", HttpStatusCode.NotFound);
        }
        var strangers = await CaseworkWorld.CreateAsync(app);
        using (var stranger = await app.CreateClientAsync(strangers.Worker.UserName))
            Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/files/{fileId}")).StatusCode);

        // A community's staff below the township's project do not reach it, nor its photos (as the project: 404); the endpoint is the recorders'.
        var communityStaff = await TestUsers.CreateAsync(app, Role.CommunityStaff, w.Care.Community);
        using (var community = await app.CreateClientAsync(communityStaff.UserName))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await community.GetAsync($"/api/v1/projects/{project}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await community.GetAsync($"/api/v1/files/{fileId}")).StatusCode);
            await Photo(community, url, TestImages.Png, "c.png", HttpStatusCode.Forbidden);
        }
        // The township's bureau above reads it.
        var bureau = await TestUsers.CreateAsync(app, Role.BureauStaff, w.Care.Township[..6] + "000000");
        using (var bureauClient = await app.CreateClientAsync(bureau.UserName))
            Assert.Equal(HttpStatusCode.OK, (await bureauClient.GetAsync($"/api/v1/files/{fileId}")).StatusCode);
    }

    [Fact]
    public async Task Photos_follow_the_one_rule_and_the_project_must_still_be_in_progress()
    {
        using var w = await WorldAsync();
        var (project, activity) = await RecordedAsync(w);
        var url = $"/api/v1/projects/{project}/activities/{activity}/photos";
        var pdf = await Photo(w.Staff, url, "%PDF-1.4 test"u8.ToArray(), "签到表.pdf", HttpStatusCode.BadRequest);
        Assert.Contains("照片请上传 jpg 或 png 格式", pdf.GetProperty("errors").GetProperty("photo")[0].GetString(), StringComparison.Ordinal);
        var fake = await Photo(w.Staff, url, "not a picture at all"u8.ToArray(), "假照片.jpg", HttpStatusCode.BadRequest);
        Assert.True(fake.GetProperty("errors").TryGetProperty("photo", out _));
        using (var empty = new MultipartFormDataContent())
        {
            var none = await (await w.Staff.PostAsync(url, empty)).Expect(HttpStatusCode.BadRequest);
            Assert.True(none.TryGetProperty("errors", out _), none.GetRawText()); // a form with nothing in it: refused in words, never a 500
        }
        for (var i = 0; i < ProjectActivityPhoto.MaxPerRecord; i++) await Photo(w.Worker, url, TestImages.Png, $"现场{i}.png", HttpStatusCode.Created);
        var full = await Photo(w.Staff, url, TestImages.Png, "多一张.png", HttpStatusCode.Conflict);
        Assert.Contains($"最多 {ProjectActivityPhoto.MaxPerRecord} 张照片", full.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(ProjectActivityPhoto.MaxPerRecord, await app.Query(db => db.Set<ProjectActivityPhoto>().IgnoreQueryFilters().CountAsync(p => p.ActivityId == activity)));

        // A record of another project, or none, is not found.
        await Photo(w.Staff, $"/api/v1/projects/{project}/activities/{Guid.NewGuid()}/photos", TestImages.Png, "a.png", HttpStatusCode.NotFound);

        // Once terminated, as recording is, no more photos (in words).
        var (second, secondActivity) = await RecordedAsync(w);
        await Post(w.Worker, $"/api/v1/projects/{second}/status", new { to = "Terminated", note = "实施机构无法继续履约" });
        var late = await Photo(w.Staff, $"/api/v1/projects/{second}/activities/{secondActivity}/photos", TestImages.Png, "a.png", HttpStatusCode.Conflict);
        Assert.Contains("已终止", late.GetProperty("title").GetString(), StringComparison.Ordinal);
        await Photo(w.Staff, $"/api/v1/projects/{project}/activities/{secondActivity}/photos", TestImages.Png, "a.png", HttpStatusCode.NotFound);
        // Every photo added is in the audit log.
        Assert.Equal(ProjectActivityPhoto.MaxPerRecord, await app.Query(db => db.AuditRecords.IgnoreQueryFilters()
            .CountAsync(a => a.Entity == nameof(ProjectActivityPhoto) && a.Action == AuditAction.Create && a.AreaCode == w.Care.Township)));
    }

    [Fact]
    public async Task The_record_form_takes_photos_with_the_record_and_a_bad_one_saves_nothing()
    {
        using var w = await WorldAsync();
        var (project, _) = await RecordedAsync(w);
        using var session = await PageSession.SignInAsync(app, w.StaffName);
        async Task<HttpResponseMessage> Post(string title, params (byte[] Bytes, string Name)[] files)
        {
            var token = await session.TokenAsync($"/Projects/Details?id={project}");
            var content = new MultipartFormDataContent();
            foreach (var (k, v) in new Dictionary<string, string> { ["Record.Kind"] = "HomeVisit", ["Record.HeldOn"] = "2026-03-02", ["Record.Title"] = title,
                ["Record.SocialWorkers"] = "1", ["Record.ResidentIds"] = w.Care.AdultId.ToString(), ["__RequestVerificationToken"] = token })
                content.Add(new StringContent(v), k);
            foreach (var (bytes, name) in files)
            {
                var file = new ByteArrayContent(bytes);
                file.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : "application/pdf");
                content.Add(file, "RecordPhotos", name);
            }
            return await session.Client.PostAsync($"/Projects/Details?id={project}&handler=Record", content);
        }
        var refusedTitle = "带文档的探访" + Guid.NewGuid().ToString("N")[..4];
        using (var refused = await Post(refusedTitle, (TestImages.Png, "a.png"), ("%PDF-1.4 test"u8.ToArray(), "签到表.pdf")))
        {
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Contains("照片请上传 jpg 或 png 格式", html, StringComparison.Ordinal);
            Assert.Contains(refusedTitle, html, StringComparison.Ordinal); // what was typed is still there
        }
        Assert.False(await app.Query(db => db.Set<ProjectActivity>().IgnoreQueryFilters().AnyAsync(a => a.Title == refusedTitle)));

        var title = "带照片的探访" + Guid.NewGuid().ToString("N")[..4];
        using var saved = await Post(title, (TestImages.Png, "现场1.png"), (TestImages.Png, "现场2.png"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var photos = await app.Query(async db =>
        {
            var a = await db.Set<ProjectActivity>().IgnoreQueryFilters().SingleAsync(x => x.Title == title);
            return await db.Set<ProjectActivityPhoto>().IgnoreQueryFilters().Where(p => p.ActivityId == a.Id).Select(p => p.FileId).ToListAsync();
        });
        Assert.Equal(2, photos.Count);
        var page = (await session.GetAsync($"/Projects/Details?id={project}")).Html;
        Assert.Contains($"/files/{photos[0]}", page, StringComparison.Ordinal);
        using var download = await session.Client.GetAsync($"/files/{photos[0]}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
    }

    [Fact]
    public async Task A_wrong_photo_is_removed_with_a_reason_by_who_delivers_and_its_file_is_gone()
    {
        using var w = await WorldAsync();
        var (project, activity) = await RecordedAsync(w);
        var fileId = (await Photo(w.Staff, $"/api/v1/projects/{project}/activities/{activity}/photos", TestImages.Jpeg, "身份证.jpg", HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var url = $"/api/v1/projects/{project}/photos/{fileId}/remove";
        var community = await TestUsers.CreateAsync(app, Role.CommunityStaff, w.Care.Community);
        using var communityClient = await app.CreateClientAsync(community.UserName);
        Assert.Equal(HttpStatusCode.Forbidden, (await communityClient.PostAsJsonAsync(url, new { reason = "拍到了身份证" })).StatusCode);
        var otherOrganization = await TestOrganizations.CreateAsync(app, w.Care.Township);
        var stranger = await TestUsers.CreateAsync(app, Role.OrganizationStaff, w.Care.Township, organizationId: otherOrganization);
        using var strangerClient = await app.CreateClientAsync(stranger.UserName);
        Assert.Equal(HttpStatusCode.NotFound, (await strangerClient.PostAsJsonAsync(url, new { reason = "拍到了身份证" })).StatusCode);
        await Post(w.Staff, url, new { reason = "x" }, HttpStatusCode.BadRequest);
        // Even once the project is completed, a wrong picture goes.
        await Post(w.Worker, $"/api/v1/projects/{project}/status", new { to = "Completed" });
        await Post(w.Staff, url, new { reason = "拍到了身份证" });
        Assert.Equal(HttpStatusCode.NotFound, (await w.Worker.GetAsync($"/api/v1/files/{fileId}")).StatusCode);
        Assert.False(await app.Query(db => db.StoredFiles.IgnoreQueryFilters().AnyAsync(f => f.Id == fileId)));
        // One row: the file, the record it was a photo of, and why (not the file's and the link's rows without the reason).
        var key = fileId.ToString();
        var removal = await app.Query(db => db.AuditRecords.Where(a => a.Action == AuditAction.Delete
            && (a.EntityKey == key || a.Entity == nameof(ProjectActivityPhoto)) && a.AreaCode == w.Care.Township).ToListAsync());
        var row = Assert.Single(removal);
        Assert.Equal("拍到了身份证", row.Reason);
        Assert.Contains("服务记录（2026-03-01）的照片", row.ObjectName, StringComparison.Ordinal);
        await Post(w.Staff, url, new { reason = "拍到了身份证" }, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_page_voids_a_record_with_its_reason_shows_it_struck_out_and_takes_no_photo_for_it()
    {
        using var w = await WorldAsync();
        var (project, activity) = await RecordedAsync(w);
        using var session = await PageSession.SignInAsync(app, w.StaffName);
        var url = $"/Projects/Details?id={project}";
        Assert.Contains("记录有误？作废", (await session.GetAsync(url)).Html, StringComparison.Ordinal);
        using (var empty = await session.PostFormAsync($"{url}&handler=Void", new() { ["ActivityId"] = activity.ToString(), ["Void.Reason"] = "" }, url))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            Assert.Contains("作废原因不能为空", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        using (var done = await session.PostFormAsync($"{url}&handler=Void", new() { ["ActivityId"] = activity.ToString(), ["Void.Reason"] = "服务对象选错" }, url))
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var html = (await session.GetAsync(url)).Html;
        Assert.Contains("作废原因：服务对象选错", html, StringComparison.Ordinal);
        Assert.DoesNotContain("记录有误？作废", html, StringComparison.Ordinal);
        Assert.DoesNotContain("添加照片", html, StringComparison.Ordinal);
        await Photo(w.Staff, $"/api/v1/projects/{project}/activities/{activity}/photos", TestImages.Png, "a.png", HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task The_page_voids_a_survey_with_its_reason_and_shows_it_struck_out_outside_the_rate()
    {
        using var w = await WorldAsync();
        var (project, activity) = await RecordedAsync(w);
        var survey = (await Post(w.Staff, $"/api/v1/projects/{project}/surveys", new { activityId = activity, surveyedOn = "2026-06-01", method = "Paper", verySatisfied = 0, satisfied = 0, neutral = 0, dissatisfied = 1, veryDissatisfied = 0 }, HttpStatusCode.Created)).GetProperty("id").GetGuid();
        using var session = await PageSession.SignInAsync(app, w.StaffName);
        var url = $"/Projects/Details?id={project}";
        var page = (await session.GetAsync(url)).Html;
        Assert.Contains("登记有误？作废", page, StringComparison.Ordinal);
        Assert.Contains("满意度 0%", page, StringComparison.Ordinal);
        using (var empty = await session.PostFormAsync($"{url}&handler=VoidSurvey", new() { ["SurveyId"] = survey.ToString(), ["VoidSurvey.Reason"] = "" }, url))
        {
            Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
            Assert.Contains("作废原因不能为空", await empty.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
        // As the browser posts it: with the form's submission token (the page's save then runs in the guard's transaction).
        using (var done = await session.PostFormAsync($"{url}&handler=VoidSurvey", new() { ["SurveyId"] = survey.ToString(), ["VoidSurvey.Reason"] = "份数录错",
            [Wushe.Platform.Web.FormSubmissions.Field] = Guid.NewGuid().ToString("N") }, url))
            Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var html = (await session.GetAsync(url)).Html;
        Assert.Contains("作废原因：份数录错", html, StringComparison.Ordinal);
        Assert.DoesNotContain("登记有误？作废", html, StringComparison.Ordinal);
        Assert.DoesNotContain("满意度 0%", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_photos_at_once_or_a_photo_under_another_name_are_refused_by_name_and_an_evaluation_opened_gives_its_version()
    {
        using var w = await WorldAsync();
        var (project, activity) = await RecordedAsync(w);
        var url = $"/api/v1/projects/{project}/activities/{activity}/photos";
        MultipartFormDataContent Form(params (string Field, string Name)[] files)
        {
            var content = new MultipartFormDataContent();
            foreach (var (field, name) in files)
            {
                var file = new ByteArrayContent(TestImages.Png);
                file.Headers.ContentType = new MediaTypeHeaderValue("image/png");
                content.Add(file, field, name);
            }
            return content;
        }
        using (var two = Form(("photo", "1.png"), ("photo", "2.png")))
        {
            var refused = await (await w.Staff.PostAsync(url, two)).Expect(HttpStatusCode.BadRequest);
            Assert.Contains("一次上传一张照片", refused.GetProperty("errors").GetProperty("photo")[0].GetString(), StringComparison.Ordinal);
        }
        using (var misnamed = Form(("file", "1.png")))
            await (await w.Staff.PostAsync(url, misnamed)).Expect(HttpStatusCode.BadRequest);
        Assert.False(await app.Query(db => db.Set<ProjectActivityPhoto>().IgnoreQueryFilters().AnyAsync(p => p.ActivityId == activity)));
        using (var one = Form(("photo", "1.png")))
            await (await w.Staff.PostAsync(url, one)).Expect(HttpStatusCode.Created);

        // The evaluation's version comes with its opening: the self-assessment sends it back without reading the project again.
        var opened = await Post(w.Head, $"/api/v1/projects/{project}/evaluations", new { stage = "MidTerm" }, HttpStatusCode.Created);
        var version = opened.GetProperty("version").GetInt32();
        await (await w.Staff.PutAsJsonAsync($"/api/v1/projects/{project}/evaluations/{opened.GetProperty("id").GetGuid()}/self",
            new { scores = new[] { 20, 35, 15, 15, 15 }, comment = "按计划完成中期服务", version })).Expect(HttpStatusCode.OK);
    }
}
