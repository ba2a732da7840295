using MiniExcelLibs;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

using Wushe.Tests.Builders;

namespace Wushe.Tests.Charity;

/// <summary>
/// 慈善资金统计 (issue 10, "链接慈善资金捐赠共计1.6万元"): money raised and spent in a period of months, by donor type (donors counted once),
/// campaign, purpose, child area and fund; reversed gifts and gifts outside the period left out; the work report's sentence; bad input
/// named, another place's area 404; the export names no donor.
/// </summary>
public sealed class CharityReportTests(TestApp app)
{
    static DateOnly Today => Wushe.Platform.ChinaTime.Today(TimeProvider.System);

    [Fact]
    public async Task A_gift_dated_in_one_quarter_and_booked_in_the_next_is_counted_by_the_basis_each_report_states()
    {
        using var w = await DisbursementTests.WorldAsync(app, 0m);
        // Dated in 2026's third quarter, recorded today (a later quarter).
        Assert.True(Today > new DateOnly(2026, 9, 30));
        await (await w.Worker.PostAsJsonAsync($"/api/v1/charity/funds/{w.FundId}/donations", new { donorKind = "Enterprise", donorName = "补录捐赠的恒信商贸",
            channel = "BankTransfer", amountYuan = 1234m, donatedOn = "2026-09-05" })).Expect(HttpStatusCode.Created);
        using var anonymous = app.CreateClient();

        // 慈善资金统计: by the gift's own date, so in July–September; its page says so.
        var q3 = await (await w.Worker.GetAsync($"/api/v1/charity/report?area={w.Care.Community}&year=2026&fromMonth=7&toMonth=9")).Expect(HttpStatusCode.OK);
        Assert.Equal((1, 123_400L), (q3.GetProperty("donations").GetInt32(), q3.GetProperty("raisedFen").GetInt64()));
        Assert.Contains("捐赠按捐赠日期", System.Net.WebUtility.HtmlDecode(await (await w.Worker.GetAsync($"/Charity/Report?area={w.Care.Community}&year=2026&fromMonth=7&toMonth=9"))
            .Content.ReadAsStringAsync()), StringComparison.Ordinal);

        // The quarterly disclosure: by booking date, which it states — the third quarter has no gift, the quarter it was booked in has it,
        // with its own date and a line saying it was booked late.
        async Task<string> DisclosureAsync(DateOnly day) => Pdf.Text(await (await anonymous.GetAsync(
            $"/api/v1/public/charity/funds/{w.FundId}/reports/{day.Year}/{(day.Month - 1) / 3 + 1}")).Content.ReadAsByteArrayAsync());
        var september = await DisclosureAsync(new DateOnly(2026, 9, 5));
        Assert.Contains("统计口径：按入账日期统计", september, StringComparison.Ordinal);
        Assert.Contains("捐赠收入（0笔）", september, StringComparison.Ordinal);
        Assert.DoesNotContain("补录捐赠的恒信商贸", september, StringComparison.Ordinal);
        var booked = await DisclosureAsync(Today);
        Assert.Contains("统计口径：按入账日期统计", booked, StringComparison.Ordinal);
        Assert.Contains("捐赠收入（1笔）¥1,234.00", booked, StringComparison.Ordinal);
        Assert.Contains("其中1笔捐赠日期在本季度之前，于本季度补录入账", booked, StringComparison.Ordinal);
        Assert.Contains("2026-09-05补录捐赠的恒信商贸", booked, StringComparison.Ordinal);
        Assert.Contains("按入账日期统计", await (await anonymous.GetAsync($"/Public/Fund/{w.FundId}")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_report_counts_a_period_by_donor_type_campaign_purpose_area_and_fund()
    {
        using var w = await DisbursementTests.WorldAsync(app, 0m);
        var (community, township) = (w.Care.Community, w.Care.Township);
        var campaign = (await (await w.Worker.PostAsJsonAsync("/api/v1/charity/campaigns", new { areaCode = township, name = "2026年“中华慈善日”统计测试",
            startsOn = "2026-09-01", endsOn = "2026-09-15", targetYuan = 20000m, fundIds = new[] { w.FundId } })).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        async Task<Guid> GiveAsync(string kind, string name, decimal yuan, string on, Guid? campaignId = null, string channel = "BankTransfer", string items = "") =>
            (await (await w.Worker.PostAsJsonAsync($"/api/v1/charity/funds/{w.FundId}/donations", new { donorKind = kind, donorName = name, anonymous = kind == "Individual",
                channel, amountYuan = yuan, items, donatedOn = on, campaignId })).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await GiveAsync("Enterprise", "恒信商贸有限公司", 10000m, "2026-09-05", campaign);
        await GiveAsync("Individual", "统计捐赠人李秀兰", 3000m, "2026-03-01");
        await GiveAsync("Individual", "统计捐赠人李秀兰", 2000m, "2026-05-01");
        await GiveAsync("Organization", "市第一中学", 1000m, "2026-10-10", channel: "InKind", items: "冬衣20件");
        var wrong = await GiveAsync("Individual", "统计捐赠人王强", 500m, "2026-06-01");
        await (await w.Worker.PostAsJsonAsync($"/api/v1/charity/funds/{w.FundId}/donations/{wrong}/reverse", new { reason = "重复登记" })).Expect(HttpStatusCode.OK);
        await GiveAsync("Individual", "统计捐赠人张敏", 700m, "2025-12-20");
        var request = await DisbursementTests.RaiseAsync(w, 3000m);
        foreach (var v in w.Voters.Take(3)) await (await DisbursementTests.VoteAsync(w, v.Client, request)).Expect(HttpStatusCode.OK);
        await (await w.Worker.PostAsJsonAsync($"/api/v1/charity/funds/{w.FundId}/disbursements/{request}/payments",
            new { amountYuan = 3000m, paidOn = Today.ToString("yyyy-MM-dd"), method = "银行转账", voucherNo = "PZ-TJ1" })).Expect(HttpStatusCode.Created);

        var r = await (await w.Worker.GetAsync($"/api/v1/charity/report?area={community}&year=2026&fromMonth=1&toMonth=11")).Expect(HttpStatusCode.OK);
        Assert.Equal(4, r.GetProperty("donations").GetInt32());
        Assert.Equal(1_600_000, r.GetProperty("raisedFen").GetInt64());
        Assert.Equal(100_000, r.GetProperty("inKindFen").GetInt64());
        Assert.Equal(3, r.GetProperty("donors").GetInt32());
        var kinds = r.GetProperty("donorKinds").EnumerateArray().ToDictionary(k => k.GetProperty("kind").GetString()!);
        Assert.Equal((2, 1, 500_000L), (kinds["Individual"].GetProperty("donations").GetInt32(), kinds["Individual"].GetProperty("donors").GetInt32(), kinds["Individual"].GetProperty("amountFen").GetInt64()));
        Assert.Equal(1_000_000, kinds["Enterprise"].GetProperty("amountFen").GetInt64());
        var campaigns = r.GetProperty("campaigns").EnumerateArray().ToList();
        Assert.Equal(1_000_000, campaigns.Single(c => c.GetProperty("campaignId").ValueKind == JsonValueKind.String && c.GetProperty("campaignId").GetGuid() == campaign).GetProperty("amountFen").GetInt64());
        Assert.Equal(600_000, campaigns.Single(c => c.GetProperty("campaignId").ValueKind == JsonValueKind.Null).GetProperty("amountFen").GetInt64());
        // The payment (made today, never before the approval) counts in this month.
        var month = await (await w.Worker.GetAsync($"/api/v1/charity/report?area={community}&year={Today.Year}&fromMonth={Today.Month}&toMonth={Today.Month}")).Expect(HttpStatusCode.OK);
        Assert.Equal((1, 300_000L), (month.GetProperty("payments").GetInt32(), month.GetProperty("spentFen").GetInt64()));
        Assert.Equal(300_000, month.GetProperty("purposes").EnumerateArray().Single(p => p.GetProperty("purpose").GetString() == "Other").GetProperty("amountFen").GetInt64());
        Assert.Equal(300_000, Assert.Single(month.GetProperty("funds").EnumerateArray()).GetProperty("spentFen").GetInt64());
        Assert.Contains("支出3,000元", month.GetProperty("sentence").GetString());
        Assert.Equal((1, 1_370_000L), (r.GetProperty("activeFunds").GetInt32(), r.GetProperty("balanceFen").GetInt64()));
        var fund = Assert.Single(r.GetProperty("funds").EnumerateArray());
        Assert.Equal((4, 1_600_000L), (fund.GetProperty("donations").GetInt32(), fund.GetProperty("raisedFen").GetInt64()));
        var sentence = r.GetProperty("sentence").GetString()!;
        Assert.Contains("2026年1月–11月", sentence);
        Assert.Contains("链接慈善资金捐赠共计1.6万元（4笔，其中企业捐赠1万元", sentence);
        Assert.Contains("物资折价1,000元", sentence);
        Assert.Contains("募捐活动募集1万元", sentence);
        Assert.Contains("余额共计1.37万元", sentence);
        Assert.DoesNotContain("李秀兰", r.GetRawText());

        // One month: September holds the campaign's gift only. The township: the community is a child row with the same figures.
        var september = await (await w.Worker.GetAsync($"/api/v1/charity/report?area={community}&year=2026&fromMonth=9&toMonth=9")).Expect(HttpStatusCode.OK);
        Assert.Equal((1, 1_000_000L), (september.GetProperty("donations").GetInt32(), september.GetProperty("raisedFen").GetInt64()));
        var town = await (await w.Worker.GetAsync($"/api/v1/charity/report?area={township}&year=2026&fromMonth=1&toMonth=11")).Expect(HttpStatusCode.OK);
        var child = town.GetProperty("children").EnumerateArray().Single(c => c.GetProperty("areaCode").GetString() == community);
        Assert.Equal((4, 1_600_000L, 1_370_000L), (child.GetProperty("donations").GetInt32(), child.GetProperty("raisedFen").GetInt64(), child.GetProperty("balanceFen").GetInt64()));
        Assert.Single(town.GetProperty("funds").EnumerateArray(), f => f.GetProperty("id").GetGuid() == w.FundId);

        // Bad input names its field; another place's area is not found; the public is not let in.
        foreach (var (query, field) in new[] { ("year=1999", "year"), ("year=2026&fromMonth=5&toMonth=3", "fromMonth"), ("toMonth=13", "toMonth"), ("area=12ab", "area") })
            Assert.True((await (await w.Worker.GetAsync($"/api/v1/charity/report?{query}")).Expect(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty(field, out _), query);
        await (await w.OtherPlace.GetAsync($"/api/v1/charity/report?area={community}")).Expect(HttpStatusCode.NotFound);
        await (await w.OtherPlace.GetAsync($"/api/v1/charity/report/export?area={community}")).Expect(HttpStatusCode.NotFound);
        using var anonymous = app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/v1/charity/report?area={community}")).StatusCode);

        // The export: the sentence, the totals and every breakdown; no donor named.
        var export = await w.Worker.GetAsync($"/api/v1/charity/report/export?area={community}&year=2026&fromMonth=1&toMonth=11");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = new MemoryStream(await export.Content.ReadAsByteArrayAsync()).Query(useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(sentence, rows[0]["项目"]);
        Assert.Equal(16000m, Convert.ToDecimal(rows[1]["捐赠金额（元）"]));
        Assert.Contains(rows, x => (string?)x["分组"] == "募捐活动" && (string?)x["项目"] == "2026年“中华慈善日”统计测试");
        Assert.Contains(rows, x => (string?)x["分组"] == "基金");
        Assert.DoesNotContain(rows, x => x.Values.Any(v => v?.ToString()?.Contains("李秀兰") == true));

        // The page: the figures, the sentence, a child area's link keeping the period, and its export.
        var page = await (await w.Worker.GetAsync($"/Charity/Report?area={township}&year=2026&fromMonth=1&toMonth=11")).Content.ReadAsStringAsync();
        Assert.Contains("report-sentence", page);
        Assert.Contains("1.6万元", page);
        Assert.Contains($"/Charity/Report?area={community}&amp;year=2026&amp;fromMonth=1&amp;toMonth=11", page);
        var bad = await (await w.Worker.GetAsync("/Charity/Report?year=2026&fromMonth=6&toMonth=2")).Content.ReadAsStringAsync();
        Assert.Contains("开始月份不能晚于结束月份", bad);
        Assert.Equal(HttpStatusCode.NotFound, (await w.OtherPlace.GetAsync($"/Charity/Report?area={community}")).StatusCode);
        // The home page: the running campaigns lead to their list.
        Assert.Contains("href=\"/Charity/Campaigns?phase=Running\" id=\"kpi-campaigns\"", await (await w.Worker.GetAsync("/")).Content.ReadAsStringAsync());
        var file = await w.Worker.GetAsync($"/Charity/Report?handler=Export&area={community}&year=2026&fromMonth=1&toMonth=11");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file.Content.Headers.ContentType?.MediaType);
    }
}
