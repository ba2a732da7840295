using Microsoft.AspNetCore.Http.HttpResults;
using Wushe.Data;
using Wushe.Features.Volunteers.Certificates;
using Wushe.Platform.Access;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Workforce.Trainings;

/// <summary>培训 under <c>/api/v1/workforce/trainings</c>: courses (list, one, create, edit), enrolments, attendance, certificates, figures; and the public verification of a certificate.</summary>
public static class TrainingsApi
{
    /// <summary>The id of what a POST created (a course).</summary>
    public sealed record Created(Guid Id);

    /// <summary>The course's version after an edit.</summary>
    public sealed record Saved(int Version);

    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/workforce/trainings").WithTags("Workforce");
        g.MapGet("/", async (AppDb db, [AsParameters] ListTrainings.Query q) => TypedResults.Ok(await ListTrainings.Handle(db, q)))
            .RequirePermission(WorkforcePermissions.View)
            .WithName("ListTrainings").WithSummary("培训管理 · List trainings")
            .WithDescription("Courses of the scope (organization staff: their organization's): ?area= (host area, tree)&keyword= (title or organizer)&kind=Rotating|Ordered|EastWest|Other&year= (of the first day)&page=&size=; "
                + "newest first, with the people enrolled and attending.");
        g.MapGet("/figures", async (AppDb db, CurrentUser user, TimeProvider clock, [AsParameters] TrainingFigures.Query q) => (await TrainingFigures.Handle(db, user, clock, q)).ToOk())
            .RequirePermission(WorkforcePermissions.Figures)
            .WithName("GetTrainingFigures").WithSummary("培训统计 · Training figures")
            .WithDescription("?area= (default: the user's)&year= (default: this year)&fromMonth=&toMonth= (default: January to this month)&kind=: courses (期), enrolled, trainee-times (人次, attendances) and hours "
                + "of the area and its child areas, by kind and by month, counted by the host area and the first day; with the report's sentence.")
            .ProducesValidationProblem();
        g.MapGet("/{id:guid}", async (AppDb db, Guid id) => (await GetTraining.Handle(db, id)).ToOk())
            .RequirePermission(WorkforcePermissions.View)
            .WithName("GetTraining").WithSummary("培训详情 · Get a training")
            .WithDescription("The course and its enrolments (phones masked) with attendance, whether the hours are credited to continuing education, and the certificate's number. Another area's is 404.");
        g.MapPost("/", async (AppDb db, CurrentUser user, TimeProvider clock, SaveTraining.Request r) =>
                (await SaveTraining.Add(db, user, clock, r)).ToHttp(id => TypedResults.Created($"{Api.Prefix}/workforce/trainings/{id}", new Created(id))))
            .RequirePermission(WorkforcePermissions.Train)
            .WithName("AddTraining").WithSummary("新建培训 · Add a training")
            .WithDescription("{title, kind: Rotating|Ordered|EastWest|Other, organizerKind: Bureau|Centre (organizerName) | Station (stationId) | Organization (organizationId), areaCode (host area of the scope), "
                + "startsOn (at most a year ahead), endsOn (not before the start), hours (in halves, at most 24 a day), place, capacity (1–10000)}. Organization staff run their own organization's courses only.")
            .ProducesValidationProblem();
        g.MapPut("/{id:guid}", async (AppDb db, CurrentUser user, TimeProvider clock, Guid id, SaveTraining.Request r) =>
                (await SaveTraining.Edit(db, user, clock, id, r)).ToHttp(v => TypedResults.Ok(new Saved(v))))
            .RequirePermission(WorkforcePermissions.Train)
            .WithName("EditTraining").WithSummary("修改培训 · Edit a training")
            .WithDescription("The fields of AddTraining and version. The capacity cannot fall below the people enrolled, nor the hours below an attendance recorded; the credits follow the title and last day. A stale version is 409.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/enrolments", async (AppDb db, CurrentUser user, Sealer sealer, TimeProvider clock, Guid id, EnrolInTraining.Request r) =>
                (await EnrolInTraining.Handle(db, user, sealer, clock, id, r)).ToHttp(e => TypedResults.Created($"{Api.Prefix}/workforce/trainings/{id}", e)))
            .RequirePermission(WorkforcePermissions.Train)
            .WithName("EnrolInTraining").WithSummary("培训报名 · Enrol in a training")
            .WithDescription("{socialWorkerId} (a register person of the scope, once per course: 409) or {name, phone?, unit?} (someone not on the register). A full course is 409, also when enrolments race.")
            .ProducesValidationProblem();
        g.MapDelete("/{id:guid}/enrolments/{enrolmentId:guid}", async (AppDb db, Guid id, Guid enrolmentId) => (await RemoveEnrolment.Handle(db, id, enrolmentId)).ToOk())
            .RequirePermission(WorkforcePermissions.Train)
            .WithName("RemoveTrainingEnrolment").WithSummary("移除报名 · Remove an enrolment")
            .WithDescription("Audited; an enrolment whose attendance is recorded is 409 (unmark it first).");
        g.MapPost("/{id:guid}/enrolments/{enrolmentId:guid}/attendance", async (AppDb db, CurrentUser user, TimeProvider clock, Guid id, Guid enrolmentId, RecordAttendance.Request r) =>
                (await RecordAttendance.Handle(db, user, clock, id, enrolmentId, r)).ToOk())
            .RequirePermission(WorkforcePermissions.Train)
            .WithName("RecordTrainingAttendance").WithSummary("记录出勤 · Record attendance")
            .WithDescription("{attended: true|false, hours? (in halves, at most the course's; none: the whole course)}: a register person's continuing education is credited once (source Training, the last day, the title); "
                + "recording again corrects it, attended=false removes it and voids the certificate. A course not begun is 409.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/enrolments/{enrolmentId:guid}/certificate", async (AppDb db, TimeProvider clock, Guid id, Guid enrolmentId) =>
                (await IssueTrainingCertificate.Handle(db, clock, id, enrolmentId)).ToOk())
            .RequirePermission(WorkforcePermissions.Train)
            .WithName("IssueTrainingCertificate").WithSummary("出具培训证明 · Issue an attendance certificate")
            .WithDescription("Gives an attended person's certificate its number once (asking again answers the same); not attended is 409.");
        g.MapGet("/{id:guid}/enrolments/{enrolmentId:guid}/certificate", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (AppDb db, HttpContext http, Guid id, Guid enrolmentId) =>
                (await IssueTrainingCertificate.PdfAsync(db, PublicAddress.Of(http), id, enrolmentId, http.RequestAborted))
                    .ToHttp(f => TypedResults.File(f.Content, TrainingCertificatePdf.ContentType, f.FileName)))
            .RequirePermission(WorkforcePermissions.View)
            .ProducesFile([TrainingCertificatePdf.ContentType])
            .WithName("GetTrainingCertificatePdf").WithSummary("下载培训证明 · Download an attendance certificate (PDF)")
            .WithDescription("The issued certificate in Chinese (A4) with the QR code of its verification page; none issued is 409.");
    }

    public static void MapPublic(RouteGroupBuilder publicApi)
    {
        publicApi.MapGet("/training-certificates/{number}", async (AppDb db, VerifyLimits limits, HttpContext http, string number) =>
            {
                var result = await VerifyTrainingCertificate.Handle(db, limits, http.Connection.RemoteIpAddress?.ToString(), new VerifyTrainingCertificate.Request(number));
                http.Response.SetRetryAfter(result.Failure?.RetryAfter);
                return result.ToOk();
            })
            .WithTags("Public")
            .WithName("VerifyTrainingCertificate").WithSummary("验证培训证明 · Verify a training certificate")
            .WithDescription("No sign-in: the certificate of this number — the name, the course, its organizer and dates, the hours attended, the day of issue. An unknown number is 404; 429 when the address looked up too often.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status429TooManyRequests);
    }
}
