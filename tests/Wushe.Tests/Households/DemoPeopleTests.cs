using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Wushe.Features.Casework;
using Wushe.Features.Demo;
using Wushe.Features.Households;
using Wushe.Features.Stations;
using Wushe.Platform;

namespace Wushe.Tests.Households;

/// <summary>
/// review7b demo items 5, 12, 15, 25, 26, 30: the demo's people and histories as a real station's books would show them —
/// joint visits in every place, organization staff who took part in visits, two social workers in the stations of Bijie and
/// Dongying, visit histories back to the registration at the card's interval, findings that change, tags on elderly heads,
/// names that do not repeat within a township, stations whose contact is their head, group members who joined before the
/// sessions they attended, and a group and a case in every demo township.
/// </summary>
public sealed class DemoPeopleTests(TestApp app)
{
    static DateOnly Today => ChinaTime.Today(TimeProvider.System);

    async Task<List<Household>> DemoHouseholdsAsync()
    {
        var prefixes = HouseholdsDemo.Townships().Select(t => t.Township[..9]).ToList();
        var before = DateTimeOffset.UtcNow.AddDays(-60);
        var all = await app.Query(db => db.Set<Household>().IgnoreQueryFilters().AsNoTracking().ToListAsync());
        return [.. all.Where(h => h.CreatedAt < before && prefixes.Contains(h.AreaCode[..9]))];
    }

    [Fact]
    public async Task Every_place_has_joint_visits_and_every_organization_and_volunteer_account_sees_households_it_visited()
    {
        var ids = (await DemoHouseholdsAsync()).Select(h => h.Id).ToHashSet();
        var participants = await app.Query(db => db.Set<VisitParticipant>().IgnoreQueryFilters().AsNoTracking()
            .Select(p => new { p.VisitId, p.HouseholdId, p.AreaCode, p.Kind }).ToListAsync());
        var demo = participants.Where(p => ids.Contains(p.HouseholdId)).ToList();
        foreach (var township in new[] { "150207001", "370502001", "340603001", "520502001" })
            Assert.True(demo.Where(p => p.AreaCode.StartsWith(township, StringComparison.Ordinal) && p.Kind == ParticipantKind.Volunteer).Select(p => p.VisitId).Distinct().Count() >= 3,
                $"Township {township}: fewer than three joint visits with a volunteer.");
        foreach (var login in new[] { "bijie.zyz", "jiuyuan.zyz", "volunteer", "huaibei.zyz", "org.staff", "jiuyuan.org", "dongying.org", "huaibei.org" })
        {
            using var client = await app.CreateClientAsync(login);
            var linked = await client.GetFromJsonAsync<JsonElement>("/api/v1/households/linked");
            var items = linked.ValueKind == JsonValueKind.Array ? linked : linked.GetProperty("items");
            Assert.True(items.GetArrayLength() > 0, $"{login} sees no household it took part in visiting.");
        }
    }

    [Fact]
    public async Task The_stations_of_Bijie_and_Dongying_have_two_social_workers_and_every_station_names_its_head_as_contact()
    {
        var staff = await app.Query(db => db.Set<StationStaff>().IgnoreQueryFilters().AsNoTracking().Select(s => new { s.AreaCode, s.IsHead }).ToListAsync());
        foreach (var township in new[] { "520502001000", "520502002000", "370502001000", "370502002000" })
            Assert.True(staff.Count(s => s.AreaCode == township && !s.IsHead) >= 2, $"{township}: fewer than two social workers.");
        // 市东 has a head now, and each head's name is the station's contact.
        foreach (var head in DemoData.Accounts.Where(a => a.UserName.EndsWith(".zz", StringComparison.Ordinal)))
        {
            var contact = await app.Query(db => db.Stations.IgnoreQueryFilters().Where(s => s.AreaCode == head.AreaCode && s.Level == StationLevel.TownshipStation)
                .Select(s => s.ContactName).FirstAsync());
            Assert.True(head.DisplayName.EndsWith(contact, StringComparison.Ordinal), $"{head.UserName}: the station's contact is {contact}.");
        }
        Assert.Contains(DemoData.Accounts, a => a.UserName == "shidong.zz");
        // The second workers carry households of their own: the head's per-worker view has two rows.
        var households = await DemoHouseholdsAsync();
        foreach (var township in new[] { "520502001", "370502001" })
            Assert.True(households.Where(h => h.AreaCode.StartsWith(township, StringComparison.Ordinal)).Select(h => h.WorkerId).Distinct().Count() >= 2,
                $"{township}: all households carried by one worker.");
    }

