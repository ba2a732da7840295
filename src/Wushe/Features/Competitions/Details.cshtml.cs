using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Competitions;

/// <summary>
/// 公益创投详情 (<see cref="GetCompetition"/>): every rule in words, the timetable in China time, the phase, the applications by status, the
/// judge panel, the links to the applications, ranking, notice and figures; for hosts 发布 and 撤回 (with a reason), both asked first.
/// </summary>
[Authorize(CompetitionsPermissions.ViewPolicy)]
public sealed class DetailsModel(AppDb db, CurrentUser me, TimeProvider clock, IOptions<Charity.CharityOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public WithdrawCompetition.Request Withdraw { get; set; } = new();

    public GetCompetition.Details? Call { get; private set; }
    public bool CanHost => me.Has(CompetitionsPermissions.Host);
    public bool WithdrawOpen { get; private set; }

    /// <summary>A published call out of the reader's scope (a township station under a district's call, whose awards in its area it reads): its public page.</summary>
    public async Task<IActionResult> OnGetAsync() =>
        await LoadAsync() ? Page()
        : (await GetPublicCompetition.Handle(db, clock, Id)).Value is not null ? Redirect($"/Public/Competitions/Details?id={Id}") : NotFound();

    async Task<bool> LoadAsync() => (Call = (await GetCompetition.Handle(db, me, clock, Id)).Value) is not null;

    public Task<IActionResult> OnPostPublishAsync() =>
        this.ActAsync(CanHost, "", () => new Errors(), () => PublishCompetition.Handle(db, clock, options, Id), Lang.T("已发布，申报通知已在公告页公开", "Published: the call is on the public page"),
            $"/Competitions/Details/{Id}", LoadAsync, () => { });

    public Task<IActionResult> OnPostWithdrawAsync()
    {
        var withdraw = Withdraw;
        return this.ActAsync(CanHost, "Withdraw.", () => WithdrawCompetition.Validate(withdraw), () => WithdrawCompetition.Handle(db, clock, Id, withdraw),
            Lang.T("已撤回", "Withdrawn"), $"/Competitions/Details/{Id}", LoadAsync, () => WithdrawOpen = true);
    }

    public string Invalid(string key) => ModelState[key]?.Errors.Count > 0 ? "is-invalid" : "";
}
