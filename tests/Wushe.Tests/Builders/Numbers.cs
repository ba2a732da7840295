using Wushe.Platform.Validation;

namespace Wushe.Tests.Builders;

/// <summary>
/// Unique values for tests: valid mobile numbers and resident ID numbers that no demo account and no other call of
/// this run holds. Each starts at a random point (so two runs on one database rarely meet) and counts up (so two calls
/// of one run never do).
/// </summary>
public static class Numbers
{
    // 199 is a valid mobile prefix that neither the demo (138000000NN) nor any test's literal number uses.
    static long mobile = Random.Shared.NextInt64(0, 50_000_000);
    static long resident = Random.Shared.NextInt64(0, 5_000_000);

    /// <summary>A valid mainland mobile number (<see cref="Mobile"/>): 199 and eight digits, different each call.</summary>
    public static string Mobile()
    {
        var n = Interlocked.Increment(ref mobile) % 100_000_000;
        return "199" + n.ToString("00000000");
    }

    /// <summary>
    /// A valid resident ID number (<see cref="ResidentId"/>: area, birth date, sequence, check character) of someone
    /// born in <paramref name="area"/> (6 digits; 七星关区 unless told) between 1960 and 2000, different each call.
    /// </summary>
    public static string ResidentIdNumber(string area = "520502")
    {
        var n = Interlocked.Increment(ref resident);
        var birth = new DateOnly(1960, 1, 1).AddDays((int)(n / 1000 % 14_600));
        var first17 = area + birth.ToString("yyyyMMdd") + (n % 1000).ToString("000");
        return first17 + ResidentId.CheckChar(first17);
    }

    /// <summary>A valid resident ID number of someone born on <paramref name="birth"/> in <paramref name="area"/>, of the sex asked (the 17th digit: odd for men), different each call.</summary>
    /// <remarks>One birth date and place give only 500 numbers of each sex: each further 500 calls move the place (its last four
    /// digits; only the province is checked), or a run that makes many people born on one day met a number it had given before.
    /// A residence permit's 810000/820000/830000 is kept as it is.</remarks>
    public static string ResidentIdNumber(DateOnly birth, bool male = true, string area = "520502")
    {
        var n = Interlocked.Increment(ref resident);
        var place = area[0] == '8' ? area : area[..2] + ((int.Parse(area[2..], System.Globalization.CultureInfo.InvariantCulture) + n / 500) % 10_000).ToString("0000");
        var first17 = place + birth.ToString("yyyyMMdd") + (n % 500 * 2 + (male ? 1 : 0)).ToString("000");
        return first17 + ResidentId.CheckChar(first17);
    }
}
