using Wushe.Features.Stations;

namespace Wushe.Bench.Generate;

/// <summary>督导: 4–8 visits per township station over the last 18 months, by the county station or the city centre.</summary>
sealed class Supervisions : IRecordKind
{
    static readonly string[] Topics = ["个案服务规范与台账管理", "“五有五统一”标准化建设", "社工+志愿者联动机制", "困境儿童监护评估实务", "老年人分级探访工作", "社区基金项目申报"];

    public string Name => "supervisions";

    public Task<int> CreateAsync(GenContext ctx)
    {
        var r = ctx.RandomFor(Name);
        var byArea = ctx.Stations.ToDictionary(s => s.AreaCode);
        return ctx.InsertAsync(ctx.Stations.Where(s => s.Level == StationLevel.TownshipStation).SelectMany(s =>
        {
            var county = byArea.GetValueOrDefault(s.AreaCode[..6].PadRight(12, '0'));
            var city = byArea.GetValueOrDefault(s.AreaCode[..4].PadRight(12, '0'));
            return Enumerable.Range(0, r.Next(4, 9)).Select(_ =>
            {
                var by = r.Next(3) == 0 ? city ?? county : county ?? city;
                var visited = ctx.Today.AddDays(-r.Next(0, 540));
                return new Supervision(s, r.Next(3) == 0 ? SupervisionKind.CapacityBuilding : SupervisionKind.Supervision, visited, null,
                    (by?.Name ?? "毕节市社会工作指导中心") + "督导组", Topics[r.Next(Topics.Length)],
                    "服务台账基本完整，个案记录需补充评估与结案材料。", "一个月内补齐个案评估表；下次督导复查。", visited.AddDays(30), ctx.At(visited, 18));
            }).ToList();
        }));
    }
}
