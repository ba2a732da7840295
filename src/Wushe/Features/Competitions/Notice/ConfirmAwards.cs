using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Wushe.Data;
using Wushe.Features.Charity;
using Wushe.Features.Households;
using Wushe.Features.Projects;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Competitions;

/// <summary>
/// 确定资助 (the host), once the notice period is over and every objection answered: each shortlisted application is awarded in its own
/// transaction under the call's row lock (<see cref="CompetitionLedger"/>) — the pool checked first (409 past it), then the project
/// created (已立项, the implementing organization, the application's design, the budget with its 公益创投资助 line set to the award, a
/// timeline of 设计 then 立项 with the platform's note <see cref="ProjectStep.AwardApproved"/>, read in the reader's language), the award with its agreement number, the application 获资助 and the call's sum raised.
/// Racing confirmations never exceed the pool and never award an application twice (unique index on the application). When none is left
/// on the shortlist, the other eligible applications are 未获资助 and the call 已确定资助. <see cref="One"/> confirms a single application.
/// A call paid by a community fund (ADR 0018) needs the committee's decision on the awards (<see cref="Request"/>) and reserves each award on
/// the fund when it is made (<see cref="AwardFunding.ReserveAsync"/>): an award the fund cannot pay now is refused (409, listed in
/// <see cref="Confirmed.Refused"/>) and stays on the shortlist, so the call is decided only when the fund has reserved every award.
/// </summary>
public static class ConfirmAwards
{
    /// <summary>
    /// The committee's decision approving the awards of a call paid by a community fund (ADR 0018): 决议编号 (1–50 characters) and 决议日期
    /// (a China date, not in the future nor before the call was published or the fund set up; the committee able to decide on it). Asked
    /// only of such a call (400 naming the field when missing); a call paid from the host's budget needs none and ignores it.
    /// </summary>
    public sealed record Request
    {
        [Label("决议编号", "Decision number")] public string? DecisionNo { get; init; }
        [Label("决议日期", "Decision date")] public DateOnly? DecidedOn { get; init; }
    }

    public sealed record Confirmed(Guid CallId, int Awarded, long AwardedFen, bool Decided, IReadOnlyList<string> Refused);

    /// <param name="DisbursementId">The community fund's request paying the award (a fund's call), approved and reserved; null for the host's budget.</param>
    public sealed record AwardMade(Guid AwardId, Guid ProjectId, string ProjectNo, string AgreementNo, long AmountFen, Guid? DisbursementId = null);

    /// <summary>Why the call's awards cannot be confirmed now; null when they can.</summary>
    static async Task<Failure?> RefusalAsync(AppDb db, Competition call, DateTimeOffset now, CancellationToken ct)
    {
        if (call.Status != CompetitionStatus.Notice)
            return Failure.Conflict(Lang.T($"公益创投{Competition.StatusLabel(call.Status)}，只有公示期满的才能确定资助", $"The call is {Competition.StatusLabel(call.Status)}: awards are confirmed after its notice period"));
        if (now < call.NoticeUntil)
            return Failure.Conflict(Lang.T($"公示期至 {ChinaTime.Format(call.NoticeUntil!.Value)} 结束，期满后才能确定资助", $"The notice runs until {ChinaTime.Format(call.NoticeUntil!.Value)}: confirm the awards after it"));
        var open = await db.Set<CompetitionObjection>().IgnoreQueryFilters([AppDb.ScopeFilter]).CountAsync(o => o.CompetitionId == call.Id && o.AnsweredAt == null, ct);
        return open > 0 ? Failure.Conflict(Lang.T($"还有 {open} 条异议未答复，答复后才能确定资助", $"{open} objections await an answer: answer them before confirming the awards")) : null;
    }

    /// <summary>
    /// The committee decision a call paid by a community fund rests on, checked (<see cref="AwardFunding.DecisionRefusalAsync"/>); null for a
    /// call paid from the host's budget.
    /// </summary>
    static async Task<Result<CommitteeDecision?>> DecisionAsync(AppDb db, CharityOptions options, TimeProvider clock, Competition call, Request? r, CancellationToken ct)
    {
        if (call.FundId is not { } fundId) return (CommitteeDecision?)null;
        var errors = new Errors().Text("decisionNo", r?.DecisionNo, "决议编号", "The decision number", 1, CommitteeDecision.NumberMax);
        var published = call.PublishedAt is { } p ? DateOnly.FromDateTime(p.ToOffset(ChinaTime.Offset).DateTime) : (DateOnly?)null;
        if (r?.DecidedOn is not { } on)
            errors.Add("decidedOn", Lang.T("由社区慈善基金出资的资助，请填写基金管委会审议资助名单的决议日期", "A call paid by a community fund: give the date of the committee's decision on the awards"));
        else if (on > ChinaTime.Today(clock)) errors.Add("decidedOn", Lang.T("决议日期不能晚于今天", "The decision date cannot be after today"));
        else if (on < published)
            errors.Add("decidedOn", Lang.T($"决议日期不能早于申报通知发布日期 {ChinaTime.Format(published)}", $"The decision date cannot be before the call was published ({ChinaTime.Format(published)})"));
        if (errors.Any) return errors.ToFailure();
        var decision = new CommitteeDecision(r!.DecisionNo!.Trim(), r.DecidedOn!.Value);
        if (await AwardFunding.DecisionRefusalAsync(db, options, fundId, decision, ct) is { } refused)
            return refused.Kind == FailureKind.NotFound
                ? Failure.Conflict(Lang.T("出资的社区慈善基金不在您的管辖范围内，不能确定资助", "The community fund paying the call lies outside your area: no award can be confirmed"))
                : refused;
        return decision;
    }

