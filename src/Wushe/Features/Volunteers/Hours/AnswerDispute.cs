using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Hours;

/// <summary>
/// 核实异议: the organizer (staff in the record's scope; another area's is 404) answers a disputed record (2–200 characters the volunteer
/// reads) and, when the volunteer was right, gives the corrected hours — a correction record of the difference (<see cref="HourRecords.CorrectAsync"/>),
/// never an edit. The record is posted again and becomes final on its date (at once when that has passed). A record not disputed is 409.
/// </summary>
public static class AnswerDispute
{
    public sealed record Request(
        [property: Label("核实结果", "Answer")] string? Answer,
        [property: Label("更正后的时长（小时）", "Corrected hours")] decimal? CorrectedHours);

    public sealed record Answered(Guid RecordId, HourRecordStatus Status, Guid? CorrectionId, int Minutes);

    public static async Task<Result<Answered>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid recordId, Request r, CancellationToken ct = default)
    {
        if (await db.Set<HourRecord>().FirstOrDefaultAsync(x => x.Id == recordId, ct) is not { } record) return Failure.NotFound();
        if (await Activities.ActivityOrganizers.HaltedAsync(db, ct) is { } halted) return Failure.Conflict(halted);
        var errors = new Errors().Text("answer", r.Answer, "核实结果", "Answer", 2, 200);
        if (errors.Any) return errors.ToFailure();
        if (record.Status != HourRecordStatus.Disputed) return Failure.Conflict(Lang.T("该记录没有待核实的异议", "This record has no dispute to answer"));
        var name = await Workers.NameAsync(db, user, ct);
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        HourRecord? correction = null;
        if (r.CorrectedHours is not null)
        {
            var corrected = await HourRecords.CorrectAsync(db, record, r.CorrectedHours, "correctedHours", r.Answer!.Trim(), name, user.Id, clock, ct);
            if (corrected.Failure is { } f) return f;
            correction = corrected.Value;
        }
        var now = clock.GetUtcNow();
        record.Answer(r.Answer!.Trim(), name, now);
        // The correction is the answer's: it is not disputed round again either (HourRecord.CanDispute).
        correction?.Answer(r.Answer!.Trim(), name, now);
        record.Touch();
        // The version check: two answers at one moment save one; the other is 409.
        await db.SaveChangesAsync(ct);
        if (record.FinalOn <= ChinaTime.Today(clock)) await FinalizeHours.FinalizeAsync(db, [record], now, ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return new Answered(record.Id, record.Status, correction?.Id, await HourRecords.TotalAsync(db, record, ct));
    }
}
