using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Wushe.Features.Audit;
using Wushe.Features.Demo;

namespace Wushe.Tests.Audit;

/// <summary>The audit log: the platform admin reads it; nobody changes it.</summary>
public sealed class AuditListTests(TestApp app)
{
    [Fact]
    public async Task A_county_bureau_may_not_read_the_audit_log()
    {
        using var client = await app.CreateClientAsync("qixingguan");
        await (await client.GetAsync("/api/v1/audit")).Expect(HttpStatusCode.Forbidden);
        // The page too (a bearer client is told 403; a browser is sent to the 没有权限 page).
        using var page = await client.GetAsync("/Admin/Audit");
        Assert.Equal(HttpStatusCode.Forbidden, page.StatusCode);
    }

    [Fact]
    public async Task The_platform_admin_reads_the_log_newest_first_filtered_by_user_and_action()
    {
        await app.TokenAsync("jiuyuan", DemoData.Password);
        await app.TokenAsync("jiuyuan", DemoData.Password);
        using var client = await app.CreateClientAsync("admin");
        var body = await (await client.GetAsync("/api/v1/audit?userName=jiuyuan&action=SignIn&size=10")).Expect(HttpStatusCode.OK);
        var rows = body.GetProperty("items").EnumerateArray().ToList();
        Assert.True(rows.Count >= 2);
        Assert.All(rows, r => Assert.Equal("SignIn", r.GetProperty("action").GetString()));
        Assert.All(rows, r => Assert.Contains("jiuyuan", r.GetProperty("userName").GetString(), StringComparison.Ordinal));
        var times = rows.Select(r => r.GetProperty("at").GetDateTimeOffset()).ToList();
        Assert.Equal(times.OrderByDescending(t => t), times);
    }

    [Fact]
    public async Task A_date_range_is_read_as_China_dates_and_a_reversed_range_names_the_end_date()
    {
        Assert.Equal(new DateTimeOffset(2026, 11, 28, 16, 0, 0, TimeSpan.Zero), ListAudit.StartOf(new DateOnly(2026, 11, 29)));

        using var client = await app.CreateClientAsync("admin");
        var today = Wushe.Platform.ChinaTime.Today(TimeProvider.System);
        var none = await (await client.GetAsync($"/api/v1/audit?from={today.AddDays(1):yyyy-MM-dd}")).Expect(HttpStatusCode.OK);
        Assert.Equal(0, none.GetProperty("total").GetInt32());
        var some = await (await client.GetAsync($"/api/v1/audit?from={today:yyyy-MM-dd}&to={today:yyyy-MM-dd}")).Expect(HttpStatusCode.OK);
        Assert.True(some.GetProperty("total").GetInt32() > 0);

        using var reversed = await client.GetAsync($"/api/v1/audit?from={today:yyyy-MM-dd}&to={today.AddDays(-1):yyyy-MM-dd}");
        var problem = await reversed.Expect(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("to", out _));
    }

    [Fact]
    public void No_route_changes_or_deletes_audit_records()
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.Contains("audit", StringComparison.OrdinalIgnoreCase) == true)
            .SelectMany(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"])
            .ToList();
        Assert.NotEmpty(routes);
        Assert.All(routes, m => Assert.Equal("GET", m));
    }

    [Fact]
    public async Task The_audit_page_shows_the_filters_and_no_way_to_change_a_record()
    {
        using var client = await app.CreateClientAsync("admin");
        using var response = await client.GetAsync("/Admin/Audit?action=SignIn");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("开始日期", html, StringComparison.Ordinal);
        Assert.Contains("登录", html, StringComparison.Ordinal);
        Assert.DoesNotContain("method=\"post\"", html[html.IndexOf("<main", StringComparison.Ordinal)..], StringComparison.OrdinalIgnoreCase);
    }
}
