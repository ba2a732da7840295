using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Features.Stations;

/// <summary>A scored module of a rating round, e.g. "基础设施" out of 150 points.</summary>
public sealed record RatingModule(string Key, string Name, int MaxScore);

/// <summary>A result level: a total review score at or above MinScore earns it. Stars 0 means a named level without stars (优秀).</summary>
public sealed record RatingLevel(string Name, int Stars, int MinScore);

public enum RatingRoundStatus
{
    Open = 1,
    Published = 2,
}

/// <summary>
/// 评星: an evaluation round, e.g. "2024 年度评星", run by a bureau over the stations of its
/// area. Modules, weights (maximum scores) and levels are data of the round, validated on save.
/// </summary>
public sealed class RatingRound : IAreaScoped
{
    private RatingRound() { AreaCode = Name = ""; Modules = []; Levels = []; }

    public RatingRound(string areaCode, string name, int year, List<RatingModule> modules, List<RatingLevel> levels, DateTimeOffset createdAt)
    {
        Id = Guid.CreateVersion7();
        AreaCode = areaCode;
        Name = name;
        Year = year;
        Modules = modules;
        Levels = levels.OrderByDescending(l => l.MinScore).ToList();
        Status = RatingRoundStatus.Open;
        CreatedAt = createdAt;
    }

    public Guid Id { get; private set; }
    public string AreaCode { get; private set; }
    public string Name { get; private set; }
    public int Year { get; private set; }
    public List<RatingModule> Modules { get; private set; }
    public List<RatingLevel> Levels { get; private set; }
    public RatingRoundStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    public int MaxTotal => Modules.Sum(m => m.MaxScore);

    public void Publish() => Status = RatingRoundStatus.Published;

    /// <summary>The level a total earns, or null below every threshold. Pure: tested directly.</summary>
    public RatingLevel? LevelFor(int total) => Levels.OrderByDescending(l => l.MinScore).FirstOrDefault(l => total >= l.MinScore);

    /// <summary>The published guide's six modules out of 1,000 points, and Bijie's levels: the default of a new round.</summary>
    public static List<RatingModule> DefaultModules() =>
    [
        new("basics", "基础建设", 150),
        new("rules", "制度建设", 150),
        new("inputs", "运营投入", 150),
        new("management", "运营管理", 150),
        new("services", "服务开展", 250),
        new("performance", "服务成效", 150),
    ];

    public static List<RatingLevel> DefaultLevels() =>
    [
        new("五星级", 5, 900),
        new("四星级", 4, 800),
        new("优秀", 0, 700),
    ];

