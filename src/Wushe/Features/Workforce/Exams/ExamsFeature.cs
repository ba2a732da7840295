using Wushe.Platform.Composition;

namespace Wushe.Features.Workforce.Exams;

/// <summary>职业水平考试 (issue 11): candidates and their results computed by the pass rules, imports, pass lines, figures.</summary>
public sealed class ExamsFeature : IFeature
{
    public void MapEndpoints(FeatureEndpoints endpoints) => ExamsApi.Map(endpoints.Api);

    public IEnumerable<NavEntry> Nav =>
    [
        new(WorkforceNav.Group, 40, "考试成绩", "Exam results", "/Workforce/Exams", "bi-journal-check", ExamsPermissions.View),
        new(WorkforceNav.Group, 45, "考试统计", "Exam figures", "/Workforce/Exams/Figures", "bi-bar-chart", ExamsPermissions.View),
    ];
}
