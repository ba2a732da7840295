using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Organizations;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 撤回申报: the organization's staff withdraw their application before the deadline (a returned one within its 补正期限) — a draft, a
/// submitted or a screened-eligible one; the organization may then apply again. After the deadline, once screened out or decided: 409.
/// </summary>
public static class WithdrawApplication
{
    public sealed record Request
    {
        [Label("版本", "Version")] public int? Version { get; init; }
    }

    public sealed record Withdrawn(Guid Id, ApplicationStatus Status, int Version);

    public static async Task<Result<Withdrawn>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid id, Request r, CancellationToken ct = default)
    {
        if (OrganizationAccess.Own(user) is null) return Failure.NotFound();
        if (await ApplicationRules.FindAsync(db, user, id, ct) is not { } application) return Failure.NotFound();
        var call = (await ApplicationRules.CallAsync(db, user, application.CompetitionId, ct))!;
        if (ApplicationRules.WithdrawRefusal(call, application, clock.GetUtcNow()) is { } refusal) return Failure.Conflict(refusal);
        if (r.Version is { } v && v != application.Version) return ApplicationRules.Stale;
        application.MoveTo(ApplicationStatus.Withdrawn);
        ApplicationRules.ActInCall(db, user, call);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ApplicationRules.Stale;
        }
        return new Withdrawn(application.Id, application.Status, application.Version);
    }
}
