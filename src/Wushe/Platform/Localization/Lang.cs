using System.Globalization;

namespace Wushe.Platform.Localization;

/// <summary>
/// Every user-facing text is written as a pair at the point of use, Chinese first, so the
/// English side cannot fall behind (see docs/decisions/0002-bilingual-text-pairs.md).
/// </summary>
public static class Lang
{
    public const string Chinese = "zh-CN";
    public const string English = "en";

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    public static string T(string zh, string en) => IsEnglish ? en : zh;
}
