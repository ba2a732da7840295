using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Casework;

/// <summary>新增 / 修改小组或社区活动: the area (cascader; fixed once created), kind, title, topic, target group, planned sessions, start date, leading worker.</summary>
[Authorize(GroupsPermissions.ManagePolicy)]
public sealed class GroupsEditModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }

    [BindProperty] public SaveGroup.Request Input { get; set; } = new(null, GroupKind.Group, null, null, null, 6, null);

    public string? AreaName { get; private set; }
    public List<Workers.Worker> Candidates { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? area)
    {
        if (Id is { } id)
        {
            var g = await db.Set<Group>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
            if (g is null) return NotFound();
            Input = new SaveGroup.Request(g.AreaCode, g.Kind, g.Title, g.Topic, g.TargetGroup, g.PlannedSessions, g.StartsOn, g.WorkerId, g.Version);
        }
        else
        {
            var code = Platform.Areas.AreaCode.Normalize(area) ?? me.Active?.AreaCode;
            Input = Input with { AreaCode = SaveGroup.CheckArea(code) is null ? code : null, StartsOn = ChinaTime.Today(clock) };
        }
        await Load();
        return Page();
    }

    async Task Load()
    {
        var code = Platform.Areas.AreaCode.Normalize(Input.AreaCode) ?? me.Active?.AreaCode;
        if (code is not null && SaveGroup.CheckArea(code) is null)
        {
            Candidates = await Workers.CandidatesAsync(db, code);
            if (Id is not null) AreaName = string.Join(" / ", await AreaNames.PathAsync(db, code));
        }
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var input = Input;
        if (Id is { } id)
        {
            var existing = await db.Set<Group>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
            if (existing is null) return NotFound();
            var updated = await ModelState.IfParsed("Input.", () => SaveGroup.Validate(input with { AreaCode = existing.AreaCode, Kind = existing.Kind }, ChinaTime.Today(clock)),
                () => SaveGroup.Update(db, clock, id, input));
            if (updated.IsOk)
            {
                TempData["Toast"] = Lang.T("修改成功", "Saved");
                return Redirect($"/Groups/Details/{id}");
            }
            Input = Input with { AreaCode = existing.AreaCode, Kind = existing.Kind };
            return await Fail(updated.Failure!);
        }
        var created = await ModelState.IfParsed("Input.", () => SaveGroup.Validate(input, ChinaTime.Today(clock)), () => SaveGroup.Create(db, clock, input));
        if (created.IsOk)
        {
            TempData["Toast"] = Lang.T("新增成功", "Added");
            return Redirect($"/Groups/Details/{created.Value!.Id}");
        }
        return await Fail(created.Failure!);
    }

    async Task<IActionResult> Fail(Failure failure)
    {
        if (failure.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(failure, "Input.");
        await Load();
        return Page();
    }
}
