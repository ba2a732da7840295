using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 移除评审专家: a judge leaves a call's panel — refused (409) once they hold any assignment (a score row, scored, recused or not yet),
/// since those belong to the review; refused once the shortlist is on notice (<see cref="AddCompetitionJudge.PanelRefusal"/>). Audited.
/// </summary>
public static class RemoveCompetitionJudge
{
    public sealed record Removed(Guid Id);

    public static async Task<Result<Removed>> Handle(AppDb db, Guid callId, Guid judgeId, CancellationToken ct = default)
    {
        if (await db.Set<Competition>().FirstOrDefaultAsync(c => c.Id == callId, ct) is not { } call) return Failure.NotFound();
        if (await db.Set<CompetitionJudge>().FirstOrDefaultAsync(j => j.Id == judgeId && j.CompetitionId == callId, ct) is not { } judge) return Failure.NotFound();
        if (AddCompetitionJudge.PanelRefusal(call) is { } refusal) return Failure.Conflict(refusal);
        // Any assignment of theirs, wherever the application lies (the scope must not hide one).
        if (await db.Set<CompetitionScore>().IgnoreQueryFilters([AppDb.ScopeFilter]).AnyAsync(s => s.JudgeId == judgeId, ct))
            return Failure.Conflict(Lang.T($"“{judge.Name}”已分配评审任务，不能移除", $"{judge.Name} has been assigned applications and cannot be removed"));
        db.Remove(judge);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // An assignment made while this removal ran: the foreign key keeps the judge.
            db.ChangeTracker.Clear();
            if (!await db.Set<CompetitionScore>().IgnoreQueryFilters([AppDb.ScopeFilter]).AnyAsync(s => s.JudgeId == judgeId, ct)) throw;
            return Failure.Conflict(Lang.T($"“{judge.Name}”已分配评审任务，不能移除", $"{judge.Name} has been assigned applications and cannot be removed"));
        }
        return new Removed(judgeId);
    }
}
