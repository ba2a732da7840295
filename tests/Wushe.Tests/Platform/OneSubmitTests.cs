using System.Net;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Stations;

namespace Wushe.Tests.Platform;

/// <summary>
/// On a page form, values that do not parse and the use case's own checks of the other fields are shown together,
/// on one submit (PageForms.IfParsed with the use case's Validate): the user does not fix one error to meet the next.
/// Nothing is saved.
/// </summary>
public sealed class OneSubmitTests(TestApp app)
{
    static readonly string TooLong = new('长', 5000);

    Task<Guid> StationOf(string areaCode) => app.Query(db => db.Stations.Where(s => s.AreaCode == areaCode).Select(s => s.Id).FirstAsync());

    static async Task<string> Refused(PageSession session, string url, Dictionary<string, string> fields, params string[] messages)
    {
        using var response = await session.PostFormAsync(url, fields);
        var html = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"POST {url}: {(int)response.StatusCode} {response.Headers.Location}");
        foreach (var m in messages) Assert.Contains(m, html, StringComparison.Ordinal);
        return html;
    }

    [Fact]
    public async Task Editing_a_station_with_a_bad_date_a_too_long_name_and_a_bad_phone_names_all_three_at_once()
    {
        var id = await StationOf("520502005000");
        var before = await app.Query(db => db.Stations.Where(s => s.Id == id).Select(s => new { s.Name, s.Version }).FirstAsync());
        using var session = await PageSession.SignInAsync(app, "qixingguan");
        await Refused(session, $"/Stations/Edit?id={id}", new()
        {
            ["Id"] = id.ToString(), ["Input.Name"] = TooLong, ["Input.OpenedOn"] = "2024-13-45", ["Input.ContactPhone"] = "abc",
        }, "建站日期格式不正确", "站点名称长度必须介于 2 和 100 之间", "请输入正确的手机号码或固定电话");
        Assert.Equal(before, await app.Query(db => db.Stations.Where(s => s.Id == id).Select(s => new { s.Name, s.Version }).FirstAsync()));
    }

    [Fact]
    public async Task A_supervision_with_a_bad_date_and_a_too_long_supervisor_names_both_at_once()
    {
        var station = await StationOf("520502006000");
        var topic = "督导主题" + Guid.NewGuid().ToString("N")[..6];
        using var session = await PageSession.SignInAsync(app, "qixingguan");
        await Refused(session, "/Stations/Supervisions/Create", new()
        {
            ["Input.StationId"] = station.ToString(), ["Input.Kind"] = "Supervision", ["Input.VisitedOn"] = "2024-13-45",
            ["Input.SupervisorName"] = TooLong, ["Input.Topics"] = topic,
        }, "督导日期格式不正确", "督导人员长度必须介于 2 和 50 之间");
        Assert.False(await app.Query(db => db.Set<Supervision>().AnyAsync(s => s.Topics == topic)));
    }

    [Fact]
    public async Task A_service_purchase_with_letters_in_the_amount_and_no_purchaser_names_both_at_once()
    {
        var station = await StationOf("520502008000");
        var contract = "HT-" + Guid.NewGuid().ToString("N")[..8];
        using var session = await PageSession.SignInAsync(app, "qixingguan");
        await Refused(session, $"/Stations/Details?id={station}&handler=Purchase", new()
        {
            ["id"] = station.ToString(), ["Purchase.ContractNo"] = contract, ["Purchase.Purchaser"] = "", ["Purchase.Provider"] = "测试机构",
            ["Purchase.Source"] = "CountyBudget", ["Purchase.AmountYuan"] = "12a", ["Purchase.StartOn"] = "2026-01-01", ["Purchase.EndOn"] = "2026-12-31",
        }, "合同金额格式不正确", "购买方不能为空");
        Assert.False(await app.Query(db => db.Set<ServicePurchase>().AnyAsync(p => p.ContractNo == contract)));
    }

    [Fact]
    public async Task A_new_user_with_an_unknown_role_a_too_long_name_and_a_bad_phone_names_all_three_at_once()
    {
        var userName = "form." + Guid.NewGuid().ToString("N")[..8];
        using var session = await PageSession.SignInAsync(app, "qixingguan");
        await Refused(session, "/Admin/Users/Edit", new()
        {
            ["Input.UserName"] = userName, ["Input.DisplayName"] = TooLong, ["Input.Phone"] = "abc", ["Input.HomeAreaCode"] = "520502000000",
            ["Input.Password"] = "start1234", ["Input.Roles[0].Role"] = "Nonsense", ["Input.Roles[0].AreaCode"] = "520502001000",
        }, "角色格式不正确", "姓名长度必须介于 2 和 50 之间", "请输入正确的手机号码");
        var normalized = userName.ToUpperInvariant();
        Assert.False(await app.Query(db => db.Users.AnyAsync(u => u.NormalizedUserName == normalized)));
    }
}
