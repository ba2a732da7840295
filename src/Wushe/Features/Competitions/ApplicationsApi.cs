using Microsoft.AspNetCore.Routing;

namespace Wushe.Features.Competitions;

static class ApplicationsApi
{
    public static void Map(RouteGroupBuilder api)
    {
    }
}
