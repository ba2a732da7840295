using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Workforce.Trainings;

/// <summary>
/// 培训统计: the courses (期) and trainee-times (人次: attendances recorded; enrolments beside them) of an area of the scope and of each of
/// its child areas, by kind and by month, for a period of whole months within a year (<see cref="ReportPeriod"/>; default: this year to
/// this month), counted by the course's host area and first day — the Bijie report's "62期培训". Two grouped reads; the rest in memory.
/// Failures: 400 naming area, year, fromMonth, toMonth or kind; 404 for an area outside the scope.
/// </summary>
public static class TrainingFigures
{
    public sealed record Query(string? Area = null, [Label("年度", "Year")] int? Year = null, [Label("起始月份", "From month")] int? FromMonth = null,
        [Label("截止月份", "To month")] int? ToMonth = null, [Label("培训类型", "Kind")] TrainingKind? Kind = null) : IAreaFilteredQuery;

    /// <param name="Attended">人次: attendances recorded.</param>
    /// <param name="Minutes">Hours attended in all, in whole minutes.</param>
    public sealed record Figure(int Courses, int Enrolled, int Attended, int Minutes);

    public sealed record KindFigure(TrainingKind Kind, string KindName, Figure Figure);

    public sealed record AreaFigure(string Code, string Name, Figure Figure);

    public sealed record MonthFigure(int Month, Figure Figure);

    /// <param name="Own">本级: the courses hosted at the area itself, not in any child area (the children and it add up to the total).</param>
    public sealed record Report(string Area, string AreaName, int Year, int FromMonth, int ToMonth, string Period, TrainingKind? Kind, Figure Total,
        IReadOnlyList<KindFigure> Kinds, IReadOnlyList<AreaFigure> Children, AreaFigure Own, IReadOnlyList<MonthFigure> Months, string Sentence);

    sealed record Cell(string AreaCode, TrainingKind Kind, DateOnly StartsOn, int Courses, int Enrolled, int Attended, int Minutes);

    public static async Task<Result<Report>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Query q, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(clock);
        var (period, errors) = ReportPeriod.Check(q.Year, q.FromMonth, q.ToMonth, today);
        if (!string.IsNullOrWhiteSpace(q.Area)) errors.Add("area", AreaCode.Check(q.Area));
        if (q.Kind is { } k && !Enum.IsDefined(k)) errors.Add("kind", Lang.T("培训类型不在可选范围内", "The kind is not one of the choices"));
        if (errors.Any) return errors.ToFailure();
        var code = AreaCode.Normalize(q.Area) ?? user.Active?.AreaCode;
        if (code is null || !user.Scope.Covers(code)) return Failure.NotFound();
        var country = code == Scope.Country;
        if (!country && !await db.Areas.AnyAsync(a => a.Code == code, ct)) return Failure.NotFound();
        var children = country
            ? await db.Areas.AsNoTracking().Where(a => a.ParentCode == null && a.ValidTo == null).Select(a => a.Code).ToListAsync(ct)
            : AreaCode.LevelOf(code) >= AreaLevel.Township ? []
            : await db.Areas.AsNoTracking().Where(a => a.ParentCode == code && a.ValidTo == null).Select(a => a.Code).ToListAsync(ct);
        children.Sort(StringComparer.Ordinal);
        var names = await AreaNames.LookupAsync(db, children.Append(code), ct);

        var (from, to) = (period.From, period.To);
        var trainings = db.Set<Training>().AsNoTracking().Where(t => t.StartsOn >= from && t.StartsOn <= to);
        if (!country) trainings = trainings.WithinArea(t => t.AreaCode, code);
        if (q.Kind is { } kind) trainings = trainings.Where(t => t.Kind == kind);
        var courses = await trainings.GroupBy(t => new { t.AreaCode, t.Kind, t.StartsOn })
            .Select(g => new { g.Key.AreaCode, g.Key.Kind, g.Key.StartsOn, Count = g.Count() }).ToListAsync(ct);
        var people = await (from e in db.Set<TrainingEnrolment>().AsNoTracking()
                            join t in trainings on e.TrainingId equals t.Id
                            group e by new { t.AreaCode, t.Kind, t.StartsOn } into g
                            select new { g.Key.AreaCode, g.Key.Kind, g.Key.StartsOn, Enrolled = g.Count(), Attended = g.Count(e => e.AttendedMinutes != null), Minutes = g.Sum(e => e.AttendedMinutes ?? 0) })
            .ToListAsync(ct);
        var byKey = people.ToDictionary(p => (p.AreaCode, p.Kind, p.StartsOn));
        var cells = courses.Select(c => byKey.TryGetValue((c.AreaCode, c.Kind, c.StartsOn), out var p)
            ? new Cell(c.AreaCode, c.Kind, c.StartsOn, c.Count, p.Enrolled, p.Attended, p.Minutes)
            : new Cell(c.AreaCode, c.Kind, c.StartsOn, c.Count, 0, 0, 0)).ToList();

        var total = Sum(cells);
        var kinds = Enum.GetValues<TrainingKind>().Select(k => new KindFigure(k, Training.KindLabel(k), Sum(cells.Where(c => c.Kind == k)))).ToList();
        var byChild = children.Select(child => new AreaFigure(child, names.GetValueOrDefault(child, child), Sum(cells.Where(c => AreaCode.Covers(child, c.AreaCode))))).ToList();
        var own = new AreaFigure(code, Lang.T("本级", "The area's own"), Sum(cells.Where(c => c.AreaCode == code)));
        var months = Enumerable.Range(period.FromMonth, period.ToMonth - period.FromMonth + 1)
            .Select(m => new MonthFigure(m, Sum(cells.Where(c => c.StartsOn.Month == m)))).ToList();
        var name = country ? Lang.T("全国", "Country") : names.GetValueOrDefault(code, code);
        return new Report(code, name, period.Year, period.FromMonth, period.ToMonth, period.Label, q.Kind, total, kinds, byChild, own, months, Sentence(name, period.Label, total));
    }

    /// <summary>Whole minutes as hours with thousands separated: 2,007,360 → "33,456".</summary>
    public static string Hours(int minutes) => (minutes / 60m).ToString("#,0.#", System.Globalization.CultureInfo.InvariantCulture);

    static Figure Sum(IEnumerable<Cell> cells)
    {
        var list = cells as IReadOnlyCollection<Cell> ?? [.. cells];
        return new Figure(list.Sum(c => c.Courses), list.Sum(c => c.Enrolled), list.Sum(c => c.Attended), list.Sum(c => c.Minutes));
    }

    /// <summary>The report's sentence: "2023年毕节市共举办社会工作培训62期，培训4,123人次，累计12,345学时。"</summary>
    public static string Sentence(string areaName, string period, Figure f) => f.Courses == 0
        ? Lang.T($"{period}{areaName}暂无培训记录。", $"No training on record for {areaName} in {period}.")
        : Lang.T($"{period}{areaName}共举办社会工作培训{f.Courses}期，培训{f.Attended:N0}人次，累计{Hours(f.Minutes)}学时。",
            $"In {period}, {areaName} held {f.Courses} social-work training courses: {f.Attended:N0} trainee-times, {Hours(f.Minutes)} hours in all.");
}
