using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Accounts;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Accounts.Users;

/// <summary>
/// 查看: shows a user's phone or ID number in full to a holder of the reveal permission who gives a
/// reason, when the user's home area lies in the revealer's scope: personal data belongs to the
/// account's home area, so a user who is only visible through a role in one's area (a neighbouring
/// county's resident) stays masked. Every reveal is an audit record (field name and reason, never the
/// value), and so is every refused or failed one (a security event).
/// </summary>
public static class RevealUserField
{
    public const string Phone = "phone";
    public const string IdNumber = "idNumber";

    public sealed record Request(string? Field, string? Reason);

    public sealed record Revealed(string Field, string Value);

    public static async Task<Result<Revealed>> Handle(AppDb db, CurrentUser actor, Sealer sealer, TimeProvider clock, Guid id, Request r, CancellationToken ct = default)
    {
        var isPhone = string.Equals(r.Field?.Trim(), Phone, StringComparison.OrdinalIgnoreCase);
        var isId = string.Equals(r.Field?.Trim(), IdNumber, StringComparison.OrdinalIgnoreCase);
        var fieldName = isPhone ? nameof(User.Phone) : isId ? nameof(User.IdNumber) : null;
        var user = await UserScope.Visible(db, actor.Scope).AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return await Refuse(db, id, null, fieldName, "not found", AuditOutcome.Denied, Failure.NotFound(), ct);
        if (!actor.Has(AccountsPermissions.RevealSensitive))
            return await Refuse(db, id, user.HomeAreaCode, fieldName, "no permission", AuditOutcome.Denied, Failure.Forbidden(), ct);
        if (!actor.Scope.Covers(user.HomeAreaCode))
            return await Refuse(db, id, user.HomeAreaCode, fieldName, "home area outside scope", AuditOutcome.Denied, Failure.Forbidden(Lang.T(
                "该用户的归属区划不在您的管辖范围内，不能查看其完整信息", "The user's home area lies outside your area: you may not reveal the user's data")), ct);

        var errors = new Errors();
        if (string.IsNullOrWhiteSpace(r.Field)) errors.Add("field", Lang.T("请选择要查看的信息", "Please choose what to reveal"));
        else if (fieldName is null) errors.Add("field", Lang.T("只能查看手机号码（phone）或身份证号码（idNumber）", "Only phone or idNumber can be revealed"));
        errors.Text("reason", r.Reason, "查看原因", "Reason", 2, 200);
        if (errors.Any) return await Refuse(db, id, user.HomeAreaCode, fieldName, "invalid", AuditOutcome.Failed, errors.ToFailure(), ct);

        var value = isPhone ? user.Phone : user.IdNumber;
        if (value is null)
            return await Refuse(db, id, user.HomeAreaCode, fieldName, "no value", AuditOutcome.Failed, Failure.Invalid("field",
                isPhone ? Lang.T("该用户未登记手机号码", "The user has no mobile number") : Lang.T("该用户未登记身份证号码", "The user has no ID number")), ct);

        db.AuditRecords.Add(new AuditRecord(clock.GetUtcNow(), actor, AuditAction.Reveal, nameof(User), user.Id.ToString(),
            fieldName, areaCode: user.HomeAreaCode, reason: r.Reason!.Trim()));
        await db.SaveChangesAsync(ct);
        return new Revealed(isPhone ? Phone : IdNumber, sealer.Open(value));
    }

    /// <summary>A refused or failed reveal: audited (what was asked, why it failed; never a value), then answered.</summary>
    static async Task<Result<Revealed>> Refuse(AppDb db, Guid id, string? areaCode, string? field, string reason, AuditOutcome outcome, Failure failure, CancellationToken ct)
    {
        await db.RecordDeniedAsync(AuditAction.Reveal, nameof(User), id.ToString(), areaCode, reason, outcome, field, ct);
        return failure;
    }
}
