using Wushe.Features.Volunteers;

namespace Wushe.Tests.Volunteers;

/// <summary>Checking in at the activity's place: distance and the fence.</summary>
public sealed class GeofenceTests
{
    // Tiananmen (the gate) and Beijing railway station, WGS-84.
    const double TiananmenLat = 39.9087, TiananmenLon = 116.3975;
    const double StationLat = 39.9029, StationLon = 116.4272;

    [Fact]
    public void The_distance_from_Tiananmen_to_Beijing_railway_station_is_about_2_6_km()
    {
        // 2,620 m on the WGS-84 ellipsoid (Vincenty's inverse formula); the haversine on the mean radius stays within 2%.
        var d = Geofence.DistanceMeters(TiananmenLat, TiananmenLon, StationLat, StationLon);
        Assert.InRange(d, 2620 * 0.98, 2620 * 1.02);
        Assert.Equal(d, Geofence.DistanceMeters(StationLat, StationLon, TiananmenLat, TiananmenLon), 6);
        Assert.Equal(0, Geofence.DistanceMeters(StationLat, StationLon, StationLat, StationLon));
    }

    [Fact]
    public void A_degree_of_latitude_is_about_111_km()
    {
        Assert.InRange(Geofence.DistanceMeters(40, 116, 41, 116), 111_100, 111_300);
        // Half the circumference between antipodes, without NaN.
        Assert.Equal(Math.PI * Geofence.EarthRadiusMeters, Geofence.DistanceMeters(0, 0, 0, 180), 1);
    }

    /// <summary>A point <paramref name="meters"/> north of the place (a degree of latitude is ≈ 111.2 km on the mean radius).</summary>
    static double North(double meters) => StationLat + meters / (Geofence.EarthRadiusMeters * Math.PI / 180);

    [Fact]
    public void Four_hundred_metres_away_is_inside_a_500_metre_fence()
    {
        Assert.InRange(Geofence.DistanceMeters(North(400), StationLon, StationLat, StationLon), 399.9, 400.1);
        Assert.Null(Geofence.Check(North(400), StationLon, StationLat, StationLon, 500));
        Assert.Null(Geofence.Check(StationLat, StationLon, StationLat, StationLon, 500));
    }

    [Fact]
    public void One_point_two_kilometres_away_is_outside_and_says_how_far()
    {
        using var chinese = new ChineseCulture();
        Assert.Equal("您距活动地点约 1.2 公里，超出 500 米签到范围", Geofence.Check(North(1200), StationLon, StationLat, StationLon, 500));
        Assert.Equal("您距活动地点约 620 米，超出 500 米签到范围", Geofence.Check(North(620), StationLon, StationLat, StationLon, 500));
        Assert.Equal("您距活动地点约 2.6 公里，超出 500 米签到范围", Geofence.Check(TiananmenLat, TiananmenLon, StationLat, StationLon, 500));
    }

    [Fact]
    public void A_missing_position_is_refused_when_a_fence_applies_and_allowed_when_none_does()
    {
        using var chinese = new ChineseCulture();
        Assert.Equal("本次签到需要您的位置：请允许浏览器获取位置后重试", Geofence.Check(null, null, StationLat, StationLon, 500));
        Assert.NotNull(Geofence.Check(StationLat, null, StationLat, StationLon, 500));
        Assert.Null(Geofence.Check(null, null, StationLat, StationLon, 0));
        Assert.Null(Geofence.Check(TiananmenLat, TiananmenLon, StationLat, StationLon, 0));
    }

    [Theory]
    [InlineData(91, 116)]
    [InlineData(-90.5, 116)]
    [InlineData(39.9, 181)]
    [InlineData(39.9, -180.1)]
    [InlineData(double.NaN, 116)]
    [InlineData(39.9, double.PositiveInfinity)]
    public void A_position_out_of_range_is_refused(double lat, double lon)
    {
        using var chinese = new ChineseCulture();
        Assert.Equal("位置无效：纬度须在 -90 至 90 之间，经度须在 -180 至 180 之间", Geofence.Check(lat, lon, StationLat, StationLon, 500));
    }
}
