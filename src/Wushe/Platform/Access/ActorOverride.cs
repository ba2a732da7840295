namespace Wushe.Platform.Access;

/// <summary>Lets background work act as the user who started it (so its audit records name them).</summary>
public sealed class ActorOverride
{
    public CurrentUser? Actor { get; set; }
}

/// <summary>
/// Reads the request's user when asked, not when constructed: AppDb is first created while
/// authentication itself runs (security-stamp validation), before the request's user is known.
/// </summary>
public sealed class UserContext(IHttpContextAccessor http, ActorOverride actorOverride)
{
    CurrentUser? signedIn;

    /// <summary>For design-time tools and benchmarks: acts as the system.</summary>
    public static UserContext ForSystem() => new(new HttpContextAccessor(), new ActorOverride { Actor = CurrentUser.System });

    /// <summary>Marks the request as having its security event recorded, so that <c>SecurityEvents</c> adds no generic one.</summary>
    public void NoteSecurityEvent()
    {
        if (http.HttpContext is { } context) context.Items[Audit.SecurityEvents.RecordedKey] = true;
    }

    public CurrentUser Current
    {
        get
        {
            if (actorOverride.Actor is { } actor) return actor;
            if (signedIn is not null) return signedIn;
            if (http.HttpContext is not { } context) return CurrentUser.System;
            var user = CurrentUser.From(context);
            if (user.IsAuthenticated) signedIn = user;
            return user;
        }
    }
}
