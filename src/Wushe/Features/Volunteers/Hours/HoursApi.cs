using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Web;

namespace Wushe.Features.Volunteers.Hours;

/// <summary>Check-in and hour records (志愿服务记录) under <c>/api/v1</c>: the organizer's and the volunteer's.</summary>
public static class HoursApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var a = api.MapGroup("/volunteer-activities").WithTags("Volunteers");
        a.MapGet("/shifts/{shiftId:guid}/check-in", async (AppDb db, CheckInCodes codes, TimeProvider clock, Guid shiftId) => (await ShiftCheckIn.Handle(db, codes, clock, shiftId)).ToOk())
            .RequirePermission(VolunteersPermissions.OrganizeActivities)
            .WithName("GetShiftCheckInCode").WithSummary("班次签到码 · A shift's check-in code")
            .WithDescription("The QR token and six digits of this minute (valid this minute and the next), the address the QR code opens, when it changes, and the attendance so far.");
        a.MapPost("/sign-ups/{signUpId:guid}/attendance", async (AppDb db, CurrentUser user, TimeProvider clock, Guid signUpId, ConfirmAttendance.Request r) =>
                (await ConfirmAttendance.Handle(db, user, clock, signUpId, r)).ToOk())
            .RequirePermission(VolunteersPermissions.OrganizeActivities)
            .WithName("ConfirmAttendance").WithSummary("人工确认出勤 · Confirm attendance by hand")
            .WithDescription("{checkedInAt, checkedOutAt, reason}: recorded as confirmed by hand; the hours by the region's rules (inside the shift, minimum share, rounding, daily cap). "
                + "409: shift not started, sign-up not confirmed, or a record exists (correct it).")
            .ProducesValidationProblem();

        var h = api.MapGroup("/volunteer-hours").WithTags("Volunteers");
        h.MapGet("/", async (AppDb db, [AsParameters] ListHourRecords.Query q) => TypedResults.Ok(await ListHourRecords.Handle(db, q)))
            .RequirePermission(VolunteersPermissions.ViewActivities)
            .WithName("ListHourRecords").WithSummary("志愿服务记录 · List hour records")
            .WithDescription("Records of the scope: ?area=&keyword= (volunteer name or number)&status=Pending|Disputed|Final&kind=&activityId=&from=&to= (China dates)&sort=final&page=&size=; "
                + "with totals (records, minutes, disputed, posted). Minutes are whole minutes.");
        h.MapGet("/export", async (AppDb db, TimeProvider clock, [AsParameters] ListHourRecords.Query q) =>
            {
                var (content, name) = await ExportHourRecords.Handle(db, clock, q with { Page = null, Size = null });
                return TypedResults.File(content, Platform.Export.Spreadsheet.XlsxContentType, name);
            })
            .RequirePermission(VolunteersPermissions.ViewActivities)
            .ProducesFile([Platform.Export.Spreadsheet.XlsxContentType])
            .WithName("ExportHourRecords").WithSummary("导出志愿服务记录 · Export hour records")
            .WithDescription("The hour records as filtered (the conditions of ListHourRecords, at most 10,000 rows), as an Excel file; audited.");
        h.MapGet("/{id:guid}", async (AppDb db, Guid id) => (await ListHourRecords.Get(db, id)).ToOk())
            .RequirePermission(VolunteersPermissions.ViewActivities)
            .WithName("GetHourRecord").WithSummary("志愿服务记录详情 · Get an hour record")
            .WithDescription("The record, its evidence, dispute and answer, its corrections and what it counts with them. Another area's is 404.");
        h.MapGet("/credit/{volunteerId:guid}", async (AppDb db, Guid volunteerId) => (await CreditRecord.ForVolunteer(db, volunteerId)).ToOk())
            .RequirePermission(VolunteersPermissions.View)
            .WithName("GetVolunteerCreditRecord").WithSummary("志愿服务信用记录 · A volunteer's credit record")
            .WithDescription("Per year (China dates) final minutes, records, activities, honour minutes, points in and out, stars at the year's end; milestones "
                + "(registration, first service, each star reached). A volunteer outside the scope is 404.");
        h.MapPost("/honour", async (AppDb db, CurrentUser user, TimeProvider clock, AddHonourHours.Request r) =>
                (await AddHonourHours.Handle(db, user, clock, r)).ToHttp(c => TypedResults.Created($"{Api.Prefix}/volunteer-hours/{c.Id}", c)))
            .RequirePermission(VolunteersPermissions.Organize)
            .WithName("AddHonourHours").WithSummary("补录荣誉时 · Back-fill hours")
            .WithDescription("{volunteerNo, activityId | areaCode, serviceDate, startTime, hours (a multiple of the region's unit, within the daily cap), content, organizerName, reason, evidence}: "
                + "marked as back-filled and posted like any record.")
            .ProducesValidationProblem();
        h.MapPost("/{id:guid}/correct", async (AppDb db, CurrentUser user, TimeProvider clock, Guid id, CorrectHourRecord.Request r) =>
                (await CorrectHourRecord.Handle(db, user, clock, id, r)).ToOk())
            .RequirePermission(VolunteersPermissions.OrganizeActivities)
            .WithName("CorrectHourRecord").WithSummary("更正志愿服务记录 · Correct an hour record")
            .WithDescription("{hours, reason}: what the record should count; a correction record of the difference is posted (the record itself never changes). 409 for a correction or a disputed record.")
            .ProducesValidationProblem();
        h.MapPost("/{id:guid}/answer", async (AppDb db, CurrentUser user, TimeProvider clock, Guid id, AnswerDispute.Request r) =>
                (await AnswerDispute.Handle(db, user, clock, id, r)).ToOk())
            .RequirePermission(VolunteersPermissions.OrganizeActivities)
            .WithName("AnswerHourDispute").WithSummary("核实异议 · Answer a dispute")
            .WithDescription("{answer, correctedHours?}: the volunteer reads the answer; corrected hours post a correction record. The record becomes final on its date. 409 when not disputed.")
            .ProducesValidationProblem();

        var me = api.MapGroup("/me/volunteer").WithTags("Volunteers");
        me.MapPost("/attendance", async (AppDb db, CurrentUser user, CheckInCodes codes, CheckInLimits limits, TimeProvider clock, ScanAttendance.Request r) =>
                (await ScanAttendance.Handle(db, user, codes, limits, clock, r)).ToOk())
            .RequirePermission(VolunteersPermissions.Self)
            .WithName("ScanCheckInCode").WithSummary("扫码签到签退 · Check in or out")
            .WithDescription("{code (the scanned token or six digits), latitude, longitude}: the first scan of a confirmed shift checks in, the second (a newer code) checks out and posts the hours. "
                + "400: a wrong, forged or expired code, or a position outside the fence; 409: no shift open, or done; 429: too many attempts.")
            .ProducesValidationProblem();
        me.MapGet("/hours", async (AppDb db, CurrentUser user, TimeProvider clock, int? page, int? size) => (await MyHours.Handle(db, user, clock, page, size)).ToOk())
            .RequirePermission(VolunteersPermissions.Self)
            .WithName("ListMyHours").WithSummary("我的服务时长 · My hours")
            .WithDescription("Final and posted minutes, stars with the way to the next (my region's thresholds), and my records newest first with canDispute.");
        me.MapGet("/credit", async (AppDb db, CurrentUser user) => (await CreditRecord.Mine(db, user)).ToOk())
            .RequirePermission(VolunteersPermissions.Self)
            .WithName("GetMyCreditRecord").WithSummary("我的信用记录 · My credit record")
            .WithDescription("As GetVolunteerCreditRecord, for the signed-in volunteer; 404 without a registration.");
        me.MapPost("/hours/{id:guid}/dispute", async (AppDb db, CurrentUser user, TimeProvider clock, Guid id, DisputeHourRecord.Request r) =>
                (await DisputeHourRecord.Handle(db, user, clock, id, r)).ToOk())
            .RequirePermission(VolunteersPermissions.Self)
            .WithName("DisputeHourRecord").WithSummary("对服务记录提出异议 · Dispute an hour record")
            .WithDescription("{reason}: while posted; the record waits for the organizer's answer. Another's is 404; final or past the posting period 409.")
            .ProducesValidationProblem();
    }
}
