using Wushe.Platform.Localization;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Charity.Wishes;

/// <summary>
/// The micro-wish rules of DOMAIN.md ("Micro-wishes") in one place: field limits, and the check that what goes on the wall names no
/// one — the alias, the wish and its story may not hold the person's name (whole, or the given name of two characters or more), nor a
/// phone number, an ID number or a door address (栋、单元、号楼、室: the wall promises "不公开姓名、住址和联系方式").
/// Periods are configuration (<see cref="WishOptions"/>).
/// </summary>
public static class WishRules
{
    public const int AliasMax = 10, ItemMax = 50, StoryMax = 200, ThankYouMax = 300, EvidenceMax = 300;

    /// <summary>Why <paramref name="text"/> may not go public for the person named <paramref name="realName"/>, or null.</summary>
    public static string? Identifies(string? text, string realName)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (ContactText.Finds(text))
            return Lang.T("公开内容不能出现电话号码、身份证号码或门牌地址", "The public text may not hold a phone number, an ID number or an address");
        if (realName.Length < 2) return null;
        var given = realName.Length >= 3 ? realName[1..] : null;
        return text.Contains(realName, StringComparison.Ordinal) || (given is not null && text.Contains(given, StringComparison.Ordinal))
            ? Lang.T("公开内容不能出现心愿人的真实姓名，请使用化名", "The public text may not hold the person's real name: use an alias")
            : null;
    }
}

/// <summary><c>Wushe:Charity:Wishes</c>: the periods of the micro-wish loop.</summary>
public sealed class WishOptions
{
    /// <summary>Days a claimer has to confirm contact before the claim lapses (DOMAIN.md: 7).</summary>
    public int ContactDays { get; set; } = 7;

    /// <summary>Days after their claim lapsed or was given up before the same account may claim that wish again.</summary>
    public int CoolDownDays { get; set; } = 30;

    /// <summary>Wishes one account may hold at once (claimed, not yet delivered).</summary>
    public int HoldAtOnce { get; set; } = 3;

    /// <summary>The largest value of a micro-wish, yuan.</summary>
    public decimal ValueMaxYuan { get; set; } = 2000m;

    /// <summary>Whether the lapse sweep runs in the background (tests run it with their own clock).</summary>
    public bool LapseInBackground { get; set; } = true;
}
