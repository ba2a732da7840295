using Wushe.Platform.Files;
using Wushe.Platform.Web;

namespace Wushe.Platform.Composition;

/// <summary>What the platform itself adds like a feature: the file API, the API reference's menu entry, the exception mapping.</summary>
public sealed class PlatformFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddExceptionHandler<KnownExceptions>();
        // A body, form or query value that does not bind reaches KnownExceptions, which names the field
        // ("建站日期格式不正确"); without this only Development does, and production answers a bare 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
    }

    public void MapEndpoints(FeatureEndpoints endpoints)
    {
        FilesApi.Map(endpoints.Api);
        FilesApi.MapForPages(endpoints.App);
    }

    public IEnumerable<NavEntry> Nav =>
    [
        new(NavGroups.System, 90, "接口文档", "API reference", "/api/docs", "bi-code-slash", null),
    ];
}
