using Wushe.Platform.Composition;

namespace Wushe.Features.Volunteers.Certificates;

/// <summary>志愿服务证明 (issue 9): issued from final hours, printed as a PDF, verified publicly by its number.</summary>
public sealed class CertificatesFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration config) => services.AddSingleton<VerifyLimits>();

    public void MapEndpoints(FeatureEndpoints endpoints)
    {
        CertificatesApi.Map(endpoints.Api);
        CertificatesApi.MapPublic(endpoints.PublicApi);
    }

    public IEnumerable<NavEntry> Nav =>
    [
        new(VolunteersFeature.Group, 5, "志愿服务证明", "Volunteer certificates", "/Volunteers/Certificates", "bi-award", VolunteersPermissions.View),
        new(VolunteersFeature.Group, 16, "我的证明", "My certificates", "/Volunteers/Certificates/Mine", "bi-award", VolunteersPermissions.Self),
    ];
}
