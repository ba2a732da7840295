using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Workforce.Exams;

/// <summary>
/// 考试成绩 of the user's scope: by exam area (tree), year, level, passed or not, and a part of the name; newest year first, then by
/// area and name; paged. ID numbers only masked. <see cref="Get"/>: one candidate of the scope with the person's other sittings of
/// the level (another area's is 404).
/// </summary>
public static class ListExamCandidates
{
    public sealed record Query(string? Area = null, [Label("考试年度", "Year")] int? Year = null, [Label("级别", "Level")] SocialWorkLevel? Level = null,
        [Label("是否通过", "Passed")] bool? Passed = null, string? Keyword = null,
        [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null) : IPagedQuery, IAreaFilteredQuery;

    /// <param name="Subjects">Per subject of the level: the score (null: none) and whether it passed.</param>
    public sealed record Subject(int Number, string Name, int? Score, bool Passed);

    public sealed record Row(Guid Id, int Year, SocialWorkLevel Level, string LevelName, Guid SocialWorkerId, string Name, string IdNumber, string AreaCode, string AreaName,
        IReadOnlyList<Subject> Subjects, bool? ReviewPassed, bool Sat, bool Passed, bool Qualifies, int Version);

    public static async Task<PageOf<Row>> Handle(AppDb db, Query q, CancellationToken ct = default)
    {
        var candidates = Filter(db, q);
        var found = await candidates.OrderByDescending(c => c.Year).ThenBy(c => c.AreaCode).ThenBy(c => c.Level).ThenBy(c => c.Name).ThenBy(c => c.Id)
            .ToPageAsync(q.Page, q.Size, ct);
        return new PageOf<Row>(await RowsAsync(db, found.Items, ct), found.Total, found.Page, found.Size);
    }

    public static IQueryable<ExamCandidate> Filter(AppDb db, Query q)
    {
        var candidates = db.Set<ExamCandidate>().AsNoTracking().Under(q.Area);
        if (q.Year is { } y) candidates = candidates.Where(c => c.Year == y);
        if (q.Level is { } l) candidates = candidates.Where(c => c.Level == l);
        if (q.Passed is { } p) candidates = candidates.Where(c => c.Passed == p && c.Sat);
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var k = q.Keyword.Trim();
            candidates = candidates.Where(c => c.Name.Contains(k));
        }
        return candidates;
    }

    public static async Task<List<Row>> RowsAsync(AppDb db, IReadOnlyList<ExamCandidate> items, CancellationToken ct)
    {
        var names = await AreaNames.LookupAsync(db, items.Select(c => c.AreaCode).Distinct(), ct);
        return [.. items.Select(c => ToRow(c, names.GetValueOrDefault(c.AreaCode, c.AreaCode)))];
    }

    static Row ToRow(ExamCandidate c, string areaName)
    {
        var scores = new[] { c.Score1, c.Score2, c.Score3 };
        var subjects = Enumerable.Range(1, ExamRules.SubjectCount(c.Level))
            .Select(n => new Subject(n, ExamRules.SubjectName(c.Level, n), scores[n - 1], c.PassedSubjects.HasFlag(ExamRules.Flag(n)))).ToList();
        return new Row(c.Id, c.Year, c.Level, Qualification.LevelLabel(c.Level), c.SocialWorkerId, c.Name, c.IdMasked, c.AreaCode, areaName, subjects,
            c.ReviewPassed, c.Sat, c.Passed, ExamRules.Qualifies(c.Level, c.Passed, c.ReviewPassed), c.Version);
    }

    /// <summary>A candidate and the person's sittings of the level in the scope (the roll), oldest first.</summary>
    public sealed record Detail(Row Candidate, IReadOnlyList<Row> Sittings);

    public static async Task<Result<Detail>> Get(AppDb db, Guid id, CancellationToken ct = default)
    {
        if (await db.Set<ExamCandidate>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is not { } c) return Failure.NotFound();
        var sittings = await db.Set<ExamCandidate>().AsNoTracking().Where(x => x.SocialWorkerId == c.SocialWorkerId && x.Level == c.Level).OrderBy(x => x.Year).ToListAsync(ct);
        var rows = await RowsAsync(db, [c, .. sittings], ct);
        return new Detail(rows[0], rows[1..]);
    }
}
