using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Households;

/// <summary>Routes of households and people at risk (/api/v1/households …); each calls the use case its page calls too.</summary>
public static class HouseholdsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/households").WithTags("Households").RequirePermission(HouseholdsPermissions.View);
        g.MapPost("/", async (AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock, RegisterHousehold.Request r) =>
                (await RegisterHousehold.Handle(db, me, sealer, clock, r)).ToHttp(c => TypedResults.Created($"{Api.Prefix}/households/{c.Id}", c)))
            .RequirePermission(HouseholdsPermissions.Manage)
            .WithName("RegisterHousehold").WithSummary("登记家庭户 · Register a household")
            .WithDescription("A household of a community or village with its members (exactly one head). One bad member saves nothing; errors name the member (members[1].idNumber). A duplicate ID number is 409.")
            .ProducesValidationProblem();
    }
}
