using System.Text;
using Wushe.Features.Areas;

namespace Wushe.Tests.Areas;

/// <summary>
/// A copy of the national division list shipped with the product, as the four CSV texts, to modify
/// the way real lists go wrong or change (a renamed township, a truncated file, a re-coded county)
/// and upload or write out. Nothing outside the repository is read.
/// </summary>
public sealed class RealList
{
    static readonly Lazy<Dictionary<string, List<string>>> Shipped = new(() =>
    {
        var files = NationalDivisions.Open();
        try
        {
            return files.ToDictionary(f => f.Key, f =>
            {
                using var reader = new StreamReader(f.Value, Encoding.UTF8);
                return reader.ReadToEnd().Split('\n').Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToList();
            });
        }
        finally
        {
            foreach (var f in files.Values) f.Dispose();
        }
    });

    readonly Dictionary<string, List<string>> lines = Shipped.Value.ToDictionary(f => f.Key, f => f.Value.ToList());

    /// <summary>The whole list as shipped.</summary>
    public static RealList Whole() => new();

    /// <summary>Only the provinces given (with everything under them): a list that covers these provinces alone.</summary>
    public static RealList Provinces(params string[] codes)
    {
        var list = new RealList();
        foreach (var rows in list.lines.Values)
            rows.RemoveAll(l => !l.StartsWith("code,", StringComparison.Ordinal) && !codes.Any(c => l.StartsWith(c, StringComparison.Ordinal)));
        return list;
    }

    /// <summary>The rows of a file (header first).</summary>
    public IReadOnlyList<string> Lines(string file) => lines[file];

    /// <summary>The name of a row of the list, by its short code.</summary>
    public string Name(string code) => DivisionList.SplitCsv(lines.Values.SelectMany(l => l).First(l => l.StartsWith(code + ",", StringComparison.Ordinal)))[1];

    public RealList Rename(string code, string name) => Edit(code, f => f[1] = name);

    public RealList Remove(string code)
    {
        foreach (var rows in lines.Values) rows.RemoveAll(l => l.StartsWith(code + ",", StringComparison.Ordinal));
        return this;
    }

    /// <summary>Keeps the header and the first <paramref name="rows"/> rows of a file, as a cut-off save would.</summary>
    public RealList Truncate(string file, int rows)
    {
        lines[file] = lines[file].Take(rows + 1).ToList();
        return this;
    }

    /// <summary>A county that gets a new code and name (a county becoming a city): the county row and its townships.</summary>
    public RealList Recode(string county, string newCounty, string newName)
    {
        var rows = lines["areas.csv"];
        var at = rows.FindIndex(l => l.StartsWith(county + ",", StringComparison.Ordinal));
        var f = DivisionList.SplitCsv(rows[at]);
        rows[at] = Csv([newCounty, newName, .. f.Skip(2)]);
        var streets = lines["streets.csv"];
        for (var i = 0; i < streets.Count; i++)
        {
            if (!streets[i].StartsWith(county, StringComparison.Ordinal)) continue;
            var s = DivisionList.SplitCsv(streets[i]);
            streets[i] = Csv([newCounty + s[0][6..], s[1], newCounty, .. s.Skip(3)]);
        }
        return this;
    }

    RealList Edit(string code, Action<List<string>> change)
    {
        foreach (var rows in lines.Values)
        {
            var at = rows.FindIndex(l => l.StartsWith(code + ",", StringComparison.Ordinal));
            if (at < 0) continue;
            var f = DivisionList.SplitCsv(rows[at]);
            change(f);
            rows[at] = Csv(f);
            return this;
        }
        throw new ArgumentException($"No row {code} in the list.", nameof(code));
    }

    static string Csv(IEnumerable<string> fields) => string.Join(',', fields.Select((v, i) => i == 1 ? $"\"{v}\"" : v));

    /// <summary>The file's bytes: UTF-8 without a BOM by default; GB18030 as Chinese Excel saves "CSV (逗号分隔)".</summary>
    public byte[] Bytes(string file, Encoding? encoding = null) => (encoding ?? new UTF8Encoding(false)).GetBytes(string.Join("\r\n", lines[file]) + "\r\n");

    public static Encoding Gb18030
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding(54936);
        }
    }

    public Dictionary<string, Stream> Streams(Encoding? encoding = null) =>
        lines.Keys.ToDictionary(f => f, f => (Stream)new MemoryStream(Bytes(f, encoding)));

    /// <summary>The upload form of the import page and API (fields provinces, cities, areas, streets; an optional mapping).</summary>
    public MultipartFormDataContent Form(Encoding? encoding = null, string? mapping = null)
    {
        var form = new MultipartFormDataContent();
        foreach (var file in lines.Keys)
            form.Add(new ByteArrayContent(Bytes(file, encoding)), Path.GetFileNameWithoutExtension(file), file);
        if (mapping is not null) form.Add(new ByteArrayContent(Encoding.UTF8.GetBytes(mapping)), "mapping", "mapping.csv");
        return form;
    }

    /// <summary>Writes the four files into a folder (for the command line).</summary>
    public void WriteTo(string folder, Encoding? encoding = null)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in lines.Keys) File.WriteAllBytes(Path.Combine(folder, file), Bytes(file, encoding));
    }
}
