using Wushe.Features.Stations;

namespace Wushe.Tests.Stations;

public sealed class RatingTests
{
    static readonly DateTimeOffset Now = new(2026, 11, 29, 8, 0, 0, TimeSpan.Zero);

    static RatingRound Round() => new("520500000000", "2024 年度评星", 2024, RatingRound.DefaultModules(), RatingRound.DefaultLevels(), Now);

    [Theory]
    [InlineData(1000, "五星级", 5)]
    [InlineData(900, "五星级", 5)]
    [InlineData(899, "四星级", 4)]
    [InlineData(800, "四星级", 4)]
    [InlineData(799, "优秀", 0)]
    [InlineData(700, "优秀", 0)]
    public void A_total_earns_the_highest_level_whose_threshold_it_reaches(int total, string level, int stars)
    {
        var earned = Round().LevelFor(total);
        Assert.NotNull(earned);
        Assert.Equal(level, earned.Name);
        Assert.Equal(stars, earned.Stars);
    }

    [Fact]
    public void A_total_below_every_threshold_earns_no_level()
    {
        Assert.Null(Round().LevelFor(699));
        Assert.Null(Round().LevelFor(0));
    }

    [Fact]
    public void The_default_round_is_sound_and_worth_1000_points()
    {
        Assert.Empty(RatingRound.Validate("2024 年度评星", 2024, RatingRound.DefaultModules(), RatingRound.DefaultLevels()));
        Assert.Equal(1000, Round().MaxTotal);
    }

    [Fact]
    public void A_round_without_a_name_or_with_a_wrong_year_is_refused()
    {
        var errors = RatingRound.Validate(" ", 1999, RatingRound.DefaultModules(), RatingRound.DefaultLevels());
        Assert.Equal(["name", "year"], errors.Keys.Order());
    }

    [Fact]
    public void Duplicated_modules_and_equal_thresholds_are_refused()
    {
        List<RatingModule> modules = [new("a", "甲", 500), new("a", "乙", 500)];
        List<RatingLevel> levels = [new("一", 1, 600), new("二", 2, 600)];
        var errors = RatingRound.Validate("评星", 2024, modules, levels);
        Assert.Contains("modules[1].key", errors.Keys);
        Assert.Contains("levels[1].minScore", errors.Keys);
    }

    [Theory]
    [InlineData(1001, 2)]
    [InlineData(-1, 2)]
    [InlineData(500, 6)]
    [InlineData(500, -1)]
    public void A_level_above_the_total_or_with_impossible_stars_is_refused(int threshold, int stars)
    {
        var errors = RatingRound.Validate("评星", 2024, RatingRound.DefaultModules(), [new RatingLevel("x", stars, threshold)]);
        Assert.Contains(errors.Keys, k => k.StartsWith("levels[0].", StringComparison.Ordinal));
    }

    [Fact]
    public void A_module_without_points_is_refused()
    {
        using var chinese = new ChineseCulture();
        var errors = RatingRound.Validate("评星", 2024, [new RatingModule("a", "甲", 0)], [new RatingLevel("x", 1, 0)]);
        Assert.Equal(["“甲”的满分必须介于 1 和 1000 之间"], errors["modules[0].maxScore"]);
    }

