using Wushe.Data;
using Wushe.Features.Organizations;
using Wushe.Platform.Access;

namespace Wushe.Features.Volunteers.Activities;

/// <summary>
/// The organizer's rules every activity use case shares: an activity an organization holds is organized in its registered name, and
/// an organization that may not act (suspended, deregistered) keeps its records readable and its activities cancellable — nothing more.
/// </summary>
public static class ActivityOrganizers
{
    /// <summary>
    /// The request as it is saved: for an activity an organization holds (<paramref name="heldBy"/>, else the organization the user acts
    /// for) the organizer is that organization's registered name, whatever was typed; with the reason to refuse it when the user acts for
    /// an organization that may not act now.
    /// </summary>
    public static async Task<(PublishActivity.Request Request, string? Refusal)> AsOrganizerAsync(AppDb db, CurrentUser user, PublishActivity.Request r,
        CancellationToken ct, Guid? heldBy = null)
    {
        if (user.ActingOrganization is { } acting && await OrganizationAccess.ActingRefusalAsync(db, acting, ct) is { } refusal) return (r, refusal);
        if ((heldBy ?? user.ActingOrganization) is not { } organization) return (r, null);
        return (r with { OrganizerName = await OrganizationAccess.NameAsync(db, organization, ct) }, null);
    }

    /// <summary>
    /// Why the actor of <paramref name="db"/> may not act on an activity now: they act for an organization that is suspended or
    /// deregistered (<see cref="OrganizationAccess.ActingRefusalAsync"/>) — places, removals, the check-in code, attendance, answers and
    /// corrections are refused (409); only cancelling the activity stays open to them, so that volunteers are told. Null otherwise.
    /// </summary>
    public static async Task<string?> HaltedAsync(AppDb db, CancellationToken ct) =>
        db.Actor.ActingOrganization is { } organization ? await OrganizationAccess.ActingRefusalAsync(db, organization, ct) : null;
}
