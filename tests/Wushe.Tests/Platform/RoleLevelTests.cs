using Wushe.Platform.Access;

namespace Wushe.Tests.Platform;

/// <summary>A role fits the level of its area (RoleLevels), as DESIGN.md and the demo accounts have it.</summary>
public sealed class RoleLevelTests
{
    [Theory]
    [InlineData(Role.PlatformAdmin, "000000000000", true)]
    [InlineData(Role.PlatformAdmin, "520500000000", false)]
    [InlineData(Role.BureauStaff, "520000000000", true)]   // a provincial department
    [InlineData(Role.BureauStaff, "520500000000", true)]   // 毕节市
    [InlineData(Role.BureauStaff, "520502000000", true)]   // 七星关区
    [InlineData(Role.BureauStaff, "520502001000", false)]
    [InlineData(Role.BureauStaff, "520502001001", false)]  // the bureau role at a community
    [InlineData(Role.BureauStaff, "000000000000", false)]
    [InlineData(Role.StationWorker, "520502001000", true)]
    [InlineData(Role.StationWorker, "520502000000", true)] // a county station
    [InlineData(Role.StationWorker, "520502001001", false)]
    [InlineData(Role.CommunityStaff, "520502001001", true)]
    [InlineData(Role.CommunityStaff, "520502001000", false)]
    [InlineData(Role.FundCommitteeMember, "370502001001", true)]
    [InlineData(Role.FundCommitteeMember, "370502000000", false)]
    [InlineData(Role.OrganizationStaff, "520502000000", true)]
    [InlineData(Role.OrganizationStaff, "340600000000", true)]
    [InlineData(Role.OrganizationStaff, "520502001001", false)]
    [InlineData(Role.Volunteer, "520502001001", true)]
    [InlineData(Role.Donor, "340600000000", true)]
    public void A_role_fits_only_the_levels_it_works_at(Role role, string area, bool fits)
    {
        Assert.Equal(fits, RoleLevels.Fits(role, area));
        Assert.Equal(fits, RoleLevels.Check(role, area) is null);
    }

    [Fact]
    public void Every_demo_account_fits_its_role()
    {
        foreach (var a in Wushe.Features.Demo.DemoData.Accounts)
            Assert.True(RoleLevels.Fits(a.Role, a.AreaCode), $"{a.UserName}: {a.Role} at {a.AreaCode}");
    }

    [Fact]
    public void A_misfit_is_named_with_the_levels_the_role_takes()
    {
        using var chinese = new ChineseCulture();
        Assert.Equal("民政局工作人员的区划应为省、市或县（区）一级，所选区划是村（社区）", RoleLevels.Check(Role.BureauStaff, "520502001001"));
    }
}
