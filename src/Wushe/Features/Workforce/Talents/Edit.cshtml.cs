using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Workforce.Talents;

/// <summary>新增 / 修改统计口径 (<see cref="SaveTalentDefinition"/>): a bureau's form.</summary>
[Authorize(TalentsPermissions.DefinePolicy)]
public sealed class EditModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public SaveTalentDefinition.Request Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is not { } id)
        {
            Input = new() { AreaCode = me.Active?.AreaCode, Name = Lang.T("新增社会工作人才", "New social-work talents"), From = new DateOnly(ChinaTime.Today(clock).Year, 1, 1),
                NewlyQualified = true, NewlyEmployed = true, NewlyTrained = true };
            return Page();
        }
        if (await db.Set<TalentDefinition>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id) is not { } d) return NotFound();
        Input = new() { AreaCode = d.AreaCode, Name = d.Name, From = d.From, To = d.To, NewlyQualified = d.NewlyQualified, NewlyEmployed = d.NewlyEmployed,
            NewlyTrained = d.NewlyTrained, Note = d.Note, Version = d.Version };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var input = Input;
        var today = ChinaTime.Today(clock);
        var failure = Id is { } id
            ? (await ModelState.IfParsed("Input.", () => SaveTalentDefinition.Validate(input, today, editing: true), () => SaveTalentDefinition.Edit(db, clock, id, input))).Failure
            : (await ModelState.IfParsed("Input.", () => SaveTalentDefinition.Validate(input, today, editing: false), () => SaveTalentDefinition.Add(db, me, clock, input))).Failure;
        if (failure is null)
        {
            TempData["Toast"] = Lang.T("统计口径已保存", "Definition saved");
            return Redirect("/Workforce/Talents");
        }
        if (failure.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(failure, "Input.");
        return Page();
    }
}
