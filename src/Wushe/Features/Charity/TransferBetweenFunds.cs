using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity;

/// <summary>
/// 基金间转移: money moved from one active fund of the scope to another (a township fund supporting a community's, a fund being wound up
/// into its successor), as two ledger entries — 转出 on the one, 转入 on the other — saved together, with the reason and the source committee's
/// decision (public money moves only as the committee decided: 决议编号 1–50 characters and 决议日期, a China date not in the future nor before
/// the source fund's establishment, stored on both entries — <see cref="FundEntry.DecisionNo"/>). The committee must have been able to decide
/// on that date (<see cref="CharityRules.CommitteeProblem"/>): a fund still 筹建中 moves nothing out. Both funds' rows are taken in the order of
/// their ids, so two transfers between the same funds in opposite directions cannot deadlock; never beyond the source's available balance
/// (balance less reservations). Amount in yuan as donations.
/// Failures: 400 naming the field; 404 (either fund out of scope); 409 (a fund not active; beyond the available balance; the committee could
/// not decide on the decision's date).
/// </summary>
public static class TransferBetweenFunds
{
    public sealed record Request(
        [property: Label("转入基金", "To fund")] Guid? ToFundId,
        [property: Label("金额（元）", "Amount (yuan)")] decimal? AmountYuan,
        [property: Label("转移事由", "Reason")] string? Reason,
        [property: Label("决议编号", "Decision number")] string? DecisionNo,
        [property: Label("决议日期", "Decision date")] DateOnly? DecidedOn);

    /// <param name="FromBalanceFen">The source's balance after, fen; so the other.</param>
    public sealed record Transferred(Guid FromFundId, Guid ToFundId, long AmountFen, long FromBalanceFen, long ToBalanceFen);

    public static async Task<Result<Transferred>> Handle(AppDb db, CurrentUser user, TimeProvider clock, IOptions<CharityOptions> options, Guid fromFundId, Request r,
        CancellationToken ct = default)
    {
        var today = ChinaTime.Today(clock);
        var errors = new Errors().Text("reason", r.Reason, "转移事由", "The reason", 2, 200)
            .Text("decisionNo", r.DecisionNo, "决议编号", "The decision number", 1, CommitteeDecision.NumberMax);
        if (r.DecidedOn is not { } decided) errors.Add("decidedOn", Lang.T("请填写管委会决议日期", "Give the date of the committee's decision"));
        else if (decided > today) errors.Add("decidedOn", Lang.T("决议日期不能晚于今天", "The decision date cannot be after today"));
        if (r.AmountYuan is not { } yuan || !Money.IsYuan(yuan)) errors.Add("amountYuan", Money.NotYuan("转移金额", "Amount"));
        if (r.ToFundId is not { } toId || toId == fromFundId || !await db.Set<CommunityFund>().AnyAsync(f => f.Id == toId && f.Status == FundStatus.Active, ct))
            errors.Add("toFundId", Lang.T("请选择另一个运行中的社区慈善基金", "Choose another active fund"));
        if (await db.Set<CommunityFund>().Where(f => f.Id == fromFundId).Select(f => (DateOnly?)f.EstablishedOn).FirstOrDefaultAsync(ct) is not { } established)
            return Failure.NotFound();
        if (r.DecidedOn < established && !errors.Has("decidedOn"))
            errors.Add("decidedOn", Lang.T($"决议日期不能早于基金设立日期 {ChinaTime.Format(established)}", $"The decision date cannot be before the fund was set up ({ChinaTime.Format(established)})"));
        if (errors.Any) return errors.ToFailure();
        var decision = new CommitteeDecision(r.DecisionNo!.Trim(), r.DecidedOn!.Value);
        var members = await db.Set<FundCommitteeMember>().AsNoTracking().Where(m => m.FundId == fromFundId).ToListAsync(ct);
        if (CharityRules.CommitteeProblem(members, decision.On, options.Value) is { } problem)
            return Failure.Conflict(Lang.T($"{ChinaTime.Format(decision.On)} 本基金管委会不能作出决定（{problem}），不能转出资金",
                $"On {ChinaTime.Format(decision.On)} the fund's committee could not decide ({problem}): no money moves out"));

        var recorder = await Households.Workers.NameAsync(db, user, ct);
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var toFundId = r.ToFundId!.Value;
        // Lock order: the smaller id first, whichever way the money goes.
        var first = fromFundId.CompareTo(toFundId) < 0 ? fromFundId : toFundId;
        var a = await FundLedger.LockAsync(db, first, ct);
        var b = await FundLedger.LockAsync(db, first == fromFundId ? toFundId : fromFundId, ct);
        if (a is null || b is null) return Failure.NotFound();
        var (from, to) = first == fromFundId ? (a, b) : (b, a);
        foreach (var fund in new[] { from, to })
            if (fund.Status != FundStatus.Active)
                return Failure.Conflict(Lang.T($"“{fund.Name}”{CommunityFund.StatusLabel(fund.Status)}，不能转移资金", $"{fund.Name} is {CommunityFund.StatusLabel(fund.Status)}: no transfer"));
        var amount = Money.Fen(r.AmountYuan!.Value);
        if (amount > from.AvailableFen)
            return Failure.Conflict(Lang.T($"可用余额 {Money.Yuan(from.AvailableFen)} 不足 {Money.Yuan(amount)}，不能转移", $"The available balance {Money.Yuan(from.AvailableFen)} is less than {Money.Yuan(amount)}"));
        var now = clock.GetUtcNow();
        var reason = r.Reason!.Trim();
        // Stored summaries are Chinese whatever the recorder's language (the ledger is public).
        FundLedger.Post(db, from, FundEntryKind.TransferOut, -amount, 0, now, $"转出至 {to.FundNo}：{reason}", recorder, decision: decision);
        FundLedger.Post(db, to, FundEntryKind.TransferIn, amount, 0, now, $"自 {from.FundNo} 转入：{reason}", recorder, decision: decision);
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return new Transferred(from.Id, to.Id, amount, from.BalanceFen, to.BalanceFen);
    }
}
