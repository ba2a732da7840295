using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Points.Shop;

/// <summary>兑换记录 · 季度统计: the merchant's redemptions (status, keyword, paging keeping the search) and the quarters of a year.</summary>
[Authorize(PointsPermissions.MerchantPolicy)]
public sealed class RedemptionsModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true), Label("状态", "Status")] public RedemptionStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Keyword { get; set; }
    [BindProperty(SupportsGet = true), Label("年度", "Year")] public int? Year { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }

    public PageOf<MerchantHome.Found>? Redemptions { get; private set; }
    public List<MerchantStats.Quarter> Quarters { get; private set; } = [];
    public int ShownYear { get; private set; }

    public async Task OnGetAsync()
    {
        ShownYear = Year is >= 2000 and <= 2100 ? Year.Value : ChinaTime.Today(clock).Year;
        Redemptions = (await MerchantHome.RedemptionsAsync(db, me, Status, Keyword, PageNumber is >= 1 ? PageNumber : null, Paging.Sizes.Contains(Size ?? 0) ? Size : 20)).Value;
        if (Redemptions is not null) Quarters = (await MerchantStats.MineAsync(db, me, clock, ShownYear)).Value ?? [];
    }

}
