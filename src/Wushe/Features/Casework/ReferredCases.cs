using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Features.Organizations;
using Wushe.Features.Stations;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Casework;

/// <summary>
/// 转介给本机构的个案: the cases a station referred to the user's social organization (<see cref="CaseReferral.ToOrganizationId"/>),
/// for its staff (organization staff acting for it, <see cref="OrganizationAccess.Own"/>) — the waiting ones to accept or decline
/// (<see cref="DecideOrganizationReferral"/>), the accepted ones to work on. The rule of what the organization may do with a
/// case, in one place: once it accepted a referral of the case, and only then, its staff read that case (<see cref="GetCase"/>:
/// the client's name masked, no ID number, no phone, no address — the referring station introduces the person and keeps the
/// reveal) and add notes (<see cref="AddCaseNote"/>) and services (<see cref="RecordCaseService"/>) to it. Nothing else: no
/// steps, no decisions, no referral, no closing, no other case (404). The case stays with its station and in its area, outside
/// an organization's scope: it is read by the explicit predicate "accepted by this organization" instead of the scope, and
/// the organization's writes to it are saved acting at the case's area (<see cref="SaveAsync"/>), for those rows only.
/// </summary>
public static class ReferredCases
{
    /// <summary>A referral to the organization, newest first, with what its staff need to decide and find the case: the client masked.</summary>
    public sealed record Row(Guid ReferralId, Guid CaseId, string CaseNo, ReferralStatus Status, string ClientName, int? ClientAge, Sex? ClientSex,
        string Problem, CaseStatus? Stage, string AreaName, string FromStationName, string ReferredByName, DateTimeOffset ReferredAt, DateOnly ConsentOn,
        string Reason, DateTimeOffset? DecidedAt, string DecisionNote);

    /// <summary>The ids of the cases organization <paramref name="organizationId"/> accepted a referral of (read outside the scope).</summary>
    public static IQueryable<Guid> AcceptedBy(AppDb db, Guid organizationId) =>
        db.Set<CaseReferral>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(r => r.ToOrganizationId == organizationId && r.Status == ReferralStatus.Accepted).Select(r => r.CaseId);

    /// <summary>Whether the user reads a case as the staff of an organization it was referred to (not through the scope).</summary>
    public static bool ViaOrganization(CurrentUser user) => OrganizationAccess.Own(user) is not null;

    /// <summary>
    /// The case <paramref name="id"/> as the user may work on it: in the scope for station and area roles; for organization staff,
    /// a case their organization accepted a referral of; null otherwise (404).
    /// </summary>
    public static Task<Case?> FindAsync(AppDb db, CurrentUser user, Guid id, bool tracking, CancellationToken ct)
    {
        var accepted = OrganizationAccess.Own(user) is { } organization ? AcceptedBy(db, organization) : null;
        IQueryable<Case> cases = accepted is not null
            ? db.Cases().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(c => accepted.Contains(c.Id))
            : user.Active?.Role == Role.OrganizationStaff ? db.Cases().Where(c => false) : db.Cases();
        if (!tracking) cases = cases.AsNoTracking();
        return cases.FirstOrDefaultAsync(c => c.Id == id, ct);
    }

    /// <summary>
    /// Saves a write to case <paramref name="c"/> (<see cref="CaseRules.SaveAsync"/>). Organization staff write rows in the case's
    /// area, outside their scope: the save acts as them with the case's area as scope, for these rows only; the caller found the
    /// case through <see cref="FindAsync"/>, which decided who may.
    /// </summary>
    public static async Task<Failure?> SaveAsync(AppDb db, CurrentUser user, Case c, CancellationToken ct, string? areaCode = null)
    {
        if (OrganizationAccess.Own(user) is not { } organization) return await CaseRules.SaveAsync(db, ct);
        // A suspended or deregistered organization reads its cases and writes nothing on them (notes, services: as deciding a referral).
        if (await OrganizationAccess.ActingRefusalAsync(db, organization, ct) is { } halted)
        {
            db.ChangeTracker.Clear();
            return Failure.Conflict(halted);
        }
        db.ActingAs(new CurrentUser(user.Id, user.UserName, [new Assignment(Role.OrganizationStaff, areaCode ?? c.AreaCode, "", organization)], null) { Origin = user.Origin });
        try
        {
            return await CaseRules.SaveAsync(db, ct);
        }
        finally
        {
            db.ActingAs(user);
        }
    }

