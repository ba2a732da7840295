using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity;

/// <summary>
/// 拨付申请: a station social worker or community staff member asks an active fund of the scope for money — for a
/// project, a need or an open micro-wish the fund may pay for (<see cref="CharityRules.ProjectsFor"/>, <see cref="CharityRules.NeedsFor"/>,
/// <see cref="CharityRules.WishesFor"/>), or another purpose named in the title — with the amount (yuan, as donations), payee and
/// justification. Numbered FundNo-Z-00001. A wish is taken off the wall while the request stands (<see cref="Wishes.WishFunding"/>), and the
/// title, public on the fund's page, may not name its person. The committee then votes (<see cref="VoteOnDisbursement"/>).
/// Failures: 400 naming the field (a wish's request above its value: amountYuan); 404 (fund out of scope); 409 (fund not active; the wish claimed meanwhile).
/// </summary>
public static class RaiseDisbursement
{
    public sealed record Request(
        [property: Label("用途类别", "Purpose")] DisbursementPurpose? Purpose,
        [property: Label("项目", "Project")] Guid? ProjectId,
        [property: Label("需求", "Need")] Guid? NeedId,
        [property: Label("微心愿", "Micro-wish")] Guid? WishId,
        [property: Label("用途", "Title")] string? Title,
        [property: Label("金额（元）", "Amount (yuan)")] decimal? AmountYuan,
        [property: Label("收款方", "Payee")] string? Payee,
        [property: Label("申请理由", "Justification")] string? Justification);

    public sealed record Raised(Guid Id, string RequestNo);

    public static async Task<Result<Raised>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid fundId, Request r, CancellationToken ct = default)
    {
        var errors = new Errors()
            .Text("title", r.Title, "用途", "The title", 2, 100)
            .Text("payee", r.Payee, "收款方", "The payee", 2, 100)
            .Text("justification", r.Justification, "申请理由", "The justification", 2, 1000);
        if (r.Purpose is not { } purpose || !Enum.IsDefined(purpose)) errors.Add("purpose", Lang.T("请选择用途类别", "Choose the purpose"));
        if (r.AmountYuan is not { } yuan || !Money.IsYuan(yuan)) errors.Add("amountYuan", Money.NotYuan("申请金额", "Amount"));
        if (await db.Set<CommunityFund>().AsNoTracking().Where(f => f.Id == fundId).Select(f => f.AreaCode).FirstOrDefaultAsync(ct) is not { } area) return Failure.NotFound();
        if (r.Purpose == DisbursementPurpose.Project && (r.ProjectId is not { } p || !await CharityRules.ProjectsFor(db, area).AnyAsync(x => x.Id == p, ct)))
            errors.Add("projectId", Lang.T("请选择本基金所在地已立项或实施中的项目", "Choose an approved or running project of the fund's place"));
        if (r.Purpose == DisbursementPurpose.Need && (r.NeedId is not { } n || !await CharityRules.NeedsFor(db, area).AnyAsync(x => x.Id == n, ct)))
            errors.Add("needId", Lang.T("请选择本基金所在地已受理、未办结的需求", "Choose an accepted, unresolved need of the fund's place"));
        Wishes.Wish? wish = null;
        if (r.Purpose == DisbursementPurpose.MicroWish)
        {
            if (r.WishId is not { } w || (wish = await CharityRules.WishesFor(db, area).FirstOrDefaultAsync(x => x.Id == w, ct)) is null)
                errors.Add("wishId", Lang.T("请选择本基金所在地心愿墙上待认领的微心愿", "Choose an open wish on the wall of the fund's place"));
            else
            {
                if (await Wishes.WishFunding.TitleProblemAsync(db, wish, r.Title, ct) is { } leak) errors.Add("title", leak);
                if (r.AmountYuan is { } asked && Money.IsYuan(asked) && Money.Fen(asked) > wish.ValueFen)
                    errors.Add("amountYuan", Lang.T($"申请金额不能超过心愿的估价 {Money.Yuan(wish.ValueFen)}", $"No more than the wish's value, {Money.Yuan(wish.ValueFen)}"));
            }
        }
        if (errors.Any) return errors.ToFailure();
        var raisedBy = await Households.Workers.NameAsync(db, user, ct);
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (await FundLedger.LockAsync(db, fundId, ct) is not { } fund) return Failure.NotFound();
        if (fund.Status != FundStatus.Active)
            return Failure.Conflict(Lang.T($"基金“{CommunityFund.StatusLabel(fund.Status)}”，不能申请拨付", $"The fund is {CommunityFund.StatusLabel(fund.Status)}: no requests"));
        var request = new DisbursementRequest(fund, fund.NextRequestNo(), r.Purpose!.Value, r.Purpose == DisbursementPurpose.Project ? r.ProjectId : null,
            r.Purpose == DisbursementPurpose.Need ? r.NeedId : null, wish?.Id, r.Title!.Trim(), Money.Fen(r.AmountYuan!.Value), r.Payee!.Trim(), r.Justification!.Trim(),
            user.Id, raisedBy, clock.GetUtcNow());
        db.Add(request);
        wish?.FundBy(request.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The wish was claimed (or funded) meanwhile: nothing of this request is saved.
            db.ChangeTracker.Clear();
            return Failure.Conflict(Lang.T("该心愿刚被认领或已在申请资助，请刷新后查看", "The wish was just claimed or is already being funded: refresh"));
        }
        if (tx is not null) await tx.CommitAsync(ct);
        return new Raised(request.Id, request.RequestNo);
    }
}
