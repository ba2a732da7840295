using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Stations;

/// <summary>Add a user account to a station's staff, or remove it. Candidates are accounts that belong to the station's area.</summary>
public static class ManageStaff
{
    public sealed record AddRequest(
        [Label("人员", "Person")] Guid? UserId,
        [Label("岗位", "Position")] string? Position,
        [Label("入职日期", "Joining date")] DateOnly? JoinedOn);

    public sealed record Candidate(Guid Id, string DisplayName, string? UserName);

    public static async Task<List<Candidate>> Candidates(AppDb db, Guid stationId, CancellationToken ct = default)
    {
        var station = await db.Stations.FirstOrDefaultAsync(s => s.Id == stationId, ct);
        if (station is null) return [];
        var (low, high) = Areas.AreaCode.Range(station.AreaCode);
        var staff = db.Set<StationStaff>().Where(m => m.StationId == stationId).Select(m => m.UserId);
        return await db.Users.Where(u => !u.IsDisabled && string.Compare(u.HomeAreaCode, low) >= 0 && string.Compare(u.HomeAreaCode, high) <= 0 && !staff.Contains(u.Id))
            .OrderBy(u => u.DisplayName).Take(500).Select(u => new Candidate(u.Id, u.DisplayName, u.UserName)).ToListAsync(ct);
    }

    public static async Task<Result<Guid>> Add(AppDb db, TimeProvider clock, Guid stationId, AddRequest r, CancellationToken ct = default)
    {
        var station = await db.Stations.FirstOrDefaultAsync(s => s.Id == stationId, ct);
        if (station is null) return Failure.NotFound();
        var errors = new Errors().Text("position", r.Position, "岗位", "Position", 1, 50);
        if (r.JoinedOn is { } d && d > ChinaTime.Today(clock)) errors.Add("joinedOn", Lang.T("入职日期不能晚于今天", "The joining date cannot be in the future"));
        if (r.UserId is not { } userId || !(await Candidates(db, stationId, ct)).Any(c => c.Id == userId))
            errors.Add("userId", Lang.T("请选择本区划内、尚未在本站的用户", "Choose an account of this area that is not yet on the staff"));
        if (errors.Any) return errors.ToFailure();
        var member = new StationStaff(station, r.UserId!.Value, r.Position!.Trim(), r.JoinedOn ?? ChinaTime.Today(clock));
        db.Set<StationStaff>().Add(member);
        await db.SaveChangesAsync(ct);
        return member.Id;
    }

    public static async Task<Result<bool>> Remove(AppDb db, Guid stationId, Guid userId, CancellationToken ct = default)
    {
        var member = await db.Set<StationStaff>().FirstOrDefaultAsync(m => m.StationId == stationId && m.UserId == userId, ct);
        if (member is null) return Failure.NotFound();
        db.Set<StationStaff>().Remove(member);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
