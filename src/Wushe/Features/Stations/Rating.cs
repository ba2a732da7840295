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

    /// <summary>Returns errors by field; empty when the round's configuration is sound.</summary>
    public static Dictionary<string, string[]> Validate(string name, int year, IReadOnlyList<RatingModule> modules, IReadOnlyList<RatingLevel> levels)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100) errors["name"] = [Lang.T("评星名称不能为空，且不超过 100 个字", "Name is required, at most 100 characters")];
        if (year is < 2000 or > 2100) errors["year"] = [Lang.T("年度不正确", "Year is not valid")];
        if (modules.Count is 0 or > 20) errors["modules"] = [Lang.T("评分模块应为 1 到 20 个", "A round has 1 to 20 modules")];
        else if (modules.Any(m => string.IsNullOrWhiteSpace(m.Name) || m.MaxScore is <= 0 or > 1000))
            errors["modules"] = [Lang.T("每个评分模块须有名称，满分介于 1 和 1000 之间", "Each module needs a name and a maximum score between 1 and 1000")];
        else if (modules.Select(m => m.Key).Distinct().Count() != modules.Count)
            errors["modules"] = [Lang.T("评分模块重复", "Modules are duplicated")];
        if (levels.Count is 0 or > 10) errors["levels"] = [Lang.T("评定等级应为 1 到 10 个", "A round has 1 to 10 levels")];
        else if (levels.Any(l => string.IsNullOrWhiteSpace(l.Name) || l.Stars is < 0 or > 5 || l.MinScore < 0 || l.MinScore > modules.Sum(m => m.MaxScore)))
            errors["levels"] = [Lang.T("等级须有名称，星级 0–5，分数线不超过总分", "Each level needs a name, 0–5 stars and a threshold within the total")];
        else if (levels.Select(l => l.MinScore).Distinct().Count() != levels.Count)
            errors["levels"] = [Lang.T("等级分数线不能相同", "Level thresholds must differ")];
        return errors;
    }

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
