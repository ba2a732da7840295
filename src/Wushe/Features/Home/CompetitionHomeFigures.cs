using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Competitions;
using Wushe.Platform.Access;

namespace Wushe.Features.Home;

/// <summary>
/// 公益创投 figures of the home page, by the part the user plays — each the total of the list it links to, counted with that list's own
/// filter (one rule, one place):
/// <list type="bullet">
/// <item><term>a host (bureau or station staff)</term><description>calls of the scope open for applications
/// (<see cref="ListCompetitions.Filtered"/>, phase 申报中), applications awaiting 初审 in the calls of the scope
/// (<see cref="ListCompetitions.AwaitingScreening"/>) and the calls holding them, awards in progress (<see cref="ListAwards.Filtered"/>, 执行中),
/// and the money of all the scope's awards: awarded, released and clawed back (fen);</description></item>
/// <item><term>organization staff</term><description>the calls open to their organization (<see cref="MyCompetitions"/>), its applications
/// by status (<see cref="MyApplications.Filtered"/>), its awards and their money;</description></item>
/// <item><term>a judge (评审专家)</term><description>their assignments still to score, and all of them (<see cref="ListMyReviews.Filtered"/>).</description></item>
/// </list>
/// Null parts for the others. A handful of counts and one grouped read each, whatever the scope's size.
/// </summary>
public static class CompetitionHomeFigures
{
    /// <param name="AwardedFen">Σ of the scope's awards (all statuses) in fen; <paramref name="ReleasedFen"/> Σ released, <paramref name="ClawedBackFen"/> Σ clawed back.</param>
    public sealed record Host(int Open, int AwaitingScreening, int CallsAwaitingScreening, int ActiveAwards, int Awards, long AwardedFen, long ReleasedFen, long ClawedBackFen);

    /// <param name="Applications">The organization's applications by status (statuses with none left out), in the order of the status.</param>
    public sealed record Applicant(int Open, IReadOnlyList<StatusCount> Applications, int AllApplications, int Awards, long AwardedFen, long ReleasedFen);

    public sealed record StatusCount(ApplicationStatus Status, string StatusName, int Count);

    public sealed record Judge(int ToScore, int Assigned);

    public sealed record Response(Host? Host, Applicant? Applicant, Judge? Judge);

    /// <summary>Whether the user plays a part the figures tell of (so the home page reads them only then).</summary>
    public static bool Applies(CurrentUser user) =>
        user.Has(CompetitionsPermissions.Host) || user.ActingOrganization is not null || user.Has(CompetitionsPermissions.Judge);

    public static async Task<Response> Handle(AppDb db, CurrentUser user, TimeProvider clock, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        Host? host = null;
        Applicant? applicant = null;
        Judge? judge = null;
        if (user.ActingOrganization is not null)
        {
            var open = (await MyCompetitions.Handle(db, user, clock, ct)).Count;
            var byStatus = await MyApplications.Filtered(db, user, null).GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
            var money = await MoneyAsync(db, ct);
            applicant = new Applicant(open, [.. byStatus.OrderBy(s => s.Key).Select(s => new StatusCount(s.Key, CompetitionApplication.StatusLabel(s.Key), s.Count))],
                byStatus.Sum(s => s.Count), money.Awards, money.AwardedFen, money.ReleasedFen);
        }
        else if (user.Has(CompetitionsPermissions.Host))
        {
            var open = await ListCompetitions.Filtered(db, user, new ListCompetitions.Query(Phase: CompetitionPhase.Open), now).CountAsync(ct);
            var calls = ListCompetitions.Filtered(db, user, new ListCompetitions.Query(), now).Select(c => c.Id);
            var awaiting = await ListCompetitions.AwaitingScreening(db).Where(a => calls.Contains(a.CompetitionId))
                .GroupBy(a => a.CompetitionId).Select(g => g.Count()).ToListAsync(ct);
            var active = await ListAwards.Filtered(db, new ListAwards.Query(Status: AwardStatus.Active)).CountAsync(ct);
            var money = await MoneyAsync(db, ct);
            host = new Host(open, awaiting.Sum(), awaiting.Count, active, money.Awards, money.AwardedFen, money.ReleasedFen, money.ClawedBackFen);
        }
        if (user.Has(CompetitionsPermissions.Judge))
            judge = new Judge(await ListMyReviews.Filtered(db, user, ReviewState.Pending).CountAsync(ct), await ListMyReviews.Filtered(db, user, null).CountAsync(ct));
        return new Response(host, applicant, judge);
    }

    sealed record Money(int Awards, long AwardedFen, long ReleasedFen, long ClawedBackFen);

    /// <summary>The awards list's rows (all statuses) counted and summed in one read.</summary>
    static async Task<Money> MoneyAsync(AppDb db, CancellationToken ct)
    {
        var sums = await ListAwards.Filtered(db, new ListAwards.Query()).GroupBy(_ => 1)
            .Select(g => new { Count = g.Count(), Amount = g.Sum(a => a.AmountFen), Released = g.Sum(a => a.ReleasedFen), Clawed = g.Sum(a => a.ClawedBackFen) }).FirstOrDefaultAsync(ct);
        return sums is null ? new Money(0, 0, 0, 0) : new Money(sums.Count, sums.Amount, sums.Released, sums.Clawed);
    }
}
