using System.Net;

namespace Wushe.Tests.Platform;

public sealed class PlatformTests(TestApp app)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task Health_checks_answer_without_a_sign_in(string path)
    {
        using var client = app.Anonymous();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/%5Cevil.com")]
    [InlineData("/%09/evil.com")]
    [InlineData("//evil.com")]
    [InlineData("https://evil.com")]
    public async Task The_language_switch_never_leaves_the_site_and_never_fails(string returnUrl)
    {
        using var client = app.Anonymous();
        using var response = await client.GetAsync("/lang/en?returnUrl=" + returnUrl);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Answers_the_framework_gives_itself_speak_the_product_language()
    {
        using var client = await app.CreateClientAsync("qixingguan");
        var station = Guid.NewGuid();
        using var response = await client.PostAsync($"/api/v1/stations/{station}/checklist", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Contains("格式不受支持", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_OpenAPI_document_describes_the_area_API()
    {
        using var client = app.Anonymous();
        var doc = await (await client.GetAsync("/openapi/v1.json")).Expect(HttpStatusCode.OK);
        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains(paths, p => p.StartsWith("/api/v1/areas", StringComparison.Ordinal));
        Assert.Contains("/api/v1/auth/token", paths);
        Assert.Contains("五社联动", doc.GetProperty("info").GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/v1/me")]
    [InlineData("/api/v1/areas")]
    [InlineData("/api/v1/areas/520502000000")]
    public async Task The_API_answers_401_without_a_sign_in_and_does_not_redirect(string path)
    {
        using var client = app.Anonymous();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Null(response.Headers.Location);
    }
}
