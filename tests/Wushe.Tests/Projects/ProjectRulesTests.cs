using Wushe.Features.Projects;

namespace Wushe.Tests.Projects;

/// <summary>The projects' pure rules: the life cycle by actor, evaluations, surveys and the satisfaction rate (no database).</summary>
public sealed class ProjectRulesTests
{
    const ProjectActor Worker = ProjectActor.StationWorker, Head = ProjectActor.StationHead, Bureau = ProjectActor.Bureau,
        Organization = ProjectActor.Organization, Reader = ProjectActor.Reader;

    [Theory]
    [InlineData(ProjectStatus.Draft, ProjectStatus.Approved, new[] { Head, Bureau })]
    [InlineData(ProjectStatus.Draft, ProjectStatus.Terminated, new[] { Worker, Head, Bureau })]
    [InlineData(ProjectStatus.Approved, ProjectStatus.InProgress, new[] { Worker, Head, Organization })]
    [InlineData(ProjectStatus.Approved, ProjectStatus.Terminated, new[] { Worker, Head, Bureau })]
    [InlineData(ProjectStatus.InProgress, ProjectStatus.Completed, new[] { Worker, Head, Bureau })]
    [InlineData(ProjectStatus.InProgress, ProjectStatus.Terminated, new[] { Worker, Head, Bureau })]
    [InlineData(ProjectStatus.Draft, ProjectStatus.InProgress, new ProjectActor[0])]
    [InlineData(ProjectStatus.Draft, ProjectStatus.Completed, new ProjectActor[0])]
    [InlineData(ProjectStatus.Approved, ProjectStatus.Completed, new ProjectActor[0])]
    [InlineData(ProjectStatus.Completed, ProjectStatus.Terminated, new ProjectActor[0])]
    [InlineData(ProjectStatus.Terminated, ProjectStatus.InProgress, new ProjectActor[0])]
    [InlineData(ProjectStatus.InProgress, ProjectStatus.Draft, new ProjectActor[0])]
    public void Each_step_is_allowed_to_its_actors_only(ProjectStatus from, ProjectStatus to, ProjectActor[] allowed)
    {
        foreach (var actor in Enum.GetValues<ProjectActor>())
        {
            var refusal = ProjectRules.Refusal(from, to, actor);
            if (allowed.Contains(actor)) Assert.Null(refusal);
            else Assert.False(string.IsNullOrWhiteSpace(refusal), $"{actor} {from} → {to} should be refused in words");
        }
    }

    [Fact]
    public void Delivery_is_recorded_in_progress_by_the_organization_or_the_station_only()
    {
        Assert.Null(ProjectRules.DeliveryRefusal(ProjectStatus.InProgress, Organization));
        Assert.Null(ProjectRules.DeliveryRefusal(ProjectStatus.InProgress, Worker));
        Assert.NotNull(ProjectRules.DeliveryRefusal(ProjectStatus.InProgress, Bureau));
        Assert.NotNull(ProjectRules.DeliveryRefusal(ProjectStatus.InProgress, Reader));
        foreach (var s in new[] { ProjectStatus.Draft, ProjectStatus.Approved, ProjectStatus.Completed, ProjectStatus.Terminated })
            Assert.NotNull(ProjectRules.DeliveryRefusal(s, Organization));
    }

