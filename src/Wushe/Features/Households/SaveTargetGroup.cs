using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Households;

/// <summary>
/// 重点人群标签: an area adds its own target-group tags beside the platform's defaults (held by the country,
/// <see cref="TargetGroups.Country"/>, read-only to everyone but the platform admin), edits them and deactivates them (a tag
/// residents hold is kept, so their history reads; it is no longer offered). Name 1–30, unique within the area and not the name
/// of a tag an area above already offers (409 on <c>name</c>); English name up to 60 (the Chinese one when empty); kind; order 0–999;
/// the holders' ages, minimum and maximum (whole years, inclusive, 0–150; empty: the kind's, elderly 60+, children under 18 —
/// <see cref="TargetGroups.AgeBounds"/>).
/// A tag above the user's scope is 404 to change.
/// </summary>
public static class SaveTargetGroup
{
    public sealed record Request(
        [Label("设定区划", "Area")] string? AreaCode,
        [Label("标签名称", "Name")] string? Name,
        [Label("英文名称", "English name")] string? NameEn,
        [Label("类别", "Kind")] TargetGroupKind? Kind,
        [Label("排序", "Order")] int? Order = 0,
        [Label("启用", "Active")] bool IsActive = true,
        [Label("最小年龄", "Minimum age")] int? MinAge = null,
        [Label("最大年龄", "Maximum age")] int? MaxAge = null);

    public const int MaxOrder = 999, MaxAge = 150;

    public static Errors Validate(Request r)
    {
        var errors = new Errors()
            .Text("name", r.Name, "标签名称", "Name", 1, 30)
            .Text("nameEn", r.NameEn, "英文名称", "English name", 0, 60, required: false);
        if (r.Kind is null || !Enum.IsDefined(r.Kind.Value)) errors.Add("kind", Lang.T("请选择类别", "Please choose the kind"));
        if (r.Order is not { } o) errors.Add("order", Lang.T("排序不能为空", "The order is required"));
        else if (o is < 0 or > MaxOrder) errors.Add("order", Lang.T($"排序须在 0 到 {MaxOrder} 之间", $"The order is 0 to {MaxOrder}"));
        if (r.MinAge is < 0 or > MaxAge) errors.Add("minAge", Lang.T($"最小年龄须在 0 到 {MaxAge} 之间", $"The minimum age is 0 to {MaxAge}"));
        if (r.MaxAge is < 0 or > MaxAge) errors.Add("maxAge", Lang.T($"最大年龄须在 0 到 {MaxAge} 之间", $"The maximum age is 0 to {MaxAge}"));
        else if (r.MinAge is { } lo && r.MaxAge is { } hi && hi < lo) errors.Add("maxAge", Lang.T("最大年龄不能小于最小年龄", "The maximum age cannot be below the minimum age"));
        return errors;
    }

    /// <summary>A tag of <see cref="Request.AreaCode"/> (an area of the scope; the country for the platform admin). Failures: invalid; conflict (the name exists).</summary>
    public static async Task<Result<CreatedId>> Create(AppDb db, CurrentUser user, Request r, CancellationToken ct = default)
    {
        var errors = Validate(r);
        var code = Platform.Areas.AreaCode.Normalize(r.AreaCode);
        if (string.IsNullOrWhiteSpace(r.AreaCode)) errors.Add("areaCode", Lang.T("请选择设定区划", "Please choose the area"));
        else if (code is null || !(code == TargetGroups.Country ? user.Scope.All : await db.Areas.AnyAsync(a => a.Code == code && a.ValidTo == null, ct)))
            errors.Add("areaCode", Lang.T("区划不存在或不在您的管辖范围内", "The area does not exist or lies outside your area"));
        if (errors.Any) return errors.ToFailure();
        if (await NameTaken(db, code!, r.Name!.Trim(), null, ct) is { } taken) return taken;

        var tag = new TargetGroup(code!, r.Name.Trim(), EnglishOf(r), r.Kind!.Value, r.Order!.Value);
        if (!r.IsActive) tag.Edit(tag.Name, tag.NameEn, tag.Kind, tag.Order, false);
        tag.SetAges(r.MinAge, r.MaxAge);
        db.Add(tag);
        if (await db.SaveOrFindDuplicateAsync(ct) is not null) return Duplicate(r.Name.Trim());
        return new CreatedId(tag.Id);
    }

    /// <summary>Changes (or deactivates) a tag of the user's scope. Failures: not found (none in the scope: the defaults, to all but the platform admin); invalid; conflict.</summary>
    public static async Task<Result<CreatedId>> Update(AppDb db, Guid id, Request r, CancellationToken ct = default)
    {
        var tag = await db.Set<TargetGroup>().FirstOrDefaultAsync(t => t.Id == id, ct);
        if (tag is null) return Failure.NotFound();
        var errors = Validate(r);
        if (!string.IsNullOrWhiteSpace(r.AreaCode) && Platform.Areas.AreaCode.Normalize(r.AreaCode) != tag.AreaCode)
            errors.Add("areaCode", Lang.T("标签的设定区划不能修改", "A tag's area cannot be changed"));
        if (errors.Any) return errors.ToFailure();
        if (await NameTaken(db, tag.AreaCode, r.Name!.Trim(), tag.Id, ct) is { } taken) return taken;
        tag.Edit(r.Name.Trim(), EnglishOf(r), r.Kind!.Value, r.Order!.Value, r.IsActive);
        tag.SetAges(r.MinAge, r.MaxAge);
        if (await db.SaveOrFindDuplicateAsync(ct) is not null) return Duplicate(r.Name.Trim());
        return new CreatedId(tag.Id);
    }

    static string EnglishOf(Request r) => string.IsNullOrWhiteSpace(r.NameEn) ? r.Name!.Trim() : r.NameEn.Trim();

    static Failure Duplicate(string name) => Failure.Duplicate("name", Lang.T($"已有名为“{name}”的标签", $"A tag named {name} exists already"));

    /// <summary>The area's own tags and those offered from above (<see cref="TargetGroups.Visible"/>) share one list: no name twice.</summary>
    static async Task<Failure?> NameTaken(AppDb db, string areaCode, string name, Guid? self, CancellationToken ct)
    {
        var same = await TargetGroups.Visible(db, areaCode).Where(t => t.Name == name && t.Id != self).Select(t => t.AreaCode).FirstOrDefaultAsync(ct);
        if (same is null) return null;
        return same == areaCode ? Duplicate(name)
            : Failure.Duplicate("name", Lang.T($"上级已设有“{name}”标签，无需重复添加", $"An area above already offers the tag {name}"));
    }
}
