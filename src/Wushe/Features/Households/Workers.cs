using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Organizations;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Households;

/// <summary>
/// The people who serve households: station social workers of the household's township and community staff of its
/// community (their role's area covers the household's), named as their accounts' display names.
/// </summary>
public static class Workers
{
    public sealed record Worker(Guid Id, string Name);

    /// <summary>Accounts that may be a household's responsible worker or a visitor: a station worker or community staff whose role's area covers <paramref name="areaCode"/>.</summary>
    public static async Task<List<Worker>> CandidatesAsync(AppDb db, string areaCode, CancellationToken ct = default)
    {
        var township = areaCode[..9] + "000";
        var ids = db.RoleAssignments.IgnoreQueryFilters()
            .Where(a => (a.Role == Role.StationWorker && (a.AreaCode == township || a.AreaCode == areaCode)) || (a.Role == Role.CommunityStaff && a.AreaCode == areaCode))
            .Select(a => a.UserId);
        return await db.Users.IgnoreQueryFilters().Where(u => !u.IsDisabled && ids.Contains(u.Id))
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Id).Take(200).Select(u => new Worker(u.Id, u.DisplayName)).ToListAsync(ct);
    }

    /// <summary>
    /// Who may go on a visit to a household of <paramref name="areaCode"/> (a 12-digit community or village code) as a social
    /// worker: the <see cref="CandidatesAsync"/> (station workers of the township, staff of the community), then the staff of
    /// organizations that serve the area — organizations' social workers make joint visits (社工+志愿者) and carry out
    /// projects. An organization serves the area when one of its service areas (<see cref="OrganizationServiceArea"/>) is
    /// the household's area or an ancestor of it (its township, county, city, province), or when it is registered at such an
    /// area (its registering authority's area covers the household); and it must be active: an organization suspended or
    /// deregistered sends no one. Its staff are the organization staff roles linked to it (<c>RoleAssignment.OrganizationId</c>);
    /// a role linked to no organization serves nowhere. An organization of another county that serves none of the
    /// household's areas, or of a sibling township, is not a candidate. Disabled accounts are not; at most 200 of each kind, by name.
    /// </summary>
    public static async Task<List<Worker>> VisitorCandidatesAsync(AppDb db, string areaCode, CancellationToken ct = default)
    {
        // Not the reader's scope: an organization registered in the city serves the village though the worker cannot open it
        // (the one rule of "serves": ServingOrganizations).
        var serving = ServingOrganizations.Query(db, areaCode).Select(o => (Guid?)o.Id);
        var ids = db.RoleAssignments.IgnoreQueryFilters().Where(a => a.Role == Role.OrganizationStaff && serving.Contains(a.OrganizationId)).Select(a => a.UserId);
        var organizations = await db.Users.IgnoreQueryFilters().Where(u => !u.IsDisabled && ids.Contains(u.Id))
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Id).Take(200).Select(u => new Worker(u.Id, u.DisplayName)).ToListAsync(ct);
        var workers = await CandidatesAsync(db, areaCode, ct);
        return [.. workers, .. organizations.Where(o => workers.All(w => w.Id != o.Id))];
    }

    /// <summary>The chosen worker when one of the candidates; null when none was chosen; an error on <c>workerId</c> otherwise.</summary>
    public static async Task<Worker?> CheckAsync(AppDb db, Guid? workerId, string? areaCode, Errors errors, CancellationToken ct)
    {
        if (workerId is not { } id || areaCode is null) return null;
        var worker = (await CandidatesAsync(db, areaCode, ct)).FirstOrDefault(w => w.Id == id);
        if (worker is null) errors.Add("workerId", Lang.T("请选择本镇（街道）社工站社工或本社区工作人员", "Choose a station social worker of the township or a staff member of the community"));
        return worker;
    }

    /// <summary>
    /// The rules of a list's worker filter (My visits, the household list), page and API alike: <c>worker</c> and
    /// <c>unassigned=true</c> contradict each other (400 on <c>unassigned</c>); a worker the reader's area does not know — no
    /// station or community role in the scope, responsible for no household in it — is named on <c>worker</c> instead of an
    /// empty list that reads as "nothing due" (review7d 5). Nothing is told of a worker of another area. Empty when fine.
    /// </summary>
    public static async Task<Dictionary<string, string[]>> FilterProblemsAsync(AppDb db, Guid? worker, bool? unassigned, CancellationToken ct = default)
    {
        var problems = new Dictionary<string, string[]>();
        if (worker is not { } id) return problems;
        if (unassigned == true)
            problems["unassigned"] = [Lang.T("不能同时按包户社工和“未分配包户社工”筛选", "Filter by a worker or by \"unassigned\", not both")];
        var scope = db.Actor.Scope;
        if (scope.All) return problems;
        var areas = await db.RoleAssignments.IgnoreQueryFilters().Where(a => a.UserId == id && (a.Role == Role.StationWorker || a.Role == Role.CommunityStaff))
            .Select(a => a.AreaCode).ToListAsync(ct);
        if (!areas.Any(scope.Covers) && !await db.Set<Household>().AnyAsync(h => h.WorkerId == id, ct))
            problems["worker"] = [Lang.T("所选包户社工不在您的管辖范围内", "The chosen worker does not work in your area")];
        return problems;
    }

    /// <summary>The acting user's display name, for "recorded by" fields.</summary>
    public static async Task<string> NameAsync(AppDb db, CurrentUser user, CancellationToken ct) =>
        user.Id is { } id ? await db.Users.IgnoreQueryFilters().Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) ?? user.UserName ?? "" : "";
}
