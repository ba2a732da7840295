using Microsoft.AspNetCore.Routing;

namespace Wushe.Features.Competitions;

/// <summary>/api/v1/competitions/…: the calls, applications, review and awards, each part mapping its own routes.</summary>
public static class CompetitionsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        CallsApi.Map(api);
        ApplicationsApi.Map(api);
        ReviewApi.Map(api);
        AwardsApi.Map(api);
    }
}
