using Wushe.Platform.Composition;

namespace Wushe.Features.Organizations;

/// <summary>Social organizations (社会组织) and volunteer teams: the register of the 五社联动 loop.</summary>
public sealed class OrganizationsFeature : IFeature
{
    /// <summary>五社联动: needs, projects and the organizations that carry them out (issue 8).</summary>
    public static readonly NavGroup Group = new("五社联动", "Five-party linkage", "bi-diagram-2", 300);

    public void MapEndpoints(FeatureEndpoints endpoints) => OrganizationsApi.Map(endpoints.Api);

    public IEnumerable<NavEntry> Nav =>
    [
        new(Group, 10, "社会组织", "Social organizations", "/Organizations", "bi-people", OrganizationsPermissions.View),
        // Organization staff: their own organization (a platform admin holds every permission and is sent to the register).
        new(Group, 11, "本机构", "My organization", "/Organizations/Mine", "bi-building", OrganizationsPermissions.EditOwn),
    ];
}
