using Wushe.Platform.Composition;

namespace Wushe.Features.Workforce.Talents;

/// <summary>新增社会工作人才 (issue 11): figures of new social-work talents, each counted by a definition kept as data and shown beside it.</summary>
public sealed class TalentsFeature : IFeature
{
    public void MapEndpoints(FeatureEndpoints endpoints) => TalentsApi.Map(endpoints.Api);

    public IEnumerable<NavEntry> Nav =>
    [
        new(WorkforceNav.Group, 48, "新增人才统计", "New talents", "/Workforce/Talents", "bi-graph-up-arrow", TalentsPermissions.View),
    ];
}
