using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 声明回避: a judge declares a conflict of interest with an application assigned to them, with a short reason (2–200). From then on
/// they never score it and never read it or its scores; scores they had given are cleared. Not reversible by the judge (a second
/// declaration is 409); only while the review runs (published, before the notice). Another judge's assignment is 404.
/// </summary>
public static class DeclareConflict
{
    public sealed record Request
    {
        [Label("回避理由", "Reason")] public string? Reason { get; init; }
    }

    public sealed record Response(DateTimeOffset RecusedAt);

    public static Errors Validate(Request r) => new Errors().Text("reason", r.Reason, "回避理由", "Reason", 2, 200);

    public static async Task<Result<Response>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid scoreId, Request r, CancellationToken ct = default)
    {
        if (await ReviewRules.Mine(db, user).FirstOrDefaultAsync(s => s.Id == scoreId, ct) is not { } score) return Failure.NotFound();
        if (score.Recused) return Failure.Conflict(Lang.T("您已声明回避，不能重复声明或撤回", "You have declared a conflict already; it cannot be withdrawn"));
        var call = await db.Set<Competition>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().FirstAsync(c => c.Id == score.CompetitionId, ct);
        if (ApplicationRules.ClosedRefusal(call) is { } withdrawn) return Failure.Conflict(withdrawn);
        if (call.Status != CompetitionStatus.Published)
            return Failure.Conflict(Lang.T("评审已结束，不能再声明回避", "The review is over: a conflict can no longer be declared"));
        var errors = Validate(r);
        if (errors.Any) return errors.ToFailure();
        var area = await db.Set<CompetitionApplication>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(a => a.Id == score.ApplicationId).Select(a => a.AreaCode).FirstAsync(ct);
        var at = clock.GetUtcNow();
        score.Recuse(r.Reason!.Trim(), at);
        // A judge's role holds no area: the write acts in the application's area, for this record only.
        db.ActingAs(user.ActingOn(area));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ReviewRules.Stale;
        }
        return new Response(at);
    }
}
