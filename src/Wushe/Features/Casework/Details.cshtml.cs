using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Casework;

/// <summary>
/// 个案详情: the case, its timeline (steps and decisions, notes, services, referrals) and the forms of what comes next. Also for
/// the staff of an organization that accepted a referral of the case (<see cref="ReferredCases"/>): the timeline, the client
/// masked, and the note and service forms only.
/// </summary>
[Authorize(CaseworkPermissions.ViewOnePolicy)]
public sealed class DetailsModel(AppDb db, CurrentUser me, Platform.Sensitive.Sealer sealer, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    [BindProperty] public SubmitCaseStep.Request Step { get; set; } = new();
    [BindProperty] public DecideCaseStep.Request Decision { get; set; } = new();
    [BindProperty] public AddCaseNote.Request Note { get; set; } = new();
    [BindProperty] public RecordCaseService.Request Service { get; set; } = new();
    [BindProperty] public ReferCase.Request Referral { get; set; } = new();
    [BindProperty] public Households.RevealResidentField.Request Reveal { get; set; } = new(null, null);
    public Households.RevealResidentField.Revealed? Revealed { get; private set; }
    public bool CanReveal => me.Has(Households.HouseholdsPermissions.Reveal);

    public GetCase.Details Case { get; private set; } = null!;
    public List<ReferCase.StationOption> Receivers { get; private set; } = [];
    /// <summary>The receiving stations' counties (code → name): the stations of a city are grouped by county in the select.</summary>
    public IReadOnlyDictionary<string, string> ReceiverCounties { get; private set; } = new Dictionary<string, string>();
    public static string CountyOf(string areaCode) => areaCode[..6] + "000000";
    /// <summary>The organizations serving the case's area, to refer it to (<see cref="Organizations.ServingOrganizations"/>).</summary>
    public List<Organizations.ServingOrganizations.Serving> Organizations { get; private set; } = [];
    public bool CanManage => me.Has(CaseworkPermissions.Manage);
    /// <summary>Notes and services: the case's station workers, and the staff of an organization that accepted it (the use cases decide which case).</summary>
    public bool CanWrite => CanManage || (ReferredCases.ViaOrganization(me) && Halted is null);
    /// <summary>Why the user's organization writes nothing now (suspended or deregistered: <see cref="Organizations.OrganizationAccess.ActingRefusalAsync"/>), or null.</summary>
    public string? Halted { get; private set; }
    public DateOnly Today => ChinaTime.Today(clock);

    /// <summary>
    /// One event of the case's timeline, oldest first. <paramref name="DayOnly"/>: the event has a day and no time (the case
    /// opened, a service given, the case closed): shown as a date, never as a made-up time of day.
    /// </summary>
    public sealed record Event(DateTimeOffset At, string Icon, string Title, string? Body, string? Badge, string? BadgeCss, Guid? FileId = null, string? FileName = null,
        bool DayOnly = false)
    {
        public string When => DayOnly ? ChinaTime.Format(DateOnly.FromDateTime(At.ToOffset(ChinaTime.Offset).DateTime)) : ChinaTime.Format(At);
    }

    public List<Event> Timeline { get; private set; } = [];

    public string? ErrorOf(string key) => ModelState.TryGetValue(key, out var e) && e.Errors.Count > 0 ? string.Join(" ", e.Errors.Select(x => x.ErrorMessage)) : null;

    /// <summary>The client's field whose reveal form was posted (kept open to show its error), if any.</summary>
    public string? RevealOpen { get; private set; }

    public string Invalid(string prefix, string field) => ModelState[prefix + "." + field]?.Errors.Count > 0 ? "is-invalid" : "";

    public async Task<IActionResult> OnGetAsync()
    {
        Service = new RecordCaseService.Request { ServedOn = Today };
        Referral = new ReferCase.Request { ConsentOn = Today };
        return await Load() ? Page() : NotFound();
    }

    async Task<bool> Load()
    {
        var result = await GetCase.Handle(db, me, clock, Id);
        if (!result.IsOk) return false;
        Case = result.Value!;
        if (Wushe.Features.Organizations.OrganizationAccess.Own(me) is { } own) Halted = await Wushe.Features.Organizations.OrganizationAccess.ActingRefusalAsync(db, own);
        if (CanManage && Case.Status != CaseStatus.Closed)
        {
            Receivers = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(ReferCase.Receivers(db, Case.AreaCode));
            ReceiverCounties = await Areas.AreaNames.LookupAsync(db, Receivers.Select(r => CountyOf(r.AreaCode)).Distinct());
            Organizations = await Wushe.Features.Organizations.ServingOrganizations.Of(db, Case.AreaCode);
        }
        Timeline = BuildTimeline(Case);
        return true;
    }

    static List<Event> BuildTimeline(GetCase.Details c)
    {
        var events = new List<Event>
        {
            new(new DateTimeOffset(c.OpenedOn.ToDateTime(TimeOnly.MinValue), ChinaTime.Offset), "bi-folder-plus", Lang.T("开案", "Case opened"), c.Problem, null, null, DayOnly: true),
        };
        foreach (var s in c.Steps)
        {
            var goals = s.Goals.Count == 0 ? "" : "\n" + string.Join("\n", s.Goals.Select((g, i) => $"{i + 1}. {g.Text}{Lang.T("（目标日期 ", " (target ")}{ChinaTime.Format(g.TargetOn)}{Lang.T("）", ")")}"));
            events.Add(new(s.SubmittedAt, "bi-send", Lang.T($"{s.SubmittedByName} 提交{CaseStep.KindLabel(s.Kind)}", $"{s.SubmittedByName} submitted the {CaseStep.KindLabel(s.Kind).ToLowerInvariant()}"),
                s.Content + goals, s.Status == StepStatus.Submitted ? CaseStep.StatusLabel(s.Status) : null, "text-bg-warning"));
            if (s.DecidedAt is { } at)
                events.Add(new(at, s.Status == StepStatus.Approved ? "bi-check-circle" : "bi-arrow-return-left",
                    Lang.T($"{s.DecidedByName} {(s.Status == StepStatus.Approved ? "批准" : "退回")}{CaseStep.KindLabel(s.Kind)}",
                        $"{s.DecidedByName} {(s.Status == StepStatus.Approved ? "approved" : "returned")} the {CaseStep.KindLabel(s.Kind).ToLowerInvariant()}"),
                    s.Comment.Length > 0 ? s.Comment : null, CaseStep.StatusLabel(s.Status), s.Status == StepStatus.Approved ? "text-bg-success" : "text-bg-danger"));
        }
        foreach (var n in c.Notes)
            events.Add(new(n.WrittenAt, "bi-journal-text", Lang.T($"{n.WrittenByName} 添加个案记录", $"{n.WrittenByName} added a note"), n.Text, null, null, n.FileId, n.FileName));
        foreach (var s in c.Services)
            events.Add(new(new DateTimeOffset(s.ServedOn.ToDateTime(new TimeOnly(12, 0)), ChinaTime.Offset), "bi-heart-pulse",
                Lang.T($"服务记录：{Households.ServiceRecord.KindLabel(s.Kind)}", $"Service: {Households.ServiceRecord.KindLabel(s.Kind)}"), $"{s.Summary}{Lang.T("（", " (")}{s.Workers}{Lang.T("）", ")")}", null, null, DayOnly: true));
        foreach (var r in c.Referrals)
        {
            events.Add(new(r.ReferredAt, "bi-arrow-left-right", Lang.T($"{r.ReferredByName} 转介至 {r.ToName}", $"{r.ReferredByName} referred the case to {r.ToName}"),
                Lang.T($"{r.Reason}（本人同意日期 {ChinaTime.Format(r.ConsentOn)}）", $"{r.Reason} (consent given on {ChinaTime.Format(r.ConsentOn)})"),
                CaseReferral.StatusLabel(r.Status), r.Status == ReferralStatus.Pending ? "text-bg-warning" : r.Status == ReferralStatus.Accepted ? "text-bg-success" : "text-bg-danger"));
            if (r.DecidedAt is { } at)
                events.Add(new(at, "bi-box-arrow-in-right", Lang.T($"{r.ToName}{CaseReferral.StatusLabel(r.Status)}", $"{r.ToName}: {CaseReferral.StatusLabel(r.Status).ToLowerInvariant()}"),
                    r.DecisionNote.Length > 0 ? r.DecisionNote : null, null, null));
        }
        if (c.ClosedOn is { } closed)
            events.Add(new(new DateTimeOffset(closed.ToDateTime(new TimeOnly(23, 59)), ChinaTime.Offset), "bi-folder-check", Lang.T("结案", "Case closed"), c.ClosureReason, null, null, DayOnly: true));
        return [.. events.OrderBy(e => e.At)];
    }

    async Task<IActionResult> After<T>(Result<T> result, string prefix, string toast, string anchor)
    {
        if (result.IsOk)
        {
            TempData["Toast"] = toast;
            return Redirect($"/Casework/Details?id={Id}#{anchor}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, prefix);
        return await Load() ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostStepAsync()
    {
        if (!CanManage) return Forbid();
        var result = await ModelState.IfParsed("Step.", () => SubmitCaseStep.Validate(Step), () => SubmitCaseStep.Handle(db, me, clock, Id, Step));
        return await After(result, "Step.", Lang.T("已提交站长审批", "Submitted for the head's approval"), "actions");
    }

    public async Task<IActionResult> OnPostDecideAsync(Guid stepId)
    {
        if (!CanManage) return Forbid();
        var result = await ModelState.IfParsed("Decision.", () => DecideCaseStep.Validate(Decision), () => DecideCaseStep.Handle(db, me, clock, stepId, Decision));
        return await After(result, "Decision.", Decision.Approve == true ? Lang.T("已批准", "Approved") : Lang.T("已退回", "Returned"), "timeline");
    }

    public async Task<IActionResult> OnPostNoteAsync(IFormFile? attachment)
    {
        if (!CanWrite) return Forbid();
        var result = await ModelState.IfParsed("Note.", () => AddCaseNote.Validate(Note), () => AddCaseNote.Handle(db, me, clock, Id, Note, attachment));
        return await After(result, "Note.", Lang.T("新增成功", "Added"), "timeline");
    }

    public async Task<IActionResult> OnPostServiceAsync()
    {
        if (!CanWrite) return Forbid();
        var result = await ModelState.IfParsed("Service.", () => RecordCaseService.Validate(Service, clock), () => RecordCaseService.Handle(db, me, clock, Id, Service));
        return await After(result, "Service.", Lang.T("新增成功", "Added"), "timeline");
    }

    public async Task<IActionResult> OnPostRevealAsync()
    {
        // An organization's staff never reveal (the station keeps that): 403 on a case they read, 404 on any other.
        if (ReferredCases.ViaOrganization(me)) return await Load() ? Forbid() : NotFound();
        var result = await RevealCaseClient.Handle(db, me, sealer, clock, Id, Reveal);
        RevealOpen = Reveal.Field;
        if (result.Failure is { Kind: FailureKind.NotFound }) return NotFound();
        if (result.Failure is { Kind: FailureKind.Forbidden }) return Forbid();
        if (result.IsOk)
        {
            Revealed = result.Value;
            Reveal = new(null, null);
        }
        else ModelState.AddFailure(result.Failure!, "Reveal.");
        return await Load() ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostReferAsync()
    {
        if (!CanManage) return Forbid();
        var result = await ModelState.IfParsed("Referral.", () => ReferCase.Validate(Referral, clock), () => ReferCase.Handle(db, me, clock, Id, Referral));
        return await After(result, "Referral.", Lang.T("已转介，等待接收", "Referred; waiting for the receiver"), "timeline");
    }
}
