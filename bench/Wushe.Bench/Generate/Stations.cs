using Wushe.Features.Areas;
using Wushe.Features.Stations;
using Wushe.Platform.Areas;
using Wushe.Platform.Sensitive;

namespace Wushe.Bench.Generate;

/// <summary>One station per city, county and township of the scale: full coverage, as in Bijie (279 of 279).</summary>
sealed class Stations : IRecordKind
{
    public string Name => "stations";

    public Task<int> CreateAsync(GenContext ctx)
    {
        var r = ctx.RandomFor(Name);
        var phone = 13900000000L;
        foreach (var a in ctx.Places)
        {
            var level = a.Level switch { AreaLevel.City => StationLevel.CityCentre, AreaLevel.County => StationLevel.CountyStation, _ => StationLevel.TownshipStation };
            var name = Names.Short(a.Name) + level switch
            {
                StationLevel.CityCentre => "社会工作指导中心",
                StationLevel.CountyStation => "社会工作服务总站",
                _ => "社会工作服务站",
            };
            var station = new Station(a.Code, level, name, ctx.At(new DateOnly(2021, 1, 4)));
            var (address, contact) = ($"{Names.Short(a.Name)}便民服务中心{r.Next(1, 5)}楼", Names.Person(r));
            station.SetContactPhone(ctx.Sealer.Seal(SensitiveKind.Phone, (++phone).ToString()));
            station.Edit(name, address, contact, new DateOnly(2021 + r.Next(0, 3), r.Next(1, 13), r.Next(1, 29)),
                level == StationLevel.TownshipStation && r.Next(10) < 6);
            ctx.Stations.Add(station);
        }
        return ctx.InsertAsync(ctx.Stations);
    }
}

/// <summary>政府购买服务: one contract per station and year (2024, 2025).</summary>
sealed class ServicePurchases : IRecordKind
{
    public string Name => "service purchases";

    public Task<int> CreateAsync(GenContext ctx)
    {
        var r = ctx.RandomFor(Name);
        var n = 0;
        return ctx.InsertAsync(ctx.Stations.SelectMany(s => new[] { 2024, 2025 }.Select(year =>
        {
            var amount = s.Level switch
            {
                StationLevel.CityCentre => 120_000_000L,
                StationLevel.CountyStation => 50_000_000L,
                _ => 20_000_000L + r.Next(0, 10) * 1_000_000L,
            };
            var source = r.Next(3) switch { 0 => FundingSource.WelfareLottery, 1 => FundingSource.UnitedFront, _ => FundingSource.CountyBudget };
            return new ServicePurchase(s, "毕节市民政局", $"{Names.Place(r)}社会工作服务中心", $"ZFGM-{year}-{++n:00000}", amount,
                new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), source);
        })).ToList());
    }
}
