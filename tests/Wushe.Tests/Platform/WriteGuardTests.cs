using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Wushe.Features.Organizations;
using Wushe.Features.Stations;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Audit;
using Wushe.Tests.Builders;

namespace Wushe.Tests.Platform;

/// <summary>
/// Records kept above a user's scope are read-only to that user (DESIGN.md), as a rule of the central
/// write guard. The walk sends every write endpoint under /api/v1, found in the running app, a valid
/// request about a record the city of Bijie holds, as a county bureau of Weining: an endpoint added
/// later without a sample request here fails the walk until one is added.
/// </summary>
public sealed partial class WriteGuardTests(TestApp app)
{
    const string City = "520500000000";     // 毕节市
    const string County = "520526000000";   // 威宁县, under it

    /// <summary>Write endpoints that touch no area's record: the sign-in, and one's own password.</summary>
    static readonly HashSet<string> NotAboutRecords = ["POST /api/v1/auth/token", "POST /api/v1/me/password",
        // The residents' own page: anyone may report a need of any community, or follow and rate their own by number and phone.
        "POST /api/v1/public/needs", "POST /api/v1/public/needs/with-photos", "POST /api/v1/public/needs/track", "POST /api/v1/public/needs/rate",
        // Anyone registers as a volunteer (issue 9): the account and the record are their own.
        "POST /api/v1/public/volunteers/join",
        // Anyone lodges an objection on a posted competition notice (issue 12): the record is their own, the call is not written.
        "POST /api/v1/public/competitions/{id:guid}/objections"];

    /// <summary>The records of the city the walk aims at.</summary>
    sealed record CityRecords(Guid Centre, Guid Round, Guid CountyStation, string CountyTownship, Guid CityUser, Guid Organization);

    /// <summary>
    /// A request per endpoint: route values, a valid body, and for creates the field that names the
    /// out-of-scope place (a create is refused as 400 on that field: the place does not exist for the caller).
    /// </summary>
    sealed record Sample(object? Body, string? ScopeField = null, bool Multipart = false);