    /// <summary>
    /// Returns errors by field, empty when the round's configuration is sound. Keys are the API's field
    /// paths, so a message lands beside its row: <c>name</c>, <c>year</c>, <c>modules</c> (the list),
    /// <c>modules[i].name</c>, <c>modules[i].maxScore</c>, <c>levels</c>, <c>levels[i].name</c>,
    /// <c>levels[i].stars</c>, <c>levels[i].minScore</c>. The rules: 1–20 named modules worth 1–1000
    /// points each; 1–10 named levels of 0–5 stars (0 = a named level without stars, such as 优秀),
    /// thresholds within the total and all different; a starred level appears once per star count; and
    /// <b>thresholds rise with the level</b> (DONE.md 10): a level with more stars needs a higher minimum
    /// score than every level with fewer, so that ★5 can never be easier to earn than ★4 or 优秀.
    /// </summary>
    public static Dictionary<string, string[]> Validate(string name, int year, IReadOnlyList<RatingModule> modules, IReadOnlyList<RatingLevel> levels)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string key, string message) { if (!errors.ContainsKey(key)) errors[key] = [message]; }

        if (string.IsNullOrWhiteSpace(name)) Add("name", Lang.T("评星名称不能为空", "Name is required"));
        else if (name.Trim().Length > 100) Add("name", Platform.Outcomes.Errors.TooLong("评星名称", "Name", 100));
        if (year is < 2000 or > 2100) Add("year", Lang.T("年度必须介于 2000 和 2100 之间", "Year must be between 2000 and 2100"));

        if (modules.Count is 0 or > 20) Add("modules", Lang.T("评分模块应为 1 到 20 个", "A round has 1 to 20 modules"));
        else
            for (var i = 0; i < modules.Count; i++)
            {
                var m = modules[i];
                var what = ModuleName(m, i);
                if (string.IsNullOrWhiteSpace(m.Name)) Add($"modules[{i}].name", Lang.T($"第 {i + 1} 个评分模块的名称不能为空", $"The name of module {i + 1} is required"));
                else if (m.Name.Trim().Length > 50) Add($"modules[{i}].name", Platform.Outcomes.Errors.TooLong($"{what}的名称", $"The name of {what}", 50));
                else if (modules.Take(i).Any(o => string.Equals(o.Name?.Trim(), m.Name.Trim(), StringComparison.Ordinal)))
                    Add($"modules[{i}].name", Lang.T($"评分模块“{m.Name.Trim()}”重复", $"Module \"{m.Name.Trim()}\" is listed twice"));
                else if (modules.Take(i).Any(o => o.Key == m.Key))
                    Add($"modules[{i}].key", Lang.T($"{what}的编号“{m.Key}”重复", $"The key \"{m.Key}\" of {what} is used twice"));
                if (m.MaxScore is <= 0 or > 1000)
                    Add($"modules[{i}].maxScore", Lang.T($"{what}的满分必须介于 1 和 1000 之间", $"The maximum score of {what} must be between 1 and 1000"));
            }

        var total = modules.Sum(m => Math.Max(0, m.MaxScore));
        if (levels.Count is 0 or > 10) Add("levels", Lang.T("评定等级应为 1 到 10 个", "A round has 1 to 10 levels"));
        else
        {
            for (var i = 0; i < levels.Count; i++)
            {
                var l = levels[i];
                var what = LevelName(l, i);
                if (string.IsNullOrWhiteSpace(l.Name)) Add($"levels[{i}].name", Lang.T($"第 {i + 1} 个等级的名称不能为空", $"The name of level {i + 1} is required"));
                else if (l.Name.Trim().Length > 20) Add($"levels[{i}].name", Platform.Outcomes.Errors.TooLong($"{what}的名称", $"The name of {what}", 20));
                if (l.Stars is < 0 or > 5) Add($"levels[{i}].stars", Lang.T($"{what}的星级必须介于 0 和 5 之间", $"The stars of {what} must be between 0 and 5"));
                else if (l.Stars > 0 && levels.Take(i).FirstOrDefault(o => o.Stars == l.Stars) is { } same)
                    Add($"levels[{i}].stars", Lang.T($"{what}与{LevelName(same, IndexOf(levels, same))}都是 {l.Stars} 星，每个星级只能设一个等级", $"{what} and {LevelName(same, IndexOf(levels, same))} both have {l.Stars} stars; one level per star count"));
                if (l.MinScore < 0 || l.MinScore > total)
                    Add($"levels[{i}].minScore", Lang.T($"{what}的最低得分必须介于 0 和总分 {total} 之间", $"The minimum score of {what} must be between 0 and the total of {total}"));
                else if (levels.Take(i).FirstOrDefault(o => o.MinScore == l.MinScore) is { } tie)
                    Add($"levels[{i}].minScore", Lang.T($"{what}与{LevelName(tie, IndexOf(levels, tie))}的最低得分相同（{l.MinScore} 分）", $"{what} and {LevelName(tie, IndexOf(levels, tie))} have the same minimum score ({l.MinScore})"));
            }
            // Thresholds rise with the level: more stars, a higher minimum score than every level with fewer.
            for (var i = 0; i < levels.Count; i++)
            {
                var l = levels[i];
                if (l.Stars is < 0 or > 5) continue;
                var lower = levels.Where(o => o.Stars >= 0 && o.Stars < l.Stars && o.MinScore >= l.MinScore).OrderByDescending(o => o.MinScore).FirstOrDefault();
                if (lower is not null)
                    Add($"levels[{i}].minScore", Lang.T(
                        $"等级须随星级升高而提高分数线：{LevelName(l, i)}（{l.Stars} 星）的最低得分 {l.MinScore} 应高于{LevelName(lower, IndexOf(levels, lower))}的 {lower.MinScore}",
                        $"Thresholds must rise with the level: {LevelName(l, i)} ({l.Stars} stars) needs a minimum above the {lower.MinScore} of {LevelName(lower, IndexOf(levels, lower))}, not {l.MinScore}"));
            }
        }
        return errors;
    }

    static int IndexOf(IReadOnlyList<RatingLevel> levels, RatingLevel level)
    {
        for (var i = 0; i < levels.Count; i++) if (ReferenceEquals(levels[i], level)) return i;
        return -1;
    }

    static string ModuleName(RatingModule m, int i) =>
        string.IsNullOrWhiteSpace(m.Name) ? Lang.T($"第 {i + 1} 个评分模块", $"module {i + 1}") : Lang.T($"“{m.Name.Trim()}”", $"\"{m.Name.Trim()}\"");

    static string LevelName(RatingLevel l, int i) =>
        string.IsNullOrWhiteSpace(l.Name) ? Lang.T($"第 {i + 1} 个等级", $"level {i + 1}") : Lang.T($"“{l.Name.Trim()}”", $"\"{l.Name.Trim()}\"");

    public static string StatusLabel(RatingRoundStatus s) => s == RatingRoundStatus.Open ? Lang.T("评审中", "Open") : Lang.T("已公示", "Published");
}

