using Wushe.Platform.Composition;

namespace Wushe.Features.Stations;

/// <summary>Social-work stations: records, staff, funding, the 五有五统一 checklist, star ratings, supervision, coverage.</summary>
public sealed class StationsFeature : IFeature
{
    /// <summary>社工站建设: the module's own menu group.</summary>
    public static readonly NavGroup Group = new("社工站建设", "Station development", "bi-building", 100);

    public void MapEndpoints(FeatureEndpoints endpoints)
    {
        StationsApi.Map(endpoints.Api);
        StationsApi.MapPublic(endpoints.PublicApi);
    }

    public IEnumerable<Platform.Files.FileKind> FileKinds => [StandardCheck.Evidence];

    public IEnumerable<NavEntry> Nav =>
    [
        new(Group, 10, "社工站管理", "Stations", "/Stations", "bi-buildings", StationsPermissions.View),
        new(Group, 20, "覆盖情况", "Coverage", "/Stations/Coverage", "bi-pie-chart", StationsPermissions.View),
        new(Group, 30, "评星管理", "Star ratings", "/Stations/Ratings", "bi-star", StationsPermissions.View),
        new(Group, 40, "督导记录", "Supervision", "/Stations/Supervisions", "bi-clipboard-check", StationsPermissions.View),
    ];
}
