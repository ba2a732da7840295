using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Households;

/// <summary>
/// 户卡方案: an area's colour-card scheme, created for an area of the user's scope (a city, county or township: its households
/// and those below take it unless a nearer area has its own) or changed. The rules are <see cref="CardScheme.Check"/>'s.
/// <list type="bullet">
/// <item>One scheme per area (a unique index): a second is 409 on <c>areaCode</c>.</item>
/// <item>A colour that households hold cannot be removed: 409 on <c>colours</c>, saying how many households hold it.</item>
/// <item>A colour's new visit frequency re-plans every household holding it (<see cref="Household.SetVisitFrequency"/>) in the
/// same transaction, so the overdue lists read the new due dates at once; a colour's new name renames the card of every
/// household holding it (<see cref="Household.CardName"/>) in the same save.</item>
/// </list>
/// A scheme above the user's scope (a county's, seen by a township) is read-only to the user: 404 on change. A station social
/// worker who is not the station's head may not set one: 403 (<see cref="CardSchemes.MaySetAsync"/>).
/// </summary>
public static class SaveCardScheme
{
    public sealed record Request(
        [Label("设定区划", "Area")] string? AreaCode,
        [Label("方案名称", "Scheme name")] string? Name,
        [Label("户卡颜色", "Colours")] List<CardColourFields?>? Colours,
        [Label("监护评估复评周期（月）", "Guardianship re-assessment (months)")] int? GuardianshipReassessMonths = CardScheme.DefaultReassessMonths,
        [Label("版本", "Version")] int? Version = null,
        [Label("英文名称", "English name")] string? NameEn = null)
    {
        /// <summary>The English name as stored: trimmed, an empty one none.</summary>
        public string? EnglishName => string.IsNullOrWhiteSpace(NameEn) ? null : NameEn.Trim();
    }

    public sealed record Saved(Guid Id, int Replanned);

    /// <summary>The request's own rules, without the database (<see cref="CardScheme.Check"/>).</summary>
    public static Errors Validate(Request r)
    {
        var errors = CardScheme.Check(r.Name, r.Colours, r.GuardianshipReassessMonths);
        errors.Text("nameEn", r.NameEn, "英文名称", "English name", 0, 60, required: false);
        return errors;
    }

    /// <summary>A new scheme for <see cref="Request.AreaCode"/>. Failures: invalid (fields; an area not found in the scope, or a village); conflict (the area has one).</summary>
    public static async Task<Result<Saved>> Create(AppDb db, TimeProvider clock, Request r, CancellationToken ct = default)
    {
        var errors = Validate(r);
        var code = AreaCode.Normalize(r.AreaCode);
        var area = code is null ? null : await db.Areas.FirstOrDefaultAsync(a => a.Code == code && a.ValidTo == null, ct);
        if (string.IsNullOrWhiteSpace(r.AreaCode)) errors.Add("areaCode", Lang.T("请选择设定区划", "Please choose the area"));
        else if (area is null) errors.Add("areaCode", Lang.T("区划不存在或不在您的管辖范围内", "The area does not exist or lies outside your area"));
        else if (area.Level == AreaLevel.Village)
            errors.Add("areaCode", Lang.T("户卡方案设在市、县（区）或乡镇（街道）一级", "A scheme belongs to a city, county or township"));
        if (errors.Any) return errors.ToFailure();
        if (!await CardSchemes.MaySetAsync(db, db.Actor, area!.Code, ct)) return CardSchemes.NotPermitted();

        var duplicate = Failure.Duplicate("areaCode", Lang.T($"{area!.Name}已有户卡方案，请修改该方案", $"{area.Name} already has a scheme; change that one"));
        // One per area, whoever may see it: the unique index is on the area code alone.
        if (await db.Set<CardScheme>().IgnoreQueryFilters([AppDb.ScopeFilter]).AnyAsync(s => s.AreaCode == area.Code, ct)) return duplicate;
        var scheme = new CardScheme(area.Code, r.Name!.Trim(), [.. r.Colours!.Select(c => c!.ToColour())], r.GuardianshipReassessMonths!.Value, clock.GetUtcNow(), r.EnglishName);
        db.Add(scheme);
        if (await db.SaveOrFindDuplicateAsync(ct) is { } columns) return columns.Contains(nameof(CardScheme.AreaCode)) ? duplicate : UniqueKeys.Conflict();
        return new Saved(scheme.Id, 0);
    }

