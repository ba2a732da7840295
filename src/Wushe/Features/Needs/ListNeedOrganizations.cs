using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Organizations;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Needs;

/// <summary>
/// 可对接的社会组织: the organizations a need may be referred to — those serving the need's area, by the one rule of "serves"
/// (<see cref="ServingOrganizations"/>). The details page offers them, <see cref="MatchNeed"/> accepts only one of them, and
/// GET /needs/{id}/organizations lists them; all three read this file.
/// </summary>
public static class ListNeedOrganizations
{
    /// <summary>Those a need of the scope can be referred to; not found out of scope.</summary>
    public static async Task<Result<List<ServingOrganizations.Serving>>> Handle(AppDb db, Guid needId, CancellationToken ct = default)
    {
        var area = await db.Set<Need>().Where(n => n.Id == needId).Select(n => n.AreaCode).FirstOrDefaultAsync(ct);
        if (area is null) return Failure.NotFound();
        return await Of(db, area, ct);
    }

    /// <summary>Those a need in <paramref name="areaCode"/> can be referred to, by name (at most 200).</summary>
    public static Task<List<ServingOrganizations.Serving>> Of(AppDb db, string areaCode, CancellationToken ct = default) =>
        ServingOrganizations.Of(db, areaCode, ct);

    /// <summary>The one with this id that a need in <paramref name="areaCode"/> can be referred to, or null.</summary>
    public static Task<ServingOrganizations.Serving?> Find(AppDb db, string areaCode, Guid organizationId, CancellationToken ct = default) =>
        ServingOrganizations.Find(db, areaCode, organizationId, ct);
}
