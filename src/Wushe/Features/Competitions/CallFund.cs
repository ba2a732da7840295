using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Charity;
using Wushe.Platform;
using Wushe.Platform.Localization;

namespace Wushe.Features.Competitions;

/// <summary>
/// A micro-venture call's community fund (社区慈善基金出资的微创投; issue 12, ADR 0018): which fund a call may name, how the pages show it.
/// The money moves through <see cref="AwardFunding"/> (Charity posts every fund entry); the rules of what the fund can pay are there too.
/// </summary>
public static class CallFund
{
    /// <summary>A fund the call form offers: its name, area (12 digits) and what it can pay now (balance less reservations, fen).</summary>
    public sealed record Choice(Guid Id, string Name, string AreaCode, long AvailableFen);

    /// <summary>The fund a call names, as its pages show it: name, number and what it can pay now (fen).</summary>
    public sealed record Named(Guid Id, string Name, string FundNo, long AvailableFen);

    /// <summary>
    /// Why a call of host area <paramref name="hostArea"/> may not name fund <paramref name="fundId"/>, or null: no such fund in the
    /// user's scope, a fund whose community or township lies outside the host area, or a fund not active (暂停, 已终止).
    /// </summary>
    public static async Task<string?> ProblemAsync(AppDb db, string hostArea, Guid fundId, CancellationToken ct = default)
    {
        var fund = await db.Set<CommunityFund>().AsNoTracking().Where(f => f.Id == fundId).Select(f => new { f.Name, f.AreaCode, f.Status }).FirstOrDefaultAsync(ct);
        if (fund is null) return Lang.T("社区慈善基金不存在或不在您的管辖范围内", "The community fund does not exist or lies outside your area");
        if (!Platform.Areas.AreaCode.Covers(hostArea, fund.AreaCode))
            return Lang.T($"“{fund.Name}”不在主办地区内，请选择主办地区内的社区慈善基金", $"{fund.Name} lies outside the host area: choose a fund of the host area");
        if (fund.Status != FundStatus.Active)
            return Lang.T($"“{fund.Name}”{CommunityFund.StatusLabel(fund.Status)}，不能为公益创投出资", $"{fund.Name} is {CommunityFund.StatusLabel(fund.Status)}: it cannot fund a call");
        return null;
    }

    /// <summary>The active funds of the user's scope, by area then name: the form's choices (a call takes one inside its host area).</summary>
    public static async Task<List<Choice>> ChoicesAsync(AppDb db, CancellationToken ct = default) =>
        (await db.Set<CommunityFund>().AsNoTracking().Where(f => f.Status == FundStatus.Active).OrderBy(f => f.AreaCode).ThenBy(f => f.Name)
            .Select(f => new { f.Id, f.Name, f.AreaCode, f.BalanceFen, f.ReservedFen }).Take(500).ToListAsync(ct))
        .Select(f => new Choice(f.Id, f.Name, f.AreaCode, f.BalanceFen - f.ReservedFen)).ToList();

    /// <summary>The fund a call names (read past the scope: a call's readers see its fund's name), or null.</summary>
    public static async Task<Named?> NamedAsync(AppDb db, Guid? fundId, CancellationToken ct = default) => fundId is not { } id ? null
        : await db.Set<CommunityFund>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().Where(f => f.Id == id)
            .Select(f => new Named(f.Id, f.Name, f.FundNo, f.BalanceFen - f.ReservedFen)).FirstOrDefaultAsync(ct);

    /// <summary>The money line of a call's rules in words: who pays.</summary>
    public static string SourceText(Named? fund) => fund is null
        ? Lang.T("由主办单位安排的资金支付", "The host's budget")
        : Lang.T($"由“{fund.Name}”出资：每个资助经基金管委会决议后在基金中预留，按拨付计划从基金支付，追回的资金退回基金，收支在基金台账中公示",
            $"{fund.Name}: each award is reserved on the fund by its committee's decision, paid from the fund by the tranche plan, and money clawed back returns to it; the fund's ledger shows every movement");

    /// <summary>A fund's choice as the form's option reads: "name（可用 ¥12,000.00）".</summary>
    public static string Label(Choice c) => Lang.T($"{c.Name}（可用 {Money.Yuan(c.AvailableFen)}）", $"{c.Name} ({Money.Yuan(c.AvailableFen)} available)");
}
