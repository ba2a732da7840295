using Wushe.Features.Accounts;
using Wushe.Features.Areas;
using Wushe.Features.Stations;
using Wushe.Platform.Web;

namespace Wushe.Features;

/// <summary>What each feature registers, and the /api/v1 route group they share.</summary>
public static class FeatureRegistry
{
    public static IServiceCollection AddFeatures(this IServiceCollection services, IConfiguration config)
    {
        services.AddExceptionHandler<KnownExceptions>();
        // A body, form or query value that does not bind reaches KnownExceptions, which names the field
        // ("建站日期格式不正确"); without this only Development does, and production answers a bare 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddSingleton<ImportJobs>();
        services.AddScoped<DivisionImport>();
        services.Configure<DivisionImportOptions>(config.GetSection("Wushe:Divisions:Import"));
        return services;
    }

    public static void MapApi(this IEndpointRouteBuilder app)
    {
        // Every POST under /api/v1 takes an Idempotency-Key (Platform/Web/Idempotency.cs) unless it opts out with a reason.
        var api = app.MapGroup(Api.Prefix).RequireAuthorization().WithIdempotency();
        api.MapToken().WithoutIdempotency("sign-in: a token must never be replayed from storage");
        AccountApi.Map(api);
        BrowseAreas.Map(api);
        ImportDivisionsApi.Map(api);
        StationsApi.Map(api);
        Platform.Files.FilesApi.Map(api);
        Accounts.Users.UsersApi.Map(api); Audit.AuditApi.Map(api);
        StationsApi.MapPublic(app.MapGroup(Api.Prefix + "/public").AllowAnonymous());
    }
}
