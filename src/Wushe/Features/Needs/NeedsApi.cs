using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Http.HttpResults;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Needs;

/// <summary>Routes of needs (/api/v1/needs …) and of the residents' own page (/api/v1/public/needs …); each calls the use case its page calls too.</summary>
public static class NeedsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/needs").WithTags("Needs").RequirePermission(NeedsPermissions.View);
        g.MapGet("/", async (AppDb db, Sealer sealer, TimeProvider clock, [AsParameters] ListNeeds.Query q) => TypedResults.Ok(await ListNeeds.Handle(db, sealer, clock, q)))
            .WithName("ListNeeds").WithSummary("需求台账 · List needs")
            .WithDescription("Needs in the user's scope, requesters' names masked: ?area=&keyword=(number, title, requester's or person's name, or a whole mobile number)&status=&category=&urgency=&source=&overdue=&handlerId=&organizationId=(referred to it, or answered by its projects)&sort=raised|due|status|urgency&page=&size=");
        g.MapGet("/counts", async (AppDb db, Sealer sealer, TimeProvider clock, [AsParameters] ListNeeds.Query q) => TypedResults.Ok(await ListNeeds.CountAsync(db, sealer, clock, q)))
            .WithName("CountNeeds").WithSummary("需求状态统计 · Count needs by status")
            .WithDescription("For the conditions of ListNeeds but status and overdue: how many needs are in each status, in all, and overdue now.");
        g.MapGet("/by-area", async (AppDb db, Sealer sealer, TimeProvider clock, [AsParameters] ListNeeds.Query q) => TypedResults.Ok(await NeedsByArea.Handle(db, sealer, clock, q)))
            .WithName("CountNeedsByArea").WithSummary("需求分布 · Needs per area")
            .WithDescription("For the conditions of ListNeeds: per area one level below the chosen one (counties, townships or communities), all, waiting, open, overdue, resolved and rejected needs.");
        // The shared MapExport's shape, with the sealer the keyword's phone search needs.
        g.MapGet("/export", async (AppDb db, Sealer sealer, TimeProvider clock, [AsParameters] ListNeeds.Query q) =>
            {
                var (content, name) = await ExportNeeds.Handle(db, sealer, clock, q with { Page = null, Size = null });
                return TypedResults.File(content, Platform.Export.Spreadsheet.XlsxContentType, name);
            })
            .ProducesFile([Platform.Export.Spreadsheet.XlsxContentType])
            .WithName("ExportNeeds").WithSummary("导出需求台账 · Export needs")
            .WithDescription("The need list as filtered (the conditions of ListNeeds, at most 10,000 rows), as an Excel file: requesters' names masked, no description; audited.");
        g.MapGet("/{id:guid}", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id) => (await GetNeed.Handle(db, me, clock, id)).ToOk())
            .WithName("GetNeed").WithSummary("需求详情 · Get a need")
            .WithDescription("A need with its timeline (each step timed, with who and the note), matches, photos (file ids: /api/v1/files/{id}), deadlines, satisfaction and the steps the user may take next.");
        g.MapPost("/", async (AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock, RaiseNeed.Request r) =>
                (await RaiseNeed.Handle(db, me, sealer, clock, r, null)).ToHttp(x => TypedResults.Created($"{Api.Prefix}/needs/{x.Id}", x)))
            .RequirePermission(NeedsPermissions.Manage)
            .WithName("RaiseNeed").WithSummary("登记需求 · Raise a need")
            .WithDescription("For a household in scope (householdId, optionally residentId of a member) or for an area (areaCode of a community or township, with requesterName and/or requesterPhone). Enters as Submitted with the area's acceptance deadline; answers its number.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/photos", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id, IFormFile? photo, HttpRequest http) =>
                (Platform.Files.Photos.Misnamed(http, "photo", 1) is { } misnamed ? misnamed : await AddNeedPhoto.Handle(db, me, clock, id, photo))
                .ToHttp(x => TypedResults.Created($"{Api.Prefix}/files/{x.Id}", x)))
            .RequirePermission(NeedsPermissions.Manage)
            .DisableAntiforgery()
            .WithName("AddNeedPhoto").WithSummary("上传需求照片 · Add a photo to a need")
            .WithDescription("Multipart form: photo (jpg/png ≤ 5 MB); at most 3 per need; not on a rejected or closed need (409).");
        g.MapPost("/{id:guid}/photos/{fileId:guid}/remove", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id, Guid fileId, RemoveNeedPhoto.Request r) =>
                (await RemoveNeedPhoto.Handle(db, me, clock, id, fileId, r)).ToOk())
            .RequirePermission(NeedsPermissions.Manage)
            .WithName("RemoveNeedPhoto").WithSummary("删除需求照片 · Remove a need's photo")
            .WithDescription("reason (2 to 200 characters): a photo added by mistake (the wrong picture, an ID card, a face) is deleted with its file, whatever the need's status; the reason is audited.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/status", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id, ChangeNeedStatus.Request r) =>
                (await ChangeNeedStatus.Handle(db, me, clock, id, r)).ToOk())
            .RequirePermission(NeedsPermissions.Manage)
            .WithName("ChangeNeedStatus").WithSummary("办理需求 · Take a need's next step")
            .WithDescription("to: Accepted (handlerId optional) | Rejected (note = reason) | InProgress | Resolved (note = outcome) | Closed (after the follow-up); version optional. 409 when the life cycle does not allow it or the need changed.");
        g.MapPost("/{id:guid}/matches", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id, MatchNeed.Request r) =>
                (await MatchNeed.Handle(db, me, clock, id, r)).ToHttp(x => TypedResults.Created($"{Api.Prefix}/needs/{id}", x)))
            .RequirePermission(NeedsPermissions.Manage)
            .WithName("MatchNeed").WithSummary("需求对接 · Match a need")
            .WithDescription("kind: Organization (targetId: an organization serving the need's area) | ResolvedDirectly (note: how; the need becomes Resolved). The first match moves an accepted need to Matched.");
        g.MapGet("/{id:guid}/organizations", async (AppDb db, Guid id) => (await ListNeedOrganizations.Handle(db, id)).ToOk())
            .WithName("ListNeedOrganizations").WithSummary("可对接的社会组织 · Organizations a need can be referred to")
            .WithDescription("Registered or incubating organizations serving the need's area (its own or an area above it among their service areas, or registered there or above).");
        g.MapPost("/{id:guid}/follow-up", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id, FollowUpNeed.Request r) =>
                (await FollowUpNeed.Handle(db, me, clock, id, r)).ToOk())
            .RequirePermission(NeedsPermissions.Manage)
            .WithName("FollowUpNeed").WithSummary("需求回访 · Follow up a need")
            .WithDescription("After resolution: satisfaction 1–5 and comment given by the requester to the worker, with the follow-up note; the need becomes FollowedUp.");
        g.MapPost("/{id:guid}/requester/reveal", async (AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock, Guid id, RevealNeedRequester.Request r) =>
                (await RevealNeedRequester.Handle(db, me, sealer, clock, id, r)).ToOk())
            .WithName("RevealNeedRequester").WithSummary("查看求助人电话 · Reveal a need's requester's phone")
            .WithDescription("{reason}: the requester's phone in full; needs the reveal permission; audited, refusals too.")
            .WithoutIdempotency("the answer is a sensitive value in full, never stored; and every reveal is audited anew");

        api.MapGet("/needs/referred", async (AppDb db, CurrentUser me, [AsParameters] ReferredNeeds.Query q) => TypedResults.Ok(await ReferredNeeds.Handle(db, me, q)))
            .WithTags("Needs").RequirePermission(NeedsPermissions.Referred)
            .WithName("ListReferredNeeds").WithSummary("转介给本机构的需求 · Needs referred to my organization")
            .WithDescription("For organization staff: the needs referred to their organization, newest referral first, a page at a time (page, size 10|20|50|100): number, title, category, urgency, community, status, deadline, description, the referral's note; the requester's name masked, no phone; version and mayMoveTo (the steps they may take now).");
        api.MapPost("/needs/referred/{id:guid}/status", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id, ChangeNeedStatus.Request r) =>
                (await ChangeNeedStatus.Handle(db, me, clock, id, r)).ToOk())
            .WithTags("Needs").RequirePermission(NeedsPermissions.Referred)
            .WithName("ChangeReferredNeedStatus").WithSummary("办理转介给本机构的需求 · Move on a need referred to my organization")
            .WithDescription("For organization staff, on a need matched to their organization (others 404): to InProgress (from Matched) or Resolved (the outcome as note, 2–1000 characters), with version; each a step on the need's timeline. Other steps 409 (accepting, rejecting, following up and closing stay with the community and station).");

        var settings = api.MapGroup("/need-time-limits").WithTags("Needs").RequirePermission(NeedsPermissions.Configure);
        settings.MapGet("/", async (AppDb db, string? area) => (await GetNeedTimeLimits.Handle(db, area)).ToOk())
            .WithName("GetNeedTimeLimits").WithSummary("需求办理时限 · Time limits of needs")
            .WithDescription("?area=: the limits that apply in the area (its own, or the nearest area's above, or the platform's defaults; ownerAreaCode 000000000000).");
        settings.MapPut("/", async (AppDb db, TimeProvider clock, SaveNeedTimeLimits.Request r) => (await SaveNeedTimeLimits.Handle(db, clock, r)).ToOk())
            .WithName("SaveNeedTimeLimits").WithSummary("设定需求办理时限 · Set the time limits of needs")
            .WithDescription("An area of the scope (city, county or township) sets hours to accept and days to resolve per urgency; the more urgent never slower. A stale version is 409.");
    }

    public static void MapPublic(RouteGroupBuilder publicApi)
    {
        var p = publicApi.MapGroup("/needs").WithTags("Public");
        p.MapPost("/", async (AppDb db, Sealer sealer, TimeProvider clock, ResidentLimits limits, HttpContext http, ReportNeed.Request r) =>
                Limited(http, await ReportNeed.Handle(db, sealer, clock, limits, http.Connection.RemoteIpAddress?.ToString(), r)).ToHttp(x => TypedResults.Created("", x)))
            .WithName("ReportNeed")
            .WithoutIdempotency("residents have no account to key a replay by; a double report is bounded by the per-phone limit, a look-up changes nothing, a second rating is 409").WithSummary("居民自报需求 · Report a need (residents)")
            .WithDescription("No sign-in: areaCode (a community), category, urgency (Normal|Urgent), title, description, name, phone (mobile), consent=true. Enters unverified; answers the need number. 429 when the address or phone reported too often.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests);
        p.MapPost("/with-photos", async (AppDb db, Sealer sealer, TimeProvider clock, ResidentLimits limits, HttpContext http, [FromForm] ReportNeed.Request? r, IFormFileCollection? photos) =>
                (Platform.Files.Photos.Misnamed(http.Request, "photos", ReportNeed.MaxPhotos) is { } misnamed ? misnamed
                    : Limited(http, await ReportNeed.Handle(db, sealer, clock, limits, http.Connection.RemoteIpAddress?.ToString(), r ?? new ReportNeed.Request(), photos))).ToHttp(x => TypedResults.Created("", x)))
            .DisableAntiforgery()
            .WithName("ReportNeedWithPhotos")
            .WithoutIdempotency("residents have no account to key a replay by; a double report is bounded by the per-phone limit, a look-up changes nothing, a second rating is 409").WithSummary("居民自报需求（附照片） · Report a need with photos (residents)")
            .WithDescription($"ReportNeed as a multipart form: its fields, and photos (up to {ReportNeed.MaxPhotos} files, jpg/png ≤ 5 MB each, checked by content). A bad photo saves nothing, the need neither (400 naming photos). 429 as ReportNeed.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests);
        p.MapPost("/track", async (AppDb db, Sealer sealer, ResidentLimits limits, HttpContext http, TrackNeed.Request r) =>
                Limited(http, await TrackNeed.Handle(db, sealer, limits, http.Connection.RemoteIpAddress?.ToString(), r)).ToOk())
            .WithName("TrackNeed")
            .WithoutIdempotency("residents have no account to key a replay by; a double report is bounded by the per-phone limit, a look-up changes nothing, a second rating is 409").WithSummary("查询需求办理进度 · Follow my need")
            .WithDescription("{needNo, phone}: the need's progress (status and each step's time, the outcome once resolved). A pair that does not match is 404. Rate-limited (429).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
        p.MapPost("/rate", async (AppDb db, Sealer sealer, TimeProvider clock, ResidentLimits limits, HttpContext http, RateNeed.Request r) =>
                Limited(http, await RateNeed.Handle(db, sealer, clock, limits, http.Connection.RemoteIpAddress?.ToString(), r)).ToOk())
            .WithName("RateNeed")
            .WithoutIdempotency("residents have no account to key a replay by; a double report is bounded by the per-phone limit, a look-up changes nothing, a second rating is 409").WithSummary("评价需求办理 · Rate my resolved need")
            .WithDescription("{needNo, phone, satisfaction 1–5, comment}: once the need is resolved; once only (409).")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests);
    }

    /// <summary>A rate-limited answer carries Retry-After (RFC 9110), as sign-in's does.</summary>
    static Platform.Outcomes.Result<T> Limited<T>(HttpContext http, Platform.Outcomes.Result<T> result)
    {
        http.Response.SetRetryAfter(result.Failure?.RetryAfter);
        return result;
    }
}
