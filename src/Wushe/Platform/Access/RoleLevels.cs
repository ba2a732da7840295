using Wushe.Platform.Areas;
using Wushe.Platform.Localization;

namespace Wushe.Platform.Access;

/// <summary>
/// Which level of area each role is granted at (DESIGN.md "Roles"; the demo accounts follow it):
/// <list type="table">
/// <item><term>平台管理员</term><description>the whole country (000000000000) only;</description></item>
/// <item><term>民政局工作人员</term><description>a province, city or county: the civil-affairs departments of provinces
/// and municipalities (北京市 is a province-level code), and the city and county bureaus of DESIGN.md;</description></item>
/// <item><term>社工站社工</term><description>a city, county or township: the three station levels (city guidance centre,
/// county station, township station, DOMAIN.md "Social-work stations");</description></item>
/// <item><term>社区工作人员, 基金管委会成员</term><description>a village or community: the community and its fund;</description></item>
/// <item><term>社会组织工作人员</term><description>a province, city, county or township: organizations are registered by
/// civil affairs from the province down, and community organizations are filed with their street;</description></item>
/// <item><term>志愿者, 捐赠人, 商户, 评审专家</term><description>any area: they take the user's home area and have no scope.</description></item>
/// </list>
/// Pure; enforced by the user administration use cases, so pages and API agree.
/// </summary>
public static class RoleLevels
{
    /// <summary>The levels a role may be granted at; empty for the platform admin (the country, which is no level).</summary>
    public static IReadOnlyList<AreaLevel> For(Role role) => role switch
    {
        Role.PlatformAdmin => [],
        Role.BureauStaff => [AreaLevel.Province, AreaLevel.City, AreaLevel.County],
        Role.StationWorker => [AreaLevel.City, AreaLevel.County, AreaLevel.Township],
        Role.CommunityStaff or Role.FundCommitteeMember => [AreaLevel.Village],
        Role.OrganizationStaff => [AreaLevel.Province, AreaLevel.City, AreaLevel.County, AreaLevel.Township],
        _ => Enum.GetValues<AreaLevel>(),
    };

    /// <summary>Whether a role fits an area: the country for the platform admin only, otherwise one of <see cref="For"/>.</summary>
    public static bool Fits(Role role, string areaCode12) =>
        areaCode12 == Scope.Country ? role == Role.PlatformAdmin || Roles.IsSelfService(role) : For(role).Contains(AreaCode.LevelOf(areaCode12));

    /// <summary>"省、市或县（区）": the levels in words.</summary>
    public static string Describe(Role role)
    {
        var levels = For(role);
        if (levels.Count == 0) return Lang.T("全国", "the whole country");
        var names = levels.Select(AreaCode.LevelLabel).ToList();
        return names.Count == 1 ? names[0] : Lang.T(string.Join("、", names[..^1]) + "或" + names[^1], string.Join(", ", names[..^1]) + " or " + names[^1]);
    }

    /// <summary>Null when the role fits the area; otherwise the message naming both (UI.md style).</summary>
    public static string? Check(Role role, string areaCode12)
    {
        if (Fits(role, areaCode12)) return null;
        var chosen = areaCode12 == Scope.Country ? Lang.T("全国", "the whole country") : AreaCode.LevelLabel(AreaCode.LevelOf(areaCode12));
        return Lang.T($"{Roles.Label(role)}的区划应为{Describe(role)}一级，所选区划是{chosen}",
            $"A {Roles.Label(role)} role belongs to a {Describe(role)}; the chosen area is a {chosen}");
    }
}
