using Microsoft.Extensions.Options;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity;

/// <summary>Routes of the community charity funds (issue 10); each calls the use case the pages call too. Amounts are whole fen.</summary>
public static class CharityApi
{
    /// <summary>The public disclosure (no sign-in): the funds of an area and one fund's money and donations.</summary>
    public static void MapPublic(RouteGroupBuilder publicApi)
    {
        var p = publicApi.MapGroup("/charity/funds").WithTags("Public");
        p.MapGet("/", async (AppDb db, TimeProvider clock, IOptions<CharityOptions> options, [AsParameters] PublicFunds.Query q) =>
                (await PublicFunds.Handle(db, clock, options.Value, q)).ToOk())
            .WithName("ListPublicFunds").WithSummary("基金公示列表 · Publicly disclosed funds")
            .WithDescription("The funds of ?area= with income, spending and balance (fen) and the area's totals; no sign-in, no personal data. statusLabel: 筹建中（管理委员会未组成） for an active fund "
                + "whose committee cannot decide yet (committeeFormed false: it takes donations, pays nothing). An area that names no place is 404.");
        p.MapGet("/{id:guid}", async (AppDb db, TimeProvider clock, IOptions<CharityOptions> options, Guid id, [AsParameters] PublicFund.Query q) =>
                (await PublicFund.Handle(db, clock, options.Value, id, q)).ToOk())
            .WithName("GetPublicFund").WithSummary("基金公示 · A fund's disclosure")
            .WithDescription("Its money (fen) and its donations with the donor as the public reads it (anonymous ones as 爱心人士/爱心企业), or with ?view=spending "
                + "its payments with what each paid for (the request's title, never the payee); statusLabel and committeeFormed as in the list; no sign-in.");
        p.MapGet("/{id:guid}/reports", async (AppDb db, TimeProvider clock, Guid id) => (await QuarterlyDisclosure.Quarters(db, clock, id)).ToOk())
            .WithName("ListDisclosureReports").WithSummary("季度公示报告列表 · A fund's quarterly disclosure reports")
            .WithDescription("The quarters the fund has run, newest first (the one under way included): year, number, first and last day; each PDF is at /reports/{year}/{quarter}; no sign-in.");
        p.MapGet("/{id:guid}/reports/{year:int}/{quarter:int}", async (AppDb db, TimeProvider clock, Guid id, int year, int quarter) =>
                (await QuarterlyDisclosure.Handle(db, clock, id, year, quarter)).ToHttp(r => TypedResults.File(DisclosureReportPdf.Render(r), "application/pdf", r.FileName)))
            .ProducesFile(["application/pdf"])
            .WithName("GetDisclosureReport").WithSummary("季度公示报告 · A quarterly disclosure report")
            .WithDescription("PDF, Chinese: opening and closing balance, donations (anonymous ones as 爱心人士), payments and what each paid for, reserved; "
                + "built from the ledger of the quarter (China time): by booking date (按入账日期统计) — a gift dated in an earlier quarter but recorded in this one is here, "
                + "with its own date. A quarter outside the fund's life is 404; no sign-in.");
    }

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/me/donations", async (AppDb db, CurrentUser user, [AsParameters] MyDonations.Query q) => TypedResults.Ok(await MyDonations.Handle(db, user, q)))
            .RequirePermission(CharityPermissions.Donor).WithTags("Charity")
            .WithName("ListMyDonations").WithSummary("我的捐赠 · My donations")
            .WithDescription("The signed-in donor's donations (recorded with their account), newest first, with fund and receipt number; totalFen.");
        api.MapGet("/me/donations/{donationId:guid}/receipt", async (AppDb db, CurrentUser user, TimeProvider clock, Guid donationId) =>
                (await DonationReceipt.ForDonor(db, user, clock, donationId)).ToHttp(f => TypedResults.File(f.Content, "application/pdf", f.FileName)))
            .RequirePermission(CharityPermissions.Donor).WithTags("Charity").ProducesFile(["application/pdf"])
            .WithName("MyDonationReceipt").WithSummary("下载我的捐赠收据 · My donation's receipt")
            .WithDescription("PDF, Chinese; a donation recorded with the signed-in account only (else 404); a reversed one is marked void.");

