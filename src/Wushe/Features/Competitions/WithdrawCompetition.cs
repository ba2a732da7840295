using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 撤回: a draft, or a published call before its deadline, is withdrawn with a reason (2–500) — it leaves the public pages and takes no
/// application. After the deadline (review under way), on notice or decided: 409. Another area's call 404.
/// </summary>
public static class WithdrawCompetition
{
    public sealed record Request
    {
        [Label("撤回原因", "Reason")] public string? Reason { get; init; }
    }

    public sealed record Withdrawn(Guid Id, CompetitionStatus Status, int Version);

    public static Errors Validate(Request r) => new Errors().Text("reason", r.Reason, "撤回原因", "The reason", 2, 500);

    public static async Task<Result<Withdrawn>> Handle(AppDb db, TimeProvider clock, Guid id, Request r, CancellationToken ct = default)
    {
        if (await db.Set<Competition>().FirstOrDefaultAsync(c => c.Id == id, ct) is not { } call) return Failure.NotFound();
        if (Validate(r) is { Any: true } errors) return errors.ToFailure();
        if (Refusal(call, clock.GetUtcNow()) is { } refusal) return Failure.Conflict(refusal);
        call.Withdraw(r.Reason!.Trim());
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CompetitionRules.Stale;
        }
        return new Withdrawn(call.Id, call.Status, call.Version);
    }

    /// <summary>Why the call cannot be withdrawn now; null when it can (a draft, or published before its deadline).</summary>
    public static string? Refusal(Competition call, DateTimeOffset now) => call.Status switch
    {
        CompetitionStatus.Draft => null,
        CompetitionStatus.Published when now < call.ClosesAt => null,
        CompetitionStatus.Published => Lang.T("申报已截止，评审已开始，不能撤回", "The deadline has passed and the review is under way: the call cannot be withdrawn"),
        _ => Lang.T($"该申报通知{Competition.StatusLabel(call.Status)}，不能撤回", $"This call is {Competition.StatusLabel(call.Status).ToLowerInvariant()}: it cannot be withdrawn"),
    };
}
