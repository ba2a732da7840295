using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Organizations;

/// <summary>What the register and edit pages share: the form (<c>_Form.cshtml</c>) and the choices it offers.</summary>
public abstract class OrganizationFormPage(AppDb db) : PageModel
{
    [BindProperty]
    public OrganizationForm.Request Input { get; set; } = new(null, null, null, null, null, null, null, null, null, null, null, null, null, OrganizationStatus.Registered);

    /// <summary>Organizations a volunteer team may belong to: in scope, not teams, not deregistered.</summary>
    public List<(Guid Id, string Name)> Parents { get; private set; } = [];
    public string? AreaName { get; protected set; }
    public string? PhoneMasked { get; protected set; }
    public abstract bool Editing { get; }

    protected AppDb Db => db;

    public string Invalid(string field) => ModelState["Input." + field]?.Errors.Count > 0 ? "is-invalid" : "";

    protected async Task LoadChoices(Guid? self)
    {
        Parents = (await db.Organizations.AsNoTracking()
                .Where(o => o.Kind != OrganizationKind.VolunteerTeam && o.Status != OrganizationStatus.Deregistered && o.Id != self)
                .OrderBy(o => o.Name).ThenBy(o => o.Id).Take(500).Select(o => new { o.Id, o.Name }).ToListAsync())
            .Select(o => (o.Id, o.Name)).ToList();
    }

    protected async Task<IActionResult> Fail(Failure failure, Guid? self)
    {
        if (failure.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(failure, "Input.");
        await LoadChoices(self);
        return Page();
    }

    protected Task<List<string>> PathOf(string code) => AreaNames.PathAsync(db, code);
}
