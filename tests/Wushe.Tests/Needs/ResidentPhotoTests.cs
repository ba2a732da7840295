using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Needs;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Needs;

/// <summary>Residents send up to two photos with their report, on the page and through the API; a bad one saves nothing.</summary>
public sealed class ResidentPhotoTests(TestApp app)
{
    static Dictionary<string, string> Fields(string community, string title, string phone, string prefix = "") => new()
    {
        [prefix + "areaCode"] = community, [prefix + "category"] = "Safety", [prefix + "urgency"] = "Normal", [prefix + "title"] = title,
        [prefix + "description"] = "楼道灯坏了一个月，晚上看不见台阶。", [prefix + "name"] = "林阿姨", [prefix + "phone"] = phone, [prefix + "consent"] = "true",
    };

    static MultipartFormDataContent Form(Dictionary<string, string> fields, string fileField, params (byte[] Bytes, string Name)[] files)
    {
        var content = new MultipartFormDataContent();
        foreach (var (k, v) in fields) content.Add(new StringContent(v), k);
        foreach (var (bytes, name) in files)
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(name.EndsWith(".png", StringComparison.Ordinal) ? "image/png" : name.EndsWith(".jpg", StringComparison.Ordinal) ? "image/jpeg" : "application/pdf");
            content.Add(file, fileField, name);
        }
        return content;
    }

    [Fact]
    public async Task The_API_takes_two_photos_with_the_report_stored_in_the_community_and_a_third_or_a_bad_one_saves_nothing()
    {
        var community = await TestHouseholds.NewCommunityAsync(app);
        using var anonymous = app.Anonymous();
        var phone = Numbers.Mobile();

        var threeTitle = "三张照片的反映" + Guid.NewGuid().ToString("N")[..4];
        using (var three = Form(Fields(community, threeTitle, phone), "photos", (TestImages.Png, "1.png"), (TestImages.Png, "2.png"), (TestImages.Jpeg, "3.jpg")))
        {
            var refused = await (await anonymous.PostAsync("/api/v1/public/needs/with-photos", three)).Expect(HttpStatusCode.BadRequest);
            Assert.Contains($"最多上传 {ReportNeed.MaxPhotos} 张照片", refused.GetProperty("errors").GetProperty("photos")[0].GetString(), StringComparison.Ordinal);
        }
        var badTitle = "附带文档的反映" + Guid.NewGuid().ToString("N")[..4];
        using (var bad = Form(Fields(community, badTitle, phone), "photos", (TestImages.Png, "1.png"), ("%PDF-1.4 test"u8.ToArray(), "证明.pdf")))
        {
            var refused = await (await anonymous.PostAsync("/api/v1/public/needs/with-photos", bad)).Expect(HttpStatusCode.BadRequest);
            Assert.Contains("照片请上传 jpg 或 png 格式", refused.GetProperty("errors").GetProperty("photos")[0].GetString(), StringComparison.Ordinal);
        }
        // A photo under another name than the documented one is refused by name, not taken.
        var misnamedTitle = "字段名不对的反映" + Guid.NewGuid().ToString("N")[..4];
        using (var misnamed = Form(Fields(community, misnamedTitle, phone), "photo", (TestImages.Png, "1.png")))
        {
            var refused = await (await anonymous.PostAsync("/api/v1/public/needs/with-photos", misnamed)).Expect(HttpStatusCode.BadRequest);
            Assert.Contains("表单字段 photos", refused.GetProperty("errors").GetProperty("photos")[0].GetString(), StringComparison.Ordinal);
        }
        // A small file claiming a huge picture: refused by its header. With the form wrong, the photos are not read at all (the
        // costly decode is spent only on a report that would be saved): the errors name the fields, not the photos.
        var hugeTitle = "超大图片的反映" + Guid.NewGuid().ToString("N")[..4];
        using (var huge = Form(Fields(community, hugeTitle, phone), "photos", (TestImages.HugePng(9000, 9000), "大图.png")))
        {
            var refused = await (await anonymous.PostAsync("/api/v1/public/needs/with-photos", huge)).Expect(HttpStatusCode.BadRequest);
            Assert.Contains("尺寸过大", refused.GetProperty("errors").GetProperty("photos")[0].GetString(), StringComparison.Ordinal);
        }
        using (var careless = Form(new() { ["areaCode"] = community, ["title"] = "x" }, "photos", (TestImages.HugePng(9000, 9000), "大图.png")))
        {
            var refused = await (await anonymous.PostAsync("/api/v1/public/needs/with-photos", careless)).Expect(HttpStatusCode.BadRequest);
            Assert.True(refused.GetProperty("errors").TryGetProperty("phone", out _));
            Assert.False(refused.GetProperty("errors").TryGetProperty("photos", out _));
        }
        Assert.False(await app.Query(db => db.Set<Need>().IgnoreQueryFilters().AnyAsync(n => n.Title == threeTitle || n.Title == badTitle || n.Title == misnamedTitle || n.Title == hugeTitle)));
        Assert.False(await app.Query(db => db.StoredFiles.IgnoreQueryFilters().AnyAsync(f => f.AreaCode == community)));

        var title = "楼道灯坏了" + Guid.NewGuid().ToString("N")[..4];
        using var good = Form(Fields(community, title, phone), "photos", (TestImages.Png, "楼道.png"), (TestImages.Jpeg, "台阶.jpg"));
        var reported = await (await anonymous.PostAsync("/api/v1/public/needs/with-photos", good)).Expect(HttpStatusCode.Created);
        var id = reported.GetProperty("id").GetGuid();
        var files = await app.Query(async db =>
        {
            var ids = await db.Set<NeedPhoto>().IgnoreQueryFilters().Where(p => p.NeedId == id).Select(p => p.FileId).ToListAsync();
            return await db.StoredFiles.IgnoreQueryFilters().Where(f => ids.Contains(f.Id)).Select(f => new { f.Id, f.AreaCode, f.UploadedBy, f.Kind }).ToListAsync();
        });
        Assert.Equal(2, files.Count);
        Assert.All(files, f => Assert.Equal(community, f.AreaCode));
        Assert.All(files, f => Assert.Null(f.UploadedBy));
        Assert.All(files, f => Assert.Equal(NeedPhoto.Kind.Name, f.Kind));

        // The community's staff see them on the need and read them.
        var staff = await TestUsers.CreateAsync(app, Role.CommunityStaff, community);
        using var client = await app.CreateClientAsync(staff.UserName);
        var need = await (await client.GetAsync($"/api/v1/needs/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, need.GetProperty("photoIds").GetArrayLength());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/v1/files/{files[0].Id}")).StatusCode);
        // A photo showing what it must not is removed with a reason: the file is gone, the reason audited.
        var remove = $"/api/v1/needs/{id}/photos/{files[0].Id}/remove";
        var noReason = await (await client.PostAsJsonAsync(remove, new { reason = "" })).Expect(HttpStatusCode.BadRequest);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));
        await (await client.PostAsJsonAsync($"/api/v1/needs/{id}/photos/{Guid.NewGuid()}/remove", new { reason = "拍到了身份证" })).Expect(HttpStatusCode.NotFound);
        await (await client.PostAsJsonAsync(remove, new { reason = "拍到了身份证" })).Expect(HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/v1/files/{files[0].Id}")).StatusCode);
        Assert.Equal(1, (await (await client.GetAsync($"/api/v1/needs/{id}")).Expect(HttpStatusCode.OK)).GetProperty("photoIds").GetArrayLength());
        var removal = Assert.Single(await app.Query(db => db.AuditRecords.Where(a => a.Action == Wushe.Platform.Audit.AuditAction.Delete
            && (a.EntityKey == files[0].Id.ToString() || a.Entity == nameof(NeedPhoto) && a.AreaCode == community)).ToListAsync()));
        Assert.Equal("拍到了身份证", removal.Reason);
        Assert.EndsWith("的现场照片", removal.ObjectName, StringComparison.Ordinal);
        // The JSON report still works without photos.
        using var json = await anonymous.PostAsync("/api/v1/public/needs", JsonContent.Create(new { areaCode = community, category = "Safety", urgency = "Normal",
            title = "没有照片的反映", description = "只有文字的说明。", name = "林阿姨", phone, consent = true }));
        Assert.Equal(HttpStatusCode.Created, json.StatusCode);
    }

    [Fact]
    public async Task The_residents_page_states_the_limits_and_a_bad_photo_says_why_with_nothing_saved()
    {
        var community = await TestHouseholds.NewCommunityAsync(app);
        using var resident = new PageSession(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        var (_, page) = await resident.GetAsync($"/Needs/Report?area={community}&elder=true");
        Assert.Contains("最多 2 张，每张为不超过 5MB 的 jpg 或 png 图片", page, StringComparison.Ordinal);
        Assert.Contains("multipart/form-data", page, StringComparison.Ordinal);
        var phone = Numbers.Mobile();
        async Task<string> Send(string title, params (byte[] Bytes, string Name)[] files)
        {
            var fields = Fields(community, title, phone, "Input.");
            fields = fields.ToDictionary(kv => "Input." + char.ToUpperInvariant(kv.Key[6]) + kv.Key[7..], kv => kv.Value);
            fields["__RequestVerificationToken"] = await resident.TokenAsync("/Needs/Report");
            using var content = Form(fields, "Photos", files);
            using var response = await resident.Client.PostAsync("/Needs/Report", content);
            return await response.Content.ReadAsStringAsync();
        }
        var badTitle = "带坏照片的反映" + Guid.NewGuid().ToString("N")[..4];
        var refused = await Send(badTitle, (TestImages.Png[..^12], "坏的.png"));
        Assert.Contains("图片文件已损坏或不完整", refused, StringComparison.Ordinal);
        Assert.Contains(badTitle, refused, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"report-done\"", refused, StringComparison.Ordinal);
        Assert.False(await app.Query(db => db.Set<Need>().IgnoreQueryFilters().AnyAsync(n => n.Title == badTitle)));

        var title = "带照片的反映" + Guid.NewGuid().ToString("N")[..4];
        var done = await Send(title, (TestImages.Png, "楼道.png"));
        Assert.Contains("id=\"report-done\"", done, StringComparison.Ordinal);
        Assert.Equal(1, await app.Query(async db =>
        {
            var need = await db.Set<Need>().IgnoreQueryFilters().SingleAsync(n => n.Title == title);
            return await db.Set<NeedPhoto>().IgnoreQueryFilters().CountAsync(p => p.NeedId == need.Id);
        }));
    }
}
