using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;

namespace Wushe.Features.Accounts.Users;

/// <summary>
/// 修改用户: name, phone, ID number and home area. Phone and ID are never shown in full, so an empty
/// value keeps the stored one; <c>ClearIdNumber</c> removes the ID number.
/// </summary>
public static class UpdateUser
{
    public sealed record Request(string? DisplayName, string? Phone, string? IdNumber, string? HomeAreaCode,
        [Label("清除身份证号码", "Remove the ID number")] bool ClearIdNumber = false);

    /// <summary>The request's own rules, without the database (see <c>PageForms.IfParsed</c>); <see cref="Handle"/> runs it first.</summary>
    public static Errors Validate(Request r, TimeProvider clock)
    {
        var errors = new Errors().Text("displayName", r.DisplayName, "姓名", "Name", 2, 50);
        if (!string.IsNullOrWhiteSpace(r.Phone)) errors.Add("phone", Mobile.Check(r.Phone));
        if (!r.ClearIdNumber && !string.IsNullOrWhiteSpace(r.IdNumber)) errors.Add("idNumber", ResidentId.Check(r.IdNumber, ChinaTime.Today(clock)));
        return errors;
    }

    public static async Task<Result<Guid>> Handle(AppDb db, CurrentUser actor, Sealer sealer, TimeProvider clock, Guid id, Request r,
        CancellationToken ct = default)
    {
        var user = await UserScope.FindAsync(db, actor.Scope, id, ct);
        if (user is null) return Failure.NotFound();
        if (await UserScope.CheckManageableAsync(db, actor, user, ct) is { } refused) return refused;

        var errors = Validate(r, clock);
        var phone = string.IsNullOrWhiteSpace(r.Phone) || errors.Has("phone") ? null : await CreateUser.CheckPhoneAsync(db, sealer, r.Phone, user.Id, errors, ct);
        var idNumber = r.ClearIdNumber || errors.Has("idNumber") ? null : await CreateUser.CheckIdNumberAsync(db, sealer, clock, r.IdNumber, user.Id, errors, ct);
        var home = await UserAreas.ValidateHomeAsync(db, actor, r.HomeAreaCode, errors, ct);
        if (errors.Any) return errors.ToFailure();

        user.Rename(r.DisplayName!.Trim());
        // A new sealed value only when the number really changed: the audit trail then names only what changed.
        if (phone is not null) user.SetPhone(sealer.Reseal(user.Phone, SensitiveKind.Phone, phone));
        if (r.ClearIdNumber) user.SetIdNumber(null);
        else if (idNumber is not null) user.SetIdNumber(sealer.Reseal(user.IdNumber, SensitiveKind.IdNumber, idNumber));
        if (user.HomeAreaCode != home)
        {
            user.MoveHome(home!);
            // Self-service roles live in the home area: they move with it.
            var assignments = await db.RoleAssignments.Where(a => a.UserId == user.Id).ToListAsync(ct);
            foreach (var a in assignments.Where(a => Roles.IsSelfService(a.Role)))
            {
                db.RoleAssignments.Remove(a);
                db.RoleAssignments.Add(new RoleAssignment(user.Id, a.Role, home!, a.OrganizationId));
            }
        }
        user.ConcurrencyStamp = Guid.NewGuid().ToString();
        await db.SaveChangesAsync(ct);
        return user.Id;
    }
}
