using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Competitions;

/// <summary>
/// 查看异议人电话 (the host, from the notice page): an objector's mobile number in full, to call them back with the answer — the rule of
/// every reveal (<see cref="Reveals"/>): the permission <see cref="CompetitionsPermissions.Host"/> (403), a reason of 2–200 characters
/// (400 naming <c>reason</c>), an audit record (公示异议, its reference number) with the reason; refusals audited too. An objection not of
/// this call, or a call out of the host's scope, is 404. Returns <c>{phone}</c>: 11 digits.
/// </summary>
public static class RevealObjectionContact
{
    public sealed record Request([property: Label("查看原因", "Reason")] string? Reason);

    public sealed record Revealed(string Phone);

    public static async Task<Result<Revealed>> Handle(AppDb db, CurrentUser actor, Sealer sealer, TimeProvider clock, Guid callId, Guid objectionId, Request r,
        CancellationToken ct = default)
    {
        // The objection carries the call's area: the scope filter finds it only for a host whose scope covers the call.
        var objection = await db.Set<CompetitionObjection>().AsNoTracking().FirstOrDefaultAsync(o => o.Id == objectionId && o.CompetitionId == callId, ct);
        var opened = await Reveals.OpenAsync(db, actor, sealer, clock, CompetitionsPermissions.Host, nameof(CompetitionObjection), objectionId,
            objection is null ? null : new Reveals.Holder(nameof(CompetitionObjection), objection.Id, objection.AreaCode, LodgeObjection.Reference(objection.Id)),
            nameof(CompetitionObjection.ContactPhone), "", objection?.ContactPhone,
            Lang.T("该异议未留联系电话", "The objection has no phone"), r.Reason, ct);
        return opened.IsOk ? new Revealed(opened.Value!) : opened.Failure!;
    }
}
