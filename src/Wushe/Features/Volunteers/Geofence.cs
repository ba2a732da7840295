using System.Globalization;
using Wushe.Platform.Localization;

namespace Wushe.Features.Volunteers;

/// <summary>
/// Whether a check-in is made at the activity's place (<see cref="VolunteerSettings.GeofenceMeters"/>). Pure. Coordinates are
/// WGS-84 degrees as a browser's geolocation gives them; a map's GCJ-02 coordinates are a few hundred metres off in China,
/// so the place must be stored in WGS-84 too.
/// </summary>
public static class Geofence
{
    /// <summary>The mean Earth radius of WGS-84 (IUGG R1), in metres.</summary>
    public const double EarthRadiusMeters = 6_371_008.8;

    /// <summary>Great-circle distance in metres between two WGS-84 points (haversine on the mean radius; within 0.5% of the
    /// ellipsoid, plenty for a fence of hundreds of metres).</summary>
    public static double DistanceMeters(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double degrees) => degrees * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusMeters * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>
    /// Null when (<paramref name="lat"/>, <paramref name="lon"/>) is within <paramref name="radiusMeters"/> of the place, or no
    /// fence applies (radius ≤ 0); else why not, in the reader's language: no position, a position out of range, or how far
    /// away ("您距活动地点约 1.2 公里，超出 500 米签到范围").
    /// </summary>
    public static string? Check(double? lat, double? lon, double placeLat, double placeLon, int radiusMeters)
    {
        if (radiusMeters <= 0) return null;
        if (lat is not { } la || lon is not { } lo)
            return Lang.T("本次签到需要您的位置：请允许浏览器获取位置后重试", "This check-in needs your location: allow the browser to share it and try again");
        if (!Valid(la, lo))
            return Lang.T("位置无效：纬度须在 -90 至 90 之间，经度须在 -180 至 180 之间",
                "Invalid location: latitude must be -90 to 90 and longitude -180 to 180");
        if (!Valid(placeLat, placeLon))
            return Lang.T("活动地点的坐标无效，请联系组织方", "The activity's place has invalid coordinates: contact the organizer");
        var distance = DistanceMeters(la, lo, placeLat, placeLon);
        if (distance <= radiusMeters) return null;
        return Lang.T($"您距活动地点约 {Describe(distance, zh: true)}，超出 {radiusMeters} 米签到范围",
            $"You are about {Describe(distance, zh: false)} from the activity, outside the {radiusMeters} m check-in range");
    }

    static bool Valid(double lat, double lon) =>
        double.IsFinite(lat) && double.IsFinite(lon) && lat is >= -90 and <= 90 && lon is >= -180 and <= 180;

    /// <summary>Under 1 km in whole metres ("800 米"), else kilometres with one decimal ("1.2 公里").</summary>
    static string Describe(double meters, bool zh) => Math.Round(meters) < 1000
        ? Math.Round(meters).ToString("0", CultureInfo.InvariantCulture) + (zh ? " 米" : " m")
        : (meters / 1000).ToString("0.0", CultureInfo.InvariantCulture) + (zh ? " 公里" : " km");
}
