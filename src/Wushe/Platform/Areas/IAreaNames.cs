namespace Wushe.Platform.Areas;

/// <summary>
/// Names of areas by code, for platform messages that name a place ("评审得分由毕节市负责"). The Areas
/// feature implements it; Platform only asks (it knows no feature).
/// </summary>
public interface IAreaNames
{
    Task<Dictionary<string, string>> LookupAsync(IEnumerable<string> codes, CancellationToken ct = default);
}
