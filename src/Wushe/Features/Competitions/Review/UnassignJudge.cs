using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 取消分配: the host takes a judge off an application while the review runs and the judge has neither scored it nor declared a
/// conflict (a recusal stays on record, so the judge is never assigned to it again). Audited as the assignment's deletion.
/// </summary>
public static class UnassignJudge
{
    /// <summary>The application's judges (not recused) left after the removal, and the call's 评审专家人数.</summary>
    public sealed record Response(int Judges, int Required);

    public static async Task<Result<Response>> Handle(AppDb db, TimeProvider clock, Guid callId, Guid scoreId, CancellationToken ct = default)
    {
        if (await db.Set<Competition>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, ct) is not { } call) return Failure.NotFound();
        if (await db.Set<CompetitionScore>().FirstOrDefaultAsync(s => s.Id == scoreId && s.CompetitionId == callId, ct) is not { } score) return Failure.NotFound();
        if (ReviewRules.NotUnderReview(call, clock.GetUtcNow()) is { } closed) return closed;
        if (score.Recused) return Failure.Conflict(Lang.T("该专家已声明回避，回避记录须保留，不能取消分配", "The judge declared a conflict: the recusal stays on record"));
        if (score.ScoredAt is not null) return Failure.Conflict(Lang.T("该专家已评分，不能取消分配", "The judge has scored it: the assignment stays"));
        db.Remove(score);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ReviewRules.Stale;
        }
        var left = await db.Set<CompetitionScore>().CountAsync(s => s.ApplicationId == score.ApplicationId && !s.Recused, ct);
        return new Response(left, call.JudgeCount);
    }
}
