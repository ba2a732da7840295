using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Projects;
using Wushe.Platform;

namespace Wushe.Features.Competitions;

/// <summary>Reads what <see cref="AwardRules"/> decides by for one award: its call's plan, the tranches released, the project's evaluations.</summary>
static class AwardTranches
{
    public static async Task<(IReadOnlyList<TranchePlan> Plan, IReadOnlyList<AwardRules.Tranche> States, AwardRules.AwardFacts Facts, AwardRules.Evaluations Evaluations)> ReadAsync(
        AppDb db, CompetitionAward award, TimeProvider clock, CancellationToken ct)
    {
        var plan = await db.Set<Competition>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(c => c.Id == award.CompetitionId).Select(c => c.Tranches).SingleAsync(ct);
        var released = await db.Set<AwardMovement>().IgnoreQueryFilters([AppDb.ScopeFilter, AppDb.OrganizationFilter])
            .Where(m => m.AwardId == award.Id && m.Kind == AwardMovementKind.Release && m.Tranche != null).Select(m => m.Tranche!.Value).ToListAsync(ct);
        var evaluations = await db.Set<ProjectEvaluation>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().Where(e => e.ProjectId == award.ProjectId).ToListAsync(ct);
        var mid = evaluations.FirstOrDefault(e => e.Stage == EvaluationStage.MidTerm);
        var final = evaluations.FirstOrDefault(e => e.Stage == EvaluationStage.Final);
        var facts = new AwardRules.AwardFacts(award.AmountFen, award.Status, award.StatusNote, award.SignedOn, award.MidTermDueOn, released);
        var e = new AwardRules.Evaluations(mid?.Passed, mid?.ReviewedAt is { } at ? DateOnly.FromDateTime(at.ToOffset(ChinaTime.Offset).DateTime) : null, final?.Passed);
        return (plan, AwardRules.States(plan, facts, e, ChinaTime.Today(clock)), facts, e);
    }
}