    [Fact]
    public void Star_levels_in_the_wrong_order_are_refused_naming_the_level_rows()
    {
        using var chinese = new ChineseCulture();
        // The round: ★5 from 10 points, ★4 from 90, 优秀 from 700.
        List<RatingLevel> levels = [new("五星级", 5, 10), new("四星级", 4, 90), new("优秀", 0, 700)];
        var errors = RatingRound.Validate("评星", 2024, RatingRound.DefaultModules(), levels);
        Assert.Equal(["levels[0].minScore", "levels[1].minScore"], errors.Keys.Order());
        Assert.Contains("“五星级”", errors["levels[0].minScore"][0], StringComparison.Ordinal);
        Assert.Contains("应高于", errors["levels[0].minScore"][0], StringComparison.Ordinal);
        Assert.Contains("“优秀”的 700", errors["levels[1].minScore"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5, 900, 4, 800, true)]
    [InlineData(4, 800, 5, 900, true)]   // listed lowest first: still rising with the stars
    [InlineData(5, 800, 4, 900, false)]
    [InlineData(1, 600, 0, 700, false)]  // a named level without stars ranks below every starred one
    [InlineData(0, 700, 0, 600, true)]   // two levels without stars: any order
    [InlineData(3, 600, 3, 500, false)]  // one level per star count
    public void Thresholds_rise_with_the_stars(int starsA, int minA, int starsB, int minB, bool sound)
    {
        List<RatingLevel> levels = [new("甲", starsA, minA), new("乙", starsB, minB)];
        var errors = RatingRound.Validate("评星", 2024, RatingRound.DefaultModules(), levels);
        Assert.Equal(sound, errors.Count == 0);
    }

    [Fact]
    public void Rows_without_a_name_are_named_by_their_position()
    {
        using var chinese = new ChineseCulture();
        var errors = RatingRound.Validate("评星", 2024, [new RatingModule("a", "", 100)], [new RatingLevel("", 1, 50)]);
        Assert.Equal(["第 1 个评分模块的名称不能为空"], errors["modules[0].name"]);
        Assert.Equal(["第 1 个等级的名称不能为空"], errors["levels[0].name"]);
    }

    [Fact]
    public void Totals_appear_once_every_module_is_scored_and_the_review_sets_the_level()
    {
        var round = Round();
        var station = new Station("520502001000", StationLevel.TownshipStation, "市西街道社会工作服务站", Now);
        var rating = new StationRating(round, station, Now);
        Assert.Equal(station.AreaCode, rating.AreaCode);

        rating.SelfAssess(new Dictionary<string, int> { ["basics"] = 140 }, Now);
        Assert.Null(rating.SelfTotal);
        rating.SelfAssess(new Dictionary<string, int> { ["rules"] = 140, ["inputs"] = 140, ["management"] = 140, ["services"] = 240, ["performance"] = 140 }, Now);
        Assert.Equal(940, rating.SelfTotal);

        rating.Review(round, new Dictionary<string, int> { ["basics"] = 130, ["rules"] = 130, ["inputs"] = 130 }, Now);
        Assert.Null(rating.ReviewTotal);
        Assert.Equal(StationRatingStatus.SelfAssessed, rating.Status);

        rating.Review(round, new Dictionary<string, int> { ["management"] = 130, ["services"] = 220, ["performance"] = 120 }, Now);
        Assert.Equal(860, rating.ReviewTotal);
        Assert.Equal("四星级", rating.LevelName);
        Assert.Equal(4, rating.Stars);
        Assert.Equal(StationRatingStatus.Reviewed, rating.Status);
        Assert.Equal(940, rating.SelfTotal);
    }

    [Fact]
    public void A_review_below_every_threshold_has_no_level_and_no_stars()
    {
        var round = Round();
        var rating = new StationRating(round, new Station("520502001000", StationLevel.TownshipStation, "站", Now), Now);
        rating.Review(round, round.Modules.ToDictionary(m => m.Key, m => m.MaxScore / 2), Now);
        Assert.Equal(500, rating.ReviewTotal);
        Assert.Null(rating.LevelName);
        Assert.Equal(0, rating.Stars);
    }

    [Fact]
    public void Scores_outside_zero_to_the_module_maximum_or_for_unknown_modules_are_refused()
    {
        var round = Round();
        var errors = StationRating.ValidateScores(round, new Dictionary<string, int> { ["basics"] = 151, ["rules"] = -1, ["inputs"] = 150, ["nope"] = 1 });
        // Out of range, unknown, and every module left out (a partial total would give a level not earned).
        Assert.Equal(["basics", "management", "nope", "performance", "rules", "services"], errors.Keys.Order());
        Assert.Equal(["服务开展的得分不能为空"], errors["services"]);
        Assert.Empty(StationRating.ValidateScores(round, round.Modules.ToDictionary(m => m.Key, m => m.Key == "basics" ? 0 : m.MaxScore)));
    }
}
