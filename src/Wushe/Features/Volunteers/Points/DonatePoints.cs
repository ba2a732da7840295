using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Volunteers.Activities;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Points;

/// <summary>
/// 积分转赠: the signed-in volunteer gives points to another volunteer, named by volunteer number, where the rules of where the giver lives
/// allow it (<see cref="VolunteerSettings.PointsDonationAllowed"/>; else 409). Both entries in one transaction under both accounts' row
/// locks (taken in id order): the giver's balance never below zero, the receiver's never above their cap.
/// </summary>
public static class DonatePoints
{
    public sealed record Request(
        [property: Label("受赠志愿者编号", "Receiver's volunteer number")] string? VolunteerNo,
        [property: Label("积分", "Points")] int? Points,
        [property: Label("留言", "Message")] string? Note);

    public sealed record Answer(int Points, string ToName, int Balance);

    public static async Task<Result<Answer>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Request r, CancellationToken ct = default)
    {
        if (await SignUpForShift.MineAsync(db, user, ct) is not { } me) return Failure.NotFound();
        var errors = new Errors().Text("note", r.Note, "留言", "Message", 0, 100, required: false);
        if (string.IsNullOrWhiteSpace(r.VolunteerNo)) errors.Add("volunteerNo", Lang.T("受赠志愿者编号不能为空", "The receiver's volunteer number is required"));
        if (r.Points is not { } points || points < 1 || points > 100_000) errors.Add("points", Lang.T("积分须为 1 至 100000 的整数", "Points must be a whole number from 1 to 100,000"));
        if (errors.Any) return errors.ToFailure();
        var rules = await VolunteerRules.ForAreaAsync(db, me.AreaCode, ct);
        if (!rules.PointsDonationAllowed) return Failure.Conflict(Lang.T("您所在地区未开放积分转赠", "Your region does not allow donating points"));
        var number = r.VolunteerNo!.Trim().ToUpperInvariant();
        var to = await db.Set<Volunteer>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().FirstOrDefaultAsync(v => v.VolunteerNo == number, ct);
        if (to is null) return Failure.Invalid("volunteerNo", Lang.T("没有该编号的志愿者", "No volunteer has this number"));
        if (to.Id == me.Id) return Failure.Invalid("volunteerNo", Lang.T("不能转赠给自己", "You cannot donate to yourself"));
        if (to.Status != VolunteerStatus.Active) return Failure.Conflict(Lang.T("受赠志愿者当前不在服务状态", "The receiver's registration is not active"));
        var toRules = await VolunteerRules.ForAreaAsync(db, to.AreaCode, ct);
        var now = clock.GetUtcNow();

        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var mineId = await PointsLedger.AccountIdAsync(db, me, now, ct);
        var theirsId = await PointsLedger.AccountIdAsync(db, to, now, ct);
        PointsAccount mine, theirs;
        if (mineId.CompareTo(theirsId) < 0) { mine = await PointsLedger.LockAsync(db, mineId, ct); theirs = await PointsLedger.LockAsync(db, theirsId, ct); }
        else { theirs = await PointsLedger.LockAsync(db, theirsId, ct); mine = await PointsLedger.LockAsync(db, mineId, ct); }
        var n = r.Points!.Value;
        if (mine.Balance < n) return Failure.Conflict(Lang.T($"积分不足：您的余额为 {mine.Balance}", $"Not enough points: your balance is {mine.Balance}"));
        if (toRules.PointsCap is { } cap && theirs.Balance + n > cap)
            return Failure.Conflict(Lang.T($"对方积分将超过上限 {cap}，最多可转赠 {Math.Max(0, cap - theirs.Balance)} 积分", $"The receiver would pass the cap of {cap}: at most {Math.Max(0, cap - theirs.Balance)} points"));
        var note = r.Note?.Trim() ?? "";
        PointsLedger.Post(db, mine, PointsEntryKind.DonateOut, -n, now, $"转赠给 {to.Name}（{to.VolunteerNo}）{(note.Length > 0 ? "：" + note : "")}", otherVolunteerId: to.Id);
        PointsLedger.Post(db, theirs, PointsEntryKind.DonateIn, n, now, $"{me.Name}（{me.VolunteerNo}）转赠{(note.Length > 0 ? "：" + note : "")}", otherVolunteerId: me.Id);
        db.ActingAs(user.ActingOn(PointsLedger.CommonArea(me.AreaCode, to.AreaCode)));
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return new Answer(n, to.Name, mine.Balance);
    }
}
