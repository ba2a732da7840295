using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers;

/// <summary>
/// 我的志愿者信息: a volunteer keeps their own skills, notes on them and availability (what organizers match activities by).
/// Name, ID, phone and community are the register's (the community corrects them). 404 when the account has no registration;
/// a stale <c>version</c> is 409.
/// </summary>
public static class EditMyVolunteer
{
    public sealed record Request(
        [property: Label("技能特长", "Skills")] IReadOnlyList<VolunteerSkill>? Skills,
        [property: Label("特长说明", "About the skills")] string? SkillNotes,
        [property: Label("可服务时间", "Availability")] IReadOnlyList<VolunteerAvailability>? Availability,
        int? Version = null);

    public static async Task<Result<int>> Handle(AppDb db, CurrentUser user, Request r, CancellationToken ct = default)
    {
        if (user.Id is not { } me || await db.Set<Volunteer>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstOrDefaultAsync(v => v.UserId == me, ct) is not { } volunteer)
            return Failure.NotFound();
        var errors = new Errors().Text("skillNotes", r.SkillNotes, "特长说明", "About the skills", 0, 200, required: false);
        if ((r.Skills ?? []).Any(s => !Volunteer.AllSkills.Contains(s))) errors.Add("skills", Lang.T("技能特长不在可选范围内", "A skill is not one of the choices"));
        if ((r.Availability ?? []).Any(s => !Volunteer.AllAvailability.Contains(s))) errors.Add("availability", Lang.T("可服务时间不在可选范围内", "A time is not one of the choices"));
        if (errors.Any) return errors.ToFailure();
        if (r.Version is { } version && version != volunteer.Version) return EditVolunteer.Stale;
        volunteer.Describe(volunteer.Name, volunteer.Phone, Volunteer.Join(r.Skills), r.SkillNotes?.Trim() ?? "", Volunteer.Join(r.Availability));
        volunteer.Touch();
        // The volunteer's scope holds no records: the write acts in the volunteer's own community, for this record only.
        db.ActingAs(user.ActingOn(volunteer.AreaCode));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return EditVolunteer.Stale;
        }
        return volunteer.Version;
    }
}
