using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Web;

namespace Wushe.Features.Volunteers.Teams;

/// <summary>Routes of volunteer teams (志愿服务队); each calls the use case the pages call too.</summary>
public static class TeamsApi
{
    public const string Tag = "Volunteer teams";

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/volunteer-teams").WithTags(Tag);
        g.MapGet("/", async (AppDb db, [AsParameters] ListTeams.Query q) => TypedResults.Ok(await ListTeams.Handle(db, q)))
            .RequirePermission(VolunteersPermissions.View)
            .WithName("ListVolunteerTeams").WithSummary("志愿服务队列表 · List volunteer teams")
            .WithDescription("Teams of the user's scope: ?area=&keyword= (name or brand)&ownerKind=Organization|Station|Community&status=Active|Dissolved&sort=created|name|members|founded&page=&size=; each with its active members, applications waiting and leaders.");
        g.MapGet("/export", async (AppDb db, TimeProvider clock, [AsParameters] ListTeams.Query q) =>
            {
                var (content, name) = await ExportVolunteerTeams.Handle(db, clock, q with { Page = null, Size = null });
                return TypedResults.File(content, Platform.Export.Spreadsheet.XlsxContentType, name);
            })
            .RequirePermission(VolunteersPermissions.View)
            .ProducesFile([Platform.Export.Spreadsheet.XlsxContentType])
            .WithName("ExportVolunteerTeams").WithSummary("导出志愿服务队 · Export volunteer teams")
            .WithDescription("The team list as searched (the conditions of ListVolunteerTeams, at most 10,000 rows), as an Excel file; audited.");
        g.MapGet("/{id:guid}", async (AppDb db, TimeProvider clock, Guid id) => (await GetTeam.Handle(db, clock, id)).ToOk())
            .RequirePermission(VolunteersPermissions.View)
            .WithName("GetVolunteerTeam").WithSummary("志愿服务队详情 · Get a volunteer team")
            .WithDescription("The team, its statistics (members, active members — a confirmed sign-up for a shift in the last 12 months —, activities published for it this year; hoursThisYearMinutes null until hours records exist), "
                + "applications waiting, members (phones masked) and former members with the reason. Another area's is 404.");
        g.MapPost("/", async (AppDb db, CurrentUser user, TimeProvider clock, SaveTeam.Request r) =>
                (await SaveTeam.Create(db, user, clock, r)).ToHttp(c => TypedResults.Created($"{Api.Prefix}/volunteer-teams/{c.Id}", c)))
            .RequirePermission(VolunteersPermissions.Manage)
            .WithName("CreateVolunteerTeam").WithSummary("新建志愿服务队 · Create a volunteer team")
            .WithDescription("ownerKind Station (areaCode: the township) | Community (areaCode: the community) | Organization (organizationId serving areaCode, a township or community), all in scope; "
                + "name 2–40 (unique in the area: 409 naming name), brand ≤ 20, kind, description ≤ 500, foundedOn (not in the future).")
            .ProducesValidationProblem();
        g.MapPut("/{id:guid}", async (AppDb db, TimeProvider clock, Guid id, SaveTeam.Request r) => (await SaveTeam.Edit(db, clock, id, r)).ToOk())
            .RequirePermission(VolunteersPermissions.Manage)
            .WithName("EditVolunteerTeam").WithSummary("修改志愿服务队 · Edit a volunteer team")
            .WithDescription("name, brand, kind, description, foundedOn, version (the area and the owner stay). A stale version or a dissolved team is 409; answers the new version.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/dissolve", async (AppDb db, CurrentUser user, TimeProvider clock, Guid id, DissolveTeam.Request r) => (await DissolveTeam.Handle(db, user, clock, id, r)).ToOk())
            .RequirePermission(VolunteersPermissions.Manage)
            .WithName("DissolveVolunteerTeam").WithSummary("解散志愿服务队 · Dissolve a volunteer team")
            .WithDescription("{reason} 2–200: every application and membership ends, the reason told to each volunteer; answers how many. A second dissolve is 409.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/members", async (AppDb db, CurrentUser user, TimeProvider clock, Guid id, AddTeamMember.Request r) =>
                (await AddTeamMember.Handle(db, user, clock, id, r)).ToHttp(c => TypedResults.Created($"{Api.Prefix}/volunteer-teams/{id}", c)))
            .RequirePermission(VolunteersPermissions.Manage)
            .WithName("AddVolunteerTeamMember").WithSummary("添加队员 · Add a member to a team")
            .WithDescription("{volunteerId (an active volunteer of the scope), role?}: a member at once. A member already or applying is 409.")
            .ProducesValidationProblem();
        g.MapPost("/members/{memberId:guid}/review", async (AppDb db, CurrentUser user, TimeProvider clock, Guid memberId, ReviewTeamApplication.Request r) =>
                (await ReviewTeamApplication.ByStaff(db, user, clock, memberId, r)).ToOk())
            .RequirePermission(VolunteersPermissions.Manage)
            .WithName("ReviewVolunteerTeamApplication").WithSummary("审核入队申请 · Approve or decline an application")
            .WithDescription("{approve: true} or {approve: false, reason 2–200 (the volunteer reads it)}. One decided already is 409 (two approvals at once make one membership).")
            .ProducesValidationProblem();
        g.MapPut("/members/{memberId:guid}/role", async (AppDb db, Guid memberId, SetTeamMemberRole.Request r) => (await SetTeamMemberRole.Handle(db, memberId, r)).ToOk())
            .RequirePermission(VolunteersPermissions.Manage)
            .WithName("SetVolunteerTeamMemberRole").WithSummary("设置队内职务 · Set a member's role")
            .WithDescription("{role: Leader|DeputyLeader|Member}: only an active member holds a role (409 otherwise).")
            .ProducesValidationProblem();
        g.MapPost("/members/{memberId:guid}/remove", async (AppDb db, CurrentUser user, TimeProvider clock, Guid memberId, RemoveTeamMember.Request r) =>
                (await RemoveTeamMember.Handle(db, user, clock, memberId, r)).ToOk())
            .RequirePermission(VolunteersPermissions.Manage)
            .WithName("RemoveVolunteerTeamMember").WithSummary("移出队伍 · Remove a member from a team")
            .WithDescription("{reason} 2–200, read by the volunteer under my teams. One not active is 409.")
            .ProducesValidationProblem();

