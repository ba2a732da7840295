using Microsoft.AspNetCore.Http.HttpResults;
using Wushe.Data;
using Wushe.Features.Volunteers.Exchange;
using Wushe.Platform.Access;
using Wushe.Platform.Export;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Workforce.Exams;

/// <summary>职业水平考试 under <c>/api/v1/workforce/exams</c>: candidates (list, one, enter, correct, import, template), pass lines, figures.</summary>
public static class ExamsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/workforce/exams").WithTags("Workforce");
        g.MapGet("/candidates", async (AppDb db, [AsParameters] ListExamCandidates.Query q) => TypedResults.Ok(await ListExamCandidates.Handle(db, q)))
            .RequirePermission(ExamsPermissions.View)
            .WithName("ListExamCandidates").WithSummary("考试成绩 · List exam candidates")
            .WithDescription("Candidates of the scope: ?area= (exam area, tree)&year=&level=Assistant|Intermediate|Senior&passed=true|false (of those who sat)&keyword= (a part of the name)&page=&size=; "
                + "newest year first. ID numbers masked. Subjects carry the score (null: not registered or absent) and whether it passed; passed is the level achieved that year (computed), qualifies adds the senior review.");
        g.MapExport<ListExamCandidates.Query>("/candidates/export", (db, clock, q) => ExportExamCandidates.Handle(db, clock, q with { Page = null, Size = null }))
            .RequirePermission(ExamsPermissions.View)
            .WithName("ExportExamCandidates").WithSummary("导出考试成绩 · Export exam results")
            .WithDescription("The candidates as searched (the conditions of ListExamCandidates), one row a candidate and year with each subject's score, review, sat, passed and qualifies; ID numbers masked; audited.");
        g.MapGet("/candidates/{id:guid}", async (AppDb db, Guid id) => (await ListExamCandidates.Get(db, id)).ToOk())
            .RequirePermission(ExamsPermissions.View)
            .WithName("GetExamCandidate").WithSummary("考生成绩详情 · Get an exam candidate")
            .WithDescription("The candidate and the person's sittings of the level in the scope (the two-year roll). Another area's is 404.");
        g.MapPost("/candidates", async (AppDb db, CurrentUser user, Sealer sealer, TimeProvider clock, SaveExamCandidate.Request r) =>
                (await SaveExamCandidate.Handle(db, user, sealer, clock, r)).ToHttp(c => TypedResults.Created($"{Api.Prefix}/workforce/exams/candidates/{c.Id}", c)))
            .RequirePermission(WorkforcePermissions.Exams)
            .WithName("EnterExamCandidate").WithSummary("录入考试成绩 · Enter a candidate's results")
            .WithDescription("{year, level, name, idNumber, areaCode (a county, city or province of the scope), score1?, score2?, score3? (0–100; only the level's subjects), reviewPassed? (senior only)}. "
                + "The person is the register's social worker of the ID (added under the exam area when new). The results are computed with the person's other years of the level. "
                + "The same person, year and level again is 409 naming idNumber: correct the first.")
            .ProducesValidationProblem();
        g.MapPut("/candidates/{id:guid}", async (AppDb db, Guid id, CorrectExamScores.Request r) => (await CorrectExamScores.Handle(db, id, r)).ToOk())
            .RequirePermission(WorkforcePermissions.Exams)
            .WithName("CorrectExamScores").WithSummary("修改考试成绩 · Correct a candidate's scores")
            .WithDescription("{score1?, score2?, score3?, reviewPassed?, areaCode?, version?}: the scores replace the candidate's (null: none); the person's results of the level are computed again. "
                + "Another area's is 404; a stale version 409.")
            .ProducesValidationProblem();
        g.MapGet("/template", async Task<Results<FileContentHttpResult, ProblemHttpResult>> (string? format, CancellationToken ct) =>
                (await ImportExamResults.TemplateAsync(format, ct)).ToHttp(t => TypedResults.File(t.Content, t.ContentType, t.FileName)))
            .RequirePermission(ExamsPermissions.View)
            .ProducesFile([Spreadsheet.XlsxContentType, Spreadsheet.CsvContentType])
            .WithName("GetExamResultsTemplate").WithSummary("下载考试成绩导入模板 · Download the exam results template")
            .WithDescription("?format=xlsx|csv: the headers and one example row (marked 示例 in the first column, never imported).")
            .ProducesValidationProblem();
        // Safe to repeat as it is: the import saves in one transaction, and a repeated file corrects the same sittings to the same scores.
        g.MapPost("/import", async Task<Results<Ok<ImportExamResults.Imported>, ProblemHttpResult>> (HttpRequest request, AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock) =>
                (await ImportExamResults.Handle(db, me, sealer, clock, await FormFileUploads.FileAsync(request, NationalLayout.FileField), request.HttpContext.RequestAborted)).ToOk())
            .RequirePermission(WorkforcePermissions.Exams)
            .AcceptsFiles([new UploadField(NationalLayout.FileField, true, "考试成绩文件（.xlsx 或 UTF-8 .csv，不超过 10 MB、20000 行）· The file (.xlsx or UTF-8 .csv, at most 10 MB and 20,000 rows)")])
            .WithName("ImportExamResults").WithSummary("导入考试成绩 · Import exam results")
            .WithDescription("multipart/form-data, field file: one sitting a row (year, level, name, ID number, exam area code, scores, review). A person is one social worker by ID; a sitting on record in the scope "
                + "is corrected. All or nothing: any bad row saves nothing; errors keyed rows[N].field, N the row as the spreadsheet numbers it (header = 1).")
            .ProducesValidationProblem();
        g.MapGet("/pass-lines", async (AppDb db, CurrentUser user, int? year) => TypedResults.Ok(await ExamPassLines.List(db, user, year)))
            .RequirePermission(ExamsPermissions.View)
            .WithName("ListExamPassLines").WithSummary("考试合格线 · List pass lines")
            .WithDescription("?year=: the designated areas' lines that concern the scope — its own (editable) and those of the areas above it (read-only). A subject without a line passes at 60.");
        g.MapPost("/pass-lines", async (AppDb db, CurrentUser user, TimeProvider clock, ExamPassLines.Request r) => (await ExamPassLines.Save(db, user, clock, r)).ToOk())
            .RequirePermission(WorkforcePermissions.Exams)
            .WithName("SaveExamPassLine").WithSummary("设置考试合格线 · Set a pass line")
            .WithDescription("{year, level, subject (1..the level's count), areaCode (a county, city or province of the scope), mark (1–100, at most the line that applies above the area)}: "
                + "set or changed; the results of the year and level under the area are computed again.")
            .ProducesValidationProblem();
        g.MapDelete("/pass-lines/{id:guid}", async (AppDb db, CurrentUser user, Guid id) => (await ExamPassLines.Remove(db, user, id)).ToHttp(_ => TypedResults.NoContent()))
            .RequirePermission(WorkforcePermissions.Exams)
            .WithName("RemoveExamPassLine").WithSummary("删除考试合格线 · Remove a pass line")
            .WithDescription("The line is removed (the line above, or 60, applies again) and the results recomputed. A line above the scope or unknown is 404.");
        g.MapGet("/figures", async (AppDb db, CurrentUser user, TimeProvider clock, [AsParameters] ExamFigures.Query q) => (await ExamFigures.Handle(db, user, clock, q)).ToOk())
            .RequirePermission(ExamsPermissions.View)
            .WithName("GetExamFigures").WithSummary("考试统计 · Exam figures")
            .WithDescription("?area= (default: the user's)&year= (default: the latest on record)&level=: sat, passed and pass rate (passed ÷ sat, one decimal) of the area and its child areas, by level, "
                + "with the year before and record marks (higher than every earlier year on record), the years for a chart, and the report's sentence.")
            .ProducesValidationProblem();
    }
}
