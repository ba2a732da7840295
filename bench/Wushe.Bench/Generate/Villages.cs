using Wushe.Features.Areas;
using Wushe.Platform.Areas;

namespace Wushe.Bench.Generate;

/// <summary>
/// Communities and villages under each township of the scale (none are in the official list):
/// about 13 per township. Streets get communities (codes 001–199); towns and townships a few
/// communities and mostly villages (200–399). All marked IsGenerated.
/// </summary>
sealed class Villages : IRecordKind
{
    static readonly DateOnly ValidFrom = new(2022, 10, 31);

    public string Name => "areas (generated villages)";

    public Task<int> CreateAsync(GenContext ctx)
    {
        var r = ctx.RandomFor(Name);
        return ctx.InsertAsync(ctx.Townships.SelectMany(t => For(t, r)));
    }

    static IEnumerable<Area> For(Area township, Random r)
    {
        var street = township.Kind == AreaKind.Street;
        var communities = street ? r.Next(8, 17) : r.Next(1, 4);
        var villages = street ? 0 : r.Next(8, 15);
        var prefix = township.Code[..9];
        for (var i = 1; i <= communities; i++)
            yield return new Area(prefix + i.ToString("000"), Names.Place(r) + "社区", AreaKind.Community, isGenerated: true, ValidFrom);
        for (var i = 0; i < villages; i++)
            yield return new Area(prefix + (200 + i).ToString("000"), Names.Place(r) + "村", AreaKind.Village, isGenerated: true, ValidFrom);
    }
}
