using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Organizations;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 提交申报: the organization's staff submit their draft before the deadline (a returned one within its 补正期限). Every required document
/// must be there (400 naming the missing ones); the request within the cap and the co-funding rule as the call says now; the automatic
/// eligibility checks (<see cref="ApplicationEligibility"/>) are recorded on the application, and a failing one refuses the submission
/// naming every failing check (409). The first submission gives the receipt's number (<see cref="ApplicationRules.NextNumberAsync"/>:
/// the call's number + 3 digits; two submissions at one moment meet at the unique index and the second numbers again). Answers the
/// receipt (<see cref="GetApplicationReceipt"/>).
/// </summary>
public static class SubmitApplication
{
    public sealed record Request
    {
        /// <summary>The version read (409 when someone saved in between).</summary>
        [Label("版本", "Version")] public int? Version { get; init; }
    }

    public static async Task<Result<GetApplicationReceipt.Receipt>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid id, Request r, CancellationToken ct = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (result, renumber) = await Attempt(db, user, clock, id, r, ct);
            if (!renumber) return result;
            if (attempt >= 8) return UniqueKeys.Conflict();
        }
    }

    static async Task<(Result<GetApplicationReceipt.Receipt>, bool Renumber)> Attempt(AppDb db, CurrentUser user, TimeProvider clock, Guid id, Request r, CancellationToken ct)
    {
        if (OrganizationAccess.Own(user) is null) return (Failure.NotFound(), false);
        if (await ApplicationRules.FindAsync(db, user, id, ct) is not { } application) return (Failure.NotFound(), false);
        var call = (await ApplicationRules.CallAsync(db, user, application.CompetitionId, ct))!;
        var now = clock.GetUtcNow();
        if (ApplicationRules.ChangeRefusal(call, application, now) is { } refusal) return (ApplicationRules.Frozen(refusal), false);
        if (r.Version is { } v && v != application.Version) return (ApplicationRules.Stale, false);
        if (await OrganizationAccess.ActingRefusalAsync(db, application.OrganizationId!.Value, ct) is { } acting) return (Failure.Conflict(acting), false);

        var errors = new Errors();
        var present = await db.Set<ApplicationDocument>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(d => d.ApplicationId == id).Select(d => d.Name).Distinct().ToListAsync(ct);
        var missing = call.RequiredDocuments.Where(n => !present.Contains(n)).ToList();
        if (missing.Count > 0) errors.Add("documents", Lang.T($"缺少申报材料：{string.Join("、", missing)}", $"Documents missing: {string.Join(", ", missing)}"));
        if (application.RequestedFen > call.CapFen)
            errors.Add("funding", Lang.T($"申请资助金额 {Platform.Money.Yuan(application.RequestedFen)} 超过单个项目资助上限 {Platform.Money.Yuan(call.CapFen)}",
                $"The amount requested, {Platform.Money.Yuan(application.RequestedFen)}, is above the cap per project, {Platform.Money.Yuan(call.CapFen)}"));
        if (call.CoFunding == CoFundingRule.Required && application.CoFundingFen < SaveApplication.MinCoFunding(call, application.RequestedFen))
            errors.Add("funding", Lang.T($"配套资金不足：须至少 {Platform.Money.Yuan(SaveApplication.MinCoFunding(call, application.RequestedFen))}（申请金额的 {call.CoFundingMinPercent}%），现配套 {Platform.Money.Yuan(application.CoFundingFen)}",
                $"Too little co-funding: at least {Platform.Money.Yuan(SaveApplication.MinCoFunding(call, application.RequestedFen))} ({call.CoFundingMinPercent}% of the request) needed, {Platform.Money.Yuan(application.CoFundingFen)} pledged"));
        if (errors.Any) return (errors.ToFailure(), false);

        var checks = ApplicationEligibility.Check(call, await FactsAsync(db, call, application, ct));
        var failing = checks.Where(c => !c.Passed).Select(ApplicationEligibility.Describe).ToList();
        if (failing.Count > 0)
            return (Failure.Conflict(Lang.T($"未通过资格审查，不能提交：{string.Join("；", failing.Select(c => $"{c.Name}：{c.Detail}"))}",
                $"The application is not eligible and cannot be submitted: {string.Join("; ", failing.Select(c => $"{c.Name}: {c.Detail}"))}")), false);

        var number = application.ApplicationNo.Length > 0 ? application.ApplicationNo : await ApplicationRules.NextNumberAsync(db, call, ct);
        application.Submit(number, checks, now);
        ApplicationRules.ActInCall(db, user, call);
        try
        {
            if (await db.SaveOrFindDuplicateAsync(ct) is { } columns)
                return columns.Contains(nameof(CompetitionApplication.ApplicationNo)) ? (default, true) : (UniqueKeys.Conflict(), false);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return (ApplicationRules.Stale, false);
        }
        return (GetApplicationReceipt.Of(call, application), false);
    }

    /// <summary>What the checks read of the organization: its register entry, whether it serves the project's area, its unfinished awards.</summary>
    static async Task<ApplicationEligibility.Facts> FactsAsync(AppDb db, Competition call, CompetitionApplication application, CancellationToken ct)
    {
        var organizationId = application.OrganizationId!.Value;
        var o = await db.Set<Organization>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(x => x.Id == organizationId)
            .Select(x => new { x.Status, x.Kind, x.RegisteredOn }).FirstAsync(ct);
        var serves = await ServingOrganizations.Find(db, application.AreaCode, organizationId, ct) is not null;
        // An award of any other call on the platform still running, whoever hosts it (an organization's capacity is one, whichever
        // bureau or fund pays it): read whatever the reader's scope.
        var unfinished = await db.Set<CompetitionAward>().IgnoreQueryFilters()
            .AnyAsync(a => a.OrganizationId == organizationId && a.Status == AwardStatus.Active && a.CompetitionId != call.Id, ct);
        return new ApplicationEligibility.Facts(o.Status, o.Kind, o.RegisteredOn, serves, unfinished);
    }
}
