using Microsoft.AspNetCore.Routing;

namespace Wushe.Features.Competitions;

static class ReviewApi
{
    public static void Map(RouteGroupBuilder api)
    {
    }
}
