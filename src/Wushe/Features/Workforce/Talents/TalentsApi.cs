using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Web;

namespace Wushe.Features.Workforce.Talents;

/// <summary>/api/v1/workforce/talents: the new-talent definitions and their figures.</summary>
public static class TalentsApi
{
    public static void Map(RouteGroupBuilder api)
    {
        var g = api.MapGroup("/workforce/talents").WithTags("Workforce");
        g.MapGet("/", async (AppDb db, CurrentUser user, TimeProvider clock) => TypedResults.Ok(await ListTalentDefinitions.Handle(db, user, clock)))
            .RequirePermission(TalentsPermissions.View)
            .WithName("ListTalentDefinitions").WithSummary("新增人才统计 · List new-talent figures")
            .WithDescription("The definitions of the scope and of the areas above it that cover it (read-only, counted for the user's area), newest first, each with its figure and its definition in words.");
        g.MapGet("/{id:guid}", async (AppDb db, CurrentUser user, TimeProvider clock, Guid id, string? area) => (await TalentFigures.Handle(db, user, clock, id, area)).ToOk())
            .RequirePermission(TalentsPermissions.View)
            .WithName("GetTalentFigure").WithSummary("新增人才统计详情 · Get a new-talent figure")
            .WithDescription("?area= (12 digits; default the definition's area, or the user's under a definition from above): the people of the register counted by the definition — "
                + "each person once, with each part's own count —, by child area, the definition in words and the report's sentence. 400 naming area outside the definition's; 404 outside the scope.")
            .ProducesValidationProblem();
        g.MapPost("/", async (AppDb db, CurrentUser user, TimeProvider clock, SaveTalentDefinition.Request r) =>
                (await SaveTalentDefinition.Add(db, user, clock, r)).ToHttp(id => TypedResults.Created($"{Api.Prefix}/workforce/talents/{id}", new CreatedId(id))))
            .RequirePermission(TalentsPermissions.Define)
            .WithName("AddTalentDefinition").WithSummary("新增统计口径 · Define a new-talent figure")
            .WithDescription("{areaCode (a county, city or province of the scope), name, from, to? (null: to date), newlyQualified, newlyEmployed, newlyTrained (at least one), note?}. 400 by field.")
            .ProducesValidationProblem();
        g.MapPut("/{id:guid}", async (AppDb db, TimeProvider clock, Guid id, SaveTalentDefinition.Request r) => (await SaveTalentDefinition.Edit(db, clock, id, r)).ToOk())
            .RequirePermission(TalentsPermissions.Define)
            .WithName("EditTalentDefinition").WithSummary("修改统计口径 · Change a new-talent definition")
            .WithDescription("The fields of AddTalentDefinition but areaCode, and version; answers the new version. 404 another area's (or one from above); 409 stale.")
            .ProducesValidationProblem();
        g.MapDelete("/{id:guid}", async (AppDb db, Guid id) => (await SaveTalentDefinition.Remove(db, id)).ToHttp(_ => TypedResults.NoContent()))
            .RequirePermission(TalentsPermissions.Define)
            .WithName("RemoveTalentDefinition").WithSummary("删除统计口径 · Remove a new-talent definition")
            .WithDescription("The definition goes (the register is untouched). 404 another area's or one from above.");
    }
}
