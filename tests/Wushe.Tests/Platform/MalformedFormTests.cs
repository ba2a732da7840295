using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Wushe.Platform.Web;

namespace Wushe.Tests.Platform;

/// <summary>
/// A multipart form the server cannot read (a part without a Content-Disposition, so without a name) is a 400 — the form could not
/// be read, or the upload names the file to choose —, on every POST of the API, as each kind of user who may upload (DONE.md 3: no request shape reaches a 500).
/// </summary>
public sealed class MalformedFormTests(TestApp app)
{
    /// <summary>A part with "Content-Disposition: form-data" and no name (the reader skips it: the form is empty).</summary>
    static MultipartFormDataContent Nameless()
    {
        var form = new MultipartFormDataContent();
        var part = new ByteArrayContent("PK\u0003\u0004"u8.ToArray());
        part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(part);
        return form;
    }

    /// <summary>A part without a Content-Disposition at all (the reader throws: the form cannot be read).</summary>
    static ByteArrayContent Undisposed()
    {
        var body = new ByteArrayContent("--b\r\nContent-Type: application/octet-stream\r\n\r\nPK\r\n--b--\r\n"u8.ToArray());
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=b");
        return body;
    }

    [Theory]
    [InlineData("admin")]
    [InlineData("huaibei")]
    [InlineData("shixi")]
    public async Task A_form_part_without_a_name_is_a_400_on_every_POST(string user)
    {
        using var chinese = new ChineseCulture();
        using var client = await app.CreateClientAsync(user);
        var failures = new List<string>();
        var refused = 0;
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
                     .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1", StringComparison.Ordinal) == true
                         && e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.IHttpMethodMetadata>()?.HttpMethods.Contains("POST") == true))
        {
            var path = System.Text.RegularExpressions.Regex.Replace(endpoint.RoutePattern.RawText!, @"\{[^}]+\}", Guid.NewGuid().ToString());
            foreach (var content in new HttpContent[] { Nameless(), Undisposed() })
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
                request.Headers.Add(Idempotency.Header, Guid.NewGuid().ToString());
                using var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                if ((int)response.StatusCode >= 500) failures.Add($"{path}: {(int)response.StatusCode} {body}");
                if (response.StatusCode == HttpStatusCode.BadRequest && content is ByteArrayContent) refused++;
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
        // The walk must not pass by reaching nothing: the uploads this user may make read the form and refuse it.
        Assert.True(refused > 0, "No POST read the form.");
    }
}
