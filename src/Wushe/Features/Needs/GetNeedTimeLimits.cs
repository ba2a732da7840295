using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Needs;

/// <summary>
/// The time limits that apply in an area (<see cref="NeedRules.LimitsFor"/>): whose they are (<c>ownerAreaCode</c>: the area's
/// own, an area's above, or 000000000000 for the platform's defaults), hours to accept and days to resolve per urgency.
/// </summary>
public static class GetNeedTimeLimits
{
    public sealed record Limits(string OwnerAreaCode, int NormalAcceptHours, int NormalResolveDays, int UrgentAcceptHours, int UrgentResolveDays,
        int CriticalAcceptHours, int CriticalResolveDays, int Version)
    {
        public static Limits Of(NeedTimeLimits l) => new(l.AreaCode, l.NormalAcceptHours, l.NormalResolveDays, l.UrgentAcceptHours, l.UrgentResolveDays,
            l.CriticalAcceptHours, l.CriticalResolveDays, l.Version);
    }

    /// <summary>Failures: invalid (a malformed code); not found (an area outside the scope).</summary>
    public static async Task<Result<Limits>> Handle(AppDb db, string? areaCode, CancellationToken ct = default)
    {
        var code = Platform.Areas.AreaCode.Normalize(areaCode);
        if (code is null) return Failure.Invalid("area", Lang.T("请输入 12 位区划代码", "Please give a 12-digit area code"));
        if (!await db.Areas.AnyAsync(a => a.Code == code, ct)) return Failure.NotFound();
        return Limits.Of(await NeedRules.LimitsFor(db, code, ct));
    }
}
