using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Features.Households;

/// <summary>
/// 五色户卡 / 分色管理: an area's colour-card scheme, for its households and those below (a township's own scheme wins
/// over its county's). The colours, their meaning and each colour's visit frequency are data (Jiuyuan: five colours,
/// orange = priority elderly; others 红黄蓝). Also holds the area's re-assessment interval of guardianship assessments.
/// </summary>
public sealed partial class CardScheme : IAreaScoped
{
    private CardScheme() { AreaCode = Name = ""; Colours = []; }

    public CardScheme(string areaCode, string name, List<CardColour> colours, int guardianshipReassessMonths, DateTimeOffset at, string? nameEn = null)
    {
        Id = Guid.CreateVersion7();
        AreaCode = areaCode;
        Name = name;
        NameEn = nameEn;
        Colours = colours;
        GuardianshipReassessMonths = guardianshipReassessMonths;
        UpdatedAt = at;
    }

    public Guid Id { get; private set; }
    /// <summary>The area that defined the scheme (a county or a township, usually).</summary>
    public string AreaCode { get; private set; }
    public string Name { get; private set; }
    /// <summary>The name on English pages (<see cref="CardNames.SchemeName(CardScheme)"/>); the Chinese one when none is given.</summary>
    public string? NameEn { get; private set; }
    /// <summary>3 to 7 colours, most urgent first.</summary>
    public List<CardColour> Colours { get; private set; }
    /// <summary>监护评估: months until a minor's guardianship is assessed again (default 6).</summary>
    public int GuardianshipReassessMonths { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; private set; }

    public CardColour? Colour(string? key) => Colours.FirstOrDefault(c => c.Key == key);

    public void Edit(string name, List<CardColour> colours, int guardianshipReassessMonths, DateTimeOffset at, string? nameEn = null)
    {
        Name = name;
        NameEn = nameEn;
        Colours = colours;
        GuardianshipReassessMonths = guardianshipReassessMonths;
        UpdatedAt = at;
        Version++;
    }
}

/// <summary>
/// One colour of a scheme: a stable key (red, orange …), its name (红卡), what it means (重点关爱老人), the visit frequency
/// in days, the colour shown (#RRGGBB), and optionally its name and meaning in English (shown on the English pages; the
/// Chinese ones when none is given). Stored as JSON in the scheme's row, so the English fields need no column.
/// </summary>
public sealed record CardColour(string Key, string Name, string Meaning, int VisitEveryDays, string Hex, string? NameEn = null, string? MeaningEn = null)
{
    /// <summary>The name in the page's language (<see cref="Lang"/>): the English one on English pages when given, else the Chinese.</summary>
    public string LocalName() => Lang.T(Name, string.IsNullOrWhiteSpace(NameEn) ? Name : NameEn);

    /// <summary>The meaning in the page's language, as <see cref="LocalName"/>.</summary>
    public string LocalMeaning() => Lang.T(Meaning, string.IsNullOrWhiteSpace(MeaningEn) ? Meaning : MeaningEn);
}

/// <summary>A card given to a household, with the reason: the history of a household's cards, newest last.</summary>
public sealed class CardAssignment : IAreaScoped
{
    private CardAssignment() { AreaCode = Colour = ColourName = Reason = AssignedByName = ""; }

    public CardAssignment(Household household, CardScheme scheme, CardColour colour, string? previousName, string reason, DateOnly assignedOn,
        Guid? assignedById, string assignedByName, DateTimeOffset recordedAt)
    {
        Id = Guid.CreateVersion7();
        HouseholdId = household.Id;
        AreaCode = household.AreaCode;
        SchemeId = scheme.Id;
        Colour = colour.Key;
        ColourName = colour.Name;
        PreviousName = previousName;
        VisitEveryDays = colour.VisitEveryDays;
        Reason = reason;
        AssignedOn = assignedOn;
        AssignedById = assignedById;
        AssignedByName = assignedByName;
        RecordedAt = recordedAt;
    }

    public Guid Id { get; private set; }
    public Guid HouseholdId { get; private set; }
    public string AreaCode { get; private set; }
    /// <summary>The household moved to another community (<see cref="MoveHousehold"/>): this record with it.</summary>
    public void MoveTo(string areaCode) => AreaCode = areaCode;
    public Guid SchemeId { get; private set; }
    public string Colour { get; private set; }
    public string ColourName { get; private set; }
    public string? PreviousName { get; private set; }
    public int VisitEveryDays { get; private set; }
    public string Reason { get; private set; }
    public DateOnly AssignedOn { get; private set; }
    public Guid? AssignedById { get; private set; }
    public string AssignedByName { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }
}
