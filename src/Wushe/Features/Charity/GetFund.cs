using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Charity;

/// <summary>A fund of the scope: its details and money (fen), its committee (serving first) and whether the committee may decide now.</summary>
public static class GetFund
{
    public sealed record Member(Guid Id, string Name, string Affiliation, CommitteeRole Role, bool HasAccount, DateOnly TermFrom, DateOnly TermTo, DateOnly? EndedOn, bool Serving);

    /// <param name="CommitteeProblem">Why the committee cannot decide now (<see cref="CharityRules.CommitteeProblem"/>), or null.</param>
    public sealed record Response(Guid Id, string FundNo, string Name, string AreaCode, string AreaName, Guid HostOrganizationId, string HostName, string Purpose,
        DateOnly EstablishedOn, FundStatus Status, string StatusReason, long BalanceFen, long ReservedFen, long AvailableFen, long IncomeFen, long SpentFen,
        long Entries, int Donations, IReadOnlyList<Member> Committee, string? CommitteeProblem, int Version);

    public static async Task<Result<Response>> Handle(AppDb db, TimeProvider clock, IOptions<CharityOptions> options, Guid id, CancellationToken ct = default)
    {
        if (await db.Set<CommunityFund>().AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, ct) is not { } f) return Failure.NotFound();
        var today = ChinaTime.Today(clock);
        var members = await db.Set<FundCommitteeMember>().AsNoTracking().Where(m => m.FundId == id).OrderBy(m => m.Role).ThenBy(m => m.TermFrom).ThenBy(m => m.Id).ToListAsync(ct);
        var areaName = await db.Areas.IgnoreQueryFilters().Where(a => a.Code == f.AreaCode).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? f.AreaCode;
        var donations = await db.Set<Donation>().CountAsync(d => d.FundId == id && d.ReversedAt == null, ct);
        return new Response(f.Id, f.FundNo, f.Name, f.AreaCode, areaName, f.HostOrganizationId, f.HostName, f.Purpose, f.EstablishedOn, f.Status, f.StatusReason,
            f.BalanceFen, f.ReservedFen, f.AvailableFen, f.IncomeFen, f.SpentFen, f.Entries, donations,
            members.OrderByDescending(m => m.ServesOn(today)).Select(m => new Member(m.Id, m.Name, m.Affiliation, m.Role, m.UserId != null, m.TermFrom, m.TermTo, m.EndedOn, m.ServesOn(today))).ToList(),
            CharityRules.CommitteeProblem(members, today, options.Value), f.Version);
    }
}
