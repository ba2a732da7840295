using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Stations;

/// <summary>Rating rounds (评星): set up a round, list rounds, see a round's results.</summary>
public static class RatingRounds
{
    /// <summary>
    /// A new round: name, year, the area (default: the user's), and its modules and levels (default: the
    /// published guide's six modules and Bijie's levels, <see cref="RatingRound.DefaultModules"/>).
    /// </summary>
    public sealed record CreateRequest(
        [Label("评星名称", "Name")] string? Name,
        [Label("年度", "Year")] int? Year,
        [Label("区划", "Area")] string? AreaCode,
        List<ModuleInput>? Modules,
        List<LevelInput>? Levels);

    /// <summary>A module as typed: key (optional, made up when empty), name, maximum score.</summary>
    public sealed record ModuleInput(string? Key, [Label("模块名称", "Module name")] string? Name, [Label("满分", "Maximum score")] int? MaxScore);

    /// <summary>A level as typed: name, stars (0 = a named level without stars), minimum review total.</summary>
    public sealed record LevelInput([Label("等级名称", "Level name")] string? Name, [Label("星级", "Stars")] int? Stars, [Label("最低得分", "Minimum score")] int? MinScore);

    public sealed record RoundRow(Guid Id, string Name, int Year, string AreaCode, string AreaName, RatingRoundStatus Status, int Rated, int Reviewed);

    public sealed record ResultRow(Guid StationId, string StationName, string AreaCode, IReadOnlyList<ModuleScore> Scores, int? SelfTotal, int? ReviewTotal,
        string? LevelName, int Stars, StationRatingStatus Status);

    public sealed record RoundDetails(Guid Id, string Name, int Year, string AreaCode, string AreaName, RatingRoundStatus Status,
        IReadOnlyList<RatingModule> Modules, IReadOnlyList<RatingLevel> Levels, int MaxTotal, IReadOnlyList<ResultRow> Results);

    /// <summary>
    /// Sets up a round. Failures: invalid (<see cref="RatingRound.Validate"/>'s field errors, a missing score
    /// as "…不能为空", an area outside the user's scope).
    /// </summary>
    public static async Task<Result<Guid>> Create(AppDb db, CurrentUser user, TimeProvider clock, CreateRequest r, CancellationToken ct = default)
    {
        var (errors, modules, levels) = Check(r);
        var code = AreaCode.Normalize(r.AreaCode) ?? user.Active?.AreaCode;
        if (code is null || !await db.Areas.AnyAsync(a => a.Code == code, ct))
            errors["areaCode"] = [Lang.T("区划不存在或不在您的管辖范围内", "The area does not exist or lies outside your area")];
        if (errors.Count > 0) return Failure.Invalid(errors);
        // Natural key: a round is known by its area, year and name ("2024 年度评星" of 毕节市); a second one is a duplicate.
        var name = r.Name!.Trim();
        var duplicate = Failure.Duplicate("name", Lang.T($"本区划 {r.Year} 年度已有名为“{name}”的评星", $"This area already has a {r.Year} round named \"{name}\""));
        if (await db.Set<RatingRound>().IgnoreQueryFilters([AppDb.ScopeFilter]).AnyAsync(x => x.AreaCode == code && x.Year == r.Year && x.Name == name, ct)) return duplicate;
        var round = new RatingRound(code!, name, r.Year!.Value, modules, levels, clock.GetUtcNow());
        db.Set<RatingRound>().Add(round);
        if (await db.SaveOrFindDuplicateAsync(ct) is { } columns) return columns.Contains(nameof(RatingRound.Name)) ? duplicate : UniqueKeys.Conflict();
        return round.Id;
    }

    /// <summary>The request's own rules, without the database (see <c>PageForms.IfParsed</c>); <see cref="Create"/> runs them first.</summary>
    public static IReadOnlyDictionary<string, string[]> Validate(CreateRequest r) => Check(r).Errors;

    static (Dictionary<string, string[]> Errors, List<RatingModule> Modules, List<RatingLevel> Levels) Check(CreateRequest r)
    {
        var moduleInputs = r.Modules is { Count: > 0 } ? r.Modules : Inputs(RatingRound.DefaultModules());
        var levelInputs = r.Levels is { Count: > 0 } ? r.Levels : Inputs(RatingRound.DefaultLevels());
        // An empty number is an error of its own, never read as 0 (a threshold of 0 would be a real one).
        var missing = new Dictionary<string, string[]>();
        for (var i = 0; i < moduleInputs.Count; i++)
            if (moduleInputs[i]?.MaxScore is null) missing[$"modules[{i}].maxScore"] = [Lang.T($"第 {i + 1} 个评分模块的满分不能为空", $"The maximum score of module {i + 1} is required")];
        for (var i = 0; i < levelInputs.Count; i++)
        {
            if (levelInputs[i]?.Stars is null) missing[$"levels[{i}].stars"] = [Lang.T($"第 {i + 1} 个等级的星级不能为空（不带星填 0）", $"The stars of level {i + 1} are required (0 for none)")];
            if (levelInputs[i]?.MinScore is null) missing[$"levels[{i}].minScore"] = [Lang.T($"第 {i + 1} 个等级的最低得分不能为空", $"The minimum score of level {i + 1} is required")];
        }
        var modules = moduleInputs.Select((m, i) => new RatingModule(string.IsNullOrWhiteSpace(m?.Key) ? $"m{i + 1}" : m.Key.Trim(), m?.Name?.Trim() ?? "", m?.MaxScore ?? 0)).ToList();
        var levels = levelInputs.Select(l => new RatingLevel(l?.Name?.Trim() ?? "", l?.Stars ?? 0, l?.MinScore ?? 0)).ToList();
        var errors = RatingRound.Validate(r.Name ?? "", r.Year ?? 0, modules, levels);
        foreach (var (key, messages) in missing) errors[key] = messages;
        // The order rule compares with levels whose threshold is missing (read as 0): say only what is missing.
        if (missing.Count > 0)
            foreach (var key in errors.Keys.Where(k => k.EndsWith(".minScore", StringComparison.Ordinal) && !missing.ContainsKey(k)).ToList()) errors.Remove(key);
        return (errors, modules, levels);
    }

