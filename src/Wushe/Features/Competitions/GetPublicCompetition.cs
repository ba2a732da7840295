using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Organizations;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 申报通知 (no sign-in): a published (on notice, decided) call as a notice — host, focus areas, eligibility, money, co-funding, rubric,
/// judges' number and aggregation, timetable, documents, tranche plan, phase, the rules in words; the community fund paying a micro-venture
/// call by its name (a fund's page is public). No creator, no judge, no person.
/// A draft, a withdrawn call or none: 404 "该公益创投不存在或尚未发布".
/// </summary>
public static class GetPublicCompetition
{
    public sealed record Notice(Guid Id, string CallNo, string Title, string HostName, string Description, string AreaPath, IReadOnlyList<string> FocusNames,
        IReadOnlyList<string> EligibleKindNames, long PoolFen, long CapFen, Guid? FundId, string? FundName, CoFundingRule CoFunding, IReadOnlyList<GetCompetition.Criterion> Rubric, int JudgeCount,
        ScoreAggregation Aggregation, TieBreak TieBreak, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, int NoticeDays, DateTimeOffset? NoticeFrom,
        DateTimeOffset? NoticeUntil, IReadOnlyList<string> RequiredDocuments, IReadOnlyList<GetCompetition.Tranche> Tranches, int MidTermMonths,
        CompetitionStatus Status, string Phase, bool Accepting, DateTimeOffset? PublishedAt, IReadOnlyList<CompetitionRules.RuleLine> Rules);

    public static async Task<Result<Notice>> Handle(AppDb db, TimeProvider clock, Guid id, CancellationToken ct = default)
    {
        var c = await db.Set<Competition>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (c is null || !CompetitionRules.Public.Contains(c.Status)) return CompetitionRules.NotPublic();
        var now = clock.GetUtcNow();
        var path = await AreaNames.PathAsync(db, c.AreaCode, ct);
        var fund = await CallFund.NamedAsync(db, c.FundId, ct);
        return new Notice(c.Id, c.CallNo, c.Title, c.HostName, c.Description, string.Join(" / ", path), [.. c.Focuses.Select(Organization.FocusLabel)],
            [.. c.EligibleKinds.Select(Organization.KindLabel)], c.PoolFen, c.CapFen, fund?.Id, fund?.Name, c.CoFunding, [.. c.Rubric.Select(r => new GetCompetition.Criterion(r.Name, r.Weight, r.MaxScore))],
            c.JudgeCount, c.Aggregation, c.TieBreak, c.OpensAt, c.ClosesAt, c.NoticeDays, c.NoticeFrom, c.NoticeUntil, c.RequiredDocuments,
            [.. c.Tranches.Select(t => new GetCompetition.Tranche(t.Percent, t.Gate, Competition.GateLabel(t.Gate)))], c.MidTermMonths, c.Status, c.PhaseLabel(now),
            c.Accepting(now), c.PublishedAt, CompetitionRules.RulesText(c, fund));
    }
}
