using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Wushe.Data;
using Wushe.Platform.Web;

namespace Wushe.Features.Accounts;

/// <summary>
/// One check for page sessions (cookie) and API tokens (bearer) alike, on every signed-in request:
/// the account still exists, is not disabled, and its security stamp is the one the sign-in
/// carries (a password reset or a role change renews it). Otherwise the request stops at once:
/// 401 for a token, and for a page the cookie is removed and the browser sent to the sign-in page
/// (登录状态已过期). Identity's own cookie re-validation (once a minute) is switched off: this
/// replaces it, with at most one primary-key lookup per request (<see cref="AccountStamps"/>).
/// </summary>
public sealed class SessionCheck(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext http, AccountStamps stamps, IOptions<IdentityOptions> options)
    {
        if (http.User.Identity is { IsAuthenticated: true } && Guid.TryParse(http.User.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
        {
            var stamp = http.User.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
            var account = await stamps.GetAsync(id, http.RequestServices, http.RequestAborted);
            if (account is not { Disabled: false } || account.Stamp != stamp)
            {
                await EndAsync(http);
                return;
            }
        }
        await next(http);
    }

    static async Task EndAsync(HttpContext http)
    {
        var bearer = http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal);
        if (bearer || Api.IsApi(http.Request))
        {
            http.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }
        await http.SignOutAsync(IdentityConstants.ApplicationScheme);
        var back = http.Request.Path + http.Request.QueryString;
        http.Response.Redirect("/Account/Login?expired=true&returnUrl=" + Uri.EscapeDataString(HttpMethods.IsGet(http.Request.Method) ? back : "/"));
    }
}

/// <summary>
/// The security stamp and disabled flag of accounts, read by primary key and kept in memory for a
/// short while (<c>Wushe:Sessions:RecheckSeconds</c>, default 5; 0 reads every request).
/// A change this instance saves to an account drops its entry at once (<see cref="AccountChanges"/>),
/// so here a disabled account's next request fails; another instance notices within the recheck
/// interval, which bounds how long a session can outlive its account anywhere (ADR 0004).
/// </summary>
public sealed class AccountStamps(IMemoryCache cache, IConfiguration config)
{
    public sealed record Account(string? Stamp, bool Disabled);

    readonly TimeSpan ttl = TimeSpan.FromSeconds(Math.Max(0, config.GetValue("Wushe:Sessions:RecheckSeconds", 5.0)));

    public TimeSpan RecheckInterval => ttl;

    /// <summary>The account as stored (null when it no longer exists), from memory when read within the recheck interval.</summary>
    public async Task<Account?> GetAsync(Guid id, IServiceProvider services, CancellationToken ct)
    {
        var key = Key(id);
        if (ttl > TimeSpan.Zero && cache.TryGetValue(key, out Account? cached)) return cached;
        var db = services.GetRequiredService<AppDb>();
        var account = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new Account(u.SecurityStamp, u.IsDisabled)).FirstOrDefaultAsync(ct);
        if (ttl > TimeSpan.Zero) cache.Set(key, account, ttl);
        return account;
    }

    public void Forget(Guid id) => cache.Remove(Key(id));

    static string Key(Guid id) => "wushe:account:" + id.ToString("N");
}

/// <summary>Drops the cached stamp of every account a save touches, before and after the save (<see cref="AccountStamps"/>).</summary>
public sealed class AccountChanges(AccountStamps stamps) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Forget(eventData.Context, changedOnly: true);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context, changedOnly: true);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Forget(eventData.Context, changedOnly: false);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context, changedOnly: false);
        return ValueTask.FromResult(result);
    }

    // After the save the entries are Unchanged again: forget every account the context tracks (a reload is cheap).
    // Before it, forget the changed ones, so no request reads a value about to go stale from memory.
    void Forget(DbContext? context, bool changedOnly)
    {
        if (context is null) return;
        foreach (var entry in context.ChangeTracker.Entries<User>())
            if (!changedOnly || entry.State is EntityState.Modified or EntityState.Deleted) stamps.Forget(entry.Entity.Id);
    }
}
