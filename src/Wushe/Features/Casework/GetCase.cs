using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Casework;

/// <summary>
/// 个案详情: a case in scope with its client, its timeline (steps with their decisions, notes with attachments, services,
/// referrals), and what the user may do next. Out of scope (also a case referred away) is 404.
/// The client's core record (<see cref="ClientRecord"/>: name, sex, age, address, phone masked, guardian) is read through the
/// case, by its ids, whatever the user's scope: a case referred in (with the person's or guardian's consent, recorded on the
/// referral) is served by the receiving station, which needs to find and call the person, but does not get the household
/// list, visits or other members of the township the person lives in (those stay under their area's scope: 404).
/// <see cref="ClientRecord.HouseholdInScope"/> says whether the user may open the household page as well.
/// The staff of a social organization that accepted a referral of the case read it too (<see cref="ReferredCases"/>,
/// <see cref="Details.ViaOrganization"/>): its steps, notes, services and referrals, and the client as a referred need shows its
/// requester — the name masked (张*丰), sex, age and community; no address, no phone, no guardian's phone (the reveal stays
/// with the station). Any other case is 404 to them.
/// </summary>
public static class GetCase
{
    public sealed record Details(Guid Id, string CaseNo, string AreaCode, string AreaName, Guid? StationId, string? StationName,
        Guid ResidentId, Guid HouseholdId, string ClientName, Sex ClientSex, int ClientAge, string Problem, Guid? WorkerId, string WorkerName,
        DateOnly OpenedOn, int DaysOpen, CaseStatus Status, DateOnly? ClosedOn, string ClosureReason, string NextAction,
        IReadOnlyList<Step> Steps, IReadOnlyList<Note> Notes, IReadOnlyList<Service> Services, IReadOnlyList<Referral> Referrals,
        IReadOnlyList<CaseStepKind> MaySubmit, bool AwaitingDecision, bool MayDecide, ClientRecord Client, bool MayRefer, bool ViaOrganization);

    /// <summary>
    /// The client's core record as the case shows it: <paramref name="Phone"/> and <paramref name="GuardianPhone"/> masked (null
    /// when none, and the child's own phone null for a child under 14 without the guardian's consent in force); in full only
    /// through <see cref="RevealCaseClient"/> (a reason, audited). <paramref name="AreaName"/>: the community the person lives in.
    /// </summary>
    public sealed record ClientRecord(string Name, Sex Sex, int Age, string Address, string AreaName, string? Phone, string GuardianName,
        string GuardianRelation, string? GuardianPhone, bool HouseholdInScope);

    public sealed record Step(Guid Id, CaseStepKind Kind, string Content, IReadOnlyList<CaseGoal> Goals, StepStatus Status, string SubmittedByName,
        DateTimeOffset SubmittedAt, string? DecidedByName, DateTimeOffset? DecidedAt, string Comment);

    public sealed record Note(Guid Id, string Text, Guid? FileId, string? FileName, string WrittenByName, DateTimeOffset WrittenAt);

    public sealed record Service(Guid Id, ServiceKind Kind, DateOnly ServedOn, string Workers, string Summary);

    /// <summary>A referral of the case: to a station (<paramref name="ToStationId"/>) or to an organization (<paramref name="ToOrganizationId"/>), named by <paramref name="ToName"/>.</summary>
    public sealed record Referral(Guid Id, Guid? ToStationId, Guid? ToOrganizationId, string ToName, string ToAreaCode, string Reason, DateOnly ConsentOn,
        ReferralStatus Status, string ReferredByName, DateTimeOffset ReferredAt, DateTimeOffset? DecidedAt, string DecisionNote);

