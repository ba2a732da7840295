using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;

namespace Wushe.Features.Households;

/// <summary>
/// The one place a page, an export or an API answer turns a household's card into words: the colour's name in the page's
/// language (<see cref="CardColour.LocalName"/>: the scheme's English name on English pages when it has one) and its colour.
/// Households and card history keep the Chinese name given at assignment; this reads the scheme (held at or above the
/// households' areas: read without the scope filter, by id) and finds the colour by its key, else by that kept name (a history
/// line's previous card keeps only its name); a colour the scheme no longer has shows the kept name.
/// </summary>
public sealed class CardNames
{
    readonly Dictionary<Guid, CardScheme> schemes;

    CardNames(Dictionary<Guid, CardScheme> schemes) => this.schemes = schemes;

    /// <summary>The schemes of <paramref name="schemeIds"/> (nulls and repeats ignored), in one query; none when no id is given.</summary>
    public static async Task<CardNames> LoadAsync(AppDb db, IEnumerable<Guid?> schemeIds, CancellationToken ct = default)
    {
        var ids = schemeIds.Where(i => i is not null).Select(i => i!.Value).Distinct().ToList();
        if (ids.Count == 0) return new([]);
        return new(await db.Set<CardScheme>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct));
    }

    CardColour? Colour(Guid? schemeId, string? key, string? kept) =>
        schemeId is { } id && schemes.TryGetValue(id, out var s) ? s.Colour(key) ?? s.Colours.FirstOrDefault(c => c.Name == kept) : null;

    /// <summary>The card's name in the page's language; <paramref name="kept"/> (the Chinese name on record) when the scheme has no such colour; null for no card.</summary>
    public string? Name(Guid? schemeId, string? key, string? kept) =>
        kept is null && key is null ? null : Colour(schemeId, key, kept)?.LocalName() ?? kept;

    /// <summary>The card's colour (#RRGGBB) from its scheme, or null.</summary>
    public string? Hex(Guid? schemeId, string? key) => Colour(schemeId, key, null)?.Hex;

    /// <summary>A scheme's name in the page's language (its English name on English pages when it has one).</summary>
    public static string SchemeName(CardScheme scheme) => SchemeName(scheme.Name, scheme.NameEn);

    /// <inheritdoc cref="SchemeName(CardScheme)"/>
    public static string SchemeName(string name, string? nameEn) => Lang.T(name, string.IsNullOrWhiteSpace(nameEn) ? name : nameEn);
}
