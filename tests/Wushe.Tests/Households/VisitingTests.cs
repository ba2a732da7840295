using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Features.Needs;
using Wushe.Features.Organizations;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Sensitive;
using Wushe.Tests.Builders;
using Microsoft.Extensions.Time.Testing;

namespace Wushe.Tests.Households;

/// <summary>Tiered visiting: due dates at China's day boundaries, visits, major changes and cards moving them, scope, linked households.</summary>
public sealed class VisitingTests(TestApp app)
{
    static DateOnly Today => ChinaTime.Today(TimeProvider.System);

    /// <summary>A township of its own with a community, a station worker of the township, and a household with that worker.</summary>
    sealed record Place(string Township, string Community, TestUsers.Made Worker, TestHouseholds.Made Household);

    async Task<Place> PlaceAsync(string headName = "测试户主")
    {
        var township = await Places.NewTownshipAsync(app);
        var community = await TestHouseholds.NewCommunityAsync(app, township);
        var worker = await TestUsers.CreateAsync(app, Role.StationWorker, township);
        // Registered a month ago, so that visits and changes may be dated in the past days.
        await using var scope = app.Scope();
        var sp = scope.ServiceProvider;
        var registered = await RegisterHousehold.Handle(sp.GetRequiredService<AppDb>(), CurrentUser.System, sp.GetRequiredService<Sealer>(),
            new FakeTimeProvider(DateTimeOffset.UtcNow.AddDays(-30)),
            new RegisterHousehold.Request(community, "幸福路8号", [TestHouseholds.Head(headName), TestHouseholds.Child(new DateOnly(2016, 5, 5))], worker.Id));
        Assert.True(registered.IsOk, registered.Failure?.Title);
        return new Place(township, community, worker, new TestHouseholds.Made(registered.Value!.Id, community, registered.Value.Members));
    }

    Task<Household> HouseholdAsync(Guid id) => app.Query(db => db.Set<Household>().IgnoreQueryFilters().AsNoTracking().SingleAsync(h => h.Id == id));

    static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    [Fact]
    public async Task A_household_due_on_30_November_is_not_overdue_at_23_59_China_time_and_overdue_one_minute_later()
    {
        var community = await TestHouseholds.NewCommunityAsync(app);
        // Registered and first visited on 1 September (09:00 China time; a clock answers UTC) with no card: quarterly, so due on 30 November.
        Guid id;
        await using (var scope = app.Scope())
        {
            var sp = scope.ServiceProvider;
            var registered = await RegisterHousehold.Handle(sp.GetRequiredService<AppDb>(), CurrentUser.System, sp.GetRequiredService<Sealer>(),
                new FakeTimeProvider(new DateTimeOffset(2026, 9, 1, 1, 0, 0, TimeSpan.Zero)), new RegisterHousehold.Request(community, "边界路1号", [TestHouseholds.Head()]));
            id = registered.Value!.Id;
        }
        Assert.Equal(new DateOnly(2026, 9, 1), (await HouseholdAsync(id)).NextDueOn);
        await app.Query(async db =>
        {
            (await db.Set<Household>().IgnoreQueryFilters().SingleAsync(h => h.Id == id)).Visited(new DateOnly(2026, 9, 1));
            return await db.SaveChangesAsync();
        });
        Assert.Equal(new DateOnly(2026, 11, 30), (await HouseholdAsync(id)).NextDueOn);

        async Task<MyVisits.Row?> RowAt(DateTimeOffset instant, string? due)
        {
            await using var scope = app.Scope();
            var list = await MyVisits.Handle(scope.ServiceProvider.GetRequiredService<AppDb>(), CurrentUser.System, new FakeTimeProvider(instant),
                new MyVisits.Query(Area: community, Due: due, Mine: false));
            return list.Page.Items.SingleOrDefault(r => r.Id == id);
        }
        async Task<OverdueByTownship.Row> TownshipAt(DateTimeOffset instant)
        {
            await using var scope = app.Scope();
            var figures = await OverdueByTownship.Handle(scope.ServiceProvider.GetRequiredService<AppDb>(), new FakeTimeProvider(instant), new OverdueByTownship.Query(community));
            return Assert.Single(figures.Rows.Items);
        }

        var lastMinute = new DateTimeOffset(2026, 11, 30, 15, 59, 0, TimeSpan.Zero); // 23:59 on the 30th in China
        var nextMinute = new DateTimeOffset(2026, 11, 30, 16, 0, 0, TimeSpan.Zero);  // 00:00 on 1 December in China
        var before = await RowAt(lastMinute, null);
        Assert.Equal(DueState.Today, before!.State);
        Assert.Equal(0, before.DaysOverdue);
        Assert.Null(await RowAt(lastMinute, "overdue"));
        Assert.NotNull(await RowAt(lastMinute, "today"));
        Assert.Equal(0, (await TownshipAt(lastMinute)).Overdue);

        var after = await RowAt(nextMinute, "overdue");
        Assert.Equal(DueState.Overdue, after!.State);
        Assert.Equal(1, after.DaysOverdue);
        Assert.Null(await RowAt(nextMinute, "today"));
        Assert.Equal(1, (await TownshipAt(nextMinute)).Overdue);
    }

