using Microsoft.AspNetCore.Mvc;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Stations;

/// <summary>Routes of the stations feature; each calls the use case the pages call too.</summary>
public static class StationsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/stations").WithTags("Stations").RequirePermission(StationsPermissions.View);
        g.MapGet("/", async (AppDb db, [AsParameters] ListStations.Query q) => TypedResults.Ok(await ListStations.Handle(db, q)))
            .WithName("ListStations").WithSummary("社工站列表 · List stations")
            .WithDescription("Stations in the user's scope: ?area=&keyword=&level=&status=&civilizationPractice=&sort=name|opened&page=&size=");
        g.MapExport<ListStations.Query>("/export", (db, clock, q) => ExportStations.Handle(db, clock, q with { Page = null, Size = null }))
            .WithName("ExportStations").WithSummary("导出社工站列表 · Export stations")
            .WithDescription("The station list as filtered (the conditions of ListStations), as an Excel file (contact phones masked); audited.");
        g.MapGet("/{id:guid}", async (AppDb db, Guid id) => (await GetStation.Handle(db, id)).ToOk())
            .WithName("GetStation").WithSummary("社工站详情 · Get a station");
        g.MapGet("/coverage", async (AppDb db, CurrentUser user, string? area) => (await Coverage.Handle(db, user, area)).ToOk())
            .WithName("GetCoverage").WithSummary("社工站覆盖情况 · Station coverage").ProducesProblem(StatusCodes.Status404NotFound)
            .WithDescription("Coverage of an area (default: the user's): areas with an active station of their level ÷ areas, per level and per child area.");

        g.MapPost("/", async (AppDb db, CurrentUser user, Sealer sealer, TimeProvider clock, SaveStation.Request r) =>
            (await SaveStation.Create(db, user, sealer, clock, r)).ToHttp(c => TypedResults.Created($"{Api.Prefix}/stations/{c.Id}", c)))
            .RequirePermission(StationsPermissions.Manage)
            .WithName("RegisterStation").WithSummary("新增社工站 · Register a station");
        g.MapPut("/{id:guid}", async (AppDb db, Sealer sealer, TimeProvider clock, Guid id, SaveStation.Request r) =>
            (await SaveStation.Update(db, sealer, clock, id, r)).ToOk())
            .RequirePermission(StationsPermissions.Manage)
            .WithName("UpdateStation").WithSummary("修改社工站 · Update a station");
        g.MapPost("/{id:guid}/close", async (AppDb db, Guid id) => (await ChangeStationStatus.Handle(db, id, StationStatus.Closed)).ToOk())
            .RequirePermission(StationsPermissions.Manage)
            .WithName("CloseStation").WithSummary("停用社工站 · Close a station");
        g.MapPost("/{id:guid}/reopen", async (AppDb db, Guid id) => (await ChangeStationStatus.Handle(db, id, StationStatus.Active)).ToOk())
            .RequirePermission(StationsPermissions.Manage)
            .WithName("ReopenStation").WithSummary("启用社工站 · Reopen a station");
        g.MapPost("/{id:guid}/purchases", async (AppDb db, Guid id, AddServicePurchase.Request r) =>
            (await AddServicePurchase.Handle(db, id, r)).ToHttp(pid => TypedResults.Created($"{Api.Prefix}/stations/{id}", new CreatedId(pid))))
            .RequirePermission(StationsPermissions.Manage)
            .WithName("AddServicePurchase").WithSummary("登记购买服务合同 · Record a service-purchase contract");

        g.MapPost("/{id:guid}/staff", async (AppDb db, TimeProvider clock, Guid id, ManageStaff.AddRequest r) =>
            (await ManageStaff.Add(db, clock, id, r)).ToHttp(sid => TypedResults.Created($"{Api.Prefix}/stations/{id}", new CreatedId(sid))))
            .RequirePermission(StationsPermissions.Manage)
            .WithName("AddStaff").WithSummary("添加站点人员 · Add a staff member");
        g.MapPut("/{id:guid}/staff/{userId:guid}/head", async (AppDb db, Guid id, Guid userId, ManageStaff.HeadRequest r) =>
            (await ManageStaff.SetHead(db, id, userId, r)).ToOk())
            .RequirePermission(StationsPermissions.Manage)
            .WithName("SetStaffHead").WithSummary("设置站长 · Set or unset the station head")
            .WithDescription("A head (站长) approves the case assessments, plans and closures of the station's township; a station may have more than one.");
        g.MapDelete("/{id:guid}/staff/{userId:guid}", async (AppDb db, Guid id, Guid userId) =>
            (await ManageStaff.Remove(db, id, userId)).ToHttp(_ => TypedResults.NoContent()))
            .RequirePermission(StationsPermissions.Manage)
            .WithName("RemoveStaff").WithSummary("移除站点人员 · Remove a staff member");

        g.MapGet("/{id:guid}/checklist", async (AppDb db, Guid id) => (await GetChecklist.Handle(db, id)).ToOk())
            .WithName("GetChecklist").WithSummary("“五有五统一”检查情况 · Standard checklist")
            .WithDescription("The ten \"五有五统一\" items with their latest check, and the history.");
        g.MapPost("/{id:guid}/checklist", async (AppDb db, CurrentUser user, TimeProvider clock, HttpContext http, Guid id, [FromForm] RecordCheck.Request r, IFormFile? evidence) =>
            (await RecordCheck.Handle(db, user, clock, id, r, evidence, http.User.FindFirst("wushe:display")?.Value ?? user.UserName ?? "")).ToHttp(cid => TypedResults.Created($"{Api.Prefix}/stations/{id}/checklist", new CreatedId(cid))))
            .RequirePermission(StationsPermissions.RecordChecks)
            .DisableAntiforgery()
            .WithName("RecordCheck").WithSummary("记录检查项 · Record a checklist item")
            .WithDescription("Record one checklist item (multipart form: item, met, checkedOn, note, evidence file ≤ 5 MB jpg/png/pdf).");

        var s = api.MapGroup("/supervisions").WithTags("Stations").RequirePermission(StationsPermissions.View);
        s.MapGet("/", async (AppDb db, [AsParameters] ListSupervisions.Query q) => TypedResults.Ok(await ListSupervisions.Handle(db, q)))
            .WithName("ListSupervisions").WithSummary("督导记录列表 · List supervision visits");
        s.MapPost("/", async (AppDb db, CurrentUser user, TimeProvider clock, RecordSupervision.Request r) =>
            (await RecordSupervision.Handle(db, user, clock, r)).ToHttp(id => TypedResults.Created($"{Api.Prefix}/supervisions", new CreatedId(id))))
            .RequirePermission(StationsPermissions.Supervise)
            .WithName("RecordSupervision").WithSummary("新增督导记录 · Record a supervision visit");

        var r = api.MapGroup("/ratings").WithTags("Stations").RequirePermission(StationsPermissions.View);
        r.MapGet("/", async (AppDb db, CurrentUser me) => TypedResults.Ok(await RatingRounds.List(db, me)))
            .WithName("ListRatingRounds").WithSummary("评星列表 · List rating rounds");
        r.MapGet("/{id:guid}", async (AppDb db, CurrentUser me, Guid id) => (await RatingRounds.Get(db, me, id)).ToOk())
            .WithName("GetRatingRound").WithSummary("评星详情与结果 · Get a rating round with its results");
        r.MapPost("/", async (AppDb db, CurrentUser user, TimeProvider clock, RatingRounds.CreateRequest req) =>
            (await RatingRounds.Create(db, user, clock, req)).ToHttp(id => TypedResults.Created($"{Api.Prefix}/ratings/{id}", new CreatedId(id))))
            .RequirePermission(StationsPermissions.ManageRatings)
            .WithName("CreateRatingRound").WithSummary("新增评星 · Create a rating round");
        r.MapPost("/{id:guid}/review", async (AppDb db, TimeProvider clock, Guid id, ScoreStation.Request req) =>
            (await ScoreStation.Handle(db, clock, id, req, review: true)).ToOk())
            .RequirePermission(StationsPermissions.ManageRatings)
            .WithName("ReviewStation").WithSummary("评审打分 · Score a station as reviewer");
        r.MapPost("/{id:guid}/self-assessment", async (AppDb db, TimeProvider clock, Guid id, ScoreStation.Request req) =>
            (await ScoreStation.Handle(db, clock, id, req, review: false)).ToOk())
            .RequirePermission(StationsPermissions.SelfAssess)
            .WithName("SelfAssessStation").WithSummary("站点自评 · Self-assess a station");
        r.MapPost("/{id:guid}/publish", async (AppDb db, Guid id) => (await RatingRounds.Publish(db, id)).ToOk())
            .RequirePermission(StationsPermissions.ManageRatings)
            .WithName("PublishRatingRound").WithSummary("公示评星结果 · Publish a rating round");
    }

    /// <summary>Public, anonymous: rated stations of published rounds. No personal data.</summary>
    public static void MapPublic(RouteGroupBuilder publicApi) =>
        publicApi.MapGet("/ratings", async (AppDb db, [AsParameters] PublicRatings.Query q) => TypedResults.Ok(await PublicRatings.Handle(db, q)))
            .WithTags("Public").WithName("ListPublicRatings").WithSummary("评星结果公示 · Published star ratings")
            .WithDescription("Rated stations of published rating rounds (public, no sign-in).");
}