    static Dictionary<string, Sample> Samples(CityRecords c) => new()
    {
        ["POST /api/v1/stations"] = new(new { areaCode = City, level = "CityCentre", name = "毕节市第二指导中心" }, "areaCode"),
        ["PUT /api/v1/stations/{id:guid}"] = new(new { name = "改名的指导中心", address = "", contactName = "", isCivilizationPracticeStation = false }),
        ["POST /api/v1/stations/{id:guid}/close"] = new(null),
        ["POST /api/v1/stations/{id:guid}/reopen"] = new(null),
        ["POST /api/v1/stations/{id:guid}/purchases"] = new(new { purchaser = "毕节市民政局", provider = "某社工机构", contractNo = "T-1", amountYuan = 1000m, startOn = "2025-01-01", endOn = "2025-12-31", source = "CityBudget" }),
        ["POST /api/v1/stations/{id:guid}/staff"] = new(new { userId = c.CityUser, position = "专职社工", joinedOn = "2025-01-01" }),
        ["DELETE /api/v1/stations/{id:guid}/staff/{userId:guid}"] = new(null),
        ["POST /api/v1/stations/{id:guid}/checklist"] = new(new Dictionary<string, string> { ["item"] = "HasOffice", ["met"] = "true", ["checkedOn"] = "2025-01-01" }, Multipart: true),
        ["POST /api/v1/supervisions"] = new(new { stationId = c.Centre, kind = "Supervision", visitedOn = "2025-01-01", supervisorName = "督导组", topics = "台账管理" }, "stationId"),
        ["POST /api/v1/ratings"] = new(new { name = "威宁想办的市级评星", year = 2025, areaCode = City }, "areaCode"),
        ["POST /api/v1/ratings/{id:guid}/review"] = new(new { stationId = c.CountyStation, scores = RatingRound.DefaultModules().ToDictionary(m => m.Key, m => m.MaxScore) }),
        ["POST /api/v1/ratings/{id:guid}/self-assessment"] = new(new { stationId = c.CountyStation, scores = RatingRound.DefaultModules().ToDictionary(m => m.Key, m => m.MaxScore) }),
        ["POST /api/v1/ratings/{id:guid}/publish"] = new(null),
        ["POST /api/v1/users"] = new(new
        {
            userName = "guard." + Guid.NewGuid().ToString("N")[..8], displayName = "市级用户", phone = Numbers.Mobile(),
            // A volunteer role follows the home area: the one out-of-scope place is then the home area.
            homeAreaCode = City, password = "start1234", roles = new[] { new { role = "Volunteer" } },
        }, "homeAreaCode"),
        ["PUT /api/v1/users/{id:guid}"] = new(new { displayName = "改名", homeAreaCode = County }),
        ["PUT /api/v1/users/{id:guid}/roles"] = new(new { roles = new[] { new { role = "StationWorker", areaCode = c.CountyTownship } } }),
        ["POST /api/v1/users/{id:guid}/lock"] = new(null),
        ["POST /api/v1/users/{id:guid}/unlock"] = new(null),
        ["POST /api/v1/users/{id:guid}/password"] = new(new { newPassword = "taken0ver" }),
        ["POST /api/v1/users/{id:guid}/reveal"] = new(new { field = "phone", reason = "想看看" }),
        ["POST /api/v1/areas/import"] = new(new Dictionary<string, string>(), Multipart: true),
        ["POST /api/v1/areas/import/{id:guid}/confirm"] = new(null),
        ["POST /api/v1/areas/import/{id:guid}/mapping"] = new(new Dictionary<string, string>(), Multipart: true),
        ["PUT /api/v1/areas/{code}/needs-station"] = new(new { needsStation = true }),
        ["PUT /api/v1/stations/{id:guid}/staff/{userId:guid}/head"] = new(new { isHead = true }),
        // Households and people at risk (issue 7): the city holds its own card scheme and tags; households live in villages.
        ["POST /api/v1/households/card-schemes"] = new(new
        {
            areaCode = City, name = "毕节市户卡方案", guardianshipReassessMonths = 6,
            colours = new[] { new { key = "red", name = "红卡", meaning = "高风险", visitEveryDays = 7, hex = "#E53935" },
                new { key = "yellow", name = "黄卡", meaning = "重点关注", visitEveryDays = 30, hex = "#FDD835" },
                new { key = "blue", name = "蓝卡", meaning = "一般", visitEveryDays = 90, hex = "#1E88E5" } },
        }, "areaCode"),
        ["PUT /api/v1/households/card-schemes/{id:guid}"] = new(new
        {
            areaCode = City, name = "毕节市户卡方案", guardianshipReassessMonths = 6,
            colours = new[] { new { key = "red", name = "红卡", meaning = "高风险", visitEveryDays = 7, hex = "#E53935" },
                new { key = "yellow", name = "黄卡", meaning = "重点关注", visitEveryDays = 30, hex = "#FDD835" },
                new { key = "blue", name = "蓝卡", meaning = "一般", visitEveryDays = 90, hex = "#1E88E5" } },
        }),
        ["POST /api/v1/households/target-groups"] = new(new { areaCode = City, name = "毕节市独有标签", nameEn = "Bijie tag", kind = "Other" }, "areaCode"),
        ["PUT /api/v1/households/target-groups/{id:guid}"] = new(new { areaCode = City, name = "毕节市独有标签", nameEn = "Bijie tag", kind = "Other" }),
        ["POST /api/v1/households"] = new(new { areaCode = "520500001001", address = "市属地址1号", members = Array.Empty<object>() }),
        ["POST /api/v1/households/import"] = new(new Dictionary<string, string>(), Multipart: true),
        ["PUT /api/v1/households/{id:guid}"] = new(new { address = "改过的地址1号" }),
        ["POST /api/v1/households/{id:guid}/close"] = new(new { reason = "MovedAway", closedOn = "2026-11-01" }),
        ["POST /api/v1/households/{id:guid}/reopen"] = new(new { reason = "误注销", reopenedOn = "2026-11-02" }),
        ["POST /api/v1/households/{id:guid}/move"] = new(new { areaCode = "520500001001", address = "迁入地址1号", movedOn = "2026-11-02" }),
        ["POST /api/v1/households/{id:guid}/members"] = new(new { name = "某人", sex = "Male", birthDate = "1960-01-01", relation = "Spouse" }),
        ["POST /api/v1/households/{id:guid}/card"] = new(new { colour = "red", reason = "重新评估", assignedOn = "2026-01-01" }),
        ["PUT /api/v1/households/{id:guid}/worker"] = new(new { workerId = c.CityUser }),
        ["POST /api/v1/households/{id:guid}/major-change"] = new(new { on = "2026-01-01", note = "突发疾病" }),
        ["POST /api/v1/households/{id:guid}/visits"] = new(new { visitedOn = "2026-01-01", method = "InPerson" }),
        ["PUT /api/v1/residents/{id:guid}"] = new(new { name = "某人", sex = "Male", birthDate = "1960-01-01", relation = "Head" }),
        ["POST /api/v1/residents/{id:guid}/consents"] = new(new { consentedBy = "某人", relation = "本人", byGuardian = false, scope = "Sensitive", givenOn = "2026-01-01" }),
        ["POST /api/v1/residents/{id:guid}/leave"] = new(new { status = "MovedOut", leftOn = "2026-01-01", note = "迁往外地" }),
        ["POST /api/v1/residents/consents/{consentId:guid}/withdraw"] = new(null),
        ["POST /api/v1/residents/{id:guid}/reveal"] = new(new { field = "idNumber", reason = "想看看" }),
        ["POST /api/v1/groups"] = new(new { areaCode = City, kind = "Group", title = "市级小组", plannedSessions = 3, startsOn = "2026-01-01" }),
        ["PUT /api/v1/groups/{id:guid}"] = new(new { title = "改名", plannedSessions = 3, startsOn = "2026-01-01" }),
        ["POST /api/v1/groups/{id:guid}/finish"] = new(null),
        ["POST /api/v1/groups/{id:guid}/members"] = new(new { residentIds = new[] { Guid.NewGuid() } }),
        ["DELETE /api/v1/groups/{id:guid}/members/{residentId:guid}"] = new(null),
        ["POST /api/v1/groups/{id:guid}/sessions"] = new(new { heldOn = "2026-01-01", theme = "主题", attendees = new[] { Guid.NewGuid() } }),
        ["POST /api/v1/cases"] = new(new { residentId = Guid.NewGuid(), problem = "独居老人情绪低落", openedOn = "2026-01-01" }),
        ["POST /api/v1/cases/{id:guid}/steps"] = new(new { kind = "Assessment", content = "评估内容" }),
        ["POST /api/v1/cases/steps/{stepId:guid}/decision"] = new(new { approve = true, comment = "同意" }),
        ["POST /api/v1/cases/{id:guid}/notes"] = new(new Dictionary<string, string> { ["text"] = "记录" }, Multipart: true),
        ["POST /api/v1/cases/{id:guid}/services"] = new(new { kind = "CaseService", servedOn = "2026-01-01", summary = "服务" }),
        ["POST /api/v1/cases/{id:guid}/referrals"] = new(new { toStationId = c.Centre, reason = "转介", consentOn = "2026-01-01" }),
        ["POST /api/v1/cases/referrals/{referralId:guid}/decision"] = new(new { accept = true, note = "接收" }),
        ["POST /api/v1/cases/{id:guid}/client/reveal"] = new(new { field = "phone", reason = "想看看" }),
        // Cases referred to an organization (issue 8): its staff only; a county bureau is refused by the route's permission.
        ["POST /api/v1/referred-cases/referrals/{referralId:guid}/decision"] = new(new { accept = true, note = "接收" }),
        ["POST /api/v1/referred-cases/{id:guid}/notes"] = new(new Dictionary<string, string> { ["text"] = "记录" }, Multipart: true),
        ["POST /api/v1/referred-cases/{id:guid}/services"] = new(new { kind = "CaseService", servedOn = "2026-01-01", summary = "服务" }),
        // Social organizations (issue 8): the city registered its foundation (毕节市慈善基金会).
        ["POST /api/v1/organizations"] = new(new { areaCode = City, name = "毕节市志愿服务队", kind = "VolunteerTeam" }, "areaCode"),
        ["PUT /api/v1/organizations/{id:guid}"] = new(new { name = "改名的基金会", kind = "VolunteerTeam" }),
        ["POST /api/v1/organizations/{id:guid}/status"] = new(new { to = "Deregistered", reason = "越权注销" }),
        // Needs (issue 8): a need of the city's own (a township-wide one would be the township's: here the city's area itself).
        ["POST /api/v1/needs"] = new(new { areaCode = City, category = "ElderlyCare", urgency = "Normal", title = "市级需求", description = "越权登记", requesterName = "某人" }, "areaCode"),
        ["POST /api/v1/needs/{id:guid}/photos"] = new(new Dictionary<string, string>(), Multipart: true),
        ["POST /api/v1/needs/{id:guid}/photos/{fileId:guid}/remove"] = new(new { reason = "越权删除" }),
        ["POST /api/v1/needs/{id:guid}/status"] = new(new { to = "Accepted" }),
        ["POST /api/v1/needs/{id:guid}/matches"] = new(new { kind = "ResolvedDirectly", note = "已解决" }),
        ["POST /api/v1/needs/{id:guid}/follow-up"] = new(new { satisfaction = 5 }),
        ["POST /api/v1/needs/{id:guid}/requester/reveal"] = new(new { reason = "想看看" }),
        ["POST /api/v1/needs/referred/{id:guid}/status"] = new(new { to = "InProgress" }),
        ["PUT /api/v1/need-time-limits"] = new(new { areaCode = City, normalAcceptHours = 72, normalResolveDays = 30, urgentAcceptHours = 24, urgentResolveDays = 10, criticalAcceptHours = 12, criticalResolveDays = 3 }, "areaCode"),
        ["PUT /api/v1/organizations/{id:guid}/contact"] = new(new { contactName = "越权联系人", address = "越权地址" }),
        ["POST /api/v1/organizations/{id:guid}/incubation"] = new(new { hostName = "越权孵化基地", startOn = "2026-01-01", plannedEndOn = "2026-12-31" }),
        ["PUT /api/v1/organizations/{id:guid}/incubation/{programmeId:guid}"] = new(new { hostName = "越权孵化基地", startOn = "2026-01-01", plannedEndOn = "2026-12-31" }),
        ["POST /api/v1/organizations/{id:guid}/incubation/{programmeId:guid}/end"] = new(new { to = "Withdrawn", endedOn = "2026-06-01", reason = "越权结束" }),
        ["POST /api/v1/organizations/{id:guid}/incubation/{programmeId:guid}/milestones"] = new(new { title = "越权里程碑", dueOn = "2026-06-01" }),
        ["PUT /api/v1/organizations/{id:guid}/incubation/{programmeId:guid}/milestones/{milestoneId:guid}"] = new(new { title = "越权里程碑", dueOn = "2026-06-01" }),
        ["POST /api/v1/organizations/{id:guid}/incubation/{programmeId:guid}/support"] = new(new { givenOn = "2026-06-01", kind = "Venue" }),
        ["POST /api/v1/projects"] = new(new { areaCode = City, title = "市级项目", focus = "ElderlyCare", organizationId = c.Organization, startOn = "2026-01-01", endOn = "2026-12-31", budgetYuan = 100m,
            funding = new[] { new { source = "CommunityFund", amountYuan = 100m } }, indicators = new[] { new { name = "累计受益人数", measure = "Beneficiaries", target = 10, unit = "人" } } }, "areaCode"),
        ["PUT /api/v1/projects/{id:guid}"] = new(new { areaCode = City, title = "市级项目", focus = "ElderlyCare", organizationId = c.Organization, startOn = "2026-01-01", endOn = "2026-12-31", budgetYuan = 100m,
            funding = new[] { new { source = "CommunityFund", amountYuan = 100m } }, indicators = new[] { new { name = "累计受益人数", measure = "Beneficiaries", target = 10, unit = "人" } } }),
        ["POST /api/v1/projects/{id:guid}/status"] = new(new { to = "Approved" }),
        ["POST /api/v1/projects/{id:guid}/activities"] = new(new { kind = "CommunityActivity", heldOn = "2026-06-01", title = "越权活动", socialWorkers = 1, headCount = 10 }),
        ["POST /api/v1/projects/{id:guid}/activities/{activityId:guid}/photos"] = new(new Dictionary<string, string>(), Multipart: true),
        ["POST /api/v1/projects/{id:guid}/activities/{activityId:guid}/void"] = new(new { reason = "越权作废" }),
        ["POST /api/v1/projects/{id:guid}/surveys/{surveyId:guid}/void"] = new(new { reason = "越权作废" }),
        ["POST /api/v1/projects/{id:guid}/photos/{fileId:guid}/remove"] = new(new { reason = "越权删除" }),
        ["POST /api/v1/projects/{id:guid}/evaluations"] = new(new { stage = "MidTerm" }),
        ["PUT /api/v1/projects/{id:guid}/evaluations/{evaluationId:guid}/self"] = new(new { scores = new[] { 20, 35, 15, 15, 15 }, comment = "越权自评" }),
        ["PUT /api/v1/projects/{id:guid}/evaluations/{evaluationId:guid}/review"] = new(new { scores = new[] { 20, 35, 15, 15, 15 }, comment = "越权评审" }),
        ["POST /api/v1/projects/{id:guid}/surveys"] = new(new { surveyedOn = "2026-06-01", method = "Paper", verySatisfied = 10, satisfied = 0, neutral = 0, dissatisfied = 0, veryDissatisfied = 0 }),
        // Volunteers (issue 9): the city's staff would register in the city; a county bureau holds no register rights anywhere.
        ["POST /api/v1/volunteers"] = new(new { areaCode = City, name = "越权志愿者", idNumber = "520502199001011234", phone = "13900000000" }, "areaCode"),
        ["PUT /api/v1/volunteers/{id:guid}"] = new(new { name = "越权修改", areaCode = City }),
        ["POST /api/v1/volunteers/{id:guid}/status"] = new(new { status = "Suspended", reason = "越权暂停" }),
        ["POST /api/v1/volunteers/{id:guid}/reveal"] = new(new { field = "idNumber", reason = "越权查看" }),
        // National-system imports (issue 9): an empty form names the file; a community outside the scope is refused on its row.
        ["POST /api/v1/volunteers/national/volunteers/import"] = new(new Dictionary<string, string>(), Multipart: true),
        ["POST /api/v1/volunteers/national/hours/import"] = new(new Dictionary<string, string>(), Multipart: true),
        // The city's volunteer rules (the demo gives 毕节市 its own): the county bureau can neither replace nor remove them.
        ["PUT /api/v1/volunteers/rules"] = new(new { areaCode = City, roundingMinutes = 30, dailyCapMinutes = 480, postingDays = 1, minAttendancePercent = 60,
            starThresholdHours = new[] { 100, 300, 600, 1000, 1500 }, pointsPerHour = 9, geofenceMeters = 500, pointsDonationAllowed = false, redeemMinStars = 1, pointsCap = 1500, version = 0 }, "areaCode"),
        ["DELETE /api/v1/volunteers/rules"] = new(null, "area"),
        ["PUT /api/v1/me/volunteer"] = new(new { skills = new[] { "Driving" } }),
        ["POST /api/v1/volunteer-activities"] = new(new { areaCode = City, title = "越权活动", kind = "CommunityService", place = "市广场", organizerName = "越权",
            shifts = new[] { new { startsAt = DateTimeOffset.UtcNow.AddDays(3), endsAt = DateTimeOffset.UtcNow.AddDays(3).AddHours(2), capacity = 5 } } }, "areaCode"),
        ["POST /api/v1/volunteer-activities/{id:guid}/cancel"] = new(new { reason = "越权取消" }),
        ["PUT /api/v1/volunteer-activities/{id:guid}"] = new(new { title = "越权修改", kind = "CommunityService", place = "市广场", organizerName = "越权" }),
        // Volunteer teams (issue 9): a county bureau manages no team anywhere; the volunteer's own routes need a registration.
        ["POST /api/v1/volunteer-teams"] = new(new { ownerKind = "Station", areaCode = City, name = "越权队伍", kind = "CommunityService", foundedOn = "2024-01-01" }, "areaCode"),
        ["PUT /api/v1/volunteer-teams/{id:guid}"] = new(new { name = "越权修改", kind = "CommunityService", foundedOn = "2024-01-01" }),
        ["POST /api/v1/volunteer-teams/{id:guid}/dissolve"] = new(new { reason = "越权解散" }),
        ["POST /api/v1/volunteer-teams/{id:guid}/members"] = new(new { volunteerId = Guid.NewGuid() }),
        ["POST /api/v1/volunteer-teams/members/{memberId:guid}/review"] = new(new { approve = true }),
        ["PUT /api/v1/volunteer-teams/members/{memberId:guid}/role"] = new(new { role = "Leader" }),
        ["POST /api/v1/volunteer-teams/members/{memberId:guid}/remove"] = new(new { reason = "越权移出" }),
        ["POST /api/v1/me/volunteer/teams/{teamId:guid}/apply"] = new(new { }),
        ["POST /api/v1/me/volunteer/teams/memberships/{memberId:guid}/leave"] = new(new { }),
        ["POST /api/v1/me/volunteer/teams/applications/{memberId:guid}/review"] = new(new { approve = true }),
        ["PUT /api/v1/volunteer-activities/shifts/{shiftId:guid}/capacity"] = new(new { capacity = 1 }),
        ["POST /api/v1/volunteer-activities/sign-ups/{signUpId:guid}/remove"] = new(new { reason = "越权移出" }),
        ["POST /api/v1/me/volunteer/shifts/{shiftId:guid}/sign-up"] = new(new { }),
        ["POST /api/v1/me/volunteer/sign-ups/{signUpId:guid}/cancel"] = new(new { }),
        ["POST /api/v1/me/volunteer/attendance"] = new(new { code = "123456" }),
        ["POST /api/v1/me/volunteer/hours/{id:guid}/dispute"] = new(new { reason = "越权异议" }),
        ["POST /api/v1/volunteer-activities/sign-ups/{signUpId:guid}/attendance"] = new(new { checkedInAt = DateTimeOffset.UtcNow.AddHours(-3), checkedOutAt = DateTimeOffset.UtcNow.AddHours(-1), reason = "越权确认" }),
        ["POST /api/v1/volunteer-hours/honour"] = new(new { volunteerNo = "ZY520502202600000", areaCode = City, serviceDate = "2026-11-01", startTime = "09:00", hours = 2, content = "越权补录",
            organizerName = "越权", reason = "越权补录", evidence = "无" }, "areaCode"),
        ["POST /api/v1/volunteer-hours/{id:guid}/correct"] = new(new { hours = 1, reason = "越权更正" }),
        ["POST /api/v1/volunteer-hours/{id:guid}/answer"] = new(new { answer = "越权答复" }),
        // Points and merchants (issue 9): the volunteer's and the merchant's own writes are refused to a bureau by their permission; staff register in scope.
        ["POST /api/v1/me/volunteer/offers/{id:guid}/redeem"] = new(null),
        ["POST /api/v1/me/volunteer/redemptions/{id:guid}/cancel"] = new(null),
        ["POST /api/v1/me/volunteer/points/donate"] = new(new { volunteerNo = "ZY520502202600000", points = 1 }),
        // Certificates (issue 9): a volunteer of the city's register is not the county bureau's to certify; a certificate not theirs to revoke.
        ["POST /api/v1/volunteer-certificates"] = new(new { volunteerId = Guid.NewGuid(), from = "2026-01-01", to = "2026-06-30" }),
        ["POST /api/v1/volunteer-certificates/{id:guid}/revoke"] = new(new { reason = "越权作废" }),
        ["POST /api/v1/me/volunteer/certificates"] = new(new { from = "2026-01-01", to = "2026-06-30" }),
        ["POST /api/v1/me/merchant/redemptions/{code}/confirm"] = new(null),
        ["POST /api/v1/me/merchant/offers"] = new(new { title = "越权商品", pointsPrice = 1, stock = 1, validFrom = "2026-01-01", validTo = "2026-12-31", minStars = 0, isOn = true }),
        ["PUT /api/v1/me/merchant/offers/{id:guid}"] = new(new { title = "越权商品", pointsPrice = 1, stock = 1, validFrom = "2026-01-01", validTo = "2026-12-31", minStars = 0, isOn = true }),
        ["POST /api/v1/merchants"] = new(new { areaCode = City, name = "越权商户", kind = "Shop", address = "市属地址1号" }, "areaCode"),
        ["PUT /api/v1/merchants/{id:guid}"] = new(new { areaCode = City, name = "越权商户", kind = "Shop", address = "市属地址1号" }),
        // Community charity funds (issue 10): a fund is a community's or township's (the city is refused by its area); the city's ids are unknown to the county.
        ["POST /api/v1/charity/funds"] = new(new { areaCode = City, hostOrganizationId = c.Organization, purpose = "越权设立", establishedOn = "2026-01-01" }, "areaCode"),
        ["PUT /api/v1/charity/funds/{id:guid}"] = new(new { hostOrganizationId = c.Organization, purpose = "越权修改", establishedOn = "2026-01-01" }),
        ["POST /api/v1/charity/funds/{id:guid}/status"] = new(new { to = "Suspended", reason = "越权暂停" }),
        ["POST /api/v1/charity/funds/{id:guid}/committee"] = new(new { name = "越权委员", role = "Member", termFrom = "2026-01-01", termTo = "2028-12-31" }),
        ["POST /api/v1/charity/funds/{id:guid}/committee/{memberId:guid}/end"] = new(new { }),
        ["POST /api/v1/charity/funds/{id:guid}/transfers"] = new(new { toFundId = Guid.NewGuid(), amountYuan = 10m, reason = "越权转移", decisionNo = "越权决议1号", decidedOn = "2026-01-02" }),
        ["POST /api/v1/charity/funds/{id:guid}/donations/{donationId:guid}/reverse"] = new(new { reason = "越权冲正" }),
        // The social-work register (issue 11): the city centre's people; a county bureau cannot place anyone there.
        ["POST /api/v1/workforce/social-workers"] = new(new { name = "越权社工", idNumber = Numbers.ResidentIdNumber(new DateOnly(1990, 1, 1)), employerKind = "Station", stationId = c.Centre, post = "社工" }, "stationId"),
        ["PUT /api/v1/workforce/social-workers/{id:guid}"] = new(new { name = "越权修改", employerKind = "Station", stationId = c.Centre, post = "社工" }),
        ["POST /api/v1/workforce/social-workers/{id:guid}/status"] = new(new { status = "Left", reason = "越权离岗" }),
        ["POST /api/v1/workforce/talents"] = new(new { areaCode = City, name = "越权口径", from = "2025-01-01", newlyEmployed = true }, "areaCode"),
        ["PUT /api/v1/workforce/talents/{id:guid}"] = new(new { name = "越权修改", from = "2025-01-01", newlyEmployed = true }),
        ["DELETE /api/v1/workforce/talents/{id:guid}"] = new(null),
        ["POST /api/v1/workforce/social-workers/{id:guid}/account"] = new(new { userId = (Guid?)null }),
        ["POST /api/v1/workforce/social-workers/{id:guid}/reveal"] = new(new { field = "idNumber", reason = "越权查看" }),
        ["POST /api/v1/workforce/social-workers/{id:guid}/qualifications"] = new(new { level = "Assistant", route = "Exam", obtainedOn = "2026-01-01", certificateNo = "A1234567" }),
        ["DELETE /api/v1/workforce/social-workers/{id:guid}/qualifications/{qualificationId:guid}"] = new(null),
        ["POST /api/v1/workforce/social-workers/{id:guid}/registrations"] = new(new { qualificationId = Guid.NewGuid(), registeredOn = "2026-01-01", registrationNo = "R1234567" }),
        ["POST /api/v1/workforce/social-workers/{id:guid}/education"] = new(new { on = "2026-01-01", hours = 2, content = "越权学时" }),
        ["DELETE /api/v1/workforce/social-workers/{id:guid}/education/{recordId:guid}"] = new(null),
        ["POST /api/v1/charity/funds/{id:guid}/donations"] = new(new { donorKind = "Enterprise", donorName = "越权捐赠", channel = "Cash", amountYuan = 10m, donatedOn = "2026-01-01" }),
        ["POST /api/v1/charity/funds/{id:guid}/disbursements"] = new(new { purpose = "Other", title = "越权申请", amountYuan = 10m, payee = "某单位", justification = "越权申请拨付" }),
        ["POST /api/v1/charity/funds/{id:guid}/disbursements/{requestId:guid}/votes"] = new(new { approve = true, comment = "越权表决" }),
        ["POST /api/v1/charity/funds/{id:guid}/disbursements/{requestId:guid}/meeting-votes"] = new(new { memberId = Guid.NewGuid(), approve = true, minutes = "越权会议" }),
        ["POST /api/v1/charity/funds/{id:guid}/disbursements/{requestId:guid}/payments"] = new(new { amountYuan = 10m, paidOn = "2026-01-01", method = "现金", voucherNo = "越权" }),
        ["POST /api/v1/charity/funds/{id:guid}/disbursements/{requestId:guid}/release"] = new(new { reason = "越权释放" }),
        ["POST /api/v1/charity/campaigns"] = new(new { areaCode = City, name = "越权活动", startsOn = "2026-09-01", endsOn = "2026-09-15", targetYuan = 10m, fundIds = new[] { Guid.NewGuid() } }, "areaCode"),
        ["PUT /api/v1/charity/campaigns/{id:guid}"] = new(new { name = "越权修改", startsOn = "2026-09-01", endsOn = "2026-09-15", targetYuan = 10m, fundIds = new[] { Guid.NewGuid() } }),
        ["POST /api/v1/charity/wishes"] = new(new { residentId = Guid.NewGuid(), alias = "越权", item = "越权心愿", valueYuan = 10m, contact = "越权联系方式" }),
        ["POST /api/v1/charity/wishes/{id:guid}/verify"] = new(new { publish = false, reason = "越权核实" }),
        ["POST /api/v1/charity/wishes/{id:guid}/claims"] = new(null),
        ["POST /api/v1/charity/wishes/{id:guid}/received"] = new(new { }),
        ["POST /api/v1/me/wish-claims/{claimId:guid}/contacted"] = new(null),
        ["POST /api/v1/me/wish-claims/{claimId:guid}/give-up"] = new(null),
        ["POST /api/v1/me/wish-claims/{claimId:guid}/delivered"] = new(new { evidence = "越权标记送达" }),
        // Exam results (issue 11): the city's exam area and lines are not the county's; its candidates' and lines' ids unknown to it.
        ["POST /api/v1/workforce/exams/candidates"] = new(new { year = 2023, level = "Assistant", name = "越权考生", idNumber = "520526199001011232", areaCode = City, score1 = 70, score2 = 70 }, "areaCode"),
        ["PUT /api/v1/workforce/exams/candidates/{id:guid}"] = new(new { score1 = 70 }),
        ["POST /api/v1/workforce/exams/import"] = new(new Dictionary<string, string>(), "file", Multipart: true),
        ["POST /api/v1/workforce/exams/pass-lines"] = new(new { year = 2023, level = "Assistant", subject = 1, areaCode = City, mark = 55 }, "areaCode"),
        ["DELETE /api/v1/workforce/exams/pass-lines/{id:guid}"] = new(null),
        // Trainings (issue 11): a course hosted by the city is not the county's to set up; the city's courses and enrolments are unknown to it.
        ["POST /api/v1/workforce/trainings"] = new(new { title = "越权培训", kind = "Rotating", organizerKind = "Bureau", organizerName = "毕节市民政局", areaCode = City,
            startsOn = "2026-01-05", endsOn = "2026-01-06", hours = 8, place = "市培训室", capacity = 10 }, "areaCode"),
        ["PUT /api/v1/workforce/trainings/{id:guid}"] = new(new { title = "越权修改", kind = "Rotating", organizerKind = "Bureau", organizerName = "毕节市民政局", areaCode = County,
            startsOn = "2026-01-05", endsOn = "2026-01-06", hours = 8, place = "市培训室", capacity = 10 }),
        ["POST /api/v1/workforce/trainings/{id:guid}/enrolments"] = new(new { name = "越权报名" }),
        ["DELETE /api/v1/workforce/trainings/{id:guid}/enrolments/{enrolmentId:guid}"] = new(null),
        ["POST /api/v1/workforce/trainings/{id:guid}/enrolments/{enrolmentId:guid}/attendance"] = new(new { attended = true, hours = 2 }),
        ["POST /api/v1/workforce/trainings/{id:guid}/enrolments/{enrolmentId:guid}/certificate"] = new(null),
        // Review (issue 12): the city's calls are unknown to the county (404); a judge's own endpoints are not a bureau's (403).
        ["POST /api/v1/competitions/{callId:guid}/assignments"] = new(new { wholePanel = true }),
        ["DELETE /api/v1/competitions/{callId:guid}/assignments/{scoreId:guid}"] = new(null),
        ["PUT /api/v1/competitions/{callId:guid}/defence"] = new(new { applicationId = Guid.NewGuid(), at = "2026-07-01T09:00", place = "市民政局会议室" }),
        ["POST /api/v1/me/reviews/{scoreId:guid}/score"] = new(new { scores = new[] { 5, 5, 5, 5, 5 }, comment = "越权评分的评审意见" }),
        ["POST /api/v1/me/reviews/{scoreId:guid}/recusal"] = new(new { reason = "越权回避" }),
        // Competition notices and awards (issue 12): the city's calls and awards are unknown to the county (their ids here are made up: 404).
        ["POST /api/v1/competitions/{id:guid}/notice"] = new(new { shortlist = new[] { new { applicationId = Guid.NewGuid(), amountYuan = 1000m } } }),
        ["POST /api/v1/competitions/{id:guid}/objections/{objectionId:guid}/answer"] = new(new { answer = "越权答复", upheld = false }),
        ["POST /api/v1/competitions/{id:guid}/objections/{objectionId:guid}/contact/reveal"] = new(new { reason = "想看看" }),
        ["POST /api/v1/competitions/{id:guid}/awards"] = new(null),
        ["POST /api/v1/competitions/{id:guid}/awards/{applicationId:guid}"] = new(null),
        ["POST /api/v1/competitions/awards/{awardId:guid}/agreement"] = new(new { signedOn = "2026-01-05" }),
        ["POST /api/v1/competitions/awards/{awardId:guid}/releases"] = new(new { tranche = 1 }),
        ["POST /api/v1/competitions/awards/{awardId:guid}/stop"] = new(new { reason = "越权停止" }),
        ["POST /api/v1/competitions/awards/{awardId:guid}/claw-backs"] = new(new { amountYuan = 100m, note = "越权追回" }),
        ["POST /api/v1/competitions/awards/{awardId:guid}/close"] = new(new { }),
        ["POST /api/v1/guardianship"] = new(new { residentId = Guid.NewGuid(), assessedOn = "2026-01-01", guardianName = "某人", capacityScore = 3, livingScore = 3, safetyScore = 3, level = "Adequate" }),
        // Competition calls (issue 12): a call hosted by the city is not the county's to draft; the city's calls and panels are unknown to it.
        ["POST /api/v1/competitions"] = new(CompetitionCall(City), "areaCode"),
        ["PUT /api/v1/competitions/{id:guid}"] = new(CompetitionCall(County)),
        ["POST /api/v1/competitions/{id:guid}/publish"] = new(null),
        ["POST /api/v1/competitions/{id:guid}/withdraw"] = new(new { reason = "越权撤回" }),
        ["POST /api/v1/competitions/{id:guid}/judges"] = new(new { userId = c.CityUser, unit = "某大学" }),
        ["DELETE /api/v1/competitions/{id:guid}/judges/{judgeId:guid}"] = new(null),
        // Competition applications (issue 12): applying is an organization's staff's (403 to a bureau); the city's applications are unknown to the county.
        ["POST /api/v1/competitions/{callId:guid}/applications"] = new(new { title = "越权申报" }),
        ["PUT /api/v1/competitions/applications/{id:guid}"] = new(new { title = "越权修改" }),
        ["POST /api/v1/competitions/applications/{id:guid}/documents"] = new(new Dictionary<string, string> { ["name"] = "其他材料" }, Multipart: true),
        ["DELETE /api/v1/competitions/applications/{id:guid}/documents/{documentId:guid}"] = new(null),
        ["POST /api/v1/competitions/applications/{id:guid}/submit"] = new(new { }),
        ["POST /api/v1/competitions/applications/{id:guid}/withdraw"] = new(new { }),
        ["POST /api/v1/competitions/applications/{id:guid}/screen"] = new(new { outcome = "Eligible" }),
    };