        var me = api.MapGroup("/me/volunteer/teams").WithTags(Tag);
        me.MapGet("/", async (AppDb db, CurrentUser user, string? keyword, int? page, int? size) => (await MyTeams.Browse(db, user, keyword, page, size)).ToOk())
            .RequirePermission(VolunteersPermissions.Self)
            .WithName("BrowseVolunteerTeams").WithSummary("附近的志愿服务队 · Teams near me")
            .WithDescription("Active teams of my county (my township's first), ?keyword= (name or brand)&page=&size=; each with its members and my own application or membership.");
        me.MapGet("/mine", async (AppDb db, CurrentUser user) => (await MyTeams.Mine(db, user)).ToOk())
            .RequirePermission(VolunteersPermissions.Self)
            .WithName("ListMyVolunteerTeams").WithSummary("我的队伍 · My teams")
            .WithDescription("My memberships: status, role, the reason of a decline or removal; for a team I lead, how many applications wait.");
        me.MapPost("/{teamId:guid}/apply", async (AppDb db, CurrentUser user, TimeProvider clock, Guid teamId) =>
                (await ApplyToTeam.Handle(db, user, clock, teamId)).ToHttp(c => TypedResults.Created($"{Api.Prefix}/me/volunteer/teams/mine", c)))
            .RequirePermission(VolunteersPermissions.Self)
            .WithName("ApplyToVolunteerTeam").WithSummary("申请加入队伍 · Apply to a team")
            .WithDescription("A team of my county; staff or its leader decide. 409: suspended, dissolved team, a member already or applying.");
        me.MapPost("/memberships/{memberId:guid}/leave", async (AppDb db, CurrentUser user, TimeProvider clock, Guid memberId) => (await LeaveTeam.Handle(db, user, clock, memberId)).ToOk())
            .RequirePermission(VolunteersPermissions.Self)
            .WithName("LeaveVolunteerTeam").WithSummary("退出队伍 · Leave a team")
            .WithDescription("Leaves the team, or withdraws the application. Another's membership is 404; one ended already 409.");
        me.MapGet("/{teamId:guid}/roster", async (AppDb db, CurrentUser user, Guid teamId) => (await MyTeams.Roster(db, user, teamId)).ToOk())
            .RequirePermission(VolunteersPermissions.Self)
            .WithName("GetLedVolunteerTeamRoster").WithSummary("我带领的队伍名单 · Roster of a team I lead")
            .WithDescription("For the team's leader (队长): applications waiting and the members, phones masked. Any other team is 404.");
        me.MapPost("/applications/{memberId:guid}/review", async (AppDb db, CurrentUser user, TimeProvider clock, Guid memberId, ReviewTeamApplication.Request r) =>
                (await ReviewTeamApplication.ByLeader(db, user, clock, memberId, r)).ToOk())
            .RequirePermission(VolunteersPermissions.Self)
            .WithName("ReviewVolunteerTeamApplicationAsLeader").WithSummary("队长审核入队申请 · Approve or decline as the team's leader")
            .WithDescription("{approve: true} or {approve: false, reason}: an application to a team I lead; any other is 404; one decided already 409.")
            .ProducesValidationProblem();
    }
}
