using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Workforce.Talents;

/// <summary>
/// A bureau defines, changes or removes a new-talent figure (<see cref="TalentDefinition"/>) of an area of its scope (a county, city or
/// province): a name (2–30 characters), the period's first day (not after today) and optional last day (not before the first), at
/// least one of the three parts, a note (at most 200 characters). Failures: 400 by field; 404 for another area's definition; 409 stale.
/// </summary>
public static class SaveTalentDefinition
{
    public sealed record Request
    {
        [Label("所在区划", "Area")] public string? AreaCode { get; init; }
        [Label("名称", "Name")] public string? Name { get; init; }
        [Label("起始日期", "From")] public DateOnly? From { get; init; }
        [Label("截止日期", "To")] public DateOnly? To { get; init; }
        [Label("首次取得职业资格", "First qualified")] public bool? NewlyQualified { get; init; }
        [Label("新从事社会工作", "Took up social work")] public bool? NewlyEmployed { get; init; }
        [Label("首次参加培训", "First trained")] public bool? NewlyTrained { get; init; }
        [Label("口径说明", "Note")] public string? Note { get; init; }
        public int? Version { get; init; }
    }

    public static Errors Validate(Request r, DateOnly today, bool editing)
    {
        var errors = new Errors().Text("name", r.Name, "名称", "Name", 2, 30).Text("note", r.Note, "口径说明", "Note", 0, 200, required: false);
        if (!editing)
        {
            if (string.IsNullOrWhiteSpace(r.AreaCode)) errors.Add("areaCode", Lang.T("请选择所在区划", "Please choose the area"));
            else errors.Add("areaCode", AreaCode.Check(r.AreaCode));
        }
        if (r.From is not { } from) errors.Add("from", Lang.T("起始日期不能为空", "The first day is required"));
        else if (from > today) errors.Add("from", Lang.T("起始日期不能晚于今天", "The first day cannot be in the future"));
        else if (from.Year < 2000) errors.Add("from", Lang.T("起始日期不能早于2000年", "The first day cannot be before 2000"));
        if (r.From is { } f && r.To is { } t && t < f) errors.Add("to", Lang.T("截止日期不能早于起始日期", "The last day cannot be before the first"));
        if (r.NewlyQualified != true && r.NewlyEmployed != true && r.NewlyTrained != true)
            errors.Add("newlyQualified", Lang.T("请至少选择一项计入口径", "Choose at least one part to count"));
        return errors;
    }

    public static async Task<Result<Guid>> Add(AppDb db, CurrentUser user, TimeProvider clock, Request r, CancellationToken ct = default)
    {
        var errors = Validate(r, ChinaTime.Today(clock), editing: false);
        if (errors.Any) return errors.ToFailure();
        var area = AreaCode.Normalize(r.AreaCode)!;
        if (!user.Scope.Covers(area) || AreaCode.LevelOf(area) > AreaLevel.County || !await db.Areas.AnyAsync(a => a.Code == area && a.ValidTo == null, ct))
            return Failure.Invalid("areaCode", Lang.T("所在区划应为您管辖范围内的县（区）、市或省", "The area is a county, city or province of your area"));
        var definition = new TalentDefinition(area, user.Id, await Workers.NameAsync(db, user, ct), clock.GetUtcNow());
        Apply(definition, r);
        db.Add(definition);
        await db.SaveChangesAsync(ct);
        return definition.Id;
    }

    public static async Task<Result<int>> Edit(AppDb db, TimeProvider clock, Guid id, Request r, CancellationToken ct = default)
    {
        if (await db.Set<TalentDefinition>().FirstOrDefaultAsync(d => d.Id == id, ct) is not { } definition) return Failure.NotFound();
        var errors = Validate(r, ChinaTime.Today(clock), editing: true);
        if (errors.Any) return errors.ToFailure();
        if (r.Version is { } version && version != definition.Version) return Stale;
        Apply(definition, r);
        definition.Touch();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale;
        }
        return definition.Version;
    }

    public static async Task<Result<bool>> Remove(AppDb db, Guid id, CancellationToken ct = default)
    {
        if (await db.Set<TalentDefinition>().FirstOrDefaultAsync(d => d.Id == id, ct) is not { } definition) return Failure.NotFound();
        db.Remove(definition);
        await db.SaveChangesAsync(ct);
        return true;
    }

    static Failure Stale => Failure.Conflict(Lang.T("该统计口径已被他人修改，请刷新后重试", "Someone else changed this definition; reload and try again"));

    static void Apply(TalentDefinition d, Request r) =>
        d.Set(r.Name!.Trim(), r.From!.Value, r.To, r.NewlyQualified == true, r.NewlyEmployed == true, r.NewlyTrained == true, r.Note?.Trim() ?? "");
}