    /// <summary>
    /// Changes a scheme of the user's scope. Failures: not found (none in the scope); invalid (fields; another area given);
    /// conflict (a colour households hold is removed; the version is stale).
    /// </summary>
    public static async Task<Result<Saved>> Update(AppDb db, TimeProvider clock, Guid id, Request r, CancellationToken ct = default)
    {
        var scheme = await db.Set<CardScheme>().FirstOrDefaultAsync(s => s.Id == id, ct);
        if (scheme is null) return Failure.NotFound();
        if (!await CardSchemes.MaySetAsync(db, db.Actor, scheme.AreaCode, ct)) return CardSchemes.NotPermitted();
        var errors = Validate(r);
        if (!string.IsNullOrWhiteSpace(r.AreaCode) && AreaCode.Normalize(r.AreaCode) != scheme.AreaCode)
            errors.Add("areaCode", Lang.T("户卡方案的设定区划不能修改", "A scheme's area cannot be changed"));
        if (errors.Any) return errors.ToFailure();
        if (r.Version is { } v && v != scheme.Version)
            return Failure.Conflict(Lang.T("数据已被他人修改，请刷新后重试", "Someone else changed this scheme; reload and try again"));

        var colours = r.Colours!.Select(c => c!.ToColour()).ToList();
        // A household holds its colour by key: removing a colour still held would leave it with a card the scheme does not know.
        var removed = scheme.Colours.Where(old => colours.All(c => c.Key != old.Key)).ToList();
        if (removed.Count > 0)
        {
            var keys = removed.Select(c => c.Key).ToList();
            // Counted whoever may see them (the explicit scheme predicate replaces the scope): a count, never a record shown.
            var held = await db.Set<Household>().IgnoreQueryFilters([AppDb.ScopeFilter])
                .Where(h => h.CardSchemeId == scheme.Id && h.CardColour != null && keys.Contains(h.CardColour))
                .GroupBy(h => h.CardColour).Select(g => new { Key = g.Key!, Count = g.Count() }).ToListAsync(ct);
            if (held.Count > 0)
            {
                var named = string.Join("、", held.Select(h => $"{removed.First(c => c.Key == h.Key).Name} {h.Count} 户"));
                var namedEn = string.Join(", ", held.Select(h => $"{removed.First(c => c.Key == h.Key).Name}: {h.Count}"));
                return Failure.Duplicate("colours", Lang.T($"不能删除仍有家庭户持有的颜色（{named}）：请先为这些家庭户调整户卡",
                    $"A colour households still hold cannot be removed ({namedEn} households): change their cards first"));
            }
        }

        // A new frequency re-plans the households that hold the colour, and a new name renames their card, in this transaction.
        var replanned = 0;
        foreach (var colour in colours)
        {
            if (scheme.Colour(colour.Key) is not { } old || (old.VisitEveryDays == colour.VisitEveryDays && old.Name == colour.Name)) continue;
            // Every household holding this scheme lies under its area, which is in the editor's scope (the scheme was found
            // through the scope filter), so the scoped set holds them all.
            var households = await db.Set<Household>()
                .Where(h => h.CardSchemeId == scheme.Id && h.CardColour == colour.Key).ToListAsync(ct);
            foreach (var h in households)
            {
                if (old.Name != colour.Name) h.RenameCard(colour.Name);
                if (old.VisitEveryDays != colour.VisitEveryDays) h.SetVisitFrequency(colour.VisitEveryDays);
            }
            if (old.VisitEveryDays != colour.VisitEveryDays) replanned += households.Count;
        }
        scheme.Edit(r.Name!.Trim(), colours, r.GuardianshipReassessMonths!.Value, clock.GetUtcNow(), r.EnglishName);
        await db.SaveChangesAsync(ct);
        return new Saved(scheme.Id, replanned);
    }
}
