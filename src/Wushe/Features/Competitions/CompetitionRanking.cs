namespace Wushe.Features.Competitions;

/// <summary>
/// 评审排名: the one rule that turns the judges' scores into a call's ranking (pure; the ranking page, the API, the notice and the
/// awards read it). For each application:
/// <list type="number">
/// <item>each judge who scored it (recused judges count nowhere) gives a total out of 100: Σ weightᵢ × scoreᵢ ÷ maxᵢ;</item>
/// <item>the totals make its score by the call's <see cref="ScoreAggregation"/>: the mean, or the mean after dropping one highest and
/// one lowest total (with three totals or more; fewer: the mean), rounded half away from zero to 2 decimals (四舍五入);</item>
/// <item>co-funding rewarded (<see cref="CoFundingRule.Rewarded"/>) adds bonus points: max × min(1, co-funding ÷ request ÷ full%),
/// rounded to 2 decimals; the final score is score + bonus;</item>
/// <item>higher final first; equal finals by the call's <see cref="TieBreak"/>, then the earlier submission, then the number. An
/// application nobody has scored yet has no final and comes last.</item>
/// </list>
/// DOMAIN.md "Venture-philanthropy competitions" (rubric with weighted criteria, several judges, recusal, matched-funding bonus).
/// </summary>
public static class CompetitionRanking
{
    /// <summary>What the ranking reads of the call.</summary>
    public sealed record Rules(IReadOnlyList<RubricCriterion> Rubric, ScoreAggregation Aggregation, TieBreak TieBreak,
        CoFundingRule CoFunding = CoFundingRule.None, int BonusMaxPoints = 0, int BonusFullPercent = 0)
    {
        public static Rules Of(Competition c) => new(c.Rubric, c.Aggregation, c.TieBreak, c.CoFunding, c.BonusMaxPoints, c.BonusFullPercent);
    }

    /// <summary>What the ranking reads of an application (amounts in fen; the number and submission order the last tie rules).</summary>
    public sealed record Entry(Guid Id, string ApplicationNo, DateTimeOffset? SubmittedAt, long RequestedFen, long CoFundingFen);

    /// <summary>One judge's assignment: recused, or scores per criterion in the rubric's order (empty while not scored).</summary>
    public sealed record Mark(Guid ApplicationId, Guid JudgeId, bool Recused, IReadOnlyList<int> Scores);

    /// <summary>
    /// One ranked application: its rank (1 …, unique), the judges assigned and not recused, those who scored, the judges' totals,
    /// the aggregated score, the bonus, the final score (null while nobody scored), each criterion's mean over the judges who scored,
    /// and whether every judge assigned and not recused has scored.
    /// </summary>
    public sealed record Ranked(Guid Id, int Rank, int Judges, int Scored, IReadOnlyList<decimal> Totals, decimal? Score, decimal Bonus, decimal? Final,
        IReadOnlyList<decimal> CriterionMeans, bool Complete);

    /// <summary>A judge's total out of 100 for one set of scores: Σ weightᵢ × scoreᵢ ÷ maxᵢ (exact).</summary>
    public static decimal Total(IReadOnlyList<RubricCriterion> rubric, IReadOnlyList<int> scores)
    {
        if (scores.Count != rubric.Count) throw new ArgumentException($"{scores.Count} scores for {rubric.Count} criteria.", nameof(scores));
        var total = 0m;
        for (var i = 0; i < rubric.Count; i++) total += (decimal)rubric[i].Weight * scores[i] / rubric[i].MaxScore;
        return total;
    }

    /// <summary>The totals' aggregate by the rule, rounded to 2 decimals; null for no totals.</summary>
    public static decimal? Aggregate(ScoreAggregation aggregation, IReadOnlyList<decimal> totals)
    {
        if (totals.Count == 0) return null;
        IEnumerable<decimal> kept = totals;
        if (aggregation == ScoreAggregation.TrimmedMean && totals.Count >= 3) kept = totals.Order().Skip(1).Take(totals.Count - 2);
        var list = kept.ToList();
        return Math.Round(list.Sum() / list.Count, 2, MidpointRounding.AwayFromZero);
    }

    /// <summary>The co-funding bonus in points (2 decimals): 0 unless the call rewards co-funding.</summary>
    public static decimal Bonus(Rules rules, long requestedFen, long coFundingFen)
    {
        if (rules.CoFunding != CoFundingRule.Rewarded || rules.BonusMaxPoints <= 0 || rules.BonusFullPercent <= 0 || requestedFen <= 0 || coFundingFen <= 0) return 0m;
        var share = (decimal)coFundingFen * 100 / requestedFen / rules.BonusFullPercent;
        return Math.Round(rules.BonusMaxPoints * Math.Min(1m, share), 2, MidpointRounding.AwayFromZero);
    }

    public static IReadOnlyList<Ranked> Rank(Rules rules, IEnumerable<Entry> entries, IEnumerable<Mark> marks)
    {
        var byApplication = marks.ToLookup(m => m.ApplicationId);
        var rows = new List<(Entry Entry, Ranked Row)>();
        foreach (var e in entries)
        {
            var assigned = byApplication[e.Id].Where(m => !m.Recused).ToList();
            var scored = assigned.Where(m => m.Scores.Count == rules.Rubric.Count).ToList();
            var totals = scored.Select(m => Total(rules.Rubric, m.Scores)).ToList();
            var score = Aggregate(rules.Aggregation, totals);
            var bonus = Bonus(rules, e.RequestedFen, e.CoFundingFen);
            var means = Enumerable.Range(0, rules.Rubric.Count)
                .Select(i => scored.Count == 0 ? 0m : scored.Sum(m => (decimal)m.Scores[i]) / scored.Count).ToList();
            rows.Add((e, new Ranked(e.Id, 0, assigned.Count, scored.Count, totals, score, bonus, score + bonus, means, assigned.Count > 0 && scored.Count == assigned.Count)));
        }
        rows.Sort((a, b) => Compare(rules, a, b));
        return [.. rows.Select((r, i) => r.Row with { Rank = i + 1 })];
    }

    static int Compare(Rules rules, (Entry Entry, Ranked Row) a, (Entry Entry, Ranked Row) b)
    {
        if (a.Row.Final is null != b.Row.Final is null) return a.Row.Final is null ? 1 : -1;
        var c = Nullable.Compare(b.Row.Final, a.Row.Final);
        if (c != 0) return c;
        switch (rules.TieBreak)
        {
            case TieBreak.CriteriaInOrder:
                for (var i = 0; i < a.Row.CriterionMeans.Count; i++)
                    if ((c = b.Row.CriterionMeans[i].CompareTo(a.Row.CriterionMeans[i])) != 0) return c;
                break;
            case TieBreak.LowerRequest:
                if ((c = a.Entry.RequestedFen.CompareTo(b.Entry.RequestedFen)) != 0) return c;
                break;
        }
        c = Nullable.Compare(a.Entry.SubmittedAt, b.Entry.SubmittedAt);
        return c != 0 ? c : string.CompareOrdinal(a.Entry.ApplicationNo, b.Entry.ApplicationNo);
    }
}
