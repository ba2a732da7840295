using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity;

/// <summary>
/// 暂停 / 恢复 / 终止 a fund, with a reason: Active ⇄ Suspended; either → Closed (final, and only when it holds nothing and nothing is reserved — pay or
/// release the approved requests first). A suspended or closed fund takes no donation and pays nothing; its ledger stays public.
/// Failures: 400 (no reason, an unknown status), 404, 409 (an illegal move, money still held or reserved, a stale version).
/// </summary>
public static class ChangeFundStatus
{
    public sealed record Request([property: Label("状态", "Status")] FundStatus? To, [property: Label("原因", "Reason")] string? Reason, [property: Label("版本", "Version")] int? Version = null);

    public sealed record Changed(Guid Id, FundStatus Status, int Version);

    public static async Task<Result<CommunityFund>> Handle(AppDb db, Guid id, Request r, CancellationToken ct = default)
    {
        var errors = new Errors().Text("reason", r.Reason, "原因", "The reason", 2, 200);
        if (r.To is not { } to || !Enum.IsDefined(to)) errors.Add("to", Lang.T("请选择状态", "Choose the status"));
        if (errors.Any) return errors.ToFailure();
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (await FundLedger.LockAsync(db, id, ct) is not { } fund) return Failure.NotFound();
        if (r.Version is { } v && v != fund.Version) return Failure.Conflict(Lang.T("该基金已被他人修改，请刷新后重试", "Someone else changed this fund; reload and try again"));
        var legal = (fund.Status, r.To!.Value) is (FundStatus.Active, FundStatus.Suspended) or (FundStatus.Suspended, FundStatus.Active)
            or (FundStatus.Active or FundStatus.Suspended, FundStatus.Closed);
        if (!legal)
            return Failure.Conflict(Lang.T($"基金当前为“{CommunityFund.StatusLabel(fund.Status)}”，不能变更为“{CommunityFund.StatusLabel(r.To.Value)}”",
                $"The fund is {CommunityFund.StatusLabel(fund.Status)}: it cannot become {CommunityFund.StatusLabel(r.To.Value)}"));
        if (r.To == FundStatus.Closed && fund.ReservedFen == 0 && fund.BalanceFen > 0)
            return Failure.Conflict(Lang.T($"基金仍有余额 {Platform.Money.Yuan(fund.BalanceFen)}，请按管委会决定先转入其他基金后再终止",
                $"The fund still holds {Platform.Money.Yuan(fund.BalanceFen)}: move it to another fund as the committee decides, then close it"));
        if (r.To == FundStatus.Closed && fund.ReservedFen > 0)
            return Failure.Conflict(Lang.T($"基金仍有已批准未支付的预留资金 {Platform.Money.Yuan(fund.ReservedFen)}，请先支付或释放后再终止",
                $"{Platform.Money.Yuan(fund.ReservedFen)} is still reserved for approved requests: pay or release it before closing"));
        fund.ChangeStatus(r.To.Value, r.Reason!.Trim());
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return fund;
    }
}
