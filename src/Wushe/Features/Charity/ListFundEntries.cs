using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity;

/// <summary>基金台账: a fund's entries, newest first on their unique number (walking every page gives each once; the amounts sum to the balance).</summary>
public static class ListFundEntries
{
    public sealed record Query([Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null) : IPagedQuery;

    /// <param name="AmountFen">The change of the balance (negative: money out); <paramref name="ReservedFen"/> of the reserved amount; fen.</param>
    public sealed record Row(Guid Id, long Sequence, FundEntryKind Kind, long AmountFen, long ReservedFen, long BalanceAfterFen, DateTimeOffset At, string Note,
        string RecordedByName, Guid? DonationId, string? DecisionNo, DateOnly? DecidedOn);

    public static async Task<Result<PageOf<Row>>> Handle(AppDb db, Guid fundId, Query q, CancellationToken ct = default)
    {
        if (!await db.Set<CommunityFund>().AnyAsync(f => f.Id == fundId, ct)) return Failure.NotFound();
        return await db.Set<FundEntry>().Where(e => e.FundId == fundId).OrderByDescending(e => e.Sequence)
            .Select(e => new Row(e.Id, e.Sequence, e.Kind, e.AmountFen, e.ReservedFen, e.BalanceAfterFen, e.At, e.Note, e.RecordedByName, e.DonationId, e.DecisionNo, e.DecidedOn))
            .ToPageAsync(q.Page, q.Size, ct);
    }
}
