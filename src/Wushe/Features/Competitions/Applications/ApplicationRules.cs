using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Organizations;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Files;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// The rules of an application (申报) shared by its use cases: where a user finds a call and an application (organization staff: their
/// own, outside their area scope, as the organization filter keeps them; host staff: by the scope), when the organization may change
/// it (<see cref="ChangeRefusal"/>: a draft while the call accepts, a returned one until its 补正期限; frozen from the deadline), the
/// receipt's number, the row lock that keeps one application per organization and call, and the file kind of its documents.
/// </summary>
public static class ApplicationRules
{
    /// <summary>The document name of anything beside the call's required documents.</summary>
    public const string OtherDocument = "其他材料";

    /// <summary>Files one application holds at most.</summary>
    public const int MaxDocuments = 20;

    /// <summary>补正期限: a returned application may be corrected and submitted again for this long.</summary>
    public static readonly TimeSpan CorrectionPeriod = TimeSpan.FromDays(5);

    /// <summary>What a document input accepts.</summary>
    public const string Accept = ".jpg,.jpeg,.png,.pdf";

    /// <summary>Who may download a document at all (each still by the application: <see cref="DocumentKind"/>'s Reaches).</summary>
    internal static readonly Permission ReadDocuments = new("competitions.documents", Role.BureauStaff, Role.StationWorker, Role.CommunityStaff, Role.OrganizationStaff, Role.Expert);

    /// <summary>申报材料: read by who reads the application — host staff in scope, the organization's staff, a judge assigned to it (not recused).</summary>
    public static readonly FileKind DocumentKind = new("competition-document", ReadDocuments, AuditReads: true, Reaches: ReachesAsync);

    static async Task<bool> ReachesAsync(AppDb db, CurrentUser user, Guid fileId, CancellationToken ct)
    {
        var applicationId = await db.Set<ApplicationDocument>().IgnoreQueryFilters().Where(d => d.FileId == fileId).Select(d => (Guid?)d.ApplicationId).FirstOrDefaultAsync(ct);
        if (applicationId is not { } id) return false;
        if (user.Active?.Role == Role.Expert)
        {
            var judges = db.Set<CompetitionJudge>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(j => j.UserId == user.Id).Select(j => j.Id);
            return await db.Set<CompetitionScore>().IgnoreQueryFilters([AppDb.ScopeFilter]).AnyAsync(s => s.ApplicationId == id && !s.Recused && judges.Contains(s.JudgeId), ct);
        }
        return await FindAsync(db, user, id, ct) is not null;
    }

    /// <summary>
    /// A call as the user may apply to it or read it: organization staff any published call (not a draft, whatever its area: calls are
    /// public); anyone else a call of their scope. Null: 404.
    /// </summary>
    public static Task<Competition?> CallAsync(AppDb db, CurrentUser user, Guid callId, CancellationToken ct = default) =>
        OrganizationAccess.Own(user) is not null
            ? db.Set<Competition>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstOrDefaultAsync(c => c.Id == callId && c.Status != CompetitionStatus.Draft, ct)
            : db.Set<Competition>().FirstOrDefaultAsync(c => c.Id == callId, ct);

    /// <summary>
    /// The applications the user reads: organization staff their organization's (outside their area scope: the organization filter keeps
    /// them to their own); host staff those of their scope, drafts aside (a draft is the organization's until submitted).
    /// </summary>
    public static IQueryable<CompetitionApplication> Readable(AppDb db, CurrentUser user) =>
        OrganizationAccess.Own(user) is not null
            ? db.Set<CompetitionApplication>().IgnoreQueryFilters([AppDb.ScopeFilter])
            : db.Set<CompetitionApplication>().Where(a => a.Status != ApplicationStatus.Draft);

    /// <summary>An application the user reads (tracked), with its call; null: 404.</summary>
    public static async Task<CompetitionApplication?> FindAsync(AppDb db, CurrentUser user, Guid id, CancellationToken ct = default)
    {
        var application = await Readable(db, user).FirstOrDefaultAsync(a => a.Id == id, ct);
        // Host staff read the applications of the calls of their scope (a community's staff do not read a county call's applications).
        if (application is null || await CallAsync(db, user, application.CompetitionId, ct) is null) return null;
        return application;
    }

    /// <summary>
    /// Why the organization may not change the application now (save, documents, submit), or null: a new one or a draft while the call
    /// accepts (<see cref="Competition.Accepting"/>), a returned one before its 补正期限. From the deadline nothing changes.
    /// </summary>
    public static string? ChangeRefusal(Competition call, CompetitionApplication? application, DateTimeOffset now)
    {
        if (ClosedRefusal(call) is { } closed) return closed;
        if (application is { Status: ApplicationStatus.Returned, CorrectBy: { } by })
            return now < by ? null : Lang.T($"补正期限（{ChinaTime.Format(by)}）已过，申报不能再修改或提交", $"The correction period ended at {ChinaTime.Format(by)}: the application can no longer change");
        if (application is not null && application.Status != ApplicationStatus.Draft)
        {
            var status = CompetitionApplication.StatusLabel(application.Status);
            // Withdrawing is advised only where it is open: before the deadline, in a status that may be withdrawn.
            if (WithdrawRefusal(call, application, now) is null)
                return Lang.T($"申报{status}，不能再修改；截止前如需修改，请撤回后重新申报", $"The application is {status} and cannot change; before the deadline, withdraw it and apply again");
            return now >= call.ClosesAt
                ? Lang.T($"申报{status}；申报已于 {ChinaTime.Format(call.ClosesAt)} 截止，申报材料不能再修改", $"The application is {status} and applications closed at {ChinaTime.Format(call.ClosesAt)}: it can no longer change")
                : Lang.T($"申报{status}，不能再修改", $"The application is {status} and cannot change");
        }
        return CallRefusal(call, now);
    }

