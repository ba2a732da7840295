using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// The opening every action on an award shares (签订协议, 拨付, 停止拨付, 追回, 结项): the actor hosts the award's call
/// (<see cref="AwardHost"/>: 404 out of sight, 403 for a reader), the request's own rules (400, given as <c>errors</c>), the recorder's name,
/// a transaction — or the page's one-submission transaction (FormSubmissions), which the work joins — and the award's row lock
/// (<see cref="CompetitionLedger"/>), with the community fund paying its call (<see cref="FundId"/>, ADR 0018). A use case then does only what is
/// its own and ends with <see cref="CommitAsync"/>; disposing without it (a refusal) leaves nothing saved (<see cref="DisposeAsync"/>).
/// <code>
/// var opened = await AwardAction.OpenAsync(db, user, awardId, errors, ct);
/// if (opened.Value is not { } action) return opened.Failure!;
/// await using var _ = action;
/// </code>
/// </summary>
sealed class AwardAction : IAsyncDisposable
{
    readonly AppDb db;
    readonly IDbContextTransaction? tx;
    bool committed;

    AwardAction(AppDb db, IDbContextTransaction? tx, CompetitionAward award, Guid? fundId, string byName)
    {
        this.db = db;
        this.tx = tx;
        Award = award;
        FundId = fundId;
        ByName = byName;
    }

    /// <summary>The award, read under its row lock (tracked).</summary>
    public CompetitionAward Award { get; }

    /// <summary>The community fund paying the award's call, whose ledger moves with the award's (<see cref="Charity.AwardFunding"/>); null: the host's budget.</summary>
    public Guid? FundId { get; }

    /// <summary>The recorder, as the ledgers name them.</summary>
    public string ByName { get; }

    /// <summary>Opens the action on award <paramref name="awardId"/> for <paramref name="by"/>, or the failure that refuses it before anything is locked.</summary>
    public static async Task<Result<AwardAction>> OpenAsync(AppDb db, CurrentUser by, Guid awardId, Errors errors, CancellationToken ct)
    {
        if (await AwardHost.RefusalAsync(db, awardId, ct) is { } refused) return refused;
        if (errors.Any) return errors.ToFailure();
        var name = await Workers.NameAsync(db, by, ct);
        var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            if (await CompetitionLedger.LockAwardAsync(db, awardId, ct) is not { } award)
            {
                if (tx is not null) await tx.DisposeAsync();
                return Failure.NotFound();
            }
            var fundId = await db.Set<Competition>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(c => c.Id == award.CompetitionId).Select(c => c.FundId).SingleAsync(ct);
            return new AwardAction(db, tx, award, fundId, name);
        }
        catch
        {
            if (tx is not null) await tx.DisposeAsync();
            throw;
        }
    }

    /// <summary>Saves what the action changed and commits its own transaction (a page's is committed by the page).</summary>
    public async Task CommitAsync(CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        committed = true;
    }

    /// <summary>
    /// Ends the action: a refused one forgets what it changed — its own transaction rolls back, and inside a page's transaction (which commits
    /// whatever the page shows) nothing of it is left tracked to be saved.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (!committed) db.ChangeTracker.Clear();
        if (tx is not null) await tx.DisposeAsync();
    }
}
