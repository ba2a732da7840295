using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Features.Organizations;
using Wushe.Features.Projects;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 申报详情: an application as the organization's staff (their own) or the host (in scope; drafts aside) read it — the design, the budget
/// lines, the indicators, the documents against the call's list, the automatic checks of the last submission (in the reader's language:
/// <see cref="ApplicationEligibility.Describe"/>), the screening history
/// (each 初审 decision, from the audit trail), the receipt once submitted, the defence session once the host sets one (<see cref="DefenceSlot"/>),
/// whether it is closed because its call was withdrawn (<see cref="Details.Closed"/>: nothing may then be done on it) and what the reader
/// may do now. Anything else is 404.
/// </summary>
public static class GetApplication
{
    public sealed record FundingLine(ProjectFundingSource Source, string SourceName, long AmountFen, string Note, bool IsRequest);

    /// <summary>An indicator as the form takes it (<c>Kinds</c> the service kinds' names, so a client may send back what it read) with the
    /// measure's and the kinds' words in the reader's language (<c>MeasureName</c>, <c>KindNames</c>).</summary>
    public sealed record Indicator(string Name, IndicatorMeasure Measure, string MeasureName, IReadOnlyList<ServiceKind> Kinds, IReadOnlyList<string> KindNames, int Target, string Unit);

    public sealed record Document(Guid Id, string Name, Guid FileId, string FileName, DateTimeOffset UploadedAt);

    public sealed record Screening(DateTimeOffset At, ApplicationStatus Status, string StatusName, string Note, string ByName);

    public sealed record CallSummary(Guid Id, string CallNo, string Title, string HostName, string AreaCode, DateTimeOffset OpensAt, DateTimeOffset ClosesAt,
        long CapFen, CoFundingRule CoFunding, int CoFundingMinPercent, IReadOnlyList<FocusArea> Focuses, IReadOnlyList<string> RequiredDocuments, string OtherConditions);

    public sealed record Details(Guid Id, CallSummary Call, Guid OrganizationId, string OrganizationName, OrganizationKind OrganizationKind, string OrganizationKindName,
        string ApplicationNo, string Title, FocusArea Focus, string FocusNote, string FocusText, string TargetGroups, string Summary, string PlannedActivities,
        string AreaCode, string AreaPath, DateOnly StartOn, DateOnly EndOn, long BudgetFen, long RequestedFen, long CoFundingFen,
        IReadOnlyList<FundingLine> Funding, IReadOnlyList<Indicator> Indicators, IReadOnlyList<Document> Documents, IReadOnlyList<string> MissingDocuments,
        ApplicationStatus Status, string StatusName, DateTimeOffset? SubmittedAt, bool WasReturned, DateTimeOffset? CorrectBy, IReadOnlyList<ApplicationEligibility.Line> Checks,
        string ScreeningNote, string ScreenedByName, DateTimeOffset? ScreenedAt, IReadOnlyList<Screening> Screenings, GetApplicationReceipt.Receipt? Receipt,
        string CreatedByName, DateTimeOffset CreatedAt, int Version)
    {
        /// <summary>The organization may change it now (save, documents, submit): <see cref="ApplicationRules.ChangeRefusal"/>.</summary>
        public bool MayChange { get; init; }
        public bool MayWithdraw { get; init; }
        /// <summary>The host may screen it now (submitted, the call in scope); <see cref="MayReturn"/>: a return is still open (once only).</summary>
        public bool MayScreen { get; init; }
        public bool MayReturn { get; init; }
        /// <summary>Why the organization may not change it (shown beside the form), or null.</summary>
        public string? ChangeRefusal { get; init; }
        /// <summary>已关闭: the call was withdrawn (its reason and date) — nothing more is done on the application; null otherwise.</summary>
        public ApplicationRules.Closure? Closed { get; init; }
        /// <summary>答辩安排: the defence session the host set for it (time and place), or null while none is scheduled.</summary>
        public DefenceSlot? Defence { get; init; }
    }

