using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;
using Wushe.Features.Charity;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Competitions;

/// <summary>
/// 申报通知 under <c>/api/v1/competitions</c>: the calls (list, export, one, create, edit, publish, withdraw), their judge panels and the
/// experts to choose from, the calls open to an organization; and the public notices under <c>/api/v1/public/competitions</c>.
/// </summary>
static class CallsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/competitions").WithTags("Competitions");
        g.MapGet("/", async (AppDb db, CurrentUser me, TimeProvider clock, [AsParameters] ListCompetitions.Query q) => TypedResults.Ok(await ListCompetitions.Handle(db, me, clock, q)))
            .RequirePermission(CompetitionsPermissions.View)
            .WithName("ListCompetitions").WithSummary("公益创投 · List calls")
            .WithDescription("Calls of the scope: ?area= (host area, tree)&keyword= (title, number or host)&status=Draft|Published|Notice|Decided|Withdrawn"
                + "&phase=Open (taking applications now)|Screening (holding applications awaiting 初审)&sort=created|closes|pool&page=&size=; "
                + "each with its phase now, its submitted applications, those awaiting 初审 (awaitingScreening) and judges. Organization staff read calls through /competitions/open and the public notices: none here.");
        g.MapGet("/export", async (AppDb db, CurrentUser me, TimeProvider clock, [AsParameters] ListCompetitions.Query q) =>
            {
                var (content, name) = await ExportCompetitions.Handle(db, me, clock, q with { Page = null, Size = null });
                return TypedResults.File(content, Platform.Export.Spreadsheet.XlsxContentType, name);
            })
            .RequirePermission(CompetitionsPermissions.View)
            .ProducesFile([Platform.Export.Spreadsheet.XlsxContentType])
            .WithName("ExportCompetitions").WithSummary("导出公益创投 · Export calls")
            .WithDescription("The call list as searched (the conditions of ListCompetitions, at most 10,000 rows), as an Excel file; amounts in yuan, times in China time; audited.");
        g.MapGet("/open", async (AppDb db, CurrentUser me, TimeProvider clock) => TypedResults.Ok(await MyCompetitions.Handle(db, me, clock)))
            .RequirePermission(CompetitionsPermissions.Apply)
            .WithName(nameof(MyCompetitions)).WithSummary("可申报的公益创投 · Calls my organization may apply to")
            .WithDescription("For organization staff: published calls accepting now whose host area the organization serves (covering its own area or one of its service areas, or inside one), "
                + "the deadline first, each with the organization's application to it (id, number, status) if any.");
        g.MapGet("/experts", async (AppDb db, Sealer sealer, [AsParameters] ListExperts.Query q) => TypedResults.Ok(await ListExperts.Handle(db, sealer, q)))
            .RequirePermission(CompetitionsPermissions.Host)
            .WithName("ListExperts").WithSummary("选择评审专家 · Find experts")
            .WithDescription("?keyword= (name or user name; an 11-digit mobile finds its account exactly): enabled accounts holding the 评审专家 role, from anywhere, at most 20, by name; the name and the masked mobile only.");
        g.MapGet("/{id:guid}", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id) => (await GetCompetition.Handle(db, me, clock, id)).ToOk())
            .RequirePermission(CompetitionsPermissions.View)
            .WithName("GetCompetition").WithSummary("公益创投详情 · Get a call")
            .WithDescription("The call with every rule (amounts in fen, times as instants) and the rules in words, the community fund paying it (fund: id, name, number, available fen; null: the host's budget), its phase now, its applications counted by status, its judge panel, and what may be done now. Another area's is 404.");
        g.MapPost("/", async (AppDb db, CurrentUser me, TimeProvider clock, SaveCompetition.Request r) =>
                (await SaveCompetition.Handle(db, me, clock, null, r)).ToHttp(x => TypedResults.Created($"{Api.Prefix}/competitions/{x.Id}", x)))
            .RequirePermission(CompetitionsPermissions.Host)
            .WithName("CreateCompetition").WithSummary("新建申报通知 · Draft a call")
            .WithDescription("A draft: areaCode (a city, county or township of the scope), title (2–100), hostName (2–100), description (≤ 4000), focuses[] (≥ 1), eligibleKinds[] (empty: any), "
                + "minRegisteredMonths (0–120), mustServeArea, noUnfinishedAward, otherConditions, poolYuan (> 0, ≤ 100 million), capYuan (≤ poolYuan), coFunding None|Required (coFundingMinPercent 1–100)|Rewarded "
                + "(bonusMaxPoints 1–10, bonusFullPercent 1–200), rubric[] (2–10 of {name 2–20 unique, weight 1–100, maxScore 1–100}; weights add up to 100), judgeCount (3–15), aggregation Mean|TrimmedMean, "
                + "tieBreak CriteriaInOrder|LowerRequest|EarlierSubmission, opensAt < closesAt ≤ opensAt + 1 year (ISO 8601 with offset, e.g. 2026-05-01T09:00:00+08:00), noticeDays (5–30), "
                + "fundId? (a micro-venture call's community fund: an active fund of the scope within the host area; none: the host's budget), "
                + "requiredDocuments[] (≤ 10, names 2–30 unique), tranches[] (1–5 of {percent, gate Signing|MidTermPassed|FinalPassed}; add up to 100, gates in that order), midTermMonths (1–36 with a mid-term tranche). "
                + "Answers its number: CT + the host area's first 9 digits + the year + 2 digits.")
            .ProducesValidationProblem();
        g.MapPut("/{id:guid}", async (AppDb db, CurrentUser me, TimeProvider clock, Guid id, SaveCompetition.Request r) =>
                (await SaveCompetition.Handle(db, me, clock, id, r)).ToOk())
            .RequirePermission(CompetitionsPermissions.Host)
            .WithName("EditCompetition").WithSummary("修改申报通知 · Edit a draft call")
            .WithDescription("The fields of CreateCompetition and version; the host area stays. Only a draft (409 otherwise); a stale version is 409.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/publish", async (AppDb db, TimeProvider clock, IOptions<CharityOptions> options, Guid id) => (await PublishCompetition.Handle(db, clock, options, id)).ToOk())
            .RequirePermission(CompetitionsPermissions.Host)
            .WithName("PublishCompetition").WithSummary("发布申报通知 · Publish a call")
            .WithDescription("A draft becomes Published: on the public pages, taking applications from opensAt to closesAt. A deadline passed, or not a draft: 409. "
                + "A call paid by a community fund: the fund active, its committee able to decide, and the pool within the fund's available balance (balance less reservations), else 409 naming both amounts.");
        g.MapPost("/{id:guid}/withdraw", async (AppDb db, TimeProvider clock, Guid id, WithdrawCompetition.Request r) => (await WithdrawCompetition.Handle(db, clock, id, r)).ToOk())
            .RequirePermission(CompetitionsPermissions.Host)
            .WithName("WithdrawCompetition").WithSummary("撤回申报通知 · Withdraw a call")
            .WithDescription("{reason (2–500)}: a draft, or a published call before its deadline, is withdrawn (off the public pages). After the deadline, on notice or decided: 409.")
            .ProducesValidationProblem();
        g.MapPost("/{id:guid}/judges", async (AppDb db, TimeProvider clock, Guid id, AddCompetitionJudge.Request r) =>
                (await AddCompetitionJudge.Handle(db, clock, id, r)).ToHttp(x => TypedResults.Created($"{Api.Prefix}/competitions/{id}", x)))
            .RequirePermission(CompetitionsPermissions.Host)
            .WithName("AddCompetitionJudge").WithSummary("添加评审专家 · Add a judge")
            .WithDescription("{userId (an account with the 评审专家 role: /competitions/experts), name? (as printed; the account's name when empty), unit (2–100)}. Once per call (409); "
                + "on notice, decided or withdrawn: 409.")
            .ProducesValidationProblem();
        g.MapGet("/{id:guid}/judges/export", async Task<IResult> (AppDb db, CurrentUser me, TimeProvider clock, Guid id) =>
                (await ExportCompetitionJudges.Handle(db, me, clock, id)).ToHttp(f => TypedResults.File(f.Content, Platform.Export.Spreadsheet.XlsxContentType, f.FileName)))
            .RequirePermission(CompetitionsPermissions.Host)
            .ProducesFile([Platform.Export.Spreadsheet.XlsxContentType])
            .WithName(nameof(ExportCompetitionJudges)).WithSummary("导出评审专家名单 · Export the judges")
            .WithDescription("The call's panel as GetCompetition lists it, as an Excel file: name as printed, unit, applications assigned, scored and recused, when added (China time); "
                + "no mobile or account; audited. A call out of scope is 404.");
        g.MapDelete("/{id:guid}/judges/{judgeId:guid}", async (AppDb db, Guid id, Guid judgeId) => (await RemoveCompetitionJudge.Handle(db, id, judgeId)).ToOk())
            .RequirePermission(CompetitionsPermissions.Host)
            .WithName("RemoveCompetitionJudge").WithSummary("移除评审专家 · Remove a judge")
            .WithDescription("A judge with any assignment (scored, recused or waiting) stays: 409; on notice, decided or withdrawn: 409. Audited.");
    }

    public static void MapPublic(RouteGroupBuilder publicApi)
    {
        var p = publicApi.MapGroup("/competitions").WithTags("Public");
        p.MapGet("/", async (AppDb db, TimeProvider clock, [AsParameters] PublicCompetitions.Query q) => (await PublicCompetitions.Handle(db, clock, q)).ToOk())
            .WithName("ListPublicCompetitions").WithSummary("公益创投公告 · Published calls")
            .WithDescription("No sign-in: the calls published, on notice or decided, of ?area= (host areas under it) holding ?keyword= (title, number or host), newest first, paged; no personal data. An area that names no place is 404.");
        p.MapGet("/{id:guid}", async (AppDb db, TimeProvider clock, Guid id) => (await GetPublicCompetition.Handle(db, clock, id)).ToOk())
            .WithName("GetPublicCompetition").WithSummary("申报通知 · A call as published")
            .WithDescription("No sign-in: the call as a notice — host, focus areas, eligibility, money (fen) and the community fund paying it (fundName; null: the host's budget), co-funding, rubric, timetable, documents, tranche plan, phase, the rules in words; no personal data. "
                + "A draft or a withdrawn call is 404.")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
