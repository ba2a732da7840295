using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Features.Workforce.Talents;

/// <summary>新增人才统计: each definition's figure with its definition beside it (<see cref="ListTalentDefinitions"/>); a bureau adds, changes, removes.</summary>
[Authorize(TalentsPermissions.ViewPolicy)]
public sealed class IndexModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    public List<ListTalentDefinitions.Row> Definitions { get; private set; } = [];
    public bool CanDefine => me.Has(TalentsPermissions.Define);

    public async Task OnGetAsync() => Definitions = await ListTalentDefinitions.Handle(db, me, clock, HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostRemoveAsync(Guid id)
    {
        if (!CanDefine) return Forbid();
        if (!(await SaveTalentDefinition.Remove(db, id, HttpContext.RequestAborted)).IsOk) return NotFound();
        TempData["Toast"] = Lang.T("统计口径已删除", "Definition removed");
        return Redirect("/Workforce/Talents");
    }
}
