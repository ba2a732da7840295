using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Charity;

/// <summary>
/// 社区基金出资的公益创投 (issue 12's micro-venture calls; ADR 0018): the fund's side of a call that names a community fund — the one way a
/// competition moves fund money, so that only Charity posts on a fund's ledger (STYLE.md). Amounts in fen.
/// <list type="bullet">
/// <item><description>What the fund can pay (<see cref="PoolRefusalAsync"/>, when the call is published): the fund active, its committee
/// able to decide today (<see cref="CharityRules.CommitteeProblem"/>), and the call's pool within its available balance (balance less
/// what approved requests hold).</description></item>
/// <item><description>An award confirmed (<see cref="ReserveAsync"/>): a disbursement request for the award's project, payee the
/// implementing organization, approved by the committee's recorded decision (决议编号, 决议日期: <see cref="DecisionRefusalAsync"/>) —
/// the committee's approval of the award list is the decision DOMAIN.md asks for, so no tranche is voted again — reserving the award
/// under the fund's row lock, never beyond the available balance (two confirmations racing for the last of it: one).</description></item>
/// <item><description>A tranche released (<see cref="PayAsync"/>): a payment of that request and its Payment entry, within what the
/// request reserved — so the balance never falls below zero, however releases race.</description></item>
/// <item><description>The award stopped (<see cref="ReleaseRestAsync"/>): the unpaid rest of the reservation released.</description></item>
/// <item><description>Money clawed back (<see cref="RefundAsync"/>): a negative payment and a Refund entry (balance up, spending down).</description></item>
/// </list>
/// Each runs inside the caller's transaction, which holds the call's or the award's row; the fund's row is taken after it (lock order: call or
/// award → fund, and no fund movement takes a competition row, so none waits the other way round). The caller saves.
/// </summary>
public static class AwardFunding
{
    /// <summary>What the request of an award says: the award, its project, the organization paid, the amount (fen), the call and the agreement.</summary>
    public sealed record Grant(Guid AwardId, Guid ProjectId, string ProjectTitle, string OrganizationName, long AmountFen, string CallNo, string CallTitle, string AgreementNo);

