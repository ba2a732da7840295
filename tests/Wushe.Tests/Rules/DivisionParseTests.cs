using System.Text;
using Wushe.Features.Areas;

namespace Wushe.Tests.Rules;

/// <summary>The four division files as the official list lays them out, written by a test.</summary>
public sealed class DivisionFiles
{
    readonly Dictionary<string, StringBuilder> files = new()
    {
        ["provinces.csv"] = new("code,name\n"),
        ["cities.csv"] = new("code,name,provinceCode\n"),
        ["areas.csv"] = new("code,name,cityCode,provinceCode\n"),
        ["streets.csv"] = new("code,name,areaCode,provinceCode,cityCode\n"),
    };

    /// <summary>A province with one city and one county, named after the province code.</summary>
    public static DivisionFiles County(string province, string cityName = "测试市", string countyName = "测试区") =>
        new DivisionFiles()
            .Line("provinces.csv", $"{province},\"测试省{province}\"")
            .Line("cities.csv", $"{province}01,\"{cityName}\",{province}")
            .Line("areas.csv", $"{province}0101,\"{countyName}\",{province}01,{province}");

    public DivisionFiles Line(string file, string line)
    {
        files[file].Append(line).Append('\n');
        return this;
    }

    /// <summary>A township row under the county of <see cref="County"/>.</summary>
    public DivisionFiles Township(string code9, string name) =>
        Line("streets.csv", $"{code9},\"{name}\",{code9[..6]},{code9[..2]},{code9[..4]}");

    public Dictionary<string, Stream> Streams() =>
        files.ToDictionary(f => f.Key, f => (Stream)new MemoryStream(Encoding.UTF8.GetBytes(f.Value.ToString())));

    public MultipartFormDataContent Form()
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, text) in files)
        {
            var content = new ByteArrayContent(Encoding.UTF8.GetBytes(text.ToString()));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
            form.Add(content, Path.GetFileNameWithoutExtension(name), name);
        }
        return form;
    }
}

public sealed class DivisionParseTests
{
    [Fact]
    public void A_sound_list_gives_one_row_per_place_with_twelve_digit_codes()
    {
        var files = DivisionFiles.County("99").Township("990101001", "甲街道").Township("990101100", "丙镇");
        var (rows, errors) = DivisionImport.Parse(files.Streams());
        Assert.Empty(errors);
        Assert.Equal(["990000000000", "990100000000", "990101000000", "990101001000", "990101100000"], rows.Select(r => r.Code12));
        Assert.Equal("990101000000", rows.Single(r => r.Name == "丙镇").ParentCode12);
    }

    [Fact]
    public void Broken_rows_are_reported_with_file_and_line_number()
    {
        using var chinese = new ChineseCulture();
        var files = DivisionFiles.County("99")
            .Township("990101001", "甲街道")
            .Line("streets.csv", "99010100X,\"坏代码\",990101,99,9901")
            .Line("streets.csv", "990101002,\"\",990101,99,9901")
            .Line("streets.csv", "990102003,\"错上级\",990101,99,9901")
            .Township("990101001", "重复街道");
        var (_, errors) = DivisionImport.Parse(files.Streams());
        Assert.Equal(4, errors.Count);
        Assert.StartsWith("streets.csv 第 3 行", errors[0], StringComparison.Ordinal);
        Assert.Contains("99010100X", errors[0], StringComparison.Ordinal);
        Assert.StartsWith("streets.csv 第 4 行", errors[1], StringComparison.Ordinal);
        Assert.StartsWith("streets.csv 第 5 行", errors[2], StringComparison.Ordinal);
        Assert.StartsWith("streets.csv 第 6 行", errors[3], StringComparison.Ordinal);
        Assert.Contains("重复", errors[3], StringComparison.Ordinal);
    }

    [Fact]
    public void A_row_whose_parent_is_missing_from_the_files_is_reported()
    {
        using var chinese = new ChineseCulture();
        var files = DivisionFiles.County("99").Township("990102001", "孤儿街道");
        var (_, errors) = DivisionImport.Parse(files.Streams());
        var error = Assert.Single(errors);
        Assert.StartsWith("streets.csv 第 2 行", error, StringComparison.Ordinal);
        Assert.Contains("990102", error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_or_a_wrong_header_is_reported()
    {
        using var chinese = new ChineseCulture();
        var streams = DivisionFiles.County("99").Streams();
        streams.Remove("streets.csv");
        streams["areas.csv"] = new MemoryStream(Encoding.UTF8.GetBytes("code,name\n990101,测试区\n"));
        var (_, errors) = DivisionImport.Parse(streams);
        Assert.Equal(2, errors.Count);
        Assert.Contains(errors, e => e.Contains("areas.csv", StringComparison.Ordinal) && e.Contains("cityCode", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("streets.csv", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_list_with_a_broken_row_imports_nothing()
    {
        var files = DivisionFiles.County("97").Township("970101001", "甲街道").Line("streets.csv", "9701010,\"短代码\",970101,97,9701");
        var import = new DivisionImport(null!, TimeProvider.System);
        var outcome = await import.RunAsync(files.Streams());
        Assert.Null(outcome.Summary);
        Assert.NotEmpty(outcome.Errors);
    }

    [Theory]
    [InlineData("a,b,c", new[] { "a", "b", "c" })]
    [InlineData("110101,\"东城区\",1101,11", new[] { "110101", "东城区", "1101", "11" })]
    [InlineData("1,\"a,b\",\"say \"\"hi\"\"\",", new[] { "1", "a,b", "say \"hi\"", "" })]
    [InlineData("", new[] { "" })]
    [InlineData(",", new[] { "", "" })]
    public void CSV_lines_split_on_commas_outside_quotes(string line, string[] fields) =>
        Assert.Equal(fields, DivisionImport.SplitCsv(line));
}
