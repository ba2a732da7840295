using Wushe.Features.Households;

namespace Wushe.Tests.Households;

/// <summary>The pure rules of a colour-card scheme (<see cref="CardScheme.Check"/>): no database, every message naming its colour's row.</summary>
public sealed class CardSchemeRulesTests
{
    static List<CardColourFields?> ThreeTier() =>
    [
        new("red", "红卡", "高风险", 7, "#E53935"),
        new("yellow", "黄卡", "需关注", 30, "#fdd835"),
        new("blue", "蓝卡", "一般", 90, "#1E88E5"),
    ];

    [Fact]
    public void A_three_tier_scheme_passes_and_lower_case_hex_is_fine()
    {
        Assert.False(CardScheme.Check("红黄蓝", ThreeTier(), 6).Any);
        Assert.Equal("#FDD835", ThreeTier()[1]!.ToColour().Hex);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(366)]
    public void A_frequency_outside_1_to_365_days_is_named_by_its_row(int days)
    {
        var colours = ThreeTier();
        colours[2] = colours[2]! with { VisitEveryDays = days };
        var errors = CardScheme.Check("红黄蓝", colours, 6).ToFailure().Errors!;
        Assert.Equal(["colours[2].visitEveryDays"], errors.Keys);
        Assert.Contains("第 3 种颜色", errors["colours[2].visitEveryDays"][0], StringComparison.Ordinal);
    }

    [Fact]
    public void Two_colours_or_eight_are_refused()
    {
        Assert.True(CardScheme.Check("x", ThreeTier()[..2], 6).Has("colours"));
        var eight = Enumerable.Range(0, 8).Select(i => (CardColourFields?)new CardColourFields(new string((char)('a' + i), 3), $"卡{i}", "含义", 30, "#123456")).ToList();
        Assert.True(CardScheme.Check("八色", eight, 6).Has("colours"));
    }

    [Fact]
    public void Keys_and_names_are_unique_within_the_scheme_and_keys_are_letters()
    {
        var colours = ThreeTier();
        colours.Add(new CardColourFields("RED", "红卡", "重复", 7, "#000000"));
        colours.Add(new CardColourFields("red-2", "二号", "坏代码", 7, "#000000"));
        var errors = CardScheme.Check("红黄蓝", colours, 6);
        Assert.True(errors.Has("colours[3].key"));
        Assert.True(errors.Has("colours[3].name"));
        Assert.True(errors.Has("colours[4].key"));
        Assert.False(errors.Has("colours[0].key"));
    }

    [Theory]
    [InlineData("E53935")]
    [InlineData("#E5393")]
    [InlineData("red")]
    public void The_colour_is_written_RRGGBB(string hex)
    {
        var colours = ThreeTier();
        colours[0] = colours[0]! with { Hex = hex };
        Assert.True(CardScheme.Check("x1", colours, 6).Has("colours[0].hex"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(25)]
    [InlineData(null)]
    public void The_guardianship_re_assessment_is_1_to_24_months(int? months) =>
        Assert.True(CardScheme.Check("红黄蓝", ThreeTier(), months).Has("guardianshipReassessMonths"));

    [Fact]
    public void A_missing_row_and_missing_fields_are_named_not_thrown()
    {
        var colours = ThreeTier();
        colours[1] = null;
        var errors = CardScheme.Check(null, colours, 6);
        Assert.True(errors.Has("name"));
        foreach (var field in new[] { "key", "name", "meaning", "visitEveryDays", "hex" }) Assert.True(errors.Has($"colours[1].{field}"), field);
    }
}
