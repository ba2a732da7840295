using Wushe.Platform.Access;

namespace Wushe.Features.Audit;

public static class AuditPermissions
{
    public const string ViewPolicy = "audit.view";

    /// <summary>Read the audit log (platform admins only: no role but theirs holds it).</summary>
    public static readonly Permission View = new(ViewPolicy);
}
