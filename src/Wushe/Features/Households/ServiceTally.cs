using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;

namespace Wushe.Features.Households;

/// <summary>
/// Roll-up of the service records (DESIGN.md, "Figures at city scale": a city's figures are never summed from raw records
/// per request): for an area node, a calendar month (China date) and a service kind, the records and the attendances
/// (beneficiary rows). A record counts in the node of every area that holds it — its own area and each ancestor up to the
/// whole country — and, when its area is not a community (a township's own group, say), in that area's <see cref="Own"/>
/// node too. Kept by <see cref="ServiceTallies"/> in the transaction that writes the record; rebuilt from the records by
/// <see cref="ServiceTallies.RebuildAsync"/>. Not an <c>IAreaScoped</c> record: a figure, read only through
/// <see cref="ServiceSummary"/>, which checks the scope; a division change rebuilds it (<see cref="IAreaRollUp"/>).
/// </summary>
public sealed class ServiceTally
{
    private ServiceTally() { AreaCode = ""; }

    /// <summary>The node's area, 12 digits (<see cref="Scope.Country"/> for the whole country).</summary>
    public string AreaCode { get; private set; }

    /// <summary>True: the records kept at the area itself only; false: everything under the area, itself included.</summary>
    public bool Own { get; private set; }

    public int Year { get; private set; }

    /// <summary>1–12.</summary>
    public int Month { get; private set; }

    public ServiceKind Kind { get; private set; }

    public int Services { get; private set; }

    public int Attendances { get; private set; }
}

/// <summary>
/// Unique people served (DOMAIN.md: reports count unique people, not attendances), kept so that a period of months is
/// counted without reading the records: for an area node, a year and a kind (<see cref="Kind"/> 0 = any kind), the number
/// of people whose services in that node and year fell in exactly the months of <see cref="Months"/> (bit 0 = January …
/// bit 11 = December). The people served in months m1–m2 are then the sum over the rows whose mask meets those months:
/// exact, and a few hundred rows for a city. A person's first service of a month in a node moves them from the row of
/// their old mask to the row of the new one (<see cref="ServiceTallies"/>).
/// </summary>
public sealed class ServedPeopleTally
{
    private ServedPeopleTally() { AreaCode = ""; }

    /// <summary>Any kind of service: the kind key of the overall figures.</summary>
    public const int AnyKind = 0;

    public string AreaCode { get; private set; }

    public bool Own { get; private set; }

    public int Year { get; private set; }

    /// <summary>A <see cref="ServiceKind"/> value, or <see cref="AnyKind"/>.</summary>
    public int Kind { get; private set; }

    /// <summary>The months served, bit 0 = January.</summary>
    public int Months { get; private set; }

    public int People { get; private set; }

    /// <summary>The months from <paramref name="from"/> to <paramref name="to"/> (1–12, both included) as a mask.</summary>
    public static int MonthsMask(int from, int to) => ((1 << to) - 1) & ~((1 << (from - 1)) - 1);
}

/// <summary>The nodes an area's records count in.</summary>
public static class TallyNodes
{
    /// <summary>
    /// (area, own) of every node a record kept at <paramref name="areaCode12"/> counts in: the area and each ancestor
    /// (whole), the country, and the area's own node unless it is a community (a community's own and whole are one).
    /// </summary>
    public static IEnumerable<(string AreaCode, bool Own)> Of(string areaCode12)
    {
        yield return (Scope.Country, false);
        if (areaCode12 == Scope.Country) yield break;
        var level = AreaCode.LevelOf(areaCode12);
        foreach (var l in Enum.GetValues<AreaLevel>().Where(l => l <= level))
            yield return (areaCode12[..AreaCode.PrefixLength(l)].PadRight(AreaCode.Length, '0'), false);
        if (level != AreaLevel.Village) yield return (areaCode12, true);
    }

    /// <summary>Whether a record kept at <paramref name="recordArea"/> counts in the node (<paramref name="node"/>, <paramref name="own"/>).</summary>
    public static bool Holds(string node, bool own, string recordArea) =>
        own ? recordArea == node : node == Scope.Country || AreaCode.Covers(node, recordArea);
}

sealed class ServiceTallyConfiguration : IEntityTypeConfiguration<ServiceTally>
{
    public void Configure(EntityTypeBuilder<ServiceTally> b)
    {
        b.HasKey(x => new { x.AreaCode, x.Own, x.Year, x.Month, x.Kind });
    }
}

sealed class ServedPeopleTallyConfiguration : IEntityTypeConfiguration<ServedPeopleTally>
{
    public void Configure(EntityTypeBuilder<ServedPeopleTally> b)
    {
        b.HasKey(x => new { x.AreaCode, x.Own, x.Year, x.Kind, x.Months });
    }
}
