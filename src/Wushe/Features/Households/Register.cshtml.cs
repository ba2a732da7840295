using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Households;

/// <summary>登记家庭户: the community (area picker), the address and the head; further members are added on the household's page.</summary>
[Authorize(HouseholdsPermissions.ManagePolicy)]
public sealed class RegisterModel(AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock) : PageModel
{
    [BindProperty, Label("所属社区（村）", "Community")] public string? AreaCode { get; set; }
    [BindProperty, Label("家庭住址", "Address")] public string? Address { get; set; }
    [BindProperty] public ResidentFields Resident { get; set; } = new(null, null, null, Relation.Head);

    public List<TargetGroup> Tags { get; private set; } = [];

    public async Task OnGetAsync(string? area)
    {
        if (Platform.Areas.AreaCode.Normalize(area) is { } code && Platform.Areas.AreaCode.LevelOf(code) == Platform.Areas.AreaLevel.Village) AreaCode = code;
        Tags = await Choices.TagsAsync(db, me);
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var head = Resident with { Relation = Relation.Head };
        var request = new RegisterHousehold.Request(AreaCode, Address, [head]);
        var result = await ModelState.IfParsed(KeyOf, () => RegisterHousehold.Validate(request, ChinaTime.Today(clock)).ToFailure().Errors,
            () => RegisterHousehold.Handle(db, me, sealer, clock, request));
        if (!result.IsOk)
        {
            if (!ReferenceEquals(result.Failure, PageForms.Unparsed) && result.Failure!.Errors is { } errors)
                foreach (var (field, messages) in errors)
                    foreach (var m in messages) ModelState.AddModelError(KeyOf(field), m);
            if (result.Failure!.Extensions?.GetValueOrDefault(ResidentFields.ExistingHousehold) is Guid existing) ViewData[ResidentFields.ExistingHousehold] = existing;
            Tags = await Choices.TagsAsync(db, me);
            return Page();
        }
        TempData["Toast"] = Lang.T("登记成功，可继续添加家庭成员", "Registered; you can now add the other members");
        return Redirect($"/Households/Details?id={result.Value!.Id}");
    }

    /// <summary>The use case's field names as this form's: members[0].x is the head's field Resident.X.</summary>
    static string KeyOf(string field) =>
        field.StartsWith("members[0].", StringComparison.Ordinal) ? "Resident." + Http.FieldKey(field["members[0].".Length..])
        : field == "members" ? ""
        : field.Length > 0 ? Http.FieldKey(field) : "";
}
