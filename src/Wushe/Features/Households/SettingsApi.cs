using Microsoft.AspNetCore.Http.HttpResults;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Export;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Households;

/// <summary>
/// Routes of the colour-card scheme, the target-group tags and the Excel import of households (/api/v1/households/…); each calls
/// the use case its page (/Households/Settings, /Households/Import) calls too.
/// </summary>
public static class SettingsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var s = api.MapGroup("/households").WithTags("Households").RequirePermission(HouseholdsPermissions.Configure);
        s.MapGet("/settings", async (AppDb db, CurrentUser me, string? area) => (await GetCareSettings.Handle(db, me, area)).ToOk())
            .WithName("GetCareSettings").WithSummary("户卡与标签设置 · Card scheme and tags of an area")
            .WithDescription("The colour-card scheme that applies to the area (the user's own unless ?area= names another of the scope): its own, or inherited from an area above (read-only: editable=false, canCreate says whether the area may have its own), with how many households hold each colour; and the target-group tags the area offers (platform defaults, areas above, its own). An area outside the scope is 404.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        s.MapPost("/card-schemes", async Task<Results<Created<SaveCardScheme.Saved>, ProblemHttpResult>> (AppDb db, TimeProvider clock, SaveCardScheme.Request r) =>
                (await SaveCardScheme.Create(db, clock, r)).ToHttp(x => TypedResults.Created($"{Api.Prefix}/households/settings?area={r.AreaCode}", x)))
            .WithName("CreateCardScheme").WithSummary("新建户卡方案 · Create a colour-card scheme")
            .WithDescription("A scheme for a city, county or township of the scope: 3–7 colours, each with a key (a–z, 1–20), card name, meaning, visit frequency (1–365 days) and colour (#RRGGBB); keys and names unique; guardianship re-assessment 1–24 months (default 6). Errors name the colour's row (colours[2].visitEveryDays). A second scheme for an area is 409.")
            .ProducesValidationProblem();
        s.MapPut("/card-schemes/{id:guid}", async Task<Results<Ok<SaveCardScheme.Saved>, ProblemHttpResult>> (AppDb db, TimeProvider clock, Guid id, SaveCardScheme.Request r) =>
                (await SaveCardScheme.Update(db, clock, id, r)).ToOk())
            .WithName("UpdateCardScheme").WithSummary("修改户卡方案 · Change a colour-card scheme")
            .WithDescription("The same rules as creating. Removing a colour households hold is 409 naming how many; a colour's new visit frequency re-plans the households holding it in the same transaction (replanned: how many). A scheme above the user's scope (a township looking at its county's) is 404.")
            .ProducesValidationProblem();
        s.MapPost("/target-groups", async Task<Results<Created<CreatedId>, ProblemHttpResult>> (AppDb db, CurrentUser me, SaveTargetGroup.Request r) =>
                (await SaveTargetGroup.Create(db, me, r)).ToHttp(x => TypedResults.Created($"{Api.Prefix}/households/settings?area={r.AreaCode}", x)))
            .WithName("CreateTargetGroup").WithSummary("新增重点人群标签 · Add a target-group tag")
            .WithDescription("A tag of an area of the scope (the platform admin: also the country 000000000000, where the defaults live). The name is unique among the tags the area offers (its own and those above): 409 otherwise.")
            .ProducesValidationProblem();
        s.MapPut("/target-groups/{id:guid}", async Task<Results<Ok<CreatedId>, ProblemHttpResult>> (AppDb db, Guid id, SaveTargetGroup.Request r) =>
                (await SaveTargetGroup.Update(db, id, r)).ToOk())
            .WithName("UpdateTargetGroup").WithSummary("修改或停用重点人群标签 · Change or deactivate a target-group tag")
            .WithDescription("isActive=false deactivates (residents keep it; it is no longer offered). A tag above the scope — the platform defaults, to all but the platform admin — is 404.")
            .ProducesValidationProblem();

        // The template is for anyone who sees households (a bureau hands it to its communities); importing needs Manage.
        var i = api.MapGroup("/households/import").WithTags("Households").RequirePermission(HouseholdsPermissions.View);
        i.MapGet("/template", async (AppDb db, CancellationToken ct) => TypedResults.File(await ImportHouseholds.TemplateAsync(db, ct), Spreadsheet.XlsxContentType, ImportHouseholds.TemplateName))
            .WithName("GetHouseholdImportTemplate").WithSummary("下载家庭户导入模板 · Download the household import template")
            .WithDescription("An .xlsx with the columns 户编号, 社区名称 (a community of the caller's scope by name; or 所属社区代码, its 12-digit code), 家庭住址, 姓名, 性别, 出生日期, 与户主关系, 身份证号码, 联系电话, 健康与照护情况, 监护人, 监护人关系, 监护人电话, 重点人群标签 (names separated by 、), 知情同意日期, and one example row (户编号 示例, never imported); a sheet explaining each column; a sheet listing the communities of the caller's scope (name, code, township).")
            .ProducesFile([Spreadsheet.XlsxContentType]);
        // Idempotent-safe as it is: the import runs inside the request and saves in one transaction, so the stored answer commits
        // with the households; a retry with the same key gets that answer back instead of a second copy of the members without ID numbers.
        i.MapPost("/", async Task<Results<Ok<ImportHouseholds.Imported>, ProblemHttpResult>> (HttpRequest request, AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock) =>
                (await ImportHouseholds.Handle(db, me, sealer, clock, await FormFileUploads.FileAsync(request, ImportHouseholds.FileField),
                    request.HttpContext.RequestAborted)).ToOk())
            .RequirePermission(HouseholdsPermissions.Manage)
            .AcceptsFiles([new UploadField(ImportHouseholds.FileField, true, "家庭户导入文件（.xlsx，不超过 5 MB、5000 人）· The import file (.xlsx, at most 5 MB and 5,000 residents)")])
            .WithName("ImportHouseholds").WithSummary("批量导入家庭户 · Import households from Excel")
            .WithDescription("multipart/form-data, field file: one resident a row, grouped into households by 户编号, each checked by the rules of registering a household. All or nothing: any bad row saves nothing, and the errors are keyed rows[N].field — N the row as Excel numbers it (header = 1), field one of household, areaCode, address, name, sex, birthDate, relation, idNumber, phone, guardianName, guardianRelation, tags, consentOn. Only duplicate ID numbers (in the file or on the platform): 409.")
            .ProducesValidationProblem();
    }
}
