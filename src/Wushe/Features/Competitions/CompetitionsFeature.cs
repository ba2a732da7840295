using Wushe.Features.Organizations;
using Wushe.Platform.Composition;

namespace Wushe.Features.Competitions;

/// <summary>
/// Venture-philanthropy competitions (公益创投, issue 12): calls, applications, eligibility screening, review by judges with recusal,
/// the ranking, the public notice with objections, awards that create projects, and tranches released against evaluations.
/// </summary>
public sealed class CompetitionsFeature : IFeature
{
    public void MapEndpoints(FeatureEndpoints endpoints)
    {
        CompetitionsApi.Map(endpoints.Api);
        CallsApi.MapPublic(endpoints.PublicApi);
        AwardsApi.MapPublic(endpoints.PublicApi);
    }

    public IEnumerable<Platform.Files.FileKind> FileKinds => [ApplicationRules.DocumentKind];

    public void AddServices(IServiceCollection services, IConfiguration config) => services.AddSingleton<ObjectionLimits>();

    public IEnumerable<NavEntry> Nav =>
    [
        new(OrganizationsFeature.Group, 9, "公益创投", "Competitions", "/Competitions", "bi-trophy", CompetitionsPermissions.View),
        new(OrganizationsFeature.Group, 10, "资助项目", "Awards", "/Competitions/Awards", "bi-cash-coin", CompetitionsPermissions.View),
        new(OrganizationsFeature.Group, 10, "评审任务", "My reviews", "/Competitions/Judging", "bi-clipboard-check", CompetitionsPermissions.Judge),
    ];
}
