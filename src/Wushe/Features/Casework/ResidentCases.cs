using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Casework;

/// <summary>
/// The cases and guardianship assessments of a household's members, for the household's details page
/// (<c>_ResidentCases.cshtml</c>): what the user's scope holds of them, newest first. An unknown or out-of-scope household is 404.
/// </summary>
public static class ResidentCases
{
    public sealed record Model(Guid HouseholdId, IReadOnlyList<CaseRow> Cases, IReadOnlyList<AssessmentRow> Assessments, bool MayOpen, bool MayAssess);

    public sealed record CaseRow(Guid Id, string CaseNo, Guid ResidentId, string ClientName, CaseStatus Status, DateOnly OpenedOn, string WorkerName);

    public sealed record AssessmentRow(Guid Id, Guid ResidentId, string ChildName, DateOnly AssessedOn, GuardianshipLevel Level, DateOnly NextDueOn, bool Overdue);

    public static async Task<Result<Model>> Handle(AppDb db, Platform.Access.CurrentUser user, TimeProvider clock, Guid householdId, CancellationToken ct = default)
    {
        if (!await db.Set<Household>().AnyAsync(h => h.Id == householdId, ct)) return Failure.NotFound();
        var today = ChinaTime.Today(clock);
        var cases = await (from c in db.Cases().Where(c => c.HouseholdId == householdId)
                           join r in db.Set<Resident>() on c.ResidentId equals r.Id
                           orderby c.OpenedOn descending, c.CaseNo descending
                           select new CaseRow(c.Id, c.CaseNo, c.ResidentId, r.Name, c.Status, c.OpenedOn, c.WorkerName)).Take(50).ToListAsync(ct);
        var assessments = await (from a in db.Set<GuardianshipAssessment>().Where(a => a.HouseholdId == householdId)
                                 join r in db.Set<Resident>() on a.ResidentId equals r.Id
                                 orderby a.AssessedOn descending, a.RecordedAt descending
                                 select new { a.Id, a.ResidentId, r.Name, a.AssessedOn, a.Level, a.NextDueOn }).Take(50).ToListAsync(ct);
        // Only a child's latest assessment can be overdue: an earlier one was followed by another.
        var seen = new HashSet<Guid>();
        return new Model(householdId, cases,
            assessments.Select(a => new AssessmentRow(a.Id, a.ResidentId, a.Name, a.AssessedOn, a.Level, a.NextDueOn, seen.Add(a.ResidentId) && a.NextDueOn < today)).ToList(),
            user.Has(CaseworkPermissions.Manage), user.Has(CaseworkPermissions.Assess));
    }
}