/// <summary>One module's scores for one station: the station's own and the reviewer's.</summary>
public sealed record ModuleScore(string Key, int? SelfScore, int? ReviewScore);

public enum StationRatingStatus
{
    SelfAssessed = 1,
    Reviewed = 2,
}

/// <summary>
/// A station's result in a round: self-assessment, reviewer's scores, and the level the review earns.
/// The row lies in the station's area (the station's workers self-assess there), while the review is
/// held by the round's area: a county bureau may read its stations' results in the city's round but
/// only the city reviews them (<see cref="IHeldInParts"/>).
/// </summary>
public sealed class StationRating : IHeldInParts
{
    private StationRating() { AreaCode = RoundAreaCode = ""; Scores = []; }

    public StationRating(RatingRound round, Station station, DateTimeOffset at)
    {
        Id = Guid.CreateVersion7();
        RoundId = round.Id;
        StationId = station.Id;
        AreaCode = station.AreaCode;
        RoundAreaCode = round.AreaCode;
        Scores = round.Modules.Select(m => new ModuleScore(m.Key, null, null)).ToList();
        Status = StationRatingStatus.SelfAssessed;
        UpdatedAt = at;
    }

    public Guid Id { get; private set; }
    public Guid RoundId { get; private set; }
    public Guid StationId { get; private set; }
    public string AreaCode { get; private set; }

    /// <summary>The area of the round (who reviews); a copy of <see cref="RatingRound.AreaCode"/>, which never changes.</summary>
    public string RoundAreaCode { get; private set; }
    public List<ModuleScore> Scores { get; private set; }
    public int? SelfTotal { get; private set; }
    public int? ReviewTotal { get; private set; }
    public string? LevelName { get; private set; }
    public int Stars { get; private set; }
    public StationRatingStatus Status { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }

    public IEnumerable<HeldPart> HeldParts() =>
    [
        new("review", RoundAreaCode, "评审得分", "The review scores",
            Scores.Any(s => s.ReviewScore is not null) ? string.Join(',', Scores.Select(s => $"{s.Key}={s.ReviewScore}")) : null),
    ];

    public void SelfAssess(IReadOnlyDictionary<string, int> scores, DateTimeOffset at)
    {
        Scores = Scores.Select(s => s with { SelfScore = scores.TryGetValue(s.Key, out var v) ? v : s.SelfScore }).ToList();
        SelfTotal = Scores.All(s => s.SelfScore is not null) ? Scores.Sum(s => s.SelfScore!.Value) : null;
        UpdatedAt = at;
    }

    public void Review(RatingRound round, IReadOnlyDictionary<string, int> scores, DateTimeOffset at)
    {
        Scores = Scores.Select(s => s with { ReviewScore = scores.TryGetValue(s.Key, out var v) ? v : s.ReviewScore }).ToList();
        if (Scores.All(s => s.ReviewScore is not null))
        {
            ReviewTotal = Scores.Sum(s => s.ReviewScore!.Value);
            var level = round.LevelFor(ReviewTotal.Value);
            LevelName = level?.Name;
            Stars = level?.Stars ?? 0;
            Status = StationRatingStatus.Reviewed;
        }
        UpdatedAt = at;
    }

    /// <summary>Scores must be whole numbers between 0 and each module's maximum.</summary>
    public static Dictionary<string, string[]> ValidateScores(RatingRound round, IReadOnlyDictionary<string, int> scores)
    {
        var errors = new Dictionary<string, string[]>();
        // A total of some modules would give a level the station did not earn: every module is scored.
        foreach (var module in round.Modules.Where(m => !scores.ContainsKey(m.Key)))
            errors[module.Key] = [Lang.T($"{module.Name}的得分不能为空", $"The score of {module.Name} is required")];
        foreach (var (key, value) in scores)
        {
            var module = round.Modules.FirstOrDefault(m => m.Key == key);
            if (module is null) errors[key] = [Lang.T("评分模块不存在", "No such module")];
            else if (value < 0 || value > module.MaxScore)
                errors[key] = [Lang.T($"{module.Name}的得分必须介于 0 和 {module.MaxScore} 之间", $"The score of {module.Name} must be between 0 and {module.MaxScore}")];
        }
        return errors;
    }
}
