using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Competitions;

/// <summary>
/// 资助详情 (/Competitions/Award?id=): the agreement, the plan with each tranche's state (<see cref="AwardRules"/>), the evaluations and
/// the ledger (<see cref="GetAward"/>); for the host: signing, release, stop, claw-back and close, each asked first.
/// </summary>
[Authorize(CompetitionsPermissions.ViewPolicy)]
public sealed class AwardModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public SignAgreement.Request Sign { get; set; } = new();
    [BindProperty] public StopAward.Request Stop { get; set; } = new();
    [BindProperty] public ClawBack.Request Claw { get; set; } = new();

    public GetAward.Details Award { get; private set; } = null!;
    public bool CanHost => me.Has(CompetitionsPermissions.Host);
    /// <summary>Whether the reader may open the fund's request (the fund's staff pages).</summary>
    public bool CanSeeFunds => me.Has(Charity.CharityPermissions.ViewFunds);

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    async Task<bool> LoadAsync()
    {
        var result = await GetAward.Handle(db, clock, Id);
        if (!result.IsOk) return false;
        Award = result.Value!;
        return true;
    }

    string Back => $"/Competitions/Award?id={Id}";

    Task<IActionResult> Act<T>(string prefix, Func<Errors> validate, Func<Task<Result<T>>> useCase, string done) =>
        this.ActAsync(CanHost, prefix, validate, useCase, done, Back, LoadAsync, () => { });

    public Task<IActionResult> OnPostSignAsync()
    {
        var sign = Sign;
        return Act("Sign.", () => new Errors(), () => SignAgreement.Handle(db, clock, Id, sign), Lang.T("协议签订日期已登记", "The signing is recorded"));
    }

    public Task<IActionResult> OnPostReleaseAsync(int? tranche) =>
        Act("", () => new Errors(), () => ReleaseTranche.Handle(db, me, clock, Id, new ReleaseTranche.Request { Tranche = tranche }), Lang.T("资金已拨付", "The tranche is released"));

    public Task<IActionResult> OnPostStopAsync()
    {
        var stop = Stop;
        return Act("Stop.", () => new Errors(), () => StopAward.Handle(db, clock, Id, stop), Lang.T("已停止拨付", "Funding is stopped"));
    }

    public Task<IActionResult> OnPostClawAsync()
    {
        var claw = Claw;
        return Act("Claw.", () => new Errors(), () => ClawBack.Handle(db, me, clock, Id, claw), Lang.T("追回已登记", "The claw-back is recorded"));
    }

    public Task<IActionResult> OnPostCloseAsync() =>
        Act("", () => new Errors(), () => CloseAward.Handle(db, me, clock, Id, new CloseAward.Request()), Lang.T("资助已结项", "The award is closed"));
}
