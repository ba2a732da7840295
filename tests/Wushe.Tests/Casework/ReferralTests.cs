using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Casework;
using Wushe.Platform;

namespace Wushe.Tests.Casework;

/// <summary>Referrals: the receiving station sees them, accepts (the case moves with its steps and notes) or declines (it stays).</summary>
public sealed class ReferralTests(TestApp app)
{
    static string Today => ChinaTime.Today(TimeProvider.System).ToString("yyyy-MM-dd");

    static async Task<Guid> ReferAsync(HttpClient client, Guid caseId, Guid toStationId)
    {
        using var r = await client.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { toStationId, reason = "服务对象迁居", consentOn = Today });
        Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    [Fact]
    public async Task An_accepted_referral_moves_the_case_to_the_receiving_station()
    {
        var from = await CaseworkWorld.CreateAsync(app);
        var to = await CaseworkWorld.CreateAsync(app);
        var sender = await app.CreateClientAsync(from.Worker.UserName);
        var receiver = await app.CreateClientAsync(to.Worker.UserName);
        var (caseId, caseNo) = await CaseApprovalTests.OpenAsync(sender, from.AdultId);
        var assessment = await CaseApprovalTests.SubmitAsync(sender, caseId, "Assessment");
        // A step awaiting the head is decided before the case is referred (ReferralRecordTests).
        using (var r = await (await app.CreateClientAsync(from.Head.UserName)).PostAsJsonAsync($"/api/v1/cases/steps/{assessment}/decision", new { approve = true }))
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using var note = new MultipartFormDataContent { { new StringContent("首次面谈"), "text" } };
        using (var r = await sender.PostAsync($"/api/v1/cases/{caseId}/notes", note)) Assert.Equal(HttpStatusCode.Created, r.StatusCode);

        // The receiver does not see the case yet, only the referral waiting for it.
        var referralId = await ReferAsync(sender, caseId, to.StationId);
        using (var r = await receiver.GetAsync($"/api/v1/cases/{caseId}")) Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        var waiting = await receiver.GetFromJsonAsync<JsonElement>("/api/v1/cases/referrals/waiting");
        Assert.Contains(waiting.EnumerateArray(), x => x.GetProperty("id").GetGuid() == referralId && x.GetProperty("caseNo").GetString() == caseNo);
        // Nobody else can decide it: the sender's station is not the receiver (404).
        using (var r = await sender.PostAsJsonAsync($"/api/v1/cases/referrals/{referralId}/decision", new { accept = true })) Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);

