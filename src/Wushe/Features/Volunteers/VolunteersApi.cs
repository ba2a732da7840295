using Microsoft.AspNetCore.Identity;
using Wushe.Data;
using Wushe.Features.Accounts;
using Wushe.Features.Volunteers.Activities;
using Wushe.Platform.Access;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Volunteers;

/// <summary>Routes of the volunteer register; each calls the use case the pages call too.</summary>
public static class VolunteersApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/volunteers").WithTags("Volunteers");
        g.MapGet("/", async (AppDb db, Sealer sealer, TimeProvider clock, [AsParameters] ListVolunteers.Query q) => TypedResults.Ok(await ListVolunteers.Handle(db, sealer, clock, q)))
            .RequirePermission(VolunteersPermissions.View)
            .WithName("ListVolunteers").WithSummary("志愿者名册 · List volunteers")
            .WithDescription("Volunteers in the user's scope: ?area=&keyword= (name or volunteer number; a full mobile or ID number finds its holder)&status=&skill=&source=&sort=registered|name|number&page=&size=. Phones masked; no ID numbers.");
        g.MapExport<ListVolunteers.Query>("/export", (db, sealer, clock, q) => ExportVolunteers.Handle(db, sealer, clock, q with { Page = null, Size = null }))
            .RequirePermission(VolunteersPermissions.View)
            .WithName("ExportVolunteers").WithSummary("导出志愿者名册 · Export volunteers")
            .WithDescription("The register as searched (the conditions of ListVolunteers), as an Excel file: phones masked, no ID numbers; audited.");
        g.MapGet("/{id:guid}", async (AppDb db, TimeProvider clock, Guid id) => (await GetVolunteer.Handle(db, clock, id)).ToOk())
            .RequirePermission(VolunteersPermissions.View)
            .WithName("GetVolunteer").WithSummary("志愿者详情 · Get a volunteer")
            .WithDescription("In the caller's scope (any other is 404): the registration, ID and phones masked.");
        g.MapPost("/", async (AppDb db, CurrentUser user, Sealer sealer, TimeProvider clock, VolunteerForm.Request r) =>
                (await RegisterVolunteer.Handle(db, user, sealer, clock, r)).ToHttp(c => TypedResults.Created($"{Api.Prefix}/volunteers/{c.Id}", c)))
            .RequirePermission(VolunteersPermissions.Manage)
            .WithName("RegisterVolunteer").WithSummary("登记志愿者 · Register a volunteer")
            .WithDescription("From a paper form: name, idNumber (gives birth date and sex), phone (mobile), areaCode (a community in scope), skills, skillNotes, availability; "
                + "under 18: guardianName, guardianRelation, guardianPhone, guardianConsentOn, or selfSupporting=true from 16. Under 14 is refused. "
                + "An ID registered anywhere is 409 naming idNumber. Answers the id and the volunteer number (ZY + county + year + sequence).")
            .ProducesValidationProblem();
        g.MapPut("/{id:guid}", async (AppDb db, CurrentUser user, Sealer sealer, TimeProvider clock, Guid id, EditVolunteer.Request r) =>
                (await EditVolunteer.Handle(db, user, sealer, clock, id, r)).ToOk())
            .RequirePermission(VolunteersPermissions.Manage)
            .WithName("EditVolunteer").WithSummary("修改志愿者信息 · Edit a volunteer")
            .WithDescription("The fields of RegisterVolunteer (idNumber must be the stored one: it cannot change), areaCode a community in scope (moving house), version. A stale version is 409; answers the new version.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/status", async (AppDb db, TimeProvider clock, Guid id, ChangeVolunteerStatus.Request r) => (await ChangeVolunteerStatus.Handle(db, clock, id, r)).ToOk())
            .RequirePermission(VolunteersPermissions.Manage)
            .WithName("ChangeVolunteerStatus").WithSummary("变更志愿者状态 · Suspend, restore or withdraw a volunteer")
            .WithDescription("{status: Active|Suspended|Withdrawn, reason, version}: suspending or withdrawing ends the sign-ups of shifts not yet started (the places go to the waitlists); the status held already is 409; answers the new version.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/reveal", async (AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock, Guid id, RevealVolunteerField.Request r) =>
                (await RevealVolunteerField.Handle(db, me, sealer, clock, id, r)).ToOk())
            .RequirePermission(VolunteersPermissions.View)
            .WithName("RevealVolunteerField").WithSummary("查看志愿者完整信息 · Reveal a volunteer's field")
            .WithDescription("{field: idNumber|phone|guardianPhone, reason}: the value in full; needs the reveal permission; audited, refusals too.")
            .WithoutIdempotency("the answer is a sensitive value in full, never stored; and every reveal is audited anew")
            .ProducesValidationProblem();

        var rules = api.MapGroup("/volunteers/rules").WithTags("Volunteers").RequirePermission(VolunteersPermissions.Configure);
        rules.MapGet("/", async (AppDb db, CurrentUser me, string? area) => (await GetVolunteerRules.Handle(db, me, area)).ToOk())
            .WithName("GetVolunteerRules").WithSummary("志愿服务规则 · Volunteer rules of an area")
            .WithDescription("The rules in force in the area (the user's own unless ?area= names another of the scope): source Own, Inherited (definedBy: the nearest province, city or county above that keeps rules) or National (the national defaults); "
                + "version of the area's own rules (send it back to change or remove them); editable. An area outside the scope is 404.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        rules.MapPut("/", async Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<SaveVolunteerRules.Saved>, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>> (
                AppDb db, CurrentUser me, TimeProvider clock, SaveVolunteerRules.Request r) => (await SaveVolunteerRules.Handle(db, me, clock, r)).ToOk())
            .WithName("SaveVolunteerRules").WithSummary("设定志愿服务规则 · Create or replace an area's volunteer rules")
            .WithDescription("areaCode (a province, city or county of the scope; the country 000000000000 for the platform admin), roundingMinutes 1–120, dailyCapMinutes 1–1440 (a multiple of the unit), postingDays 0–30, "
                + "minAttendancePercent 1–100, starThresholdHours [★1..★5] rising whole hours, pointsPerHour 0–100, geofenceMeters 0–50,000 (0 = none), pointsDonationAllowed, redeemMinStars 0–5, pointsCap (empty = none); "
                + "version: empty to create, the stored one to replace (409 otherwise). Errors name the field (starThresholdHours[2]). Another area's rules (above or beside the scope) are 404.")
            .ProducesValidationProblem();
        rules.MapDelete("/", async Task<Microsoft.AspNetCore.Http.HttpResults.Results<Microsoft.AspNetCore.Http.HttpResults.Ok<RemoveVolunteerRules.Removed>, Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>> (
                AppDb db, string? area, int? version) => (await RemoveVolunteerRules.Handle(db, area, version)).ToOk())
            .WithName("RemoveVolunteerRules").WithSummary("删除本区划志愿服务规则 · Remove an area's own volunteer rules")
            .WithDescription("?area=&version=: the area's own rules removed (audited); it takes the nearest rules above again, or the national defaults (answered). None of the area's own in the scope is 404; a stale version 409.")
            .ProducesValidationProblem();

        var a = api.MapGroup("/volunteer-activities").WithTags("Volunteers");
        a.MapGet("/", async (AppDb db, TimeProvider clock, [AsParameters] ListActivities.Query q) => TypedResults.Ok(await ListActivities.Handle(db, clock, q)))
            .RequirePermission(VolunteersPermissions.ViewActivities)
            .WithName("ListVolunteerActivities").WithSummary("志愿活动列表 · List volunteer activities")
            .WithDescription("Activities held in the user's scope (for social organization staff: their organization's only): ?area=&keyword= (title or place)&kind=&status=Published|Cancelled&when=upcoming|past&page=&size=; latest first, with places offered, confirmed and waitlisted.");
        a.MapExport<ListActivities.Query>("/export", (db, clock, q) => ExportVolunteerActivities.Handle(db, clock, q with { Page = null, Size = null }))
            .RequirePermission(VolunteersPermissions.ViewActivities)
            .WithName("ExportVolunteerActivities").WithSummary("导出志愿活动 · Export volunteer activities")
            .WithDescription("The activity list as searched (the conditions of ListVolunteerActivities), as an Excel file with places offered, confirmed and waitlisted; audited.");
        a.MapGet("/{id:guid}", async (AppDb db, TimeProvider clock, Guid id) => (await GetActivity.Handle(db, clock, id)).ToOk())
            .RequirePermission(VolunteersPermissions.ViewActivities)
            .WithName("GetVolunteerActivity").WithSummary("志愿活动详情 · Get a volunteer activity")
            .WithDescription("The activity, its shifts with places and each shift's roster (confirmed, waitlisted in order, then those who left with the reason; phones masked). Another area's is 404.");
        a.MapPost("/", async (AppDb db, CurrentUser user, TimeProvider clock, PublishActivity.Request r) =>
                (await PublishActivity.Handle(db, user, clock, r)).ToHttp(c => TypedResults.Created($"{Api.Prefix}/volunteer-activities/{c.Id}", c)))
            .RequirePermission(VolunteersPermissions.OrganizeActivities)
            .WithName("PublishVolunteerActivity").WithSummary("发布志愿活动 · Publish a volunteer activity")
            .WithDescription("areaCode (a township or community in scope), title, kind, targetGroup, place, latitude/longitude (WGS-84), geofenceMeters (50–5000, needs coordinates), "
                + "description, skillsWanted, projectId, needId, cutoffHours (0–168, default 2), organizerName, shifts [{name, startsAt, endsAt, capacity}] (1–20; starting in the future, within 366 days; ≤ 24 h; 1–10,000 places), "
                + "openTo All (default) | ChosenTeams with teamIds (1–20 active teams of the scope: only their active members see it and sign up). "
                + "Social organization staff publish for their organization: organizerName is its registered name whatever is sent, projectId one it implements, needId one of those projects answers; "
                + "409 while it is suspended or deregistered. They list, read and keep only their organization's activities (another's is 404).")
            .ProducesValidationProblem();
        a.MapPut("/{id:guid}", async (AppDb db, CurrentUser user, Guid id, EditActivity.Request r) => (await EditActivity.Handle(db, user, id, r)).ToOk())
            .RequirePermission(VolunteersPermissions.OrganizeActivities)
            .WithName("EditVolunteerActivity").WithSummary("修改志愿活动 · Edit a volunteer activity")
            .WithDescription("The fields of PublishVolunteerActivity but area, project, need and shifts (shift times stay; capacity has its own action): title, kind, targetGroup, place, "
                + "latitude/longitude, geofenceMeters, description, skillsWanted, cutoffHours, organizerName, openTo (All|ChosenTeams) with teamIds (1–20 active teams of the scope), version. "
                + "A cancelled activity or a stale version is 409; answers the new version. Audited field by field.")
            .ProducesValidationProblem();
        a.MapPost("/{id:guid}/cancel", async (AppDb db, TimeProvider clock, Guid id, CancelActivity.Request r) => (await CancelActivity.Handle(db, clock, id, r)).ToOk())
            .RequirePermission(VolunteersPermissions.OrganizeActivities)
            .WithName("CancelVolunteerActivity").WithSummary("取消志愿活动 · Cancel a volunteer activity")
            .WithDescription("{reason}: every active sign-up ends with the reason told to the volunteer; answers how many. A second cancel is 409.")
            .ProducesValidationProblem();
        a.MapPut("/shifts/{shiftId:guid}/capacity", async (AppDb db, TimeProvider clock, Guid shiftId, ManageSignUps.CapacityRequest r) => (await ManageSignUps.ChangeCapacity(db, clock, shiftId, r)).ToOk())
            .RequirePermission(VolunteersPermissions.OrganizeActivities)
            .WithName("ChangeShiftCapacity").WithSummary("调整班次名额 · Change a shift's places")
            .WithDescription("{capacity} 1–10,000: more places promote the waitlist in order; fewer than the confirmed sign-ups is 409 (remove whom you choose first, with a reason).")
            .ProducesValidationProblem();
        a.MapPost("/sign-ups/{signUpId:guid}/remove", async (AppDb db, TimeProvider clock, Guid signUpId, ManageSignUps.RemoveRequest r) => (await ManageSignUps.Remove(db, clock, signUpId, r)).ToOk())
            .RequirePermission(VolunteersPermissions.OrganizeActivities)
            .WithName("RemoveSignUp").WithSummary("移出报名 · Remove a volunteer from a shift")
            .WithDescription("{reason} 2–200 characters, told to the volunteer; a confirmed place freed goes to the first on the waitlist. One already ended is 409.")
            .ProducesValidationProblem();

        var me = api.MapGroup("/me/volunteer").WithTags("Volunteers");
        me.MapGet("/activities", async (AppDb db, CurrentUser user, TimeProvider clock, string? near, int? page, int? size) => (await VolunteerActivities.Browse(db, user, clock, near, page, size)).ToOk())
            .RequirePermission(VolunteersPermissions.Self)
            .WithName("BrowseVolunteerActivities").WithSummary("附近的志愿活动 · Activities near me")
            .WithDescription("Published activities in my county (my township's first; ?near=township for it alone) with a shift still open for sign-up, soonest first; each shift's places and my own sign-up. "
                + "One open to chosen teams only is listed to their active members, with the teams' names.");
        me.MapGet("/sign-ups", async (AppDb db, CurrentUser user, TimeProvider clock, int? page, int? size) => (await VolunteerActivities.Mine(db, user, clock, page, size)).ToOk())
            .RequirePermission(VolunteersPermissions.Self)
            .WithName("ListMySignUps").WithSummary("我的报名 · My sign-ups")
            .WithDescription("Upcoming first (soonest first), then past; waitlisted ones with their position; the organizer's reason when removed; canCancel until the cut-off.");
        me.MapPost("/shifts/{shiftId:guid}/sign-up", async (AppDb db, CurrentUser user, TimeProvider clock, SignUpLanes lanes, Guid shiftId) =>
                (await SignUpForShift.Handle(db, user, clock, lanes, shiftId)).ToHttp(c => TypedResults.Created($"{Api.Prefix}/me/volunteer/sign-ups", c)))
            .RequirePermission(VolunteersPermissions.Self)
            .WithName("SignUpForShift").WithSummary("报名班次 · Sign up for a shift")
            .WithDescription("Confirmed while places are free, else waitlisted with the position; never more confirmed than the places, however many press at once. "
                + "409: suspended, closed, cancelled, already signed up, overlapping a shift I hold, or open to chosen teams I am not an active member of.");
        me.MapPost("/sign-ups/{signUpId:guid}/cancel", async (AppDb db, CurrentUser user, TimeProvider clock, Guid signUpId) => (await CancelSignUp.Handle(db, user, clock, signUpId)).ToOk())
            .RequirePermission(VolunteersPermissions.Self)
            .WithName("CancelMySignUp").WithSummary("取消报名 · Cancel my sign-up")
            .WithDescription("Before the cut-off; the place goes to the first on the waitlist. Another's sign-up is 404; one already ended or a closed shift 409.");
        me.MapGet("/", async (AppDb db, CurrentUser user, TimeProvider clock) => (await GetVolunteer.Mine(db, user, clock)).ToOk())
            .RequirePermission(VolunteersPermissions.Self)
            .WithName("GetMyVolunteer").WithSummary("我的志愿者信息 · My volunteer registration")
            .WithDescription("The signed-in volunteer's own registration (ID and phones masked); 404 when the account has none.");
        me.MapPut("/", async (AppDb db, CurrentUser user, EditMyVolunteer.Request r) => (await EditMyVolunteer.Handle(db, user, r)).ToOk())
            .RequirePermission(VolunteersPermissions.Self)
            .WithName("EditMyVolunteer").WithSummary("修改我的技能和服务时间 · Edit my skills and availability")
            .WithDescription("{skills, skillNotes, availability, version}: what organizers match activities by. Name, ID, phone and community are the register's. A stale version is 409.")
            .ProducesValidationProblem();
    }

    public static void MapPublic(RouteGroupBuilder publicApi)
    {
        var p = publicApi.MapGroup("/volunteers").WithTags("Public");
        p.MapPost("/join", async (AppDb db, UserManager<User> users, Sealer sealer, TimeProvider clock, JoinLimits limits, HttpContext http, JoinAsVolunteer.Request r) =>
            {
                var result = await JoinAsVolunteer.Handle(db, users, sealer, clock, limits, http.Connection.RemoteIpAddress?.ToString(), r);
                http.Response.SetRetryAfter(result.Failure?.RetryAfter);
                return result.ToHttp(x => TypedResults.Created("", x));
            })
            .WithName("JoinAsVolunteer")
            .WithoutIdempotency("nobody is signed in to key a replay by; a second registration of the ID or the phone is 409")
            .WithSummary("志愿者注册 · Register as a volunteer")
            .WithDescription("No sign-in: the fields of RegisterVolunteer, password (the account's: sign in with the mobile number), consent=true. "
                + "Creates the account with the volunteer role; an ID registered by the community from a paper form with the same phone is linked (linked=true). "
                + "An ID registered otherwise is 409 naming idNumber; a phone that already has an account is 409 naming phone. 429 when the address tried too often.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status429TooManyRequests);
    }
}
