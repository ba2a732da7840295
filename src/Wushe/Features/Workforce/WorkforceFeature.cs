using Wushe.Platform.Composition;

namespace Wushe.Features.Workforce;

/// <summary>
/// Social-work workforce (社会工作人才队伍, issue 11): the register of social workers with their qualifications, registrations and
/// continuing education; the professional-level exam and its pass rates; trainings; the staffing of stations; new talents.
/// </summary>
public sealed class WorkforceFeature : IFeature
{
    public void MapEndpoints(FeatureEndpoints endpoints) => WorkforceApi.Map(endpoints.Api);

    public IEnumerable<NavEntry> Nav =>
    [
        new(WorkforceNav.Group, 10, "社工名册", "Social workers", "/Workforce", "bi-person-badge", WorkforcePermissions.View),
        new(WorkforceNav.Group, 50, "社工站人员配备", "Station staffing", "/Workforce/Staffing", "bi-people", WorkforcePermissions.Figures),
    ];
}
