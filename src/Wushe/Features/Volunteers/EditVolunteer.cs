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
/// 修改志愿者信息: staff in scope correct a registration — name, mobile, skills, availability, guardian — or move it to another
/// community in their scope (the volunteer moved house). The ID number is the person: it is not edited (a wrong one is withdrawn
/// and registered again). The rules of <see cref="VolunteerForm"/> (idNumber empty or the stored one; an empty phone or guardian's phone keeps the stored one); a stale
/// <c>version</c> is 409; another area's volunteer is 404.
/// </summary>
public static class EditVolunteer
{
    public sealed record Request : VolunteerForm.Request
    {
        public int? Version { get; init; }
    }

    public static async Task<Result<int>> Handle(AppDb db, CurrentUser user, Sealer sealer, TimeProvider clock, Guid id, Request r, CancellationToken ct = default)
    {
        if (await db.Set<Volunteer>().FirstOrDefaultAsync(v => v.Id == id, ct) is not { } volunteer) return Failure.NotFound();
        // Empty boxes keep what is stored (the page never holds the full ID or phones: it shows them masked).
        r = r with
        {
            IdNumber = string.IsNullOrWhiteSpace(r.IdNumber) ? sealer.Open(volunteer.IdNumber) : r.IdNumber,
            Phone = string.IsNullOrWhiteSpace(r.Phone) ? sealer.Open(volunteer.Phone) : r.Phone,
            GuardianPhone = string.IsNullOrWhiteSpace(r.GuardianPhone) && !string.IsNullOrWhiteSpace(r.GuardianName) && volunteer.GuardianPhone is { } g ? sealer.Open(g) : r.GuardianPhone,
        };
        var today = ChinaTime.Today(clock);
        var errors = VolunteerForm.Validate(r, today);
        if (!errors.Has("idNumber") && sealer.Hash(SensitiveKind.IdNumber, ResidentId.Normalize(r.IdNumber!)) != volunteer.IdNumber.Hash)
            errors.Add("idNumber", Lang.T("身份证号码不能修改；登记有误请注销后重新登记", "The ID number cannot change; withdraw a wrong registration and register again"));
        var community = await VolunteerForm.CommunityAsync(db, r.AreaCode, errors, ct);
        if (community is not null && !user.Scope.Covers(community))
            errors.Add("areaCode", Lang.T("所选社区（村）不在您的管辖范围内", "The community chosen lies outside your area"));
        if (errors.Any) return errors.ToFailure();
        if (r.Version is { } version && version != volunteer.Version) return Stale;

        VolunteerForm.Apply(volunteer, sealer, r, today);
        if (community != volunteer.AreaCode) volunteer.MoveTo(community!);
        volunteer.Touch();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale;
        }
        return volunteer.Version;
    }

    public static Failure Stale => Failure.Conflict(Lang.T("该志愿者信息已被他人修改，请刷新后重试", "Someone else changed this volunteer; reload and try again"));
}
