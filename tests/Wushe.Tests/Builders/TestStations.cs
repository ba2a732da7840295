using Microsoft.Extensions.DependencyInjection;
using Wushe.Data;
using Wushe.Features.Stations;
using Wushe.Platform.Access;
using Wushe.Platform.Sensitive;

namespace Wushe.Tests.Builders;

/// <summary>
/// Stations for tests, registered through the real use case (<see cref="SaveStation.Create"/>) as the system, so a
/// station made here passes every rule a user's would. Without an area, the station gets a township of its own
/// (<see cref="Places.NewTownshipAsync"/>), so tests never meet on the natural key (one station of a level per area).
/// </summary>
public static class TestStations
{
    public sealed record Made(Guid Id, string AreaCode, string Name);

    /// <summary>
    /// A station of <paramref name="level"/> on <paramref name="areaCode"/> (a new township when null; for other levels
    /// give an area of the level's own: a county for a county centre, a city for a city centre). Throws when the use case
    /// refuses (a test setup error, not a finding).
    /// </summary>
    public static async Task<Made> CreateAsync(TestApp app, string? areaCode = null, StationLevel level = StationLevel.TownshipStation,
        string? name = null, string? contactPhone = null, DateOnly? openedOn = null)
    {
        areaCode ??= await Places.NewTownshipAsync(app);
        name ??= "测试社工站" + areaCode[6..9];
        await using var scope = app.Scope();
        var services = scope.ServiceProvider;
        var result = await SaveStation.Create(services.GetRequiredService<AppDb>(), CurrentUser.System, services.GetRequiredService<Sealer>(),
            services.GetRequiredService<TimeProvider>(),
            new SaveStation.Request(areaCode, level, name, Address: null, ContactName: null, contactPhone, openedOn ?? new DateOnly(2026, 3, 1),
                IsCivilizationPracticeStation: false));
        if (!result.IsOk) throw new InvalidOperationException($"The test station on {areaCode} was refused: {Describe(result.Failure!)}");
        return new Made(result.Value!.Id, areaCode, name);
    }

    static string Describe(Wushe.Platform.Outcomes.Failure failure) =>
        failure.Title + (failure.Errors is { } errors ? " " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")) : "");
}
