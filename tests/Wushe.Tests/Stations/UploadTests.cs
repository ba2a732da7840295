using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Stations;
using Wushe.Platform.Areas;
using Wushe.Platform.Files;

namespace Wushe.Tests.Stations;

/// <summary>Uploads are what they say they are, under a safe name, and served so that no browser runs them.</summary>
public sealed class UploadTests(TestApp app)
{
    static readonly byte[] Html = Encoding.ASCII.GetBytes("<html><body><script>fetch('/api/v1/users').then(r=>r.text()).then(alert)</script></body></html>");

    static FormFile Upload(byte[] bytes, string name) => new FormFile(new MemoryStream(bytes), 0, bytes.Length, "evidence", name);

    static async Task<(StoredFile? File, string? Error)> Check(byte[] bytes, string name = "photo.jpg")
    {
        using var chinese = new ChineseCulture();
        return await StoredFile.FromUpload(Upload(bytes, name), Wushe.Features.Stations.StandardCheck.Evidence, "520502001000", DateTimeOffset.UtcNow, null);
    }

    [Fact]
    public async Task Genuine_photos_are_stored_as_the_same_picture_without_metadata()
    {
        var jpeg = await Check(TestImages.Jpeg, "门牌.jpg");
        Assert.Null(jpeg.Error);
        SamePicture(TestImages.Jpeg, jpeg.File!.Content);
        Assert.Equal("image/jpeg", jpeg.File.ContentType);
        var png = await Check(TestImages.Png, "门牌.png");
        Assert.Null(png.Error);
        SamePicture(TestImages.Png, png.File!.Content);
        // Stripping is stable: the same upload is stored the same way.
        Assert.Equal(jpeg.File.Content, (await Check(TestImages.Jpeg, "门牌.jpg")).File!.Content);
    }

    [Fact]
    public async Task A_photos_EXIF_position_and_comments_are_not_stored()
    {
        // After the start marker: an EXIF segment (a TIFF header with an empty directory, as a phone writes before its GPS tags)
        // with a position written in it, and a comment segment naming a place.
        byte[] tiff = [.. "II*\0"u8.ToArray(), 8, 0, 0, 0, 0, 0, 0, 0, 0, 0, .. "GPS 27.30N 105.28E"u8.ToArray()];
        byte[] exif = [.. "Exif\0\0"u8.ToArray(), .. tiff];
        byte[] comment = "home of 27.30N 105.28E"u8.ToArray();
        byte[] photo = [0xFF, 0xD8, 0xFF, 0xE1, (byte)((exif.Length + 2) >> 8), (byte)(exif.Length + 2), .. exif,
            0xFF, 0xFE, (byte)((comment.Length + 2) >> 8), (byte)(comment.Length + 2), .. comment, .. TestImages.Jpeg[2..]];
        var (file, error) = await Check(photo, "探访.jpg");
        Assert.Null(error);
        var stored = Encoding.Latin1.GetString(file!.Content);
        Assert.DoesNotContain("Exif", stored, StringComparison.Ordinal);
        Assert.DoesNotContain("27.30N", stored, StringComparison.Ordinal);
        SamePicture(TestImages.Jpeg, file.Content);
    }

    /// <summary>The stored picture is the uploaded one: its format and size (the pixels are written anew, without metadata).</summary>
    static void SamePicture(byte[] uploaded, byte[] stored)
    {
        using var a = new ImageMagick.MagickImage(uploaded);
        using var b = new ImageMagick.MagickImage(stored);
        Assert.Equal((a.Format, a.Width, a.Height), (b.Format, b.Width, b.Height));
        Assert.DoesNotContain(b.ProfileNames, n => n is not "icc");
    }

    [Theory]
    [InlineData("photo.jpg")]
    [InlineData("photo.png")]
    public async Task A_photo_whose_bytes_continue_with_HTML_is_refused(string name)
    {
        var image = name.EndsWith(".png", StringComparison.Ordinal) ? TestImages.Png : TestImages.Jpeg;
        var (file, error) = await Check([.. image, .. Html], name);
        Assert.Null(file);
        Assert.Equal("文件中含有网页或脚本内容，不能上传", error);
        // Inside the image too (a comment segment or a text chunk), and in any letter case.
        var (inside, _) = await Check([.. image[..20], .. Encoding.ASCII.GetBytes("<SCRIPT>"), .. image[20..]], name);
        Assert.Null(inside);
    }

