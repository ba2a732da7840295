using Wushe.Platform.Localization;

namespace Wushe.Platform.Access;

/// <summary>The roles of DESIGN.md. A user may hold several, each with its own area scope.</summary>
public enum Role
{
    PlatformAdmin = 1,
    BureauStaff = 2,
    StationWorker = 3,
    CommunityStaff = 4,
    FundCommitteeMember = 5,
    OrganizationStaff = 6,
    Volunteer = 7,
    Donor = 8,
    Merchant = 9,
    /// <summary>评审专家: a judge of venture-philanthropy calls, possibly from outside the host area; no area scope — they read the applications assigned to them.</summary>
    Expert = 10,
}

public static class Roles
{
    public static readonly Role[] All = Enum.GetValues<Role>();

    /// <summary>Self-service accounts see their own records only: they have no area scope.</summary>
    public static bool IsSelfService(Role role) => role is Role.Volunteer or Role.Donor or Role.Merchant or Role.Expert;

    public static string Label(Role role) => role switch
    {
        Role.PlatformAdmin => Lang.T("平台管理员", "Platform admin"),
        Role.BureauStaff => Lang.T("民政局工作人员", "Civil-affairs bureau staff"),
        Role.StationWorker => Lang.T("社工站社工", "Station social worker"),
        Role.CommunityStaff => Lang.T("社区工作人员", "Community staff"),
        Role.FundCommitteeMember => Lang.T("基金管委会成员", "Fund committee member"),
        Role.OrganizationStaff => Lang.T("社会组织工作人员", "Social organization staff"),
        Role.Volunteer => Lang.T("志愿者", "Volunteer"),
        Role.Donor => Lang.T("捐赠人", "Donor"),
        Role.Merchant => Lang.T("商户", "Merchant"),
        Role.Expert => Lang.T("评审专家", "Judge (expert)"),
        _ => role.ToString(),
    };
}
