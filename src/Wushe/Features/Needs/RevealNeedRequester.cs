using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Needs;

/// <summary>
/// 查看求助人电话: the requester's phone of a need in full, to call them back — the rule of every reveal: the permission
/// <see cref="HouseholdsPermissions.Reveal"/> (403), a reason of 2–200 characters (400), an audit record with the reason;
/// refusals audited too. 404 out of scope; 400 when the need has no phone.
/// </summary>
public static class RevealNeedRequester
{
    public sealed record Request([Label("查看原因", "Reason")] string? Reason);

    public sealed record Revealed(string Phone);

    public static async Task<Result<Revealed>> Handle(AppDb db, CurrentUser actor, Sealer sealer, TimeProvider clock, Guid id, Request r, CancellationToken ct = default)
    {
        var need = await db.Set<Need>().AsNoTracking().FirstOrDefaultAsync(n => n.Id == id, ct);
        if (need is null) return await Refuse(db, id, null, "not found", AuditOutcome.Denied, Failure.NotFound(), ct);
        if (!actor.Has(HouseholdsPermissions.Reveal)) return await Refuse(db, id, need.AreaCode, "no permission", AuditOutcome.Denied, Failure.Forbidden(), ct);
        var errors = new Errors().Text("reason", r.Reason, "查看原因", "Reason", 2, 200);
        if (errors.Any) return await Refuse(db, id, need.AreaCode, "invalid", AuditOutcome.Failed, errors.ToFailure(), ct);
        if (need.RequesterPhone is not { } phone)
            return await Refuse(db, id, need.AreaCode, "no value", AuditOutcome.Failed, Failure.Invalid("reason", Lang.T("该需求未登记求助人电话", "The need has no requester's phone")), ct);
        db.AuditRecords.Add(new AuditRecord(clock.GetUtcNow(), actor, AuditAction.Reveal, nameof(Need), need.Id.ToString(), nameof(Need.RequesterPhone),
            areaCode: need.AreaCode, reason: r.Reason!.Trim(), objectName: need.NeedNo));
        await db.SaveChangesAsync(ct);
        return new Revealed(sealer.Open(phone));
    }

    static async Task<Result<Revealed>> Refuse(AppDb db, Guid id, string? areaCode, string reason, AuditOutcome outcome, Failure failure, CancellationToken ct)
    {
        await db.RecordDeniedAsync(AuditAction.Reveal, nameof(Need), id.ToString(), areaCode, reason, outcome, nameof(Need.RequesterPhone), ct);
        return failure;
    }
}
