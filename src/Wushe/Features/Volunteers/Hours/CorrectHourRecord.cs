using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Hours;

/// <summary>
/// 更正记录: the organizer (staff in the record's scope; another area's is 404) sets what a record should count — 0 to the day's cap, in
/// the region's units — with a reason; a new correction record of the difference is posted (the original is never edited; DOMAIN.md: "the
/// correction is itself a record"). A correction is corrected through its original; a disputed record is answered instead (409).
/// </summary>
public static class CorrectHourRecord
{
    public sealed record Request(
        [property: Label("更正后的时长（小时）", "Corrected hours")] decimal? Hours,
        [property: Label("更正原因", "Reason")] string? Reason);

    public sealed record Corrected(Guid CorrectionId, int Difference, int Minutes, DateOnly FinalOn);

    public static async Task<Result<Corrected>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid recordId, Request r, CancellationToken ct = default)
    {
        if (await db.Set<HourRecord>().FirstOrDefaultAsync(x => x.Id == recordId, ct) is not { } record) return Failure.NotFound();
        if (await Activities.ActivityOrganizers.HaltedAsync(db, ct) is { } halted) return Failure.Conflict(halted);
        var errors = new Errors().Text("reason", r.Reason, "更正原因", "Reason", 2, 200);
        if (r.Hours is null) errors.Add("hours", Lang.T("请填写更正后的时长", "Enter the corrected hours"));
        if (errors.Any) return errors.ToFailure();
        if (record.Kind == HourRecordKind.Correction)
            return Failure.Conflict(Lang.T("这是一条更正记录；如需再次调整，请更正原记录", "This is a correction: correct the original record"));
        if (record.Status == HourRecordStatus.Disputed)
            return Failure.Conflict(Lang.T("该记录有待核实的异议，请在答复异议时更正", "This record is disputed: correct it when answering"));
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        // Two corrections of one record at once queue on its row, so each reads what the other saved.
        await db.Set<HourRecord>().Where(x => x.Id == record.Id).ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version), ct);
        var corrected = await HourRecords.CorrectAsync(db, record, r.Hours, "hours", r.Reason!.Trim(), await Workers.NameAsync(db, user, ct), user.Id, clock, ct);
        if (corrected.Failure is { } f) return f;
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        var c = corrected.Value!;
        return new Corrected(c.Id, c.Minutes, await HourRecords.TotalAsync(db, record, ct), c.FinalOn);
    }
}
