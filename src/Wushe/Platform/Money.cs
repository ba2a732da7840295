using System.Globalization;

namespace Wushe.Platform;

/// <summary>Money is whole fen (long); shown as yuan: ¥1,234.50.</summary>
public static class Money
{
    public static string Yuan(long fen) => "¥" + (fen / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);
}
