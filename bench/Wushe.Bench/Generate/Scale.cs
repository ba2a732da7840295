namespace Wushe.Bench.Generate;

/// <summary>
/// How much of Bijie (毕节市 5205, 8 counties, 279 townships) the generator fills: one
/// township, one county (七星关区, 48 townships) or the whole city. Every scale loads the real
/// division list; the scale decides where villages, stations, staff and records are made.
/// </summary>
sealed record Scale(string Name, string RootCode, string Description)
{
    public const string BijieCity = "520500000000";
    public const string Qixingguan = "520502000000";

    public static readonly Scale[] All =
    [
        new("township", "520502001000", "one township: 市西街道, 七星关区 (520502001)"),
        new("county", Qixingguan, "one county: 七星关区 (520502), 48 townships"),
        new("city", BijieCity, "one city: 毕节市 (5205), 8 counties, 279 townships"),
    ];

    public static Scale Parse(string name) =>
        All.FirstOrDefault(s => s.Name == name) ?? throw new UsageException($"--scale must be one of: {string.Join(", ", All.Select(s => s.Name))}.");
}
