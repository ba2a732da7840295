using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Platform.Sensitive;

/// <summary>
/// The rule of every reveal (查看完整信息, DESIGN.md "Personal data") for a record read in scope: the permission (403), the field
/// asked for among those the record has (400 naming <c>field</c>), a reason of 2–200 characters (400 naming <c>reason</c>), a
/// value on record (400 naming <c>field</c>), then an audit record with the reason and the value opened; every refusal audited too;
/// a record not found or out of scope is 404.
/// </summary>
public static class Reveals
{
    /// <summary>The record whose value is revealed, as the audit names it.</summary>
    /// <param name="Entity">The entity's type name (nameof).</param>
    /// <param name="AreaCode">Its 12-digit area.</param>
    /// <param name="Name">Its name in the audit log.</param>
    public sealed record Holder(string Entity, Guid Id, string AreaCode, string Name);

    /// <param name="holder">The record read in scope; null: not found or out of scope (404, audited under <paramref name="entity"/>).</param>
    /// <param name="property">The record's property the field names (audit's field), or null for a field not offered.</param>
    /// <param name="fieldsAre">The message for a field not offered (names the fields that are).</param>
    /// <param name="value">The sealed value of <paramref name="property"/>; null when the record has none.</param>
    /// <param name="noValue">The message when it has none.</param>
    /// <returns>The opened value.</returns>
    public static async Task<Result<string>> OpenAsync(AppDb db, CurrentUser actor, Sealer sealer, TimeProvider clock, Permission permission, string entity, Guid id,
        Holder? holder, string? property, string fieldsAre, SealedValue? value, string noValue, string? reason, CancellationToken ct = default)
    {
        async Task<Result<string>> Refuse(string why, AuditOutcome outcome, Failure failure)
        {
            await db.RecordDeniedAsync(AuditAction.Reveal, entity, id.ToString(), holder?.AreaCode, why, outcome, property, ct);
            return failure;
        }
        if (holder is null) return await Refuse("not found", AuditOutcome.Denied, Failure.NotFound());
        if (!actor.Has(permission)) return await Refuse("no permission", AuditOutcome.Denied, Failure.Forbidden());
        var errors = new Errors().Text("reason", reason, "查看原因", "Reason", 2, 200);
        if (property is null) errors.Add("field", fieldsAre);
        if (errors.Any) return await Refuse("invalid", AuditOutcome.Failed, errors.ToFailure());
        if (value is null) return await Refuse("no value", AuditOutcome.Failed, Failure.Invalid("field", noValue));
        db.AuditRecords.Add(new AuditRecord(clock.GetUtcNow(), actor, AuditAction.Reveal, holder.Entity, holder.Id.ToString(), property,
            areaCode: holder.AreaCode, reason: reason!.Trim(), objectName: holder.Name));
        await db.SaveChangesAsync(ct);
        return sealer.Open(value);
    }
}
