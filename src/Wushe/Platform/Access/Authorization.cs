using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;

namespace Wushe.Platform.Access;

/// <summary>A request's user must hold a permission through its active role.</summary>
public sealed record PermissionRequirement(Permission Permission) : IAuthorizationRequirement;

public sealed class PermissionHandler(CurrentUser user) : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (user.Has(requirement.Permission)) context.Succeed(requirement);
        return Task.CompletedTask;
    }
}

/// <summary>Every permission name is a policy; unknown names fall back to the default provider.</summary>
public sealed class PermissionPolicyProvider(IOptions<AuthorizationOptions> options) : DefaultAuthorizationPolicyProvider(options)
{
    public override async Task<AuthorizationPolicy?> GetPolicyAsync(string policyName)
    {
        if (Permissions.Find(policyName) is { } p)
            return new AuthorizationPolicyBuilder().RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(p)).Build();
        return await base.GetPolicyAsync(policyName);
    }
}

/// <summary>All permissions of all features, found once by reflection over the feature classes that declare them.</summary>
public static class Permissions
{
    static readonly Lazy<Dictionary<string, Permission>> all = new(() =>
        typeof(Permissions).Assembly.GetTypes()
            .SelectMany(t => t.GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static))
            .Where(f => f.FieldType == typeof(Permission))
            .Select(f => (Permission)f.GetValue(null)!)
            .ToDictionary(p => p.Name));

    public static IEnumerable<Permission> All => all.Value.Values;

    public static Permission? Find(string name) => all.Value.GetValueOrDefault(name);
}

public static class AuthorizationExtensions
{
    public static TBuilder RequirePermission<TBuilder>(this TBuilder builder, Permission permission) where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(permission.Name);
}
