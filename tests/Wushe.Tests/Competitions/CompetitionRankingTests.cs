using Wushe.Features.Competitions;
using static Wushe.Features.Competitions.CompetitionRanking;

namespace Wushe.Tests.Competitions;

/// <summary>The ranking rule (CompetitionRanking): weighted totals, trimmed mean, recusal, bonus and ties, against hand calculations.</summary>
public sealed class CompetitionRankingTests
{
    /// <summary>Five criteria out of 10 each, weights 20/30/30/10/10: a judge who gives s on every criterion totals 10·s.</summary>
    public static readonly RubricCriterion[] Rubric =
        [new("创新性", 20, 10), new("可行性", 30, 10), new("社会效益", 30, 10), new("团队能力", 10, 10), new("预算合理性", 10, 10)];

    static readonly DateTimeOffset Deadline = new(2025, 5, 31, 16, 0, 0, TimeSpan.Zero);

    /// <summary>The 30 × 7 competition of the issue: application k, judge j gives s(k, j) = (3k + 5j + k·j) mod 11 on every criterion; judge 0 is recused from application 0.</summary>
    public static int S(int k, int j) => (3 * k + 5 * j + k * j) % 11;

    public static (List<Entry> Entries, List<Mark> Marks, Guid[] Judges) ThirtyBySeven()
    {
        var judges = Enumerable.Range(0, 7).Select(j => new Guid($"00000000-0000-0000-0000-0000000000{j + 1:x2}")).ToArray();
        var entries = Enumerable.Range(0, 30).Select(k => new Entry(new Guid($"10000000-0000-0000-0000-0000000000{k + 1:x2}"), $"A{k + 1:000}", Deadline.AddMinutes(-k), 100_000_00, 0)).ToList();
        var marks = new List<Mark>();
        foreach (var (e, k) in entries.Select((e, k) => (e, k)))
            for (var j = 0; j < 7; j++)
                marks.Add(k == 0 && j == 0 ? new Mark(e.Id, judges[j], true, []) : new Mark(e.Id, judges[j], false, Enumerable.Repeat(S(k, j), 5).ToList()));
        return (entries, marks, judges);
    }

    /// <summary>By hand: the totals 10·s, sorted, the highest and the lowest dropped, the rest averaged, rounded to 2 decimals.</summary>
    public static decimal HandTrimmedMean(int k)
    {
        var totals = Enumerable.Range(0, 7).Where(j => !(k == 0 && j == 0)).Select(j => 10 * S(k, j)).OrderBy(t => t).ToList();
        var kept = totals.Skip(1).Take(totals.Count - 2).ToList();
        return Math.Round((decimal)kept.Sum() / kept.Count, 2, MidpointRounding.AwayFromZero);
    }

    [Fact]
    public void Thirty_applications_seven_judges_one_recusal_rank_as_the_hand_calculation()
    {
        var (entries, marks, _) = ThirtyBySeven();
        var ranked = Rank(new Rules(Rubric, ScoreAggregation.TrimmedMean, TieBreak.EarlierSubmission), entries, marks);

        // Application 0 (A001): judge 0 recused; judges 1–6 give s = 5, 10, 4, 9, 3, 8 → totals 30 40 50 80 90 100 → drop 30 and 100 → 260 / 4 = 65.
        var first = ranked.Single(r => r.Id == entries[0].Id);
        Assert.Equal(6, first.Judges);
        Assert.Equal(6, first.Scored);
        Assert.Equal(65m, first.Score);
        // Application 1 (A002): s = 3, 9, 4, 10, 5, 0, 6 → totals 0 30 40 50 60 90 100 → drop 0 and 100 → 270 / 5 = 54.
        Assert.Equal(54m, ranked.Single(r => r.Id == entries[1].Id).Score);
        Assert.Equal(65m, HandTrimmedMean(0));
        Assert.Equal(54m, HandTrimmedMean(1));

        var expected = entries.Select((e, k) => (e, Score: HandTrimmedMean(k)))
            .OrderByDescending(x => x.Score).ThenBy(x => x.e.SubmittedAt).Select(x => x.e.Id).ToList();
        Assert.Equal(expected, ranked.Select(r => r.Id).ToList());
        Assert.Equal(Enumerable.Range(1, 30), ranked.Select(r => r.Rank));
        Assert.All(ranked, r => Assert.Equal(HandTrimmedMean(entries.FindIndex(e => e.Id == r.Id)), r.Final));
        Assert.All(ranked, r => Assert.True(r.Complete));
    }

