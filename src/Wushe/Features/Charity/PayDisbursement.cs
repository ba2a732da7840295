using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity;

/// <summary>
/// 支付: a payment of an approved request — amount (yuan, at most what is reserved and unpaid), China date not in the
/// future nor before the approval, method, voucher number (once per request) — posted as a Payment entry (balance and reserved both down) under the fund's row lock; the request is
/// paid when nothing is left. "Pay" pressed twice pays once: the second finds nothing left (409), and the API's Idempotency-Key repeats
/// the first answer. Failures: 400 naming the field (more than is left: amountYuan; before the approval: paidOn); 404; 409 naming voucherNo (recorded already); 409 (not approved, or paid already; a competition award's request, paid only with its tranches: <see cref="AwardFunding"/>).
/// </summary>
public static class PayDisbursement
{
    public sealed record Request(
        [property: Label("支付金额（元）", "Amount (yuan)")] decimal? AmountYuan,
        [property: Label("支付日期", "Paid on")] DateOnly? PaidOn,
        [property: Label("支付方式", "Method")] string? Method,
        [property: Label("凭证号", "Voucher number")] string? VoucherNo);

    public sealed record Paid(Guid PaymentId, DisbursementStatus Status, long PaidFen, long BalanceFen);

    public static async Task<Result<Paid>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid fundId, Guid requestId, Request r, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(clock);
        var errors = new Errors()
            .Text("method", r.Method, "支付方式", "The method", 2, 30)
            .Text("voucherNo", r.VoucherNo, "凭证号", "The voucher number", 1, 50);
        if (r.AmountYuan is not { } yuan || !Money.IsYuan(yuan)) errors.Add("amountYuan", Money.NotYuan("支付金额", "Amount"));
        if (r.PaidOn is not { } on || on > today || on.Year < 2000) errors.Add("paidOn", Lang.T("支付日期须在 2000 年以后、不晚于今天", "The date is after 2000 and not after today"));
        if (errors.Any) return errors.ToFailure();
        var recorder = await Households.Workers.NameAsync(db, user, ct);
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (await FundLedger.LockAsync(db, fundId, requestId, ct) is not ({ } fund, { } request)) return Failure.NotFound();
        if (request.AwardId is not null) return AwardFunding.ByAwardOnly(request);
        if (request.Status != DisbursementStatus.Approved)
            return Failure.Conflict(Lang.T($"该申请{DisbursementRequest.StatusLabel(request.Status)}，不能支付", $"This request is {DisbursementRequest.StatusLabel(request.Status)}: it cannot be paid"));
        var amount = Money.Fen(r.AmountYuan!.Value);
        var left = request.AmountFen - request.PaidFen;
        if (amount > left)
            return Failure.Invalid("amountYuan", Lang.T($"支付金额超过尚未支付的批准金额 {Money.Yuan(left)}", $"More than the approved amount left to pay, {Money.Yuan(left)}"));
        // Paid before the committee approved it would be spending without a decision.
        if (request.DecidedAt is { } decided && r.PaidOn < DateOnly.FromDateTime(decided.ToOffset(ChinaTime.Offset).DateTime))
            return Failure.Invalid("paidOn", Lang.T($"支付日期不能早于管委会批准日期 {ChinaTime.Format(decided)[..10]}", $"The date cannot be before the committee approved it ({ChinaTime.Format(decided)[..10]})"));
        // The same voucher twice is the same payment recorded again (a form re-sent through the API).
        var voucher = r.VoucherNo!.Trim();
        if (await db.Set<DisbursementPayment>().AnyAsync(p => p.RequestId == request.Id && p.VoucherNo == voucher, ct))
            return Failure.Duplicate("voucherNo", Lang.T($"凭证号 {voucher} 的支付已登记", $"A payment with voucher {voucher} is recorded already"));
        var now = clock.GetUtcNow();
        var payment = new DisbursementPayment(request, amount, r.PaidOn!.Value, r.Method!.Trim(), voucher, recorder, now);
        db.Add(payment);
        request.Pay(amount);
        FundLedger.Post(db, fund, FundEntryKind.Payment, -amount, -amount, now, $"支付 {request.RequestNo}：{request.Title}", recorder);
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return new Paid(payment.Id, request.Status, request.PaidFen, fund.BalanceFen);
    }
}