    public static async Task<Result<Details>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid id, CancellationToken ct = default)
    {
        var c = await ReferredCases.FindAsync(db, user, id, tracking: false, ct);
        if (c is null) return Failure.NotFound();
        var via = ReferredCases.ViaOrganization(user);
        // An organization reads the case's steps and notes by the case's id (found above), outside its scope.
        var caseSteps = via ? db.Set<CaseStep>().IgnoreQueryFilters([AppDb.ScopeFilter]) : db.Set<CaseStep>();
        var caseNotes = via ? db.Set<CaseNote>().IgnoreQueryFilters([AppDb.ScopeFilter]) : db.Set<CaseNote>();
        // The case is in scope; its client, services and referrals are read by its ids (a case referred in keeps its client,
        // earlier services and referral in the referring area, outside the receiver's scope).
        var client = await db.Set<Resident>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().FirstAsync(r => r.Id == c.ResidentId, ct);
        var steps = await caseSteps.AsNoTracking().Where(s => s.CaseId == id).OrderBy(s => s.SubmittedAt).ToListAsync(ct);
        var notes = await (from n in caseNotes.Where(n => n.CaseId == id)
                           join f in (via ? db.StoredFiles.IgnoreQueryFilters([AppDb.ScopeFilter]) : db.StoredFiles) on n.FileId equals f.Id into files
                           from f in files.DefaultIfEmpty()
                           orderby n.WrittenAt
                           select new Note(n.Id, n.Text, n.FileId, f == null ? null : f.FileName, n.WrittenByName, n.WrittenAt)).ToListAsync(ct);
        var services = await db.Set<ServiceRecord>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(s => s.Source == ServiceSource.Case && s.SourceId == id).OrderBy(s => s.ServedOn).ThenBy(s => s.Id)
            .Select(s => new Service(s.Id, s.Kind, s.ServedOn, s.Workers, s.Summary)).ToListAsync(ct);
        var referralRows = await db.Set<CaseReferral>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().Where(r => r.CaseId == id)
            .OrderBy(r => r.ReferredAt).ToListAsync(ct);
        var stationIds = referralRows.Select(r => r.ToStationId ?? Guid.Empty).Append(c.StationId ?? Guid.Empty).Distinct().ToList();
        var stations = await db.Set<Stations.Station>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(s => stationIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        // Organizations are public facts (name): read by the ids the referrals name.
        var organizationIds = referralRows.Where(r => r.ToOrganizationId != null).Select(r => r.ToOrganizationId!.Value).Distinct().ToList();
        var organizations = await db.Set<Organizations.Organization>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(o => organizationIds.Contains(o.Id))
            .ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var household = await db.Set<Household>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking()
            .Where(h => h.Id == c.HouseholdId).Select(h => new { h.Address, h.AreaCode }).FirstAsync(ct);
        var householdInScope = !via && await db.Set<Household>().AnyAsync(h => h.Id == c.HouseholdId, ct);
        var areaNames = await AreaNames.LookupAsync(db, [c.AreaCode, household.AreaCode], ct);
        var pending = steps.FirstOrDefault(s => s.Status == StepStatus.Submitted);
        var referred = referralRows.Any(r => r.Status == ReferralStatus.Pending);
        // Only a station referral holds up the steps (the case would move away from the head deciding them).
        var referredToStation = referralRows.Any(r => r.Status == ReferralStatus.Pending && r.ToStationId != null);
        var today = ChinaTime.Today(clock);
        var clientAge = ChinaTime.AgeOn(client.BirthDate, today);
        var phoneShown = clientAge >= ResidentFields.ConsentAge
            || Consents.HasGuardianConsent(await db.Set<Consent>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().Where(x => x.ResidentId == client.Id).ToListAsync(ct),
                client.Id, client.GuardianName);
        var record = via
            ? new ClientRecord(Platform.Sensitive.Mask.Name(client.Name), client.Sex, clientAge, "", areaNames.GetValueOrDefault(household.AreaCode, ""), null,
                client.GuardianName.Length > 0 ? Platform.Sensitive.Mask.Name(client.GuardianName) : "", client.GuardianRelation, null, false)
            : new ClientRecord(client.Name, client.Sex, clientAge, household.Address, areaNames.GetValueOrDefault(household.AreaCode, ""),
                phoneShown ? client.Phone?.Masked : null, client.GuardianName, client.GuardianRelation, client.GuardianPhone?.Masked, householdInScope);
        // While a referral waits nothing is submitted (it would wait on the head of the station the case leaves); while a step
        // waits the case is not referred (ReferCase, the same rule).
        var manage = user.Has(CaseworkPermissions.Manage);
        var maySubmit = pending is not null || referredToStation || !manage ? []
            : Enum.GetValues<CaseStepKind>().Where(k => CaseRules.MaySubmit(c.Status, k)).ToList();
        var mayDecide = pending is not null && pending.SubmittedById != user.Id && await CaseRules.IsHeadAsync(db, user, c, ct);
        return new Details(c.Id, c.CaseNo, c.AreaCode, areaNames.GetValueOrDefault(c.AreaCode, ""), c.StationId,
            c.StationId is { } sid ? stations.GetValueOrDefault(sid) : null, c.ResidentId, c.HouseholdId, record.Name, client.Sex,
            ChinaTime.AgeOn(client.BirthDate, today), c.Problem, c.WorkerId, c.WorkerName, c.OpenedOn,
            (c.ClosedOn ?? today).DayNumber - c.OpenedOn.DayNumber, c.Status, c.ClosedOn, c.ClosureReason,
            CaseRules.NextAction(c.Status, pending?.Kind, referred),
            steps.Select(s => new Step(s.Id, s.Kind, s.Content, s.Goals, s.Status, s.SubmittedByName, s.SubmittedAt, s.DecidedByName, s.DecidedAt, s.Comment)).ToList(),
            notes, services,
            referralRows.Select(r => new Referral(r.Id, r.ToStationId, r.ToOrganizationId,
                r.ToStationId is { } to ? stations.GetValueOrDefault(to, "") : organizations.GetValueOrDefault(r.ToOrganizationId ?? Guid.Empty, ""), r.ToAreaCode, r.Reason, r.ConsentOn, r.Status,
                r.ReferredByName, r.ReferredAt, r.DecidedAt, r.DecisionNote)).ToList(),
            maySubmit, pending is not null, mayDecide, record, manage && pending is null && !referred && c.Status != CaseStatus.Closed, via);
    }
}
