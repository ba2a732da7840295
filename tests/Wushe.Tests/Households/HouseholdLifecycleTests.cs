using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Households;

/// <summary>
/// review7c 32 and 29: a household moves to another community in the mover's scope (its people, tags, consents and card history
/// with it; the counts per township follow); a person whose household was closed as moved away, or who moved out, is registered
/// again elsewhere, while a death keeps the number refused; reopening takes a reason and a day.
/// </summary>
public sealed class HouseholdLifecycleTests(TestApp app)
{
    static DateOnly Today => ChinaTime.Today(TimeProvider.System);
    static readonly System.Text.Json.JsonSerializerOptions Json = new(System.Text.Json.JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };
    static readonly Guid Elderly = new("5a6e7400-0000-4000-8000-000000000001");   // 独居老人, a platform default (60 and over)

    static async Task<int> Overdue(HttpClient client, string township) =>
        (await client.GetFromJsonAsync<OverdueByTownship.Response>($"/api/v1/households/overdue-by-township?area={township}", Json))!.Overdue;

    static async Task<int> Listed(HttpClient client, string area) =>
        (await (await client.GetAsync($"/api/v1/households?area={area}")).Expect(HttpStatusCode.OK)).GetProperty("total").GetInt32();

    [Fact]
    public async Task A_household_moves_with_its_people_in_the_movers_scope_and_the_township_counts_follow()
    {
        var east = await Places.NewTownshipAsync(app);
        var west = await Places.NewTownshipAsync(app);
        var (first, second) = (await TestHouseholds.NewCommunityAsync(app, east), await TestHouseholds.NewCommunityAsync(app, east, number: 2));
        var across = await TestHouseholds.NewCommunityAsync(app, west);
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, east, homeAreaCode: east);
        // The county's station (县级社工总站): the one who manages households of both townships.
        var centre = await TestUsers.CreateAsync(app, Role.StationWorker, Places.County, homeAreaCode: Places.County);
        var made = await TestHouseholds.CreateAsync(app, first, "东镇旧路1号", worker.Id,
            TestHouseholds.Head("迁移户主"), new ResidentFields("迁移老人", Sex.Female, new DateOnly(1940, 2, 2), Relation.Parent, Tags: [Elderly]),
            TestHouseholds.Child(new DateOnly(2018, 6, 1)));
        // Overdue for ten days: the township's overdue figure counts it.
        await app.Query(db => db.Set<Household>().IgnoreQueryFilters().Where(h => h.Id == made.Id).ExecuteUpdateAsync(s => s.SetProperty(h => h.NextDueOn, Today.AddDays(-10))));
        using var station = await app.CreateClientAsync(worker.UserName);
        using var county = await app.CreateClientAsync(centre.UserName);
        Assert.Equal((1, 0), (await Overdue(county, east), await Overdue(county, west)));
        var version = (await station.GetFromJsonAsync<GetHousehold.Details>($"/api/v1/households/{made.Id}", Json))!.Version;

