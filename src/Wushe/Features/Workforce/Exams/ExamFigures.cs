using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Workforce.Exams;

/// <summary>
/// 考试统计: sat (参考), passed and the pass rate (passed ÷ sat, one decimal) of an area of the scope and of each of its child areas, by
/// year and level, counted by the exam area of the candidates; the chosen year (default: the latest on record) beside the year before,
/// and an honest 历史新高 — a figure higher than every earlier year on record for that area (the first year on record is no record).
/// One grouped read over the index (AreaCode, Year, Level, Sat, Passed); the rest in memory. Failures: 400 naming area, year or level;
/// 404 for an area outside the scope.
/// </summary>
public static class ExamFigures
{
    public sealed record Query(string? Area = null, [Label("考试年度", "Year")] int? Year = null, [Label("级别", "Level")] SocialWorkLevel? Level = null) : IAreaFilteredQuery;

    /// <summary>A year's figures with the year before and the record marks.</summary>
    public sealed record Figure(int Sat, int Passed, decimal? Rate, int? SatBefore, int? PassedBefore, decimal? RateBefore, bool SatRecord, bool PassedRecord, bool RateRecord);

    public sealed record LevelFigure(SocialWorkLevel Level, string LevelName, Figure Figure);

    public sealed record AreaFigure(string Code, string Name, Figure Figure);

    /// <summary>One year over the years (the chart): all levels (or the level asked), and each level.</summary>
    public sealed record YearFigure(int Year, int Sat, int Passed, decimal? Rate, IReadOnlyList<LevelFigure> Levels);

    public sealed record Report(string Area, string AreaName, int Year, SocialWorkLevel? Level, Figure Total, IReadOnlyList<LevelFigure> Levels,
        IReadOnlyList<AreaFigure> Children, IReadOnlyList<YearFigure> Years, string Sentence);

    sealed record Cell(string AreaCode, int Year, SocialWorkLevel Level, int Sat, int Passed);

    public static Errors Validate(Query q, DateOnly today)
    {
        var errors = new Errors();
        if (!string.IsNullOrWhiteSpace(q.Area)) errors.Add("area", AreaCode.Check(q.Area));
        if (q.Year is not null) errors.Add("year", SaveExamCandidate.YearProblem(q.Year, today));
        if (q.Level is { } l && !Enum.IsDefined(l)) errors.Add("level", Lang.T("级别不在可选范围内", "The level is not one of the choices"));
        return errors;
    }

    public static async Task<Result<Report>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Query q, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(clock);
        var errors = Validate(q, today);
        if (errors.Any) return errors.ToFailure();
        var code = AreaCode.Normalize(q.Area) ?? user.Active?.AreaCode;
        if (code is null || !user.Scope.Covers(code)) return Failure.NotFound();
        var country = code == Scope.Country;
        if (!country && !await db.Areas.AnyAsync(a => a.Code == code, ct)) return Failure.NotFound();
        var children = country || AreaCode.LevelOf(code) >= AreaLevel.Township ? []
            : await db.Areas.AsNoTracking().Where(a => a.ParentCode == code && a.ValidTo == null).Select(a => a.Code).ToListAsync(ct);
        if (country) children = await db.Areas.AsNoTracking().Where(a => a.ParentCode == null && a.ValidTo == null).Select(a => a.Code).ToListAsync(ct);
        children.Sort(StringComparer.Ordinal);
        var names = await AreaNames.LookupAsync(db, children.Append(code), ct);

        var candidates = db.Set<ExamCandidate>().AsNoTracking().Where(c => c.Sat);
        if (!country) candidates = candidates.WithinArea(c => c.AreaCode, code);
        var cells = await candidates.GroupBy(c => new { c.AreaCode, c.Year, c.Level })
            .Select(g => new Cell(g.Key.AreaCode, g.Key.Year, g.Key.Level, g.Count(), g.Count(x => x.Passed))).ToListAsync(ct);

