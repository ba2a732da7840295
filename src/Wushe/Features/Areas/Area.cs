using Wushe.Platform.Access;
using Wushe.Platform.Areas;

namespace Wushe.Features.Areas;

/// <summary>
/// An administrative division. Codes change yearly, so areas carry validity dates and are
/// retired, never deleted.
/// </summary>
[ScopeColumn(nameof(Code))]
public sealed class Area : IAreaScoped
{
    private Area() { Code = Name = ""; }

    public Area(string code12, string name, AreaKind kind, bool isGenerated, DateOnly validFrom)
    {
        Code = code12;
        Name = name;
        Level = AreaCode.LevelOf(code12);
        ParentCode = AreaCode.ParentOf(code12);
        Kind = kind;
        IsGenerated = isGenerated;
        ValidFrom = validFrom;
    }

    [AreaCodeColumn] public string Code { get; private set; }
    public string Name { get; private set; }
    public AreaLevel Level { get; private set; }
    [AreaCodeColumn] public string? ParentCode { get; private set; }
    public AreaKind Kind { get; private set; }

    /// <summary>True for places the demo or a generator made up (no official list was available).</summary>
    public bool IsGenerated { get; private set; }
    public DateOnly ValidFrom { get; private set; }
    public DateOnly? ValidTo { get; private set; }

    /// <summary>
    /// For a 类似乡级单位: the bureau requires a station there, so coverage counts it even without one.
    /// Other townships always count; a unit that has a station counts anyway.
    /// </summary>
    public bool NeedsStation { get; private set; }

    public bool IsCurrent => ValidTo is null;

    string IAreaScoped.AreaCode => Code;

    /// <summary>Applies an official list's entry: its name and kind, current again, no longer generated.</summary>
    public void Refresh(string name, AreaKind kind)
    {
        Name = name;
        Kind = kind;
        IsGenerated = false;
        ValidTo = null;
    }

    /// <summary>Whether a 类似乡级单位 must have a station (see <see cref="NeedsStation"/>).</summary>
    public void SetNeedsStation(bool needed) => NeedsStation = needed;

    public void Retire(DateOnly on) => ValidTo ??= on;
}