        using (var r = await receiver.PostAsJsonAsync($"/api/v1/cases/referrals/{referralId}/decision", new { accept = true }))
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        using (var r = await sender.GetAsync($"/api/v1/cases/{caseId}")) Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        var moved = await receiver.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}");
        Assert.Equal(to.Township, moved.GetProperty("areaCode").GetString());
        Assert.Equal(to.StationId, moved.GetProperty("stationId").GetGuid());
        Assert.Single(moved.GetProperty("notes").EnumerateArray());
        Assert.Single(moved.GetProperty("steps").EnumerateArray());
        Assert.Equal("Accepted", moved.GetProperty("referrals")[0].GetProperty("status").GetString());
        Assert.Empty(await receiver.GetFromJsonAsync<JsonElement[]>("/api/v1/cases/referrals/waiting") ?? []);
        // The receiving station's head decides the case's steps now.
        var step = await CaseApprovalTests.SubmitAsync(receiver, caseId, "Plan", [new { text = "助餐服务", targetOn = ChinaTime.Today(TimeProvider.System).AddMonths(2).ToString("yyyy-MM-dd") }]);
        using (var r = await (await app.CreateClientAsync(from.Head.UserName)).PostAsJsonAsync($"/api/v1/cases/steps/{step}/decision", new { approve = true }))
            Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        using (var r = await (await app.CreateClientAsync(to.Head.UserName)).PostAsJsonAsync($"/api/v1/cases/steps/{step}/decision", new { approve = true }))
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
    }

    // review7d 16: the demo's referrals wait at stations the README's accounts sign in to, so the waiting list can be seen.
    [Theory]
    [InlineData("shidong", "市西街道")]
    [InlineData("dongjie", "相南街道")]
    public async Task The_demo_has_a_referral_waiting_at_a_station_with_a_demo_account(string login, string from)
    {
        var waiting = await (await app.CreateClientAsync(login)).GetFromJsonAsync<JsonElement>("/api/v1/cases/referrals/waiting");
        Assert.Contains(waiting.EnumerateArray(), x => x.ToString().Contains(from, StringComparison.Ordinal));
    }

    // review7d 1: the search took the first 1,000 residents of the name across the country, so a station's own client (or
    // one referred in) could drop out of its results once the name was common enough elsewhere.
    [Fact]
    public async Task The_case_list_finds_clients_by_name_in_scope_and_referred_in_however_many_share_the_name_elsewhere()
    {
        var elsewhere = await Builders.TestHouseholds.NewCommunityAsync(app, await Builders.Places.NewTownshipAsync(app));
        await app.Query(async db =>
        {
            var far = new Wushe.Features.Households.Household(elsewhere, "远方路2号", DateTimeOffset.UtcNow);
            db.Add(far);
            for (var i = 0; i < 1001; i++)
                db.Add(new Wushe.Features.Households.Resident(far, "张三丰", Wushe.Features.Households.Sex.Male, new DateOnly(1950, 1, 1),
                    i == 0 ? Wushe.Features.Households.Relation.Head : Wushe.Features.Households.Relation.Other, DateTimeOffset.UtcNow));
            return await db.SaveChangesAsync();
        });
        var from = await CaseworkWorld.CreateAsync(app);
        var to = await CaseworkWorld.CreateAsync(app);
        var sender = await app.CreateClientAsync(from.Worker.UserName);
        var receiver = await app.CreateClientAsync(to.Worker.UserName);
        var (referred, _) = await CaseApprovalTests.OpenAsync(sender, from.AdultId);
        var (own, _) = await CaseApprovalTests.OpenAsync(receiver, to.AdultId);
        var referralId = await ReferAsync(sender, referred, to.StationId);
        using (var r = await receiver.PostAsJsonAsync($"/api/v1/cases/referrals/{referralId}/decision", new { accept = true }))
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);

        var found = await receiver.GetFromJsonAsync<JsonElement>("/api/v1/cases?keyword=张三丰");
        Assert.Equal(2, found.GetProperty("total").GetInt32());
        Assert.Equal(new[] { own, referred }.Order(), found.GetProperty("items").EnumerateArray().Select(x => x.GetProperty("id").GetGuid()).Order());
        Assert.Equal(0, (await receiver.GetFromJsonAsync<JsonElement>("/api/v1/cases?keyword=无此人")).GetProperty("total").GetInt32());
    }

    // Review7c 23: the receiver decides knowing whom and what (a summary), not more (no phone, ID number or address).
    [Fact]
    public async Task A_waiting_referral_tells_the_receiver_the_clients_masked_name_age_sex_problem_stage_and_referring_station()
    {
        var from = await CaseworkWorld.CreateAsync(app);
        var to = await CaseworkWorld.CreateAsync(app);
        var sender = await app.CreateClientAsync(from.Worker.UserName);
        var receiver = await app.CreateClientAsync(to.Worker.UserName);
        var (caseId, _) = await CaseApprovalTests.OpenAsync(sender, from.AdultId);
        var referralId = await ReferAsync(sender, caseId, to.StationId);

        var waiting = await receiver.GetFromJsonAsync<JsonElement>("/api/v1/cases/referrals/waiting");
        var item = waiting.EnumerateArray().Single(x => x.GetProperty("id").GetGuid() == referralId);
        Assert.Equal("张*丰", item.GetProperty("clientName").GetString());
        var client = await app.Query(db => db.Set<Wushe.Features.Households.Resident>().IgnoreQueryFilters().AsNoTracking().SingleAsync(r => r.Id == from.AdultId));
        Assert.Equal(ChinaTime.AgeOn(client.BirthDate, ChinaTime.Today(TimeProvider.System)), item.GetProperty("clientAge").GetInt32());
        Assert.Equal(client.Sex.ToString(), item.GetProperty("clientSex").GetString());
        Assert.Equal("独居老人，行动不便", item.GetProperty("problem").GetString());
        Assert.Equal("Intake", item.GetProperty("stage").GetString());
        Assert.Equal("测试社工站" + from.Township[6..9], item.GetProperty("fromStationName").GetString());
        // Nothing more of the client: no phone, ID number, address, health note or the name in clear.
        var text = item.GetRawText();
        Assert.DoesNotContain("张三丰", text, StringComparison.Ordinal);
        foreach (var name in item.EnumerateObject().Select(p => p.Name))
            Assert.DoesNotContain(name, new[] { "phone", "idNumber", "address", "healthNote", "residentId", "householdId" });

        // The page shows the same summary above the accept and decline buttons.
        using var session = await PageSession.SignInAsync(app, to.Worker.UserName);
        var (_, html) = await session.GetAsync("/Casework");
        var card = html[html.IndexOf("id=\"waiting-list\"", StringComparison.Ordinal)..];
        Assert.Contains("张*丰", card, StringComparison.Ordinal);
        Assert.Contains("独居老人，行动不便", card, StringComparison.Ordinal);
        Assert.Contains("测试社工站" + from.Township[6..9], card, StringComparison.Ordinal);
        Assert.Contains($"{item.GetProperty("clientAge").GetInt32()} 岁", card, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_accepted_referral_takes_the_notes_attachments_to_the_receiver_and_away_from_the_sender()
    {
        var from = await CaseworkWorld.CreateAsync(app);
        var to = await CaseworkWorld.CreateAsync(app);
        var sender = await app.CreateClientAsync(from.Worker.UserName);
        var receiver = await app.CreateClientAsync(to.Worker.UserName);
        var (caseId, _) = await CaseApprovalTests.OpenAsync(sender, from.AdultId);
        using var note = new MultipartFormDataContent
        {
            { new StringContent("家访照片"), "text" },
            { new ByteArrayContent(TestImages.Png) { Headers = { ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png") } }, "attachment", "家访.png" },
        };
        using (var r = await sender.PostAsync($"/api/v1/cases/{caseId}/notes", note)) Assert.Equal(HttpStatusCode.Created, r.StatusCode);
        var fileId = (await sender.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}")).GetProperty("notes")[0].GetProperty("fileId").GetGuid();
        using (var r = await sender.GetAsync($"/api/v1/files/{fileId}")) Assert.Equal(HttpStatusCode.OK, r.StatusCode);

        var referralId = await ReferAsync(sender, caseId, to.StationId);
        using (var r = await receiver.PostAsJsonAsync($"/api/v1/cases/referrals/{referralId}/decision", new { accept = true }))
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);

        // The receiver opens the case and downloads the attachment it lists; the sender can do neither.
        var moved = await receiver.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}");
        Assert.Equal("家访.png", moved.GetProperty("notes")[0].GetProperty("fileName").GetString());
        using (var r = await receiver.GetAsync($"/api/v1/files/{fileId}"))
        {
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            Assert.Equal(Wushe.Platform.Files.ImageMetadata.Strip(TestImages.Png), await r.Content.ReadAsByteArrayAsync());
        }
        using (var r = await sender.GetAsync($"/api/v1/files/{fileId}")) Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
        // Everything of the case that carries an area moved with it, except the referral (the sender's record of what it sent).
        var areas = await app.Query(async db => new[]
        {
            await db.Set<CaseStep>().IgnoreQueryFilters().Where(x => x.CaseId == caseId).Select(x => x.AreaCode).ToListAsync(),
            await db.Set<CaseNote>().IgnoreQueryFilters().Where(x => x.CaseId == caseId).Select(x => x.AreaCode).ToListAsync(),
            await db.StoredFiles.IgnoreQueryFilters().Where(x => x.Id == fileId).Select(x => x.AreaCode).ToListAsync(),
        }.SelectMany(x => x).ToList());
        Assert.All(areas, a => Assert.Equal(to.Township, a));
    }

    [Fact]
    public async Task A_declined_referral_keeps_the_case_where_it_was()
    {
        var from = await CaseworkWorld.CreateAsync(app);
        var to = await CaseworkWorld.CreateAsync(app);
        var sender = await app.CreateClientAsync(from.Worker.UserName);
        var receiver = await app.CreateClientAsync(to.Worker.UserName);
        var (caseId, _) = await CaseApprovalTests.OpenAsync(sender, from.AdultId);
        var referralId = await ReferAsync(sender, caseId, to.StationId);
        // A second referral while one waits is refused.
        using (var r = await sender.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { toStationId = to.StationId, reason = "再次转介", consentOn = Today }))
            Assert.Equal(HttpStatusCode.Conflict, r.StatusCode);

        // Declining needs a reason; nothing changes without one.
        using (var r = await receiver.PostAsJsonAsync($"/api/v1/cases/referrals/{referralId}/decision", new { accept = false })) Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        Assert.Equal(ReferralStatus.Pending, await app.Query(db => db.Set<CaseReferral>().Where(x => x.Id == referralId).Select(x => x.Status).FirstAsync()));
        using (var r = await receiver.PostAsJsonAsync($"/api/v1/cases/referrals/{referralId}/decision", new { accept = false, note = "服务对象不在本辖区居住" }))
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
        var kept = await sender.GetFromJsonAsync<JsonElement>($"/api/v1/cases/{caseId}");
        Assert.Equal(from.Community, kept.GetProperty("areaCode").GetString());
        Assert.Equal("Declined", kept.GetProperty("referrals")[0].GetProperty("status").GetString());
        using (var r = await receiver.GetAsync($"/api/v1/cases/{caseId}")) Assert.Equal(HttpStatusCode.NotFound, r.StatusCode);
    }

    [Fact]
    public async Task A_referral_goes_to_another_township_station_of_the_city_only()
    {
        var from = await CaseworkWorld.CreateAsync(app);
        var sender = await app.CreateClientAsync(from.Worker.UserName);
        var (caseId, _) = await CaseApprovalTests.OpenAsync(sender, from.AdultId);
        // Its own station, and a station of another city (沙河街道, 包头): refused naming the field; nothing saved.
        var shahe = await app.Query(db => db.Set<Wushe.Features.Stations.Station>().Where(s => s.AreaCode == "150207001000").Select(s => s.Id).FirstAsync());
        foreach (var station in new[] { from.StationId, shahe })
            using (var r = await sender.PostAsJsonAsync($"/api/v1/cases/{caseId}/referrals", new { toStationId = station, reason = "迁居", consentOn = Today }))
            {
                Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
                Assert.Contains("toStationId", await r.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            }
        Assert.Equal(0, await app.Query(db => db.Set<CaseReferral>().IgnoreQueryFilters().CountAsync(x => x.CaseId == caseId)));
    }
}