    static object CompetitionCall(string areaCode) => new
    {
        areaCode, title = "越权公益创投", hostName = "毕节市民政局", focuses = new[] { "ElderlyCare" }, poolYuan = 100000m, capYuan = 20000m, coFunding = "None",
        rubric = new[] { new { name = "创新性", weight = 50, maxScore = 10 }, new { name = "可行性", weight = 50, maxScore = 10 } }, judgeCount = 5, aggregation = "TrimmedMean",
        tieBreak = "CriteriaInOrder", opensAt = "2030-01-01T09:00:00+08:00", closesAt = "2030-02-01T17:00:00+08:00", noticeDays = 7,
        tranches = new[] { new { percent = 100, gate = "Signing" } },
    };

    /// <summary>What a route value becomes: the city's record of the kind the route names.</summary>
    static string RouteValue(string pattern, string name, CityRecords c) => name switch
    {
        "userId" => c.CityUser.ToString(),
        "code" => City,
        _ when pattern.StartsWith("/api/v1/stations", StringComparison.Ordinal) => c.Centre.ToString(),
        _ when pattern.StartsWith("/api/v1/ratings", StringComparison.Ordinal) => c.Round.ToString(),
        _ when pattern.StartsWith("/api/v1/users", StringComparison.Ordinal) => c.CityUser.ToString(),
        _ when pattern.StartsWith("/api/v1/organizations", StringComparison.Ordinal) => c.Organization.ToString(),
        _ => Guid.NewGuid().ToString(),
    };