    /// <summary>
    /// Why fund <paramref name="fundId"/> cannot back a call of <paramref name="poolFen"/> today, or null: out of scope (404), not active, its
    /// committee unable to decide, or the pool above its available balance (409, naming both amounts).
    /// </summary>
    public static async Task<Failure?> PoolRefusalAsync(AppDb db, CharityOptions options, Guid fundId, long poolFen, DateOnly today, CancellationToken ct = default)
    {
        if (await db.Set<CommunityFund>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == fundId, ct) is not { } fund) return Failure.NotFound();
        if (fund.Status != FundStatus.Active)
            return Failure.Conflict(Lang.T($"社区慈善基金“{fund.Name}”{CommunityFund.StatusLabel(fund.Status)}，不能为公益创投出资", $"{fund.Name} is {CommunityFund.StatusLabel(fund.Status)}: it funds no call"));
        var members = await db.Set<FundCommitteeMember>().AsNoTracking().Where(m => m.FundId == fundId).ToListAsync(ct);
        if (CharityRules.CommitteeProblem(members, today, options) is { } problem)
            return Failure.Conflict(Lang.T($"“{fund.Name}”管委会暂不能作出决定（{problem}），不能为公益创投出资", $"The committee of {fund.Name} cannot decide yet ({problem}): it funds no call"));
        if (poolFen > fund.AvailableFen)
            return Failure.Conflict(Lang.T($"资金池 {Money.Yuan(poolFen)} 超过“{fund.Name}”的可用余额 {Money.Yuan(fund.AvailableFen)}（余额减已预留），请先募集资金或调低资金池",
                $"The pool of {Money.Yuan(poolFen)} exceeds what {fund.Name} can pay, {Money.Yuan(fund.AvailableFen)} (its balance less reservations): raise money or lower the pool"));
        return null;
    }

    /// <summary>
    /// Why <paramref name="decision"/> cannot stand for fund <paramref name="fundId"/>'s approval of an award list, or null: a date before the
    /// fund was set up (400 naming decidedOn), or a committee that could not decide on that date (409). 404 out of scope.
    /// </summary>
    public static async Task<Failure?> DecisionRefusalAsync(AppDb db, CharityOptions options, Guid fundId, CommitteeDecision decision, CancellationToken ct = default)
    {
        if (await db.Set<CommunityFund>().AsNoTracking().Where(f => f.Id == fundId).Select(f => new { f.Name, f.EstablishedOn }).FirstOrDefaultAsync(ct) is not { } fund)
            return Failure.NotFound();
        if (decision.On < fund.EstablishedOn)
            return Failure.Invalid("decidedOn", Lang.T($"决议日期不能早于基金设立日期 {ChinaTime.Format(fund.EstablishedOn)}", $"The decision date cannot be before the fund was set up ({ChinaTime.Format(fund.EstablishedOn)})"));
        var members = await db.Set<FundCommitteeMember>().AsNoTracking().Where(m => m.FundId == fundId).ToListAsync(ct);
        return CharityRules.CommitteeProblem(members, decision.On, options) is { } problem
            ? Failure.Conflict(Lang.T($"{ChinaTime.Format(decision.On)} “{fund.Name}”管委会不能作出决定（{problem}），不能确定由基金出资的资助",
                $"On {ChinaTime.Format(decision.On)} the committee of {fund.Name} could not decide ({problem}): no award it pays can be confirmed"))
            : null;
    }

    /// <summary>
    /// Raises and approves the request paying <paramref name="grant"/> and reserves its amount, under the fund's row lock; the request's id.
    /// 409 when the fund is not active or its available balance is smaller (nothing reserved); 404 out of scope.
    /// </summary>
    public static async Task<Result<Guid>> ReserveAsync(AppDb db, Guid fundId, Grant grant, CommitteeDecision decision, Guid? byId, string byName, DateTimeOffset at,
        CancellationToken ct = default)
    {
        if (await FundLedger.LockAsync(db, fundId, ct) is not { } fund) return Failure.NotFound();
        if (fund.Status != FundStatus.Active)
            return Failure.Conflict(Lang.T($"社区慈善基金“{fund.Name}”{CommunityFund.StatusLabel(fund.Status)}，不能出资", $"{fund.Name} is {CommunityFund.StatusLabel(fund.Status)}: it pays nothing"));
        if (grant.AmountFen > fund.AvailableFen)
            return Failure.Conflict(Lang.T($"“{fund.Name}”可用余额 {Money.Yuan(fund.AvailableFen)} 不足 {Money.Yuan(grant.AmountFen)}，不能确定该资助",
                $"{fund.Name} has {Money.Yuan(fund.AvailableFen)} available, less than {Money.Yuan(grant.AmountFen)}: the award cannot be confirmed"));
        // Stored texts are Chinese whatever the recorder's language (the fund's page and ledger are public).
        var title = Clip("公益创投项目：" + grant.ProjectTitle, 100);
        var request = new DisbursementRequest(fund, fund.NextRequestNo(), DisbursementPurpose.Project, grant.ProjectId, null, null, title, grant.AmountFen,
            Clip(grant.OrganizationName, 100), Clip($"公益创投“{grant.CallTitle}”（{grant.CallNo}）资助，资助协议 {grant.AgreementNo}；按拨付计划分批支付，管委会决议 {decision.Number}。", 1000),
            byId, byName, at);
        request.ApproveForAward(grant.AwardId, decision, at);
        db.Add(request);
        FundLedger.Post(db, fund, FundEntryKind.Reservation, 0, request.AmountFen, at, $"批准预留 {request.RequestNo}：{request.Title}", byName, decision: decision);
        return request.Id;
    }

    /// <summary>
    /// Pays <paramref name="amountFen"/> of award <paramref name="awardId"/>'s request (a tranche released) with its voucher: a payment dated
    /// the China day of <paramref name="at"/> and a Payment entry. 409 when the fund is not active or the request holds less (nothing paid).
    /// </summary>
    public static async Task<Failure?> PayAsync(AppDb db, Guid fundId, Guid awardId, long amountFen, string voucherNo, string byName, DateTimeOffset at,
        CancellationToken ct = default)
    {
        if (await LockAsync(db, fundId, awardId, ct) is not ({ } fund, { } request)) return Missing();
        if (fund.Status != FundStatus.Active)
            return Failure.Conflict(Lang.T($"社区慈善基金“{fund.Name}”{CommunityFund.StatusLabel(fund.Status)}，暂不能拨付", $"{fund.Name} is {CommunityFund.StatusLabel(fund.Status)}: nothing is paid now"));
        if (request.Status != DisbursementStatus.Approved || amountFen > request.AmountFen - request.PaidFen)
            return Failure.Conflict(Lang.T($"基金拨付申请 {request.RequestNo} 尚未支付的预留不足 {Money.Yuan(amountFen)}", $"Request {request.RequestNo} holds less than {Money.Yuan(amountFen)} unpaid"));
        db.Add(new DisbursementPayment(request, amountFen, DayOf(at), "公益创投拨付", Clip(voucherNo, 50), byName, at));
        request.Pay(amountFen);
        FundLedger.Post(db, fund, FundEntryKind.Payment, -amountFen, -amountFen, at, $"支付 {request.RequestNo}：{request.Title}", byName);
        return null;
    }

    /// <summary>The award stopped: what its request holds unpaid is released (a Release entry) and the request ends with <paramref name="reason"/>; nothing when nothing is held.</summary>
    public static async Task ReleaseRestAsync(AppDb db, Guid fundId, Guid awardId, string reason, string byName, DateTimeOffset at, CancellationToken ct = default)
    {
        if (await LockAsync(db, fundId, awardId, ct) is not ({ } fund, { } request) || request.Status != DisbursementStatus.Approved) return;
        var rest = request.UnpaidFen;
        request.Close(Clip("资助停止拨付：" + reason, 200));
        if (rest > 0) FundLedger.Post(db, fund, FundEntryKind.Release, 0, -rest, at, $"释放预留 {request.RequestNo}：资助停止拨付", byName);
    }

    /// <summary>
    /// Money clawed back from award <paramref name="awardId"/> returns to the fund: a negative payment dated the China day of
    /// <paramref name="at"/> and a Refund entry (balance up, spending down). 409 when more would return than the request paid.
    /// </summary>
    public static async Task<Failure?> RefundAsync(AppDb db, Guid fundId, Guid awardId, long amountFen, string voucherNo, string note, string byName, DateTimeOffset at,
        CancellationToken ct = default)
    {
        if (await LockAsync(db, fundId, awardId, ct) is not ({ } fund, { } request)) return Missing();
        var net = await db.Set<DisbursementPayment>().Where(p => p.RequestId == request.Id).SumAsync(p => (long?)p.AmountFen, ct) ?? 0;
        if (amountFen > net)
            return Failure.Conflict(Lang.T($"追回金额超过基金拨付申请 {request.RequestNo} 已支付未追回的 {Money.Yuan(net)}", $"More than the {Money.Yuan(net)} request {request.RequestNo} paid and got back"));
        db.Add(new DisbursementPayment(request, -amountFen, DayOf(at), "追回退回", Clip(voucherNo, 50), byName, at));
        FundLedger.Post(db, fund, FundEntryKind.Refund, amountFen, 0, at, $"追回 {request.RequestNo}：{note}", byName);
        return null;
    }

    /// <summary>The fund's row, then the award's request read afresh (lock order fund → request, as every movement); null when either is missing or out of scope.</summary>
    static async Task<(CommunityFund Fund, DisbursementRequest Request)?> LockAsync(AppDb db, Guid fundId, Guid awardId, CancellationToken ct)
    {
        if (await FundLedger.LockAsync(db, fundId, ct) is not { } fund) return null;
        if (await db.Set<DisbursementRequest>().FirstOrDefaultAsync(r => r.AwardId == awardId && r.FundId == fundId, ct) is not { } request) return null;
        await db.Entry(request).ReloadAsync(ct);
        return (fund, request);
    }

    /// <summary>An award's request is paid, released and refunded with its award, never by hand (409).</summary>
    public static Failure ByAwardOnly(DisbursementRequest request) => Failure.Conflict(Lang.T(
        $"{request.RequestNo} 是公益创投资助的基金拨付，随资助的拨付批次支付、停止拨付时释放，请在资助页面办理",
        $"{request.RequestNo} pays a competition award: it is paid with the award's tranches and released when the award stops; act on the award's page"));

    static Failure Missing() => Failure.Conflict(Lang.T("找不到该资助在社区慈善基金中的拨付申请，请联系管理员核对台账", "The award's request on the fund is missing: ask the administrator to check the ledgers"));

    static DateOnly DayOf(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(ChinaTime.Offset).DateTime);

    static string Clip(string s, int max) => s.Length > max ? s[..max] : s;
}
