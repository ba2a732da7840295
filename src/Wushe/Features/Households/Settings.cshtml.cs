using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Households;

/// <summary>
/// 户卡与标签设置: the colour-card scheme that applies to an area (its own, editable; or an area's above, read-only, with "create
/// our own"), its colours with a swatch each, and the target-group tags the area offers. Every rule is the use cases'
/// (<see cref="SaveCardScheme"/>, <see cref="SaveTargetGroup"/>): the page's script only adds and removes colour rows.
/// </summary>
[Authorize(HouseholdsPermissions.ConfigurePolicy)]
public sealed class SettingsModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    /// <summary>The area the settings are of (the user's own when empty).</summary>
    [BindProperty(SupportsGet = true, Name = "area")] public string? Area { get; set; }

    [BindProperty] public Guid? SchemeId { get; set; }
    [BindProperty] public SaveCardScheme.Request Scheme { get; set; } = new(null, null, []);
    [BindProperty] public Guid? TagId { get; set; }
    [BindProperty] public SaveTargetGroup.Request Tag { get; set; } = new(null, null, null, TargetGroupKind.Elderly);

    public GetCareSettings.Response? Settings { get; private set; }
    /// <summary>The scheme form is open (editing the own scheme, or creating one).</summary>
    public bool EditingScheme { get; private set; }
    /// <summary>The tag form edits this tag (null: a new tag).</summary>
    public bool EditingTag { get; private set; }
    /// <summary>A station social worker who is not the head: the scheme is read-only to them (<see cref="CardSchemes.MaySetAsync"/>), and the page says who sets it.</summary>
    public bool StationWorkerNotHead { get; private set; }
    public IReadOnlyList<CardColourFields?> Colours => Scheme.Colours ?? [];

    public async Task<IActionResult> OnGetAsync(bool edit = false, Guid? tag = null)
    {
        if (await LoadAsync() is { } problem) return problem;
        var s = Settings!;
        if (edit && (s.Editable || s.CanCreate))
        {
            EditingScheme = true;
            SchemeId = s.Editable ? s.Scheme!.Id : null;
            // A new scheme starts from the one inherited (or the common 红黄蓝), to be adjusted.
            var colours = s.Scheme?.Colours.Select(CardColourFields.Of).ToList() ?? DefaultColours();
            Scheme = new SaveCardScheme.Request(s.AreaCode, s.Editable ? s.Scheme!.Name : Lang.T($"{s.AreaName}户卡方案", $"{s.AreaName} card scheme"),
                [.. colours], s.Scheme?.GuardianshipReassessMonths ?? CardScheme.DefaultReassessMonths, s.Editable ? s.Scheme!.Version : null,
                s.Editable ? s.Scheme!.NameEn : null);
        }
        if (tag is { } id && s.Tags.FirstOrDefault(t => t.Id == id && t.Editable) is { } t)
        {
            EditingTag = true;
            TagId = t.Id;
            Tag = new SaveTargetGroup.Request(t.AreaCode, t.Name, t.NameEn, t.Kind, t.Order, t.IsActive, t.MinAge, t.MaxAge);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostSchemeAsync()
    {
        if (await LoadAsync() is { } problem) return problem;
        var request = Scheme with { AreaCode = Settings!.AreaCode };
        var result = await ModelState.IfParsed("Scheme.", () => SaveCardScheme.Validate(request),
            () => SchemeId is { } id ? SaveCardScheme.Update(db, clock, id, request) : SaveCardScheme.Create(db, clock, request));
        if (result.IsOk)
        {
            TempData["Toast"] = SchemeId is null ? Lang.T("新增成功", "Added")
                : result.Value!.Replanned > 0 ? Lang.T($"修改成功，已按新的探访周期重排 {result.Value.Replanned} 户的下次探访日期", $"Saved; the next visit of {result.Value.Replanned} household(s) moved to the new frequency")
                : Lang.T("修改成功", "Saved");
            return Redirect(SelfUrl());
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "Scheme.");
        EditingScheme = true;
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostTagAsync()
    {
        if (await LoadAsync() is { } problem) return problem;
        var request = Tag with { AreaCode = TagId is null ? Settings!.AreaCode : null };
        var result = await ModelState.IfParsed("Tag.", () => SaveTargetGroup.Validate(request),
            () => TagId is { } id ? SaveTargetGroup.Update(db, id, request) : SaveTargetGroup.Create(db, me, request));
        if (result.IsOk)
        {
            TempData["Toast"] = TagId is null ? Lang.T("新增成功", "Added") : Lang.T("修改成功", "Saved");
            return Redirect(SelfUrl() + "#tags");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "Tag.");
        EditingTag = TagId is not null;
        return Page();
    }

    /// <summary>停用 / 启用 a tag of the scope: the same use case with the tag's values and the other state.</summary>
    public async Task<IActionResult> OnPostToggleTagAsync(Guid id)
    {
        var tag = await db.Set<TargetGroup>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == id);
        if (tag is null) return NotFound();
        var result = await SaveTargetGroup.Update(db, id, new SaveTargetGroup.Request(null, tag.Name, tag.NameEn, tag.Kind, tag.Order, !tag.IsActive, tag.MinAge, tag.MaxAge));
        if (!result.IsOk) TempData["ToastError"] = Lang.T("操作失败：", "Failed: ") + string.Join(" ", result.Failure!.Errors?.Values.SelectMany(v => v) ?? [result.Failure.Title]);
        else TempData["Toast"] = tag.IsActive ? Lang.T("已停用", "Deactivated") : Lang.T("已启用", "Activated");
        return Redirect(SelfUrl() + "#tags");
    }

    public string SelfUrl() => "/Households/Settings" + (string.IsNullOrWhiteSpace(Area) ? "" : "?area=" + Uri.EscapeDataString(Area));

    async Task<IActionResult?> LoadAsync()
    {
        var result = await GetCareSettings.Handle(db, me, Area);
        if (!result.IsOk)
        {
            // An area that is not one of the scope: said, and the user's own shown instead.
            ModelState.AddModelError("area", result.Failure!.Errors?.Values.FirstOrDefault()?.FirstOrDefault()
                ?? Lang.T("区划不存在或不在您的管辖范围内", "The area does not exist or lies outside your area"));
            Area = null;
            result = await GetCareSettings.Handle(db, me, null);
            if (!result.IsOk) return NotFound();
        }
        Settings = result.Value;
        StationWorkerNotHead = me.Active?.Role == Role.StationWorker && !await CardSchemes.MaySetAsync(db, me, Settings!.AreaCode);
        return null;
    }

    static List<CardColourFields> DefaultColours() =>
    [
        new("red", "红卡", "高风险，需每周探访", 7, "#E53935", "Red card", "High risk: weekly visits"),
        new("yellow", "黄卡", "需重点关注", 30, "#FDD835", "Yellow card", "Needs attention"),
        new("blue", "蓝卡", "一般关注", 90, "#1E88E5", "Blue card", "General care"),
    ];
}
