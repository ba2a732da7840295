using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Workforce.Exams;

/// <summary>
/// 合格线 (bureau): the lines of designated areas as data. <see cref="List"/>: a year's lines that concern the scope — its own and below
/// (editable) and those of the areas above it that apply to it (read-only). <see cref="Save"/>: set the line of a subject for an area of
/// the scope (one per year, level, subject and area; setting it again changes it) — at most the line that applies there without it
/// (a designated area's line is lower); <see cref="Remove"/> one. A line is set from above: only a bureau strictly above the area sets,
/// changes or removes it (<see cref="SetsFor"/>) — a county never lowers its own line. Each change recomputes the results of the year and level under the
/// area (and the rolls that follow from them), in the same transaction.
/// </summary>
public static class ExamPassLines
{
    public sealed record Request
    {
        [Label("考试年度", "Year")] public int? Year { get; init; }
        [Label("级别", "Level")] public SocialWorkLevel? Level { get; init; }
        [Label("科目", "Subject")] public int? Subject { get; init; }
        [Label("适用地区", "Area")] public string? AreaCode { get; init; }
        [Label("合格线", "Pass mark")] public int? Mark { get; init; }
    }

    public sealed record Row(Guid Id, int Year, SocialWorkLevel Level, string LevelName, int Subject, string SubjectName, string AreaCode, string AreaName, int Mark,
        bool Editable, string SetByName, DateTimeOffset SetAt);

    /// <summary>Whether the user sets the line of the area: their scope covers it and their own area is above it, not the area itself.</summary>
    public static bool SetsFor(CurrentUser user, string areaCode) => user.Active is { } a && a.AreaCode != areaCode && user.Scope.Covers(areaCode);

    public static Errors Validate(Request r, DateOnly today)
    {
        var errors = new Errors();
        errors.Add("year", SaveExamCandidate.YearProblem(r.Year, today.AddYears(1)));
        if (r.Level is not { } level || !Enum.IsDefined(level)) errors.Add("level", Lang.T("请选择级别", "Please choose the level"));
        else if (r.Subject is not { } s || s < 1 || s > ExamRules.SubjectCount(level))
            errors.Add("subject", Lang.T($"{Qualification.LevelLabel(level)}的科目为 1 至 {ExamRules.SubjectCount(level)}", $"The {Qualification.LevelLabel(level)} level has subjects 1 to {ExamRules.SubjectCount(level)}"));
        if (r.Mark is not { } m || m < 1 || m > 100) errors.Add("mark", Lang.T("合格线应为 1 到 100 的整数", "The pass mark is a whole number from 1 to 100"));
        if (string.IsNullOrWhiteSpace(r.AreaCode)) errors.Add("areaCode", Lang.T("请选择适用地区", "Please choose the area"));
        else errors.Add("areaCode", AreaCode.Check(r.AreaCode));
        return errors;
    }

    public static async Task<List<Row>> List(AppDb db, CurrentUser user, int? year, CancellationToken ct = default)
    {
        var own = await db.Set<ExamPassLine>().AsNoTracking().Where(l => year == null || l.Year == year).ToListAsync(ct);
        // The lines of the areas above the scope that cover it: read-only, by the ancestors' codes.
        var above = user.Active is { } a && a.AreaCode != Scope.Country ? AreaNames.SelfAndAncestors(a.AreaCode).Where(c => c != a.AreaCode).ToList() : [];
        var held = above.Count == 0 ? [] : await db.Set<ExamPassLine>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking()
            .Where(l => above.Contains(l.AreaCode) && (year == null || l.Year == year)).ToListAsync(ct);
        var all = held.Concat(own).DistinctBy(l => l.Id).ToList();
        var names = await AreaNames.LookupAsync(db, all.Select(l => l.AreaCode).Distinct(), ct);
        return [.. all.OrderByDescending(l => l.Year).ThenBy(l => l.Level).ThenBy(l => l.Subject).ThenBy(l => l.AreaCode, StringComparer.Ordinal)
            .Select(l => new Row(l.Id, l.Year, l.Level, Qualification.LevelLabel(l.Level), l.Subject, ExamRules.SubjectName(l.Level, l.Subject), l.AreaCode,
                names.GetValueOrDefault(l.AreaCode, l.AreaCode), l.Mark, SetsFor(user, l.AreaCode), l.SetByName, l.SetAt))];
    }

    public static async Task<Result<Row>> Save(AppDb db, CurrentUser user, TimeProvider clock, Request r, CancellationToken ct = default)
    {
        var errors = Validate(r, ChinaTime.Today(clock));
        if (errors.Any) return errors.ToFailure();
        var area = AreaCode.Normalize(r.AreaCode)!;
        if (!SetsFor(user, area) || !await db.Areas.AnyAsync(a => a.Code == area && a.ValidTo == null, ct) || AreaCode.LevelOf(area) > AreaLevel.County)
            return Failure.Invalid("areaCode", Lang.T("适用地区应为您下辖的县（区）、市或省：合格线由上级设置，不能设置本级的合格线",
                "The area is a county, city or province below yours: a line is set from above, not for your own area"));
        var (year, level, subject, mark) = (r.Year!.Value, r.Level!.Value, r.Subject!.Value, r.Mark!.Value);
        // The line that applies there without this one: the areas above it (any scope) — a designated area's line is lower.
        var ancestors = AreaNames.SelfAndAncestors(area).Where(c => c != area).ToList();
        var lines = await db.Set<ExamPassLine>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking()
            .Where(l => l.Year == year && l.Level == level && l.Subject == subject && ancestors.Contains(l.AreaCode))
            .Select(l => new ExamRules.PassLine(l.Year, l.Level, l.Subject, l.AreaCode, l.Mark)).ToListAsync(ct);
        var above = ExamRules.LineFor(lines, year, level, subject, area);
        if (mark > above)
            return Failure.Invalid("mark", Lang.T($"指定地区的合格线不能高于上级适用的合格线（{above} 分）", $"A designated area's line cannot be above the line that applies above it ({above})"));

        var now = clock.GetUtcNow();
        var byName = await Workers.NameAsync(db, user, ct);
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var line = await db.Set<ExamPassLine>().FirstOrDefaultAsync(l => l.Year == year && l.Level == level && l.Subject == subject && l.AreaCode == area, ct);
        if (line is null) db.Add(line = new ExamPassLine(year, level, subject, area, mark, user.Id, byName, now));
        else line.Set(mark, user.Id, byName, now);
        if (await db.SaveOrFindDuplicateAsync(ct) is not null)
            return Failure.Conflict(Lang.T("该合格线刚刚被他人设置，请刷新后重试", "Someone set this line just now: refresh and try again"));
        await ExamResults.RecomputeLineAsync(db, year, level, area, ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return (await List(db, user, year, ct)).First(x => x.Id == line.Id);
    }

    public static async Task<Result<bool>> Remove(AppDb db, CurrentUser user, Guid id, CancellationToken ct = default)
    {
        if (await db.Set<ExamPassLine>().FirstOrDefaultAsync(l => l.Id == id, ct) is not { } line) return Failure.NotFound();
        if (!SetsFor(user, line.AreaCode)) return Failure.Forbidden(Lang.T("本级的合格线由上级设置，不能删除", "Your own area's line is set from above: you cannot remove it"));
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        db.Remove(line);
        await db.SaveChangesAsync(ct);
        await ExamResults.RecomputeLineAsync(db, line.Year, line.Level, line.AreaCode, ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return true;
    }
}
