using Microsoft.AspNetCore.Routing;

namespace Wushe.Features.Competitions;

static class AwardsApi
{
    public static void Map(RouteGroupBuilder api)
    {
    }
}
