using Wushe.Platform.Web;

namespace Wushe.Platform.Composition;

/// <summary>
/// What a feature adds to the app, declared in its own folder and found at start-up
/// (<see cref="FeatureModules"/>): adding a feature edits no central list. Every member is optional.
/// EF configurations need no entry here: <c>AppDb</c> applies every <c>IEntityTypeConfiguration</c> of the assembly.
/// </summary>
public interface IFeature
{
    /// <summary>Services the feature's use cases need (options, jobs, <see cref="ICliVerb"/>s, <see cref="IBannerLines"/>).</summary>
    void AddServices(IServiceCollection services, IConfiguration config)
    {
    }

    /// <summary>The feature's endpoints, on the shared /api/v1 route groups.</summary>
    void MapEndpoints(FeatureEndpoints endpoints)
    {
    }

    /// <summary>The feature's entries in the left menu.</summary>
    IEnumerable<NavEntry> Nav => [];

    /// <summary>The kinds of stored files the feature's records carry, with who may download them (<see cref="Files.FileKind"/>).</summary>
    IEnumerable<Files.FileKind> FileKinds => [];
}

/// <summary>
/// The route groups a feature maps onto: <see cref="Api"/> is /api/v1 (signed in; every POST takes an
/// Idempotency-Key unless it opts out with a reason), <see cref="PublicApi"/> is /api/v1/public (anonymous).
/// </summary>
public sealed record FeatureEndpoints(RouteGroupBuilder Api, RouteGroupBuilder PublicApi, IEndpointRouteBuilder App);

/// <summary>Every <see cref="IFeature"/> of the app, found once by reflection, in a stable order (by type name).</summary>
public static class FeatureModules
{
    static readonly Lazy<IReadOnlyList<IFeature>> all = new(() =>
        typeof(IFeature).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IFeature).IsAssignableFrom(t))
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (IFeature)Activator.CreateInstance(t)!)
            .ToList());

    public static IReadOnlyList<IFeature> All => all.Value;

    public static IServiceCollection AddFeatures(this IServiceCollection services, IConfiguration config)
    {
        foreach (var feature in All) feature.AddServices(services, config);
        return services;
    }

    public static void MapFeatures(this IEndpointRouteBuilder app)
    {
        // Every POST under /api/v1 takes an Idempotency-Key (Platform/Web/Idempotency.cs) unless it opts out with a reason.
        var endpoints = new FeatureEndpoints(
            app.MapGroup(Api.Prefix).RequireAuthorization().WithIdempotency().RefusingUnknownFormFields().CheckingListQueries(scoped: true).WithApiResponses(),
            app.MapGroup(Api.Prefix + "/public").AllowAnonymous().CheckingListQueries(scoped: false).WithApiResponses(),
            app);
        foreach (var feature in All) feature.MapEndpoints(endpoints);
    }
}