        // Bad input: every field named, nothing moved; a stale version is 409.
        var bad = await (await station.PostAsJsonAsync($"/api/v1/households/{made.Id}/move", new { areaCode = east, address = "x", movedOn = Today.AddDays(1), note = new string('长', 201) })).Expect(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "areaCode", "address", "movedOn", "note" }) Assert.True(bad.GetProperty("errors").TryGetProperty(field, out _), field + ": " + bad);
        var same = await (await station.PostAsJsonAsync($"/api/v1/households/{made.Id}/move", new { areaCode = first, address = "东镇新路2号", movedOn = Today })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("已在所选社区", same.GetProperty("errors").GetProperty("areaCode")[0].GetString(), StringComparison.Ordinal);
        await (await station.PostAsJsonAsync($"/api/v1/households/{made.Id}/move", new { areaCode = second, address = "东镇新路2号", movedOn = Today, version = version - 1 })).Expect(HttpStatusCode.Conflict);

        // A station worker of the east cannot push the household into the west: the same message as the registration's.
        var outside = await (await station.PostAsJsonAsync($"/api/v1/households/{made.Id}/move", new { areaCode = across, address = "西镇路3号", movedOn = Today })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains("不存在或不在您的管辖范围内", outside.GetProperty("errors").GetProperty("areaCode")[0].GetString(), StringComparison.Ordinal);
        Assert.Equal(first, await app.Query(db => db.Set<Household>().IgnoreQueryFilters().Where(h => h.Id == made.Id).Select(h => h.AreaCode).SingleAsync()));

        // Within the township: members, tags and consents move; the station's worker stays responsible.
        var moved = await (await station.PostAsJsonAsync($"/api/v1/households/{made.Id}/move", new { areaCode = second, address = "东镇新路2号", movedOn = Today, note = "更正登记社区", version })).Expect(HttpStatusCode.OK);
        Assert.Equal(worker.Id, moved.GetProperty("workerId").GetGuid());
        Assert.False(moved.GetProperty("workerCleared").GetBoolean());
        var areas = await app.Query(async db => new
        {
            Residents = await db.Set<Resident>().IgnoreQueryFilters().Where(r => r.HouseholdId == made.Id).Select(r => r.AreaCode).Distinct().ToListAsync(),
            Tags = await db.Set<ResidentTag>().IgnoreQueryFilters().Where(t => t.HouseholdId == made.Id).Select(t => t.AreaCode).Distinct().ToListAsync(),
            Consents = await db.Set<Consent>().IgnoreQueryFilters().Where(c => made.Members.Contains(c.ResidentId)).Select(c => c.AreaCode).Distinct().ToListAsync(),
        });
        Assert.Equal([second], areas.Residents);
        Assert.Equal([second], areas.Tags);
        Assert.Equal([second], areas.Consents);
        var audit = await app.Query(db => db.AuditRecords.Where(a => a.EntityKey == made.Id.ToString()).OrderByDescending(a => a.Id).Select(a => a.Changes).FirstAsync());
        Assert.Contains(first, audit, StringComparison.Ordinal);
        Assert.Contains(second, audit, StringComparison.Ordinal);
        Assert.DoesNotContain("更正登记社区", audit, StringComparison.Ordinal);

        // Across townships, by the county: the east's overdue and list counts drop, the west's rise; the east's worker is no
        // longer responsible (the west's station assigns one); the east's station no longer finds it.
        Assert.Equal(1, await Listed(county, east));
        var across1 = await (await county.PostAsJsonAsync($"/api/v1/households/{made.Id}/move", new { areaCode = across, address = "西镇路3号", movedOn = Today })).Expect(HttpStatusCode.OK);
        Assert.True(across1.GetProperty("workerCleared").GetBoolean());
        Assert.Equal((0, 1), (await Overdue(county, east), await Overdue(county, west)));
        Assert.Equal((0, 1), (await Listed(county, east), await Listed(county, west)));
        Assert.Null(await app.Query(db => db.Set<Household>().IgnoreQueryFilters().Where(h => h.Id == made.Id).Select(h => h.WorkerId).SingleAsync()));
        Assert.Equal(HttpStatusCode.NotFound, (await station.GetAsync($"/api/v1/households/{made.Id}")).StatusCode);

        // The page says where it came from; a closed household does not move (409).
        using var session = new PageSession(await app.CookieClientAsync(centre.UserName));
        var (_, details) = await session.GetAsync($"/Households/Details?id={made.Id}");
        Assert.Contains($"{Today:yyyy-MM-dd} 由 测试{int.Parse(east[6..9])}镇 测试{east[6..9]}第2社区 迁入", System.Net.WebUtility.HtmlDecode(details), StringComparison.Ordinal);
        await (await county.PostAsJsonAsync($"/api/v1/households/{made.Id}/close", new { reason = "NoLongerEligible", closedOn = Today })).Expect(HttpStatusCode.OK);
        await (await county.PostAsJsonAsync($"/api/v1/households/{made.Id}/move", new { areaCode = first, address = "东镇旧路1号", movedOn = Today })).Expect(HttpStatusCode.Conflict);
        // review7d 6: the move page of a closed household says so on opening, instead of after the form is filled in.
        var (_, closedPage) = await session.GetAsync($"/Households/Move?id={made.Id}");
        Assert.Contains("id=\"move-refused\"", closedPage, StringComparison.Ordinal);
        Assert.DoesNotContain("id=\"move-form\"", closedPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_move_page_warns_what_stays_and_moves_the_household_or_names_the_fields()
    {
        var township = await Places.NewTownshipAsync(app);
        var (from, to) = (await TestHouseholds.NewCommunityAsync(app, township), await TestHouseholds.NewCommunityAsync(app, township, number: 2));
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, township, homeAreaCode: township);
        var made = await TestHouseholds.CreateAsync(app, from, workerId: worker.Id);
        using var session = new PageSession(await app.CookieClientAsync(worker.UserName));
        var (_, details) = await session.GetAsync($"/Households/Details?id={made.Id}");
        Assert.Contains($"/Households/Move?id={made.Id}", details, StringComparison.Ordinal);
        var page = $"/Households/Move?id={made.Id}";
        // review7d 3: a community's staff have no other community to move to: no button, the page and the API say who does it.
        var staff = await TestUsers.CreateAsync(app, Role.CommunityStaff, from);
        using (var staffSession = new PageSession(await app.CookieClientAsync(staff.UserName)))
        {
            var (_, staffDetails) = await staffSession.GetAsync($"/Households/Details?id={made.Id}");
            Assert.DoesNotContain("id=\"move-household\"", staffDetails, StringComparison.Ordinal);
            var (_, staffMove) = await staffSession.GetAsync(page);
            Assert.Contains("迁出本社区（村）由镇（街道）社工站办理", System.Net.WebUtility.HtmlDecode(staffMove), StringComparison.Ordinal);
            Assert.DoesNotContain("id=\"move-form\"", staffMove, StringComparison.Ordinal);
        }
        var staffApi = await (await (await app.CreateClientAsync(staff.UserName)).PostAsJsonAsync($"/api/v1/households/{made.Id}/move",
            new { areaCode = to, address = "新社区路9号", movedOn = Today })).Expect(HttpStatusCode.Forbidden);
        Assert.Contains("社工站办理", staffApi.GetProperty("title").GetString(), StringComparison.Ordinal);
        var (status, html) = await session.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("在办个案和小组仍由原社工站跟进", System.Net.WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        var version = System.Text.RegularExpressions.Regex.Match(html, "name=\"Input.Version\" value=\"(\\d+)\"").Groups[1].Value;
        Assert.NotEqual("", version);

        using (var refused = await session.PostFormAsync(page, new() { ["Input.AreaCode"] = "", ["Input.Address"] = "", ["Input.MovedOn"] = "", ["Input.Version"] = version }, page))
        {
            var text = System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("请选择所属社区（村）", text, StringComparison.Ordinal);
            Assert.Contains("迁移日期不能为空", text, StringComparison.Ordinal);
        }
        using (var saved = await session.PostFormAsync(page, new()
               { ["Input.AreaCode"] = to, ["Input.Address"] = "新社区路9号", ["Input.MovedOn"] = Today.ToString("yyyy-MM-dd"), ["Input.Version"] = version }, page))
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var stored = await app.Query(db => db.Set<Household>().IgnoreQueryFilters().Where(h => h.Id == made.Id).Select(h => new { h.AreaCode, h.Address, h.MovedFromAreaCode }).SingleAsync());
        Assert.Equal((to, "新社区路9号", from), (stored.AreaCode, stored.Address, stored.MovedFromAreaCode!));
    }

    [Fact]
    public async Task A_person_who_moved_away_registers_again_elsewhere_but_a_death_or_an_active_record_stays_refused()
    {
        var east = await Places.NewTownshipAsync(app);
        var west = await Places.NewTownshipAsync(app);
        var (eastCommunity, westCommunity) = (await TestHouseholds.NewCommunityAsync(app, east), await TestHouseholds.NewCommunityAsync(app, west));
        var eastWorker = await TestUsers.CreateAsync(app, Role.StationWorker, east, homeAreaCode: east);
        var westWorker = await TestUsers.CreateAsync(app, Role.StationWorker, west, homeAreaCode: west);
        var (headId, sonId, daughterId) = (Numbers.ResidentIdNumber(), Numbers.ResidentIdNumber(new DateOnly(1990, 1, 1)), Numbers.ResidentIdNumber(new DateOnly(1992, 2, 2), male: false));
        var made = await TestHouseholds.CreateAsync(app, eastCommunity, "东镇迁出路1号", eastWorker.Id, TestHouseholds.Head("迁出户主", headId),
            new ResidentFields("迁出儿子", Sex.Male, new DateOnly(1990, 1, 1), Relation.Child, sonId),
            new ResidentFields("迁出女儿", Sex.Female, new DateOnly(1992, 2, 2), Relation.Child, daughterId));
        using var eastClient = await app.CreateClientAsync(eastWorker.UserName);
        using var westClient = await app.CreateClientAsync(westWorker.UserName);
        object Registration(string area, string name, string id, Sex sex, DateOnly birth) =>
            new { areaCode = area, address = "重新登记路1号", members = new[] { new { name, sex = sex.ToString(), birthDate = birth, relation = "Head", idNumber = id } } };
        var head = TestHouseholds.Head("迁出户主", headId);

        // Active: 409 in scope and elsewhere, as before.
        await (await eastClient.PostAsJsonAsync("/api/v1/households", Registration(eastCommunity, head.Name!, headId, head.Sex!.Value, head.BirthDate!.Value))).Expect(HttpStatusCode.Conflict);
        var elsewhere = await (await westClient.PostAsJsonAsync("/api/v1/households", Registration(westCommunity, head.Name!, headId, head.Sex!.Value, head.BirthDate!.Value))).Expect(HttpStatusCode.Conflict);
        Assert.Contains("已在其他地区登记", elsewhere.ToString(), StringComparison.Ordinal);

        // A member who moved out is registered again in the west.
        await (await eastClient.PostAsJsonAsync($"/api/v1/residents/{made.Members[2]}/leave", new { status = "MovedOut", leftOn = Today, note = "出嫁" })).Expect(HttpStatusCode.OK);
        await (await westClient.PostAsJsonAsync("/api/v1/households", Registration(westCommunity, "迁出女儿", daughterId, Sex.Female, new DateOnly(1992, 2, 2)))).Expect(HttpStatusCode.Created);

        // The household closed as moved away: the head in the west, the son in the east again.
        await (await eastClient.PostAsJsonAsync($"/api/v1/households/{made.Id}/close", new { reason = "MovedAway", closedOn = Today })).Expect(HttpStatusCode.OK);
        await (await westClient.PostAsJsonAsync("/api/v1/households", Registration(westCommunity, head.Name!, headId, head.Sex!.Value, head.BirthDate!.Value))).Expect(HttpStatusCode.Created);
        await (await eastClient.PostAsJsonAsync("/api/v1/households", Registration(eastCommunity, "迁出儿子", sonId, Sex.Male, new DateOnly(1990, 1, 1)))).Expect(HttpStatusCode.Created);
        // …and now held again: a third registration is refused, and the old household cannot be reopened over them.
        await (await eastClient.PostAsJsonAsync("/api/v1/households", Registration(eastCommunity, "迁出儿子", sonId, Sex.Male, new DateOnly(1990, 1, 1)))).Expect(HttpStatusCode.Conflict);
        var reopen = await (await eastClient.PostAsJsonAsync($"/api/v1/households/{made.Id}/reopen", new { reason = "误注销", reopenedOn = Today })).Expect(HttpStatusCode.Conflict);
        Assert.Contains("重新登记", reopen.ToString(), StringComparison.Ordinal);
        Assert.Equal(HouseholdStatus.Closed, await app.Query(db => db.Set<Household>().IgnoreQueryFilters().Where(h => h.Id == made.Id).Select(h => h.Status).SingleAsync()));

        // A death keeps the number: the household closed as died, or one member recorded deceased — a clear 409 in scope, a neutral one elsewhere.
        var diedId = Numbers.ResidentIdNumber();
        var widowId = Numbers.ResidentIdNumber(new DateOnly(1945, 3, 3), male: false);
        var died = await TestHouseholds.CreateAsync(app, eastCommunity, "东镇故去路1号", null, TestHouseholds.Head("故去户主", diedId),
            new ResidentFields("故去配偶", Sex.Female, new DateOnly(1945, 3, 3), Relation.Spouse, widowId));
        await (await eastClient.PostAsJsonAsync($"/api/v1/residents/{died.Members[1]}/leave", new { status = "Deceased", leftOn = Today })).Expect(HttpStatusCode.OK);
        var member = await (await eastClient.PostAsJsonAsync("/api/v1/households", Registration(eastCommunity, "故去配偶", widowId, Sex.Female, new DateOnly(1945, 3, 3)))).Expect(HttpStatusCode.Conflict);
        Assert.Contains("该居民已登记死亡", member.ToString(), StringComparison.Ordinal);
        await (await eastClient.PostAsJsonAsync($"/api/v1/households/{died.Id}/close", new { reason = "Died", closedOn = Today })).Expect(HttpStatusCode.OK);
        var deadHead = TestHouseholds.Head("故去户主", diedId);
        var inScope = await (await eastClient.PostAsJsonAsync("/api/v1/households", Registration(eastCommunity, "故去户主", diedId, deadHead.Sex!.Value, deadHead.BirthDate!.Value))).Expect(HttpStatusCode.Conflict);
        Assert.Contains("该居民已登记死亡", inScope.ToString(), StringComparison.Ordinal);
        var outside = await (await westClient.PostAsJsonAsync("/api/v1/households", Registration(westCommunity, "故去户主", diedId, deadHead.Sex!.Value, deadHead.BirthDate!.Value))).Expect(HttpStatusCode.Conflict);
        // Another area is told only that the number is registered elsewhere, not that the person died (review7d 4).
        Assert.Contains("该身份证号码已在其他地区登记", outside.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("死亡", outside.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("东镇故去路", outside.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_ID_with_a_lower_case_x_stays_refused_while_active_and_registers_again_once_moved_away()
    {
        var township = await Places.NewTownshipAsync(app);
        var (first, second) = (await TestHouseholds.NewCommunityAsync(app, township), await TestHouseholds.NewCommunityAsync(app, township, number: 2));
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, township, homeAreaCode: township);
        using var client = await app.CreateClientAsync(worker.UserName);
        // 1949-12-31, female, check character X: the kind of 11010519491231002X (which RegistrationTests holds on the shared database).
        const string lower = "11010519491231010x", upper = "11010519491231010X";
        Assert.Null(Wushe.Platform.Validation.ResidentId.Check(upper, Today));
        object Body(string area, string id) => new { areaCode = area, address = "小写路1号", members = new[] { new { name = "王小写", sex = "Female", birthDate = "1949-12-31", relation = "Head", idNumber = id } } };
        var made = await (await client.PostAsJsonAsync("/api/v1/households", Body(first, lower))).Expect(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync("/api/v1/households", Body(second, upper))).Expect(HttpStatusCode.Conflict);
        await (await client.PostAsJsonAsync($"/api/v1/households/{made.GetProperty("id").GetGuid()}/close", new { reason = "MovedAway", closedOn = Today })).Expect(HttpStatusCode.OK);
        await (await client.PostAsJsonAsync("/api/v1/households", Body(second, upper))).Expect(HttpStatusCode.Created);
        await (await client.PostAsJsonAsync("/api/v1/households", Body(first, lower))).Expect(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Reopening_needs_a_reason_and_a_day_not_before_the_closing_and_the_audit_keeps_the_closing()
    {
        var township = await Places.NewTownshipAsync(app);
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, township, homeAreaCode: township);
        var idNumber = Numbers.ResidentIdNumber();
        var made = await TestHouseholds.CreateAsync(app, await TestHouseholds.NewCommunityAsync(app, township), workerId: worker.Id, members: TestHouseholds.Head("恢复户主", idNumber));
        using var client = await app.CreateClientAsync(worker.UserName);
        await (await client.PostAsJsonAsync($"/api/v1/households/{made.Id}/reopen", new { reason = "误操作", reopenedOn = Today })).Expect(HttpStatusCode.Conflict);
        await (await client.PostAsJsonAsync($"/api/v1/households/{made.Id}/close", new { reason = "MovedAway", closedOn = Today })).Expect(HttpStatusCode.OK);

        var bad = await (await client.PostAsJsonAsync($"/api/v1/households/{made.Id}/reopen", new { })).Expect(HttpStatusCode.BadRequest);
        foreach (var field in new[] { "reason", "reopenedOn" }) Assert.True(bad.GetProperty("errors").TryGetProperty(field, out _), field + ": " + bad);
        var early = await (await client.PostAsJsonAsync($"/api/v1/households/{made.Id}/reopen", new { reason = "误操作", reopenedOn = Today.AddDays(-1) })).Expect(HttpStatusCode.BadRequest);
        Assert.Contains(Today.ToString("yyyy-MM-dd"), early.GetProperty("errors").GetProperty("reopenedOn")[0].GetString(), StringComparison.Ordinal);
        await (await client.PostAsJsonAsync($"/api/v1/households/{made.Id}/reopen", new { reason = "误操作", reopenedOn = Today.AddDays(1) })).Expect(HttpStatusCode.BadRequest);
        Assert.Equal(HouseholdStatus.Closed, await app.Query(db => db.Set<Household>().IgnoreQueryFilters().Where(h => h.Id == made.Id).Select(h => h.Status).SingleAsync()));

        // The page: the reason beside its field, then reopened with the reason shown.
        using var session = new PageSession(await app.CookieClientAsync(worker.UserName));
        var page = $"/Households/Details?id={made.Id}";
        var (_, closed) = await session.GetAsync(page);
        Assert.Contains("Reopening.Reason", closed, StringComparison.Ordinal);
        using (var refused = await session.PostFormAsync(page + "&handler=Reopen", new() { ["Reopening.Reason"] = "", ["Reopening.ReopenedOn"] = Today.ToString("yyyy-MM-dd") }, page))
        {
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("恢复原因不能为空", System.Net.WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }
        using (var reopened = await session.PostFormAsync(page + "&handler=Reopen", new() { ["Reopening.Reason"] = "家属迁回本社区", ["Reopening.ReopenedOn"] = Today.ToString("yyyy-MM-dd") }, page))
            Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        var (_, shown) = await session.GetAsync(page);
        Assert.Contains("家属迁回本社区", shown, StringComparison.Ordinal);
        var stored = await app.Query(db => db.Set<Household>().IgnoreQueryFilters().Where(h => h.Id == made.Id).Select(h => new { h.Status, h.ClosedReason, h.ReopenedOn, h.ReopenReason }).SingleAsync());
        Assert.Equal((HouseholdStatus.Active, (ClosureReason?)null, Today, "家属迁回本社区"), (stored.Status, stored.ClosedReason, stored.ReopenedOn!.Value, stored.ReopenReason));

        // The audit row of the reopening names the closing it undid (reason and day, old → empty) and that a reason was given.
        var audit = await app.Query(db => db.AuditRecords.Where(a => a.EntityKey == made.Id.ToString()).OrderByDescending(a => a.Id).Select(a => a.Changes).FirstAsync());
        foreach (var field in new[] { "ClosedReason", "ClosedOn", "ReopenedOn", "ReopenReason" }) Assert.Contains(field, audit, StringComparison.Ordinal);
        Assert.DoesNotContain("家属迁回本社区", audit, StringComparison.Ordinal);
        // Reopened, the head holds the ID number again.
        var again = await (await client.PostAsJsonAsync("/api/v1/households", new RegisterHousehold.Request(made.AreaCode, "再登记路1号", [TestHouseholds.Head("恢复户主", idNumber)]))).Expect(HttpStatusCode.Conflict);
        Assert.Contains("已登记", again.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_withdrawal_confirmation_says_what_is_erased_for_a_demo_child_and_that_nothing_is_for_an_adult()
    {
        // review7c 29: a demo child under 14 with the guardian's consent and an ID number on record (the reviewer's 田睿泽).
        var cutoff = Today.AddYears(-ResidentFields.ConsentAge);
        var child = await app.Query(db => db.Set<Resident>().IgnoreQueryFilters()
            .Where(r => r.BirthDate > cutoff && r.IdTail != null && r.GuardianName != ""
                && db.Set<Consent>().IgnoreQueryFilters().Any(c => c.ResidentId == r.Id && c.ByGuardian && c.WithdrawnOn == null && c.ConsentedBy == r.GuardianName)
                && db.Set<Consent>().IgnoreQueryFilters().Any(c => c.WithdrawnOn == null && !c.ByGuardian
                    && db.Set<Resident>().IgnoreQueryFilters().Any(a => a.Id == c.ResidentId && a.HouseholdId == r.HouseholdId))
                && db.Set<Household>().IgnoreQueryFilters().Any(h => h.Id == r.HouseholdId && h.Status == HouseholdStatus.Active))
            .OrderBy(r => r.Id).Select(r => new { r.Name, r.HouseholdId, r.AreaCode }).FirstAsync());
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, child.AreaCode[..9] + "000", homeAreaCode: child.AreaCode[..9] + "000");
        using var session = new PageSession(await app.CookieClientAsync(worker.UserName));
        var (_, html) = await session.GetAsync($"/Households/Details?id={child.HouseholdId}");
        var text = System.Net.WebUtility.HtmlDecode(html);
        Assert.Contains($"{child.Name}未满14周岁：撤回监护人同意后，将删除其已登记的身份证号码、联系电话、健康情况和重点人群标签", text, StringComparison.Ordinal);
        Assert.Contains("已登记的信息不会删除", text, StringComparison.Ordinal);
    }
}
