namespace Wushe.Platform.Localization;

/// <summary>
/// The name of a field as its user reads it, Chinese first (<c>[Label("建站日期", "Opening date")]</c>).
/// Put it on a request's property or positional parameter: a value that does not parse is then
/// reported as "建站日期格式不正确" by pages (model binding) and by the API (a JSON body, a form, a query
/// value), never as the code name of the property.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, Inherited = true)]
public sealed class LabelAttribute(string zh, string en) : Attribute
{
    public string Zh { get; } = zh;
    public string En { get; } = en;

    public string Text => Lang.T(Zh, En);

    /// <summary>"{label}格式不正确" (UI.md's wording for a value that does not parse).</summary>
    public static string NotValid(string label) => Lang.T($"{label}格式不正确", $"{label} is not valid");
}
