using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Wushe.Tests.Areas;

/// <summary>The division import as an API client (or a page user) drives it: upload, poll, confirm.</summary>
public static partial class ImportApi
{
    /// <summary>Uploads the form and waits until the job no longer runs; returns its status.</summary>
    public static async Task<JsonElement> Import(HttpClient client, MultipartFormDataContent form)
    {
        using (form)
        {
            using var response = await client.PostAsync("/api/v1/areas/import", form);
            var started = await response.Expect(HttpStatusCode.Accepted);
            var id = started.GetProperty("id").GetGuid();
            Assert.EndsWith($"/api/v1/areas/import/{id}", response.Headers.Location?.ToString(), StringComparison.Ordinal);
            return await Wait(client, id);
        }
    }

    public static async Task<JsonElement> Wait(HttpClient client, Guid id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(180);
        while (true)
        {
            var status = await (await client.GetAsync($"/api/v1/areas/import/{id}")).Expect(HttpStatusCode.OK);
            if (status.GetProperty("state").GetString() != "Running") return status;
            Assert.True(DateTime.UtcNow < deadline, "The import did not finish within three minutes.");
            await Task.Delay(100);
        }
    }

    /// <summary>Confirms a job waiting for confirmation through the API and waits for its end.</summary>
    public static async Task<JsonElement> Confirm(HttpClient client, Guid id)
    {
        using var response = await client.PostAsync($"/api/v1/areas/import/{id}/confirm", null);
        var accepted = await response.Expect(HttpStatusCode.Accepted);
        Assert.Equal(id, accepted.GetProperty("id").GetGuid());
        return await Wait(client, id);
    }

    public static Guid Id(this JsonElement status) => status.GetProperty("id").GetGuid();

    public static string State(this JsonElement status) => status.GetProperty("state").GetString()!;

    public static int Count(this JsonElement status, string part, string name) => status.GetProperty(part).GetProperty(name).GetInt32();

    public static List<string> Errors(this JsonElement status) => status.GetProperty("errors").EnumerateArray().Select(e => e.GetString()!).ToList();

    /// <summary>The import page of a job, as the browser gets it (the client keeps its antiforgery cookie).</summary>
    public static async Task<(string Html, string Token)> Page(HttpClient client, Guid id)
    {
        using var response = await client.GetAsync($"/Areas/Import?job={id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var token = AntiforgeryToken().Match(html);
        return (WebUtility.HtmlDecode(html), token.Success ? token.Groups[1].Value : "");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
