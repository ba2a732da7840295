using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Stations;

/// <summary>
/// Add a user account to a station's staff, or remove it. Candidates are the people who may work there:
/// accounts holding the station social worker role (社工站社工) at the station's own area — a township
/// station's workers at that township — never a bureau official or someone of another place.
/// </summary>
public static class ManageStaff
{
    public sealed record AddRequest(
        [Label("人员", "Person")] Guid? UserId,
        [Label("岗位", "Position")] string? Position,
        [Label("入职日期", "Joining date")] DateOnly? JoinedOn,
        [Label("站长", "Station head")] bool? IsHead = null);

    /// <summary>站长 or not: a head approves the station's case assessments, plans and closures.</summary>
    public sealed record HeadRequest([Label("站长", "Station head")] bool? IsHead);

    public sealed record Candidate(Guid Id, string DisplayName, string? UserName);

    public static async Task<List<Candidate>> Candidates(AppDb db, Guid stationId, CancellationToken ct = default)
    {
        var station = await db.StationAsync(stationId, ct);
        if (station is null) return [];
        var staff = db.Set<StationStaff>().Where(m => m.StationId == stationId).Select(m => m.UserId);
        var workers = db.RoleAssignments.Where(a => a.Role == Role.StationWorker && a.AreaCode == station.AreaCode).Select(a => a.UserId);
        return await db.Users.Where(u => !u.IsDisabled && workers.Contains(u.Id) && !staff.Contains(u.Id))
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Id).Take(500).Select(u => new Candidate(u.Id, u.DisplayName, u.UserName)).ToListAsync(ct);
    }

    /// <summary>The request's own rules, without the database (see <c>PageForms.IfParsed</c>); <see cref="Add"/> runs it first.</summary>
    public static Errors ValidateAdd(AddRequest r, TimeProvider clock)
    {
        var errors = new Errors().Text("position", r.Position, "岗位", "Position", 1, 50);
        // Required, never assumed: an empty date is not "today".
        if (r.JoinedOn is not { } d) errors.Add("joinedOn", Lang.T("入职日期不能为空", "The joining date is required"));
        else if (d > ChinaTime.Today(clock)) errors.Add("joinedOn", Lang.T("入职日期不能晚于今天", "The joining date cannot be in the future"));
        return errors;
    }

    public static async Task<Result<Guid>> Add(AppDb db, TimeProvider clock, Guid stationId, AddRequest r, CancellationToken ct = default)
    {
        var station = await db.StationAsync(stationId, ct);
        if (station is null) return Failure.NotFound();
        var errors = ValidateAdd(r, clock);
        if (r.UserId is not { } userId || !(await Candidates(db, stationId, ct)).Any(c => c.Id == userId))
            errors.Add("userId", Lang.T("请选择本站所在区划的社工站社工（尚未在本站）", "Choose a station social worker of this station's area who is not yet on the staff"));
        if (errors.Any) return errors.ToFailure();
        var member = new StationStaff(station, r.UserId!.Value, r.Position!.Trim(), r.JoinedOn!.Value, r.IsHead == true);
        db.Set<StationStaff>().Add(member);
        // Natural key: an account once per station (a unique index), also when two requests race past the check above.
        if (await db.SaveOrFindDuplicateAsync(ct) is { } columns)
            return columns.Contains(nameof(StationStaff.UserId))
                ? Failure.Duplicate("userId", Lang.T("该用户已是本站工作人员", "This account is already on the station's staff"))
                : UniqueKeys.Conflict();
        return member.Id;
    }

    /// <summary>Makes a staff member the station's head (站长) or no longer; 404 for a member not on this station's staff.</summary>
    public static async Task<Result<bool>> SetHead(AppDb db, Guid stationId, Guid userId, HeadRequest r, CancellationToken ct = default)
    {
        var member = await db.Set<StationStaff>().FirstOrDefaultAsync(m => m.StationId == stationId && m.UserId == userId, ct);
        if (member is null) return Failure.NotFound();
        if (r.IsHead is not { } head) return Failure.Invalid("isHead", Lang.T("请选择是否为站长", "Please say whether the member is the head"));
        member.SetHead(head);
        await db.SaveChangesAsync(ct);
        return head;
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
