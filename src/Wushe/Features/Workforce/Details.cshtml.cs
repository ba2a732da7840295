using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Workforce;

/// <summary>
/// 社会工作者详情: the person (masked; reveal with a reason), qualifications, registrations with the state and the period's hours,
/// continuing-education records; for staff who keep the register, the forms that add and correct them and the status change.
/// </summary>
[Authorize(WorkforcePermissions.ViewPolicy)]
public sealed class DetailsModel(AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock) : PageModel, IRevealHost
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public ChangeSocialWorkerStatus.Request Status { get; set; } = new(null, null, null);
    [BindProperty] public RevealSocialWorkerField.Request Reveal { get; set; } = new(null, null);
    [BindProperty] public AddQualification.Request Qualification { get; set; } = new(null, null, null, null);
    [BindProperty] public RegisterQualification.Request Registration { get; set; } = new(null, null, null);
    [BindProperty] public AddEducationRecord.Request Education { get; set; } = new(null, null, null);
    [BindProperty] public LinkSocialWorkerAccount.Request Account { get; set; } = new(null, null);
    /// <summary>The accounts the person may be linked to (<see cref="LinkSocialWorkerAccount.Candidates"/>), for those who manage.</summary>
    public List<LinkSocialWorkerAccount.Candidate> AccountCandidates { get; private set; } = [];

    public GetSocialWorker.Details? Worker { get; private set; }
    public bool CanManage => me.Has(WorkforcePermissions.Manage);
    public bool CanReveal => me.Has(WorkforcePermissions.Reveal);
    public bool CanEnterExams => me.Has(WorkforcePermissions.Exams);
    public DateOnly Today => ChinaTime.Today(clock);
    public (string Field, string Value)? Revealed { get; private set; }
    /// <summary>The form left open with its errors: status, qualification, registration, education, or "reveal-" + a field.</summary>
    public string? Open { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    async Task<bool> LoadAsync()
    {
        if ((Worker = (await GetSocialWorker.Handle(db, clock, Id)).Value) is null) return false;
        if (CanManage && await db.Set<SocialWorker>().FindAsync(Id) is { } worker) AccountCandidates = await LinkSocialWorkerAccount.Candidates(db, worker);
        return true;
    }

    public Task<IActionResult> OnPostStatusAsync() =>
        Act("status", "Status.", () => new Errors(), () => ChangeSocialWorkerStatus.Handle(db, Id, Status), Lang.T("在岗状态已变更", "Status changed"));

    public Task<IActionResult> OnPostQualificationAsync() =>
        Act("qualification", "Qualification.", () => new Errors(), () => AddQualification.Handle(db, clock, Id, Qualification), Lang.T("职业资格已录入", "Qualification added"));

    public Task<IActionResult> OnPostRegistrationAsync() =>
        Act("registration", "Registration.", () => new Errors(), () => RegisterQualification.Handle(db, me, clock, Id, Registration), Lang.T("登记已办理", "Registered"));

    public Task<IActionResult> OnPostEducationAsync() =>
        Act("education", "Education.", () => new Errors(), () => AddEducationRecord.Handle(db, me, clock, Id, Education), Lang.T("继续教育学时已录入", "Hours added"));

    public Task<IActionResult> OnPostAccountAsync() =>
        Act("account", "Account.", () => new Errors(), () => LinkSocialWorkerAccount.Handle(db, Id, Account),
            Account.UserId is null ? Lang.T("已取消关联平台账号", "Account unlinked") : Lang.T("平台账号已关联", "Account linked"));

    public Task<IActionResult> OnPostRemoveQualificationAsync(Guid qualificationId) =>
        Act("qualifications", "", () => new Errors(), () => RemoveQualification.Handle(db, Id, qualificationId), Lang.T("职业资格已删除", "Qualification removed"));

    public Task<IActionResult> OnPostRemoveEducationAsync(Guid recordId) =>
        Act("records", "", () => new Errors(), () => RemoveEducationRecord.Handle(db, Id, recordId), Lang.T("继续教育记录已删除", "Record removed"));

    Task<IActionResult> Act<T>(string form, string prefix, Func<Errors> validate, Func<Task<Result<T>>> useCase, string done) =>
        this.ActAsync(CanManage, prefix, validate, useCase, done, $"/Workforce/Details/{Id}", LoadAsync, () => Open = form);

    public async Task<IActionResult> OnPostRevealAsync()
    {
        var reveal = Reveal;
        var result = await ModelState.IfParsed("Reveal.", () => new Errors(), () => RevealSocialWorkerField.Handle(db, me, sealer, clock, Id, reveal));
        if (result.IsOk) Revealed = (result.Value!.Field, result.Value.Value);
        else if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        else if (result.Failure.Kind == FailureKind.Forbidden) return Forbid();
        else
        {
            ModelState.AddRevealFailure(result.Failure, reveal.Field, "idNumber", "phone");
            Open = "reveal-" + reveal.Field;
        }
        return await LoadAsync() ? Page() : NotFound();
    }

    public string? Shown(string field) => Revealed is { } r && r.Field == field ? r.Value : null;

    public string Invalid(string key) => ModelState[key]?.Errors.Count > 0 ? "is-invalid" : "";
}
