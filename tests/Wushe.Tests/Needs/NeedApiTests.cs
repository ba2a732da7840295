using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Needs;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Tests.Builders;
using Wushe.Tests.Organizations;

namespace Wushe.Tests.Needs;

/// <summary>Needs (急难愁盼) through the API: the life cycle, its refusals, matching, overdue, the residents' own page, time limits and scope.</summary>
public sealed class NeedApiTests(TestApp app)
{
    /// <summary>A community of its own with a community staff member and a station worker of its township, signed in.</summary>
    sealed record World(string Township, string Community, HttpClient Staff, HttpClient Worker, Guid WorkerId) : IDisposable
    {
        public void Dispose()
        {
            Staff.Dispose();
            Worker.Dispose();
        }
    }

    async Task<World> WorldAsync()
    {
        var community = await TestHouseholds.NewCommunityAsync(app);
        var township = community[..9] + "000";
        var staff = await TestUsers.CreateAsync(app, Role.CommunityStaff, community);
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, township);
        return new World(township, community, await app.CreateClientAsync(staff.UserName), await app.CreateClientAsync(worker.UserName), worker.Id);
    }

    static object Raise(string area, string title = "楼道灯损坏，老人夜间出行不便", string urgency = "Normal") => new
    {
        areaCode = area, category = "Safety", urgency, title, description = "三单元楼道灯坏了两周，独居老人晚上下楼不便。", requesterName = "王秀英", requesterPhone = "13912345670",
    };

    static async Task<JsonElement> Post(HttpClient client, string url, object body, HttpStatusCode expected = HttpStatusCode.OK) =>
        await (await client.PostAsJsonAsync(url, body)).Expect(expected);

    static async Task<(Guid Id, string No)> RaiseAsync(HttpClient client, object body)
    {
        var raised = await Post(client, "/api/v1/needs", body, HttpStatusCode.Created);
        return (raised.GetProperty("id").GetGuid(), raised.GetProperty("needNo").GetString()!);
    }

    [Fact]
    public async Task A_need_goes_from_submitted_to_closed_through_every_step_each_timed_and_audited()
    {
        using var w = await WorldAsync();
        var (id, no) = await RaiseAsync(w.Staff, Raise(w.Community));
        Assert.Matches($"^XQ{w.Township[..9]}{DateTime.UtcNow.AddHours(8).Year}\\d{{5}}$", no);
        var raised = await (await w.Staff.GetAsync($"/api/v1/needs/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal("Submitted", raised.GetProperty("status").GetString());
        Assert.Equal("139****5670", raised.GetProperty("requesterPhone").GetString());
        Assert.True(raised.GetProperty("verified").GetBoolean());
        // 一般: the hours to accept that apply in the township (the platform's 72 unless another test of the county set its own).
        var limits = await (await w.Worker.GetAsync($"/api/v1/need-time-limits?area={w.Community}")).Expect(HttpStatusCode.OK);
        Assert.Equal(TimeSpan.FromHours(limits.GetProperty("normalAcceptHours").GetInt32()),
            raised.GetProperty("acceptDueAt").GetDateTimeOffset() - raised.GetProperty("raisedAt").GetDateTimeOffset());
        Assert.Equal(["Accepted", "Rejected"], raised.GetProperty("next").EnumerateArray().Select(s => s.GetString()!));

        await Post(w.Worker, $"/api/v1/needs/{id}/status", new { to = "Accepted", version = raised.GetProperty("version").GetInt32() });
        var township = w.Township;
        var organization = await OrganizationFor(township);
        var matched = await Post(w.Worker, $"/api/v1/needs/{id}/matches", new { kind = "Organization", targetId = organization, note = "转介社区志愿服务队维修" }, HttpStatusCode.Created);
        Assert.Equal("Matched", matched.GetProperty("status").GetString());
        await Post(w.Worker, $"/api/v1/needs/{id}/status", new { to = "InProgress" });
        await Post(w.Worker, $"/api/v1/needs/{id}/status", new { to = "Resolved", note = "已更换楼道灯 6 盏" });
        await Post(w.Staff, $"/api/v1/needs/{id}/follow-up", new { satisfaction = 5, comment = "很及时", note = "电话回访" });
        var closed = await Post(w.Staff, $"/api/v1/needs/{id}/status", new { to = "Closed" });
        Assert.Equal("Closed", closed.GetProperty("status").GetString());

        var need = await (await w.Staff.GetAsync($"/api/v1/needs/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(["Submitted", "Accepted", "Matched", "InProgress", "Resolved", "FollowedUp", "Closed"],
            need.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("status").GetString()!));
        Assert.Equal("已更换楼道灯 6 盏", need.GetProperty("outcome").GetString());
        Assert.Equal(5, need.GetProperty("satisfaction").GetInt32());
        Assert.Equal("Worker", need.GetProperty("ratedBy").GetString());
        Assert.Equal("测试用户", need.GetProperty("handlerName").GetString());
        var match = Assert.Single(need.GetProperty("matches").EnumerateArray());
        Assert.Equal(organization, match.GetProperty("targetId").GetGuid());
        Assert.Empty(need.GetProperty("next").EnumerateArray());

        // Each status change is an audit record of the need's state, with the step's own rows beside it.
        var audit = await app.Query(db => db.AuditRecords.AsNoTracking().Where(a => a.Entity == nameof(Need) && a.EntityKey == id.ToString()).ToListAsync());
        Assert.Equal(7, audit.Count);
        Assert.All(audit, a => Assert.Equal(no, a.ObjectName));
        Assert.Equal(7, await app.Query(db => db.AuditRecords.CountAsync(a => a.Entity == nameof(NeedStep) && a.AreaCode == w.Community)));
    }

    /// <summary>An organization serving <paramref name="township"/>, registered at the test county (it serves the county) or, when <paramref name="filedAtTownship"/>, filed at the township itself.</summary>
    async Task<Guid> OrganizationFor(string township, bool filedAtTownship = false)
    {
        using var huaibei = await app.CreateClientAsync("huaibei");
        var body = new
        {
            areaCode = filedAtTownship ? township : Places.County, name = "测试社区服务中心" + Guid.NewGuid().ToString("N")[..6], creditCode = OrganizationApiTests.NewCode(), registeringAuthority = "测试县民政局",
            registeredOn = "2020-05-01", legalRepresentative = "张三", contactName = "李四", address = "测试路1号", serviceAreas = new[] { township }, focusAreas = new[] { "ElderlyCare" },
        };
        return (await (await huaibei.PostAsJsonAsync("/api/v1/organizations", body)).Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task Steps_out_of_order_are_409_in_words_and_change_nothing()
    {
        using var w = await WorldAsync();
        var (id, _) = await RaiseAsync(w.Staff, Raise(w.Community));
        var early = await Post(w.Worker, $"/api/v1/needs/{id}/status", new { to = "Resolved", note = "已解决" }, HttpStatusCode.Conflict);
        Assert.Equal("需求尚未受理，请先受理或不予受理", early.GetProperty("title").GetString());
        var matchEarly = await Post(w.Worker, $"/api/v1/needs/{id}/matches", new { kind = "ResolvedDirectly", note = "已解决" }, HttpStatusCode.Conflict);
        Assert.Equal("需求尚未受理，请先受理再对接", matchEarly.GetProperty("title").GetString());
        var noReason = await Post(w.Worker, $"/api/v1/needs/{id}/status", new { to = "Rejected" }, HttpStatusCode.BadRequest);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("note", out _));
        var notAStep = await Post(w.Worker, $"/api/v1/needs/{id}/status", new { to = "FollowedUp" }, HttpStatusCode.BadRequest);
        Assert.True(notAStep.GetProperty("errors").TryGetProperty("to", out _));

        var stranger = await Post(w.Worker, $"/api/v1/needs/{id}/status", new { to = "Accepted", handlerId = Guid.NewGuid() }, HttpStatusCode.BadRequest);
        Assert.True(stranger.GetProperty("errors").TryGetProperty("handlerId", out _));
        await Post(w.Worker, $"/api/v1/needs/{id}/status", new { to = "Accepted" });
        var twice = await Post(w.Staff, $"/api/v1/needs/{id}/status", new { to = "Accepted" }, HttpStatusCode.Conflict);
        Assert.Equal("该需求已是“已受理”状态", twice.GetProperty("title").GetString());
        var unmatched = await Post(w.Worker, $"/api/v1/needs/{id}/status", new { to = "Resolved", note = "已解决" }, HttpStatusCode.Conflict);
        Assert.StartsWith("需求尚未对接", unmatched.GetProperty("title").GetString());
        var stale = await Post(w.Worker, $"/api/v1/needs/{id}/matches", new { kind = "ResolvedDirectly", note = "已解决", version = 0 }, HttpStatusCode.Conflict);
        Assert.Equal("该需求已被他人办理，请刷新后查看", stale.GetProperty("title").GetString());
        var closeEarly = await Post(w.Worker, $"/api/v1/needs/{id}/status", new { to = "Closed" }, HttpStatusCode.Conflict);
        Assert.Equal("需求回访并评价满意度后才能办结", closeEarly.GetProperty("title").GetString());
        var rateEarly = await Post(w.Worker, $"/api/v1/needs/{id}/follow-up", new { satisfaction = 4 }, HttpStatusCode.Conflict);
        Assert.Equal("需求解决后才能回访", rateEarly.GetProperty("title").GetString());

        var need = await (await w.Staff.GetAsync($"/api/v1/needs/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal("Accepted", need.GetProperty("status").GetString());
        Assert.Equal(2, need.GetProperty("steps").GetArrayLength());
        Assert.Empty(need.GetProperty("matches").EnumerateArray());
    }

    [Fact]
    public async Task Resolved_directly_resolves_with_the_note_as_outcome_and_a_rejected_need_is_final()
    {
        using var w = await WorldAsync();
        var (id, _) = await RaiseAsync(w.Staff, Raise(w.Community));
        await Post(w.Staff, $"/api/v1/needs/{id}/status", new { to = "Accepted" });
        var direct = await Post(w.Staff, $"/api/v1/needs/{id}/matches", new { kind = "ResolvedDirectly", note = "物业当天更换了灯泡" }, HttpStatusCode.Created);
        Assert.Equal("Resolved", direct.GetProperty("status").GetString());
        var need = await (await w.Staff.GetAsync($"/api/v1/needs/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal("物业当天更换了灯泡", need.GetProperty("outcome").GetString());
        Assert.Equal(["Submitted", "Accepted", "Matched", "Resolved"], need.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("status").GetString()!));

        var (other, _) = await RaiseAsync(w.Staff, Raise(w.Community, "重复反映的诉求"));
        await Post(w.Worker, $"/api/v1/needs/{other}/status", new { to = "Rejected", note = "与已受理需求重复" });
        var after = await Post(w.Worker, $"/api/v1/needs/{other}/status", new { to = "Accepted" }, HttpStatusCode.Conflict);
        Assert.Equal("该需求已不予受理，不能再办理", after.GetProperty("title").GetString());
        var again = await Post(w.Worker, $"/api/v1/needs/{id}/matches", new { kind = "ResolvedDirectly", note = "再次解决" }, HttpStatusCode.Conflict);
        Assert.Equal("该需求已解决，不能再对接", again.GetProperty("title").GetString());
    }

    [Fact]
    public async Task An_organization_that_does_not_serve_the_need_s_area_cannot_take_the_referral()
    {
        using var w = await WorldAsync();
        var elsewhere = await OrganizationFor(await Places.NewTownshipAsync(app), filedAtTownship: true);
        var (id, _) = await RaiseAsync(w.Staff, Raise(w.Community));
        await Post(w.Staff, $"/api/v1/needs/{id}/status", new { to = "Accepted" });
        var refused = await Post(w.Staff, $"/api/v1/needs/{id}/matches", new { kind = "Organization", targetId = elsewhere }, HttpStatusCode.BadRequest);
        Assert.Equal("所选社会组织不存在、已暂停或注销，或不服务该需求所在区域", refused.GetProperty("errors").GetProperty("targetId")[0].GetString());
        var offered = await (await w.Staff.GetAsync($"/api/v1/needs/{id}/organizations")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(offered.EnumerateArray(), o => o.GetProperty("id").GetGuid() == elsewhere);
        var serving = await OrganizationFor(w.Township, filedAtTownship: true);
        offered = await (await w.Staff.GetAsync($"/api/v1/needs/{id}/organizations")).Expect(HttpStatusCode.OK);
        Assert.Contains(offered.EnumerateArray(), o => o.GetProperty("id").GetGuid() == serving);
        var unknownKind = await Post(w.Staff, $"/api/v1/needs/{id}/matches", new { kind = "MicroWish", targetId = Guid.NewGuid() }, HttpStatusCode.BadRequest);
        Assert.True(unknownKind.GetProperty("errors").TryGetProperty("kind", out _));
    }

    [Fact]
    public async Task The_staff_of_the_organization_a_need_is_referred_to_read_it_and_no_other_organization_does()
    {
        using var w = await WorldAsync();
        var organization = await OrganizationFor(w.Township, filedAtTownship: true);
        var other = await OrganizationFor(w.Township, filedAtTownship: true);
        var (id, no) = await RaiseAsync(w.Staff, Raise(w.Community, "转介给社会组织的需求"));
        await Post(w.Staff, $"/api/v1/needs/{id}/status", new { to = "Accepted" });
        await Post(w.Staff, $"/api/v1/needs/{id}/matches", new { kind = "Organization", targetId = organization, note = "请安排社工上门" }, HttpStatusCode.Created);

        var staff = await TestUsers.CreateAsync(app, Role.OrganizationStaff, w.Township, organizationId: organization);
        using var client = await app.CreateClientAsync(staff.UserName);
        var referred = await (await client.GetAsync("/api/v1/needs/referred")).Expect(HttpStatusCode.OK);
        var row = Assert.Single(referred.GetProperty("items").EnumerateArray());
        Assert.Equal((no, "请安排社工上门", "王*英"), (row.GetProperty("needNo").GetString(), row.GetProperty("note").GetString(), row.GetProperty("requesterName").GetString()));
        Assert.DoesNotContain("13912345670", referred.GetRawText(), StringComparison.Ordinal);
        // The list is theirs only: the need itself, the full list and another organization's staff stay closed.
        await (await client.GetAsync($"/api/v1/needs/{id}")).Expect(HttpStatusCode.Forbidden);
        var otherStaff = await TestUsers.CreateAsync(app, Role.OrganizationStaff, w.Township, organizationId: other);
        using var otherClient = await app.CreateClientAsync(otherStaff.UserName);
        Assert.Empty((await (await otherClient.GetAsync("/api/v1/needs/referred")).Expect(HttpStatusCode.OK)).GetProperty("items").EnumerateArray());
        await (await w.Staff.GetAsync("/api/v1/needs/referred")).Expect(HttpStatusCode.Forbidden);
        // A page at a time, by the lists' one paging rule.
        Assert.Equal(1, (await (await client.GetAsync("/api/v1/needs/referred?page=1&size=10")).Expect(HttpStatusCode.OK)).GetProperty("total").GetInt32());
        await (await client.GetAsync("/api/v1/needs/referred?size=7")).Expect(HttpStatusCode.BadRequest);
        using var session = await PageSession.SignInAsync(app, staff.UserName);
        var page = (await session.GetAsync("/Needs/Referred")).Html;
        Assert.Contains("转介给社会组织的需求", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_input_names_every_field_and_saves_nothing()
    {
        using var w = await WorldAsync();
        var bad = await Post(w.Staff, "/api/v1/needs", new { areaCode = w.Community, category = "Other", urgency = "Normal", title = "x", description = "", requesterPhone = "12345" }, HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        foreach (var field in new[] { "title", "description", "requesterPhone" }) Assert.True(errors.TryGetProperty(field, out _), field);
        var noArea = await Post(w.Staff, "/api/v1/needs", new { category = "Other", urgency = "Normal", title = "没有区划", description = "没有区划的需求" }, HttpStatusCode.BadRequest);
        Assert.True(noArea.GetProperty("errors").TryGetProperty("areaCode", out _));
        Assert.True(noArea.GetProperty("errors").TryGetProperty("requesterName", out _));
        // Another township's community does not exist for the staff of this one.
        var other = await TestHouseholds.NewCommunityAsync(app);
        var outside = await Post(w.Staff, "/api/v1/needs", Raise(other), HttpStatusCode.BadRequest);
        Assert.Equal("区划不存在或不在您的管辖范围内", outside.GetProperty("errors").GetProperty("areaCode")[0].GetString());
        Assert.False(await app.Query(db => db.Set<Need>().IgnoreQueryFilters().AnyAsync(n => n.AreaCode == other || (n.AreaCode == w.Community && n.Title == "没有区划"))));
    }

    [Fact]
    public async Task Another_area_s_need_is_404_and_absent_from_the_list_and_its_counts()
    {
        using var w = await WorldAsync();
        using var v = await WorldAsync();
        var (id, _) = await RaiseAsync(w.Staff, Raise(w.Community));
        await (await v.Staff.GetAsync($"/api/v1/needs/{id}")).Expect(HttpStatusCode.NotFound);
        await Post(v.Worker, $"/api/v1/needs/{id}/status", new { to = "Accepted" }, HttpStatusCode.NotFound);
        await Post(v.Worker, $"/api/v1/needs/{id}/requester/reveal", new { reason = "电话回访" }, HttpStatusCode.NotFound);
        var list = await (await v.Staff.GetAsync("/api/v1/needs")).Expect(HttpStatusCode.OK);
        Assert.DoesNotContain(list.GetProperty("items").EnumerateArray(), n => n.GetProperty("id").GetGuid() == id);
        await (await v.Staff.GetAsync($"/api/v1/needs?area={w.Community}")).Expect(HttpStatusCode.NotFound);
        var counts = await (await w.Staff.GetAsync("/api/v1/needs/counts")).Expect(HttpStatusCode.OK);
        Assert.Equal(1, counts.GetProperty("all").GetInt32());
    }

    [Fact]
    public async Task A_need_past_its_deadline_is_overdue_in_the_list_the_counts_and_per_area()
    {
        using var w = await WorldAsync();
        var (late, _) = await RaiseAsync(w.Staff, Raise(w.Community, "超时未受理的需求"));
        var (onTime, _) = await RaiseAsync(w.Staff, Raise(w.Community, "按时受理的需求"));
        var (lateOpen, _) = await RaiseAsync(w.Staff, Raise(w.Community, "超时未办结的需求"));
        await Post(w.Staff, $"/api/v1/needs/{lateOpen}/status", new { to = "Accepted" });
        var past = DateTimeOffset.UtcNow.AddHours(-1);
        await app.Query(db => db.Set<Need>().IgnoreQueryFilters().Where(n => n.Id == late).ExecuteUpdateAsync(s => s.SetProperty(n => n.AcceptDueAt, past)));
        await app.Query(db => db.Set<Need>().IgnoreQueryFilters().Where(n => n.Id == lateOpen).ExecuteUpdateAsync(s => s.SetProperty(n => n.ResolveDueAt, past)));

        var overdue = await (await w.Worker.GetAsync("/api/v1/needs?overdue=true")).Expect(HttpStatusCode.OK);
        Assert.Equal([late, lateOpen], overdue.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetGuid()).Order());
        Assert.All(overdue.GetProperty("items").EnumerateArray(), n => Assert.True(n.GetProperty("overdue").GetBoolean()));
        var notOverdue = await (await w.Worker.GetAsync("/api/v1/needs?overdue=false")).Expect(HttpStatusCode.OK);
        Assert.Equal([onTime], notOverdue.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetGuid()));
        var counts = await (await w.Worker.GetAsync("/api/v1/needs/counts")).Expect(HttpStatusCode.OK);
        Assert.Equal(2, counts.GetProperty("overdue").GetInt32());
        Assert.Equal(2, counts.GetProperty("byStatus").GetProperty("Submitted").GetInt32());
        using var huaibei = await app.CreateClientAsync("huaibei");
        var byArea = await (await huaibei.GetAsync($"/api/v1/needs/by-area?area={Places.County}")).Expect(HttpStatusCode.OK);
        var row = Assert.Single(byArea.EnumerateArray(), r => r.GetProperty("areaCode").GetString() == w.Township);
        Assert.Equal((3, 2, 1, 2), (row.GetProperty("all").GetInt32(), row.GetProperty("submitted").GetInt32(), row.GetProperty("open").GetInt32(), row.GetProperty("overdue").GetInt32()));
        // Per area and in the list, overdue is one rule: the row's count is the overdue list's total under the same area.
        var overdueThere = await (await huaibei.GetAsync($"/api/v1/needs?overdue=true&area={w.Township}")).Expect(HttpStatusCode.OK);
        Assert.Equal(overdueThere.GetProperty("total").GetInt32(), row.GetProperty("overdue").GetInt32());
        // Sorted by deadline, the overdue acceptance comes first.
        var byDue = await (await w.Worker.GetAsync("/api/v1/needs?sort=due")).Expect(HttpStatusCode.OK);
        Assert.Equal(late, byDue.GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_resident_reports_follows_and_rates_their_need_by_number_and_phone_only()
    {
        using var w = await WorldAsync();
        using var anonymous = app.Anonymous();
        var phone = Numbers.Mobile();
        var report = new { areaCode = w.Community, category = "ElderlyCare", urgency = "Urgent", title = "母亲行动不便需要助浴", description = "母亲 86 岁，独自洗澡困难。", name = "李红", phone, consent = true };
        var reported = await Post(anonymous, "/api/v1/public/needs", report, HttpStatusCode.Created);
        var no = reported.GetProperty("needNo").GetString()!;
        var id = reported.GetProperty("id").GetGuid();

        var need = await (await w.Staff.GetAsync($"/api/v1/needs/{id}")).Expect(HttpStatusCode.OK);
        Assert.False(need.GetProperty("verified").GetBoolean());
        Assert.Equal("Resident", need.GetProperty("source").GetString());
        Assert.Equal("李红", need.GetProperty("requesterName").GetString());
        var audit = await app.Query(db => db.AuditRecords.AsNoTracking().SingleAsync(a => a.Entity == nameof(Need) && a.EntityKey == id.ToString() && a.Action == AuditAction.Create));
        Assert.Null(audit.UserId);
        Assert.StartsWith("resident:1", audit.UserName);
        Assert.Null(audit.Role);
        Assert.DoesNotContain(phone, audit.UserName!, StringComparison.Ordinal);

        // Another phone, or another number, is as if the need did not exist.
        var wrong = await Post(anonymous, "/api/v1/public/needs/track", new { needNo = no, phone = Numbers.Mobile() }, HttpStatusCode.NotFound);
        Assert.Equal("未找到与该编号和手机号相符的需求，请核对后重试", wrong.GetProperty("title").GetString());
        var progress = await Post(anonymous, "/api/v1/public/needs/track", new { needNo = no.ToLowerInvariant(), phone });
        Assert.Equal("Submitted", progress.GetProperty("status").GetString());
        Assert.False(progress.GetProperty("mayRate").GetBoolean());
        Assert.DoesNotContain("测试用户", progress.GetRawText(), StringComparison.Ordinal);
        var early = await Post(anonymous, "/api/v1/public/needs/rate", new { needNo = no, phone, satisfaction = 5 }, HttpStatusCode.Conflict);
        Assert.Equal("需求解决后才能评价满意度", early.GetProperty("title").GetString());

        await Post(w.Staff, $"/api/v1/needs/{id}/status", new { to = "Accepted" });
        await Post(w.Staff, $"/api/v1/needs/{id}/matches", new { kind = "ResolvedDirectly", note = "联系助浴服务队每周上门一次" }, HttpStatusCode.Created);
        progress = await Post(anonymous, "/api/v1/public/needs/track", new { needNo = no, phone });
        Assert.True(progress.GetProperty("mayRate").GetBoolean());
        Assert.Equal("联系助浴服务队每周上门一次", progress.GetProperty("outcome").GetString());
        var rated = await Post(anonymous, "/api/v1/public/needs/rate", new { needNo = no, phone, satisfaction = 4, comment = "服务很好" });
        Assert.Equal("FollowedUp", rated.GetProperty("status").GetString());
        await Post(anonymous, "/api/v1/public/needs/rate", new { needNo = no, phone, satisfaction = 1 }, HttpStatusCode.Conflict);
        need = await (await w.Staff.GetAsync($"/api/v1/needs/{id}")).Expect(HttpStatusCode.OK);
        Assert.True(need.GetProperty("verified").GetBoolean());
        Assert.Equal(("Requester", 4), (need.GetProperty("ratedBy").GetString(), need.GetProperty("satisfaction").GetInt32()));
    }

    [Fact]
    public async Task A_resident_s_report_is_checked_and_one_phone_reports_at_most_three_needs_a_day()
    {
        var community = await TestHouseholds.NewCommunityAsync(app);
        using var anonymous = app.Anonymous();
        var bad = await Post(anonymous, "/api/v1/public/needs", new { areaCode = community[..9] + "000", category = "Other", urgency = "Critical", title = "t", description = "", name = "", phone = "0857-6221234" }, HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        foreach (var field in new[] { "urgency", "title", "description", "name", "phone", "consent" }) Assert.True(errors.TryGetProperty(field, out _), field);
        var township = await Post(anonymous, "/api/v1/public/needs", new { areaCode = community[..9] + "000", category = "Other", urgency = "Normal", title = "街道的事", description = "街道的事情", name = "张三", phone = Numbers.Mobile(), consent = true }, HttpStatusCode.BadRequest);
        Assert.Equal("所选社区（村）不存在，请重新选择", township.GetProperty("errors").GetProperty("areaCode")[0].GetString());

        var phone = Numbers.Mobile();
        for (var i = 0; i < ResidentLimits.ReportsPerPhonePerDay; i++)
            await Post(anonymous, "/api/v1/public/needs", new { areaCode = community, category = "Other", urgency = "Normal", title = $"诉求{i}", description = "具体情况", name = "张三", phone, consent = true }, HttpStatusCode.Created);
        using var response = await anonymous.PostAsJsonAsync("/api/v1/public/needs", new { areaCode = community, category = "Other", urgency = "Normal", title = "第四条", description = "具体情况", name = "张三", phone, consent = true });
        var limited = await response.Expect(HttpStatusCode.TooManyRequests);
        Assert.StartsWith("同一手机号 24 小时内最多提交 3 条需求", limited.GetProperty("title").GetString());
        Assert.True(response.Headers.RetryAfter is not null);
        Assert.Equal(3, await app.Query(db => db.Set<Need>().IgnoreQueryFilters().CountAsync(n => n.AreaCode == community)));
    }

    [Fact]
    public void The_address_limit_answers_429_with_the_wait_once_the_hour_s_allowance_is_spent()
    {
        var limits = new ResidentLimits(Microsoft.Extensions.Configuration.MemoryConfigurationBuilderExtensions.AddInMemoryCollection(new Microsoft.Extensions.Configuration.ConfigurationBuilder(),
            new Dictionary<string, string?> { ["Wushe:Needs:ReportsPerHour"] = "2", ["Wushe:Needs:LookupsPerHour"] = "1" }).Build());
        Assert.Null(limits.Report("10.0.0.1"));
        Assert.Null(limits.Report("10.0.0.1"));
        var third = limits.Report("10.0.0.1");
        Assert.Equal(Wushe.Platform.Outcomes.FailureKind.TooManyRequests, third?.Kind);
        Assert.NotNull(third!.RetryAfter);
        Assert.Null(limits.Report("10.0.0.2"));
        Assert.Null(limits.Lookup("10.0.0.1"));
        Assert.NotNull(limits.Lookup("10.0.0.1"));
    }

    [Fact]
    public async Task An_area_s_time_limits_set_the_deadlines_of_needs_raised_and_accepted_after_them()
    {
        using var w = await WorldAsync();
        using var huaibei = await app.CreateClientAsync("huaibei");
        var bad = await (await huaibei.PutAsJsonAsync("/api/v1/need-time-limits", new { areaCode = w.Township, normalAcceptHours = 24, normalResolveDays = 10, urgentAcceptHours = 48, urgentResolveDays = 5, criticalAcceptHours = 0, criticalResolveDays = 1 }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.True(bad.GetProperty("errors").TryGetProperty("criticalAcceptHours", out _));
        var slower = await (await huaibei.PutAsJsonAsync("/api/v1/need-time-limits", new { areaCode = w.Township, normalAcceptHours = 24, normalResolveDays = 10, urgentAcceptHours = 48, urgentResolveDays = 5, criticalAcceptHours = 4, criticalResolveDays = 1 }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Equal("紧急需求的受理时限不能长于一般需求", slower.GetProperty("errors").GetProperty("urgentAcceptHours")[0].GetString());
        await (await huaibei.PutAsJsonAsync("/api/v1/need-time-limits", new { areaCode = w.Township, normalAcceptHours = 24, normalResolveDays = 10, urgentAcceptHours = 8, urgentResolveDays = 5, criticalAcceptHours = 2, criticalResolveDays = 1 }))
            .Expect(HttpStatusCode.OK);
        // The county's limits bind the township: a longer one below is refused by name; a station worker who is not the head may not set them.
        await (await huaibei.PutAsJsonAsync("/api/v1/need-time-limits", new { areaCode = Places.County, normalAcceptHours = 48, normalResolveDays = 20, urgentAcceptHours = 24, urgentResolveDays = 10, criticalAcceptHours = 12, criticalResolveDays = 3 }))
            .Expect(HttpStatusCode.OK);
        var looser = await (await huaibei.PutAsJsonAsync("/api/v1/need-time-limits", new { areaCode = w.Township, normalAcceptHours = 72, normalResolveDays = 10, urgentAcceptHours = 8, urgentResolveDays = 5, criticalAcceptHours = 2, criticalResolveDays = 1, version = 1 }))
            .Expect(HttpStatusCode.BadRequest);
        Assert.Equal("不能长于上级已设定的 48 小时", looser.GetProperty("errors").GetProperty("normalAcceptHours")[0].GetString());
        await (await w.Worker.PutAsJsonAsync("/api/v1/need-time-limits", new { areaCode = w.Township, normalAcceptHours = 24, normalResolveDays = 10, urgentAcceptHours = 8, urgentResolveDays = 5, criticalAcceptHours = 2, criticalResolveDays = 1 }))
            .Expect(HttpStatusCode.Forbidden);
        var applying = await (await w.Worker.GetAsync($"/api/v1/need-time-limits?area={w.Township}")).Expect(HttpStatusCode.OK);
        Assert.Equal((w.Township, 8), (applying.GetProperty("ownerAreaCode").GetString(), applying.GetProperty("urgentAcceptHours").GetInt32()));

        var (id, _) = await RaiseAsync(w.Staff, Raise(w.Community, urgency: "Urgent"));
        await Post(w.Staff, $"/api/v1/needs/{id}/status", new { to = "Accepted" });
        var need = await (await w.Staff.GetAsync($"/api/v1/needs/{id}")).Expect(HttpStatusCode.OK);
        Assert.Equal(TimeSpan.FromHours(8), need.GetProperty("acceptDueAt").GetDateTimeOffset() - need.GetProperty("raisedAt").GetDateTimeOffset());
        Assert.Equal(TimeSpan.FromDays(5), need.GetProperty("resolveDueAt").GetDateTimeOffset() - need.GetProperty("acceptedAt").GetDateTimeOffset());
        // A community below keeps the township's; a community sets none of its own.
        await (await w.Staff.GetAsync($"/api/v1/need-time-limits?area={w.Community}")).Expect(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_requester_s_phone_is_revealed_with_a_reason_and_audited()
    {
        using var w = await WorldAsync();
        var (id, _) = await RaiseAsync(w.Staff, Raise(w.Community));
        var noReason = await Post(w.Worker, $"/api/v1/needs/{id}/requester/reveal", new { reason = "" }, HttpStatusCode.BadRequest);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("reason", out _));
        var revealed = await Post(w.Worker, $"/api/v1/needs/{id}/requester/reveal", new { reason = "电话回访" });
        Assert.Equal("13912345670", revealed.GetProperty("phone").GetString());
        var audit = await app.Query(db => db.AuditRecords.AsNoTracking().Where(a => a.Entity == nameof(Need) && a.EntityKey == id.ToString() && a.Action == AuditAction.Reveal).ToListAsync());
        Assert.Contains(audit, a => a.Reason == "电话回访" && a.Outcome == AuditOutcome.Success);
        Assert.Contains(audit, a => a.Outcome == AuditOutcome.Failed);
    }

    [Fact]
    public async Task The_list_finds_a_need_by_the_requester_s_name_or_whole_mobile_number()
    {
        using var w = await WorldAsync();
        var (id, _) = await RaiseAsync(w.Staff, Raise(w.Community, "按求助人查找的需求"));
        foreach (var keyword in new[] { "王秀英", "秀英", "13912345670" })
        {
            var found = await (await w.Staff.GetAsync("/api/v1/needs?keyword=" + Uri.EscapeDataString(keyword))).Expect(HttpStatusCode.OK);
            Assert.Equal([id], found.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetGuid()));
        }
        // Part of a number finds nothing: the stored number is sealed, only a whole one is compared (by its keyed hash).
        var partial = await (await w.Staff.GetAsync("/api/v1/needs?keyword=1391234")).Expect(HttpStatusCode.OK);
        Assert.Equal(0, partial.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task The_export_follows_the_search_masks_requesters_and_is_audited()
    {
        using var w = await WorldAsync();
        await RaiseAsync(w.Staff, Raise(w.Community, "需要导出的需求"));
        using var response = await w.Staff.GetAsync("/api/v1/needs/export?keyword=需要导出");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = MiniExcelLibs.MiniExcel.Query(await response.Content.ReadAsStreamAsync(), useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal("王*英", row["求助人"]);
        Assert.Equal("需要导出的需求", row["需求标题"]);
        Assert.True(await app.Query(db => db.AuditRecords.AnyAsync(a => a.Entity == nameof(Need) && a.Action == AuditAction.Export && a.AreaCode == w.Community)));
    }
}
