using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wushe.Data;

namespace Wushe.Platform.Access;

/// <summary>
/// Bearer tokens carry the security stamp of sign-in time but, unlike cookies, are never
/// re-validated by Identity. This check makes a disabled account, a password reset or a role
/// change end API tokens at once: one primary-key lookup per API request.
/// </summary>
public sealed class BearerStampCheck(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, AppDb db, IOptions<IdentityOptions> options)
    {
        if (http.User.Identity is { IsAuthenticated: true }
            && http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal)
            && Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            var stamp = http.User.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
            var current = await db.Users.Where(u => u.Id == id).Select(u => new { u.SecurityStamp, u.IsDisabled }).FirstOrDefaultAsync(http.RequestAborted);
            if (current is null || current.IsDisabled || current.SecurityStamp != stamp)
            {
                http.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }
        }
        await next(http);
    }
}
