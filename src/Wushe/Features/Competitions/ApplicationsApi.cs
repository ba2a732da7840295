using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Competitions;

/// <summary>
/// 申报 and 初审 under <c>/api/v1/competitions</c>: a call's applications (the host's list and export; an organization's new application),
/// and one application by its id (details, edit, documents, submission with its receipt, withdrawal, screening); the organization's own
/// applications and the calls it may apply to.
/// </summary>
static class ApplicationsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var c = api.MapGroup("/competitions/{callId:guid}/applications").WithTags("Competitions");
        c.MapGet("/", async (AppDb db, CurrentUser me, Guid callId, [AsParameters] ListApplications.Query q) => (await ListApplications.Handle(db, me, callId, q)).ToOk())
            .RequirePermission(CompetitionsPermissions.View)
            .WithName("ListCompetitionApplications").WithSummary("申报列表 · List a call's applications")
            .WithDescription("The host's list of a call of its scope (drafts aside): ?keyword= (number, title or organization)&status=Submitted|Returned|Eligible|Ineligible|…&focus=&sort=number|submitted|requested|title&page=&size=; "
                + "with counts by status. A call out of scope, or an organization's staff asking, is 404.");
        c.MapGet("/export", async Task<IResult> (AppDb db, CurrentUser me, TimeProvider clock, Guid callId, [AsParameters] ListApplications.Query q) =>
                (await ExportApplications.Handle(db, me, clock, callId, q with { Page = null, Size = null }))
                    .ToHttp(f => TypedResults.File(f.Content, Platform.Export.Spreadsheet.XlsxContentType, f.FileName)))
            .RequirePermission(CompetitionsPermissions.View)
            .ProducesFile([Platform.Export.Spreadsheet.XlsxContentType])
            .WithName(nameof(ExportApplications)).WithSummary("导出申报列表 · Export a call's applications")
            .WithDescription("The list's search (keyword, status, focus, sort) as an Excel file (amounts in yuan); audited.");
        c.MapPost("/", async (AppDb db, CurrentUser me, TimeProvider clock, Guid callId, SaveApplication.Request r) =>
                (await SaveApplication.Handle(db, me, clock, callId, null, r)).ToHttp(s => TypedResults.Created($"{Api.Prefix}/competitions/applications/{s.Id}", s)))
            .RequirePermission(CompetitionsPermissions.Apply)
            .WithName("AddCompetitionApplication").WithSummary("填写申报书 · Draft an application")
            .WithDescription("An organization's staff for their organization, while the call accepts: {areaCode (a county, township or community under the host area that the organization serves), title, focus (one of the call's), focusNote, "
                + "targetGroups, summary, plannedActivities, startOn, endOn, budgetYuan (= Σ funding), funding: [{source, amountYuan, note}] (source CompetitionAward: the request, ≤ the cap; the rest: co-funding — "
                + "a call requiring it: at least its share), indicators: [{name, measure, kinds, target, unit}]} (the projects form's rules). One application per organization and call: 409; after the deadline: 409.")
            .ProducesValidationProblem();

        var g = api.MapGroup("/competitions/applications").WithTags("Competitions");
        g.MapGet("/mine", async (AppDb db, CurrentUser me, TimeProvider clock, [AsParameters] MyApplications.Query q) => TypedResults.Ok(await MyApplications.Handle(db, me, clock, q)))
            .RequirePermission(CompetitionsPermissions.Apply)
            .WithName("ListMyCompetitionApplications").WithSummary("本机构的申报 · My organization's applications")
            .WithDescription("An organization's staff: their organization's applications across calls, drafts included: ?keyword=&status=&page=&size=; newest first, with whether each may still change.");
        g.MapGet("/mine/export", async (AppDb db, CurrentUser me, TimeProvider clock, [AsParameters] MyApplications.Query q) =>
            {
                var (content, name) = await ExportMyApplications.Handle(db, me, clock, q with { Page = null, Size = null });
                return TypedResults.File(content, Platform.Export.Spreadsheet.XlsxContentType, name);
            })
            .RequirePermission(CompetitionsPermissions.Apply)
            .ProducesFile([Platform.Export.Spreadsheet.XlsxContentType])
            .WithName(nameof(ExportMyApplications)).WithSummary("导出本机构的申报 · Export my organization's applications")
            .WithDescription("The list of ListMyCompetitionApplications as searched (keyword, status) as an Excel file: number, title, call, deadline, amount requested (yuan), status, "
                + "submission and correction deadline (China time); audited.");
        g.MapGet("/{id:guid}", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id) => (await GetApplication.Handle(db, me, clock, id)).ToOk())
            .RequirePermission(CompetitionsPermissions.View)
            .WithName("GetCompetitionApplication").WithSummary("申报详情 · Get an application")
            .WithDescription("The design, budget lines, indicators, documents (and those missing), the automatic checks (each its rule, passed, and name and detail in the "
                + "reader's language, Accept-Language), the screening history, the receipt, and what the reader may do. "
                + "The organization reads its own; the host in scope (not drafts); anything else is 404.");
        g.MapGet("/{id:guid}/receipt", async (AppDb db, CurrentUser me, Guid id) => (await GetApplicationReceipt.Handle(db, me, id)).ToOk())
            .RequirePermission(CompetitionsPermissions.View)
            .WithName("GetCompetitionApplicationReceipt").WithSummary("申报回执 · Get an application's receipt")
            .WithDescription("The receipt's number, the call, the organization, the title, the amount requested and the time of submission (China time). Not submitted: 409.");
        g.MapPut("/{id:guid}", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id, SaveApplication.Request r) => (await SaveApplication.Edit(db, me, clock, id, r)).ToOk())
            .RequirePermission(CompetitionsPermissions.Apply)
            .WithName("EditCompetitionApplication").WithSummary("修改申报书 · Edit an application")
            .WithDescription("The fields of AddCompetitionApplication and version: a draft while the call accepts, a returned one within its 补正期限; otherwise 409 in words (submitted, after the deadline). A stale version is 409.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/documents", async (AppDb db, CurrentUser me, TimeProvider clock, HttpRequest http, Guid id, [FromForm] AddApplicationDocument.Request r, IFormFile? file) =>
                (Misnamed(http) is { } misnamed ? misnamed : await AddApplicationDocument.Handle(db, me, clock, id, r, file))
                .ToHttp(d => TypedResults.Created($"{Api.Prefix}/files/{d.FileId}", d)))
            .RequirePermission(CompetitionsPermissions.Apply)
            .DisableAntiforgery()
            .WithName("AddCompetitionApplicationDocument").WithSummary("上传申报材料 · Add a document")
            .WithDescription($"Multipart form: name (one of the call's required documents, or 其他材料), file (jpg/png/pdf ≤ 5 MB, checked by content); at most {ApplicationRules.MaxDocuments} files; while the application may change (409 in words otherwise). "
                + "Answers the document and its file's id (/api/v1/files/{{id}}).")
            .ProducesValidationProblem();
        g.MapDelete("/{id:guid}/documents/{documentId:guid}", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id, Guid documentId) =>
                (await RemoveApplicationDocument.Handle(db, me, clock, id, documentId)).ToOk())
            .RequirePermission(CompetitionsPermissions.Apply)
            .WithName("RemoveCompetitionApplicationDocument").WithSummary("删除申报材料 · Remove a document")
            .WithDescription("The document and its file, while the application may change (409 in words otherwise).");
        g.MapPost("/{id:guid}/submit", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id, SubmitApplication.Request r) => (await SubmitApplication.Handle(db, me, clock, id, r)).ToOk())
            .RequirePermission(CompetitionsPermissions.Apply)
            .WithName("SubmitCompetitionApplication").WithSummary("提交申报 · Submit an application")
            .WithDescription("{version?}: before the deadline (a returned one within its 补正期限). Every required document present (400 naming the missing ones); the automatic eligibility checks recorded, "
                + "a failing one 409 naming each; the first submission numbers it (the call's number + 3 digits). Answers the receipt.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/withdraw", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id, WithdrawApplication.Request r) => (await WithdrawApplication.Handle(db, me, clock, id, r)).ToOk())
            .RequirePermission(CompetitionsPermissions.Apply)
            .WithName("WithdrawCompetitionApplication").WithSummary("撤回申报 · Withdraw an application")
            .WithDescription("{version?}: before the deadline (a returned one within its 补正期限); the organization may then apply again. After it, or once screened out or decided: 409.");
        g.MapPost("/{id:guid}/screen", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id, ScreenApplication.Request r) => (await ScreenApplication.Handle(db, me, clock, id, r)).ToOk())
            .RequirePermission(CompetitionsPermissions.Host)
            .WithName("ScreenCompetitionApplication").WithSummary("初审 · Screen an application")
            .WithDescription("{outcome: Eligible|Ineligible|Returned, note (the reason: required to fail or return), version?}: a submitted application of a call in scope, before or after the deadline. "
                + "Returned: once only (a second return is 409), the organization corrects and submits again within 5 days.")
            .ProducesValidationProblem();
    }

    /// <summary>A document sent under another field than <c>file</c>, or several at once: named, never dropped.</summary>
    static Failure? Misnamed(HttpRequest request)
    {
        if (!request.HasFormContentType) return null;
        var files = request.Form.Files;
        if (files.Any(f => f.Name != "file")) return Failure.Invalid("file", Lang.T("文件请以表单字段 file 上传", "Send the file as the form field file"));
        return files.Count > 1 ? Failure.Invalid("file", Lang.T("一次上传一个文件", "One file at a time")) : null;
    }
}
