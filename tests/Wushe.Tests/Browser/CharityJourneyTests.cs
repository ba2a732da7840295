using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Wushe.Features.Charity;
using Wushe.Features.Charity.Wishes;

namespace Wushe.Tests.Browser;

/// <summary>
/// A community fund in a real browser (issue 10): the station worker finds the demo fund of 市西街道第1社区, records a gift — a bad
/// amount first, refused naming the field with what was typed kept — sees its receipt number, the donation and the ledger entry;
/// the public disclosure page, opened without signing in on a phone, shows the fund's money and the donor who did not ask anonymity;
/// a gift answering the running campaign moves its progress and prints its receipt; a wish nobody claimed is asked of the fund; the
/// report of the period tells it all in the work report's words and exports.
/// </summary>
[Trait("Category", BrowserFixture.Category)]
public sealed class CharityJourneyTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_station_worker_records_a_donation_and_the_public_page_shows_it()
    {
        var page = await browser.NewPage();
        await page.SetViewportSizeAsync(1280, 900);
        await BrowserFixture.SignInAsync(page, "shixi");
        await page.GotoAsync("/Charity/Funds");
        Assert.Contains("市西街道第1社区慈善基金", await page.Locator("#funds-table").InnerTextAsync(), StringComparison.Ordinal);
        await browser.Screenshot(page, "charity-funds-1280");
        await page.Locator("#funds-table a", new() { HasText = "市西街道第1社区慈善基金" }).First.ClickAsync();
        await page.ArriveAsync(new Regex("/Charity/Funds/Details/"));
        var fundUrl = page.Url;
        var fundId = Guid.Parse(fundUrl.Split('/').Last().Split('?')[0]);
        var before = await browser.App.Query(db => db.Set<CommunityFund>().IgnoreQueryFilters().Where(f => f.Id == fundId).Select(f => f.BalanceFen).SingleAsync());

        await page.ClickAsync("#record-donation");
        var donor = "浏览器测试爱心企业" + Random.Shared.Next(1000, 9999);
        await page.FillAsync("#Input_DonorName", donor);
        await page.FillAsync("#Input_AmountYuan", "0");
        await page.ClickAsync("#donation-form button[type=submit]");
        await page.Locator("#Input_AmountYuan.is-invalid").WaitForAsync();
        Assert.Contains("捐赠金额须大于 0", await page.Locator("#donation-form").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(donor, await page.InputValueAsync("#Input_DonorName"));
        await browser.Screenshot(page, "charity-donation-refused-1280");

        await page.FillAsync("#Input_AmountYuan", "1234.56");
        await page.ClickAsync("#donation-form button[type=submit]");
        await page.ArriveAsync(new Regex("tab=donations"));
        Assert.Contains("捐赠票据编号", await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(donor, await page.Locator("#donations-table").InnerTextAsync(), StringComparison.Ordinal);
        await browser.Screenshot(page, "charity-donations-1280");
        await page.GotoAsync(fundUrl.Split('?')[0] + "?tab=ledger");
        Assert.Contains("¥1,234.56", await page.Locator("#ledger-table").InnerTextAsync(), StringComparison.Ordinal);
        var after = await browser.App.Query(db => db.Set<CommunityFund>().IgnoreQueryFilters().Where(f => f.Id == fundId).Select(f => f.BalanceFen).SingleAsync());
        Assert.Equal(before + 123456, after);

        // Anyone, on a phone, without signing in.
        var phone = await browser.NewPage();
        await phone.SetViewportSizeAsync(390, 844);
        await phone.GotoAsync($"/Public/Fund/{fundId}");
        var text = await phone.Locator("body").InnerTextAsync();
        Assert.Contains(donor, text, StringComparison.Ordinal);
        Assert.Contains("爱心人士", text, StringComparison.Ordinal);
        Assert.Contains(Wushe.Platform.Money.Yuan(after), text, StringComparison.Ordinal);
        await browser.Screenshot(phone, "charity-public-fund-390");
    }

    [Fact]
    public async Task A_committee_member_votes_on_a_phone_and_the_worker_pays_the_approved_request()
    {
        // The demo's 重阳节 request has two approvals of five; the committee account's vote decides it.
        var member = await browser.NewPage();
        await member.SetViewportSizeAsync(390, 844);
        await BrowserFixture.SignInAsync(member, "shixi.jj");
        await member.GotoAsync("/");
        Assert.Contains("待我表决", await member.Locator("#kpi-my-votes").InnerTextAsync(), StringComparison.Ordinal);
        await member.ClickAsync("#kpi-my-votes");
        await member.ArriveAsync(new Regex("/Charity/Votes"));
        await browser.Screenshot(member, "charity-votes-390");
        await member.Locator("#awaiting-votes a", new() { HasText = "重阳节独居老人慰问" }).ClickAsync();
        await member.ArriveAsync(new Regex("/Charity/Funds/Disbursement/"));
        var url = member.Url;
        var requestId = Guid.Parse(url.Split('/').Last());
        // Submitting without choosing says what is missing and saves nothing.
        await member.ClickAsync("#vote-form button[type=submit]");
        await member.ClickAsync("#confirm-dialog .confirm-ok");
        await member.Locator("#vote-form .text-danger", new() { HasText = "请选择同意或不同意" }).WaitForAsync();
        await member.CheckAsync("#Vote_Approve_Yes");
        await member.FillAsync("#vote-form input[name='Vote.Comment']", "同意，慰问品清单已核对");
        await member.ClickAsync("#vote-form button[type=submit]");
        await member.ClickAsync("#confirm-dialog .confirm-ok");
        await member.Locator("#request-status", new() { HasText = "已批准" }).WaitForAsync();
        Assert.Equal(3, (await member.Locator("#votes-table tbody tr").AllInnerTextsAsync()).Count);
        await browser.Screenshot(member, "charity-voted-390");

        // The station worker records the payment; more than reserved is refused naming the field.
        var worker = await browser.NewPage();
        await worker.SetViewportSizeAsync(1280, 900);
        await BrowserFixture.SignInAsync(worker, "shixi");
        await worker.GotoAsync("/Charity/Disbursements?status=Approved");
        await worker.Locator("#disbursements-table a", new() { HasText = "Z-00003" }).First.ClickAsync();
        await worker.ArriveAsync(new Regex(requestId.ToString(), RegexOptions.IgnoreCase));
        await worker.FillAsync("#Payment_AmountYuan", "2000.01");
        await worker.FillAsync("#Payment_VoucherNo", "PZ-浏览器-001");
        await worker.ClickAsync("#payment-form button[type=submit]");
        await worker.ClickAsync("#confirm-dialog .confirm-ok");
        await worker.Locator("#Payment_AmountYuan.is-invalid").WaitForAsync();
        Assert.Equal("PZ-浏览器-001", await worker.InputValueAsync("#Payment_VoucherNo"));
        await worker.FillAsync("#Payment_AmountYuan", "2000");
        await worker.ClickAsync("#payment-form button[type=submit]");
        await worker.ClickAsync("#confirm-dialog .confirm-ok");
        await worker.Locator("#request-status", new() { HasText = "已支付" }).WaitForAsync();
        Assert.Contains("PZ-浏览器-001", await worker.Locator("#payments-table").InnerTextAsync(), StringComparison.Ordinal);
        await browser.Screenshot(worker, "charity-paid-1280");

        var request = await browser.App.Query(db => db.Set<DisbursementRequest>().IgnoreQueryFilters().SingleAsync(r => r.Id == requestId));
        Assert.Equal(DisbursementStatus.Paid, request.Status);
        Assert.Equal(200000, request.PaidFen);
    }

    [Fact]
    public async Task A_campaign_gift_prints_its_receipt_a_wish_is_asked_of_the_fund_and_the_report_tells_it()
    {
        var page = await browser.NewPage();
        await page.SetViewportSizeAsync(1280, 900);
        await BrowserFixture.SignInAsync(page, "shixi");
        // The running campaign (the demo's 暖冬行动) and its progress before.
        await page.GotoAsync("/Charity/Campaigns?phase=Running");
        await page.Locator("#campaigns-table a", new() { HasText = "暖冬行动" }).First.ClickAsync();
        await page.ArriveAsync(new Regex("/Charity/Campaigns/Details/"));
        var campaignUrl = page.Url;
        var campaignId = Guid.Parse(campaignUrl.Split('/').Last());
        var raisedBefore = await RaisedAsync(campaignId);

        await page.GotoAsync("/Charity/Funds");
        await page.Locator("#funds-table a", new() { HasText = "市西街道第1社区慈善基金" }).First.ClickAsync();
        await page.ArriveAsync(new Regex("/Charity/Funds/Details/"));
        await page.ClickAsync("#record-donation");
        var donor = "暖冬爱心商户" + Random.Shared.Next(1000, 9999);
        await page.FillAsync("#Input_DonorName", donor);
        await page.FillAsync("#Input_AmountYuan", "666.60");
        await page.SelectOptionAsync("#Input_CampaignId", new SelectOptionValue { Value = campaignId.ToString() });
        await page.ClickAsync("#donation-form button[type=submit]");
        await page.ArriveAsync(new Regex("tab=donations"));
        var row = page.Locator("#donations-table tbody tr", new() { HasText = donor });
        var receipt = await page.RunAndWaitForDownloadAsync(() => row.Locator("a.receipt").ClickAsync());
        Assert.EndsWith(".pdf", receipt.SuggestedFilename, StringComparison.Ordinal);
        Assert.True(new FileInfo(await receipt.PathAsync()).Length > 1000);
        Assert.Equal(raisedBefore + 66660, await RaisedAsync(campaignId));
        await page.GotoAsync(campaignUrl);
        await page.Locator("#campaign-progress").WaitForAsync();
        await browser.Screenshot(page, "charity-campaign-1280");

        // A wish on the wall is asked of the fund: the form starts with the wish's public words and value.
        await page.GotoAsync("/Charity/Wishes?status=Published");
        await page.Locator("#wishes-table a", new() { HasText = "乐乐" }).First.ClickAsync();
        await page.ArriveAsync(new Regex("/Charity/Wishes/Details/"));
        var wishId = Guid.Parse(page.Url.Split('/').Last().Split('?')[0]);
        await page.Locator("a.fund-wish").First.ClickAsync();
        await page.ArriveAsync(new Regex("/Charity/Funds/Disburse/.*wish="));
        Assert.Contains("乐乐", await page.InputValueAsync("#Input_Title"), StringComparison.Ordinal);
        await page.FillAsync("#Input_Payee", "市西街道第1社区居委会");
        await page.FillAsync("#Input_Justification", "心愿发布两周无人认领，孩子冬季需要，申请基金资助购买。");
        await page.ClickAsync("#disbursement-form button[type=submit]");
        await page.ArriveAsync(new Regex("/Charity/Funds/Disbursement/"));
        Assert.Equal(WishStatus.Funded, await browser.App.Query(db => db.Set<Wish>().IgnoreQueryFilters().Where(w => w.Id == wishId).Select(w => w.Status).SingleAsync()));
        await browser.Screenshot(page, "charity-wish-funding-1280");

        // The report of this year: the sentence a work report writes, a child area opened keeping the period, and the export.
        await page.GotoAsync("/Charity/Report");
        var sentence = await page.Locator("#report-sentence").InnerTextAsync();
        Assert.Contains("市西街道链接慈善资金捐赠共计", sentence, StringComparison.Ordinal);
        Assert.Contains("暖冬行动", await page.Locator("#campaigns-table").InnerTextAsync(), StringComparison.Ordinal);
        await browser.Screenshot(page, "charity-report-1280");
        await page.Locator("#children-table a", new() { HasText = "市西街道第1社区" }).First.ClickAsync();
        await page.ArriveAsync(new Regex("area=520502001001"));
        Assert.Contains("市西街道第1社区慈善基金", await page.Locator("#funds-table").InnerTextAsync(), StringComparison.Ordinal);
        var export = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-report"));
        Assert.Matches(@"^慈善资金统计_\d{8}\.xlsx$", export.SuggestedFilename);

        // On a phone the report reads top to bottom.
        var phone = await browser.NewPage();
        await phone.SetViewportSizeAsync(390, 844);
        await BrowserFixture.SignInAsync(phone, "shixi");
        await phone.GotoAsync("/Charity/Report");
        await phone.Locator("#report-sentence").WaitForAsync();
        await browser.Screenshot(phone, "charity-report-390");
    }

    Task<long> RaisedAsync(Guid campaignId) => browser.App.Query(db => db.Set<Donation>().IgnoreQueryFilters()
        .Where(d => d.CampaignId == campaignId && d.ReversedAt == null).SumAsync(d => d.AmountFen));
}
