using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity.Funds;

/// <summary>
/// 拨付申请详情 (<see cref="GetDisbursement"/>): what is asked and why, the votes so far and who has yet to vote; a committee member votes
/// here (<see cref="VoteOnDisbursement"/>, the form shown only when <see cref="CharityRules.VoteRefusal"/> finds nothing, its words shown
/// otherwise); the social worker records payments (<see cref="PayDisbursement"/>) and withdraws or releases (<see cref="ReleaseDisbursement"/>).
/// </summary>
[Authorize(CharityPermissions.ViewFundsPolicy)]
public sealed class DisbursementModel(AppDb db, CurrentUser me, TimeProvider clock, IOptions<CharityOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid FundId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid RequestId { get; set; }
    [BindProperty] public VoteOnDisbursement.Request Vote { get; set; } = new(null, null);
    [BindProperty] public PayDisbursement.Request Payment { get; set; } = new(null, null, null, null);
    [BindProperty] public ReleaseDisbursement.Request Release { get; set; } = new(null);
    [BindProperty] public RecordMeetingVote.Request Meeting { get; set; } = new(null, null, null);

    public GetDisbursement.Response Asked { get; private set; } = null!;
    public bool CanVote => me.Has(CharityPermissions.VoteOnDisbursements) && Asked.MyVoteRefusal is null;
    public bool IsMember => me.Has(CharityPermissions.VoteOnDisbursements);
    public bool CanDisburse => me.Has(CharityPermissions.DisburseFunds);
    public bool CanSeeProjects => me.Has(Projects.ProjectsPermissions.View);
    public bool CanSeeNeeds => me.Has(Needs.NeedsPermissions.View);
    public bool CanKeepWishes => me.Has(CharityPermissions.KeepWishes);
    public string Today => ChinaTime.Format(ChinaTime.Today(clock));
    string Back => $"/Charity/Funds/Disbursement/{FundId}/{RequestId}";

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostVoteAsync()
    {
        if (!me.Has(CharityPermissions.VoteOnDisbursements)) return Forbid();
        var vote = Vote;
        var result = await ModelState.IfParsed(() => VoteOnDisbursement.Handle(db, me, clock, options, FundId, RequestId, vote));
        if (result.IsOk)
        {
            var v = result.Value!;
            TempData["Toast"] = v.Status switch
            {
                DisbursementStatus.Approved => Lang.T("已表决：申请获批准，金额已预留", "Voted: the request is approved and the amount reserved"),
                DisbursementStatus.Rejected => Lang.T("已表决：申请未通过", "Voted: the request is rejected"),
                _ => Lang.T($"已表决：同意 {v.Approvals} 票，需 {v.Needed} 票", $"Voted: {v.Approvals} of {v.Needed} approvals needed"),
            };
            return Redirect(Back);
        }
        return await FailedAsync(result.Failure!, "Vote.");
    }

    /// <summary>录入会议表决: the staff record a member's vote taken at a committee meeting (<see cref="RecordMeetingVote"/>).</summary>
    public async Task<IActionResult> OnPostMeetingAsync()
    {
        if (!me.Has(CharityPermissions.DisburseFunds)) return Forbid();
        var meeting = Meeting;
        var result = await ModelState.IfParsed(() => RecordMeetingVote.Handle(db, me, clock, options, FundId, RequestId, meeting));
        if (result.IsOk)
        {
            var v = result.Value!;
            TempData["Toast"] = v.Status switch
            {
                DisbursementStatus.Approved => Lang.T("已录入会议表决：申请获批准，金额已预留", "Recorded: the request is approved and the amount reserved"),
                DisbursementStatus.Rejected => Lang.T("已录入会议表决：申请未通过", "Recorded: the request is rejected"),
                _ => Lang.T($"已录入会议表决：同意 {v.Approvals} 票，需 {v.Needed} 票", $"Recorded: {v.Approvals} of {v.Needed} approvals needed"),
            };
            return Redirect(Back);
        }
        return await FailedAsync(result.Failure!, "Meeting.");
    }

    public async Task<IActionResult> OnPostPayAsync()
    {
        if (!CanDisburse) return Forbid();
        var payment = Payment;
        var result = await ModelState.IfParsed(() => PayDisbursement.Handle(db, me, clock, FundId, RequestId, payment));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T($"已登记支付，基金余额 {Money.Yuan(result.Value!.BalanceFen)}", $"Payment recorded: balance {Money.Yuan(result.Value!.BalanceFen)}");
            return Redirect(Back);
        }
        return await FailedAsync(result.Failure!, "Payment.");
    }

    public async Task<IActionResult> OnPostReleaseAsync()
    {
        if (!CanDisburse) return Forbid();
        var release = Release;
        var result = await ModelState.IfParsed(() => ReleaseDisbursement.Handle(db, me, clock, FundId, RequestId, release));
        if (result.IsOk)
        {
            TempData["Toast"] = result.Value!.ReleasedFen > 0 ? Lang.T($"已释放预留 {Money.Yuan(result.Value.ReleasedFen)}", $"Released {Money.Yuan(result.Value.ReleasedFen)}")
                : Lang.T("已撤回申请", "Withdrawn");
            return Redirect(Back);
        }
        return await FailedAsync(result.Failure!, "Release.");
    }

    async Task<IActionResult> FailedAsync(Failure failure, string prefix)
    {
        if (failure.Kind == FailureKind.NotFound) return NotFound();
        if (failure.Kind == FailureKind.Forbidden && prefix != "Vote.") return Forbid();
        ModelState.AddFailure(failure, prefix);
        return await LoadAsync() ? Page() : NotFound();
    }

    async Task<bool> LoadAsync()
    {
        var r = await GetDisbursement.Handle(db, me, clock, options, FundId, RequestId);
        if (!r.IsOk) return false;
        Asked = r.Value!;
        return true;
    }
}