    [Fact]
    public async Task Visit_histories_go_back_to_the_registration_at_the_cards_interval_with_findings_that_change()
    {
        var households = (await DemoHouseholdsAsync()).Where(h => h.Status == HouseholdStatus.Active).ToList();
        var ids = households.Select(h => h.Id).ToHashSet();
        var visits = (await app.Query(db => db.Set<Visit>().IgnoreQueryFilters().AsNoTracking()
            .Select(v => new { v.HouseholdId, v.VisitedOn, v.Health, v.ServicesNote }).ToListAsync())).Where(v => ids.Contains(v.HouseholdId)).ToLookup(v => v.HouseholdId);
        foreach (var h in households)
        {
            var registered = DateOnly.FromDateTime(h.CreatedAt.ToOffset(ChinaTime.Offset).DateTime);
            var mine = visits[h.Id].OrderBy(v => v.VisitedOn).ToList();
            var expected = (Today.DayNumber - registered.DayNumber) / h.VisitEveryDays;
            // Roughly one visit per interval since registration: not two visits for a year of monthly visiting.
            Assert.True(mine.Count >= Math.Max(expected >= 3 ? 2 : 1, (int)(expected * 0.7)), $"{h.HeadName} ({h.CardName}, every {h.VisitEveryDays} d, registered {registered}): {mine.Count} visits, expected about {expected}.");
            Assert.True(mine[0].VisitedOn <= registered.AddDays(h.VisitEveryDays + 3), $"{h.HeadName}: first visit {mine[0].VisitedOn}, registered {registered}.");
            Assert.All(mine, v => Assert.True(v.VisitedOn >= registered));
            // Consecutive visits do not repeat word for word.
            for (var i = 1; i < mine.Count; i++)
                Assert.False(mine[i].Health == mine[i - 1].Health && mine[i].ServicesNote == mine[i - 1].ServicesNote, $"{h.HeadName}: visits {mine[i - 1].VisitedOn} and {mine[i].VisitedOn} found the same.");
        }
        Assert.Contains(households, h => h.VisitEveryDays <= 7 && visits[h.Id].Count() >= 20);
    }

    [Fact]
    public async Task Names_do_not_repeat_within_a_township_and_elderly_heads_carry_a_key_group_tag()
    {
        var households = (await DemoHouseholdsAsync()).ToDictionary(h => h.Id);
        var residents = (await app.Query(db => db.Set<Resident>().IgnoreQueryFilters().AsNoTracking()
            .Select(r => new { r.Id, r.HouseholdId, r.Name, r.BirthDate, r.Relation, r.AreaCode }).ToListAsync())).Where(r => households.ContainsKey(r.HouseholdId)).ToList();
        foreach (var township in residents.GroupBy(r => r.AreaCode[..9]))
        {
            var repeated = township.GroupBy(r => r.Name).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
            Assert.True(repeated.Count == 0, $"Township {township.Key}: {string.Join("、", repeated)} more than once.");
        }
        var tagged = (await app.Query(db => db.Set<ResidentTag>().IgnoreQueryFilters().Select(t => t.ResidentId).ToListAsync())).ToHashSet();
        foreach (var head in residents.Where(r => r.Relation == Relation.Head && ChinaTime.AgeOn(r.BirthDate, Today) >= 60))
            Assert.True(tagged.Contains(head.Id), $"{head.Name} ({ChinaTime.AgeOn(head.BirthDate, Today)}) heads a household without a key-group tag.");
    }

    [Fact]
    public async Task Group_members_joined_before_their_sessions_and_every_demo_township_has_a_group_and_a_case()
    {
        var groups = await app.Query(db => db.Set<Group>().IgnoreQueryFilters().AsNoTracking().Select(g => new { g.Id, g.AreaCode }).ToListAsync());
        var members = await app.Query(db => db.Set<GroupMember>().IgnoreQueryFilters().AsNoTracking().Select(m => new { m.GroupId, m.ResidentId, m.JoinedOn }).ToListAsync());
        var attended = await app.Query(db => (from b in db.Set<ServiceBeneficiary>().IgnoreQueryFilters()
                                              join r in db.Set<ServiceRecord>().IgnoreQueryFilters() on b.ServiceRecordId equals r.Id
                                              join s in db.Set<GroupSession>().IgnoreQueryFilters() on r.SourceId equals s.Id
                                              where r.Source == ServiceSource.GroupSession
                                              select new { s.GroupId, b.ResidentId, s.HeldOn }).ToListAsync());
        // The demo's groups (other tests make groups with sessions of their own, in their own townships).
        var demoGroups = groups.Where(g => HouseholdsDemo.Townships().Any(t => g.AreaCode.StartsWith(t.Item1[..9], StringComparison.Ordinal))).Select(g => g.Id).ToHashSet();
        foreach (var a in attended.Where(a => demoGroups.Contains(a.GroupId)))
            if (members.FirstOrDefault(m => m.GroupId == a.GroupId && m.ResidentId == a.ResidentId) is { } m)
                Assert.True(m.JoinedOn <= a.HeldOn, $"A member joined {m.JoinedOn}, after attending on {a.HeldOn}.");
        var cases = await app.Query(db => db.Cases().IgnoreQueryFilters().AsNoTracking().Select(c => c.AreaCode).ToListAsync());
        foreach (var (township, _) in HouseholdsDemo.Townships())
        {
            Assert.True(groups.Any(g => g.AreaCode.StartsWith(township[..9], StringComparison.Ordinal)), $"{township}: no group.");
            Assert.True(cases.Any(c => c.StartsWith(township[..9], StringComparison.Ordinal)), $"{township}: no case.");
        }
    }
}
