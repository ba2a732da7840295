using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Accounts;
using Wushe.Features.Accounts.Users;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;

namespace Wushe.Features.Volunteers;

/// <summary>
/// 志愿者注册: a person registers as a volunteer on the public mobile page (实名注册, no sign-in needed) and gets an account to sign
/// in with their mobile number and the password they chose, with the 志愿者 role in their community. The rules of
/// <see cref="VolunteerForm"/>, the password rule, and their consent to the use of their details (个人信息保护法 §13–14).
/// Someone whom community staff registered from a paper form (no account yet) joins with the same ID number and mobile number:
/// their record, number and hours are kept and the account is linked to it. Any other registration of the ID is 409 naming
/// idNumber; a mobile number that already signs in to an account is 409 naming phone (sign in instead). Everything is saved
/// in one transaction or nothing is; the ID's unique index holds when two registrations race. Limited per client address
/// (<see cref="JoinLimits"/>: 429). Written as the resident (the audit names 居民 and the masked phone, from the client's address).
/// </summary>
public static class JoinAsVolunteer
{
    public sealed record Request : VolunteerForm.Request
    {
        [Label("登录密码", "Password")] public string? Password { get; init; }
        [Label("同意授权", "Consent")] public bool? Consent { get; init; }
    }

    public sealed record Joined(Guid Id, string VolunteerNo, Guid UserId, bool Linked);

    public static Errors Validate(Request r, DateOnly today)
    {
        var errors = VolunteerForm.Validate(r, today).Password("password", r.Password, "登录密码", "Password");
        if (r.Consent != true)
            errors.Add("consent", Lang.T("请阅读并同意平台和所在社区使用您填写的信息开展志愿服务管理", "Please agree that the platform and your community use what you give to manage volunteer service"));
        return errors;
    }

    public static async Task<Result<Joined>> Handle(AppDb db, UserManager<User> users, Sealer sealer, TimeProvider clock, JoinLimits limits, string? origin,
        Request r, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(clock);
        var errors = Validate(r, today);
        var community = await VolunteerForm.CommunityAsync(db, r.AreaCode, errors, ct);
        if (errors.Any) return errors.ToFailure();
        if (limits.Take(origin) is { } tooMany) return tooMany;

        var phone = Mobile.Normalize(r.Phone!);
        var phoneHash = sealer.Hash(SensitiveKind.Phone, phone);
        var idHash = sealer.Hash(SensitiveKind.IdNumber, ResidentId.Normalize(r.IdNumber!));
        var existing = await db.Set<Volunteer>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstOrDefaultAsync(v => v.IdNumber.Hash == idHash, ct);
        // A paper registration is claimed by who knows both its ID and its phone; any other holder of the ID is refused.
        if (existing is not null && (existing.UserId is not null || existing.Phone.Hash != phoneHash))
            return Failure.Duplicate("idNumber", VolunteerForm.DuplicateMessage);
        if (await db.Users.AnyAsync(u => u.Phone!.Hash == phoneHash, ct))
            return Failure.Duplicate("phone", Lang.T("该手机号已注册平台账号，请直接登录", "This mobile number already has an account: sign in instead"));

        var now = clock.GetUtcNow();
        db.ActingAs(CurrentUser.Resident(Mask.Phone(phone), existing?.AreaCode ?? community!, origin));
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var user = new User("zyz" + RandomNumberGenerator.GetHexString(10, lowercase: true), r.Name!.Trim(), existing?.AreaCode ?? community!, now);
        user.SetPhone(sealer.Seal(SensitiveKind.Phone, phone));
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, r.Password!);
        }
        catch (DbUpdateException e) when (UniqueKeys.Violated(db, e) is { } columns)
        {
            db.ChangeTracker.Clear();
            return CreateUser.DuplicateOf(columns);
        }
        if (!created.Succeeded) return CreateUser.IdentityFailure(created);
        db.RoleAssignments.Add(new RoleAssignment(user.Id, Role.Volunteer, user.HomeAreaCode, null));

        if (existing is not null)
        {
            // The paper record stays as staff entered it (the community keeps it); the account is what is new.
            existing.LinkAccount(user.Id);
            existing.Touch();
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                db.ChangeTracker.Clear();
                return Failure.Duplicate("idNumber", VolunteerForm.DuplicateMessage);
            }
            if (tx is not null) await tx.CommitAsync(ct);
            return new Joined(existing.Id, existing.VolunteerNo, user.Id, Linked: true);
        }
        var volunteer = await VolunteerForm.AddAsync(db, sealer, r, community!, VolunteerSource.SelfService, user.Id, r.Name!.Trim(), now, ct);
        volunteer.LinkAccount(user.Id);
        if (await VolunteerForm.SaveNumberedAsync(db, volunteer, ct) is { } failure) return failure;
        if (tx is not null) await tx.CommitAsync(ct);
        return new Joined(volunteer.Id, volunteer.VolunteerNo, user.Id, Linked: false);
    }
}
