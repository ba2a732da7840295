using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;

namespace Wushe.Features.Volunteers.Points;

/// <summary>
/// 导出美德信用商户: the staff list as filtered (<see cref="ListMerchants"/>, at most 10,000 rows) with this year's redemptions (China
/// dates) — count, points, settled points, expired — as an Excel file; audited. Contacts are the merchants' business contacts.
/// </summary>
public static class ExportMerchants
{
    public static async Task<(byte[] Content, string FileName)> Handle(AppDb db, TimeProvider clock, ListMerchants.Query q, CancellationToken ct = default)
    {
        var rows = await ListExport.AllPagesAsync(async (p, size) => await ListMerchants.Handle(db, q with { Page = p, Size = size }, ct));
        var year = ChinaTime.Today(clock).Year;
        var from = new DateTimeOffset(year, 1, 1, 0, 0, 0, ChinaTime.Offset).ToUniversalTime();
        var to = from.AddYears(1);
        var ids = rows.Select(r => r.Id).ToList();
        var stats = await db.Set<Redemption>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(r => ids.Contains(r.MerchantId) && r.CreatedAt >= from && r.CreatedAt < to)
            .GroupBy(r => r.MerchantId)
            .Select(g => new
            {
                g.Key,
                Count = g.Count(),
                Points = g.Sum(r => r.Points),
                Settled = g.Where(r => r.Status == RedemptionStatus.Settled).Sum(r => r.Points),
                Expired = g.Count(r => r.Status == RedemptionStatus.Expired),
            })
            .ToDictionaryAsync(x => x.Key, ct);
        var names = await AreaNames.LookupAsync(db, rows.Select(r => r.AreaCode).Distinct(), ct);
        var sheet = rows.Select((r, i) =>
        {
            var s = stats.GetValueOrDefault(r.Id);
            return (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
            {
                [Lang.T("序号", "No.")] = i + 1,
                [Lang.T("商户名称", "Name")] = r.Name,
                [Lang.T("类型", "Kind")] = Merchant.KindLabel(r.Kind),
                [Lang.T("所在区划", "Area")] = names.GetValueOrDefault(r.AreaCode, r.AreaCode),
                [Lang.T("地址", "Address")] = r.Address,
                [Lang.T("联系方式", "Contact")] = r.Contact,
                [Lang.T("状态", "Status")] = Merchant.StatusLabel(r.Status),
                [Lang.T("商户账号", "Account")] = r.HasAccount ? Lang.T("已绑定", "Linked") : Lang.T("未绑定", "None"),
                [Lang.T("上架商品", "Offers on")] = r.OffersOn,
                [Lang.T("待核销", "To confirm")] = r.ToConfirm,
                [Lang.T($"{year}年兑换笔数", $"Redemptions {year}")] = s?.Count ?? 0,
                [Lang.T($"{year}年兑换积分", $"Points redeemed {year}")] = s?.Points ?? 0,
                [Lang.T($"{year}年已核销积分", $"Points settled {year}")] = s?.Settled ?? 0,
                [Lang.T($"{year}年过期笔数", $"Expired {year}")] = s?.Expired ?? 0,
            };
        }).ToList();
        return await ListExport.FileAsync(db, clock, sheet, "美德信用商户", "Virtue-credit merchants", nameof(Merchant), "list", q, ct);
    }
}