    [Fact]
    public void Evaluations_are_opened_and_reviewed_by_the_head_or_bureau_and_self_assessed_by_the_implementer_until_reviewed()
    {
        Assert.Null(ProjectRules.OpenEvaluationRefusal(ProjectStatus.InProgress, EvaluationStage.MidTerm, Head));
        Assert.NotNull(ProjectRules.OpenEvaluationRefusal(ProjectStatus.Completed, EvaluationStage.MidTerm, Head));
        Assert.Null(ProjectRules.OpenEvaluationRefusal(ProjectStatus.Completed, EvaluationStage.Final, Bureau));
        Assert.NotNull(ProjectRules.OpenEvaluationRefusal(ProjectStatus.Approved, EvaluationStage.Final, Bureau));
        Assert.NotNull(ProjectRules.OpenEvaluationRefusal(ProjectStatus.InProgress, EvaluationStage.MidTerm, Worker));
        Assert.NotNull(ProjectRules.OpenEvaluationRefusal(ProjectStatus.InProgress, EvaluationStage.MidTerm, Organization));

        var project = new Project("520502001000", "XM52050200120260001", null, "社工", DateTimeOffset.UnixEpoch);
        var evaluation = new ProjectEvaluation(project, EvaluationStage.MidTerm, ProjectEvaluation.DefaultCriteria(), 60, null, "站长", DateTimeOffset.UnixEpoch);
        Assert.Equal(100, evaluation.MaxTotal);
        Assert.NotNull(ProjectRules.ReviewRefusal(ProjectStatus.InProgress, evaluation, Head)); // no self-assessment yet
        Assert.NotNull(ProjectRules.SelfAssessRefusal(ProjectStatus.InProgress, evaluation, Head)); // the reviewer does not self-assess
        Assert.Null(ProjectRules.SelfAssessRefusal(ProjectStatus.InProgress, evaluation, Organization));
        Assert.NotNull(ProjectRules.SelfAssessRefusal(ProjectStatus.Terminated, evaluation, Organization)); // a terminated project is not scored
        evaluation.SelfAssess([18, 32, 14, 14, 13], "自评", "机构", DateTimeOffset.UnixEpoch);
        Assert.Equal(91, evaluation.SelfTotal);
        Assert.Null(evaluation.Passed);
        Assert.NotNull(ProjectRules.ReviewRefusal(ProjectStatus.InProgress, evaluation, Organization));
        Assert.Null(ProjectRules.ReviewRefusal(ProjectStatus.InProgress, evaluation, Bureau));
        Assert.Null(ProjectRules.ReviewRefusal(ProjectStatus.Completed, evaluation, Bureau));
        Assert.NotNull(ProjectRules.ReviewRefusal(ProjectStatus.Terminated, evaluation, Bureau));
        evaluation.Review([12, 20, 10, 10, 8], "评审", null, "评审人", DateTimeOffset.UnixEpoch);
        Assert.Equal(60, evaluation.ReviewTotal);
        Assert.True(evaluation.Passed); // the pass mark itself passes
        Assert.NotNull(ProjectRules.ReviewRefusal(ProjectStatus.InProgress, evaluation, Bureau));
        Assert.NotNull(ProjectRules.SelfAssessRefusal(ProjectStatus.InProgress, evaluation, Organization));
    }

    [Theory]
    [InlineData(45, 48, "93.7", true)]
    [InlineData(9049, 10055, "89.9", false)]
    [InlineData(9, 10, "90", true)]
    [InlineData(89, 100, "89", false)]
    [InlineData(0, 3, "0", false)]
    public void Satisfaction_is_satisfied_of_answered_cut_to_one_decimal_and_meets_bijies_target_from_90(int satisfied, int answered, string percent, bool meets)
    {
        var rate = new SatisfactionRate(satisfied, answered, 1);
        Assert.Equal(decimal.Parse(percent, System.Globalization.CultureInfo.InvariantCulture), rate.Percent);
        Assert.Equal(meets, rate.MeetsTarget);
        Assert.EndsWith($"{percent}%。", ProjectRules.SatisfactionSentence(rate));
    }

    [Fact]
    public void Nobody_answered_gives_no_rate_and_no_sentence()
    {
        var none = new SatisfactionRate(0, 0, 0);
        Assert.Null(none.Percent);
        Assert.False(none.MeetsTarget);
        Assert.Equal("", ProjectRules.SatisfactionSentence(none));
        Assert.Null(ProjectRules.SurveyRefusal(ProjectStatus.Completed, Organization));
        Assert.NotNull(ProjectRules.SurveyRefusal(ProjectStatus.Approved, Organization));
        Assert.NotNull(ProjectRules.SurveyRefusal(ProjectStatus.InProgress, Reader));
    }
}
