using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Volunteers;

/// <summary>
/// 查看完整信息: a volunteer's ID number, mobile or guardian's phone in full (to call them, to fill a form of the national system) —
/// the rule of every reveal: the permission <see cref="HouseholdsPermissions.Reveal"/> (403), a reason of 2–200 characters (400),
/// an audit record with the reason; refusals audited too. 404 out of scope; 400 for a field the volunteer has no value in.
/// </summary>
public static class RevealVolunteerField
{
    /// <summary><c>field</c>: idNumber, phone or guardianPhone.</summary>
    public sealed record Request([property: Label("字段", "Field")] string? Field, [property: Label("查看原因", "Reason")] string? Reason);

    public sealed record Revealed(string Field, string Value);

    public static async Task<Result<Revealed>> Handle(AppDb db, CurrentUser actor, Sealer sealer, TimeProvider clock, Guid id, Request r, CancellationToken ct = default)
    {
        var property = r.Field switch { "idNumber" => nameof(Volunteer.IdNumber), "phone" => nameof(Volunteer.Phone), "guardianPhone" => nameof(Volunteer.GuardianPhone), _ => null };
        var volunteer = await db.Set<Volunteer>().AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, ct);
        if (volunteer is null) return await Refuse(db, id, null, "not found", AuditOutcome.Denied, property, Failure.NotFound(), ct);
        if (!actor.Has(HouseholdsPermissions.Reveal)) return await Refuse(db, id, volunteer.AreaCode, "no permission", AuditOutcome.Denied, property, Failure.Forbidden(), ct);
        var errors = new Errors().Text("reason", r.Reason, "查看原因", "Reason", 2, 200);
        if (property is null) errors.Add("field", Lang.T("要查看的字段应为 idNumber、phone 或 guardianPhone", "The field is idNumber, phone or guardianPhone"));
        if (errors.Any) return await Refuse(db, id, volunteer.AreaCode, "invalid", AuditOutcome.Failed, property, errors.ToFailure(), ct);
        SealedValue? value = property switch { nameof(Volunteer.IdNumber) => volunteer.IdNumber, nameof(Volunteer.Phone) => volunteer.Phone, _ => volunteer.GuardianPhone };
        if (value is null)
            return await Refuse(db, id, volunteer.AreaCode, "no value", AuditOutcome.Failed, property, Failure.Invalid("field", Lang.T("该志愿者没有登记此项", "The volunteer has no value in this field")), ct);
        db.AuditRecords.Add(new AuditRecord(clock.GetUtcNow(), actor, AuditAction.Reveal, nameof(Volunteer), volunteer.Id.ToString(), property,
            areaCode: volunteer.AreaCode, reason: r.Reason!.Trim(), objectName: volunteer.Name));
        await db.SaveChangesAsync(ct);
        return new Revealed(r.Field!, sealer.Open(value));
    }

    static async Task<Result<Revealed>> Refuse(AppDb db, Guid id, string? areaCode, string reason, AuditOutcome outcome, string? field, Failure failure, CancellationToken ct)
    {
        await db.RecordDeniedAsync(AuditAction.Reveal, nameof(Volunteer), id.ToString(), areaCode, reason, outcome, field, ct);
        return failure;
    }
}
