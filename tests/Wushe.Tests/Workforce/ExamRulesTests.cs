using Wushe.Features.Workforce;
using Wushe.Features.Workforce.Exams;
using static Wushe.Features.Workforce.Exams.ExamRules;

namespace Wushe.Tests.Workforce;

/// <summary>The pass rules of the professional-level exam (DOMAIN.md, Social workers), as pure functions.</summary>
public sealed class ExamRulesTests
{
    const string Xiangshan = "340603000000";
    static readonly PassLine[] NoLines = [];

    static Sitting S(int year, int? s1, int? s2 = null, int? s3 = null, bool? review = null, string area = Xiangshan) => new(year, area, s1, s2, s3, review);

    [Fact]
    public void The_assistant_level_needs_both_subjects_in_the_same_year()
    {
        var o = Evaluate(SocialWorkLevel.Assistant, [S(2022, 70, 50), S(2023, 45, 75)], NoLines);
        Assert.Equal(ExamSubjects.First, o[0].Subjects);
        Assert.False(o[0].Passed);
        // The second subject passed a year later does not complete it: no roll at this level.
        Assert.Equal(ExamSubjects.Second, o[1].Subjects);
        Assert.False(o[1].Passed);
        Assert.True(Evaluate(SocialWorkLevel.Assistant, [S(2023, 60, 60)], NoLines)[0].Passed);
    }

    [Fact]
    public void The_intermediate_level_rolls_passes_over_two_consecutive_years_across_the_year_boundary()
    {
        // Given in any order: 2023's third subject completes 2022's two.
        var o = Evaluate(SocialWorkLevel.Intermediate, [S(2023, null, null, 66), S(2022, 61, 72, 40)], NoLines);
        Assert.True(o[0].Passed);
        Assert.False(o[1].Passed);
        Assert.Equal(ExamSubjects.Third, o[0].Subjects);
    }

    [Fact]
    public void Only_the_year_just_before_rolls()
    {
        // 2021's two passes are gone by 2023.
        var o = Evaluate(SocialWorkLevel.Intermediate, [S(2021, 70, 70, 30), S(2023, null, null, 80)], NoLines);
        Assert.False(o[1].Passed);
        // A year in between with a pass of its own: 2022 rolls into 2023, 2021 does not.
        var chain = Evaluate(SocialWorkLevel.Intermediate, [S(2021, 70, null, null), S(2022, null, 70, null), S(2023, null, null, 70)], NoLines);
        Assert.Equal([false, false, false], chain.Select(x => x.Passed));
        var window = Evaluate(SocialWorkLevel.Intermediate, [S(2021, 70, null, null), S(2022, null, 70, 70), S(2023, null, null, null)], NoLines);
        Assert.True(window[1].Passed);
        Assert.False(window[2].Sat);
    }

    [Fact]
    public void A_pass_used_by_a_completion_is_not_used_again()
    {
        // Completed in 2022 (with 2021's first subject); 2022's own passes do not roll into 2023.
        var o = Evaluate(SocialWorkLevel.Intermediate, [S(2021, 70, 40, 40), S(2022, null, 70, 70), S(2023, 70, null, null)], NoLines);
        Assert.True(o[1].Passed);
        Assert.False(o[2].Passed);
        // Passing needs a subject passed in the year itself: the year before's passes alone are not a completion.
        Assert.False(Evaluate(SocialWorkLevel.Intermediate, [S(2022, 70, 70, 40), S(2023, 50, 50, 50)], NoLines)[1].Passed);
    }

    [Fact]
    public void A_designated_areas_lower_line_applies_under_it_and_the_most_specific_wins()
    {
        PassLine[] lines =
        [
            new(2023, SocialWorkLevel.Assistant, 1, "520000000000", 55),  // 贵州省
            new(2023, SocialWorkLevel.Assistant, 1, "520500000000", 50),  // 毕节市, more specific
            new(2023, SocialWorkLevel.Assistant, 2, "520500000000", 52),
        ];
        Assert.Equal(50, LineFor(lines, 2023, SocialWorkLevel.Assistant, 1, "520502000000"));
        Assert.Equal(55, LineFor(lines, 2023, SocialWorkLevel.Assistant, 1, "520100000000"));
        Assert.Equal(DefaultMark, LineFor(lines, 2023, SocialWorkLevel.Assistant, 1, Xiangshan));
        Assert.Equal(DefaultMark, LineFor(lines, 2022, SocialWorkLevel.Assistant, 1, "520502000000"));
        Assert.True(Evaluate(SocialWorkLevel.Assistant, [S(2023, 51, 53, area: "520502000000")], lines)[0].Passed);
        Assert.False(Evaluate(SocialWorkLevel.Assistant, [S(2023, 51, 53, area: "520100000000")], lines)[0].Passed);
        Assert.False(Evaluate(SocialWorkLevel.Assistant, [S(2023, 51, 53)], lines)[0].Passed);
    }

    [Fact]
    public void The_senior_level_passes_its_exam_and_qualifies_with_the_review()
    {
        var o = Evaluate(SocialWorkLevel.Senior, [S(2023, 64)], NoLines);
        Assert.True(o[0].Passed);
        Assert.False(Qualifies(SocialWorkLevel.Senior, o[0].Passed, null));
        Assert.False(Qualifies(SocialWorkLevel.Senior, o[0].Passed, false));
        Assert.True(Qualifies(SocialWorkLevel.Senior, o[0].Passed, true));
        Assert.False(Qualifies(SocialWorkLevel.Senior, false, true));
        Assert.True(Qualifies(SocialWorkLevel.Assistant, true, null));
    }

    [Fact]
    public void Sat_means_one_subject_with_a_score_and_the_rate_has_one_decimal()
    {
        Assert.False(Evaluate(SocialWorkLevel.Assistant, [S(2023, null, null)], NoLines)[0].Sat);
        Assert.True(Evaluate(SocialWorkLevel.Assistant, [S(2023, 0, null)], NoLines)[0].Sat);
        Assert.Equal(25.9m, Rate(346, 1338));
        Assert.Null(Rate(0, 0));
        Assert.Equal(33.3m, Rate(1, 3));
    }
}
