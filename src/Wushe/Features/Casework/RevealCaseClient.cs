using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Casework;

/// <summary>
/// 查看服务对象联系电话: the phone (or the guardian's phone) of a case's client in full, through the case — for the station
/// that serves the case, also when the case was referred in from another township and the person's household lies outside
/// its scope (the referral recorded the consent for the record to follow the case; <see cref="ReferCase"/>). The same rule as
/// every reveal (<see cref="RevealResidentField.RevealAsync"/>): the permission <see cref="HouseholdsPermissions.Reveal"/>
/// (403), a reason (400), the guardian's consent for a child under 14, an audit record of the field and reason. Only
/// <c>phone</c> and <c>guardianPhone</c> (the core record a worker needs to reach the person); the ID number and the health
/// note stay with the household's area (400). A case out of scope is 404.
/// </summary>
public static class RevealCaseClient
{
    public static async Task<Result<RevealResidentField.Revealed>> Handle(AppDb db, CurrentUser actor, Sealer sealer, TimeProvider clock, Guid caseId,
        RevealResidentField.Request r, CancellationToken ct = default)
    {
        var residentId = await db.Cases().Where(c => c.Id == caseId).Select(c => (Guid?)c.ResidentId).FirstOrDefaultAsync(ct);
        if (residentId is null)
        {
            await db.RecordDeniedAsync(Platform.Audit.AuditAction.Reveal, nameof(Case), caseId.ToString(), null, "not found", Platform.Audit.AuditOutcome.Denied,
                RevealResidentField.PropertyOf(r.Field), ct);
            return Failure.NotFound();
        }
        var field = r.Field?.Trim();
        if (!string.IsNullOrEmpty(field) && !string.Equals(field, RevealResidentField.Phone, StringComparison.OrdinalIgnoreCase)
            && !string.Equals(field, RevealResidentField.GuardianPhone, StringComparison.OrdinalIgnoreCase) && actor.Has(HouseholdsPermissions.Reveal))
            return Failure.Invalid("field", Lang.T("通过个案只能查看联系电话或监护人电话", "Through a case only phone or guardianPhone can be revealed"));
        // The case (in scope, checked above) names its client: read by that id, whatever the area.
        var resident = await db.Set<Resident>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().FirstOrDefaultAsync(x => x.Id == residentId, ct);
        return await RevealResidentField.RevealAsync(db, actor, sealer, clock, residentId.Value, resident, r, ct);
    }
}
