using Wushe.Platform.Access;

namespace Wushe.Features.Volunteers.Points;

/// <summary>
/// Who may do what with points and virtue-credit merchants. A volunteer keeps their own account (<see cref="VolunteersPermissions.Self"/>);
/// a merchant account keeps its own merchant's offers and confirms its codes (its scope holds no records: found by the account);
/// stations and communities register merchants of their area; bureaus read them.
/// </summary>
public static class PointsPermissions
{
    public const string ViewMerchantsPolicy = "points.merchants.view", ManageMerchantsPolicy = "points.merchants.manage", MerchantPolicy = "points.merchant";

    /// <summary>美德信用商户 of the scope, their quarterly figures, exports.</summary>
    public static readonly Permission ViewMerchants = new(ViewMerchantsPolicy, Role.BureauStaff, Role.StationWorker, Role.CommunityStaff);

    /// <summary>Register and edit merchants in scope, link a merchant account.</summary>
    public static readonly Permission ManageMerchants = new(ManageMerchantsPolicy, Role.StationWorker, Role.CommunityStaff);

    /// <summary>A merchant account's own pages: its offers, confirming codes, its redemptions and figures.</summary>
    public static readonly Permission Merchant = new(MerchantPolicy, Role.Merchant);
}
