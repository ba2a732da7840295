using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Workforce;

/// <summary>
/// 离岗 / 返岗: a social worker leaves the area's workforce (kept on the register with their history, no longer counted in staffing)
/// or returns. A person known from an exam only (<see cref="SocialWorkerStatus.Candidate"/>) takes up a post by an edit recording
/// their employer, not here (409). A reason of 2–200 characters; the status held already is 409; a stale version 409; another area's person 404.
/// </summary>
public static class ChangeSocialWorkerStatus
{
    public sealed record Request([property: Label("在岗状态", "Status")] SocialWorkerStatus? Status, [property: Label("原因", "Reason")] string? Reason, int? Version);

    public static async Task<Result<int>> Handle(AppDb db, Guid id, Request r, CancellationToken ct = default)
    {
        if (await db.Set<SocialWorker>().FirstOrDefaultAsync(w => w.Id == id, ct) is not { } worker) return Failure.NotFound();
        var errors = new Errors().Text("reason", r.Reason, "原因", "Reason", 2, 200);
        if (r.Status is not { } status || !Enum.IsDefined(status) || status == SocialWorkerStatus.Candidate) errors.Add("status", Lang.T("请选择在岗或离岗", "Choose in post or left"));
        if (errors.Any) return errors.ToFailure();
        if (worker.Status == SocialWorkerStatus.Candidate)
            return Failure.Conflict(Lang.T("该人员仅有考试记录、尚未在岗：编辑并填写工作单位后即为在岗", "The person is known from an exam only: record an employer by editing, which puts them in post"));
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
