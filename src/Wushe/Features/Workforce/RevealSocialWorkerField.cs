using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Workforce;

/// <summary>
/// 查看完整信息: a social worker's ID number or phone in full (to fill a registration form, to call them) — the rule of every reveal:
/// the permission <see cref="WorkforcePermissions.Reveal"/> (403), a reason of 2–200 characters (400), an audit record with the
/// reason; refusals audited too. 404 out of scope (or another organization's); 400 for a phone the person has not given.
/// </summary>
public static class RevealSocialWorkerField
{
    /// <summary><c>field</c>: idNumber or phone.</summary>
    public sealed record Request([property: Label("字段", "Field")] string? Field, [property: Label("查看原因", "Reason")] string? Reason);

    public sealed record Revealed(string Field, string Value);

    public static async Task<Result<Revealed>> Handle(AppDb db, CurrentUser actor, Sealer sealer, TimeProvider clock, Guid id, Request r, CancellationToken ct = default)
    {
        var property = r.Field switch { "idNumber" => nameof(SocialWorker.IdNumber), "phone" => nameof(SocialWorker.Phone), _ => null };
        var worker = await db.Set<SocialWorker>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct);
        var opened = await Reveals.OpenAsync(db, actor, sealer, clock, WorkforcePermissions.Reveal, nameof(SocialWorker), id,
            worker is null ? null : new Reveals.Holder(nameof(SocialWorker), worker.Id, worker.AreaCode, worker.Name), property,
            Lang.T("要查看的字段应为 idNumber 或 phone", "The field is idNumber or phone"),
            property == nameof(SocialWorker.IdNumber) ? worker?.IdNumber : worker?.Phone,
            Lang.T("该社会工作者没有登记联系电话", "The social worker has no phone on record"), r.Reason, ct);
        return opened.IsOk ? new Revealed(r.Field!, opened.Value!) : opened.Failure!;
    }
}
