using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
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
public sealed class DetailsModel(AppDb db, CurrentUser me) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    [BindProperty] public ChangeOrganizationStatus.Request Change { get; set; } = new(null, null);

    public GetOrganization.Details Organization { get; private set; } = null!;
    public bool CanManage => me.Has(OrganizationsPermissions.Manage);

    /// <summary>Organization staff on their own organization: they keep its contact details (修改联系信息).</summary>
    public bool IsOwn => OrganizationAccess.Own(me) == Id && me.Has(OrganizationsPermissions.EditOwn);

    /// <summary>Whether the breadcrumb leads to the register (its keepers) or only to this page (本机构).</summary>
    public bool SeesRegister => me.Has(OrganizationsPermissions.View);

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
}
