using Wushe.Platform.Composition;

namespace Wushe.Features.Households;

/// <summary>Households and people at risk: residents, tags, consent, colour cards, tiered visiting, visits, service records.</summary>
public sealed class HouseholdsFeature : IFeature
{
    /// <summary>关爱服务: the menu group of households, visits, cases and groups.</summary>
    public static readonly NavGroup Group = new("关爱服务", "Care services", "bi-house-heart", 200);

    /// <summary>The service roll-ups are kept by every save that adds a service record, whichever use case saves it.</summary>
    public void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<ServiceTallies>();
        services.AddSingleton<Data.IRollUpPlan>(sp => sp.GetRequiredService<ServiceTallies>());
        services.AddSingleton<Platform.Areas.IAreaRollUp>(sp => sp.GetRequiredService<ServiceTallies>());
    }

    public void MapEndpoints(FeatureEndpoints endpoints)
    {
        HouseholdsApi.Map(endpoints.Api);
        SettingsApi.Map(endpoints.Api);
        VisitsApi.Map(endpoints.Api);
    }

    public IEnumerable<NavEntry> Nav =>
    [
        new(Group, 10, "我的探访", "My visits", "/Households/MyVisits", "bi-calendar-check", HouseholdsPermissions.Visit),
        new(Group, 20, "家庭户管理", "Households", "/Households", "bi-house", HouseholdsPermissions.View),
        new(Group, 30, "探访逾期统计", "Overdue visits", "/Households/Overdue", "bi-exclamation-triangle", HouseholdsPermissions.View),
        new(Group, 80, "户卡与标签设置", "Cards and tags", "/Households/Settings", "bi-palette", HouseholdsPermissions.Configure),
        new(Group, 90, "我参与探访的家庭", "Households I visited", "/Households/Linked", "bi-people", HouseholdsPermissions.Linked),
    ];
}
