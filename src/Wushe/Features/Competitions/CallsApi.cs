using Microsoft.AspNetCore.Routing;

namespace Wushe.Features.Competitions;

static class CallsApi
{
    public static void Map(RouteGroupBuilder api)
    {
    }
}
