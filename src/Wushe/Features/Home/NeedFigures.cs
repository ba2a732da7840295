using Wushe.Data;
using Wushe.Features.Needs;

namespace Wushe.Features.Home;

/// <summary>
/// The needs figures of the home page for the user's scope (community staff, stations, bureaus). Each is the total of the
/// list it links to (<see cref="ListNeeds"/>: <c>status=Submitted</c>, <c>overdue=true</c>, <c>status=Resolved</c> — waiting
/// for the follow-up —, and all); read by <see cref="ListNeeds.CountAsync"/>, the list's own tabs.
/// </summary>
public static class NeedFigures
{
    public sealed record Response(int Submitted, int Overdue, int AwaitingFollowUp, int All);

    public static async Task<Response> Handle(AppDb db, TimeProvider clock, CancellationToken ct = default)
    {
        var counts = await ListNeeds.CountAsync(db, null, clock, new ListNeeds.Query(), ct);
        return new Response(counts.Of(NeedStatus.Submitted), counts.Overdue, counts.Of(NeedStatus.Resolved), counts.All);
    }
}
