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
    public static string ResidentIdNumber(DateOnly birth, bool male = true, string area = "520502")
    {
        var n = Interlocked.Increment(ref resident) % 500 * 2 + (male ? 1 : 0);
        var first17 = area + birth.ToString("yyyyMMdd") + n.ToString("000");
        return first17 + ResidentId.CheckChar(first17);
    }
}
