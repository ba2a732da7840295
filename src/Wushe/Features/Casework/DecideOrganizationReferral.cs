using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Organizations;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Casework;

/// <summary>
/// 接收或拒收转介给本机构的个案: the staff of the social organization a case was referred to (<see cref="ReferCase"/>) accept it
/// or decline it with a reason (audited, as every change). Accepting does not move the case: the station keeps it, its steps
/// and its client's reveal; the organization's staff may then read the case and add notes and services (<see cref="ReferredCases"/>).
/// Another organization's referral, or a station's, is 404; one decided already (also by a colleague at the same moment, through
/// the case's <see cref="Case.Version"/>) is 409. Answers the case's id.
/// </summary>
public static class DecideOrganizationReferral
{
    public sealed record Request
    {
        /// <summary>true: accept (接收); false: decline (拒收), which needs a reason.</summary>
        [Label("处理结果", "Decision")] public bool? Accept { get; init; }
        [Label("处理意见", "Note")] public string? Note { get; init; }
    }

    public static Errors Validate(Request r) => DecideReferral.Validate(r.Accept, r.Note);

    public static async Task<Result<CreatedId>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid referralId, Request r, CancellationToken ct = default)
    {
        if (OrganizationAccess.Own(user) is not { } organization) return Failure.NotFound();
        // The referral lies in the referring station's area: the predicate on the receiving organization replaces the scope.
        var referral = await db.Set<CaseReferral>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .FirstOrDefaultAsync(x => x.Id == referralId && x.ToOrganizationId == organization, ct);
        if (referral is null) return Failure.NotFound();
        var errors = Validate(r);
        if (errors.Any) return errors.ToFailure();
        if (referral.Status != ReferralStatus.Pending) return Failure.Conflict(Lang.T("该转介已处理", "This referral has been decided already"));
        // A suspended or deregistered organization declines, never accepts: it cannot take on the case.
        if (r.Accept == true && await OrganizationAccess.ActingRefusalAsync(db, organization, ct) is { } halted) return Failure.Conflict(halted);
        // The case the referral names, by its id: touched so that two colleagues deciding at once meet its version.
        var c = await db.Cases().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstAsync(x => x.Id == referral.CaseId, ct);
        referral.Decide(r.Accept!.Value, r.Note?.Trim() ?? "", clock.GetUtcNow());
        c.Touch();
        // The rows lie in the referring area (the referral) and the case's (the same, unless the case moved since): saved acting over both.
        if (await ReferredCases.SaveAsync(db, user, c, ct, DecideReferral.Over(referral.AreaCode, c.AreaCode)) is { } conflict) return conflict;
        return new CreatedId(c.Id);
    }
}
