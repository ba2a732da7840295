using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Households;

/// <summary>家庭户详情: the household, its members (masked, reveal with a reason), consents, needs; the visit and card partials.</summary>
[Authorize(HouseholdsPermissions.ViewPolicy)]
public sealed class DetailsModel(AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }

    public GetHousehold.Details Household { get; private set; } = null!;
    public bool CanManage => me.Has(HouseholdsPermissions.Manage);
    /// <summary>迁移 is offered to who has another community to move to (<see cref="MoveHousehold.MayMove"/>).</summary>
    public bool CanMove => CanManage && MoveHousehold.MayMove(me);
    public bool CanVisit => me.Has(HouseholdsPermissions.Visit);
    public bool CanRaiseNeed => me.Has(Needs.NeedsPermissions.Manage) && Household.ClosedOn is null;
    public bool CanViewNeeds => me.Has(Needs.NeedsPermissions.View);
    public bool CanReveal => me.Has(HouseholdsPermissions.Reveal);

    [BindProperty] public Guid RevealResident { get; set; }
    [BindProperty] public RevealResidentField.Request Reveal { get; set; } = new(null, null);
    public RevealResidentField.Revealed? Revealed { get; private set; }
    public (Guid Resident, string Field)? RevealOpen { get; private set; }

    [BindProperty] public Guid ConsentResident { get; set; }
    [BindProperty] public RecordConsent.Request Consent { get; set; } = new(null, null, null, ConsentScope.Sensitive, null);
    public bool ConsentOpen { get; private set; }

    [BindProperty, Label("家庭住址", "Address")] public string? Address { get; set; }
    /// <summary>The household's version when the address form was opened (a change saved since is refused, 409).</summary>
    [BindProperty, Label("版本", "Version")] public int? AddressVersion { get; set; }
    [BindProperty] public EditHousehold.CloseRequest Closing { get; set; } = new(null, null);
    [BindProperty] public EditHousehold.ReopenRequest Reopening { get; set; } = new(null, null);

    public async Task<IActionResult> OnGetAsync()
    {
        // The closing and reopening days start at today, as the move's does (review7d 17).
        var today = Platform.ChinaTime.Today(clock);
        (Closing, Reopening) = (new(null, today), new(null, today));
        return await Load() ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostRevealAsync()
    {
        ModelState.Clear();
        var result = await RevealResidentField.Handle(db, me, sealer, clock, RevealResident, Reveal);
        if (result.Failure is { Kind: FailureKind.NotFound } || !await Load() || Household.Members.All(m => m.Id != RevealResident)) return NotFound();
        if (result.Failure is { Kind: FailureKind.Forbidden }) return Forbid();
        RevealOpen = (RevealResident, Reveal.Field ?? "");
        if (result.IsOk)
        {
            Revealed = result.Value;
            Reveal = new(null, null);
        }
        else ModelState.AddFailure(result.Failure!, "Reveal.");
        return Page();
    }

    public async Task<IActionResult> OnPostConsentAsync()
    {
        if (!CanManage) return Forbid();
        var consent = Consent;
        var result = await ModelState.IfParsed("Consent.", () => RecordConsent.Validate(consent, Platform.ChinaTime.Today(clock)),
            () => RecordConsent.Handle(db, me, clock, ConsentResident, consent));
        if (result.Failure is { Kind: FailureKind.NotFound }) return NotFound();
        if (!await Load()) return NotFound();
        if (Household.Members.All(m => m.Id != ConsentResident)) return NotFound();
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T("已登记知情同意", "Consent recorded");
            return Redirect($"/Households/Details?id={Id}#consents");
        }
        if (!ReferenceEquals(result.Failure, PageForms.Unparsed)) ModelState.AddFailure(result.Failure!, "Consent.");
        ConsentOpen = true;
        return Page();
    }

    public async Task<IActionResult> OnPostWithdrawAsync(Guid consentId)
    {
        if (!CanManage) return Forbid();
        if (!await Load() || Household.Consents.All(c => c.Id != consentId)) return NotFound();
        var result = await RecordConsent.Withdraw(db, clock, consentId);
        if (result.IsOk) TempData["Toast"] = result.Value!.Erased
            ? Lang.T("已撤回同意，该儿童的敏感个人信息已删除", "Consent withdrawn; the child's sensitive information was erased")
            : Lang.T("已撤回同意", "Consent withdrawn");
        else TempData["ToastError"] = result.Failure!.Title;
        return Redirect($"/Households/Details?id={Id}#consents");
    }

    public async Task<IActionResult> OnPostAddressAsync()
    {
        if (!CanManage) return Forbid();
        var request = new EditHousehold.Request(Address, AddressVersion);
        var result = await ModelState.IfParsed("", () => EditHousehold.Validate(request), () => EditHousehold.Handle(db, Id, request));
        if (result.Failure is { Kind: FailureKind.NotFound }) return NotFound();
        if (result.Failure is { Kind: FailureKind.Conflict } conflict)
        {
            TempData["ToastError"] = conflict.Title;
            return Redirect($"/Households/Details?id={Id}");
        }
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T("地址已修改", "Address saved");
            return Redirect($"/Households/Details?id={Id}");
        }
        if (!ReferenceEquals(result.Failure, PageForms.Unparsed)) ModelState.AddFailure(result.Failure!);
        return await Load() ? Page() : NotFound();
    }

    /// <summary>注销 with a reason and a day (<see cref="EditHousehold.Close"/>); errors shown beside the fields of the closing form.</summary>
    public async Task<IActionResult> OnPostCloseAsync()
    {
        if (!CanManage) return Forbid();
        var request = Closing;
        var result = await ModelState.IfParsed("Closing.", () => EditHousehold.Validate(request, Platform.ChinaTime.Today(clock)), () => EditHousehold.Close(db, clock, Id, request));
        if (result.Failure is { Kind: FailureKind.NotFound }) return NotFound();
        if (result.IsOk || result.Failure!.Kind == FailureKind.Conflict)
        {
            if (result.IsOk) TempData["Toast"] = Lang.T("已注销该户", "Household closed");
            else TempData["ToastError"] = result.Failure!.Title;
            return Redirect($"/Households/Details?id={Id}");
        }
        if (!ReferenceEquals(result.Failure, PageForms.Unparsed)) ModelState.AddFailure(result.Failure!, "Closing.");
        return await Load() ? Page() : NotFound();
    }

    /// <summary>恢复 with a reason and a day (<see cref="EditHousehold.Reopen"/>); errors shown beside the fields of the reopening form.</summary>
    public async Task<IActionResult> OnPostReopenAsync()
    {
        if (!CanManage) return Forbid();
        var request = Reopening;
        var result = await ModelState.IfParsed("Reopening.", () => EditHousehold.Validate(request, Platform.ChinaTime.Today(clock)), () => EditHousehold.Reopen(db, clock, Id, request));
        if (result.Failure is { Kind: FailureKind.NotFound }) return NotFound();
        if (result.IsOk || result.Failure!.Kind == FailureKind.Conflict)
        {
            if (result.IsOk) TempData["Toast"] = Lang.T("已恢复该户", "Household reopened");
            else TempData["ToastError"] = result.Failure!.Title;
            return Redirect($"/Households/Details?id={Id}");
        }
        if (!ReferenceEquals(result.Failure, PageForms.Unparsed)) ModelState.AddFailure(result.Failure!, "Reopening.");
        return await Load() ? Page() : NotFound();
    }

    public bool ReopeningOpen => ModelState.Keys.Any(k => k.StartsWith("Reopening.", StringComparison.Ordinal) && ModelState[k]!.Errors.Count > 0);

    public bool ClosingOpen => ModelState.Keys.Any(k => k.StartsWith("Closing.", StringComparison.Ordinal) && ModelState[k]!.Errors.Count > 0);

    async Task<bool> Load()
    {
        var found = await GetHousehold.Handle(db, clock, Id);
        if (!found.IsOk) return false;
        Household = found.Value!;
        Address ??= Household.Address;
        return true;
    }

    public string? ErrorOf(string key) => ModelState.TryGetValue(key, out var e) && e.Errors.Count > 0 ? string.Join(" ", e.Errors.Select(x => x.ErrorMessage)) : null;
}
