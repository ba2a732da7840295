using Wushe.Features.Households;
using Wushe.Platform.Composition;

namespace Wushe.Features.Casework;

/// <summary>Case files (个案) with head approvals and referrals, and guardianship assessments of minors (监护评估).</summary>
public sealed class CaseworkFeature : IFeature
{
    public void MapEndpoints(FeatureEndpoints endpoints) => CaseworkApi.Map(endpoints.Api);

    public IEnumerable<Platform.Files.FileKind> FileKinds => [CaseNote.Attachment];

    public IEnumerable<NavEntry> Nav =>
    [
        new(HouseholdsFeature.Group, 40, "个案管理", "Cases", "/Casework", "bi-folder2-open", CaseworkPermissions.View),
        new(Organizations.OrganizationsFeature.Group, 13, "转介个案", "Referred cases", "/Casework/Referred", "bi-folder-symlink", CaseworkPermissions.Referred),
        new(HouseholdsFeature.Group, 50, "监护评估", "Guardianship", "/Casework/Guardianship", "bi-shield-check", CaseworkPermissions.View),
    ];
}
