using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Wushe.Data;
using Wushe.Features.Accounts;
using Wushe.Features.Accounts.Users;
using Wushe.Features.Demo;
using Wushe.Platform.Access;
using Wushe.Platform.Sensitive;

namespace Wushe.Tests.Builders;

/// <summary>
/// Users for tests, created through the real use case (<see cref="CreateUser.Handle"/>) as the system: a user of its own
/// (unique name and mobile number, <see cref="Numbers"/>) with one role in one area, whose password is
/// <see cref="DemoData.Password"/>. Unlike an administrator's new user it has already chosen its password (it signs in
/// straight to its work) unless <c>mustChangePassword</c> says otherwise.
/// </summary>
public static class TestUsers
{
    public sealed record Made(Guid Id, string UserName, string Phone);

    /// <summary>
    /// A user with <paramref name="role"/> in <paramref name="areaCode"/> (the area must be of the role's level), living in
    /// <paramref name="homeAreaCode"/> (the role's area unless told). Organization staff act for <paramref name="organizationId"/>,
    /// or for a new organization registered at <paramref name="areaCode"/> and serving it (<see cref="TestOrganizations"/>).
    /// Throws when the use case refuses (a test setup error).
    /// </summary>
    public static async Task<Made> CreateAsync(TestApp app, Role role = Role.BureauStaff, string areaCode = "520502000000", string? homeAreaCode = null,
        bool disabled = false, bool mustChangePassword = false, string password = DemoData.Password, string? idNumber = null, Guid? organizationId = null)
    {
        if (role == Role.OrganizationStaff && organizationId is null) organizationId = await TestOrganizations.CreateAsync(app, areaCode);
        var userName = "test." + Guid.NewGuid().ToString("N")[..10];
        var phone = Numbers.Mobile();
        await using var scope = app.Scope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDb>();
        var users = services.GetRequiredService<UserManager<User>>();
        var result = await CreateUser.Handle(db, CurrentUser.System, users, services.GetRequiredService<Sealer>(), services.GetRequiredService<TimeProvider>(),
            new CreateUser.Request(userName, "测试用户", phone, idNumber, homeAreaCode ?? areaCode, password, [new RoleRequest(role, role == Role.OrganizationStaff ? null : areaCode, organizationId)]));
        if (!result.IsOk) throw new InvalidOperationException($"The test user ({role} in {areaCode}) was refused: {Describe(result.Failure!)}");
        if (!mustChangePassword || disabled)
        {
            var user = await users.FindByIdAsync(result.Value!.Id.ToString()) ?? throw new InvalidOperationException("The test user vanished.");
            if (!mustChangePassword) user.PasswordChosen();
            if (disabled) user.Disable();
            await db.SaveChangesAsync();
        }
        return new Made(result.Value!.Id, userName, phone);
    }

    static string Describe(Wushe.Platform.Outcomes.Failure failure) =>
        failure.Title + (failure.Errors is { } errors ? " " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")) : "");
}
