namespace Wushe.Platform.Access;

/// <summary>
/// A named permission, declared beside the feature that owns it, with the roles that hold it.
/// The permission's name is also its authorization policy name.
/// </summary>
public sealed record Permission(string Name, params Role[] GrantedTo)
{
    public bool IsGrantedTo(Role role) => role == Role.PlatformAdmin || GrantedTo.Contains(role);

    public override string ToString() => Name;
}
