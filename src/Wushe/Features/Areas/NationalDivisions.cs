using System.IO.Compression;

namespace Wushe.Features.Areas;

/// <summary>
/// The national division list that ships with the product (Features/Areas/Divisions/README.md):
/// the statistical division codes of the National Bureau of Statistics as of 2022-10-31, from
/// modood/Administrative-divisions-of-China (WTFPL), embedded in the assembly as one zip of the
/// four CSV files, so a published app has it too. A newer list is imported as data.
/// </summary>
public static class NationalDivisions
{
    /// <summary>The date the shipped codes are valid as of.</summary>
    public static readonly DateOnly AsOf = new(2022, 10, 31);

    const string Resource = "Wushe.Divisions.zip";

    /// <summary>The four files, by name (provinces.csv …), as streams in memory; the caller disposes them.</summary>
    public static Dictionary<string, Stream> Open()
    {
        using var zip = new ZipArchive(typeof(NationalDivisions).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"The embedded resource {Resource} is missing from the build."), ZipArchiveMode.Read);
        var files = new Dictionary<string, Stream>();
        foreach (var name in DivisionList.FileNames)
        {
            var entry = zip.GetEntry(name) ?? throw new InvalidOperationException($"{Resource} has no {name}.");
            var ms = new MemoryStream((int)entry.Length);
            using (var s = entry.Open()) s.CopyTo(ms);
            ms.Position = 0;
            files[name] = ms;
        }
        return files;
    }

    /// <summary>The shipped list, parsed (it has no problems; a test says so).</summary>
    public static DivisionList.Parsed Parse()
    {
        var files = Open();
        try
        {
            return DivisionList.Parse(files);
        }
        finally
        {
            foreach (var f in files.Values) f.Dispose();
        }
    }
}
