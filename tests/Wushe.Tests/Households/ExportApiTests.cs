using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using Wushe.Features.Households;
using Wushe.Platform.Access;
using Wushe.Platform.Export;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Households;

/// <summary>Every export a page offers is an /api/v1 operation of the same use case (ExportX → operation "ExportX"), giving the same file.</summary>
public sealed class ExportApiTests(TestApp app)
{
    [Fact]
    public void Every_export_use_case_has_an_api_route_of_its_name()
    {
        var exports = typeof(Program).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: true, IsSealed: true } && t.Namespace?.StartsWith("Wushe.Features", StringComparison.Ordinal) == true
                && t.Name.StartsWith("Export", StringComparison.Ordinal) && t.GetMethod("Handle", BindingFlags.Public | BindingFlags.Static) is not null)
            .Select(t => t.Name).ToList();
        Assert.Contains(nameof(ExportMyVisits), exports);
        Assert.Contains(nameof(ExportServiceSummary), exports);
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/v1/", StringComparison.Ordinal) == true)
            .Select(e => e.Metadata.GetMetadata<IEndpointNameMetadata>()?.EndpointName).OfType<string>().ToHashSet();
        Assert.All(exports, name => Assert.True(routes.Contains(name), $"{name} has no /api/v1 route named {name}"));
    }

    static List<IDictionary<string, object?>> Rows(byte[] xlsx)
    {
        using var stream = new MemoryStream(xlsx);
        return stream.Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
    }

    [Fact]
    public async Task My_visits_exported_by_the_api_are_the_pages_file_and_refuse_a_bad_condition()
    {
        var township = await Places.NewTownshipAsync(app);
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, township);
        var made = await TestHouseholds.CreateAsync(app, await TestHouseholds.NewCommunityAsync(app, township), address: "导出路9号", workerId: worker.Id);
        var api = await app.CreateClientAsync(worker.UserName);
        // A major change makes the household due by tomorrow: it is on "my visits".
        var today = Wushe.Platform.ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd");
        using (var r = await api.PostAsJsonAsync($"/api/v1/households/{made.Id}/major-change", new { changedOn = today, note = "户主住院" }))
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);

        using var response = await api.GetAsync("/api/v1/households/my-visits/export?due=week");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Spreadsheet.XlsxContentType, response.Content.Headers.ContentType?.MediaType);
        var fromApi = Rows(await response.Content.ReadAsByteArrayAsync());
        Assert.NotEmpty(fromApi);
        var page = await (await app.CookieClientAsync(worker.UserName)).GetByteArrayAsync("/Households/MyVisits?handler=Export&due=week");
        var fromPage = Rows(page);
        Assert.Equal(fromPage.Count, fromApi.Count);
        Assert.Equal(fromPage.Select(r => string.Join("|", r.Values)), fromApi.Select(r => string.Join("|", r.Values)));
        Assert.Contains(fromApi, r => r.Values.Contains("导出路9号"));

        using var bad = await api.GetAsync("/api/v1/households/my-visits/export?sort=nonsense");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task The_service_summary_exported_by_the_api_is_the_pages_file_and_404_outside_the_scope()
    {
        var township = await Places.NewTownshipAsync(app);
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, township);
        var api = await app.CreateClientAsync(worker.UserName);

        using var response = await api.GetAsync($"/api/v1/service-records/summary/export?area={township}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Spreadsheet.XlsxContentType, response.Content.Headers.ContentType?.MediaType);
        var fromApi = Rows(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains(fromApi, r => r.Values.Contains("合计"));
        var fromPage = Rows(await (await app.CookieClientAsync(worker.UserName)).GetByteArrayAsync($"/Households/Services?handler=Export&area={township}"));
        Assert.Equal(fromPage.Select(r => string.Join("|", r.Values)), fromApi.Select(r => string.Join("|", r.Values)));

        using var outside = await api.GetAsync($"/api/v1/service-records/summary/export?area={await Places.NewTownshipAsync(app)}");
        Assert.Equal(HttpStatusCode.NotFound, outside.StatusCode);
    }
}
