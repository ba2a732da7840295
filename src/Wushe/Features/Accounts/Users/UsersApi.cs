using Microsoft.AspNetCore.Identity;
using Wushe.Data;
using Wushe.Features.Accounts;
using Wushe.Platform.Access;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Accounts.Users;

/// <summary>Routes of user administration (/api/v1/users); each calls the use case the pages call too.</summary>
public static class UsersApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/users").WithTags("Users").RequirePermission(AccountsPermissions.ManageUsers);
        g.MapGet("/", async (AppDb db, CurrentUser me, TimeProvider clock, [AsParameters] ListUsers.Query q) =>
                TypedResults.Ok(await ListUsers.Handle(db, me, clock, q)))
            .WithName("ListUsers").WithSummary("用户列表 · List users")
            .WithDescription("Users whose home area or any role lies in the caller's scope: ?keyword=&role=&area=&status=Normal|Disabled|Locked&page=&size=");
        g.MapGet("/{id:guid}", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id) => (await GetUser.Handle(db, me, clock, id)).ToOk())
            .WithName("GetUser").WithSummary("用户详情 · Get a user")
            .WithDescription("One user with masked phone and ID number; 404 when outside the caller's scope.");
        g.MapPost("/", async (AppDb db, CurrentUser me, UserManager<User> users, Sealer sealer, TimeProvider clock, CreateUser.Request r) =>
                (await CreateUser.Handle(db, me, users, sealer, clock, r)).ToHttp(c => TypedResults.Created($"{Api.Prefix}/users/{c.Id}", c)))
            .WithName("CreateUser").WithSummary("新增用户 · Create a user")
            .WithDescription("Create a user with its roles (areas in the caller's scope; volunteer, donor and merchant roles take the home area).")
            .ProducesValidationProblem();
        g.MapPut("/{id:guid}", async (AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock, Guid id, UpdateUser.Request r) =>
                (await UpdateUser.Handle(db, me, sealer, clock, id, r)).ToHttp(_ => TypedResults.NoContent()))
            .WithName("UpdateUser").WithSummary("修改用户 · Update a user")
            .WithDescription("Change name, phone, ID number and home area; an empty phone or ID number keeps the stored one, clearIdNumber removes it.")
            .ProducesValidationProblem();
        g.MapPut("/{id:guid}/roles", async (AppDb db, CurrentUser me, Guid id, SetRoles.Request r) =>
                (await SetRoles.Handle(db, me, id, r)).ToOk())
            .WithName("SetUserRoles").WithSummary("分配角色 · Set a user's roles")
            .WithDescription("Replace the user's roles within the caller's scope (roles elsewhere stay); the user's sessions refresh.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/lock", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id) =>
                (await ChangeUserStatus.Lock(db, me, clock, id)).ToOk())
            .WithName("DisableUser").WithSummary("停用用户 · Disable a user")
            .WithDescription("The user can no longer sign in.");
        g.MapPost("/{id:guid}/unlock", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id) =>
                (await ChangeUserStatus.Unlock(db, me, clock, id)).ToOk())
            .WithName("EnableUser").WithSummary("启用或解锁用户 · Enable or unlock a user")
            .WithDescription("Enable a disabled user and lift a lockout after failed sign-ins.");
        g.MapPost("/{id:guid}/password", async (AppDb db, CurrentUser me, UserManager<User> users, Guid id, ResetPassword.Request r) =>
                (await ResetPassword.Handle(db, me, users, id, r)).ToHttp(_ => TypedResults.NoContent()))
            .WithName("ResetPassword").WithSummary("重置密码 · Reset a user's password")
            .WithDescription("Set a new password (8+ characters with letters and digits).")
            .WithoutIdempotency("the body is a password: not even its hash is kept")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/reveal", async (AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock, Guid id, RevealUserField.Request r) =>
                (await RevealUserField.Handle(db, me, sealer, clock, id, r)).ToOk())
            .RequirePermission(AccountsPermissions.RevealSensitive)
            .WithName("RevealUserField").WithSummary("查看完整信息 · Reveal a phone or ID number")
            .WithDescription("Reveal the phone or ID number in full: {field: \"phone\"|\"idNumber\", reason}. Every reveal is audited.")
            .WithoutIdempotency("the answer is a sensitive value in full, never stored; and every reveal is audited anew")
            .ProducesValidationProblem();
    }
}
