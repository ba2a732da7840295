using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Households;

/// <summary>
/// 查看完整信息: a resident's ID number, phone, guardian's phone or health note in full, to a holder of
/// <see cref="HouseholdsPermissions.Reveal"/> who gives a reason, for a resident in scope (404 otherwise). Every reveal is an
/// audit record (field and reason, never the value), and so is every refused or failed one (DOMAIN.md, Personal information).
/// </summary>
public static class RevealResidentField
{
    public const string IdNumber = "idNumber", Phone = "phone", GuardianPhone = "guardianPhone", HealthNote = "healthNote";

    static readonly string[] Fields = [IdNumber, Phone, GuardianPhone, HealthNote];

    public sealed record Request([Label("查看内容", "Field")] string? Field, [Label("查看原因", "Reason")] string? Reason);

    public sealed record Revealed(string Field, string Value);

    /// <summary>The resident's property a requested field names ("phone" → Phone), as audit records name it; null for anything else.</summary>
    public static string? PropertyOf(string? field) =>
        Fields.FirstOrDefault(f => string.Equals(f, field?.Trim(), StringComparison.OrdinalIgnoreCase)) switch
        {
            IdNumber => nameof(Resident.IdNumber), Phone => nameof(Resident.Phone), GuardianPhone => nameof(Resident.GuardianPhone),
            HealthNote => nameof(Resident.HealthNote), _ => null,
        };

    public static async Task<Result<Revealed>> Handle(AppDb db, CurrentUser actor, Sealer sealer, TimeProvider clock, Guid residentId, Request r, CancellationToken ct = default) =>
        await RevealAsync(db, actor, sealer, clock, residentId, await db.Set<Resident>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == residentId, ct), r, ct);

    /// <summary>
    /// The rule of a reveal for a resident the caller has read already (null: not found or out of scope, 404, audited): the
    /// permission, the reason, the guardian's consent for a child under 14, the audit record. <see cref="Handle"/> reads the
    /// resident in scope; a case reads its client through the case (Casework.RevealCaseClient).
    /// </summary>
    public static async Task<Result<Revealed>> RevealAsync(AppDb db, CurrentUser actor, Sealer sealer, TimeProvider clock, Guid residentId, Resident? resident,
        Request r, CancellationToken ct = default)
    {
        var field = Fields.FirstOrDefault(f => string.Equals(f, r.Field?.Trim(), StringComparison.OrdinalIgnoreCase));
        var property = PropertyOf(field);
        if (resident is null) return await Refuse(db, residentId, null, property, "not found", AuditOutcome.Denied, Failure.NotFound(), ct);
        if (!actor.Has(HouseholdsPermissions.Reveal))
            return await Refuse(db, residentId, resident.AreaCode, property, "no permission", AuditOutcome.Denied, Failure.Forbidden(), ct);

        var errors = new Errors();
        if (string.IsNullOrWhiteSpace(r.Field)) errors.Add("field", Lang.T("请选择要查看的信息", "Please choose what to reveal"));
        else if (field is null) errors.Add("field", Lang.T("只能查看身份证号码、联系电话、监护人电话或健康情况", "Only idNumber, phone, guardianPhone or healthNote can be revealed"));
        errors.Text("reason", r.Reason, "查看原因", "Reason", 2, 200);
        if (errors.Any) return await Refuse(db, residentId, resident.AreaCode, property, "invalid", AuditOutcome.Failed, errors.ToFailure(), ct);

        // A child under 14's own sensitive values are processed only with the guardian's consent in force (DOMAIN.md, Personal
        // information): without it they are not shown, even to a holder of the right (the guardian's phone is the guardian's).
        if (field != GuardianPhone && ChinaTime.AgeOn(resident.BirthDate, ChinaTime.Today(clock)) < ResidentFields.ConsentAge
            && !Consents.HasGuardianConsent(await db.Set<Consent>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().Where(c => c.ResidentId == residentId).ToListAsync(ct), residentId, resident.GuardianName))
            return await Refuse(db, residentId, resident.AreaCode, property, "no guardian consent", AuditOutcome.Failed,
                Failure.Invalid("field", Lang.T("未满14周岁儿童未取得监护人同意，不能查看其敏感个人信息", "A child under 14's sensitive information is not shown without the guardian's consent")), ct);
        var value = field switch
        {
            IdNumber => resident.IdNumber is { } v ? sealer.Open(v) : null,
            Phone => resident.Phone is { } v ? sealer.Open(v) : null,
            GuardianPhone => resident.GuardianPhone is { } v ? sealer.Open(v) : null,
            _ => resident.HealthNote.Length > 0 ? resident.HealthNote : null,
        };
        if (value is null)
            return await Refuse(db, residentId, resident.AreaCode, property, "no value", AuditOutcome.Failed,
                Failure.Invalid("field", Lang.T("该居民未登记此项信息", "The resident has no such value")), ct);
        db.AuditRecords.Add(new AuditRecord(clock.GetUtcNow(), actor, AuditAction.Reveal, nameof(Resident), resident.Id.ToString(), property,
            areaCode: resident.AreaCode, reason: r.Reason!.Trim(), objectName: Mask.Name(resident.Name)));
        await db.SaveChangesAsync(ct);
        return new Revealed(field!, value);
    }

    static async Task<Result<Revealed>> Refuse(AppDb db, Guid id, string? areaCode, string? field, string reason, AuditOutcome outcome, Failure failure, CancellationToken ct)
    {
        await db.RecordDeniedAsync(AuditAction.Reveal, nameof(Resident), id.ToString(), areaCode, reason, outcome, field, ct);
        return failure;
    }
}