    /// <summary>A page of the list (size 10, 20, 50 or 100; default the first 20).</summary>
    public sealed record Query([Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null) : IPagedQuery;

    /// <summary>The referrals to the user's organization (pending first, then the newest), a page at a time; nothing for other users.</summary>
    public static async Task<PageOf<Row>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Query q, CancellationToken ct = default)
    {
        var (page, size) = Paging.Normalize(q.Page, q.Size);
        if (OrganizationAccess.Own(user) is not { } organization) return new PageOf<Row>([], 0, page, size);
        // The referrals lie in the referring station's area: the predicate on the receiving organization replaces the scope.
        var found = await db.Set<CaseReferral>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking()
            .Where(r => r.ToOrganizationId == organization)
            .OrderBy(r => r.Status == ReferralStatus.Pending ? 0 : 1).ThenByDescending(r => r.ReferredAt).ThenBy(r => r.Id).ToPageAsync(page, size, ct);
        var referrals = found.Items;
        // The cases, clients and stations these referrals name, read by id.
        var ids = referrals.Select(r => r.CaseId).Distinct().ToList();
        var cases = await db.Cases().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(c => ids.Contains(c.Id))
            .Select(c => new { c.Id, c.CaseNo, c.ResidentId, c.Problem, c.Status, c.StationId, c.AreaCode }).ToDictionaryAsync(c => c.Id, ct);
        var residentIds = cases.Values.Select(c => c.ResidentId).Distinct().ToList();
        var clients = await db.Set<Resident>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(r => residentIds.Contains(r.Id))
            .Select(r => new { r.Id, r.Name, r.Sex, r.BirthDate }).ToDictionaryAsync(r => r.Id, ct);
        var stationIds = cases.Values.Where(c => c.StationId != null).Select(c => c.StationId!.Value).Distinct().ToList();
        var stations = await db.Stations.IgnoreQueryFilters([AppDb.ScopeFilter]).Where(s => stationIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var areas = await AreaNames.LookupAsync(db, cases.Values.Select(c => c.AreaCode).Distinct(), ct);
        var today = ChinaTime.Today(clock);
        return new PageOf<Row>([.. referrals.Select(r =>
        {
            var c = cases.GetValueOrDefault(r.CaseId);
            var client = c is null ? null : clients.GetValueOrDefault(c.ResidentId);
            return new Row(r.Id, r.CaseId, c?.CaseNo ?? "", r.Status, client is null ? "" : Mask.Name(client.Name),
                client is null ? null : ChinaTime.AgeOn(client.BirthDate, today), client?.Sex, c?.Problem ?? "", c?.Status,
                c is null ? "" : areas.GetValueOrDefault(c.AreaCode, ""), c?.StationId is { } sid ? stations.GetValueOrDefault(sid, "") : "",
                r.ReferredByName, r.ReferredAt, r.ConsentOn, r.Reason, r.DecidedAt, r.DecisionNote);
        })], found.Total, found.Page, found.Size);
    }

    /// <summary>How many referrals wait for the user's organization (its staff's home page); 0 for other users.</summary>
    public static async Task<int> WaitingCountAsync(AppDb db, CurrentUser user, CancellationToken ct = default) =>
        OrganizationAccess.Own(user) is { } organization
            ? await db.Set<CaseReferral>().IgnoreQueryFilters([AppDb.ScopeFilter]).CountAsync(r => r.ToOrganizationId == organization && r.Status == ReferralStatus.Pending, ct)
            : 0;
}