    /// <summary>Why the call takes no application now, or null while it accepts (published, opened, before the deadline).</summary>
    public static string? CallRefusal(Competition call, DateTimeOffset now)
    {
        if (call.Accepting(now)) return null;
        if (ClosedRefusal(call) is { } closed) return closed;
        if (call.Status == CompetitionStatus.Draft) return Lang.T("该申报通知尚未发布，不接受申报", "The call is not published: it takes no applications");
        if (call.Status == CompetitionStatus.Published && now < call.OpensAt)
            return Lang.T($"申报尚未开始（{ChinaTime.Format(call.OpensAt)} 开始）", $"Applications open at {ChinaTime.Format(call.OpensAt)}");
        if (call.Status != CompetitionStatus.Published || now >= call.ClosesAt)
            return Lang.T($"申报已于 {ChinaTime.Format(call.ClosesAt)} 截止，申报材料不能再新建、修改或提交", $"Applications closed at {ChinaTime.Format(call.ClosesAt)}: nothing can be created, changed or submitted");
        return Lang.T("该公益创投当前不接受申报", "The call takes no applications now");
    }

    /// <summary>Why the organization may not withdraw now: before the deadline (a returned one within its 补正期限), not once screened out or decided.</summary>
    public static string? WithdrawRefusal(Competition call, CompetitionApplication application, DateTimeOffset now)
    {
        if (ClosedRefusal(call) is { } closed) return closed;
        if (application.Status is ApplicationStatus.Withdrawn) return Lang.T("申报已撤回", "The application is withdrawn already");
        if (application.Status is not (ApplicationStatus.Draft or ApplicationStatus.Submitted or ApplicationStatus.Returned or ApplicationStatus.Eligible))
            return Lang.T($"申报{CompetitionApplication.StatusLabel(application.Status)}，不能撤回", $"The application is {CompetitionApplication.StatusLabel(application.Status)}: it cannot be withdrawn");
        if (application is { Status: ApplicationStatus.Returned, CorrectBy: { } by } && now < by) return null;
        return now < call.ClosesAt ? null
            : Lang.T($"申报已于 {ChinaTime.Format(call.ClosesAt)} 截止，不能撤回", $"Applications closed at {ChinaTime.Format(call.ClosesAt)}: it cannot be withdrawn");
    }

    /// <summary>
    /// 撤回申报通知 closes its applications: when the call is withdrawn, nothing more is done on any of them — no change, document,
    /// submission or withdrawal by the organization, no 初审, assignment, score, recusal or defence by the host or a judge (409 with this
    /// text, naming the call's reason). Null while the call is not withdrawn. The one rule every write on an application asks first.
    /// </summary>
    public static string? ClosedRefusal(Competition call) => call.Status == CompetitionStatus.Withdrawn
        ? Lang.T($"申报通知已撤回（原因：{call.StatusNote}），申报已关闭，不能再办理", $"The call was withdrawn (reason: {call.StatusNote}): applications to it are closed and nothing more can be done on them")
        : null;

    /// <summary>
    /// 已关闭: how a reader sees an application whose call was withdrawn — the reason the host gave, the moment of the withdrawal (from the
    /// audit trail; null if the trail holds none) and one line that says both (<see cref="Text"/>, in the reader's language, China time).
    /// </summary>
    public sealed record Closure(string Reason, DateTimeOffset? WithdrawnAt, string Text);

    /// <summary>The closure of each withdrawn call among <paramref name="calls"/> (the others have none), by the call's id.</summary>
    public static async Task<Dictionary<Guid, Closure>> ClosuresAsync(AppDb db, IEnumerable<Competition> calls, CancellationToken ct = default)
    {
        var withdrawn = calls.Where(c => c.Status == CompetitionStatus.Withdrawn).DistinctBy(c => c.Id).ToList();
        if (withdrawn.Count == 0) return new();
        var keys = withdrawn.Select(c => c.Id.ToString()).ToList();
        var marker = "\"n\":\"" + nameof(CompetitionStatus.Withdrawn) + "\"";
        var records = await db.AuditRecords.AsNoTracking()
            .Where(r => r.Entity == nameof(Competition) && keys.Contains(r.EntityKey) && r.Changes != null && r.Changes.Contains(marker))
            .Select(r => new { r.EntityKey, r.At }).ToListAsync(ct);
        return withdrawn.ToDictionary(c => c.Id, c =>
        {
            var at = records.Where(r => r.EntityKey == c.Id.ToString()).Select(r => (DateTimeOffset?)r.At).Max();
            var text = at is { } moment
                ? Lang.T($"已关闭：申报通知已于 {ChinaTime.Format(moment)} 撤回（原因：{c.StatusNote}）", $"Closed: the call was withdrawn on {ChinaTime.Format(moment)} (reason: {c.StatusNote})")
                : Lang.T($"已关闭：申报通知已撤回（原因：{c.StatusNote}）", $"Closed: the call was withdrawn (reason: {c.StatusNote})");
            return new Closure(c.StatusNote, at, text);
        });
    }

