using Wushe.Platform.Areas;
using Wushe.Platform.Composition;
using Wushe.Platform.Web;

namespace Wushe.Features.Areas;

/// <summary>The division tree, and the import of division lists (page, API, command line).</summary>
public sealed class AreasFeature : IFeature
{
    public void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<ImportJobs>();
        services.AddScoped<DivisionImport>();
        services.Configure<DivisionImportOptions>(config.GetSection("Wushe:Divisions:Import"));
        services.AddSingleton<ICliVerb, ImportDivisionsVerb>();
        services.AddSingleton<ICliVerb, RebuildRollUpsVerb>();
        services.AddScoped<IAreaNames, AreaNameLookup>();
    }

    public void MapEndpoints(FeatureEndpoints endpoints) => AreasApi.Map(endpoints.Api);

    public IEnumerable<NavEntry> Nav =>
    [
        new(NavGroups.BaseData, 10, "行政区划", "Areas", "/Areas", "bi-geo-alt", AreasPermissions.View),
        new(NavGroups.BaseData, 20, "区划导入", "Import divisions", "/Areas/Import", "bi-upload", AreasPermissions.Import),
    ];
}
