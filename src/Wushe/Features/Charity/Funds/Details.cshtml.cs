using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity.Funds;

/// <summary>
/// 基金详情: the fund and its money; tabs for its ledger (<see cref="ListFundEntries"/>), donations (<see cref="ListDonations"/>),
/// disbursement requests (<see cref="ListDisbursements"/>) and
/// committee (<see cref="GetFund"/>, kept here by <see cref="SaveCommitteeMember"/> / <see cref="EndCommitteeMember"/>); status changes
/// (<see cref="ChangeFundStatus"/>). Out of scope 404.
/// </summary>
[Authorize(CharityPermissions.ViewFundsPolicy)]
public sealed class DetailsModel(AppDb db, CurrentUser me, TimeProvider clock, IOptions<CharityOptions> options) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Tab { get; set; }
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true), Label("每页条数", "Page size")] public int? Size { get; set; }
    [BindProperty] public SaveCommitteeMember.Request Member { get; set; } = new(null, null, CommitteeRole.Member, null, null, null);
    [BindProperty] public ChangeFundStatus.Request StatusChange { get; set; } = new(null, null);

    public GetFund.Response Fund { get; private set; } = null!;
    public PageOf<ListFundEntries.Row>? Entries { get; private set; }
    public ListDonations.Response? Donations { get; private set; }
    public PageOf<ListDisbursements.Row>? Requests { get; private set; }
    [BindProperty(SupportsGet = true), Label("状态", "Status")] public DisbursementStatus? Status { get; set; }
    public bool CanManage => me.Has(CharityPermissions.ManageFunds);
    public bool CanRecord => me.Has(CharityPermissions.RecordDonations);
    public bool CanDisburse => me.Has(CharityPermissions.DisburseFunds);
    public string ActiveTab => Tab is "donations" or "disbursements" or "committee" ? Tab : "ledger";

    public async Task<IActionResult> OnGetAsync()
    {
        ModelState.AddListProblems(PageNumber, Size, null, null, null);
        return await LoadAsync() ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostMemberAsync()
    {
        if (!CanManage) return Forbid();
        var member = Member;
        var result = await ModelState.IfParsed(() => SaveCommitteeMember.Handle(db, clock, Id, member));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T("已增加管委会成员", "Member added");
            return Redirect($"/Charity/Funds/Details/{Id}?tab=committee");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "Member.");
        Tab = "committee";
        return await LoadAsync() ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostEndMemberAsync(Guid memberId)
    {
        if (!CanManage) return Forbid();
        var result = await EndCommitteeMember.Handle(db, clock, Id, memberId);
        if (!result.IsOk && result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        TempData[result.IsOk ? "Toast" : "ToastError"] = result.IsOk ? Lang.T("已登记离任", "Recorded as left") : result.Failure!.Title;
        return Redirect($"/Charity/Funds/Details/{Id}?tab=committee");
    }

    public async Task<IActionResult> OnPostReverseAsync(Guid donationId, string? reason)
    {
        if (!CanRecord) return Forbid();
        var result = await ReverseDonation.Handle(db, me, clock, Id, donationId, new(reason));
        if (!result.IsOk && result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        TempData[result.IsOk ? "Toast" : "ToastError"] = result.IsOk ? Lang.T("已冲正", "Reversed")
            : result.Failure!.Errors?.Values.SelectMany(v => v).FirstOrDefault() ?? result.Failure.Title;
        return Redirect($"/Charity/Funds/Details/{Id}?tab=donations");
    }

    [BindProperty] public TransferBetweenFunds.Request Transfer { get; set; } = new(null, null, null, null, null);
    /// <summary>The other active funds of the scope money may move to (ledger tab, for those who manage funds).</summary>
    public List<(Guid Id, string Name)> TransferTargets { get; private set; } = [];

    public async Task<IActionResult> OnPostTransferAsync()
    {
        if (!CanManage) return Forbid();
        var transfer = Transfer;
        var result = await ModelState.IfParsed(() => TransferBetweenFunds.Handle(db, me, clock, options, Id, transfer));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T($"已转出 {Money.Yuan(result.Value!.AmountFen)}", $"Moved {Money.Yuan(result.Value!.AmountFen)}");
            return Redirect($"/Charity/Funds/Details/{Id}?tab=ledger");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "Transfer.");
        Tab = "ledger";
        return await LoadAsync() ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostStatusAsync()
    {
        if (!CanManage) return Forbid();
        var change = StatusChange;
        var result = await ModelState.IfParsed(() => ChangeFundStatus.Handle(db, Id, change));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T("状态已变更", "Status changed");
            return Redirect($"/Charity/Funds/Details/{Id}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "StatusChange.");
        return await LoadAsync() ? Page() : NotFound();
    }

    /// <summary>捐赠收据 of a donation of this fund, as a PDF (<see cref="DonationReceipt.ForFund"/>).</summary>
    public async Task<IActionResult> OnGetReceiptAsync(Guid donationId)
    {
        var result = await DonationReceipt.ForFund(db, clock, Id, donationId);
        return result.IsOk ? File(result.Value!.Content, "application/pdf", result.Value.FileName) : NotFound();
    }

    /// <summary>导出 of the tab shown: the ledger, the donations or the disbursement requests (with the status chosen).</summary>
    public async Task<IActionResult> OnGetExportAsync()
    {
        var result = ActiveTab switch
        {
            "donations" => await ExportFundRecords.Donations(db, clock, Id, new()),
            "disbursements" => await ExportDisbursements.Handle(db, clock, new(Id, Status)),
            _ => await ExportFundRecords.Ledger(db, clock, Id),
        };
        if (!result.IsOk) return NotFound();
        return File(result.Value.Content, Platform.Export.Spreadsheet.XlsxContentType, result.Value.FileName);
    }

    async Task<bool> LoadAsync()
    {
        var fund = await GetFund.Handle(db, clock, options, Id);
        if (!fund.IsOk) return false;
        Fund = fund.Value!;
        if (ActiveTab == "ledger") Entries = (await ListFundEntries.Handle(db, Id, new(PageNumber, Size))).Value;
        if (ActiveTab == "ledger" && CanManage)
            TransferTargets = (await db.Set<CommunityFund>().Where(f => f.Id != Id && f.Status == FundStatus.Active).OrderBy(f => f.AreaCode).ThenBy(f => f.Name).Take(300)
                .Select(f => new { f.Id, f.Name }).ToListAsync()).Select(f => (f.Id, f.Name)).ToList();
        if (ActiveTab == "donations") Donations = (await ListDonations.Handle(db, Id, new(null, PageNumber, Size))).Value;
        if (ActiveTab == "disbursements") Requests = (await ListDisbursements.Handle(db, new(Id, Status, null, PageNumber, Size))).Value;
        return true;
    }

    public string Today => ChinaTime.Format(ChinaTime.Today(clock));
}