    /// <summary>
    /// Rounds a user sees: those of areas in its scope, and those run above it that cover its area
    /// (a township station takes part in the city's round). A query of its own (see AreaNames).
    /// </summary>
    public static IQueryable<RatingRound> Visible(AppDb db, string? areaCode)
    {
        var scope = db.Actor.Scope;
        if (scope.All) return db.Set<RatingRound>();
        var above = areaCode is null ? [] : AreaNames.SelfAndAncestors(areaCode);
        return db.Set<RatingRound>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .WhereWithin(r => (!scope.None && AreaRange.Within(r.AreaCode, scope.Low, scope.High)) || above.Contains(r.AreaCode));
    }

    static List<ModuleInput> Inputs(IEnumerable<RatingModule> modules) => modules.Select(m => new ModuleInput(m.Key, m.Name, m.MaxScore)).ToList();

    static List<LevelInput> Inputs(IEnumerable<RatingLevel> levels) => levels.Select(l => new LevelInput(l.Name, l.Stars, l.MinScore)).ToList();

    public static async Task<List<RoundRow>> List(AppDb db, CurrentUser user, CancellationToken ct = default)
    {
        var rounds = await Visible(db, user.Active?.AreaCode).OrderByDescending(r => r.Year).ThenBy(r => r.Name).ThenBy(r => r.Id)
            .Select(r => new { r.Id, r.Name, r.Year, r.AreaCode, r.Status }).ToListAsync(ct);
        var names = await AreaNames.LookupAsync(db, rounds.Select(r => r.AreaCode), ct);
        var ids = rounds.Select(r => r.Id).ToList();
        var counts = await db.Set<StationRating>().Where(x => ids.Contains(x.RoundId)).GroupBy(x => x.RoundId)
            .Select(g => new { g.Key, Rated = g.Count(), Reviewed = g.Count(x => x.Status == StationRatingStatus.Reviewed) }).ToListAsync(ct);
        return rounds.Select(r => new RoundRow(r.Id, r.Name, r.Year, r.AreaCode, names.GetValueOrDefault(r.AreaCode, ""), r.Status,
            counts.FirstOrDefault(c => c.Key == r.Id)?.Rated ?? 0, counts.FirstOrDefault(c => c.Key == r.Id)?.Reviewed ?? 0)).ToList();
    }

    public static async Task<Result<RoundDetails>> Get(AppDb db, CurrentUser user, Guid id, CancellationToken ct = default)
    {
        var round = await Visible(db, user.Active?.AreaCode).AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null) return Failure.NotFound();
        var areaName = (await AreaNames.LookupAsync(db, [round.AreaCode], ct)).GetValueOrDefault(round.AreaCode, "");
        var results = await (from x in db.Set<StationRating>().Where(x => x.RoundId == id)
                             join s in db.Stations on x.StationId equals s.Id
                             select new { x, s.Name, s.AreaCode }).ToListAsync(ct);
        var rows = results.OrderByDescending(r => r.x.ReviewTotal ?? -1).ThenBy(r => r.AreaCode).ThenBy(r => r.x.StationId)
            .Select(r => new ResultRow(r.x.StationId, r.Name, r.AreaCode, r.x.Scores, r.x.SelfTotal, r.x.ReviewTotal, r.x.LevelName, r.x.Stars, r.x.Status)).ToList();
        return new RoundDetails(round.Id, round.Name, round.Year, round.AreaCode, areaName, round.Status, round.Modules, round.Levels, round.MaxTotal, rows);
    }

    /// <summary>Only the round's own area may publish it (a filtered lookup: rounds above the scope are read-only).</summary>
    public static async Task<Result<RatingRoundStatus>> Publish(AppDb db, Guid id, CancellationToken ct = default)
    {
        var round = await db.Set<RatingRound>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (round is null) return Failure.NotFound();
        if (round.Status == RatingRoundStatus.Published) return Failure.Conflict(Lang.T("该评星结果已公示", "The results are already published"));
        if (!await db.Set<StationRating>().AnyAsync(x => x.RoundId == id && x.Status == StationRatingStatus.Reviewed, ct))
            return Failure.Invalid("", Lang.T("尚无完成评审的社工站，不能公示", "No station has been reviewed yet: nothing to publish"));
        // A round set up before its levels had to rise with the stars is not published with levels in the wrong order.
        if (RatingRound.Validate(round.Name, round.Year, round.Modules, round.Levels) is { Count: > 0 } unsound)
            return Failure.Invalid("", Lang.T("该评星的模块或等级设置有误，不能公示：", "The round's modules or levels are not sound, so it cannot be published: ")
                + string.Join(" ", unsound.Values.SelectMany(m => m)));
        round.Publish();
        await db.SaveChangesAsync(ct);
        return round.Status;
    }
}
