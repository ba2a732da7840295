namespace Wushe.Platform.Access;

/// <summary>
/// A record that belongs to a place. Every such entity gets the central scope filter
/// (AppDb) and the write guard: a user sees and changes only records under its scope.
/// </summary>
public interface IAreaScoped
{
    string AreaCode { get; }
}
