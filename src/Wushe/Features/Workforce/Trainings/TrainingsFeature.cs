using Wushe.Platform.Composition;

namespace Wushe.Features.Workforce.Trainings;

/// <summary>培训 (issue 11): courses, enrolment and attendance credited to continuing education, attendance certificates, figures.</summary>
public sealed class TrainingsFeature : IFeature
{
    public void MapEndpoints(FeatureEndpoints endpoints)
    {
        TrainingsApi.Map(endpoints.Api);
        TrainingsApi.MapPublic(endpoints.PublicApi);
    }

    public IEnumerable<NavEntry> Nav =>
    [
        new(WorkforceNav.Group, 20, "培训管理", "Trainings", "/Workforce/Trainings", "bi-easel", WorkforcePermissions.View),
        new(WorkforceNav.Group, 30, "培训统计", "Training figures", "/Workforce/Trainings/Figures", "bi-graph-up", WorkforcePermissions.Figures),
    ];
}