        var year = q.Year ?? (cells.Count > 0 ? cells.Max(c => c.Year) : today.Year);
        var levels = Enum.GetValues<SocialWorkLevel>();
        var chosen = cells.Where(c => q.Level is null || c.Level == q.Level).ToList();
        var total = FigureOf(chosen, year);
        var byLevel = levels.Select(l => new LevelFigure(l, Qualification.LevelLabel(l), FigureOf([.. cells.Where(c => c.Level == l)], year))).ToList();
        var byChild = children.Select(child => new AreaFigure(child, names.GetValueOrDefault(child, child),
            FigureOf([.. chosen.Where(c => AreaCode.Covers(child, c.AreaCode))], year))).ToList();
        var years = chosen.Select(c => c.Year).Union(cells.Select(c => c.Year)).Distinct().Order()
            .Select(y => new YearFigure(y, chosen.Where(c => c.Year == y).Sum(c => c.Sat), chosen.Where(c => c.Year == y).Sum(c => c.Passed),
                ExamRules.Rate(chosen.Where(c => c.Year == y).Sum(c => c.Passed), chosen.Where(c => c.Year == y).Sum(c => c.Sat)),
                [.. levels.Select(l => new LevelFigure(l, Qualification.LevelLabel(l), FigureOf([.. cells.Where(c => c.Level == l)], y)))]))
            .ToList();
        var name = country ? Lang.T("全国", "Country") : names.GetValueOrDefault(code, code);
        return new Report(code, name, year, q.Level, total, byLevel, byChild, years, Sentence(name, year, q.Level, total));
    }

    /// <summary>The figure of a year from the cells of one area (and level), with the year before and the record marks.</summary>
    static Figure FigureOf(IReadOnlyList<Cell> cells, int year)
    {
        var byYear = cells.GroupBy(c => c.Year).ToDictionary(g => g.Key, g => (Sat: g.Sum(c => c.Sat), Passed: g.Sum(c => c.Passed)));
        var (sat, passed) = byYear.GetValueOrDefault(year);
        var rate = ExamRules.Rate(passed, sat);
        var before = byYear.TryGetValue(year - 1, out var b) ? b : ((int Sat, int Passed)?)null;
        var earlier = byYear.Where(e => e.Key < year).Select(e => e.Value).ToList();
        var record = earlier.Count > 0 && sat > 0;
        return new Figure(sat, passed, rate, before?.Sat, before?.Passed, before is { } p ? ExamRules.Rate(p.Passed, p.Sat) : null,
            record && sat > earlier.Max(e => e.Sat),
            record && passed > earlier.Max(e => e.Passed),
            record && rate > earlier.Max(e => ExamRules.Rate(e.Passed, e.Sat) ?? 0));
    }

    /// <summary>The report's sentence: "2023年淮北市共1338人参加社会工作者职业水平考试，346人通过，通过率25.9%，参考人数、通过人数均创历史新高。"</summary>
    public static string Sentence(string areaName, int year, SocialWorkLevel? level, Figure f)
    {
        if (f.Sat == 0) return Lang.T($"{year}年{areaName}暂无考试成绩记录。", $"No exam results on record for {areaName} in {year}.");
        var exam = level is { } l ? Lang.T($"{Qualification.LevelLabel(l)}职业水平考试", $"the {Qualification.LevelLabel(l)} exam") : Lang.T("社会工作者职业水平考试", "the social-work professional-level exam");
        var records = new List<string>();
        if (f.SatRecord) records.Add(Lang.T("参考人数", "the number who sat"));
        if (f.PassedRecord) records.Add(Lang.T("通过人数", "the number who passed"));
        var record = records.Count switch
        {
            0 => "",
            1 => Lang.T($"，{records[0]}创历史新高", $"; {records[0]} is a record high"),
            _ => Lang.T($"，{string.Join("、", records)}均创历史新高", $"; {string.Join(" and ", records)} are record highs"),
        };
        return Lang.T($"{year}年{areaName}共{f.Sat}人参加{exam}，{f.Passed}人通过，通过率{f.Rate:0.0}%{record}。",
            $"In {year}, {f.Sat} people in {areaName} sat {exam} and {f.Passed} passed, a pass rate of {f.Rate:0.0}%{record}.");
    }
}
