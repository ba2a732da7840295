using Wushe.Features.Households;
using Wushe.Platform.Composition;

namespace Wushe.Features.Casework;

/// <summary>Groups (小组) and community activities, and the summary of every service given (服务统计), in the 关爱服务 menu.</summary>
public sealed class GroupsFeature : IFeature
{
    public void MapEndpoints(FeatureEndpoints endpoints)
    {
        GroupsApi.Map(endpoints.Api);
        ServicesApi.Map(endpoints.Api);
    }

    public IEnumerable<NavEntry> Nav =>
    [
        new(HouseholdsFeature.Group, 50, "小组与社区活动", "Groups and activities", "/Groups", "bi-people-fill", GroupsPermissions.View),
        new(HouseholdsFeature.Group, 60, "服务统计", "Service summary", "/Households/Services", "bi-bar-chart", HouseholdsPermissions.View),
    ];
}
