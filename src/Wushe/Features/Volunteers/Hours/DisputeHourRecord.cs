using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Volunteers.Activities;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Hours;

/// <summary>
/// 提出异议: the volunteer disputes one of their own records while it is posted (before <see cref="HourRecord.FinalOn"/>), with a reason
/// (2–200 characters) the organizer answers (<see cref="AnswerDispute"/>); until then it does not become final. Another's record is 404;
/// a record final, past its posting period, disputed already or answered already (a record is disputed once; a correction made in the answer
/// counts as answered) is 409.
/// </summary>
public static class DisputeHourRecord
{
    public sealed record Request([property: Label("异议理由", "Reason")] string? Reason);

    public static async Task<Result<MyHours.Row>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid recordId, Request r, CancellationToken ct = default)
    {
        if (await SignUpForShift.MineAsync(db, user, ct) is not { } me) return Failure.NotFound();
        var record = await db.Set<HourRecord>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstOrDefaultAsync(x => x.Id == recordId && x.VolunteerId == me.Id, ct);
        if (record is null) return Failure.NotFound();
        var errors = new Errors().Text("reason", r.Reason, "异议理由", "Reason", 2, 200);
        if (errors.Any) return errors.ToFailure();
        if (record.Status == HourRecordStatus.Disputed) return Failure.Conflict(Lang.T("您已对该记录提出异议，请等待组织方核实", "You have disputed this record: the organizer is checking it"));
        if (record.Status == HourRecordStatus.Final || ChinaTime.Today(clock) >= record.FinalOn)
            return Failure.Conflict(Lang.T("该记录的公示期已过，不能再提出异议；如有错误请联系组织方更正", "The posting period has passed: ask the organizer to correct the record"));
        if (!record.CanDispute(ChinaTime.Today(clock)))
            return Failure.Conflict(Lang.T("该记录已经核实答复，每条记录只能提出一次异议；如仍有疑问请直接联系组织方", "This record was answered already; a record is disputed once — contact the organizer"));
        record.Dispute(r.Reason!.Trim(), clock.GetUtcNow());
        record.Touch();
        db.ActingAs(user.ActingOn(record.AreaCode));
        await db.SaveChangesAsync(ct);
        return MyHours.Rows([record], clock)[0];
    }
}
