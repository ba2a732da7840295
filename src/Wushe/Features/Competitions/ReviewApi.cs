using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Web;

namespace Wushe.Features.Competitions;

/// <summary>
/// 评审 under <c>/api/v1/competitions/{callId}/…</c> (the host: judges' assignments, defence sessions; host and area staff: the ranking)
/// and <c>/api/v1/me/reviews</c> (a judge: their own assignments, the application to score, the score, the recusal).
/// </summary>
static class ReviewApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/competitions/{callId:guid}").WithTags("Competitions");
        g.MapGet("/assignments", async (AppDb db, TimeProvider clock, Guid callId, [AsParameters] ListAssignments.Query q) => (await ListAssignments.Handle(db, clock, callId, q)).ToOk())
            .RequirePermission(CompetitionsPermissions.Host)
            .WithName("ListCompetitionAssignments").WithSummary("评审分配 · The judges' assignments")
            .WithDescription("The call's panel (each judge with the applications assigned, scored, recused) and its eligible applications with their judges: ?keyword= (number, title, organization)&shortOnly=true (fewer judges than the call asks)&page=&size=. A call out of scope is 404.");
        g.MapPost("/assignments", async (AppDb db, TimeProvider clock, Guid callId, AssignJudges.Request r) => (await AssignJudges.Handle(db, clock, callId, r)).ToOk())
            .RequirePermission(CompetitionsPermissions.Host)
            .WithName("AssignCompetitionJudges").WithSummary("分配评审专家 · Assign judges")
            .WithDescription("{wholePanel: true} (the whole panel to every eligible application) or {judgeIds, applicationIds} (judges of the call's panel × applications that passed 初审). "
                + "After the deadline and before the notice (else 409). A pair already assigned (recused too) stays as it is; racing requests add each pair once. "
                + "The answer counts the pairs added and those already there, and warns of each eligible application with fewer judges (not recused) than the call's judgeCount.")
            .ProducesValidationProblem();
        g.MapDelete("/assignments/{scoreId:guid}", async (AppDb db, TimeProvider clock, Guid callId, Guid scoreId) => (await UnassignJudge.Handle(db, clock, callId, scoreId)).ToOk())
            .RequirePermission(CompetitionsPermissions.Host)
            .WithName("UnassignCompetitionJudge").WithSummary("取消分配 · Unassign a judge")
            .WithDescription("Takes the judge off the application while the review runs; a judge who scored it or declared a conflict stays (409). Answers the application's judges left and the number required.");
        g.MapGet("/ranking", async (AppDb db, CurrentUser user, TimeProvider clock, Guid callId) => (await GetRanking.Handle(db, user, clock, callId)).ToOk())
            .RequirePermission(CompetitionsPermissions.View)
            .WithName("GetCompetitionRanking").WithSummary("评审排名 · The ranking")
            .WithDescription("The call's ranking by its rules (weighted totals out of 100, the mean or the trimmed mean, the co-funding bonus, the tie rule) over the applications that passed 初审: "
                + "each with request and co-funding (fen), judges assigned / recused / scored, each judge's total in the panel's order (named for the host; 评委1 … for other staff), score, bonus, final and rank; "
                + "with the scores still missing. Organization staff: 403; judges hold no permission to it. A call out of scope is 404.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        g.MapGet("/ranking/export", async (AppDb db, CurrentUser user, TimeProvider clock, Guid callId) =>
                (await ExportRanking.Handle(db, user, clock, callId)).ToHttp(f => TypedResults.File(f.Content, Platform.Export.Spreadsheet.XlsxContentType, f.FileName)))
            .RequirePermission(CompetitionsPermissions.View)
            .ProducesFile([Platform.Export.Spreadsheet.XlsxContentType])
            .WithName(nameof(ExportRanking)).WithSummary("导出评审排名 · Export the ranking")
            .WithDescription("The ranking of GetCompetitionRanking as an Excel file (amounts in yuan); audited. Organization staff: 403.")
            .ProducesProblem(StatusCodes.Status403Forbidden);
        g.MapGet("/defence", async (AppDb db, Guid callId, [AsParameters] ListDefences.Query q) => (await ListDefences.Handle(db, callId, q)).ToOk())
            .RequirePermission(CompetitionsPermissions.Host)
            .WithName("ListCompetitionDefences").WithSummary("答辩安排 · The defence schedule")
            .WithDescription("The call's eligible applications with their defence time and place: scheduled ones by time, then the others by number; ?keyword=&page=&size=.");
        g.MapGet("/defence/export", async Task<IResult> (AppDb db, TimeProvider clock, Guid callId, [AsParameters] ListDefences.Query q) =>
                (await ExportDefences.Handle(db, clock, callId, q with { Page = null, Size = null }))
                    .ToHttp(f => TypedResults.File(f.Content, Platform.Export.Spreadsheet.XlsxContentType, f.FileName)))
            .RequirePermission(CompetitionsPermissions.Host)
            .ProducesFile([Platform.Export.Spreadsheet.XlsxContentType])
            .WithName(nameof(ExportDefences)).WithSummary("导出答辩安排 · Export the defence schedule")
            .WithDescription("The schedule of ListCompetitionDefences as searched (?keyword=) as an Excel file: number, title, organization, status, time (China time) and place; audited. "
                + "A call out of scope is 404.");
        g.MapPut("/defence", async (AppDb db, TimeProvider clock, Guid callId, ScheduleDefence.Request r) => (await ScheduleDefence.Handle(db, clock, callId, r)).ToOk())
            .RequirePermission(CompetitionsPermissions.Host)
            .WithName("ScheduleCompetitionDefence").WithSummary("安排答辩 · Schedule a defence")
            .WithDescription("{applicationId, at (ISO 8601: with an offset as given, e.g. 2026-12-10T09:00+08:00; without one, China time; from the deadline, at most a year after it), place (2–100)}; "
                + "neither at nor place clears the slot. Only an eligible application of a published call (else 409). The organization reads its slot as defence in GetCompetitionApplication, "
                + "the judges assigned (not recused) in ListMyReviews and GetMyReview.")
            .ProducesValidationProblem();

        var me = api.MapGroup("/me/reviews").WithTags("Competitions");
        me.MapGet("/", async (AppDb db, CurrentUser user, TimeProvider clock, [AsParameters] ListMyReviews.Query q) => TypedResults.Ok(await ListMyReviews.Handle(db, user, clock, q)))
            .RequirePermission(CompetitionsPermissions.Judge)
            .WithName("ListMyReviews").WithSummary("我的评审任务 · My reviews")
            .WithDescription("The judge's own assignments: ?keyword= (call or application title or number)&state=Pending|Scored|Recused&page=&size=; the calls under review first; each with the judge's own total once scored.");
        me.MapGet("/{scoreId:guid}", async (AppDb db, CurrentUser user, TimeProvider clock, Guid scoreId) => (await GetReview.Handle(db, user, clock, scoreId)).ToOk())
            .RequirePermission(CompetitionsPermissions.Judge)
            .WithName("GetMyReview").WithSummary("评审项目 · The application to score")
            .WithDescription("The application's design (title, organization, focus, summary, activities, period, indicators, budget lines in fen, request, co-funding), its documents, "
                + "the rubric with weights and maxima and the judge's own scores and comment. Another judge's assignment: 404; recused: 404 saying so.");
        me.MapPost("/{scoreId:guid}/score", async (AppDb db, CurrentUser user, TimeProvider clock, Guid scoreId, ScoreApplication.Request r) =>
                (await ScoreApplication.Handle(db, user, clock, scoreId, r)).ToOk())
            .RequirePermission(CompetitionsPermissions.Judge)
            .WithName("ScoreApplication").WithSummary("评分 · Score an application")
            .WithDescription("{scores: [a whole number per criterion in the rubric's order, 0 … its maxScore], comment (10–2000)}: a score out of range names its criterion (scores[i]); "
                + "a wrong count is 400 (scores). From the deadline until the notice (else 409); scoring again corrects it. Recused: 409. Answers the judge's total out of 100.")
            .ProducesValidationProblem();
        me.MapPost("/{scoreId:guid}/recusal", async (AppDb db, CurrentUser user, TimeProvider clock, Guid scoreId, DeclareConflict.Request r) =>
                (await DeclareConflict.Handle(db, user, clock, scoreId, r)).ToOk())
            .RequirePermission(CompetitionsPermissions.Judge)
            .WithName("DeclareConflictOfInterest").WithSummary("声明回避 · Declare a conflict of interest")
            .WithDescription("{reason (2–200)}: the judge never scores this application nor reads it or its scores again; scores given are cleared. Not reversible (a second one is 409); "
                + "only while the call is published.")
            .ProducesValidationProblem();
    }
}
