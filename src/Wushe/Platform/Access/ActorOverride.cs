namespace Wushe.Platform.Access;

/// <summary>
/// Names the actor of work that runs outside an HTTP request (a background job, a command-line verb,
/// the demo seeding, a test helper): set it on the scope before resolving anything that reads the actor.
/// There is no default: work outside a request that names nobody fails (<see cref="NoActorException"/>).
/// </summary>
public sealed class ActorOverride
{
    public CurrentUser? Actor { get; set; }
}

/// <summary>Something asked who acts (a scoped query, an audit record) where nobody was named.</summary>
public sealed class NoActorException() : InvalidOperationException(
    "No actor: this code runs outside an HTTP request and names nobody. Name the actor explicitly — " +
    "ActorOverride.Actor on the service scope, or db.ActingAs(...) on the context — e.g. CurrentUser.System " +
    "for an all-seeing maintenance task, or the user who started a job.");

/// <summary>
/// Who acts in this service scope: the named actor (<see cref="ActorOverride"/>), else the request's user.
/// Read when asked, not when constructed: AppDb is first used while authentication itself runs
/// (security-stamp validation), before the request's user is known. Outside a request, with nobody
/// named, it throws rather than see everything.
/// </summary>
public sealed class UserContext(IHttpContextAccessor http, ActorOverride actorOverride)
{
    CurrentUser? signedIn;

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
            if (http.HttpContext is not { } context) throw new NoActorException();
            var user = CurrentUser.From(context);
            if (user.IsAuthenticated) signedIn = user;
            return user;
        }
    }
}