    [Fact]
    public async Task A_visit_moves_the_due_date_and_writes_service_records_for_the_residents_seen()
    {
        var place = await PlaceAsync();
        var client = await app.CreateClientAsync(place.Worker.UserName);
        var visitedOn = Today.AddDays(-1);
        var body = await Json(await client.PostAsJsonAsync($"/api/v1/households/{place.Household.Id}/visits", new
        {
            visitedOn,
            method = "InPerson",
            livingConditions = "屋内整洁",
            services = new[] { "LifeCare", "Counselling" },
        }), HttpStatusCode.Created);

        var household = await HouseholdAsync(place.Household.Id);
        Assert.Equal(visitedOn, household.LastVisitedOn);
        Assert.Equal(visitedOn.AddDays(VisitPlan.DefaultEveryDays), household.NextDueOn);
        Assert.Equal(household.NextDueOn!.Value.ToString("yyyy-MM-dd"), body.GetProperty("nextDueOn").GetString());

        var visitId = body.GetProperty("id").GetGuid();
        var (records, beneficiaries, participants) = await app.Query(async db => (
            await db.Set<ServiceRecord>().IgnoreQueryFilters().Where(r => r.SourceId == visitId).Select(r => r.Kind).ToListAsync(),
            await db.Set<ServiceBeneficiary>().IgnoreQueryFilters().CountAsync(b => db.Set<ServiceRecord>().IgnoreQueryFilters().Any(r => r.Id == b.ServiceRecordId && r.SourceId == visitId)),
            await db.Set<VisitParticipant>().IgnoreQueryFilters().Where(p => p.VisitId == visitId).ToListAsync()));
        Assert.Equal([ServiceKind.HomeVisit, ServiceKind.Counselling, ServiceKind.LifeCare], records.Order());
        // Residents seen default to every active member: two members, three records.
        Assert.Equal(6, beneficiaries);
        // No social worker named: the recorder, a station worker of the township.
        Assert.Equal(place.Worker.Id, Assert.Single(participants).UserId);

        // The visit is the newest of the household's history.
        var history = await Json(await client.GetAsync($"/api/v1/households/{place.Household.Id}/visits"), HttpStatusCode.OK);
        Assert.Equal(visitId, history.GetProperty("visits").GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_major_change_makes_the_household_due_the_next_day_and_a_visit_clears_it()
    {
        var place = await PlaceAsync();
        var client = await app.CreateClientAsync(place.Worker.UserName);
        // Visited ten days ago (a household never visited is due at once already).
        await Json(await client.PostAsJsonAsync($"/api/v1/households/{place.Household.Id}/visits", new { visitedOn = Today.AddDays(-10), method = "InPerson" }), HttpStatusCode.Created);
        var body = await Json(await client.PostAsJsonAsync($"/api/v1/households/{place.Household.Id}/major-change", new { changedOn = Today, note = "户主突发脑梗住院" }),
            HttpStatusCode.OK);
        Assert.Equal(Today.AddDays(1).ToString("yyyy-MM-dd"), body.GetProperty("nextDueOn").GetString());
        var household = await HouseholdAsync(place.Household.Id);
        Assert.Equal(Today.AddDays(1), household.NextDueOn);
        Assert.Equal("户主突发脑梗住院", household.MajorChangeNote);
        // Audited as a change of the household, the note only said to have changed.
        var audit = await app.Query(db => db.AuditRecords.Where(a => a.EntityKey == place.Household.Id.ToString() && a.Action == Wushe.Platform.Audit.AuditAction.Update)
            .OrderByDescending(a => a.Id).Select(a => a.Changes).FirstAsync());
        Assert.Contains("MajorChangeOn", audit, StringComparison.Ordinal);
        Assert.DoesNotContain("脑梗", audit, StringComparison.Ordinal);

        await Json(await client.PostAsJsonAsync($"/api/v1/households/{place.Household.Id}/visits", new { visitedOn = Today, method = "InPerson" }), HttpStatusCode.Created);
        household = await HouseholdAsync(place.Household.Id);
        Assert.Null(household.MajorChangeOn);
        Assert.Equal(Today.AddDays(VisitPlan.DefaultEveryDays), household.NextDueOn);

        // A change learnt of late (it happened six days ago, reported today) is due within 24 h of the report, not overdue at
        // once; its own day is kept for the record (review7c 15).
        body = await Json(await client.PostAsJsonAsync($"/api/v1/households/{place.Household.Id}/major-change", new { changedOn = Today.AddDays(-6), note = "户主摔伤住院" }),
            HttpStatusCode.OK);
        Assert.Equal(Today.AddDays(1).ToString("yyyy-MM-dd"), body.GetProperty("nextDueOn").GetString());
        household = await HouseholdAsync(place.Household.Id);
        Assert.Equal((Today.AddDays(-6), Today), (household.MajorChangeOn!.Value, household.MajorChangeReportedOn!.Value));
    }

    [Fact]
    public async Task A_card_of_the_nearest_scheme_moves_the_due_date_and_keeps_its_history()
    {
        var place = await PlaceAsync();
        await app.Query(async db =>
        {
            db.Add(new CardScheme(place.Township, "测试三色卡", [new("red", "红卡", "高风险", 7, "#d9001b"), new("yellow", "黄卡", "重点关注", 30, "#f5c400"), new("blue", "蓝卡", "一般", 90, "#1677ff")],
                6, DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        var client = await app.CreateClientAsync(place.Worker.UserName);
        // Never visited: due at once, on the day of registration, and still so with a card.
        var registeredOn = (await HouseholdAsync(place.Household.Id)).NextDueOn!.Value;
        Assert.Equal(Today.AddDays(-30), registeredOn);
        var first = await Json(await client.PostAsJsonAsync($"/api/v1/households/{place.Household.Id}/card", new { colour = "blue", reason = "新登记，一般关注", assignedOn = Today }), HttpStatusCode.OK);
        Assert.Equal(registeredOn.ToString("yyyy-MM-dd"), first.GetProperty("nextDueOn").GetString());
        // Visited on the day of registration: the card's frequency counts from that visit.
        await Json(await client.PostAsJsonAsync($"/api/v1/households/{place.Household.Id}/visits", new { visitedOn = registeredOn, method = "InPerson" }), HttpStatusCode.Created);
        // The day before it is refused, naming the registration day (as a card's and a move's date are).
        var beforeRegistration = await Json(await client.PostAsJsonAsync($"/api/v1/households/{place.Household.Id}/visits", new { visitedOn = registeredOn.AddDays(-1), method = "InPerson" }),
            HttpStatusCode.BadRequest);
        Assert.Equal($"探访日期不能早于家庭户登记日期（{registeredOn:yyyy-MM-dd}）", beforeRegistration.GetProperty("errors").GetProperty("visitedOn")[0].GetString());

        var red = await Json(await client.PostAsJsonAsync($"/api/v1/households/{place.Household.Id}/card", new { colour = "red", reason = "独居高龄，行动不便", assignedOn = Today }), HttpStatusCode.OK);
        Assert.Equal(registeredOn.AddDays(7).ToString("yyyy-MM-dd"), red.GetProperty("nextDueOn").GetString());
        await Json(await client.PostAsJsonAsync($"/api/v1/households/{place.Household.Id}/card", new { colour = "yellow", reason = "子女已返乡照料", assignedOn = Today }), HttpStatusCode.OK);
        var household = await HouseholdAsync(place.Household.Id);
        Assert.Equal(("黄卡", 30), (household.CardName, household.VisitEveryDays));
        Assert.Equal(registeredOn.AddDays(30), household.NextDueOn);

        var card = await Json(await client.GetAsync($"/api/v1/households/{place.Household.Id}/card"), HttpStatusCode.OK);
        var history = card.GetProperty("history");
        Assert.Equal("黄卡", history[0].GetProperty("colourName").GetString());
        Assert.Equal("红卡", history[0].GetProperty("previousName").GetString());
        Assert.Equal("蓝卡", history[1].GetProperty("previousName").GetString());
        Assert.Equal(JsonValueKind.Null, history[2].GetProperty("previousName").ValueKind);

        // A colour the scheme lacks, an empty reason and a date in the future: each named, nothing changed.
        var bad = await Json(await client.PostAsJsonAsync($"/api/v1/households/{place.Household.Id}/card", new { colour = "purple", reason = "", assignedOn = Today.AddDays(1) }),
            HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        Assert.True(errors.TryGetProperty("colour", out _) && errors.TryGetProperty("reason", out _) && errors.TryGetProperty("assignedOn", out _), errors.ToString());
        Assert.Equal("黄卡", (await HouseholdAsync(place.Household.Id)).CardName);

        // Review 7b item 29: the card it already holds is refused (no second history line); a date before registration names that day.
        var same = await Json(await client.PostAsJsonAsync($"/api/v1/households/{place.Household.Id}/card", new { colour = "yellow", reason = "再次确认黄卡", assignedOn = Today }),
            HttpStatusCode.BadRequest);
        Assert.Contains("户卡未变化", same.GetProperty("errors").GetProperty("colour")[0].GetString(), StringComparison.Ordinal);
        var early = await Json(await client.PostAsJsonAsync($"/api/v1/households/{place.Household.Id}/card", new { colour = "red", reason = "登记前的日期", assignedOn = registeredOn.AddDays(-1) }),
            HttpStatusCode.BadRequest);
        Assert.Contains($"调整日期不能早于家庭户登记日期（{registeredOn:yyyy-MM-dd}）", early.GetProperty("errors").GetProperty("assignedOn")[0].GetString(), StringComparison.Ordinal);
        card = await Json(await client.GetAsync($"/api/v1/households/{place.Household.Id}/card"), HttpStatusCode.OK);
        Assert.Equal(3, card.GetProperty("history").GetArrayLength());

        // Review 7b item 37: a closed household's card does not change (409), like its visits and members.
        await Json(await client.PostAsJsonAsync($"/api/v1/households/{place.Household.Id}/close", new { reason = "MovedAway", closedOn = Today }), HttpStatusCode.OK);
        await Json(await client.PostAsJsonAsync($"/api/v1/households/{place.Household.Id}/card", new { colour = "red", reason = "注销后调整", assignedOn = Today }), HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_household_never_visited_is_due_on_its_registration_day_and_shows_in_my_visits_with_or_without_a_card()
    {
        var place = await PlaceAsync();
        var client = await app.CreateClientAsync(place.Worker.UserName);
        var registeredOn = Today.AddDays(-30);
        Assert.Equal(registeredOn, (await HouseholdAsync(place.Household.Id)).NextDueOn);
        var mine = await Json(await client.GetAsync("/api/v1/households/my-visits?due=overdue"), HttpStatusCode.OK);
        var row = Assert.Single(mine.GetProperty("page").GetProperty("items").EnumerateArray());
        Assert.Equal(30, row.GetProperty("daysOverdue").GetInt32());

        // Registered today: due today.
        var today = await TestHouseholds.CreateAsync(app, place.Community, "今日路1号", place.Worker.Id);
        Assert.Equal(Today, (await HouseholdAsync(today.Id)).NextDueOn);
        var dueToday = await Json(await client.GetAsync("/api/v1/households/my-visits?due=today"), HttpStatusCode.OK);
        Assert.Contains(dueToday.GetProperty("page").GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() == today.Id);
    }

    [Fact]
    public async Task A_card_without_a_scheme_above_names_the_area()
    {
        var place = await PlaceAsync();
        var scheme = await app.Query(db => CardSchemes.For(db, place.Community));
        Assert.SkipWhen(scheme is not null, "An area above the test county defines a scheme (the demo).");
        var client = await app.CreateClientAsync(place.Worker.UserName);
        var bad = await Json(await client.PostAsJsonAsync($"/api/v1/households/{place.Household.Id}/card", new { colour = "red", reason = "独居高龄", assignedOn = Today }),
            HttpStatusCode.BadRequest);
        Assert.Contains("测试", bad.GetProperty("errors").GetProperty("colour")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_need_raised_on_a_visit_comes_from_the_visit()
    {
        var place = await PlaceAsync();
        var client = await app.CreateClientAsync(place.Worker.UserName);
        var body = await Json(await client.PostAsJsonAsync($"/api/v1/households/{place.Household.Id}/visits", new
        {
            visitedOn = Today,
            method = "InPerson",
            needsFound = "老人行动不便，需要助餐",
            raiseNeed = new { category = "ElderlyCare", urgency = "Urgent", description = "独居老人需要每日助餐服务" },
        }), HttpStatusCode.Created);
        var needId = body.GetProperty("needId").GetGuid();
        var need = await app.Query(db => db.Set<Need>().IgnoreQueryFilters().SingleAsync(n => n.Id == needId));
        Assert.Equal((NeedSource.Visit, body.GetProperty("id").GetGuid(), place.Household.Id, place.Community, NeedStatus.Submitted),
            (need.Source, need.SourceId!.Value, need.HouseholdId!.Value, need.AreaCode, need.Status));
    }

    [Fact]
    public async Task Nothing_is_saved_from_a_bad_visit_and_a_closed_household_is_not_visited()
    {
        var place = await PlaceAsync();
        var before = await HouseholdAsync(place.Household.Id);
        var client = await app.CreateClientAsync(place.Worker.UserName);
        var bad = await Json(await client.PostAsJsonAsync($"/api/v1/households/{place.Household.Id}/visits", new
        {
            visitedOn = Today.AddDays(1),
            method = "InPerson",
            residentsSeen = new[] { Guid.NewGuid() },
            raiseNeed = new { category = "ElderlyCare", urgency = "Urgent", description = "" },
        }), HttpStatusCode.BadRequest);
        var errors = bad.GetProperty("errors");
        foreach (var field in new[] { "visitedOn", "residentsSeen", "raiseNeed.description" })
            Assert.True(errors.TryGetProperty(field, out _), $"{field} not named: {errors}");
        Assert.Equal(0, await app.Query(db => db.Set<Visit>().IgnoreQueryFilters().CountAsync(v => v.HouseholdId == place.Household.Id)));
        Assert.Equal(0, await app.Query(db => db.Set<Need>().IgnoreQueryFilters().CountAsync(n => n.HouseholdId == place.Household.Id)));
        Assert.Equal(0, await app.Query(db => db.Set<ServiceRecord>().IgnoreQueryFilters().CountAsync(r => r.AreaCode == place.Community)));
        Assert.Equal(before.NextDueOn, (await HouseholdAsync(place.Household.Id)).NextDueOn);

        // A social worker of another township is no visitor of this household.
        var stranger = await TestUsers.CreateAsync(app, Role.StationWorker, await Places.NewTownshipAsync(app));
        var refused = await Json(await client.PostAsJsonAsync($"/api/v1/households/{place.Household.Id}/visits", new { visitedOn = Today, method = "Phone", socialWorkers = new[] { stranger.Id } }),
            HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("socialWorkers", out _));

        await app.Query(async db =>
        {
            (await db.Set<Household>().SingleAsync(h => h.Id == place.Household.Id)).Close(ClosureReason.MovedAway, Today, "");
            return await db.SaveChangesAsync();
        });
        var closed = await client.PostAsJsonAsync($"/api/v1/households/{place.Household.Id}/visits", new { visitedOn = Today, method = "InPerson" });
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Equal(0, await app.Query(db => db.Set<Visit>().IgnoreQueryFilters().CountAsync(v => v.HouseholdId == place.Household.Id)));
    }

    [Fact]
    public async Task A_social_worker_of_another_township_finds_none_of_it()
    {
        var place = await PlaceAsync("远方户主");
        var other = await app.CreateClientAsync("shahe");
        var id = place.Household.Id;
        var requests = new (HttpMethod Method, string Path, object? Body)[]
        {
            (HttpMethod.Get, $"/api/v1/households/{id}/visits", null),
            (HttpMethod.Get, $"/api/v1/households/{id}/visitors", null),
            (HttpMethod.Post, $"/api/v1/households/{id}/visits", new { visitedOn = Today, method = "InPerson" }),
            (HttpMethod.Get, $"/api/v1/households/{id}/card", null),
            (HttpMethod.Post, $"/api/v1/households/{id}/card", new { colour = "red", reason = "越权调整", assignedOn = Today }),
            (HttpMethod.Put, $"/api/v1/households/{id}/worker", new { workerId = (Guid?)null }),
            (HttpMethod.Post, $"/api/v1/households/{id}/major-change", new { changedOn = Today, note = "越权报告" }),
        };
        foreach (var (method, path, body) in requests)
        {
            var response = await other.SendAsync(new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) });
            Assert.True(response.StatusCode == HttpStatusCode.NotFound, $"{method} {path}: {response.StatusCode}");
        }
        var mine = await other.GetStringAsync("/api/v1/households/my-visits?mine=false&size=100");
        Assert.DoesNotContain("远方户主", mine, StringComparison.Ordinal);
        var overdue = await other.GetStringAsync("/api/v1/households/overdue-by-township");
        Assert.DoesNotContain(place.Township, overdue, StringComparison.Ordinal);

        var pages = await app.CookieClientAsync("shahe");
        foreach (var page in new[] { $"/Households/Visit?household={id}", $"/Households/Card?household={id}", $"/Households/MajorChange?household={id}" })
            Assert.Equal(HttpStatusCode.NotFound, (await pages.GetAsync(page)).StatusCode);
        Assert.Equal(0, await app.Query(db => db.Set<Visit>().IgnoreQueryFilters().CountAsync(v => v.HouseholdId == id)));
    }

    [Fact]
    public async Task A_volunteer_sees_only_households_of_visits_they_joined_and_no_sensitive_field()
    {
        var place = await PlaceAsync("欧阳秀英");
        var volunteer = await TestUsers.CreateAsync(app, Role.Volunteer, place.Community);
        var elsewhere = await TestUsers.CreateAsync(app, Role.Volunteer, await TestHouseholds.NewCommunityAsync(app));
        var worker = await app.CreateClientAsync(place.Worker.UserName);

        // A volunteer living in another township cannot be on this visit.
        var refused = await Json(await worker.PostAsJsonAsync($"/api/v1/households/{place.Household.Id}/visits",
            new { visitedOn = Today, method = "InPerson", volunteers = new[] { elsewhere.Id } }), HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("volunteers", out _));

        await Json(await worker.PostAsJsonAsync($"/api/v1/households/{place.Household.Id}/visits", new
        {
            visitedOn = Today,
            method = "InPerson",
            health = "高血压，按时服药",
            volunteers = new[] { volunteer.Id },
        }), HttpStatusCode.Created);

        var client = await app.CreateClientAsync(volunteer.UserName);
        var json = await client.GetStringAsync("/api/v1/households/linked");
        var row = Assert.Single(JsonDocument.Parse(json).RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(place.Household.Id, row.GetProperty("id").GetGuid());
        Assert.Equal(Mask.Name("欧阳秀英"), row.GetProperty("headName").GetString());
        Assert.Equal("幸福路8号", row.GetProperty("address").GetString());
        Assert.Single(row.GetProperty("myVisits").EnumerateArray());
        foreach (var secret in new[] { "欧阳秀英", "高血压", "测试儿童", "idNumber", "phone", "health", "birth" })
            Assert.DoesNotContain(secret, json, StringComparison.OrdinalIgnoreCase);
        // Nothing beyond the linked list: the household's own routes are not theirs.
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/households/{place.Household.Id}/visits")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/households/my-visits")).StatusCode);

        var other = await app.CreateClientAsync(elsewhere.UserName);
        Assert.Equal(0, JsonDocument.Parse(await other.GetStringAsync("/api/v1/households/linked")).RootElement.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task Staff_of_an_organization_serving_the_area_go_on_visits_and_then_see_those_households_as_linked()
    {
        var place = await PlaceAsync("欧阳秀英");
        // Serving the area: registered at its township or at its county, or registered elsewhere with the township among its
        // service areas. Not serving it: a sibling township, another county, an organization suspended.
        var here = await TestUsers.CreateAsync(app, Role.OrganizationStaff, place.Township);
        var county = await TestUsers.CreateAsync(app, Role.OrganizationStaff, Places.County);
        var sibling = await TestUsers.CreateAsync(app, Role.OrganizationStaff, await Places.NewTownshipAsync(app));
        var elsewhere = await TestUsers.CreateAsync(app, Role.OrganizationStaff, "520502000000");
        var servingFromAfar = await TestUsers.CreateAsync(app, Role.OrganizationStaff, "520502000000",
            organizationId: await TestOrganizations.CreateAsync(app, "520502000000", [place.Township]));
        var suspended = await TestUsers.CreateAsync(app, Role.OrganizationStaff, place.Township,
            organizationId: await TestOrganizations.CreateAsync(app, place.Township, status: OrganizationStatus.Suspended));
        var worker = await app.CreateClientAsync(place.Worker.UserName);

        var visitors = await Json(await worker.GetAsync($"/api/v1/households/{place.Household.Id}/visitors"), HttpStatusCode.OK);
        var ids = visitors.GetProperty("socialWorkers").EnumerateArray().Select(w => w.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(here.Id, ids);
        Assert.Contains(county.Id, ids);
        Assert.Contains(place.Worker.Id, ids);
        Assert.DoesNotContain(sibling.Id, ids);
        Assert.DoesNotContain(elsewhere.Id, ids);
        Assert.Contains(servingFromAfar.Id, ids);
        Assert.DoesNotContain(suspended.Id, ids);
        // The visit form offers the same choices.
        var form = await (await app.CookieClientAsync(place.Worker.UserName)).GetStringAsync($"/Households/Visit?household={place.Household.Id}");
        Assert.Contains($"worker-{here.Id}", form, StringComparison.Ordinal);
        Assert.DoesNotContain($"worker-{sibling.Id}", form, StringComparison.Ordinal);

        foreach (var outsider in new[] { sibling, elsewhere, suspended })
        {
            var refused = await Json(await worker.PostAsJsonAsync($"/api/v1/households/{place.Household.Id}/visits",
                new { visitedOn = Today, method = "InPerson", socialWorkers = new[] { place.Worker.Id, outsider.Id } }), HttpStatusCode.BadRequest);
            Assert.True(refused.GetProperty("errors").TryGetProperty("socialWorkers", out _));
        }
        Assert.Equal(0, await app.Query(db => db.Set<Visit>().IgnoreQueryFilters().CountAsync(v => v.HouseholdId == place.Household.Id)));

        // A joint visit of the station worker and the organization's social worker.
        await Json(await worker.PostAsJsonAsync($"/api/v1/households/{place.Household.Id}/visits",
            new { visitedOn = Today, method = "InPerson", health = "高血压，按时服药", socialWorkers = new[] { place.Worker.Id, here.Id } }), HttpStatusCode.Created);

        var json = await (await app.CreateClientAsync(here.UserName)).GetStringAsync("/api/v1/households/linked");
        var row = Assert.Single(JsonDocument.Parse(json).RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(place.Household.Id, row.GetProperty("id").GetGuid());
        Assert.Single(row.GetProperty("myVisits").EnumerateArray());
        Assert.DoesNotContain("高血压", json, StringComparison.Ordinal);
        // The county organization did not go: nothing is linked to it.
        Assert.Equal(0, JsonDocument.Parse(await (await app.CreateClientAsync(county.UserName)).GetStringAsync("/api/v1/households/linked"))
            .RootElement.GetProperty("total").GetInt32());
        // The organization's staff see the household on their page too.
        var linkedPage = await (await app.CookieClientAsync(here.UserName)).GetStringAsync("/Households/Linked");
        Assert.Contains("幸福路8号", linkedPage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task My_visits_are_mine_by_default_for_a_station_worker_and_a_summary_counts_per_worker()
    {
        var place = await PlaceAsync();
        // Due today: visited ten days ago, a major change reported yesterday.
        var client = await app.CreateClientAsync(place.Worker.UserName);
        await Json(await client.PostAsJsonAsync($"/api/v1/households/{place.Household.Id}/visits", new { visitedOn = Today.AddDays(-10), method = "InPerson" }), HttpStatusCode.Created);
        await app.Query(async db =>
        {
            (await db.Set<Household>().SingleAsync(h => h.Id == place.Household.Id)).MajorChange(Today.AddDays(-1), "老伴去世", Today.AddDays(-1));
            return await db.SaveChangesAsync();
        });
        var unassigned = await TestHouseholds.CreateAsync(app, place.Community, "幸福路9号");
        await app.Query(async db =>
        {
            (await db.Set<Household>().SingleAsync(h => h.Id == unassigned.Id)).MajorChange(Today.AddDays(-3));
            return await db.SaveChangesAsync();
        });

        var mine = await Json(await client.GetAsync("/api/v1/households/my-visits"), HttpStatusCode.OK);
        Assert.True(mine.GetProperty("mine").GetBoolean());
        var items = mine.GetProperty("page").GetProperty("items");
        Assert.Equal(place.Household.Id, Assert.Single(items.EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal("Today", items[0].GetProperty("state").GetString());

        var all = await Json(await client.GetAsync($"/api/v1/households/my-visits?mine=false&due=overdue&area={place.Community}"), HttpStatusCode.OK);
        var overdue = Assert.Single(all.GetProperty("page").GetProperty("items").EnumerateArray());
        Assert.Equal((unassigned.Id, 2), (overdue.GetProperty("id").GetGuid(), overdue.GetProperty("daysOverdue").GetInt32()));
        Assert.Equal(1, all.GetProperty("counts").GetProperty("overdue").GetInt32());

        var summary = await Json(await client.GetAsync($"/api/v1/households/my-visits/by-worker?area={place.Community}"), HttpStatusCode.OK);
        var rows = summary.EnumerateArray().ToList();
        var ofWorker = rows.Single(r => r.GetProperty("workerId").ValueKind != JsonValueKind.Null);
        Assert.Equal((1, 0), (ofWorker.GetProperty("today").GetInt32(), ofWorker.GetProperty("overdue").GetInt32()));
        var none = rows.Single(r => r.GetProperty("workerId").ValueKind == JsonValueKind.Null);
        Assert.Equal(1, none.GetProperty("overdue").GetInt32());

        var badDue = await client.GetAsync("/api/v1/households/my-visits?due=soon");
        Assert.Equal(HttpStatusCode.BadRequest, badDue.StatusCode);
    }

    [Fact]
    public async Task The_overdue_counts_per_township_read_the_due_date_index_alone()
    {
        Assert.SkipWhen(app.Provider != DatabaseProvider.Sqlite, "The plan is read on SQLite (PostgreSQL's depends on its statistics).");
        var plan = await app.Query(async db =>
        {
            var sql = OverdueByTownship.ByCommunity(db, "340699000000", new DateOnly(2026, 11, 30)).ToQueryString();
            var connection = db.Database.GetDbConnection();
            await db.Database.OpenConnectionAsync();
            await using var command = connection.CreateCommand();
            // ToQueryString declares its parameters as .param lines: the plan is the same for literal values.
            command.CommandText = "EXPLAIN QUERY PLAN " + string.Join('\n', sql.Split('\n').Where(l => !l.StartsWith(".param", StringComparison.Ordinal)));
            foreach (var line in sql.Split('\n').Where(l => l.StartsWith(".param set ", StringComparison.Ordinal)))
            {
                var parts = line.Split(' ', 4);
                var p = command.CreateParameter();
                p.ParameterName = parts[2];
                p.Value = parts[3].Trim().Trim('\'');
                command.Parameters.Add(p);
            }
            var rows = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) rows.Add(reader.GetString(3));
            return string.Join(" | ", rows);
        });
        Assert.Contains("USING COVERING INDEX IX_Household_AreaCode_NextDueOn", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }
    [Fact]
    public async Task The_visit_forms_need_fields_count_only_with_the_box_ticked_and_show_with_it()
    {
        var place = await PlaceAsync("需求开关");
        var session = new PageSession(await app.CookieClientAsync(place.Worker.UserName));
        var page = $"/Households/Visit?household={place.Household.Id}";
        var (_, html) = await session.GetAsync(page);
        // Hidden until the box is ticked (site.js toggles them; no inline script).
        Assert.Matches("<div class=\"row mb-3\" data-shown-by=\"RaiseNeedOn\" hidden[^>]*><label[^>]*for=\"Input_RaiseNeed_Category\"", html);

        // Unticked: whatever the need fields hold — even a value that does not parse — is ignored, and no need is raised.
        var form = new Dictionary<string, string>
        {
            ["Input.VisitedOn"] = Today.ToString("yyyy-MM-dd"), ["Input.Method"] = "InPerson", ["Input.SocialWorkers"] = place.Worker.Id.ToString(),
            ["Input.RaiseNeed.Category"] = "NoSuchCategory", ["Input.RaiseNeed.Urgency"] = "High", ["Input.RaiseNeed.Description"] = "不应提交的需求",
        };
        var response = await session.PostFormAsync(page, form, page);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        Assert.Equal(1, await app.Query(db => db.Set<Visit>().IgnoreQueryFilters().CountAsync(v => v.HouseholdId == place.Household.Id)));
        Assert.Equal(0, await app.Query(db => db.Set<Need>().IgnoreQueryFilters().CountAsync(n => n.HouseholdId == place.Household.Id)));

        // Ticked, the same bad value is named beside its field and nothing more is saved.
        form["RaiseNeedOn"] = "true";
        var refused = await session.PostFormAsync(page, form, page);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("需求类别格式不正确", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await app.Query(db => db.Set<Visit>().IgnoreQueryFilters().CountAsync(v => v.HouseholdId == place.Household.Id)));
    }
}
