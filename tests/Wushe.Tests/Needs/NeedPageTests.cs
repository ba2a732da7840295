using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Needs;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Needs;

/// <summary>The needs pages: the staff's form and the handling page say what is wrong beside the field; the residents' page reports and follows a need without an account.</summary>
public sealed class NeedPageTests(TestApp app)
{
    static Dictionary<string, string> Form(string area, string title) => new()
    {
        ["Input.AreaCode"] = area, ["Input.RequesterName"] = "周大爷", ["Input.RequesterPhone"] = "13912340001", ["Input.Category"] = "ElderlyCare",
        ["Input.Urgency"] = "Normal", ["Input.Title"] = title, ["Input.Description"] = "老人腿脚不便，希望有人每周帮忙买菜。",
    };

    [Fact]
    public async Task The_staff_raise_a_need_on_the_page_then_accept_match_follow_up_and_close_it_there()
    {
        var community = await TestHouseholds.NewCommunityAsync(app);
        var staff = await TestUsers.CreateAsync(app, Role.CommunityStaff, community);
        using var session = await PageSession.SignInAsync(app, staff.UserName);
        var title = "页面登记的需求" + Guid.NewGuid().ToString("N")[..4];

        var bad = Form(community, title);
        bad["Input.RequesterPhone"] = "123";
        bad["Input.Description"] = "";
        using (var refused = await session.PostFormAsync("/Needs/Raise", bad))
        {
            var html = await refused.Content.ReadAsStringAsync();
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("请输入正确的手机号码或固定电话", html, StringComparison.Ordinal);
            Assert.Contains("需求描述不能为空", html, StringComparison.Ordinal);
            Assert.Contains($"value=\"{title}\"", html, StringComparison.Ordinal);
        }
        Assert.False(await app.Query(db => db.Set<Need>().IgnoreQueryFilters().AnyAsync(n => n.Title == title)));

        using var created = await session.PostFormAsync("/Needs/Raise", Form(community, title));
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var details = created.Headers.Location!.OriginalString;
        var (status, page) = await session.GetAsync(details);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(title, page, StringComparison.Ordinal);
        Assert.Contains("139****0001", page, StringComparison.Ordinal);
        Assert.DoesNotContain("13912340001", page, StringComparison.Ordinal);
        Assert.Contains("id=\"accept-form\"", page, StringComparison.Ordinal);

        // 不予受理 without a reason: named beside the reason, the need unchanged.
        using (var reasonless = await session.PostFormAsync(details + "&handler=Step", new() { ["Step.To"] = "Rejected", ["Step.Note"] = "" }))
            Assert.Contains("不予受理的原因不能为空", await reasonless.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using (var accepted = await session.PostFormAsync(details + "&handler=Step", new() { ["Step.To"] = "Accepted", ["Step.HandlerId"] = "" }))
            Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        using (var noHow = await session.PostFormAsync(details + "&handler=Match", new() { ["Match.Kind"] = "ResolvedDirectly", ["Match.Note"] = "" }))
            Assert.Contains("解决情况不能为空", await noHow.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using (var direct = await session.PostFormAsync(details + "&handler=Match", new() { ["Match.Kind"] = "ResolvedDirectly", ["Match.Note"] = "联系志愿者每周二代买蔬菜" }))
            Assert.Equal(HttpStatusCode.Redirect, direct.StatusCode);
        using (var unrated = await session.PostFormAsync(details + "&handler=FollowUp", new() { ["FollowUp.Satisfaction"] = "" }))
            Assert.Contains("请选择满意度（1–5 星）", await unrated.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using (var rated = await session.PostFormAsync(details + "&handler=FollowUp", new() { ["FollowUp.Satisfaction"] = "4", ["FollowUp.Comment"] = "挺好" }))
            Assert.Equal(HttpStatusCode.Redirect, rated.StatusCode);
        using (var closed = await session.PostFormAsync(details + "&handler=Step", new() { ["Step.To"] = "Closed" }))
            Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        var after = (await session.GetAsync(details)).Html;
        Assert.Contains("已办结", after, StringComparison.Ordinal);
        Assert.Contains("联系志愿者每周二代买蔬菜", after, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"need-actions\"", after, StringComparison.Ordinal);

        // The list finds it by title, masked.
        var list = (await session.GetAsync("/Needs?keyword=" + Uri.EscapeDataString(title))).Html;
        Assert.Contains(title, list, StringComparison.Ordinal);
        Assert.Contains("周*爷", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_photo_rides_with_the_need_and_a_file_that_is_not_a_picture_is_refused_with_nothing_saved()
    {
        var community = await TestHouseholds.NewCommunityAsync(app);
        var staff = await TestUsers.CreateAsync(app, Role.CommunityStaff, community);
        using var session = await PageSession.SignInAsync(app, staff.UserName);
        async Task<HttpResponseMessage> Post(string title, byte[] bytes, string fileName)
        {
            var token = await session.TokenAsync();
            var content = new MultipartFormDataContent();
            foreach (var (k, v) in Form(community, title)) content.Add(new StringContent(v), k);
            content.Add(new StringContent(token), "__RequestVerificationToken");
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue(fileName.EndsWith(".png") ? "image/png" : "application/pdf");
            content.Add(file, "Photos", fileName);
            return await session.Client.PostAsync("/Needs/Raise", content);
        }
        var pdfTitle = "附带文档的需求" + Guid.NewGuid().ToString("N")[..4];
        using (var refused = await Post(pdfTitle, "%PDF-1.4 test"u8.ToArray(), "证明.pdf"))
            Assert.Contains("照片请上传 jpg 或 png 格式", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await app.Query(db => db.Set<Need>().IgnoreQueryFilters().AnyAsync(n => n.Title == pdfTitle)));

        var title = "附带照片的需求" + Guid.NewGuid().ToString("N")[..4];
        using var created = await Post(title, TestImages.Png, "现场.png");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var (fileId, area) = await app.Query(async db =>
        {
            var need = await db.Set<Need>().IgnoreQueryFilters().SingleAsync(n => n.Title == title);
            var photo = await db.Set<NeedPhoto>().IgnoreQueryFilters().SingleAsync(p => p.NeedId == need.Id);
            return (photo.FileId, await db.StoredFiles.IgnoreQueryFilters().Where(f => f.Id == photo.FileId).Select(f => f.AreaCode).SingleAsync());
        });
        Assert.Equal(community, area);
        using var download = await session.Client.GetAsync($"/files/{fileId}");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        // Another community's staff cannot read it.
        var other = await TestUsers.CreateAsync(app, Role.CommunityStaff, await TestHouseholds.NewCommunityAsync(app));
        using var stranger = await PageSession.SignInAsync(app, other.UserName);
        using var refusedDownload = await stranger.Client.GetAsync($"/files/{fileId}");
        Assert.Equal(HttpStatusCode.NotFound, refusedDownload.StatusCode);
    }

    [Fact]
    public async Task A_resident_reports_on_the_public_page_gets_a_number_and_follows_the_need_with_it()
    {
        var community = await TestHouseholds.NewCommunityAsync(app);
        using var resident = new PageSession(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));
        var (status, form) = await resident.GetAsync($"/Needs/Report?area={community}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"community\"", form, StringComparison.Ordinal);
        var phone = Numbers.Mobile();
        var fields = new Dictionary<string, string>
        {
            ["Input.AreaCode"] = community, ["Input.Category"] = "Safety", ["Input.Urgency"] = "Normal", ["Input.Title"] = "单元门门禁坏了",
            ["Input.Description"] = "3单元门禁损坏一周，陌生人随意进出。", ["Input.Name"] = "林阿姨", ["Input.Phone"] = phone,
        };
        using (var noConsent = await resident.PostFormAsync("/Needs/Report", fields, tokenFrom: "/Needs/Report"))
            Assert.Contains("请阅读并同意社区和社工站使用您填写的信息办理本需求", await noConsent.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        fields["Input.Consent"] = "true";
        using var sent = await resident.PostFormAsync("/Needs/Report", fields, tokenFrom: "/Needs/Report");
        var done = await sent.Content.ReadAsStringAsync();
        Assert.Contains("id=\"report-done\"", done, StringComparison.Ordinal);
        var no = await app.Query(db => db.Set<Need>().IgnoreQueryFilters().Where(n => n.AreaCode == community).Select(n => n.NeedNo).SingleAsync());
        Assert.Contains(no, done, StringComparison.Ordinal);

        using (var wrong = await resident.PostFormAsync("/Needs/Track", new() { ["Input.NeedNo"] = no, ["Input.Phone"] = Numbers.Mobile() }, tokenFrom: "/Needs/Track"))
            Assert.Contains("未找到与该编号和手机号相符的需求", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var found = await resident.PostFormAsync("/Needs/Track", new() { ["Input.NeedNo"] = no, ["Input.Phone"] = phone }, tokenFrom: "/Needs/Track");
        var progress = await found.Content.ReadAsStringAsync();
        Assert.Contains("单元门门禁坏了", progress, StringComparison.Ordinal);
        Assert.Contains("提交需求", progress, StringComparison.Ordinal);
        Assert.DoesNotContain("rate-form", progress, StringComparison.Ordinal);

        // Elder mode: chosen once, kept.
        var elder = (await resident.GetAsync("/Needs/Track?elder=true")).Html;
        Assert.Contains("class=\"elder\"", elder, StringComparison.Ordinal);
        Assert.Contains("class=\"elder\"", (await resident.GetAsync("/Needs/Report")).Html, StringComparison.Ordinal);
    }
}
