using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Features.Organizations;
using Wushe.Features.Stations;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Casework;

/// <summary>
/// 转介: refer an open case to the township station of another township (of the same city), with the reason and the day
/// the person consented (not in the future, not before the case opened; for a child, the guardian's consent). The consent
/// is what lets the client's core record follow the case: once the receiver accepts, its workers read the client's name, sex,
/// age, address, masked phone (reveal with a reason, audited) and guardian through the case (<see cref="GetCase"/>,
/// <see cref="RevealCaseClient"/>), never the rest of the other township's household list. One referral waits at a time;
/// the receiving station accepts (the case moves to it) or declines (<see cref="DecideReferral"/>).
/// 409 when the case is closed, a referral already waits, or a step waits for the head's decision: the head of the referring
/// station decides it first (a referred case must never wait on a head of the station it left).
/// Or 转介给社会组织: to a social organization that serves the case's area (<see cref="ServingOrganizations"/>, the one rule of
/// "serves"; another is a 400 naming <c>toOrganizationId</c>), with the same reason and consent, exactly one receiver per
/// referral. The organization's staff accept or decline it (<see cref="DecideOrganizationReferral"/>); unlike a station's,
/// an accepted organization referral does not move the case: the station keeps it, and the organization's staff read it
/// with the client masked and add notes and services (<see cref="ReferredCases"/>). A step waiting for the head does not
/// hold it up (the case stays with that head); a second referral to an organization that already took the case is a 409.
/// </summary>
public static class ReferCase
{
    public sealed record Request
    {
        [Label("接收社工站", "Receiving station")] public Guid? ToStationId { get; init; }
        /// <summary>Instead of a station: a social organization serving the case's area (the case stays with the station).</summary>
        [Label("接收社会组织", "Receiving organization")] public Guid? ToOrganizationId { get; init; }
        [Label("转介原因", "Reason")] public string? Reason { get; init; }
        [Label("本人同意日期", "Consent given on")] public DateOnly? ConsentOn { get; init; }
    }

    public sealed record StationOption(Guid Id, string Name, string AreaCode);

    /// <summary>
    /// Stations a case of <paramref name="caseAreaCode"/> may be referred to: active township stations of the same city,
    /// other than the case's own township. Stations are public facts (name, area), read across the scope on purpose: the
    /// predicate (same city, active, township level) replaces the scope here.
    /// </summary>
    public static IQueryable<StationOption> Receivers(AppDb db, string caseAreaCode, Guid? only = null)
    {
        var city = caseAreaCode[..4];
        var own = CaseRules.TownshipOf(caseAreaCode);
        return db.Stations.IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(s => s.AreaCode.StartsWith(city) && s.AreaCode != own && s.Level == StationLevel.TownshipStation && s.Status == StationStatus.Active)
            .Where(s => only == null || s.Id == only)
            .OrderBy(s => s.AreaCode).Select(s => new StationOption(s.Id, s.Name, s.AreaCode));
    }

    public static Errors Validate(Request r, TimeProvider clock)
    {
        var errors = new Errors().Text("reason", r.Reason, "转介原因", "The reason", 2, 1000);
        if (r.ToStationId is null && r.ToOrganizationId is null) errors.Add("toStationId", Lang.T("请选择接收社工站或社会组织", "Please choose the receiving station or organization"));
        if (r.ToStationId is not null && r.ToOrganizationId is not null)
            errors.Add("toOrganizationId", Lang.T("接收社工站和社会组织只能选择一个", "Choose either a station or an organization, not both"));
        if (r.ConsentOn is not { } d) errors.Add("consentOn", Lang.T("本人同意日期不能为空", "The day the person consented is required"));
        else if (d > ChinaTime.Today(clock)) errors.Add("consentOn", Lang.T("本人同意日期不能晚于今天", "The day of consent cannot be in the future"));
        return errors;
    }

    public static async Task<Result<CreatedId>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid caseId, Request r, CancellationToken ct = default)
    {
        var c = await db.Cases().FirstOrDefaultAsync(x => x.Id == caseId, ct);
        if (c is null) return Failure.NotFound();
        var errors = Validate(r, clock);
        if (r.ConsentOn is { } d && d < c.OpenedOn) errors.Add("consentOn", Lang.T("本人同意日期不能早于开案日期", "The day of consent cannot be before the case was opened"));
        var station = r.ToStationId is { } sid ? await Receivers(db, c.AreaCode, sid).FirstOrDefaultAsync(ct) : null;
        if (r.ToStationId is not null && station is null)
            errors.Add("toStationId", Lang.T("请选择本市其他镇（街道）在运营的社工站", "Choose an active station of another township of the city"));
        var organization = r.ToOrganizationId is { } oid && r.ToStationId is null ? await ServingOrganizations.Find(db, c.AreaCode, oid, ct) : null;
        if (r.ToOrganizationId is not null && r.ToStationId is null && organization is null)
            errors.Add("toOrganizationId", Lang.T("所选社会组织不存在、已暂停或注销，或不服务该个案所在区域",
                "The organization chosen does not exist, is suspended or deregistered, or does not serve the case's area"));
        if (errors.Any) return errors.ToFailure();
        if (c.Status == CaseStatus.Closed) return Failure.Conflict(Lang.T("个案已结案，不能转介", "The case is closed; it cannot be referred"));
        if (await db.Set<CaseReferral>().AnyAsync(x => x.CaseId == c.Id && x.Status == ReferralStatus.Pending, ct))
            return Failure.Conflict(Lang.T("该个案已有待接收的转介", "A referral of this case is already waiting for the receiver"));
        if (organization is not null)
        {
            if (await db.Set<CaseReferral>().IgnoreQueryFilters([AppDb.ScopeFilter])
                    .AnyAsync(x => x.CaseId == c.Id && x.ToOrganizationId == organization.Id && x.Status == ReferralStatus.Accepted, ct))
                return Failure.Conflict(Lang.T("该社会组织已接收本个案", "This organization has already accepted the case"));
            var toOrganization = CaseReferral.ToOrganization(c, organization.Id, r.Reason!.Trim(), r.ConsentOn!.Value, user.Id, await Workers.NameAsync(db, user, ct),
                clock.GetUtcNow());
            db.Add(toOrganization);
            c.Touch();
            if (await CaseRules.SaveAsync(db, ct) is { } busy) return busy;
            return new CreatedId(toOrganization.Id);
        }
        if (await db.Set<CaseStep>().Where(x => x.CaseId == c.Id && x.Status == StepStatus.Submitted).Select(x => (CaseStepKind?)x.Kind).FirstOrDefaultAsync(ct) is { } waiting)
            return Failure.Conflict(Lang.T($"该个案的“{CaseStep.KindLabel(waiting)}”正等待本站站长审批，请先由站长审批（批准或退回）后再转介",
                $"The case's {CaseStep.KindLabel(waiting).ToLowerInvariant()} awaits this station head's decision: have the head approve or return it before referring the case"));
        var referral = new CaseReferral(c, station!.Id, station.AreaCode, r.Reason!.Trim(), r.ConsentOn!.Value, user.Id, await Workers.NameAsync(db, user, ct),
            clock.GetUtcNow());
        db.Add(referral);
        c.Touch();
        if (await CaseRules.SaveAsync(db, ct) is { } conflict) return conflict;
        return new CreatedId(referral.Id);
    }
}
