using Wushe.Features.Areas;
using Wushe.Platform.Areas;

namespace Wushe.Tests.Platform;

public sealed class AreaCodeTests
{
    [Theory]
    [InlineData("52", "520000000000")]
    [InlineData("5205", "520500000000")]
    [InlineData("520502", "520502000000")]
    [InlineData("520502100", "520502100000")]
    [InlineData("520502100205", "520502100205")]
    [InlineData(" 5205 ", "520500000000")]
    public void Official_short_codes_are_padded_to_twelve_digits(string code, string expected) =>
        Assert.Equal(expected, AreaCode.Normalize(code));

    [Theory]
    [InlineData("5")]
    [InlineData("520")]
    [InlineData("5205021")]
    [InlineData("52050210020")]
    [InlineData("5205021002051")]
    [InlineData("52a5")]
    [InlineData("")]
    [InlineData(null)]
    public void Malformed_codes_normalize_to_nothing(string? code)
    {
        Assert.Null(AreaCode.Normalize(code));
        Assert.NotNull(AreaCode.Check(code));
    }

    [Theory]
    [InlineData("520000000000", AreaLevel.Province)]
    [InlineData("520500000000", AreaLevel.City)]
    [InlineData("520502000000", AreaLevel.County)]
    [InlineData("520502100000", AreaLevel.Township)]
    [InlineData("520502001000", AreaLevel.Township)]
    [InlineData("520502100205", AreaLevel.Village)]
    [InlineData("520502001001", AreaLevel.Village)]
    public void The_level_is_read_from_the_trailing_zero_groups(string code, AreaLevel level) =>
        Assert.Equal(level, AreaCode.LevelOf(code));

    [Theory]
    [InlineData("520000000000", "52")]
    [InlineData("520500000000", "5205")]
    [InlineData("520502000000", "520502")]
    [InlineData("520502100000", "520502100")]
    [InlineData("520502010000", "520502010")]
    [InlineData("520502100205", "520502100205")]
    public void The_prefix_is_cut_at_the_level_and_keeps_zeros_of_the_own_part(string code, string prefix) =>
        Assert.Equal(prefix, AreaCode.Prefix(code));

    [Fact]
    public void The_range_of_a_town_covers_exactly_its_villages()
    {
        Assert.Equal(("520502100000", "520502100999"), AreaCode.Range("520502100000"));
        Assert.Equal(("520502000000", "520502999999"), AreaCode.Range("520502000000"));
        Assert.Equal(("520000000000", "529999999999"), AreaCode.Range("520000000000"));
    }

    [Theory]
    [InlineData("520502000000", "520502100205", true)]
    [InlineData("520502000000", "520502000000", true)]
    [InlineData("520500000000", "520526001000", true)]
    [InlineData("520502000000", "520526000000", false)]
    [InlineData("520502100000", "520502101000", false)]
    [InlineData("520502100000", "520502010000", false)]
    [InlineData("520502010000", "520502100000", false)]
    public void An_area_covers_itself_and_what_lies_below_it_only(string ancestor, string code, bool covers) =>
        Assert.Equal(covers, AreaCode.Covers(ancestor, code));

    [Theory]
    [InlineData("520000000000", null)]
    [InlineData("520500000000", "520000000000")]
    [InlineData("520502000000", "520500000000")]
    [InlineData("520502100000", "520502000000")]
    [InlineData("520502100205", "520502100000")]
    public void The_parent_is_the_code_cut_one_level_up(string code, string? parent) =>
        Assert.Equal(parent, AreaCode.ParentOf(code));

    [Theory]
    [InlineData("520502001000", AreaKind.Street)]
    [InlineData("520502100000", AreaKind.Town)]
    [InlineData("520502200000", AreaKind.Township)]
    [InlineData("340603400000", AreaKind.TownshipLike)]
    [InlineData("340621599000", AreaKind.TownshipLike)]
    public void The_township_kind_follows_the_code_when_the_name_does_not_say(string code, AreaKind kind)
    {
        Assert.Equal(kind, AreaCode.TownshipKindOf(code));
        Assert.Equal(kind, AreaCode.TownshipKind(code, "开发区管理委员会"));
    }

    [Theory]
    [InlineData("520502001000", "鸭池镇", AreaKind.Town)]
    [InlineData("520502100000", "海子街街道", AreaKind.Street)]
    [InlineData("520502200000", "阴底乡", AreaKind.Township)]
    public void A_township_named_as_a_street_town_or_township_is_of_that_kind(string code, string name, AreaKind kind) =>
        Assert.Equal(kind, AreaCode.TownshipKind(code, name));

    [Theory]
    [InlineData("130271450000", "新华路街道")]
    [InlineData("130426400000", "涉城镇")]
    [InlineData("340603400000", "安徽淮北相山经济开发区管理委员会")]
    public void Codes_400_to_599_are_township_like_units_whatever_their_name_says(string code, string name) =>
        Assert.Equal(AreaKind.TownshipLike, AreaCode.TownshipKind(code, name));
}
