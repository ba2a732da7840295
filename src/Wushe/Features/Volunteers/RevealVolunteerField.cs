using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform.Access;
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
        var opened = await Reveals.OpenAsync(db, actor, sealer, clock, HouseholdsPermissions.Reveal, nameof(Volunteer), id,
            volunteer is null ? null : new Reveals.Holder(nameof(Volunteer), volunteer.Id, volunteer.AreaCode, volunteer.Name), property,
            Lang.T("要查看的字段应为 idNumber、phone 或 guardianPhone", "The field is idNumber, phone or guardianPhone"),
            property switch { nameof(Volunteer.IdNumber) => volunteer?.IdNumber, nameof(Volunteer.Phone) => volunteer?.Phone, _ => volunteer?.GuardianPhone },
            Lang.T("该志愿者没有登记此项", "The volunteer has no value in this field"), r.Reason, ct);
        return opened.IsOk ? new Revealed(r.Field!, opened.Value!) : opened.Failure!;
    }
}
