using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Organizations;

/// <summary>
/// 社会组织详情: the record, its service areas and teams, and the status change (注销 asks first). Organization staff see their
/// own organization here (本机构), with its contact details to keep; any other is 404.
/// </summary>
[Authorize(OrganizationsPermissions.ViewOnePolicy)]
public sealed class DetailsModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    [BindProperty] public ChangeOrganizationStatus.Request Change { get; set; } = new(null, null);

    public GetOrganization.Details Organization { get; private set; } = null!;

    // 孵化: the programmes shown, and the forms that keep them (one programme's id with each).
    public IReadOnlyList<GetIncubation.Programme> Incubation { get; private set; } = [];
    public List<(Guid Id, string Name)> HostStations { get; private set; } = [];
    [BindProperty] public Guid? ProgrammeId { get; set; }
    [BindProperty] public Guid? MilestoneId { get; set; }
    [BindProperty] public StartIncubation.Request Start { get; set; } = new(null, null, null, null);
    [BindProperty] public SaveIncubationMilestone.Request Milestone { get; set; } = new(null, null, null, null);
    [BindProperty] public RecordIncubationSupport.Request Support { get; set; } = new(null, null, null, null);
    [BindProperty] public EndIncubation.Request End { get; set; } = new(null, null, null);

    /// <summary>Which incubation form failed (start, milestone, support, end), so that it is shown open with its messages.</summary>
    public string? IncubationForm { get; private set; }
    public string Today => Platform.ChinaTime.Today(clock).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
    /// <summary>Registered above the user's scope and serving in it (上级登记 · 服务本区): read-only here.</summary>
    public bool RegisteredAbove => Organization is { RegisteredAbove: true };
    public bool CanManage => me.Has(OrganizationsPermissions.Manage) && !RegisteredAbove;

    /// <summary>Organization staff on their own organization: they keep its contact details (修改联系信息).</summary>
    public bool IsOwn => OrganizationAccess.Own(me) == Id && me.Has(OrganizationsPermissions.EditOwn);

    /// <summary>Whether the breadcrumb leads to the register (its keepers) or only to this page (本机构).</summary>
    public bool SeesRegister => me.Has(OrganizationsPermissions.View);
    /// <summary>Whether the page links to the organization's projects and the needs it carries (the lists, filtered; each list keeps its own scope).</summary>
    public bool SeesWork => me.Has(Projects.ProjectsPermissions.View) && OrganizationAccess.Own(me) is null;
    public bool SeesNeeds => me.Has(Needs.NeedsPermissions.View);

    /// <summary>Where the status may go from here, 注销 apart (it has its own button and asks first).</summary>
    public IReadOnlyList<OrganizationStatus> Moves { get; private set; } = [];
    public bool MayDeregister { get; private set; }
    public bool DeregisterOpen { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await Load() ? Page() : NotFound();

    async Task<bool> Load()
    {
        var result = await GetOrganization.Handle(db, me, Id);
        if (!result.IsOk) return false;
        Organization = result.Value!;
        var o = Organization;
        var hasCode = o.CreditCode is not null || o.Kind == OrganizationKind.VolunteerTeam;
        Moves = Enum.GetValues<OrganizationStatus>().Where(s => s != OrganizationStatus.Deregistered && Organizations.Organization.Refusal(o.Status, s, hasCode) is null).ToList();
        MayDeregister = Organizations.Organization.Refusal(o.Status, OrganizationStatus.Deregistered, hasCode) is null;
        Incubation = (await GetIncubation.Handle(db, me, clock, Id)).Value ?? [];
        if (CanManage)
            HostStations = (await db.Set<Stations.Station>().AsNoTracking().OrderBy(s => s.AreaCode).ThenBy(s => s.Name).Take(300)
                    .Select(s => new { s.Id, s.Name }).ToListAsync()).Select(s => (s.Id, s.Name)).ToList();
        return true;
    }

    public async Task<IActionResult> OnPostStatusAsync()
    {
        if (!CanManage) return Forbid();
        var change = Change;
        var result = await ModelState.IfParsed("Change.", () => ChangeOrganizationStatus.Validate(change), () => ChangeOrganizationStatus.Handle(db, Id, change));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T("状态已变更", "Status changed");
            return Redirect($"/Organizations/Details/{Id}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "Change.");
        DeregisterOpen = Change.To == OrganizationStatus.Deregistered;
        return await Load() ? Page() : NotFound();
    }

    public string Invalid(string field) => ModelState["Change." + field]?.Errors.Count > 0 ? "is-invalid" : "";

    public string InvalidIn(string prefix, string field) => ModelState[prefix + "." + field]?.Errors.Count > 0 ? "is-invalid" : "";

    public Task<IActionResult> OnPostStartIncubationAsync()
    {
        var start = Start;
        return Incubate("Start", () => StartIncubation.Validate(start, clock), () => StartIncubation.Handle(db, clock, Id, start), Lang.T("已登记入孵", "Incubation started"));
    }

    public Task<IActionResult> OnPostMilestoneAsync()
    {
        var (milestone, programme, id) = (Milestone, ProgrammeId ?? Guid.Empty, MilestoneId);
        return Incubate("Milestone", () => SaveIncubationMilestone.Validate(milestone, clock),
            () => SaveIncubationMilestone.Handle(db, clock, Id, programme, id, milestone), Lang.T("里程碑已保存", "Milestone saved"));
    }

    public Task<IActionResult> OnPostSupportAsync()
    {
        var (support, programme) = (Support, ProgrammeId ?? Guid.Empty);
        return Incubate("Support", () => RecordIncubationSupport.Validate(support, clock),
            () => RecordIncubationSupport.Handle(db, clock, Id, programme, support), Lang.T("孵化支持已登记", "Support recorded"));
    }

    public Task<IActionResult> OnPostEndIncubationAsync()
    {
        var (end, programme) = (End, ProgrammeId ?? Guid.Empty);
        return Incubate("End", () => EndIncubation.Validate(end, clock), () => EndIncubation.Handle(db, clock, Id, programme, end),
            end.To == IncubationStatus.Graduated ? Lang.T("已出壳", "Graduated") : Lang.T("已退出孵化", "Incubation ended"));
    }

    /// <summary>One incubation form's round trip: the use case's rules named beside the form's fields, what was typed kept.</summary>
    async Task<IActionResult> Incubate<T>(string form, Func<Platform.Outcomes.Errors> validate, Func<Task<Result<T>>> handle, string done)
    {
        if (!CanManage) return Forbid();
        var result = await ModelState.IfParsed(form + ".", validate, handle);
        if (result.IsOk)
        {
            TempData["Toast"] = done;
            return Redirect($"/Organizations/Details/{Id}#incubation");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, form + ".");
        IncubationForm = form;
        return await Load() ? Page() : NotFound();
    }
}
