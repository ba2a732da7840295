using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Charity;
using Wushe.Features.Projects;
using Wushe.Platform;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 资助详情: the award (agreement, amount, status), its call and project, the project's evaluations, the plan with each tranche's state
/// (<see cref="AwardRules"/>) and the ledger in order; Hosted: whether the reader hosts the call and so acts on it (<see cref="AwardHost"/>); CallInSight: whether the reader's
/// scope covers the call's host area, so reads the call's own page (<see cref="GetCompetition"/>) — others below it (a township station
/// under a district's call, the organization) read the call as the public does (<see cref="GetPublicCompetition"/>); Fund:
/// the community fund paying a micro-venture call's award and its disbursement request (null: the host's budget).
/// Notes the system wrote without words — an automatic stop, a release without a note — are put in words in the reader's language
/// (<see cref="AwardRules.StatusNote"/>, <see cref="AwardRules.MovementNote"/>); notes people typed are given as typed.
/// In scope, or the organization's own for its staff; else 404.
/// </summary>
public static class GetAward
{
    /// <summary>One entry of the award's ledger: <c>Tranche</c> the number of the tranche a release pays (1 = 第 1 批), null for other kinds.</summary>
    public sealed record Movement(int No, AwardMovementKind Kind, int? Tranche, long AmountFen, DateTimeOffset At, string Note, string ByName);

    public sealed record Evaluation(EvaluationStage Stage, bool? Passed, int? ReviewTotal, DateTimeOffset? ReviewedAt);

    /// <summary>
    /// The community fund paying the award (a micro-venture call, ADR 0018) and the request that pays it: its number and status, what it paid
    /// net of money returned (fen: the award's releases less claw-backs) and what it still holds reserved (fen).
    /// </summary>
    public sealed record FundPayment(Guid FundId, string FundName, Guid? RequestId, string? RequestNo, DisbursementStatus? Status, long PaidFen, long ReservedFen);

    public sealed record Details(Guid Id, string AgreementNo, Guid CompetitionId, string CallNo, string CallTitle, Guid ApplicationId, string ApplicationNo,
        Guid ProjectId, string ProjectNo, string ProjectTitle, ProjectStatus ProjectStatus, Guid? OrganizationId, string OrganizationName, long AmountFen,
        long ReleasedFen, long ClawedBackFen, AwardStatus Status, string StatusNote, DateOnly? SignedOn, DateOnly? MidTermDueOn, string ConfirmedByName,
        DateTimeOffset ConfirmedAt, int Version, IReadOnlyList<AwardRules.Tranche> Tranches, IReadOnlyList<Evaluation> Evaluations, IReadOnlyList<Movement> Ledger,
        bool Hosted, FundPayment? Fund = null, bool CallInSight = false);

    public static async Task<Result<Details>> Handle(AppDb db, TimeProvider clock, Guid id, CancellationToken ct = default)
    {
        if (await db.Set<CompetitionAward>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } a) return Failure.NotFound();
        var call = await db.Set<Competition>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(c => c.Id == a.CompetitionId).Select(c => new { c.CallNo, c.Title, c.AreaCode, c.FundId }).SingleAsync(ct);
        var app = await db.Set<CompetitionApplication>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(x => x.Id == a.ApplicationId)
            .Select(x => new { x.ApplicationNo, x.OrganizationName }).SingleAsync(ct);
        var project = await db.Set<Project>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(p => p.Id == a.ProjectId).Select(p => new { p.ProjectNo, p.Title, p.Status }).SingleAsync(ct);
        var (plan, states, facts, evaluated) = await AwardTranches.ReadAsync(db, a, clock, ct);
        var evaluations = (await db.Set<ProjectEvaluation>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().Where(e => e.ProjectId == a.ProjectId).ToListAsync(ct))
            .OrderBy(e => e.Stage).Select(e => new Evaluation(e.Stage, e.Passed, e.ReviewTotal, e.ReviewedAt)).ToList();
        var ledger = (await db.Set<AwardMovement>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(m => m.AwardId == id).OrderBy(m => m.No)
            .Select(m => new { m.No, m.Kind, m.Tranche, m.AmountFen, m.At, m.Note, m.ByName }).ToListAsync(ct))
            .Select(m => new Movement(m.No, m.Kind, m.Tranche + 1, m.AmountFen, m.At, AwardRules.MovementNote(plan, m.Kind, m.Tranche, m.Note), m.ByName)).ToList();
        FundPayment? fund = null;
        if (await CallFund.NamedAsync(db, call.FundId, ct) is { } named)
        {
            // Read past the scope: the organization's staff see who pays their award, not the fund's other records.
            var request = await db.Set<DisbursementRequest>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().Where(r => r.AwardId == id)
                .Select(r => new { r.Id, r.RequestNo, r.Status, r.AmountFen, r.PaidFen }).FirstOrDefaultAsync(ct);
            var paid = request is null ? 0 : await db.Set<DisbursementPayment>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(p => p.RequestId == request.Id).SumAsync(p => (long?)p.AmountFen, ct) ?? 0;
            fund = new FundPayment(named.Id, named.Name, request?.Id, request?.RequestNo, request?.Status, paid,
                request?.Status == DisbursementStatus.Approved ? request.AmountFen - request.PaidFen : 0);
        }
        return new Details(a.Id, a.AgreementNo, a.CompetitionId, call.CallNo, call.Title, a.ApplicationId, app.ApplicationNo, a.ProjectId, project.ProjectNo, project.Title,
            project.Status, a.OrganizationId, app.OrganizationName, a.AmountFen, a.ReleasedFen, a.ClawedBackFen, a.Status,
            AwardRules.StatusNote(facts, evaluated, ChinaTime.Today(clock)), a.SignedOn, a.MidTermDueOn,
            a.ConfirmedByName, a.ConfirmedAt, a.Version, states, evaluations, ledger, AwardHost.Hosts(db, call.AreaCode), fund,
            db.Actor.ActingOrganization is null && db.Actor.Scope.Covers(call.AreaCode));
    }
}
