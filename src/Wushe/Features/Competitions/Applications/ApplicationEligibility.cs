using Wushe.Features.Organizations;
using Wushe.Platform;
using Wushe.Platform.Localization;

namespace Wushe.Features.Competitions;

/// <summary>
/// 自动资格审查: the call's eligibility rules (data on the call) checked against what the platform knows of the organization, as a pure
/// function: registered and not suspended; its kind among the call's eligible kinds (when set); registered at least the call's months by
/// the deadline (China date) — an unknown registration date is 待人工核实 and passes to 初审; serving the project's area (when the call
/// asks); no unfinished award of another call, whoever hosts it (when the call asks). The checks are recorded on the application at
/// submission, as rules and facts in no language (<see cref="EligibilityCheck"/>); a failing one refuses it. Pages, the API and the
/// refusal put them in words with <see cref="Describe"/>, in the reader's language at the time of reading.
/// </summary>
public static class ApplicationEligibility
{
    /// <summary>What the platform knows of the organization for the checks.</summary>
    public sealed record Facts(OrganizationStatus Status, OrganizationKind Kind, DateOnly? RegisteredOn, bool ServesArea, bool HasUnfinishedAward);

    /// <summary>A check in words, in the reader's language: what was checked (<paramref name="Name"/>), whether it passed, and how it stands or why not.</summary>
    /// <param name="Rule">The rule checked; null for a check recorded in words before the rule was kept.</param>
    public sealed record Line(EligibilityRule? Rule, bool Passed, string Name, string Detail);

    public static List<EligibilityCheck> Check(Competition call, Facts o)
    {
        var checks = new List<EligibilityCheck> { new(EligibilityRule.Registration, o.Status == OrganizationStatus.Registered, Status: o.Status) };
        if (call.EligibleKinds.Count > 0)
            checks.Add(new(EligibilityRule.Kind, call.EligibleKinds.Contains(o.Kind), Kind: o.Kind, Kinds: [.. call.EligibleKinds]));
        if (call.MinRegisteredMonths > 0)
        {
            var deadline = DateOnly.FromDateTime(call.ClosesAt.ToOffset(ChinaTime.Offset).DateTime);
            checks.Add(new(EligibilityRule.RegisteredFor, o.RegisteredOn is not { } on || on.AddMonths(call.MinRegisteredMonths) <= deadline,
                Months: call.MinRegisteredMonths, RegisteredOn: o.RegisteredOn, Deadline: deadline));
        }
        if (call.MustServeArea) checks.Add(new(EligibilityRule.ServiceArea, o.ServesArea));
        if (call.NoUnfinishedAward) checks.Add(new(EligibilityRule.UnfinishedAward, !o.HasUnfinishedAward));
        return checks;
    }

    /// <summary>
    /// The check in words, in the reader's language (<see cref="Lang"/>): its name and its detail, written from the rule and the facts
    /// recorded with it; a check recorded in words before the rule was kept is given as it was recorded.
    /// </summary>
    public static Line Describe(EligibilityCheck c)
    {
        var months = c.Months ?? 0;
        var (name, detail) = c.Rule switch
        {
            EligibilityRule.Registration => (Lang.T("登记状态", "Registration"), c.Passed
                ? Lang.T("已登记，未暂停活动", "Registered, not suspended")
                : Lang.T($"机构状态为“{Status(c)}”，须为已登记且未暂停活动", $"The organization is {Status(c)}: it must be registered and not suspended")),
            EligibilityRule.Kind => (Lang.T("机构类型", "Kind"), c.Passed
                ? Kind(c)
                : Lang.T($"机构类型“{Kind(c)}”不在可申报类型（{string.Join("、", (c.Kinds ?? []).Select(Organization.KindLabel))}）之内",
                    $"{Kind(c)} is not among the kinds that may apply ({string.Join(", ", (c.Kinds ?? []).Select(Organization.KindLabel))})")),
            EligibilityRule.RegisteredFor => (Lang.T("登记时间", "Registration date"), c.RegisteredOn is not { } on
                ? Lang.T($"登记日期未知，待人工核实（须在截止日前登记满 {months} 个月）", $"Unknown, to be verified at screening (at least {months} months before the deadline)")
                : c.Passed
                    ? Lang.T($"{ChinaTime.Format(on)} 登记，截止日前已满 {months} 个月", $"{ChinaTime.Format(on)}, at least {months} months before the deadline")
                    : Lang.T($"{ChinaTime.Format(on)} 登记，至截止日（{Deadline(c)}）不满 {months} 个月", $"{ChinaTime.Format(on)}, less than {months} months before the deadline ({Deadline(c)})")),
            EligibilityRule.ServiceArea => (Lang.T("服务区域", "Service area"), c.Passed
                ? Lang.T("服务项目所在区域", "Serves the project's area")
                : Lang.T("机构的服务区域不含项目所在区域", "The organization does not serve the project's area")),
            EligibilityRule.UnfinishedAward => (Lang.T("未结项资助", "Unfinished award"), c.Passed
                ? Lang.T("无未结项的资助项目", "No unfinished award")
                : Lang.T("机构在以往的公益创投中有尚未结项的资助项目", "The organization has an unfinished award from an earlier call")),
            _ => (c.Name ?? "", c.Detail ?? ""),
        };
        return new Line(c.Rule, c.Passed, name, detail);
    }

    static string Status(EligibilityCheck c) => c.Status is { } s ? Organization.StatusLabel(s) : "";

    static string Kind(EligibilityCheck c) => c.Kind is { } k ? Organization.KindLabel(k) : "";

    static string Deadline(EligibilityCheck c) => c.Deadline is { } d ? ChinaTime.Format(d) : "";
}
