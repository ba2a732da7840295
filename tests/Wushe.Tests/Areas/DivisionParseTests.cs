using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Wushe.Features.Areas;
using Wushe.Platform.Areas;
using Wushe.Tests.Areas;

namespace Wushe.Tests.Areas;

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
    /// <summary>Runs a piece of a test in English.</summary>
    sealed class EnglishCulture : IDisposable
    {
        readonly System.Globalization.CultureInfo before = System.Globalization.CultureInfo.CurrentUICulture;

        public EnglishCulture() => System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo("en");

        public void Dispose() => System.Globalization.CultureInfo.CurrentUICulture = before;
    }

    [Fact]
    public void A_sound_list_gives_one_row_per_place_with_twelve_digit_codes()
    {
        var files = DivisionFiles.County("99").Township("990101001", "甲街道").Township("990101100", "丙镇");
        var parsed = DivisionList.Parse(files.Streams());
        Assert.Empty(parsed.Problems);
        Assert.Equal(["990000000000", "990100000000", "990101000000", "990101001000", "990101100000"], parsed.Rows.Select(r => r.Code12));
        Assert.Equal("990101000000", parsed.Rows.Single(r => r.Name == "丙镇").ParentCode12);
    }

    [Fact]
    public void The_shipped_national_list_is_sound_and_complete()
    {
        var parsed = NationalDivisions.Parse();
        Assert.Empty(parsed.Problems);
        Assert.Empty(parsed.Notes);
        // 31 + 342 + 2,978 + 41,352 rows, less the four that repeat the level above (东莞, 中山, 儋州, 金门).
        Assert.Equal(44_699, parsed.Rows.Count);
        Assert.Equal(279, parsed.Rows.Count(r => r.Code12.StartsWith("5205", StringComparison.Ordinal) && AreaCode.LevelOf(r.Code12) == AreaLevel.Township));
        Assert.Equal(2_710, parsed.Rows.Count(r => AreaCode.LevelOf(r.Code12) == AreaLevel.Township && AreaCode.TownshipKindOf(r.Code12) == AreaKind.TownshipLike));
        Assert.Equal("文汇街道", parsed.Rows.Single(r => r.Code12 == "370502001000").Name);
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
        var parsed = DivisionList.Parse(files.Streams());
        var errors = parsed.Problems.Select(p => p.Message).ToList();
        Assert.Equal(4, errors.Count);
        Assert.Equal(4, parsed.BadRows);
        Assert.Empty(parsed.Rows);
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
        var error = Assert.Single(DivisionList.Parse(files.Streams()).Problems);
        Assert.StartsWith("streets.csv 第 2 行", error.Message, StringComparison.Ordinal);
        Assert.Contains("990102", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_come_in_file_order_then_line_order_each_naming_its_file()
    {
        using var chinese = new ChineseCulture();
        // A missing parent (found only after every file is read) in cities.csv, bad rows in areas.csv and streets.csv.
        var files = DivisionFiles.County("99")
            .Line("cities.csv", "9802,\"无省之市\",98")
            .Line("areas.csv", "99010X,\"坏县\",9901,99")
            .Line("streets.csv", "9901010,\"短代码\",990101,99,9901")
            .Line("streets.csv", "990109001,\"无县街道\",990109,99,9901");
        var errors = DivisionList.Parse(files.Streams()).Problems.Select(p => p.Message).ToList();
        Assert.Equal(["cities.csv 第 3 行", "areas.csv 第 3 行", "streets.csv 第 2 行", "streets.csv 第 3 行"], errors.Select(e => e[..e.IndexOf('：', StringComparison.Ordinal)]));
        Assert.All(errors, e => Assert.Matches(@"^(provinces|cities|areas|streets)\.csv ", e));
    }

    [Fact]
    public void A_wrong_header_names_the_file_and_the_header_it_must_have_not_a_count_of_rows()
    {
        static Dictionary<string, Stream> Files()
        {
            var streams = DivisionFiles.County("99").Township("990101001", "甲街道").Streams();
            streams["streets.csv"] = new MemoryStream(Encoding.UTF8.GetBytes("代码,名称,上级\n990101001,甲街道,990101\n990101002,乙街道,990101\n"));
            return streams;
        }
        using (new ChineseCulture())
        {
            var parsed = DivisionList.Parse(Files());
            var problem = Assert.Single(parsed.Problems);
            Assert.Equal("streets.csv 的表头应为 code,name,areaCode,provinceCode,cityCode", problem.Message);
            Assert.Equal(0, parsed.BadRows);
        }
        using (new EnglishCulture())
            Assert.Equal("The header of streets.csv must be code,name,areaCode,provinceCode,cityCode", Assert.Single(DivisionList.Parse(Files()).Problems).Message);
    }

    [Fact]
    public void A_file_chosen_for_the_wrong_level_is_told_apart_by_its_header()
    {
        using var chinese = new ChineseCulture();
        var streams = DivisionFiles.County("99").Township("990101001", "甲街道").Streams();
        streams["provinces.csv"] = new MemoryStream(Encoding.UTF8.GetBytes("code,name,areaCode,provinceCode,cityCode\n990101001,\"甲街道\",990101,99,9901\n"));
        var problem = Assert.Single(DivisionList.Parse(streams).Problems, p => p.File == "provinces.csv");
        Assert.Equal("provinces.csv 的表头应为 code,name（这是 streets.csv 的表头，是否选错了文件？）", problem.Message);
    }

    [Fact]
    public void A_missing_file_or_an_empty_one_is_reported_by_name()
    {
        using var chinese = new ChineseCulture();
        var streams = DivisionFiles.County("99").Streams();
        streams.Remove("streets.csv");
        streams["areas.csv"] = new MemoryStream([]);
        var errors = DivisionList.Parse(streams).Problems.Select(p => p.Message).ToList();
        Assert.Equal(["areas.csv 是空文件，第一行应为表头 code,name,cityCode,provinceCode", "缺少文件 streets.csv"], errors);
    }

    [Fact]
    public void A_file_saved_by_Chinese_Excel_in_GB18030_without_a_BOM_is_read_as_GB18030()
    {
        using var chinese = new ChineseCulture();
        var list = RealList.Provinces("37");
        var parsed = DivisionList.Parse(list.Streams(RealList.Gb18030));
        Assert.Empty(parsed.Problems);
        Assert.Equal("文汇街道", parsed.Rows.Single(r => r.Code12 == "370502001000").Name);
        Assert.Equal(DivisionList.Parse(list.Streams()).Rows.Select(r => r.Name), parsed.Rows.Select(r => r.Name));
        Assert.Equal(4, parsed.Notes.Count);
        Assert.Contains("streets.csv 不是 UTF-8 编码，已按 GB18030（GBK）编码读取", parsed.Notes);
    }

    [Fact]
    public void A_UTF8_file_with_a_BOM_is_read_as_UTF8()
    {
        var list = RealList.Provinces("37");
        var parsed = DivisionList.Parse(list.Streams(new UTF8Encoding(encoderShouldEmitUTF8Identifier: true)).ToDictionary(f => f.Key, f =>
        {
            var bom = new MemoryStream();
            bom.Write([0xEF, 0xBB, 0xBF]);
            f.Value.CopyTo(bom);
            bom.Position = 0;
            return (Stream)bom;
        }));
        Assert.Empty(parsed.Problems);
        Assert.Empty(parsed.Notes);
        Assert.Equal("文汇街道", parsed.Rows.Single(r => r.Code12 == "370502001000").Name);
    }

    [Fact]
    public void A_file_that_is_neither_UTF8_nor_GB18030_is_refused_with_how_to_save_it_as_UTF8()
    {
        using var chinese = new ChineseCulture();
        var streams = DivisionFiles.County("99").Township("990101001", "甲街道").Streams();
        streams["streets.csv"] = new MemoryStream([.. "code,name,areaCode,provinceCode,cityCode\n990101001,"u8, 0xFF, 0xFE, 0x80, 0xFF, .. ",990101,99,9901\n"u8]);
        var problem = Assert.Single(DivisionList.Parse(streams).Problems);
        Assert.StartsWith("streets.csv 的编码无法识别", problem.Message, StringComparison.Ordinal);
        Assert.Contains("CSV UTF-8", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_list_with_a_broken_row_imports_nothing()
    {
        var files = DivisionFiles.County("97").Township("970101001", "甲街道").Line("streets.csv", "9701010,\"短代码\",970101,97,9701");
        var import = new DivisionImport(null!, TimeProvider.System, Options.Create(new DivisionImportOptions()), NullLogger<DivisionImport>.Instance, []);
        var outcome = await import.RunAsync(files.Streams());
        Assert.Null(outcome.Summary);
        Assert.Null(outcome.Pending);
        Assert.NotEmpty(outcome.Errors);
        Assert.Equal(1, outcome.BadRows);
    }

    [Fact]
    public void A_code_mapping_reads_old_new_pairs_and_names_its_bad_lines()
    {
        using var chinese = new ChineseCulture();
        var (pairs, problems) = CodeMapping.Parse(Encoding.UTF8.GetBytes("old,new\n540422,540481\n540422100,540481100\n"));
        Assert.Empty(problems);
        Assert.Equal([("540422000000", "540481000000"), ("540422100000", "540481100000")], pairs.Select(p => (p.Old12, p.New12)));
        Assert.Equal("540481100203", CodeMapping.Map(pairs.OrderByDescending(p => p.OldPrefix.Length).ToList(), "540422100203"));
        Assert.Equal("540481201000", CodeMapping.Map(pairs, "540422201000"));
        Assert.Null(CodeMapping.Map(pairs, "540423100000"));

        (_, problems) = CodeMapping.Parse(Encoding.UTF8.GetBytes("540422,54048\n540422,540481100\n540423\n540424,540424\n"));
        Assert.Equal(["mapping.csv 第 1 行", "mapping.csv 第 2 行", "mapping.csv 第 3 行", "mapping.csv 第 4 行"],
            problems.Select(p => p.Message[..p.Message.IndexOf('：', StringComparison.Ordinal)]));
    }

    [Theory]
    [InlineData("a,b,c", new[] { "a", "b", "c" })]
    [InlineData("110101,\"东城区\",1101,11", new[] { "110101", "东城区", "1101", "11" })]
    [InlineData("1,\"a,b\",\"say \"\"hi\"\"\",", new[] { "1", "a,b", "say \"hi\"", "" })]
    [InlineData("", new[] { "" })]
    [InlineData(",", new[] { "", "" })]
    public void CSV_lines_split_on_commas_outside_quotes(string line, string[] fields) =>
        Assert.Equal(fields, DivisionList.SplitCsv(line));
}