    [Fact]
    public async Task A_photo_that_does_not_end_is_refused_and_one_that_runs_on_keeps_only_the_image()
    {
        var (cut, error) = await Check(TestImages.Jpeg[..^40]);
        Assert.Null(cut);
        Assert.Equal("图片文件已损坏或不完整，请重新导出后上传", error);
        Assert.Null((await Check(TestImages.Png[..^12], "a.png")).File); // no IEND
        var brokenCrc = TestImages.Png.ToArray();
        brokenCrc[30] ^= 0xFF;
        Assert.Null((await Check(brokenCrc, "a.png")).File);
        Assert.Null((await Check([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3], "a.png")).File);

        // A phone's motion photo carries a video after the image's end: the photo is kept, the rest is not stored.
        byte[] video = [0, 0, 0, 0x18, .. "ftypmp42"u8.ToArray(), .. new byte[64]];
        var (kept, none) = await Check([.. TestImages.Jpeg, .. video]);
        Assert.Null(none);
        Assert.Equal(ImageMetadata.Strip(TestImages.Jpeg), kept!.Content);
        var (png, _) = await Check([.. TestImages.Png, .. video], "a.png");
        Assert.Equal(ImageMetadata.Strip(TestImages.Png), png!.Content);
    }

    [Theory]
    [InlineData(@"C:\Users\社工\Desktop\门牌.jpg", "门牌.jpg")]
    [InlineData("../../etc/门牌.jpg", "门牌.jpg")]
    [InlineData(@"..\..\门牌.jpg", "门牌.jpg")]
    [InlineData("门牌\u202Egpj.exe.jpg", "门牌gpj.exe.jpg")]
    [InlineData(" 门牌.jpg. ", "门牌.jpg")]
    [InlineData("a\tb\r\nc<d>.jpg", "abcd.jpg")]
    public void File_names_are_reduced_to_a_safe_base_name(string sent, string stored) =>
        Assert.Equal(stored, StoredFile.SafeName(sent));

    [Fact]
    public async Task A_name_that_is_only_a_path_is_refused_rather_than_stored_without_a_name()
    {
        var (file, error) = await Check(TestImages.Jpeg, @"C:\照片\");
        Assert.Null(file);
        Assert.NotNull(error);
    }

    [Fact]
    public async Task Stored_files_are_served_never_sniffed_and_shown_in_place_only_as_image_or_pdf()
    {
        using var client = await app.CreateClientAsync("qixingguan");
        // A township station of Qixingguan; the item is recorded as it stands, so its standing does not change.
        var station = await app.Query(db => db.Stations.Where(s => s.AreaCode.StartsWith("520502") && s.Level == StationLevel.TownshipStation)
            .OrderByDescending(s => s.AreaCode).Skip(1).Select(s => s.Id).FirstAsync());
        var met = await app.Query(db => db.Set<StandardCheck>().Where(c => c.StationId == station && c.Item == StandardItem.HasOffice)
            .OrderByDescending(c => c.CheckedOn).ThenByDescending(c => c.RecordedAt).Select(c => (bool?)c.Met).FirstOrDefaultAsync()) ?? true;
        var before = await app.Query(db => db.Set<StandardCheck>().CountAsync(c => c.StationId == station));

        async Task<HttpResponseMessage> Record(byte[] bytes, string name, string? extra = null)
        {
            using var form = new MultipartFormDataContent
            {
                { new StringContent("HasOffice"), "item" }, { new StringContent(met ? "true" : "false"), "met" }, { new StringContent("2025-06-01"), "checkedOn" },
            };
            if (extra is not null) form.Add(new StringContent("1"), extra);
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
            form.Add(file, "evidence", name);
            return await client.PostAsync($"/api/v1/stations/{station}/checklist", form);
        }

        // A field the operation does not take is refused by name, as in a JSON body.
        var unknown = await (await Record(TestImages.Jpeg, "photo.jpg", extra: "mett")).Expect(HttpStatusCode.BadRequest);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("mett", out _));

        var refused = await (await Record([.. TestImages.Jpeg, .. Html], "photo.jpg")).Expect(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("evidence", out _));
        Assert.Equal(before, await app.Query(db => db.Set<StandardCheck>().CountAsync(c => c.StationId == station)));

        var created = await (await Record(TestImages.Jpeg, @"C:\Users\社工\Desktop\门牌.jpg")).Expect(HttpStatusCode.Created);
        var checkId = created.GetProperty("id").GetGuid();
        var fileId = await app.Query(db => db.Set<StandardCheck>().Where(c => c.Id == checkId).Select(c => c.EvidenceFileId!.Value).SingleAsync());
        Assert.Equal("门牌.jpg", await app.Query(db => db.StoredFiles.Where(f => f.Id == fileId).Select(f => f.FileName).SingleAsync()));

        using var api = await client.GetAsync($"/api/v1/files/{fileId}");
        using var browser = await app.CookieClientAsync("qixingguan");
        using var page = await browser.GetAsync($"/files/{fileId}");
        foreach (var response in new[] { api, page })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
            Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
            Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
            Assert.Equal("门牌.jpg", response.Content.Headers.ContentDisposition?.FileNameStar);
            Assert.Equal(ImageMetadata.Strip(TestImages.Jpeg), await response.Content.ReadAsByteArrayAsync());
        }
        Assert.False(StoredFile.ShownInline("text/html"));
        Assert.False(StoredFile.ShownInline("image/svg+xml"));
    }
}
