using Wushe.Features.Organizations;
using Wushe.Platform;
using Wushe.Platform.Localization;

namespace Wushe.Features.Competitions;

/// <summary>
/// 自动资格审查: the call's eligibility rules (data on the call) checked against what the platform knows of the organization, as a pure
/// function: registered and not suspended; its kind among the call's eligible kinds (when set); registered at least the call's months by
/// the deadline (China date) — an unknown registration date is 待人工核实 and passes to 初审; serving the project's area (when the call
/// asks); no unfinished award of an earlier call of the host area (when the call asks). The checks are recorded on the application at
/// submission; a failing one refuses it.
/// </summary>
public static class ApplicationEligibility
{
    /// <summary>What the platform knows of the organization for the checks.</summary>
    public sealed record Facts(OrganizationStatus Status, OrganizationKind Kind, DateOnly? RegisteredOn, bool ServesArea, bool HasUnfinishedAward);

    public static List<EligibilityCheck> Check(Competition call, Facts o)
    {
        var checks = new List<EligibilityCheck>
        {
            o.Status == OrganizationStatus.Registered
                ? new(Lang.T("登记状态", "Registration"), true, Lang.T("已登记，未暂停活动", "Registered, not suspended"))
                : new(Lang.T("登记状态", "Registration"), false, Lang.T($"机构状态为“{Organization.StatusLabel(o.Status)}”，须为已登记且未暂停活动", $"The organization is {Organization.StatusLabel(o.Status)}: it must be registered and not suspended")),
        };
        if (call.EligibleKinds.Count > 0)
            checks.Add(call.EligibleKinds.Contains(o.Kind)
                ? new(Lang.T("机构类型", "Kind"), true, Organization.KindLabel(o.Kind))
                : new(Lang.T("机构类型", "Kind"), false, Lang.T($"机构类型“{Organization.KindLabel(o.Kind)}”不在可申报类型（{string.Join("、", call.EligibleKinds.Select(Organization.KindLabel))}）之内",
                    $"{Organization.KindLabel(o.Kind)} is not among the kinds that may apply ({string.Join(", ", call.EligibleKinds.Select(Organization.KindLabel))})")));
        if (call.MinRegisteredMonths > 0)
        {
            var deadline = DateOnly.FromDateTime(call.ClosesAt.ToOffset(ChinaTime.Offset).DateTime);
            checks.Add(o.RegisteredOn is not { } on
                ? new(Lang.T("登记时间", "Registered for"), true, Lang.T($"登记日期未知，待人工核实（须在截止日前登记满 {call.MinRegisteredMonths} 个月）", $"Registration date unknown: to be verified at screening (at least {call.MinRegisteredMonths} months by the deadline)"))
                : on.AddMonths(call.MinRegisteredMonths) <= deadline
                    ? new(Lang.T("登记时间", "Registered for"), true, Lang.T($"{ChinaTime.Format(on)} 登记，截止日前已满 {call.MinRegisteredMonths} 个月", $"Registered on {ChinaTime.Format(on)}: {call.MinRegisteredMonths} months by the deadline"))
                    : new(Lang.T("登记时间", "Registered for"), false, Lang.T($"{ChinaTime.Format(on)} 登记，至截止日（{ChinaTime.Format(deadline)}）不满 {call.MinRegisteredMonths} 个月", $"Registered on {ChinaTime.Format(on)}: less than {call.MinRegisteredMonths} months by the deadline ({ChinaTime.Format(deadline)})")));
        }
        if (call.MustServeArea)
            checks.Add(o.ServesArea
                ? new(Lang.T("服务区域", "Service area"), true, Lang.T("服务项目所在区域", "Serves the project's area"))
                : new(Lang.T("服务区域", "Service area"), false, Lang.T("机构的服务区域不含项目所在区域", "The organization does not serve the project's area")));
        if (call.NoUnfinishedAward)
            checks.Add(o.HasUnfinishedAward
                ? new(Lang.T("未结项资助", "Unfinished award"), false, Lang.T("机构在本地区以往的公益创投中有尚未结项的资助项目", "The organization has an unfinished award from an earlier call of this area"))
                : new(Lang.T("未结项资助", "Unfinished award"), true, Lang.T("无未结项的资助项目", "No unfinished award")));
        return checks;
    }
}
