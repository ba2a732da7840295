using Wushe.Features.Organizations;
using Wushe.Platform.Composition;

namespace Wushe.Features.Needs;

/// <summary>Needs (急难愁盼): raised by staff, found on visits or reported by residents; accepted, matched, resolved, followed up.</summary>
public sealed class NeedsFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration config) => services.AddSingleton<ResidentLimits>();

    public void MapEndpoints(FeatureEndpoints endpoints)
    {
        NeedsApi.Map(endpoints.Api);
        NeedsApi.MapPublic(endpoints.PublicApi);
    }

    public IEnumerable<Platform.Files.FileKind> FileKinds => [NeedPhoto.Kind];

    public IEnumerable<NavEntry> Nav =>
    [
        new(OrganizationsFeature.Group, 5, "需求台账", "Needs", "/Needs", "bi-megaphone", NeedsPermissions.View),
        new(OrganizationsFeature.Group, 6, "办理时限", "Time limits", "/Needs/Settings", "bi-stopwatch", NeedsPermissions.Configure),
        new(OrganizationsFeature.Group, 12, "转介需求", "Referred needs", "/Needs/Referred", "bi-arrow-right-circle", NeedsPermissions.Referred),
    ];
}
