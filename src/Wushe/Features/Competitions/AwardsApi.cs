using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Wushe.Features.Charity;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Competitions;

/// <summary>公示 and 资助 under <c>/api/v1/competitions</c>: the notice, objections, confirmation, awards with their tranches and ledger, the figures; and the public notice.</summary>
static class AwardsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/competitions").WithTags("Competitions");
        g.MapGet("/{id:guid}/notice", async (AppDb db, TimeProvider clock, Guid id) => (await GetNotice.Handle(db, clock, id)).ToOk())
            .RequirePermission(CompetitionsPermissions.Host)
            .WithName("GetCompetitionNotice").WithSummary("公示管理 · The call's notice")
            .WithDescription("The ranking of the applications that passed screening with each proposal (before the notice: the top ranked whose requests fit in the pool), scores still missing, objections (phones masked), and whether the notice may be posted or the awards confirmed.");
        g.MapPost("/{id:guid}/notice", async (AppDb db, CurrentUser user, TimeProvider clock, Guid id, PostNotice.Request r) => (await PostNotice.Handle(db, user, clock, id, r)).ToOk())
            .RequirePermission(CompetitionsPermissions.Host)
            .WithName("PostCompetitionNotice").WithSummary("发布入围公示 · Post the shortlist")
            .WithDescription("{shortlist: [{applicationId, amountYuan}]}: applications that passed screening, each amount ≤ its request and the cap, the sum ≤ the pool. "
                + "A call not past its deadline, or with assignments neither scored nor recused, is 409 (naming how many).")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/objections/{objectionId:guid}/answer", async (AppDb db, CurrentUser user, TimeProvider clock, Guid id, Guid objectionId, AnswerObjection.Request r) =>
                (await AnswerObjection.Handle(db, user, clock, id, objectionId, r)).ToOk())
            .RequirePermission(CompetitionsPermissions.Host)
            .WithName("AnswerCompetitionObjection").WithSummary("答复异议 · Answer an objection")
            .WithDescription("{answer, upheld}: once; an upheld objection about an application takes it off the shortlist (not awarded).")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/objections/{objectionId:guid}/contact/reveal", async (AppDb db, CurrentUser user, Sealer sealer, TimeProvider clock, Guid id, Guid objectionId,
                RevealObjectionContact.Request r) => (await RevealObjectionContact.Handle(db, user, sealer, clock, id, objectionId, r)).ToOk())
            .RequirePermission(CompetitionsPermissions.Host)
            .WithName("RevealCompetitionObjectionContact").WithSummary("查看异议人电话 · Reveal an objector's phone")
            .WithDescription("{reason (2–200)}: {phone}, the objector's mobile number in full, to call them back; the host only; audited with the reason, refusals too. "
                + "An objection not of this call or a call out of scope is 404.")
            .WithoutIdempotency("the answer is a sensitive value in full, never stored; and every reveal is audited anew")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/awards", async (AppDb db, CurrentUser user, TimeProvider clock, IOptions<CharityOptions> options, Guid id, [FromBody] ConfirmAwards.Request? r) =>
                (await ConfirmAwards.Handle(db, user, clock, options, id, r)).ToOk())
            .RequirePermission(CompetitionsPermissions.Host)
            .WithName("ConfirmCompetitionAwards").WithSummary("确定资助 · Confirm the awards")
            .WithDescription("After the notice period, every objection answered: each shortlisted application is awarded (project created, approved; agreement numbered) within the pool, under the call's lock; "
                + "then the others are not awarded and the call is decided. Racing confirmations never pass the pool nor award twice. "
                + "A call paid by a community fund needs the body {decisionNo (1–50), decidedOn (China date, not in the future nor before the call's publication; the fund's committee able to decide on it)} — "
                + "400 naming the field without it, 409 when the committee could not decide — and reserves each award on the fund (an approved disbursement request of the project); "
                + "an award the fund's available balance does not cover is refused (listed in refused) and stays on the shortlist. Other calls need no body.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/awards/{applicationId:guid}", async (AppDb db, CurrentUser user, TimeProvider clock, IOptions<CharityOptions> options, Guid id, Guid applicationId,
                [FromBody] ConfirmAwards.Request? r) => (await ConfirmAwards.One(db, user, clock, options, id, applicationId, r)).ToOk())
            .RequirePermission(CompetitionsPermissions.Host)
            .WithName("ConfirmCompetitionAward").WithSummary("确定单个资助 · Confirm one award")
            .WithDescription("The same path for one shortlisted application (a community fund's call: the same decision body); past the pool or the fund's available balance, or already awarded, is 409.")
            .ProducesValidationProblem();
        g.MapGet("/{id:guid}/figures", async (AppDb db, Guid id) => (await CompetitionFigures.Handle(db, id)).ToOk())
            .RequirePermission(CompetitionsPermissions.Figures)
            .WithName("GetCompetitionFigures").WithSummary("公益创投统计 · A call's figures")
            .WithDescription("Applications, eligible, awarded, money awarded, released and clawed back — in all, by focus and by organization kind — and each awarded project's outcome paragraph. "
                + "The host's tool: staff whose scope covers the call's area (another area's call is 404); organization staff and experts are 403.");

        var a = g.MapGroup("/awards");
        a.MapGet("/", async (AppDb db, [AsParameters] ListAwards.Query q) => TypedResults.Ok(await ListAwards.Handle(db, q)))
            .RequirePermission(CompetitionsPermissions.View)
            .WithName("ListCompetitionAwards").WithSummary("资助项目 · List awards")
            .WithDescription("The awards of the scope (organization staff: their own): ?callId=&keyword= (agreement, project, organization)&status=Active|Stopped|Closed&sort=amount&page=&size=.");
        a.MapGet("/export", async (AppDb db, TimeProvider clock, [AsParameters] ListAwards.Query q) =>
            {
                var (content, name) = await ExportAwards.Handle(db, clock, q with { Page = null, Size = null });
                return TypedResults.File(content, Platform.Export.Spreadsheet.XlsxContentType, name);
            })
            .RequirePermission(CompetitionsPermissions.View)
            .ProducesFile([Platform.Export.Spreadsheet.XlsxContentType])
            .WithName(nameof(ExportAwards)).WithSummary("导出资助项目 · Export awards")
            .WithDescription("The award list as searched (the conditions of the list: callId, keyword, status, sort), as an Excel file; amounts in yuan, dates in China time; audited.");
        a.MapGet("/{awardId:guid}", async (AppDb db, TimeProvider clock, Guid awardId) => (await GetAward.Handle(db, clock, awardId)).ToOk())
            .RequirePermission(CompetitionsPermissions.View)
            .WithName("GetCompetitionAward").WithSummary("资助详情 · Get an award")
            .WithDescription("The agreement, the plan with each tranche's state (released, releasable, waiting or stopped, and why), the evaluations and the ledger; "
                + "for a call paid by a community fund, the fund and its disbursement request (paid and reserved, fen).");
        a.MapPost("/{awardId:guid}/agreement", async (AppDb db, TimeProvider clock, Guid awardId, SignAgreement.Request r) => (await SignAgreement.Handle(db, clock, awardId, r)).ToOk())
            .RequirePermission(CompetitionsPermissions.Host)
            .WithName("SignCompetitionAgreement").WithSummary("签订资助协议 · Sign the agreement")
            .WithDescription("{signedOn} (China date, between the confirmation and today), once; the mid-term evaluation is due the call's months later.")
            .ProducesValidationProblem();
        a.MapPost("/{awardId:guid}/releases", async (AppDb db, CurrentUser user, TimeProvider clock, Guid awardId, ReleaseTranche.Request r) =>
                (await ReleaseTranche.Handle(db, user, clock, awardId, r)).ToOk())
            .RequirePermission(CompetitionsPermissions.Host)
            .WithName("ReleaseCompetitionTranche").WithSummary("拨付资金 · Release a tranche")
            .WithDescription("{tranche (its number: 1 = the first), note?}: as the gates allow (signed; mid-term passed on time; final passed), each once. Waiting or stopped is 409 (a stop is recorded on the award). "
                + "A call paid by a community fund: the fund pays the tranche from the award's reservation (a payment on its ledger); a fund not active is 409 and nothing is released.")
            .ProducesValidationProblem();
        a.MapPost("/{awardId:guid}/stop", async (AppDb db, TimeProvider clock, Guid awardId, StopAward.Request r) => (await StopAward.Handle(db, clock, awardId, r)).ToOk())
            .RequirePermission(CompetitionsPermissions.Host)
            .WithName("StopCompetitionAward").WithSummary("停止拨付 · Stop the funding")
            .WithDescription("{reason}: an active award releases nothing more; a community fund's call releases the rest of the award's reservation on the fund.")
            .ProducesValidationProblem();
        a.MapPost("/{awardId:guid}/claw-backs", async (AppDb db, CurrentUser user, TimeProvider clock, Guid awardId, ClawBack.Request r) =>
                (await ClawBack.Handle(db, user, clock, awardId, r)).ToOk())
            .RequirePermission(CompetitionsPermissions.Host)
            .WithName("ClawBackCompetitionAward").WithSummary("追回资金 · Claw money back")
            .WithDescription("{amountYuan, note}: on a stopped award, at most what was released and not clawed back; a community fund's call: the money returns to the fund (a refund on its ledger).")
            .ProducesValidationProblem();
        a.MapPost("/{awardId:guid}/close", async (AppDb db, CurrentUser user, TimeProvider clock, Guid awardId, CloseAward.Request r) => (await CloseAward.Handle(db, user, clock, awardId, r)).ToOk())
            .RequirePermission(CompetitionsPermissions.Host)
            .WithName("CloseCompetitionAward").WithSummary("结项 · Close an award")
            .WithDescription("{note?}: the final evaluation passed and every tranche released; the project completes by the projects' own rule.")
            .ProducesValidationProblem();
    }

    public static void MapPublic(RouteGroupBuilder publicApi)
    {
        var p = publicApi.MapGroup("/competitions").WithTags("Public");
        p.MapGet("/{id:guid}/notice", async (AppDb db, TimeProvider clock, Guid id) => (await PublicNotice.Handle(db, clock, id)).ToOk())
            .WithName("GetPublicCompetitionNotice").WithSummary("入围公示 · The public notice")
            .WithDescription("No sign-in: the call, the notice period, the ranked shortlist (organizations by their registered names, no personal data) and the answered objections. Not posted is 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        p.MapPost("/{id:guid}/objections", async (AppDb db, Sealer sealer, TimeProvider clock, ObjectionLimits limits, HttpContext http, Guid id, LodgeObjection.Request r) =>
            {
                var result = await LodgeObjection.Handle(db, sealer, clock, limits, http.Connection.RemoteIpAddress?.ToString(), id, r);
                http.Response.SetRetryAfter(result.Failure?.RetryAfter);
                return result.ToHttp(x => TypedResults.Created("", x));
            })
            .WithName("LodgeCompetitionObjection")
            .WithoutIdempotency("nobody is signed in to key a replay by; each objection is its own record, limited per address")
            .WithSummary("提出异议 · Lodge an objection")
            .WithDescription("No sign-in, during the notice period: {applicationId? (a shortlisted one; none: the whole list), content (10–1000), contactName, contactPhone (mobile)}. "
                + "Answers a reference number. After the period 409; 429 when the address lodged too often.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status429TooManyRequests);
    }
}
