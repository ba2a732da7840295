using Wushe.Features.Volunteers;

namespace Wushe.Tests.Volunteers;

/// <summary>Which area's rules are in force where: the pure walk up the division codes (<see cref="VolunteerRules"/>).</summary>
public sealed class VolunteerRulesResolverTests
{
    const string Country = "000000000000", Guizhou = "520000000000", Bijie = "520500000000", Qixingguan = "520502000000",
        Shixi = "520502001000", Community = "520502001001", Dafang = "520521000000";

    static VolunteerRuleSet Set(string area, int pointsPerHour) =>
        new(area, VolunteerSettings.National with { PointsPerHour = pointsPerHour }, null, "测试", DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_village_looks_to_its_county_city_province_and_the_country_nearest_first()
    {
        Assert.Equal([Qixingguan, Bijie, Guizhou, Country], VolunteerRules.Owners(Community));
        Assert.Equal([Qixingguan, Bijie, Guizhou, Country], VolunteerRules.Owners(Shixi));
        Assert.Equal([Bijie, Guizhou, Country], VolunteerRules.Owners(Bijie));
        Assert.Equal([Country], VolunteerRules.Owners(Country));
        Assert.Equal([Qixingguan, Bijie, Guizhou, Country], VolunteerRules.Owners("520502")); // a short official code, padded
        Assert.Empty(VolunteerRules.Owners("52050x"));
        Assert.Empty(VolunteerRules.Owners(null));
    }

    [Fact]
    public void The_nearest_rules_win_and_without_any_the_national_defaults_apply()
    {
        var sets = new[] { Set(Country, 4), Set(Guizhou, 3), Set(Bijie, 2) };
        Assert.Equal((2, Bijie), Pick(Community, sets));
        Assert.Equal((5, Qixingguan), Pick(Community, [.. sets, Set(Qixingguan, 5)]));
        // Another county of the city reads the city's, not its sibling's.
        Assert.Equal((2, Bijie), Pick(Dafang, [.. sets, Set(Qixingguan, 5)]));
        Assert.Equal((3, Guizhou), Pick(Community, [Set(Country, 4), Set(Guizhou, 3)]));
        Assert.Equal((4, Country), Pick(Community, [Set(Country, 4)]));
        // Another province's rules never apply.
        var none = VolunteerRules.Nearest(Community, [Set("340600000000", 9)]);
        Assert.Same(VolunteerSettings.National, none.Rules);
        Assert.Null(none.DefinedBy);
        Assert.Same(VolunteerSettings.National, VolunteerRules.Nearest("bad", sets).Rules);
    }

    [Fact]
    public void Only_provinces_cities_counties_and_the_country_keep_rules()
    {
        Assert.True(VolunteerRules.MayKeep(Country));
        Assert.True(VolunteerRules.MayKeep(Guizhou));
        Assert.True(VolunteerRules.MayKeep(Bijie));
        Assert.True(VolunteerRules.MayKeep(Qixingguan));
        Assert.False(VolunteerRules.MayKeep(Shixi));
        Assert.False(VolunteerRules.MayKeep(Community));
    }

    [Fact]
    public void A_rule_set_gives_back_the_rules_it_was_given_and_refuses_nonsense()
    {
        var rules = VolunteerSettings.National with { StarThresholdHours = VolunteerSettings.BeijingStarHours, PointsCap = null, PointsDonationAllowed = true };
        var set = new VolunteerRuleSet(Bijie, rules, null, "测试", DateTimeOffset.UnixEpoch);
        var back = set.ToSettings();
        Assert.Equal(rules.StarThresholdHours, back.StarThresholdHours);
        Assert.Equal(rules with { StarThresholdHours = back.StarThresholdHours }, back);
        set.Replace(rules with { PostingDays = 5 }, null, "测试", DateTimeOffset.UnixEpoch);
        Assert.Equal(1, set.Version);
        Assert.Throws<ArgumentException>(() => set.Replace(rules with { StarThresholdHours = [100, 100, 200, 300, 400] }, null, "测试", DateTimeOffset.UnixEpoch));
    }

    [Fact]
    public void Each_field_of_a_request_is_checked_and_named()
    {
        var good = SaveVolunteerRules.Request.Of(Bijie, VolunteerSettings.National, null);
        Assert.False(SaveVolunteerRules.Validate(good).Any);
        Assert.True(SaveVolunteerRules.Validate(good with { StarThresholdHours = [100, 300, 250, 1000, 1500] }).Has("starThresholdHours[2]"));
        Assert.True(SaveVolunteerRules.Validate(good with { StarThresholdHours = [100, null, 600, 1000, 1500] }).Has("starThresholdHours[1]"));
        Assert.True(SaveVolunteerRules.Validate(good with { RoundingMinutes = null }).Has("roundingMinutes"));
        Assert.True(SaveVolunteerRules.Validate(good with { DailyCapMinutes = 475 }).Has("dailyCapMinutes"));
        Assert.True(SaveVolunteerRules.Validate(good with { MinAttendancePercent = 0 }).Has("minAttendancePercent"));
        Assert.True(SaveVolunteerRules.Validate(good with { GeofenceMeters = 50_001 }).Has("geofenceMeters"));
        Assert.True(SaveVolunteerRules.Validate(good with { PointsCap = 0 }).Has("pointsCap"));
        Assert.False(SaveVolunteerRules.Validate(good with { PointsCap = null, PointsDonationAllowed = null }).Any);
    }

    static (int, string?) Pick(string area, VolunteerRuleSet[] sets)
    {
        var found = VolunteerRules.Nearest(area, sets);
        return (found.Rules.PointsPerHour, found.DefinedBy);
    }
}