    /// <summary>The closure of one call, or null when it is not withdrawn.</summary>
    public static async Task<Closure?> ClosureAsync(AppDb db, Competition call, CancellationToken ct = default) =>
        (await ClosuresAsync(db, [call], ct)).GetValueOrDefault(call.Id);

    /// <summary>
    /// Takes the organization's row for this transaction (an update that changes nothing: the row lock on PostgreSQL, the write lock on
    /// SQLite), so that two first saves of one organization for one call meet one after the other and the second finds the first.
    /// </summary>
    public static Task LockOrganizationAsync(AppDb db, Guid organizationId, CancellationToken ct) =>
        db.Set<Organization>().IgnoreQueryFilters().Where(o => o.Id == organizationId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Version, x => x.Version), ct);

    /// <summary>The organization's application to the call that counts (not withdrawn), if any: one per organization and call.</summary>
    public static Task<CompetitionApplication?> CurrentOfAsync(AppDb db, Guid callId, Guid organizationId, CancellationToken ct) =>
        db.Set<CompetitionApplication>().IgnoreQueryFilters()
            .FirstOrDefaultAsync(a => a.CompetitionId == callId && a.OrganizationId == organizationId && a.Status != ApplicationStatus.Withdrawn, ct);

    /// <summary>The call's next receipt number: its number + "-" + 3 digits (the unique index decides a race: the loser numbers again).</summary>
    public static async Task<string> NextNumberAsync(AppDb db, Competition call, CancellationToken ct)
    {
        var prefix = call.CallNo + "-";
        var last = await db.Set<CompetitionApplication>().IgnoreQueryFilters()
            .Where(a => a.CompetitionId == call.Id && a.ApplicationNo.StartsWith(prefix)).OrderByDescending(a => a.ApplicationNo).Select(a => a.ApplicationNo).FirstOrDefaultAsync(ct);
        var n = last is not null && int.TryParse(last[prefix.Length..], out var k) ? k + 1 : 1;
        return prefix + n.ToString("000", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// 可选项目区划: the tops of the parts of the call's host area the organization serves — the host area itself when the organization's
    /// own area or one of its service areas covers it, else each of those lying inside it (a township, a community) — by code. A project's
    /// area is allowed iff one of these covers it (<see cref="Serves"/>): <see cref="ServingOrganizations"/>' rule of "serves" within the host
    /// area. The apply form offers these and the areas under them; the API refuses any other with a field error. Empty: the organization
    /// serves no part of the host area and cannot apply. A call that does not ask the organization to serve the project's area
    /// (<see cref="Competition.MustServeArea"/> off) takes any part of its host area from any organization: the host area itself.
    /// </summary>
    public static async Task<List<string>> ServedAreasAsync(AppDb db, Competition call, Guid organizationId, CancellationToken ct = default)
    {
        if (!call.MustServeArea) return [call.AreaCode];
        var served = await db.Set<OrganizationServiceArea>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(s => s.OrganizationId == organizationId).Select(s => s.ServedAreaCode).ToListAsync(ct);
        if (await db.Set<Organization>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(o => o.Id == organizationId).Select(o => o.AreaCode).FirstOrDefaultAsync(ct) is { } own) served.Add(own);
        if (served.Any(s => Platform.Areas.AreaCode.Covers(s, call.AreaCode))) return [call.AreaCode];
        var inside = served.Where(s => Platform.Areas.AreaCode.Covers(call.AreaCode, s)).Distinct().ToList();
        return [.. inside.Where(s => !inside.Any(o => o != s && Platform.Areas.AreaCode.Covers(o, s))).Order(StringComparer.Ordinal)];
    }

    /// <summary>Whether <paramref name="areaCode"/> lies in one of <paramref name="served"/> (<see cref="ServedAreasAsync"/>).</summary>
    public static bool Serves(IEnumerable<string> served, string areaCode) => served.Any(s => Platform.Areas.AreaCode.Covers(s, areaCode));

    /// <summary>The organization staff's write acts in the call's host area (the project's area lies in it, wherever the organization is registered).</summary>
    public static void ActInCall(AppDb db, CurrentUser user, Competition call)
    {
        if (OrganizationAccess.Own(user) is not null) db.ActingAs(user.ActingOn(call.AreaCode));
    }

    public static Failure Stale => Failure.Conflict(Lang.T("申报刚被他人修改，您的操作未保存，请刷新后再试", "The application changed a moment ago; nothing was saved: reload and try again"));

    public static Failure Frozen(string refusal) => Failure.Conflict(refusal);
}