    [Fact]
    public void A_recused_judge_counts_nowhere_and_an_unscored_assignment_leaves_the_ranking_incomplete()
    {
        var a = new Entry(Guid.NewGuid(), "A001", Deadline, 1000, 0);
        var j1 = Guid.NewGuid(); var j2 = Guid.NewGuid(); var j3 = Guid.NewGuid();
        var r = Rank(new Rules(Rubric, ScoreAggregation.Mean, TieBreak.EarlierSubmission), [a],
            [new Mark(a.Id, j1, true, []), new Mark(a.Id, j2, false, [10, 10, 10, 10, 10]), new Mark(a.Id, j3, false, [])]).Single();
        Assert.Equal(2, r.Judges);
        Assert.Equal(1, r.Scored);
        Assert.False(r.Complete);
        Assert.Equal(100m, r.Score);
    }

    [Fact]
    public void Weighted_totals_follow_the_weights_and_maxima()
    {
        // 8/10 × 20 + 6/10 × 30 + 9/10 × 30 + 5/10 × 10 + 7/10 × 10 = 16 + 18 + 27 + 5 + 7 = 73.
        Assert.Equal(73m, Total(Rubric, [8, 6, 9, 5, 7]));
        // Maxima other than 10: 15/20 × 60 + 3/5 × 40 = 45 + 24 = 69.
        Assert.Equal(69m, Total([new("甲", 60, 20), new("乙", 40, 5)], [15, 3]));
    }

    [Fact]
    public void The_trimmed_mean_needs_three_totals_and_rounds_half_away_from_zero()
    {
        Assert.Null(Aggregate(ScoreAggregation.TrimmedMean, []));
        Assert.Equal(75m, Aggregate(ScoreAggregation.TrimmedMean, [70m, 80m]));
        Assert.Equal(80m, Aggregate(ScoreAggregation.TrimmedMean, [10m, 80m, 99m]));
        // (70 + 71 + 71) / 3 = 70.666… → 70.67
        Assert.Equal(70.67m, Aggregate(ScoreAggregation.TrimmedMean, [0m, 70m, 71m, 71m, 100m]));
        // 0.125 → 0.13 (half away from zero, not to even)
        Assert.Equal(0.13m, Aggregate(ScoreAggregation.Mean, [0.125m]));
    }

    [Fact]
    public void Co_funding_earns_bonus_points_linearly_up_to_the_cap()
    {
        var rules = new Rules(Rubric, ScoreAggregation.Mean, TieBreak.EarlierSubmission, CoFundingRule.Rewarded, 5, 50);
        Assert.Equal(0m, Bonus(rules, 100_000, 0));
        Assert.Equal(2.5m, Bonus(rules, 100_000, 25_000));
        Assert.Equal(5m, Bonus(rules, 100_000, 50_000));
        Assert.Equal(5m, Bonus(rules, 100_000, 90_000));
        Assert.Equal(0m, Bonus(rules with { CoFunding = CoFundingRule.Required }, 100_000, 50_000));
    }

    [Fact]
    public void Equal_finals_are_ordered_by_the_stated_rule_then_the_earlier_submission()
    {
        var j = Guid.NewGuid();
        var early = new Entry(Guid.NewGuid(), "A002", Deadline.AddDays(-2), 50_000, 0);
        var late = new Entry(Guid.NewGuid(), "A001", Deadline.AddDays(-1), 40_000, 0);
        // Both total 73; the early one is stronger on 创新性 (first criterion), the late one asks less.
        Mark[] marks = [new(early.Id, j, false, [9, 6, 9, 3, 7]), new(late.Id, j, false, [8, 6, 9, 5, 7])];
        Assert.Equal(Total(Rubric, [9, 6, 9, 3, 7]), Total(Rubric, [8, 6, 9, 5, 7]));
        Assert.Equal([early.Id, late.Id], Rank(new Rules(Rubric, ScoreAggregation.Mean, TieBreak.CriteriaInOrder), [late, early], marks).Select(r => r.Id));
        Assert.Equal([late.Id, early.Id], Rank(new Rules(Rubric, ScoreAggregation.Mean, TieBreak.LowerRequest), [early, late], marks).Select(r => r.Id));
        Assert.Equal([early.Id, late.Id], Rank(new Rules(Rubric, ScoreAggregation.Mean, TieBreak.EarlierSubmission), [late, early], marks).Select(r => r.Id));
    }

    [Fact]
    public void An_application_nobody_scored_comes_last()
    {
        var j = Guid.NewGuid();
        var none = new Entry(Guid.NewGuid(), "A001", Deadline.AddDays(-3), 1, 0);
        var low = new Entry(Guid.NewGuid(), "A002", Deadline, 1, 0);
        var ranked = Rank(new Rules(Rubric, ScoreAggregation.Mean, TieBreak.EarlierSubmission), [none, low], [new(none.Id, j, false, []), new(low.Id, j, false, [0, 0, 0, 0, 0])]);
        Assert.Equal([low.Id, none.Id], ranked.Select(r => r.Id));
        Assert.Null(ranked[1].Final);
    }
}
