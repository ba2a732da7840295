using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;

namespace Wushe.Features.Workforce.Exams;

/// <summary>
/// Keeps the computed results of the exam (<see cref="ExamCandidate.PassedSubjects"/>, <see cref="ExamCandidate.Sat"/>,
/// <see cref="ExamCandidate.Passed"/>) true to the scores and the lines (<see cref="ExamRules"/>). A person's results of a level depend
/// on each other (the intermediate roll), so a change of one sitting recomputes the person's every sitting of that level; a change of a
/// line recomputes the people with a sitting of its year and level under its area. The person's sittings are read whatever the area
/// (someone who sat in another county the year before still rolls its passes), and results that change outside the caller's own tracked
/// records are written set-based (one UPDATE per distinct result) — they are the rules' values, not anyone's edit; the caller holds a
/// transaction around this and its save.
/// </summary>
public static class ExamResults
{
    /// <summary>People per batch: the sittings of 2,000 people are read at once.</summary>
    const int Batch = 2000;

    sealed record Row(Guid Id, Guid SocialWorkerId, SocialWorkLevel Level, int Year, string AreaCode, int? Score1, int? Score2, int? Score3, bool? ReviewPassed,
        ExamSubjects PassedSubjects, bool Sat, bool Passed);

    /// <summary>
    /// Recomputes every sitting of the given people at the given levels. <paramref name="tracked"/> are candidates of this context
    /// (added or changed, not saved yet): their results are set on them; the others' are updated in the database at once.
    /// </summary>
    public static async Task RecomputeAsync(AppDb db, IReadOnlyCollection<(Guid Worker, SocialWorkLevel Level)> people, IReadOnlyCollection<ExamCandidate> tracked,
        CancellationToken ct)
    {
        var byId = tracked.ToDictionary(c => c.Id);
        foreach (var level in people.Select(p => p.Level).Distinct())
        {
            var workers = people.Where(p => p.Level == level).Select(p => p.Worker).Distinct().ToList();
            foreach (var chunk in workers.Chunk(Batch))
            {
                var rows = await db.Set<ExamCandidate>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking()
                    .Where(c => c.Level == level && chunk.Contains(c.SocialWorkerId))
                    .Select(c => new Row(c.Id, c.SocialWorkerId, c.Level, c.Year, c.AreaCode, c.Score1, c.Score2, c.Score3, c.ReviewPassed, c.PassedSubjects, c.Sat, c.Passed))
                    .ToListAsync(ct);
                // The tracked ones as they are now (new ones are not in the database yet).
                var set = new HashSet<Guid>(chunk);
                rows = [.. rows.Where(r => !byId.ContainsKey(r.Id)),
                    .. tracked.Where(c => c.Level == level && set.Contains(c.SocialWorkerId)).Select(c => new Row(c.Id, c.SocialWorkerId, c.Level, c.Year, c.AreaCode,
                        c.Score1, c.Score2, c.Score3, c.ReviewPassed, c.PassedSubjects, c.Sat, c.Passed))];
                await ApplyAsync(db, level, rows, byId, ct);
            }
        }
    }

    static async Task ApplyAsync(AppDb db, SocialWorkLevel level, List<Row> rows, Dictionary<Guid, ExamCandidate> tracked, CancellationToken ct)
    {
        var years = rows.Select(r => r.Year).Distinct().ToList();
        var lines = await db.Set<ExamPassLine>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking()
            .Where(l => l.Level == level && years.Contains(l.Year))
            .Select(l => new ExamRules.PassLine(l.Year, l.Level, l.Subject, l.AreaCode, l.Mark)).ToListAsync(ct);
        var changed = new Dictionary<ExamRules.Outcome, List<Guid>>();
        foreach (var person in rows.GroupBy(r => r.SocialWorkerId))
        {
            var sittings = person.ToList();
            var outcomes = ExamRules.Evaluate(level, [.. sittings.Select(r => new ExamRules.Sitting(r.Year, r.AreaCode, r.Score1, r.Score2, r.Score3, r.ReviewPassed))], lines);
            for (var i = 0; i < sittings.Count; i++)
            {
                var r = sittings[i];
                var o = outcomes[i];
                if (tracked.TryGetValue(r.Id, out var entity)) { entity.Result(o); continue; }
                if (o == new ExamRules.Outcome(r.PassedSubjects, r.Sat, r.Passed)) continue;
                if (!changed.TryGetValue(o, out var ids)) changed[o] = ids = [];
                ids.Add(r.Id);
            }
        }
        foreach (var (o, ids) in changed)
            foreach (var chunk in ids.Chunk(Batch))
                await db.Set<ExamCandidate>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(c => chunk.Contains(c.Id))
                    .ExecuteUpdateAsync(s => s.SetProperty(c => c.PassedSubjects, o.Subjects).SetProperty(c => c.Sat, o.Sat).SetProperty(c => c.Passed, o.Passed), ct);
    }

    /// <summary>After a line of (year, level) under an area changed: the people with a sitting there, all their sittings of the level recomputed, in batches.</summary>
    public static async Task RecomputeLineAsync(AppDb db, int year, SocialWorkLevel level, string areaCode, CancellationToken ct)
    {
        var workers = await db.Set<ExamCandidate>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking()
            .Where(c => c.Year == year && c.Level == level).WithinArea(c => c.AreaCode, areaCode)
            .Select(c => c.SocialWorkerId).ToListAsync(ct);
        await RecomputeAsync(db, [.. workers.Select(w => (w, level))], [], ct);
    }
}
