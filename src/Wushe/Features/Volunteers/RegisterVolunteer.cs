using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;

namespace Wushe.Features.Volunteers;

/// <summary>
/// 登记志愿者: community or station staff put a volunteer on the register of a community in their scope from a paper form
/// (实名登记; no account: the volunteer gets one by joining online with the same ID and phone, <see cref="JoinAsVolunteer"/> —
/// or, when an account with the volunteer role and that mobile number has no registration yet, the registration is linked to it).
/// The rules of <see cref="VolunteerForm"/>; an ID already registered anywhere is 409 naming idNumber, also when two requests race.
/// </summary>
public static class RegisterVolunteer
{
    public sealed record Registered(Guid Id, string VolunteerNo);

    /// <summary>
    /// The rules of a staff registration but the ID's uniqueness: <see cref="VolunteerForm.Validate"/>, the community a current one,
    /// within the user's scope. Also the national-system import's rules for each row (<see cref="Exchange.ImportNationalVolunteers"/>);
    /// <paramref name="communities"/>, when given, remembers the communities looked up (a file names the same few again and again).
    /// </summary>
    public static async Task<(Errors Errors, string? Community)> CheckAsync(AppDb db, CurrentUser user, DateOnly today, VolunteerForm.Request r,
        Dictionary<string, string?>? communities, CancellationToken ct)
    {
        var errors = VolunteerForm.Validate(r, today);
        string? community;
        var key = r.AreaCode?.Trim() ?? "";
        if (communities is not null && communities.TryGetValue(key, out var known))
        {
            community = known;
            if (!errors.Has("areaCode") && community is null) errors.Add("areaCode", Lang.T("所选社区（村）不存在，请重新选择", "The community chosen does not exist; choose again"));
        }
        else
        {
            community = await VolunteerForm.CommunityAsync(db, r.AreaCode, errors, ct);
            communities?.TryAdd(key, community);
        }
        if (community is not null && !user.Scope.Covers(community))
            errors.Add("areaCode", Lang.T("所选社区（村）不在您的管辖范围内", "The community chosen lies outside your area"));
        return (errors, community);
    }

    public static async Task<Result<Registered>> Handle(AppDb db, CurrentUser user, Sealer sealer, TimeProvider clock, VolunteerForm.Request r,
        CancellationToken ct = default)
    {
        var (errors, community) = await CheckAsync(db, user, ChinaTime.Today(clock), r, null, ct);
        if (!errors.Has("idNumber") && await VolunteerForm.IdTakenAsync(db, sealer.Hash(SensitiveKind.IdNumber, ResidentId.Normalize(r.IdNumber!)), ct))
            errors.Duplicate("idNumber", VolunteerForm.DuplicateMessage);
        if (errors.Any) return errors.ToFailure();

        var now = clock.GetUtcNow();
        var volunteer = await VolunteerForm.AddAsync(db, sealer, r, community!, VolunteerSource.Staff, user.Id, await Households.Workers.NameAsync(db, user, ct), now, ct);
        // An account with the volunteer role and this mobile number, without a registration yet (made by an administrator
        // before the volunteer came in with their ID): the registration is theirs.
        var phoneHash = sealer.Hash(SensitiveKind.Phone, Mobile.Normalize(r.Phone!));
        var account = await db.Users.Where(u => u.Phone!.Hash == phoneHash).Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        if (account is { } a && await db.RoleAssignments.IgnoreQueryFilters().AnyAsync(x => x.UserId == a && x.Role == Role.Volunteer, ct)
            && !await db.Set<Volunteer>().IgnoreQueryFilters([AppDb.ScopeFilter]).AnyAsync(v => v.UserId == a, ct))
            volunteer.LinkAccount(a);
        if (await VolunteerForm.SaveNumberedAsync(db, volunteer, ct) is { } failure) return failure;
        return new Registered(volunteer.Id, volunteer.VolunteerNo);
    }
}
