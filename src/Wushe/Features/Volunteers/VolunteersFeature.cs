using Wushe.Platform.Composition;

namespace Wushe.Features.Volunteers;

/// <summary>Volunteers (志愿者, the fifth society): the real-name register, self-registration, teams (志愿服务队), activities, and (to come) hours.</summary>
public sealed class VolunteersFeature : IFeature
{
    public static readonly NavGroup Group = new("志愿服务", "Volunteering", "bi-person-hearts", 400);

    public void AddServices(IServiceCollection services, IConfiguration config)
    {
        services.AddSingleton<JoinLimits>();
        services.AddSingleton<VolunteerTallies>();
        services.AddSingleton<Data.IRollUpPlan>(sp => sp.GetRequiredService<VolunteerTallies>());
        services.AddSingleton<Platform.Areas.IAreaRollUp>(sp => sp.GetRequiredService<VolunteerTallies>());
        services.AddSingleton<CheckInLimits>();
        services.AddSingleton<Activities.SignUpLanes>();
        services.AddSingleton(sp => new CheckInCodes(sp.GetRequiredService<Platform.Sensitive.Sealer>().DeriveKey(CheckInCodes.DeriveKey)));
        // Posted hour records become final in the background (tests turn it off and run FinalizeHours with their own clock).
        if (config.GetValue("Wushe:Volunteers:FinalizeInBackground", true)) services.AddHostedService<Hours.HourPostingService>();
    }

    public void MapEndpoints(FeatureEndpoints endpoints)
    {
        VolunteersApi.Map(endpoints.Api);
        Hours.HoursApi.Map(endpoints.Api);
        Teams.TeamsApi.Map(endpoints.Api);
        Exchange.ExchangeApi.Map(endpoints.Api);
        VolunteersApi.MapPublic(endpoints.PublicApi);
    }

    public IEnumerable<NavEntry> Nav =>
    [
        new(Group, 1, "志愿者名册", "Volunteers", "/Volunteers", "bi-person-hearts", VolunteersPermissions.View),
        new(Group, 2, "志愿活动", "Volunteer activities", "/Volunteers/Activities", "bi-calendar-heart", VolunteersPermissions.ViewActivities),
        new(Group, 3, "志愿服务队", "Volunteer teams", "/Volunteers/Teams", "bi-people", VolunteersPermissions.View),
        new(Group, 4, "志愿服务记录", "Volunteer hours", "/Volunteers/Hours", "bi-clock-history", VolunteersPermissions.ViewActivities),
        new(Group, 6, "全国系统对接", "National system exchange", "/Volunteers/Exchange", "bi-arrow-left-right", VolunteersPermissions.View),
        new(Group, 8, "志愿服务规则", "Volunteer rules", "/Volunteers/Rules", "bi-sliders", VolunteersPermissions.Configure),
        new(Group, 10, "我的志愿服务", "My volunteering", "/Volunteers/Me", "bi-person-heart", VolunteersPermissions.Self),
        new(Group, 11, "附近的活动", "Activities near me", "/Volunteers/Activities/Browse", "bi-geo-alt", VolunteersPermissions.Self),
        new(Group, 12, "我的报名", "My sign-ups", "/Volunteers/Activities/Mine", "bi-calendar-check", VolunteersPermissions.Self),
        new(Group, 13, "扫码签到", "Check in", "/Volunteers/Hours/CheckIn", "bi-qr-code-scan", VolunteersPermissions.Self),
        new(Group, 14, "我的服务时长", "My hours", "/Volunteers/Hours/Mine", "bi-clock-history", VolunteersPermissions.Self),
        new(Group, 15, "我的队伍", "My teams", "/Volunteers/Teams/Mine", "bi-people", VolunteersPermissions.Self),
    ];
}