    [GeneratedRegex(@"\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}")]
    private static partial Regex RouteParameter();

    List<(string Method, string Pattern)> WriteEndpoints()
    {
        var found = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } raw && raw.StartsWith(Wushe.Platform.Web.Api.Prefix, StringComparison.OrdinalIgnoreCase))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (Method: m, Pattern: "/" + e.RoutePattern.RawText!.Trim('/'))))
            .Where(e => e.Method is not ("GET" or "HEAD" or "OPTIONS"))
            .Distinct().OrderBy(e => e.Pattern, StringComparer.Ordinal).ToList();
        Assert.Contains(found, e => e.Pattern == "/api/v1/ratings/{id:guid}/review");
        return found;
    }

    async Task<CityRecords> ArrangeAsync()
    {
        using var bijie = await app.CreateClientAsync("bijie");
        var round = (await (await bijie.PostAsJsonAsync("/api/v1/ratings", new { name = "市级评星（写入守卫）" + Guid.NewGuid().ToString("N")[..6], year = 2026 }))
            .Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var (centre, station, township) = await app.Query(async db =>
        {
            var centre = await db.Stations.SingleAsync(s => s.AreaCode == City && s.Level == StationLevel.CityCentre);
            var station = await db.Stations.Where(s => s.AreaCode.StartsWith("520526") && s.Level == StationLevel.TownshipStation).OrderBy(s => s.AreaCode).FirstAsync();
            return (centre.Id, station.Id, station.AreaCode);
        });
        // An account of the city (its home) that also works in a Weining township: the county sees it, but it is the city's.
        var cityUserName = await app.CreateUserAsync(role: Role.StationWorker, areaCode: township, homeAreaCode: City);
        var cityUser = await app.Query(db => db.Users.Where(u => u.UserName == cityUserName).Select(u => u.Id).SingleAsync());
        var organization = await app.Query(db => db.Organizations.IgnoreQueryFilters().Where(o => o.AreaCode == City).Select(o => o.Id).FirstAsync());
        return new CityRecords(centre, round, station, township, cityUser, organization);
    }

    [Fact]
    public async Task Every_write_endpoint_refuses_a_county_bureau_a_record_the_city_holds_and_records_the_refusal()
    {
        var city = await ArrangeAsync();
        var samples = Samples(city);
        var countyUser = await app.CreateUserAsync(role: Role.BureauStaff, areaCode: County);
        using var client = await app.CreateClientAsync(countyUser);
        var before = await app.Query(db => db.StationRatingsOf(city.Round));

        var failures = new List<string>();
        var refused403 = 0;
        foreach (var (method, pattern) in WriteEndpoints().Where(e => !NotAboutRecords.Contains($"{e.Method} {e.Pattern}")))
        {
            var key = $"{method} {pattern}";
            if (!samples.TryGetValue(key, out var sample))
            {
                failures.Add($"{key}: no sample request in WriteGuardTests.Samples: add a valid one aimed at a record the city holds");
                continue;
            }
            var path = RouteParameter().Replace(pattern, m => RouteValue(pattern, m.Groups[1].Value, city));
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = Content(sample) };
            using var response = await client.SendAsync(request);
            var body = await response.Content.ReadAsStringAsync();
            var ok = response.StatusCode switch
            {
                HttpStatusCode.Forbidden => HasChineseTitle(body),
                HttpStatusCode.NotFound => true,
                HttpStatusCode.BadRequest => sample.ScopeField is { } field && NamesOnly(body, field),
                _ => false,
            };
            if (response.StatusCode == HttpStatusCode.Forbidden) refused403++;
            if (!ok) failures.Add($"{key}: {(int)response.StatusCode} {(body.Length > 300 ? body[..300] : body)}");
        }
        Assert.True(failures.Count == 0, $"{failures.Count} write endpoint(s) did not refuse the county bureau:\n  " + string.Join("\n  ", failures));

        // Nothing was written: no change of any record is audited for the county user, and the city's round is as it was.
        var changes = await app.Query(db => db.AuditRecords.Where(r => r.UserName == countyUser
            && (r.Action == AuditAction.Create || r.Action == AuditAction.Update || r.Action == AuditAction.StateChange || r.Action == AuditAction.Delete)).ToListAsync());
        Assert.True(changes.Count == 0, "Changes saved: " + string.Join(", ", changes.Select(r => $"{r.Action} {r.Entity} {r.Fields}")));
        Assert.Equal(before, await app.Query(db => db.StationRatingsOf(city.Round)));

        // Every 403 left a security event naming the user.
        var events = await app.Query(db => db.AuditRecords.CountAsync(r => r.UserName == countyUser && r.Outcome == AuditOutcome.Denied));
        Assert.True(refused403 >= 5, $"Only {refused403} endpoints answered 403: the walk proves too little.");
        Assert.True(events >= refused403, $"{refused403} refusals (403) but {events} security events recorded.");
    }

    [Fact]
    public async Task A_township_worker_self_assesses_in_the_city_round_the_city_reviews_and_the_county_may_only_read()
    {
        using var chinese = new ChineseCulture();
        using var bijie = await app.CreateClientAsync("bijie");
        var round = (await (await bijie.PostAsJsonAsync("/api/v1/ratings", new { name = "市级评星（分工）" + Guid.NewGuid().ToString("N")[..6], year = 2026 }))
            .Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        var station = await app.Query(db => db.Stations.Where(s => s.AreaCode == "520502001000" && s.Level == StationLevel.TownshipStation).Select(s => s.Id).SingleAsync());
        var scores = RatingRound.DefaultModules().ToDictionary(m => m.Key, m => m.MaxScore - 10);

        // The station's own worker self-assesses in the city's round; the city reviews.
        using var shixi = await app.CreateClientAsync("shixi");
        await (await shixi.PostAsJsonAsync($"/api/v1/ratings/{round}/self-assessment", new { stationId = station, scores })).Expect(HttpStatusCode.OK);
        var reviewed = await (await bijie.PostAsJsonAsync($"/api/v1/ratings/{round}/review", new { stationId = station, scores })).Expect(HttpStatusCode.OK);
        Assert.Equal(940, reviewed.GetProperty("reviewTotal").GetInt32());

        // The county bureau of the station reads the results but cannot review: 403 saying who holds the review.
        var countyUser = await app.CreateUserAsync(role: Role.BureauStaff, areaCode: "520502000000");
        using var county = await app.CreateClientAsync(countyUser);
        var results = await (await county.GetAsync($"/api/v1/ratings/{round}")).Expect(HttpStatusCode.OK);
        Assert.Equal(940, results.GetProperty("results")[0].GetProperty("reviewTotal").GetInt32());
        var five = scores.ToDictionary(s => s.Key, s => s.Value + 10);
        using var attempt = await county.PostAsJsonAsync($"/api/v1/ratings/{round}/review", new { stationId = station, scores = five });
        var problem = await attempt.Expect(HttpStatusCode.Forbidden);
        Assert.Equal("urn:wushe:problem:forbidden", problem.GetProperty("type").GetString());
        Assert.Equal("评审得分由毕节市负责，您只能查看，不能修改", problem.GetProperty("title").GetString());
        Assert.Equal(940, await app.Query(db => db.Set<StationRating>().Where(x => x.RoundId == round).Select(x => x.ReviewTotal ?? 0).SingleAsync()));

        var denied = await app.Query(db => db.AuditRecords.SingleAsync(r => r.UserName == countyUser && r.Action == AuditAction.Denied));
        Assert.Equal(nameof(StationRating), denied.Entity);
        Assert.Equal(AuditOutcome.Denied, denied.Outcome);
        Assert.Equal(Role.BureauStaff, denied.Role);
        Assert.StartsWith("held above: review of 520500000000", denied.Reason, StringComparison.Ordinal);

        // The round's page offers the county no review form; in its own county's round it reviews.
        var page = await county.GetStringAsync($"/Stations/Ratings/Details?id={round}");
        Assert.DoesNotContain("handler=Score", page, StringComparison.Ordinal);
        Assert.DoesNotContain("handler=Publish", page, StringComparison.Ordinal);
        Assert.Contains("本次评星由毕节市组织评审", page, StringComparison.Ordinal);
        var own = (await (await county.PostAsJsonAsync("/api/v1/ratings", new { name = "七星关区评星" + Guid.NewGuid().ToString("N")[..6], year = 2026 }))
            .Expect(HttpStatusCode.Created)).GetProperty("id").GetGuid();
        await (await county.PostAsJsonAsync($"/api/v1/ratings/{own}/review", new { stationId = station, scores })).Expect(HttpStatusCode.OK);
        var ownPage = await county.GetStringAsync($"/Stations/Ratings/Details?id={own}");
        Assert.Contains("handler=Score", ownPage, StringComparison.Ordinal);
        Assert.DoesNotContain("本次评星由", ownPage, StringComparison.Ordinal);
    }

    static HttpContent? Content(Sample sample) => sample switch
    {
        { Multipart: true, Body: Dictionary<string, string> fields } => Multipart(fields),
        { Body: null } => null,
        _ => JsonContent.Create(sample.Body),
    };

    static MultipartFormDataContent Multipart(Dictionary<string, string> fields)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields) form.Add(new StringContent(value, Encoding.UTF8), name);
        return form;
    }

    static bool HasChineseTitle(string body)
    {
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.TryGetProperty("title", out var title) && title.GetString()!.Any(c => c is >= '\u4e00' and <= '\u9fff');
    }

    static bool NamesOnly(string body, string field)
    {
        using var doc = JsonDocument.Parse(body);
        return doc.RootElement.TryGetProperty("errors", out var errors) && errors.EnumerateObject().Select(p => p.Name).SequenceEqual([field]);
    }
}

static class RatingSnapshots
{
    /// <summary>The round's results as text, to compare before and after.</summary>
    public static async Task<string> StationRatingsOf(this Wushe.Data.AppDb db, Guid round) =>
        string.Join(";", (await db.Set<StationRating>().Where(x => x.RoundId == round).ToListAsync())
            .Select(x => $"{x.StationId}:{x.SelfTotal}:{x.ReviewTotal}:{x.Stars}:{string.Join(',', x.Scores.Select(s => $"{s.Key}={s.SelfScore}/{s.ReviewScore}"))}"));
}