    public static async Task<Result<Confirmed>> Handle(AppDb db, CurrentUser user, TimeProvider clock, IOptions<CharityOptions> options, Guid callId, Request? request = null,
        CancellationToken ct = default)
    {
        if (await db.Set<Competition>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, ct) is not { } call) return Failure.NotFound();
        if (await RefusalAsync(db, call, clock.GetUtcNow(), ct) is { } refusal) return refusal;
        var decision = await DecisionAsync(db, options.Value, clock, call, request, ct);
        if (!decision.IsOk) return decision.Failure!;
        var ranking = await CallRanking.ReadAsync(db, call, ct);
        var refused = new List<string>();
        var made = new List<AwardMade>();
        foreach (var row in ranking.Where(r => r.Status == ApplicationStatus.Shortlisted && r.AwardFen > 0))
        {
            var result = await AwardAsync(db, user, clock, callId, row.Id, decision.Value, ct);
            if (result.IsOk) { if (result.Value is { } m) made.Add(m); }
            else if (result.Failure!.Kind == FailureKind.Conflict) refused.Add($"{row.ApplicationNo}: {result.Failure.Title}");
            else return result.Failure;
        }
        var decided = await DecideAsync(db, clock, callId, ct);
        return new Confirmed(callId, made.Count, made.Sum(m => m.AmountFen), decided, refused);
    }

    /// <summary>确定单个资助: the same path for one shortlisted application (several racing never pass the pool).</summary>
    public static async Task<Result<AwardMade>> One(AppDb db, CurrentUser user, TimeProvider clock, IOptions<CharityOptions> options, Guid callId, Guid applicationId,
        Request? request = null, CancellationToken ct = default)
    {
        if (await db.Set<Competition>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, ct) is not { } call) return Failure.NotFound();
        if (await RefusalAsync(db, call, clock.GetUtcNow(), ct) is { } refusal) return refusal;
        var decided = await DecisionAsync(db, options.Value, clock, call, request, ct);
        if (!decided.IsOk) return decided.Failure!;
        var result = await AwardAsync(db, user, clock, callId, applicationId, decided.Value, ct);
        if (!result.IsOk) return result.Failure!;
        if (result.Value is null) return Failure.Conflict(Lang.T("该申报已获资助或不在入围名单中", "This application is already awarded or is not on the shortlist"));
        await DecideAsync(db, clock, callId, ct);
        return result.Value;
    }

    /// <summary>
    /// One award in one transaction under the call's lock; null when the application is no longer on the shortlist (awarded meanwhile). A call
    /// paid by a community fund reserves the award on the fund under its lock after the call's (<see cref="AwardFunding.ReserveAsync"/>, by
    /// <paramref name="decision"/>): the fund unable to pay it, nothing of the award is saved (409).
    /// </summary>
    static async Task<Result<AwardMade?>> AwardAsync(AppDb db, CurrentUser user, TimeProvider clock, Guid callId, Guid applicationId, CommitteeDecision? decision,
        CancellationToken ct)
    {
        var name = await Workers.NameAsync(db, user, ct);
        for (var attempt = 0; ; attempt++)
        {
            db.ChangeTracker.Clear();
            // A page's post already runs in the one-submission transaction (FormSubmissions): the work joins it.
            await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
            if (await CompetitionLedger.LockCallAsync(db, callId, ct) is not { } call) return Failure.NotFound();
            var now = clock.GetUtcNow();
            if (call.Status != CompetitionStatus.Notice) return (AwardMade?)null;
            var a = await db.Set<CompetitionApplication>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstOrDefaultAsync(x => x.Id == applicationId && x.CompetitionId == callId, ct);
            if (a is null) return Failure.NotFound();
            if (a.Status != ApplicationStatus.Shortlisted || a.AwardFen <= 0 || await db.Set<CompetitionAward>().IgnoreQueryFilters().AnyAsync(w => w.ApplicationId == a.Id, ct))
                return (AwardMade?)null;
            if (call.AwardedFen + a.AwardFen > call.PoolFen)
                return Failure.Conflict(Lang.T($"资金池余额不足：已确定 {Money.Yuan(call.AwardedFen)}，再资助 {Money.Yuan(a.AwardFen)} 将超过资金池 {Money.Yuan(call.PoolFen)}",
                    $"The pool does not cover it: {Money.Yuan(call.AwardedFen)} confirmed, {Money.Yuan(a.AwardFen)} more would pass the pool of {Money.Yuan(call.PoolFen)}"));

            var project = new Project(a.AreaCode, await ProjectRules.NextNumberAsync(db, a.AreaCode, now.ToOffset(ChinaTime.Offset).Year, ct), user.Id, name, now);
            var funding = a.Funding.Where(l => l.Source != ProjectFundingSource.CompetitionAward).ToList();
            funding.Insert(0, new SaveProject.FundingLine { Source = ProjectFundingSource.CompetitionAward, AmountYuan = a.AwardFen / 100m, Note = call.Title.Length > 100 ? call.Title[..100] : call.Title });
            var budget = funding.Sum(l => Money.Fen(l.AmountYuan ?? 0));
            if (budget != a.AwardFen + a.CoFundingFen) throw new InvalidOperationException($"Application {a.Id}: budget lines {budget} ≠ award {a.AwardFen} + co-funding {a.CoFundingFen}.");
            project.Describe(a.Title, a.Focus, a.FocusNote, a.TargetGroups, a.Summary, a.PlannedActivities, a.OrganizationId!.Value, a.OrganizationName, a.StartOn, a.EndOn, budget);
            db.Add(project);
            SaveProject.AddLines(db, project, funding, a.Indicators);
            db.Add(new ProjectStep(project, ProjectStatus.Draft, now, user.Id, name, ""));
            project.MoveTo(ProjectStatus.Approved, ProjectStep.AwardApproved, now);
            db.Add(new ProjectStep(project, ProjectStatus.Approved, now, user.Id, name, ProjectStep.AwardApproved));
            var digits = a.ApplicationNo.Length >= 3 ? a.ApplicationNo[^3..] : a.ApplicationNo.PadLeft(3, '0');
            var award = new CompetitionAward(call, a, project.Id, a.AwardFen, $"{call.CallNo}-{digits}-XY", user.Id, name, now);
            db.Add(award);
            a.MoveTo(ApplicationStatus.Awarded);
            call.Award(a.AwardFen);
            Guid? disbursement = null;
            if (call.FundId is { } fundId)
            {
                var reserved = await AwardFunding.ReserveAsync(db, fundId,
                    new(award.Id, project.Id, project.Title, a.OrganizationName, a.AwardFen, call.CallNo, call.Title, award.AgreementNo), decision!, user.Id, name, now, ct);
                if (!reserved.IsOk)
                {
                    // Nothing of this award is saved; a page's transaction (which commits what the page shows) is left without it too.
                    db.ChangeTracker.Clear();
                    return reserved.Failure!.Kind == FailureKind.NotFound
                        ? Failure.Conflict(Lang.T("出资的社区慈善基金不在您的管辖范围内，不能确定资助", "The community fund paying the call lies outside your area: no award can be confirmed"))
                        : reserved.Failure;
                }
                disbursement = reserved.Value;
            }
            if (await db.SaveOrFindDuplicateAsync(ct) is not { } columns)
            {
                if (tx is not null) await tx.CommitAsync(ct);
                return new AwardMade(award.Id, project.Id, project.ProjectNo, award.AgreementNo, award.AmountFen, disbursement);
            }
            if (tx is not null) await tx.RollbackAsync(ct);
            // Another project of the area took the number meanwhile: numbered again; the application awarded meanwhile: nothing to do.
            if (columns.Contains(nameof(CompetitionAward.ApplicationId))) return (AwardMade?)null;
            if (attempt >= 8) return UniqueKeys.Conflict();
        }
    }

    /// <summary>None left on the shortlist: the others are 未获资助 and the call 已确定资助 (under its lock; once).</summary>
    static async Task<bool> DecideAsync(AppDb db, TimeProvider clock, Guid callId, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        // A page's post already runs in the one-submission transaction (FormSubmissions): the work joins it.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var call = await CompetitionLedger.LockCallAsync(db, callId, ct);
        if (call is null || call.Status != CompetitionStatus.Notice) return call?.Status == CompetitionStatus.Decided;
        var open = await db.Set<CompetitionApplication>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(a => a.CompetitionId == callId && (a.Status == ApplicationStatus.Eligible || a.Status == ApplicationStatus.Shortlisted)).ToListAsync(ct);
        if (open.Any(a => a.Status == ApplicationStatus.Shortlisted && a.AwardFen > 0)) return false;
        foreach (var a in open) a.MoveTo(ApplicationStatus.NotAwarded);
        call.Decide(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return true;
    }
}
