using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers;

/// <summary>
/// A volunteer's registration as staff in scope read it (ID and phones masked; the full values only by reveal with a reason), or as
/// the volunteer reads their own (<see cref="Mine"/>: by the account, whatever the scope — a volunteer's scope holds no records).
/// </summary>
public static class GetVolunteer
{
    /// <remarks>The age, never the birth date: with the masked ID (its first and last four digits) and the area, the birth date would give the ID back.</remarks>
    public sealed record Details(Guid Id, string VolunteerNo, string Name, Sex Sex, int Age, string IdNumber, string Phone,
        string AreaCode, string AreaPath, IReadOnlyList<VolunteerSkill> Skills, string SkillNotes, IReadOnlyList<VolunteerAvailability> Availability,
        string GuardianName, string GuardianRelation, string? GuardianPhone, DateOnly? GuardianConsentOn, bool SelfSupporting,
        VolunteerStatus Status, string StatusReason, VolunteerSource Source, bool HasAccount, string RegisteredByName, DateTimeOffset RegisteredAt, int Version);

    public static async Task<Result<Details>> Handle(AppDb db, TimeProvider clock, Guid id, CancellationToken ct = default) =>
        await db.Set<Volunteer>().FirstOrDefaultAsync(v => v.Id == id, ct) is { } v ? await DescribeAsync(db, clock, v, ct) : Failure.NotFound();

    /// <summary>The signed-in volunteer's own registration; 404 when their account has none (an account made before registration).</summary>
    public static async Task<Result<Details>> Mine(AppDb db, CurrentUser user, TimeProvider clock, CancellationToken ct = default) =>
        user.Id is { } me && await db.Set<Volunteer>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstOrDefaultAsync(v => v.UserId == me, ct) is { } v
            ? await DescribeAsync(db, clock, v, ct) : Failure.NotFound();

    static async Task<Details> DescribeAsync(AppDb db, TimeProvider clock, Volunteer v, CancellationToken ct)
    {
        var names = await AreaNames.PathAsync(db, v.AreaCode, ct);
        return new Details(v.Id, v.VolunteerNo, v.Name, v.Sex, ChinaTime.Age(v.BirthDate, clock), v.IdNumber.Masked, v.Phone.Masked,
            v.AreaCode, string.Join(" / ", names), Volunteer.Split(v.Skills), v.SkillNotes, Volunteer.Split(v.Availability), v.GuardianName,
            v.GuardianRelation, v.GuardianPhone?.Masked, v.GuardianConsentOn, v.SelfSupporting, v.Status, v.StatusReason, v.Source, v.UserId is not null,
            v.RegisteredByName, v.RegisteredAt, v.Version);
    }
}
