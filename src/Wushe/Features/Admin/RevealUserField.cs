using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Accounts;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Admin;

/// <summary>
/// 查看: shows a user's phone or ID number in full to a holder of the reveal permission who gives a
/// reason. Every reveal is an audit record (field name and reason, never the value).
/// </summary>
public static class RevealUserField
{
    public const string Phone = "phone";
    public const string IdNumber = "idNumber";

    public sealed record Request(string? Field, string? Reason);

    public sealed record Revealed(string Field, string Value);

    public static async Task<Result<Revealed>> Handle(AppDb db, CurrentUser actor, Sealer sealer, TimeProvider clock, Guid id, Request r, CancellationToken ct = default)
    {
        var user = await UserAccess.ScopedUsers(db, actor.Scope).AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, ct);
        if (user is null) return Failure.NotFound();
        if (!actor.Has(AccountsPermissions.RevealSensitive)) return Failure.Forbidden();

        var errors = new Errors();
        var field = r.Field?.Trim();
        if (string.IsNullOrEmpty(field)) errors.Add("field", Lang.T("请选择要查看的信息", "Please choose what to reveal"));
        else if (!string.Equals(field, Phone, StringComparison.OrdinalIgnoreCase) && !string.Equals(field, IdNumber, StringComparison.OrdinalIgnoreCase))
            errors.Add("field", Lang.T("只能查看手机号码（phone）或身份证号码（idNumber）", "Only phone or idNumber can be revealed"));
        errors.Text("reason", r.Reason, "查看原因", "Reason", 2, 200);
        if (errors.Any) return errors.ToFailure();

        var isPhone = string.Equals(field, Phone, StringComparison.OrdinalIgnoreCase);
        var value = isPhone ? user.Phone : user.IdNumber;
        if (value is null)
            return Failure.Invalid("field", isPhone ? Lang.T("该用户未登记手机号码", "The user has no mobile number") : Lang.T("该用户未登记身份证号码", "The user has no ID number"));

        db.AuditRecords.Add(new AuditRecord(clock.GetUtcNow(), actor, AuditAction.Reveal, nameof(User), user.Id.ToString(),
            isPhone ? nameof(User.Phone) : nameof(User.IdNumber), areaCode: user.HomeAreaCode, reason: r.Reason!.Trim()));
        await db.SaveChangesAsync(ct);
        return new Revealed(isPhone ? Phone : IdNumber, sealer.Open(value));
    }
}
