using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Households;

/// <summary>
/// 包户社工: name the social worker responsible for visiting a household — a station social worker of its township or a
/// staff member of its community (<see cref="Workers.CandidatesAsync"/>); none clears it. Failures: 404 for a household out
/// of scope; 400 naming <c>workerId</c> for anyone else; 409 for a closed household.
/// </summary>
public static class AssignWorker
{
    public sealed record Request([Label("包户社工", "Responsible worker")] Guid? WorkerId);

    public sealed record Assigned(Guid? WorkerId, string WorkerName);

    public static async Task<Result<Assigned>> Handle(AppDb db, Guid householdId, Request r, CancellationToken ct = default)
    {
        var household = await HouseholdLookups.Household(db, householdId, ct);
        if (household is null) return Failure.NotFound();
        if (household.Status == HouseholdStatus.Closed) return Failure.Conflict(Lang.T("该家庭户已注销，不能指定包户社工", "The household is closed: no worker is assigned"));
        var errors = new Errors();
        var worker = await Workers.CheckAsync(db, r.WorkerId, household.AreaCode, errors, ct);
        if (errors.Any) return errors.ToFailure();
        household.AssignWorker(worker?.Id, worker?.Name ?? "");
        await db.SaveChangesAsync(ct);
        return new Assigned(household.WorkerId, household.WorkerName);
    }
}
