using Wushe.Data;

namespace Wushe.Platform.Web;

/// <summary>
/// A command-line verb a feature offers (<c>dotnet run --project src/Wushe -- VERB …</c>): it runs and
/// the process exits with its code. Register it in the feature's <c>AddServices</c> as an <see cref="ICliVerb"/>.
/// </summary>
public interface ICliVerb
{
    /// <summary>The first word on the command line.</summary>
    string Name { get; }

    /// <summary>The verb with its arguments, for the usage line: <c>import-divisions [FOLDER] [--confirm]</c>.</summary>
    string Usage { get; }

    /// <summary>Runs the verb. <paramref name="words"/> are the positional words after the verb; <paramref name="args"/> all of them (options: <see cref="Cli.Option"/>).</summary>
    Task<int> RunAsync(WebApplication app, string[] words, string[] args);
}

/// <summary>
/// Command-line verbs: <c>migrate</c> (the platform's own) and every <see cref="ICliVerb"/> a feature
/// registers (e.g. <c>import-divisions</c>). No verb: the web app runs.
/// </summary>
public static class Cli
{
    /// <summary>Exit code of a command line that does not parse.</summary>
    public const int BadUsage = 2;

    public static string Usage(IEnumerable<ICliVerb> verbs) =>
        $"Usage: Wushe [{string.Join(" | ", verbs.Select(v => v.Usage).Append("migrate"))}]   (no verb: run the web app)";

    public static async Task<int?> RunAsync(WebApplication app, string[] args)
    {
        // Positional words come first; "--Key=value" switches after them are configuration.
        var words = args.TakeWhile(a => !a.StartsWith('-')).ToArray();
        if (words.Length == 0) return null;
        var verbs = app.Services.GetServices<ICliVerb>().ToList();
        if (words[0] == "migrate")
        {
            await Database.MigrateAsync(app.Services);
            Console.WriteLine("Database is up to date.");
            return 0;
        }
        if (verbs.FirstOrDefault(v => v.Name == words[0]) is { } verb) return await verb.RunAsync(app, words[1..], args);
        return Fail(verbs);
    }

    /// <summary>Prints the usage line and answers <see cref="BadUsage"/>.</summary>
    public static int Fail(IEnumerable<ICliVerb> verbs)
    {
        Console.Error.WriteLine(Usage(verbs));
        return BadUsage;
    }

    /// <summary>The value of <c>--name value</c> or <c>--name=value</c>.</summary>
    public static string? Option(string[] args, string name)
    {
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--" + name) return i + 1 < args.Length ? args[i + 1] : "";
            if (args[i].StartsWith($"--{name}=", StringComparison.Ordinal)) return args[i][(name.Length + 3)..];
        }
        return null;
    }
}
