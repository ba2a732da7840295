using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Stations;

/// <summary>社工站详情: basics, "五有五统一" checklist with evidence and history, funding, ratings, supervision.</summary>
[Authorize(StationsPermissions.ViewPolicy)]
public sealed class DetailsModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tab { get; set; }

    [BindProperty] public RecordCheck.Request Check { get; set; } = new() { Met = true };
    [BindProperty] public AddServicePurchase.Request Purchase { get; set; } = new(null, null, null, null, null, null, null);

    [BindProperty] public ManageStaff.AddRequest Staff { get; set; } = new(null, "专职社工", null);

    public GetStation.Details Station { get; private set; } = null!;
    public List<ManageStaff.Candidate> Candidates { get; private set; } = [];
    /// <summary>The station's people on the social-work register (issue 11), for those who may see it; null otherwise.</summary>
    public Workforce.StationStaffing.OfStation? Register { get; private set; }
    public bool CanManageRegister => me.Has(Workforce.WorkforcePermissions.Manage);
    public List<GetChecklist.HistoryRow> History { get; private set; } = [];
    public bool CanManage => me.Has(StationsPermissions.Manage);
    public bool CanCheck => me.Has(StationsPermissions.RecordChecks);
    public bool CanSupervise => Station is { } s && RecordSupervision.MaySupervise(me, s.AreaCode);
    public DateOnly Today => Platform.ChinaTime.Today(clock);

    /// <summary>The Bootstrap class of a form field that has an error (tab forms prefix their fields: "Staff.Position").</summary>
    public string Invalid(string prefix, string field) => ModelState[prefix + "." + field]?.Errors.Count > 0 ? "is-invalid" : "";

    public async Task<IActionResult> OnGetAsync()
    {
        Check = Check with { CheckedOn = Today };
        Staff = Staff with { JoinedOn = Today };
        return await Load() ? Page() : NotFound();
    }

    async Task<bool> Load()
    {
        var result = await GetStation.Handle(db, Id);
        if (!result.IsOk) return false;
        Station = result.Value!;
        History = await GetChecklist.History(db, Id);
        if (CanManage) Candidates = await ManageStaff.Candidates(db, Id);
        if (me.Has(Workforce.WorkforcePermissions.View)) Register = await Workforce.StationStaffing.ForStationAsync(db, clock, Id);
        return true;
    }

    public async Task<IActionResult> OnPostCheckAsync(IFormFile? evidence)
    {
        if (!CanCheck) return Forbid();
        var result = await ModelState.IfParsed("Check.", () => RecordCheck.Validate(Check, clock), () => RecordCheck.Handle(db, me, clock, Id, Check, evidence, User.FindFirst("wushe:display")?.Value ?? me.UserName ?? ""));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T("检查记录已保存", "Check recorded");
            return Redirect($"/Stations/Details?id={Id}&tab=checklist");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "Check.");
        Tab = "checklist";
        return await Load() ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostStaffAsync()
    {
        if (!CanManage) return Forbid();
        var result = await ModelState.IfParsed("Staff.", () => ManageStaff.ValidateAdd(Staff, clock), () => ManageStaff.Add(db, clock, Id, Staff));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T("新增成功", "Added");
            return Redirect($"/Stations/Details?id={Id}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "Staff.");
        return await Load() ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostHeadAsync(Guid userId, bool isHead)
    {
        if (!CanManage) return Forbid();
        var result = await ManageStaff.SetHead(db, Id, userId, new ManageStaff.HeadRequest(isHead));
        if (!result.IsOk) return NotFound();
        TempData["Toast"] = Lang.T("修改成功", "Saved");
        return Redirect($"/Stations/Details?id={Id}");
    }

    public async Task<IActionResult> OnPostRemoveStaffAsync(Guid userId)
    {
        if (!CanManage) return Forbid();
        var result = await ManageStaff.Remove(db, Id, userId);
        if (!result.IsOk) return NotFound();
        TempData["Toast"] = Lang.T("移除成功", "Removed");
        return Redirect($"/Stations/Details?id={Id}");
    }

    public async Task<IActionResult> OnPostPurchaseAsync()
    {
        if (!CanManage) return Forbid();
        var result = await ModelState.IfParsed("Purchase.", () => AddServicePurchase.Validate(Purchase), () => AddServicePurchase.Handle(db, Id, Purchase));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T("新增成功", "Added");
            return Redirect($"/Stations/Details?id={Id}&tab=funding");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "Purchase.");
        Tab = "funding";
        return await Load() ? Page() : NotFound();
    }
}
