using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Areas;

/// <summary>
/// The area and period of a report by area (服务统计, 慈善资金统计): the area asked (12 digits) or the user's own, within the scope, with
/// its current child areas (none for a community) and the names of both; the period of whole months (<see cref="ReportPeriod"/>).
/// One rule for every report, so a page and the API refuse the same input the same way.
/// Failures: 400 naming year / fromMonth / toMonth / area; 404 for an area outside the scope or unknown.
/// </summary>
public static class ReportArea
{
    /// <param name="Code">The area's 12 digits, or <see cref="Scope.Country"/>.</param>
    /// <param name="Children">The child areas' codes, in code order.</param>
    /// <param name="Names">The area's and its children's names by code.</param>
    public sealed record Resolved(string Code, string Name, bool Country, List<string> Children, Dictionary<string, string> Names, ReportPeriod Period);

    public static async Task<Result<Resolved>> ResolveAsync(AppDb db, CurrentUser user, TimeProvider clock, string? area, int? year, int? fromMonth, int? toMonth,
        CancellationToken ct = default)
    {
        var (period, errors) = ReportPeriod.Check(year, fromMonth, toMonth, ChinaTime.Today(clock));
        if (!string.IsNullOrWhiteSpace(area) && AreaCode.Check(area) is { } bad) errors.Add("area", bad);
        if (errors.Any) return errors.ToFailure();
        var code = AreaCode.Normalize(area) ?? user.Active?.AreaCode;
        if (code is null || !user.Scope.Covers(code)) return Failure.NotFound();
        var country = code == Scope.Country;
        if (!country && !await db.Areas.AnyAsync(a => a.Code == code, ct)) return Failure.NotFound();
        var children = !country && AreaCode.LevelOf(code) == AreaLevel.Village ? []
            : await db.Areas.AsNoTracking().Where(a => a.ParentCode == (country ? null : code) && a.ValidTo == null).Select(a => a.Code).ToListAsync(ct);
        children.Sort(StringComparer.Ordinal);
        var names = await AreaNames.LookupAsync(db, children.Append(code), ct);
        var name = country ? Lang.T("全国", "Country") : names.GetValueOrDefault(code, code);
        return new Resolved(code, name, country, children, names, period);
    }
}
