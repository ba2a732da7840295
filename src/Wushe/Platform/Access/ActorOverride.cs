namespace Wushe.Platform.Access;

/// <summary>Lets background work act as the user who started it (so its audit records name them).</summary>
public sealed class ActorOverride
{
    public CurrentUser? Actor { get; set; }
}
