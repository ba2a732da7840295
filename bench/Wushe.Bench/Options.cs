namespace Wushe.Bench;

/// <summary>Command-line options: <c>--name value</c> pairs after the verb.</summary>
sealed class Options
{
    readonly Dictionary<string, string> values = new(StringComparer.Ordinal);

    public Options(IEnumerable<string> args)
    {
        string? name = null;
        foreach (var a in args)
        {
            if (a.StartsWith("--", StringComparison.Ordinal))
            {
                if (name is not null) values[name] = "true";
                name = a[2..];
            }
            else if (name is not null)
            {
                values[name] = a;
                name = null;
            }
            else throw new UsageException($"Unexpected argument '{a}'.");
        }
        if (name is not null) values[name] = "true";
    }

    public string? Get(string name) => values.GetValueOrDefault(name);

    public string Get(string name, string fallback) => values.GetValueOrDefault(name) ?? fallback;

    public int Get(string name, int fallback) =>
        values.TryGetValue(name, out var v) ? int.TryParse(v, out var n) && n > 0 ? n : throw new UsageException($"--{name} must be a positive whole number.") : fallback;
}

sealed class UsageException(string message) : Exception(message);
