using Wushe.Platform.Access;

namespace Wushe.Features.Audit;

public static class AuditPermissions
{
    /// <summary>Read the audit log (platform admins only: no role but theirs holds it).</summary>
    public static readonly Permission View = new("audit.view");
}
