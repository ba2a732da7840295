using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Charity;

/// <summary>
/// The 404s of the charity's public reads (no sign-in: the fund page, the area's funds, the wish wall, the quarterly reports, and their
/// <c>/api/v1/public</c> routes), in the visitor's terms (<see cref="Failure.NotPublic"/>) rather than the staff's "不在您的管辖范围内".
/// </summary>
public static class PublicNotFound
{
    /// <summary>No such fund: "该基金不存在或尚未公开".</summary>
    public static Failure Fund() => Failure.NotPublic(Lang.T("该基金不存在或尚未公开", "This fund does not exist or is not public"));

    /// <summary>A quarter the fund has no report for (before its establishment, still to come, or not a quarter).</summary>
    public static Failure Report() => Failure.NotPublic(Lang.T("该季度没有信息公示报告（基金设立前或尚未开始的季度）", "There is no disclosure report for this quarter (before the fund was set up, or not begun)"));

    /// <summary>
    /// Why a public list may not filter by <paramref name="area"/>: a well-formed code that names no place of the division list (a malformed
    /// one is the list's 400, ListQueries); null when it names one, or none is given.
    /// </summary>
    public static async Task<Failure?> AreaAsync(AppDb db, string? area, CancellationToken ct = default)
    {
        if (AreaCode.Normalize(area) is not { } code) return null;
        if (await db.Areas.IgnoreQueryFilters([AppDb.ScopeFilter]).AnyAsync(a => a.Code == code, ct)) return null;
        return Failure.NotPublic(Lang.T("该地区不存在或尚未公开", "This place does not exist or is not public"));
    }
}
