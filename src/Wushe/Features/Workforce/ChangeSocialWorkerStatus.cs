using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Workforce;

/// <summary>
/// 离岗 / 返岗: a social worker leaves the area's workforce (kept on the register with their history, no longer counted in staffing)
/// or returns. A reason of 2–200 characters; the status held already is 409; a stale version 409; another area's person 404.
/// </summary>
public static class ChangeSocialWorkerStatus
{
    public sealed record Request([property: Label("在岗状态", "Status")] SocialWorkerStatus? Status, [property: Label("原因", "Reason")] string? Reason, int? Version);

    public static async Task<Result<int>> Handle(AppDb db, Guid id, Request r, CancellationToken ct = default)
    {
        if (await db.Set<SocialWorker>().FirstOrDefaultAsync(w => w.Id == id, ct) is not { } worker) return Failure.NotFound();
        var errors = new Errors().Text("reason", r.Reason, "原因", "Reason", 2, 200);
        if (r.Status is not { } status || !Enum.IsDefined(status)) errors.Add("status", Lang.T("请选择在岗或离岗", "Choose in post or left"));
        if (errors.Any) return errors.ToFailure();
        if (r.Status == worker.Status)
            return Failure.Conflict(Lang.T($"该社会工作者已是“{SocialWorker.StatusLabel(worker.Status)}”状态", $"The social worker is already {SocialWorker.StatusLabel(worker.Status)}"));
        if (r.Version is { } version && version != worker.Version) return SaveSocialWorker.Stale;
        worker.SetStatus(r.Status!.Value, r.Reason!.Trim());
        worker.Touch();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return SaveSocialWorker.Stale;
        }
        return worker.Version;
    }
}
