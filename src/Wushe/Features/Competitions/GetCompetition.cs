using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Organizations;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 公益创投详情 (staff in scope): the call with every rule as data and in words (<see cref="CompetitionRules.RulesText"/>), its timetable,
/// its phase now, its applications counted by status, its judge panel (with how many applications each is assigned), and what can be
/// done now (publish, withdraw, edit, change the panel). Another area's call — and any call for organization staff, who read calls as
/// <see cref="MyCompetitions"/> and the public pages — is 404; staff below the host area (a township station under a district's call)
/// read a published call as the public does (the page sends them there) and the awards in their area without acting (<see cref="GetAward"/>).
/// </summary>
public static class GetCompetition
{
    public sealed record Criterion(string Name, int Weight, int MaxScore);
    public sealed record Tranche(int Percent, TrancheGate Gate, string GateName);
    public sealed record StatusCount(ApplicationStatus Status, string StatusName, int Count);
    public sealed record Judge(Guid Id, Guid UserId, string Name, string Unit, DateTimeOffset AddedAt, int Assigned);

    /// <param name="Rules">The rules in words, as the pages print them.</param>
    /// <param name="Fund">The community fund paying the call (a micro-venture call, ADR 0018); null: the host's budget.</param>
    /// <param name="Applications">Each status with at least one application (drafts included: they are counted, never shown here).</param>
    /// <param name="CanEdit">A draft: its fields may change. <paramref name="CanPublish"/>: a draft before its deadline.
    /// <paramref name="CanWithdraw"/>: a draft or published before its deadline. <paramref name="CanChangePanel"/>: draft or published.</param>
    public sealed record Details(Guid Id, string CallNo, string Title, string HostName, string Description, string AreaCode, string AreaPath,
        IReadOnlyList<FocusArea> Focuses, IReadOnlyList<string> FocusNames, IReadOnlyList<OrganizationKind> EligibleKinds, int MinRegisteredMonths, bool MustServeArea,
        bool NoUnfinishedAward, string OtherConditions, long PoolFen, long CapFen, long AwardedFen, CallFund.Named? Fund, CoFundingRule CoFunding, int CoFundingMinPercent, int BonusMaxPoints,
        int BonusFullPercent, IReadOnlyList<Criterion> Rubric, int JudgeCount, ScoreAggregation Aggregation, TieBreak TieBreak, DateTimeOffset OpensAt,
        DateTimeOffset ClosesAt, int NoticeDays, IReadOnlyList<string> RequiredDocuments, IReadOnlyList<Tranche> Tranches, int MidTermMonths,
        CompetitionStatus Status, string StatusName, string Phase, string StatusNote, DateTimeOffset? PublishedAt, DateTimeOffset? NoticeFrom, DateTimeOffset? NoticeUntil,
        DateTimeOffset? DecidedAt, IReadOnlyList<CompetitionRules.RuleLine> Rules, IReadOnlyList<StatusCount> Applications, IReadOnlyList<Judge> Judges,
        bool CanEdit, bool CanPublish, bool CanWithdraw, bool CanChangePanel, string CreatedByName, DateTimeOffset CreatedAt, int Version);

    public static async Task<Result<Details>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid id, CancellationToken ct = default)
    {
        if (user.ActingOrganization is not null) return Failure.NotFound();
        if (await db.Set<Competition>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, ct) is not { } c) return Failure.NotFound();
        var now = clock.GetUtcNow();
        var counts = await db.Set<CompetitionApplication>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(a => a.CompetitionId == id)
            .GroupBy(a => a.Status).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var scores = db.Set<CompetitionScore>().IgnoreQueryFilters([AppDb.ScopeFilter]);
        var judges = await db.Set<CompetitionJudge>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().Where(j => j.CompetitionId == id).OrderBy(j => j.AddedAt).ThenBy(j => j.Id)
            .Select(j => new Judge(j.Id, j.UserId, j.Name, j.Unit, j.AddedAt, scores.Count(s => s.JudgeId == j.Id))).ToListAsync(ct);
        var path = await AreaNames.PathAsync(db, c.AreaCode, ct);
        var fund = await CallFund.NamedAsync(db, c.FundId, ct);
        return Describe(c, now, string.Join(" / ", path), fund, [.. counts.OrderBy(x => x.Key).Select(x => new StatusCount(x.Key, CompetitionApplication.StatusLabel(x.Key), x.Count))], judges);
    }

    static Details Describe(Competition c, DateTimeOffset now, string areaPath, CallFund.Named? fund, IReadOnlyList<StatusCount> applications, IReadOnlyList<Judge> judges) =>
        new(c.Id, c.CallNo, c.Title, c.HostName, c.Description, c.AreaCode, areaPath, c.Focuses, [.. c.Focuses.Select(Organization.FocusLabel)], c.EligibleKinds,
            c.MinRegisteredMonths, c.MustServeArea, c.NoUnfinishedAward, c.OtherConditions, c.PoolFen, c.CapFen, c.AwardedFen, fund, c.CoFunding, c.CoFundingMinPercent,
            c.BonusMaxPoints, c.BonusFullPercent, [.. c.Rubric.Select(r => new Criterion(r.Name, r.Weight, r.MaxScore))], c.JudgeCount, c.Aggregation, c.TieBreak,
            c.OpensAt, c.ClosesAt, c.NoticeDays, c.RequiredDocuments, [.. c.Tranches.Select(t => new Tranche(t.Percent, t.Gate, Competition.GateLabel(t.Gate)))], c.MidTermMonths,
            c.Status, Competition.StatusLabel(c.Status), c.PhaseLabel(now), c.StatusNote, c.PublishedAt, c.NoticeFrom, c.NoticeUntil, c.DecidedAt,
            CompetitionRules.RulesText(c, fund), applications, judges,
            c.Status == CompetitionStatus.Draft, c.Status == CompetitionStatus.Draft && now < c.ClosesAt, WithdrawCompetition.Refusal(c, now) is null,
            AddCompetitionJudge.PanelRefusal(c) is null, c.CreatedByName, c.CreatedAt, c.Version);
}
