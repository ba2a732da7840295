using Wushe.Data;
using Wushe.Features.Accounts;
using Wushe.Platform.Access;
using Wushe.Platform.Web;

namespace Wushe.Features.Audit;

/// <summary>GET /api/v1/audit only: audit records are append-only, so no route changes or deletes them.</summary>
public static class AuditApi
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/audit", async (AppDb db, CurrentUser me, [AsParameters] ListAudit.Query q) => (await ListAudit.Handle(db, me, q)).ToOk())
            .WithTags("Audit")
            .RequirePermission(AuditPermissions.View)
            .WithName("ListAudit").WithSummary("审计日志 · The audit trail")
            .WithDescription("The audit trail, newest first: ?userName=&action=&entity=&outcome=&from=yyyy-MM-dd&to=yyyy-MM-dd (China dates)&page=&size=")
            .ProducesValidationProblem();
}
