using Wushe.Platform.Composition;

namespace Wushe.Features.Audit;

/// <summary>The audit log: reading it (the records themselves are written by AppDb and Platform/Audit).</summary>
public sealed class AuditFeature : IFeature
{
    public void MapEndpoints(FeatureEndpoints endpoints) => AuditApi.Map(endpoints.Api);

    public IEnumerable<NavEntry> Nav =>
    [
        new(NavGroups.System, 20, "审计日志", "Audit log", "/Admin/Audit", "bi-journal-text", AuditPermissions.View),
    ];
}
