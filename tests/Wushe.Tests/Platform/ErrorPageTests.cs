using System.Net;

namespace Wushe.Tests.Platform;

/// <summary>Pages answer errors with a page in the user's language inside the layout and a way home; the API keeps Problem Details.</summary>
public sealed class ErrorPageTests(TestApp app)
{
    [Fact]
    public async Task A_missing_page_is_a_Chinese_404_page_inside_the_layout_with_a_way_home()
    {
        using var session = await PageSession.SignInAsync(app, "qixingguan");
        var (status, html) = await session.GetAsync("/Stations/NoSuchPage");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("页面不存在", html, StringComparison.Ordinal);
        Assert.Contains("返回首页", html, StringComparison.Ordinal);
        Assert.Contains("id=\"sidebar\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("\"status\":", html, StringComparison.Ordinal);

        // A record that does not exist (or lies outside the scope) is the same page.
        var (recordStatus, recordHtml) = await session.GetAsync($"/Stations/Details?id={Guid.NewGuid()}");
        Assert.Equal(HttpStatusCode.NotFound, recordStatus);
        Assert.Contains("页面不存在", recordHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_error_page_speaks_English_in_English_mode()
    {
        using var session = await PageSession.SignInAsync(app, "qixingguan");
        session.Client.DefaultRequestHeaders.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        var (status, html) = await session.GetAsync("/Stations/NoSuchPage");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("Page not found", html, StringComparison.Ordinal);
        Assert.Contains("Back to home", html, StringComparison.Ordinal);
        Assert.DoesNotContain("页面不存在", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forbidden_page_says_so_in_Chinese_with_status_403_and_a_way_home()
    {
        using var session = await PageSession.SignInAsync(app, "shixi");
        using var refused = await session.Client.GetAsync("/Admin/Users");
        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var (status, html) = await session.GetAsync(refused.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Forbidden, status);
        Assert.Contains("没有权限", html, StringComparison.Ordinal);
        Assert.Contains("返回首页", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crash_shows_the_500_page_with_a_reference_and_never_the_exception()
    {
        using var session = await PageSession.SignInAsync(app, "qixingguan");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/Stations");
        request.Headers.Add(CrashOnHeader.Header, "1");
        using var response = await session.Client.SendAsync(request);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("系统出错", html, StringComparison.Ordinal);
        Assert.Contains("返回首页", html, StringComparison.Ordinal);
        Assert.Contains("id=\"error-reference\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("4711", html, StringComparison.Ordinal);
        Assert.DoesNotContain("InvalidOperationException", html, StringComparison.Ordinal);

        // A crash while posting a form shows the same page (the error page answers every method).
        using var post = new HttpRequestMessage(HttpMethod.Post, "/Stations/Supervisions/Create")
        {
            Content = new FormUrlEncodedContent([new("__RequestVerificationToken", await session.TokenAsync())]),
        };
        post.Headers.Add(CrashOnHeader.Header, "1");
        using var posted = await session.Client.SendAsync(post);
        Assert.Equal(HttpStatusCode.InternalServerError, posted.StatusCode);
        Assert.Contains("系统出错", await posted.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_anonymous_visitor_gets_the_error_page_in_the_public_layout()
    {
        using var client = app.Anonymous();
        using var response = await client.GetAsync("/Public/NoSuchPage");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("页面不存在", html, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"sidebar\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/nosuch")]
    [InlineData("/api/v1/stations/00000000-0000-0000-0000-000000000001")]
    public async Task The_API_keeps_answering_Problem_Details(string path)
    {
        using var client = await app.CreateClientAsync("qixingguan");
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
