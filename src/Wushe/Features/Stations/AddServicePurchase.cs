using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Stations;

/// <summary>
/// Record a government purchase-of-services contract (政府购买服务) that funds a station.
/// Natural key: the contract number, once per station. A number is issued by its purchaser, so two
/// purchasers may issue the same one (it is not unique across the country), and one county contract
/// often funds several township stations (the same number on each); the same number twice on one
/// station is the same contract recorded twice (¥360,000 instead of ¥120,000): 409 on contractNo.
/// </summary>
public static class AddServicePurchase
{
    public sealed record Request(
        [Label("购买方", "Purchaser")] string? Purchaser,
        [Label("承接方", "Provider")] string? Provider,
        [Label("合同编号", "Contract number")] string? ContractNo,
        [Label("合同金额", "Amount")] decimal? AmountYuan,
        [Label("开始日期", "Start date")] DateOnly? StartOn,
        [Label("结束日期", "End date")] DateOnly? EndOn,
        [Label("资金来源", "Funding source")] FundingSource? Source);

    /// <summary>The request's own rules, without the database (see <c>PageForms.IfParsed</c>); <see cref="Handle"/> runs it first.</summary>
    public static Errors Validate(Request r)
    {
        var errors = new Errors()
            .Text("purchaser", r.Purchaser, "购买方", "Purchaser", 2, 100)
            .Text("provider", r.Provider, "承接方", "Provider", 2, 100)
            .Text("contractNo", r.ContractNo, "合同编号", "Contract number", 1, 50);
        if (r.AmountYuan is not { } yuan || yuan <= 0 || yuan > 100_000_000m || decimal.Round(yuan, 2) != yuan)
            errors.Add("amountYuan", Lang.T("合同金额须大于 0、不超过 1 亿元，最多两位小数", "The amount must be above 0, at most 100 million yuan, with at most 2 decimals"));
        if (r.StartOn is null) errors.Add("startOn", Lang.T("开始日期不能为空", "Start date is required"));
        if (r.EndOn is null) errors.Add("endOn", Lang.T("结束日期不能为空", "End date is required"));
        else if (r.StartOn is { } s && r.EndOn < s) errors.Add("endOn", Lang.T("结束日期不能早于开始日期", "The end date cannot be before the start date"));
        if (r.Source is null || !Enum.IsDefined(r.Source.Value)) errors.Add("source", Lang.T("请选择资金来源", "Please choose the funding source"));
        return errors;
    }

    public static async Task<Result<Guid>> Handle(AppDb db, Guid stationId, Request r, CancellationToken ct = default)
    {
        var station = await db.StationAsync(stationId, ct);
        if (station is null) return Failure.NotFound();
        var errors = Validate(r);
        if (errors.Any) return errors.ToFailure();
        var contractNo = r.ContractNo!.Trim();
        if (await db.Set<ServicePurchase>().AnyAsync(p => p.StationId == stationId && p.ContractNo == contractNo, ct)) return Duplicate(contractNo);
        var purchase = new ServicePurchase(station, r.Purchaser!.Trim(), r.Provider!.Trim(), contractNo, (long)(r.AmountYuan!.Value * 100),
            r.StartOn!.Value, r.EndOn!.Value, r.Source!.Value);
        db.Set<ServicePurchase>().Add(purchase);
        // Two requests at one moment both pass the check above: the unique index answers the second.
        if (await db.SaveOrFindDuplicateAsync(ct) is { } columns)
            return columns.Contains(nameof(ServicePurchase.ContractNo)) ? Duplicate(contractNo) : UniqueKeys.Conflict();
        return purchase.Id;
    }

    static Failure Duplicate(string contractNo) => Failure.Duplicate("contractNo",
        Lang.T($"本站已登记合同编号为“{contractNo}”的购买服务合同", $"This station already has the contract numbered \"{contractNo}\""));
}