    public static async Task<Result<Details>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid id, CancellationToken ct = default)
    {
        if (await ApplicationRules.FindAsync(db, user, id, ct) is not { } a) return Failure.NotFound();
        var call = (await ApplicationRules.CallAsync(db, user, a.CompetitionId, ct))!;
        var documents = await db.Set<ApplicationDocument>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().Where(d => d.ApplicationId == id)
            .OrderBy(d => d.UploadedAt).ThenBy(d => d.Id).Select(d => new Document(d.Id, d.Name, d.FileId, d.FileName, d.UploadedAt)).ToListAsync(ct);
        var path = await AreaNames.PathAsync(db, a.AreaCode, ct);
        var now = clock.GetUtcNow();
        var organization = OrganizationAccess.Own(user) is not null;
        var refusal = organization ? ApplicationRules.ChangeRefusal(call, a, now) : null;
        return new Details(a.Id,
            new CallSummary(call.Id, call.CallNo, call.Title, call.HostName, call.AreaCode, call.OpensAt, call.ClosesAt, call.CapFen, call.CoFunding, call.CoFundingMinPercent,
                call.Focuses, call.RequiredDocuments, call.OtherConditions),
            a.OrganizationId!.Value, a.OrganizationName, a.OrganizationKind, Organization.KindLabel(a.OrganizationKind), a.ApplicationNo, a.Title, a.Focus, a.FocusNote, a.FocusText,
            a.TargetGroups, a.Summary, a.PlannedActivities, a.AreaCode, string.Join(" / ", path), a.StartOn, a.EndOn, a.BudgetFen, a.RequestedFen, a.CoFundingFen,
            [.. a.Funding.Select(l => new FundingLine(l.Source!.Value, Project.SourceLabel(l.Source.Value), Money.Fen(l.AmountYuan!.Value), l.Note ?? "", l.Source == ProjectFundingSource.CompetitionAward))],
            [.. a.Indicators.Select(x => new Indicator(x.Name ?? "", x.Measure!.Value, Project.MeasureLabel(x.Measure.Value), [.. x.Kinds ?? []], [.. (x.Kinds ?? []).Select(ServiceRecord.KindLabel)], x.Target ?? 0, x.Unit ?? ""))],
            documents, [.. call.RequiredDocuments.Where(n => documents.All(d => d.Name != n))],
            a.Status, CompetitionApplication.StatusLabel(a.Status), a.SubmittedAt, a.WasReturned, a.CorrectBy, [.. a.Checks.Select(ApplicationEligibility.Describe)], a.ScreeningNote, a.ScreenedByName, a.ScreenedAt,
            await ScreeningsAsync(db, a.Id, ct), a.SubmittedAt is not null && a.ApplicationNo.Length > 0 ? GetApplicationReceipt.Of(call, a) : null,
            a.CreatedByName, a.CreatedAt, a.Version)
        {
            MayChange = organization && refusal is null,
            ChangeRefusal = refusal,
            MayWithdraw = organization && ApplicationRules.WithdrawRefusal(call, a, now) is null,
            MayScreen = !organization && user.Has(CompetitionsPermissions.Host) && user.Scope.Covers(call.AreaCode) && a.Status == ApplicationStatus.Submitted
                && ApplicationRules.ClosedRefusal(call) is null,
            Closed = await ApplicationRules.ClosureAsync(db, call, ct),
            MayReturn = !a.WasReturned,
            Defence = DefenceSlot.Of(a.DefenceAt, a.DefencePlace),
        };
    }

    /// <summary>Each 初审 decision as the audit trail holds it (the application keeps only the last): when, the outcome, the note, by whom; oldest first.</summary>
    static async Task<List<Screening>> ScreeningsAsync(AppDb db, Guid id, CancellationToken ct)
    {
        var key = id.ToString();
        var records = await db.AuditRecords.AsNoTracking().Where(r => r.Entity == nameof(CompetitionApplication) && r.EntityKey == key && r.Changes != null && r.Changes.Contains(nameof(CompetitionApplication.ScreenedAt)))
            .OrderBy(r => r.At).ThenBy(r => r.Id).Select(r => new { r.At, r.Changes }).ToListAsync(ct);
        var list = new List<Screening>();
        // A field is in a record only when it changed: the note and the reviewer carry over from the decision before.
        string note = "", by = "";
        foreach (var r in records)
        {
            var changes = AuditChange.Parse(r.Changes);
            if (changes.FirstOrDefault(c => c.Field == nameof(CompetitionApplication.Status))?.New is not { } s || !Enum.TryParse<ApplicationStatus>(s, out var status)) continue;
            if (changes.FirstOrDefault(c => c.Field == nameof(CompetitionApplication.ScreeningNote)) is { } n) note = n.New ?? "";
            if (changes.FirstOrDefault(c => c.Field == nameof(CompetitionApplication.ScreenedByName)) is { } b) by = b.New ?? "";
            // The decision's own moment (ScreenedAt, as the use case stamped it), the record's when it holds none.
            var at = changes.FirstOrDefault(c => c.Field == nameof(CompetitionApplication.ScreenedAt))?.New is { } stamped
                && DateTimeOffset.TryParse(stamped, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var when) ? when : r.At;
            list.Add(new Screening(at, status, CompetitionApplication.StatusLabel(status), note, by));
        }
        return list;
    }
}
