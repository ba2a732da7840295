using Wushe.Features.Organizations;
using Wushe.Platform.Composition;

namespace Wushe.Features.Projects;

/// <summary>Projects (项目): designed from needs, approved, carried out by an organization, delivered, measured against their indicators.</summary>
public sealed class ProjectsFeature : IFeature
{
    public void MapEndpoints(FeatureEndpoints endpoints) => ProjectsApi.Map(endpoints.Api);

    public IEnumerable<Platform.Files.FileKind> FileKinds => [ProjectActivityPhoto.Kind];

    public IEnumerable<NavEntry> Nav =>
    [
        new(OrganizationsFeature.Group, 7, "项目管理", "Projects", "/Projects", "bi-kanban", ProjectsPermissions.View),
        new(OrganizationsFeature.Group, 8, "成效综述", "Outcomes", "/Projects/Outcomes", "bi-graph-up", ProjectsPermissions.Report),
    ];
}
