using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Web;

namespace Wushe.Features.Casework;

/// <summary>Routes of groups and community activities (/api/v1/groups …); each calls the use case its page calls too.</summary>
public static class GroupsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/groups").WithTags("Groups").RequirePermission(GroupsPermissions.View);
        g.MapGet("/", async (AppDb db, [Microsoft.AspNetCore.Http.AsParameters] ListGroups.Query q) => TypedResults.Ok(await ListGroups.Handle(db, q)))
            .WithName("ListGroups").WithSummary("小组与社区活动列表 · List groups and activities")
            .WithDescription("Groups and community activities in the user's scope: ?area=&keyword=&kind=Group|CommunityActivity&status=Open|Finished&sort=starts|title|area&page=&size=");
        g.MapExport<ListGroups.Query>("/export", (db, clock, q) => ExportGroups.Handle(db, clock, q with { Page = null, Size = null }))
            .WithName("ExportGroups").WithSummary("导出小组与社区活动 · Export groups and activities")
            .WithDescription("The list as filtered (the conditions of ListGroups), as an Excel file; audited.");
        g.MapGet("/{id:guid}", async (AppDb db, TimeProvider clock, Guid id) => (await GetGroup.Handle(db, clock, id)).ToOk())
            .WithName("GetGroup").WithSummary("小组详情 · Get a group")
            .WithDescription("The group, its members (ID numbers masked) with the sessions each attended, and its sessions with their attendees.");
        g.MapPost("/", async (AppDb db, TimeProvider clock, SaveGroup.Request r) =>
                (await SaveGroup.Create(db, clock, r)).ToHttp(c => TypedResults.Created($"{Api.Prefix}/groups/{c.Id}", c)))
            .RequirePermission(GroupsPermissions.Manage)
            .WithName("CreateGroup").WithSummary("新增小组或社区活动 · Create a group or activity")
            .WithDescription("In a township or community of the user's scope; planned sessions 1–50; the leading worker one of the area's station social workers or community staff.")
            .ProducesValidationProblem();
        g.MapPut("/{id:guid}", async (AppDb db, TimeProvider clock, Guid id, SaveGroup.Request r) => (await SaveGroup.Update(db, clock, id, r)).ToOk())
            .RequirePermission(GroupsPermissions.Manage)
            .WithName("UpdateGroup").WithSummary("修改小组 · Update a group")
            .WithDescription("Area and kind stay; planned sessions not below those held; 409 once finished or when the version is stale.");
        g.MapPost("/{id:guid}/members", async (AppDb db, TimeProvider clock, Guid id, GroupMembers.AddRequest r) => (await GroupMembers.Add(db, clock, id, r)).ToOk())
            .RequirePermission(GroupsPermissions.Manage)
            .WithName("AddGroupMembers").WithSummary("添加小组成员 · Add group members")
            .WithDescription("Active residents living under the group's area; members already in the group are kept as they are.");
        g.MapDelete("/{id:guid}/members/{residentId:guid}", async (AppDb db, Guid id, Guid residentId) => (await GroupMembers.Remove(db, id, residentId)).ToOk())
            .RequirePermission(GroupsPermissions.Manage)
            .WithName("RemoveGroupMember").WithSummary("移除小组成员 · Remove a group member");
        g.MapGet("/{id:guid}/candidates", async (AppDb db, TimeProvider clock, Guid id, string? term) => (await GroupMembers.Search(db, clock, id, term)).ToOk())
            .RequirePermission(GroupsPermissions.Manage)
            .WithName("SearchGroupCandidates").WithSummary("查找可加入的居民 · Find residents to add")
            .WithDescription("?term= a name (part of it) or the last 4 characters of an ID number; at most 20, ID numbers masked.");
        g.MapPost("/{id:guid}/sessions", async (AppDb db, CurrentUser user, TimeProvider clock, Guid id, RecordGroupSession.Request r) =>
                (await RecordGroupSession.Handle(db, user, clock, id, r)).ToHttp(s => TypedResults.Created($"{Api.Prefix}/groups/{id}", s)))
            .RequirePermission(GroupsPermissions.Manage)
            .WithName("RecordGroupSession").WithSummary("记录小组活动 · Record a session")
            .WithDescription("A session (China date, not in the future nor before the start) with its attendees (a group's members; any resident in scope for an activity). Writes the session and a service record with the attendees as beneficiaries in one save.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/finish", async (AppDb db, CurrentUser me, Guid id) => (await FinishGroup.Handle(db, me, id)).ToOk())
            .RequirePermission(GroupsPermissions.Manage)
            .WithName("FinishGroup").WithSummary("结束小组 · Finish a group")
            .WithDescription("By the leading worker or a head of the group's township station (403 for others; anyone who manages groups when no worker leads it). 409 when finished already.");
    }
}
