using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Accounts.Users;

/// <summary>
/// 修改用户: name, phone, ID number and home area. Phone and ID are never shown in full, so an empty
/// value keeps the stored one; <c>ClearIdNumber</c> removes the ID number.
/// </summary>
public static class UpdateUser
{
    public sealed record Request(string? DisplayName, string? Phone, string? IdNumber, string? HomeAreaCode,
        [Label("清除身份证号码", "Remove the ID number")] bool ClearIdNumber = false);

    public static async Task<Result<Guid>> Handle(AppDb db, CurrentUser actor, Sealer sealer, TimeProvider clock, Guid id, Request r,
        CancellationToken ct = default)
    {
        var user = await UserScope.FindAsync(db, actor.Scope, id, ct);
        if (user is null) return Failure.NotFound();
        if (await UserScope.CheckManageableAsync(db, actor, user, ct) is { } refused) return refused;

        var errors = new Errors().Text("displayName", r.DisplayName, "姓名", "Name", 2, 50);
        var phone = string.IsNullOrWhiteSpace(r.Phone) ? null : await CreateUser.CheckPhoneAsync(db, sealer, r.Phone, user.Id, errors, ct);
        var idNumber = r.ClearIdNumber ? null : await CreateUser.CheckIdNumberAsync(db, sealer, clock, r.IdNumber, user.Id, errors, ct);
        var home = await UserAreas.ValidateHomeAsync(db, actor, r.HomeAreaCode, errors, ct);
        if (errors.Any) return errors.ToFailure();

        user.DisplayName = r.DisplayName!.Trim();
        // A new sealed value only when the number really changed: the audit trail then names only what changed.
        if (phone is not null && user.Phone?.Hash != sealer.Hash(SensitiveKind.Phone, phone)) user.Phone = sealer.Seal(SensitiveKind.Phone, phone);
        if (r.ClearIdNumber) user.IdNumber = null;
        else if (idNumber is not null && user.IdNumber?.Hash != sealer.Hash(SensitiveKind.IdNumber, idNumber)) user.IdNumber = sealer.Seal(SensitiveKind.IdNumber, idNumber);
        if (user.HomeAreaCode != home)
        {
            user.HomeAreaCode = home!;
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