        var g = api.MapGroup("/charity/funds").WithTags("Charity");
        g.MapGet("/", async (AppDb db, [AsParameters] ListFunds.Query q) => TypedResults.Ok(await ListFunds.Handle(db, q)))
            .RequirePermission(CharityPermissions.ViewFunds)
            .WithName("ListFunds").WithSummary("社区慈善基金列表 · List community charity funds")
            .WithDescription("Funds in the user's scope: ?area=&keyword= (name, fund number or host)&status=&page=&size=; with the totals of the whole list (fen).");
        g.MapExport<ListFunds.Query>("/export", (db, clock, q) => ExportFunds.Handle(db, clock, q with { Page = null, Size = null }))
            .RequirePermission(CharityPermissions.ViewFunds)
            .WithName("ExportFunds").WithSummary("导出社区慈善基金 · Export the funds")
            .WithDescription("The list's search (?area=&keyword=&status=) as an Excel file, amounts in yuan; audited.");
        g.MapGet("/{id:guid}/entries/export", async (AppDb db, TimeProvider clock, Guid id) =>
                (await ExportFundRecords.Ledger(db, clock, id)).ToHttp(f => TypedResults.File(f.Content, Platform.Export.Spreadsheet.XlsxContentType, f.FileName)))
            .RequirePermission(CharityPermissions.ViewFunds).ProducesFile([Platform.Export.Spreadsheet.XlsxContentType])
            .WithName("ExportFundEntries").WithSummary("导出基金台账 · Export a fund's ledger")
            .WithDescription("Every entry by its number, amounts in yuan; audited under the fund's area.");
        g.MapGet("/{id:guid}/donations/export", async (AppDb db, TimeProvider clock, Guid id, [AsParameters] ListDonations.Query q) =>
                (await ExportFundRecords.Donations(db, clock, id, q with { Page = null, Size = null })).ToHttp(f => TypedResults.File(f.Content, Platform.Export.Spreadsheet.XlsxContentType, f.FileName)))
            .RequirePermission(CharityPermissions.ViewFunds).ProducesFile([Platform.Export.Spreadsheet.XlsxContentType])
            .WithName("ExportDonations").WithSummary("导出捐赠记录 · Export a fund's donations")
            .WithDescription("The donations (?keyword=) as the list orders them, amounts in yuan, with the donor as recorded and the anonymity asked for; audited.");
        g.MapGet("/{id:guid}/disbursements/export", async (AppDb db, TimeProvider clock, Guid id, [AsParameters] ListDisbursements.Query q) =>
                (await ExportDisbursements.Handle(db, clock, q with { Fund = id })).ToHttp(f => TypedResults.File(f.Content, Platform.Export.Spreadsheet.XlsxContentType, f.FileName)))
            .RequirePermission(CharityPermissions.ViewFunds).ProducesFile([Platform.Export.Spreadsheet.XlsxContentType])
            .WithName("ExportDisbursements").WithSummary("导出拨付申请 · Export a fund's disbursement requests")
            .WithDescription("The requests (?status=) newest first, amounts in yuan, with the votes so far; audited.");
        g.MapGet("/ledger-check", async (AppDb db, TimeProvider clock, [AsParameters] CheckFundLedgers.Query q) => TypedResults.Ok(await CheckFundLedgers.Handle(db, clock, q)))
            .RequirePermission(CharityPermissions.CheckLedgers)
            .WithName("CheckFundLedgers").WithSummary("台账核对 · Check the fund ledgers")
            .WithDescription("Every fund of the scope (?area=): balance = sum of entries, reserved = sum of reservations, numbering without gaps, every donation posted. Lists each discrepancy (none when the ledgers hold).");
        g.MapGet("/{id:guid}", async (AppDb db, TimeProvider clock, IOptions<CharityOptions> options, Guid id) => (await GetFund.Handle(db, clock, options, id)).ToOk())
            .RequirePermission(CharityPermissions.ViewFunds)
            .WithName("GetFund").WithSummary("基金详情 · Get a fund")
            .WithDescription("Its details and money (fen), its committee and whether the committee may decide now (committeeProblem).");
        g.MapGet("/{id:guid}/entries", async (AppDb db, Guid id, [AsParameters] ListFundEntries.Query q) => (await ListFundEntries.Handle(db, id, q)).ToOk())
            .RequirePermission(CharityPermissions.ViewFunds)
            .WithName("ListFundEntries").WithSummary("基金台账 · List a fund's ledger")
            .WithDescription("Newest first by the entry's number within the fund (unique): amount and reserved changes and the balance after, in fen.");
        g.MapGet("/{id:guid}/donations", async (AppDb db, Guid id, [AsParameters] ListDonations.Query q) => (await ListDonations.Handle(db, id, q)).ToOk())
            .RequirePermission(CharityPermissions.ViewFunds)
            .WithName("ListDonations").WithSummary("捐赠记录 · List a fund's donations")
            .WithDescription("Newest first (date, receipt number); ?keyword= (donor or receipt number); totalFen of the whole list, reversed ones left out.");

