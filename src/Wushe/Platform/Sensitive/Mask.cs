namespace Wushe.Platform.Sensitive;

/// <summary>Masking as Chinese civil-affairs screens show it (UI.md).</summary>
public static class Mask
{
    /// <summary>
    /// A mobile as 138****1234; a landline in its canonical form (<c>0857-6221234[-8001]</c>) as
    /// 0857-****234[-8001]: the area code and the last three digits, the extension as it is.
    /// </summary>
    public static string Phone(string phone)
    {
        if (phone.StartsWith('0') && phone.Split('-') is [var area, var local, .. var ext] && local.Length > 3)
            return $"{area}-{new string('*', 4)}{local[^3..]}" + (ext is [var e] ? "-" + e : "");
        return phone.Length < 7 ? new string('*', phone.Length) : string.Concat(phone.AsSpan(0, 3), "****", phone.AsSpan(phone.Length - 4));
    }

    /// <summary>5205**********0172: first 4 and last 4.</summary>
    public static string IdNumber(string id) =>
        id.Length <= 8 ? new string('*', id.Length) : string.Concat(id.AsSpan(0, 4), new string('*', id.Length - 8), id.AsSpan(id.Length - 4));

    /// <summary>张*丰 for three characters, 张* for two.</summary>
    public static string Name(string name)
    {
        if (name.Length <= 1) return name;
        if (name.Length == 2) return string.Concat(name.AsSpan(0, 1), "*");
        return string.Concat(name.AsSpan(0, 1), new string('*', name.Length - 2), name.AsSpan(name.Length - 1));
    }
}
