using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Stations;

/// <summary>停用 / 启用: a station is closed, never deleted (its records stay).</summary>
public static class ChangeStationStatus
{
    public static async Task<Result<StationStatus>> Handle(AppDb db, Guid id, StationStatus to, CancellationToken ct = default)
    {
        var station = await db.StationAsync(id, ct);
        if (station is null) return Failure.NotFound();
        if (station.Status == to)
            return Failure.Conflict(to == StationStatus.Closed ? Lang.T("该站点已停用", "The station is already closed") : Lang.T("该站点已是正常状态", "The station is already active"));
        if (to == StationStatus.Closed) station.Close(); else station.Reopen();
        station.Touch();
        await db.SaveChangesAsync(ct);
        return station.Status;
    }
}