        g.MapPost("/", async (AppDb db, CurrentUser user, TimeProvider clock, SetUpFund.Request r) =>
            (await SetUpFund.Handle(db, user, clock, null, r)).ToHttp(c => TypedResults.Created($"{Api.Prefix}/charity/funds/{c.Id}", c)))
            .RequirePermission(CharityPermissions.ManageFunds)
            .WithName("SetUpFund").WithSummary("设立社区慈善基金 · Set up a fund")
            .WithDescription("For a community or township in scope (areaCode), hosted by a registered foundation of the place or above it (hostOrganizationId); "
                + "the name follows the rule host + place + 社区慈善基金 and is made, not given.")
            .ProducesValidationProblem();
        g.MapPut("/{id:guid}", async (AppDb db, CurrentUser user, TimeProvider clock, Guid id, SetUpFund.Request r) =>
            (await SetUpFund.Handle(db, user, clock, id, r)).ToOk())
            .RequirePermission(CharityPermissions.ManageFunds)
            .WithName("EditFund").WithSummary("修改基金 · Edit a fund")
            .WithDescription("The host, purpose and date (the place is fixed); a stale version is 409.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/status", async (AppDb db, Guid id, ChangeFundStatus.Request r) =>
            (await ChangeFundStatus.Handle(db, id, r)).ToHttp(f => TypedResults.Ok(new ChangeFundStatus.Changed(f.Id, f.Status, f.Version))))
            .RequirePermission(CharityPermissions.ManageFunds)
            .WithName("ChangeFundStatus").WithSummary("变更基金状态 · Change a fund's status")
            .WithDescription("Active ⇄ Suspended; either → Closed (final; not while money is reserved), with a reason.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/committee", async (AppDb db, TimeProvider clock, Guid id, SaveCommitteeMember.Request r) =>
            (await SaveCommitteeMember.Handle(db, clock, id, r)).ToHttp(c => TypedResults.Created($"{Api.Prefix}/charity/funds/{id}", c)))
            .RequirePermission(CharityPermissions.ManageFunds)
            .WithName("AddCommitteeMember").WithSummary("增加管委会成员 · Add a committee member")
            .WithDescription("Chair, member (both vote) or supervisor (does not), for a term of at most 6 years; accountUserName links an account with the fund-committee role here.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/committee/{memberId:guid}/end", async (AppDb db, TimeProvider clock, Guid id, Guid memberId) =>
            (await EndCommitteeMember.Handle(db, clock, id, memberId)).ToOk())
            .RequirePermission(CharityPermissions.ManageFunds)
            .WithName("EndCommitteeMember").WithSummary("管委会成员离任 · End a member's service")
            .WithDescription("The member leaves today; the record stays. A member who left already is 409.");
        g.MapPost("/{id:guid}/donations", async (AppDb db, CurrentUser user, TimeProvider clock, Guid id, RecordDonation.Request r) =>
            (await RecordDonation.Handle(db, user, clock, id, r)).ToHttp(c => TypedResults.Created($"{Api.Prefix}/charity/funds/{id}/donations", c)))
            .RequirePermission(CharityPermissions.ViewFunds).RequirePermission(CharityPermissions.RecordDonations)
            .WithName("RecordDonation").WithSummary("登记捐赠 · Record a donation")
            .WithDescription("Money or goods (channel InKind, with items and a valued amount) in yuan (amountYuan, above 0, at most 100,000,000, two decimals); "
                + "one ledger entry and a numbered receipt. Send an Idempotency-Key: a retry answers the first answer and records nothing new.")
            .ProducesValidationProblem();
        g.MapGet("/{id:guid}/donations/{donationId:guid}/receipt", async (AppDb db, TimeProvider clock, Guid id, Guid donationId) =>
                (await DonationReceipt.ForFund(db, clock, id, donationId)).ToHttp(f => TypedResults.File(f.Content, "application/pdf", f.FileName)))
            .RequirePermission(CharityPermissions.ViewFunds).ProducesFile(["application/pdf"])
            .WithName("DonationReceipt").WithSummary("打印捐赠收据 · A donation's receipt")
            .WithDescription("PDF, Chinese: donor, fund, host charity, amount in figures and capitals, date; a reversed donation's receipt is marked void. 404 out of scope.");
        g.MapPost("/{id:guid}/transfers", async (AppDb db, CurrentUser user, TimeProvider clock, IOptions<CharityOptions> options, Guid id, TransferBetweenFunds.Request r) =>
                (await TransferBetweenFunds.Handle(db, user, clock, options, id, r)).ToOk())
            .RequirePermission(CharityPermissions.ManageFunds)
            .WithName("TransferBetweenFunds").WithSummary("基金间转移 · Move money to another fund")
            .WithDescription("From this fund to another active fund of the scope (toFundId), amountYuan, reason, and the committee's decision: decisionNo (1–50 characters) "
                + "and decidedOn (not in the future, not before the fund's establishment), each missing or bad one a 400 naming it; a 转出 entry here and a 转入 entry "
                + "there, saved together, both carrying the decision. Beyond the available balance, a fund not active, or a committee that could not decide on "
                + "decidedOn (fewer than the voting members the rule asks), is 409.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/donations/{donationId:guid}/reverse", async (AppDb db, CurrentUser user, TimeProvider clock, Guid id, Guid donationId, ReverseDonation.Request r) =>
            (await ReverseDonation.Handle(db, user, clock, id, donationId, r)).ToOk())
            .RequirePermission(CharityPermissions.ViewFunds).RequirePermission(CharityPermissions.RecordDonations)
            .WithName("ReverseDonation").WithSummary("捐赠冲正 · Reverse a donation")
            .WithDescription("A donation recorded in error: a new ledger entry of the opposite amount, with the reason; the donation stays, marked reversed. "
                + "Reversed already, or more than the available balance, is 409.")
            .ProducesValidationProblem();
        api.MapGet("/me/votes", async (AppDb db, CurrentUser user, TimeProvider clock) => TypedResults.Ok(await AwaitingMyVote.Handle(db, user, clock)))
            .RequirePermission(CharityPermissions.VoteOnDisbursements).WithTags("Charity")
            .WithName("ListAwaitingMyVote").WithSummary("待我表决 · Requests awaiting my vote")
            .WithDescription("Requests in voting of the funds on whose committee the signed-in account serves as a voting member, not voted yet and not its own; oldest first.");
        api.MapGet("/charity/disbursements", async (AppDb db, [AsParameters] ListDisbursements.Query q) => (await ListDisbursements.Handle(db, q)).ToOk())
            .RequirePermission(CharityPermissions.ViewFunds).WithTags("Charity")
            .WithName("ListDisbursements").WithSummary("拨付申请 · List disbursement requests")
            .WithDescription("Of the scope, of an area (?area=, 12 digits, its subtree) or of one fund (?fund=); newest first (raised at, id); ?status=&keyword= (title, number, payee); amounts in fen with the approvals and rejections so far.");
        api.MapGet("/charity/report", async (AppDb db, CurrentUser user, TimeProvider clock, [AsParameters] CharityReport.Query q) => (await CharityReport.Handle(db, user, clock, q)).ToOk())
            .RequirePermission(CharityPermissions.ViewFunds).WithTags("Charity")
            .WithName("GetCharityReport").WithSummary("慈善资金统计 · Charity report")
            .WithDescription("For ?area= (12 digits; default the user's) and ?year=&fromMonth=&toMonth= (whole months of one year, China time; default this year to this month): "
                + "donations (not reversed, by their date) and payments (by the day paid) in fen — by donor type with donors counted once, by campaign, by purpose, per child area "
                + "(the area's own funds as a row with own=true) and, for a township or community, per fund; wishes fulfilled; funds running and their balance now; "
                + "and the sentence a work report writes. 400 naming year/fromMonth/toMonth/area; 404 outside the scope.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/charity/report/export", async Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.FileContentHttpResult, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>> (
                AppDb db, CurrentUser user, TimeProvider clock, [AsParameters] CharityReport.Query q) =>
                (await ExportCharityReport.Handle(db, user, clock, q)).ToHttp(f => TypedResults.File(f.Content, Platform.Export.Spreadsheet.XlsxContentType, f.FileName)))
            .RequirePermission(CharityPermissions.ViewFunds).WithTags("Charity")
            .WithName("ExportCharityReport").WithSummary("导出慈善资金统计 · Export the charity report")
            .WithDescription("GetCharityReport (same ?area=&year=&fromMonth=&toMonth=) as an Excel file: the sentence, totals, by donor type, campaign, purpose, child area and fund; "
                + "yuan with two decimals; no donor named; audited. 404 outside the scope.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesFile([Platform.Export.Spreadsheet.XlsxContentType]);
        api.MapExport<ListDisbursements.Query>("/charity/disbursements/export", (db, clock, q) => ExportDisbursements.Handle(db, clock, q))
            .RequirePermission(CharityPermissions.ViewFunds).WithTags("Charity")
            .WithName("ExportAllDisbursements").WithSummary("导出拨付申请（跨基金） · Export disbursement requests across funds")
            .WithDescription("The list's search (?area=&fund=&status=&keyword=) as an Excel file, amounts in yuan; audited as an export.");
        g.MapGet("/{id:guid}/disbursements/{requestId:guid}", async (AppDb db, CurrentUser user, TimeProvider clock, IOptions<CharityOptions> options, Guid id, Guid requestId) =>
            (await GetDisbursement.Handle(db, user, clock, options, id, requestId)).ToOk())
            .RequirePermission(CharityPermissions.ViewFunds)
            .WithName("GetDisbursement").WithSummary("拨付申请详情 · Get a disbursement request")
            .WithDescription("The request (fen), its votes and payments, the approvals needed, who has yet to vote, and myVoteRefusal: why the signed-in account may not vote now (null when it may).");
        g.MapPost("/{id:guid}/disbursements", async (AppDb db, CurrentUser user, TimeProvider clock, Guid id, RaiseDisbursement.Request r) =>
            (await RaiseDisbursement.Handle(db, user, clock, id, r)).ToHttp(c => TypedResults.Created($"{Api.Prefix}/charity/funds/{id}/disbursements/{c.Id}", c)))
            .RequirePermission(CharityPermissions.ViewFunds).RequirePermission(CharityPermissions.DisburseFunds)
            .WithName("RaiseDisbursement").WithSummary("申请拨付 · Raise a disbursement request")
            .WithDescription("For a project (projectId) or need (needId) of the scope, or another purpose named in the title; amountYuan above 0 with two decimals; "
                + "payee and justification. The committee then votes. A fund not active is 409.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/disbursements/{requestId:guid}/votes", async (AppDb db, CurrentUser user, TimeProvider clock, IOptions<CharityOptions> options, Guid id, Guid requestId,
                VoteOnDisbursement.Request r) => (await VoteOnDisbursement.Handle(db, user, clock, options, id, requestId, r)).ToOk())
            .RequirePermission(CharityPermissions.ViewFunds).RequirePermission(CharityPermissions.VoteOnDisbursements)
            .WithName("VoteOnDisbursement").WithSummary("表决 · Vote on a request")
            .WithDescription("approve true/false with a comment, once per serving voting member (not a supervisor, not the one who raised it or its payee: 403/409). "
                + "The vote reaching the decision rule approves — reserving the amount, refused (409, vote not recorded) beyond the available balance — or rejects.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/disbursements/{requestId:guid}/meeting-votes", async (AppDb db, CurrentUser user, TimeProvider clock, IOptions<CharityOptions> options, Guid id, Guid requestId,
                RecordMeetingVote.Request r) => (await RecordMeetingVote.Handle(db, user, clock, options, id, requestId, r)).ToOk())
            .RequirePermission(CharityPermissions.ViewFunds).RequirePermission(CharityPermissions.DisburseFunds)
            .WithName("RecordMeetingVote").WithSummary("录入会议表决 · Record a committee meeting's vote")
            .WithDescription("For a serving voting member without an account (memberId): approve, comment and the meeting's minutes (number or date, required), recorded by the staff; "
                + "counts as the member's own vote (it may decide and reserve). A member with an account votes online (409); 回避, a second vote, the committee incomplete, not in voting: 409 naming the member.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/disbursements/{requestId:guid}/payments", async (AppDb db, CurrentUser user, TimeProvider clock, Guid id, Guid requestId, PayDisbursement.Request r) =>
            (await PayDisbursement.Handle(db, user, clock, id, requestId, r)).ToHttp(c => TypedResults.Created($"{Api.Prefix}/charity/funds/{id}/disbursements/{requestId}", c)))
            .RequirePermission(CharityPermissions.ViewFunds).RequirePermission(CharityPermissions.DisburseFunds)
            .WithName("PayDisbursement").WithSummary("登记支付 · Record a payment")
            .WithDescription("Of an approved request: amountYuan at most what is reserved and unpaid, paidOn (not in the future), method and voucherNo; "
                + "balance and reserved both go down. Send an Idempotency-Key: pressing Pay twice pays once.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/disbursements/{requestId:guid}/release", async (AppDb db, CurrentUser user, TimeProvider clock, Guid id, Guid requestId, ReleaseDisbursement.Request r) =>
            (await ReleaseDisbursement.Handle(db, user, clock, id, requestId, r)).ToOk())
            .RequirePermission(CharityPermissions.ViewFunds).RequirePermission(CharityPermissions.DisburseFunds)
            .WithName("ReleaseDisbursement").WithSummary("撤回或释放预留 · Withdraw a request or release its rest")
            .WithDescription("In voting: withdrawn. Approved: what is reserved and unpaid goes back to the available balance (a Release entry). With a reason; otherwise 409.")
            .ProducesValidationProblem();
    }
}
