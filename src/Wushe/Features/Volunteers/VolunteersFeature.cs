using Wushe.Platform.Composition;

namespace Wushe.Features.Volunteers;

/// <summary>Volunteers (志愿者, the fifth society): the real-name register, self-registration, teams (志愿服务队), activities, and (to come) hours.</summary>
public sealed class VolunteersFeature : IFeature
{
    public static readonly NavGroup Group = new("志愿服务", "Volunteering", "bi-person-hearts", 400);

    public void AddServices(IServiceCollection services, IConfiguration config) => services.AddSingleton<JoinLimits>();

    public void MapEndpoints(FeatureEndpoints endpoints)
    {
        VolunteersApi.Map(endpoints.Api);
        Teams.TeamsApi.Map(endpoints.Api);
        VolunteersApi.MapPublic(endpoints.PublicApi);
    }

    public IEnumerable<NavEntry> Nav =>
    [
        new(Group, 1, "志愿者名册", "Volunteers", "/Volunteers", "bi-person-hearts", VolunteersPermissions.View),
        new(Group, 2, "志愿活动", "Volunteer activities", "/Volunteers/Activities", "bi-calendar-heart", VolunteersPermissions.View),
        new(Group, 3, "我的志愿服务", "My volunteering", "/Volunteers/Me", "bi-person-heart", VolunteersPermissions.Self),
        new(Group, 4, "附近的活动", "Activities near me", "/Volunteers/Activities/Browse", "bi-geo-alt", VolunteersPermissions.Self),
        new(Group, 5, "我的报名", "My sign-ups", "/Volunteers/Activities/Mine", "bi-calendar-check", VolunteersPermissions.Self),
        new(Group, 6, "志愿服务队", "Volunteer teams", "/Volunteers/Teams", "bi-people", VolunteersPermissions.View),
        new(Group, 7, "我的队伍", "My teams", "/Volunteers/Teams/Mine", "bi-people", VolunteersPermissions.Self),
    ];
}
