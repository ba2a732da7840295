using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Workforce;

/// <summary>
/// 录入继续教育学时: continuing education a social worker did outside the platform's trainings (an external course, a conference,
/// accepted self-study) — the day (not in the future), hours in halves from 0.5 to 200, what it was (2–100 characters). Trainings
/// of the platform credit their attendance themselves. Another area's person is 404.
/// </summary>
public static class AddEducationRecord
{
    public sealed record Request(
        [property: Label("日期", "Date")] DateOnly? On,
        [property: Label("学时", "Hours")] decimal? Hours,
        [property: Label("学习内容", "Content")] string? Content);

    public static async Task<Result<Guid>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid socialWorkerId, Request r, CancellationToken ct = default)
    {
        if (await db.Set<SocialWorker>().FirstOrDefaultAsync(w => w.Id == socialWorkerId, ct) is not { } worker) return Failure.NotFound();
        var errors = new Errors().Text("content", r.Content, "学习内容", "Content", 2, 100);
        if (r.On is not { } on) errors.Add("on", Lang.T("日期不能为空", "The date is required"));
        else if (on > ChinaTime.Today(clock)) errors.Add("on", Lang.T("日期不能晚于今天", "The date cannot be in the future"));
        if (r.Hours is not { } hours || hours < 0.5m || hours > 200m || hours * 2 != decimal.Truncate(hours * 2))
            errors.Add("hours", Lang.T("学时应为0.5至200之间、以0.5为单位的数", "Hours are 0.5 to 200, in halves"));
        if (errors.Any) return errors.ToFailure();
        var record = new EducationRecord(worker, EducationSource.Other, r.On!.Value, (int)(r.Hours!.Value * 60), r.Content!.Trim(), null,
            user.Id, await Workers.NameAsync(db, user, ct), clock.GetUtcNow());
        db.Add(record);
        await db.SaveChangesAsync(ct);
        return record.Id;
    }
}
