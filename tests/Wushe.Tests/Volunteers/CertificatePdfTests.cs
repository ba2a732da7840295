using System.Diagnostics;
using Microsoft.Extensions.Configuration;
using Wushe.Features.Volunteers;
using Wushe.Platform.Documents;
using Wushe.Platform.Sensitive;

namespace Wushe.Tests.Volunteers;

/// <summary>The volunteer service certificate as a PDF, read back with pdftotext (poppler-utils; .ci/run installs it).</summary>
public sealed class CertificatePdfTests
{
    const string FullId = "520521199001011234";

    static CertificateContent Content(int lines = 3, byte[]? seal = null) => new(
        CertificateNumber: "ZYZM-2026-000123",
        IssuedOn: new DateOnly(2026, 12, 2),
        VolunteerName: "张*丰",
        IdType: "居民身份证",
        MaskedIdNumber: Mask.IdNumber(FullId),
        VolunteerNumber: "V5205210000123",
        PeriodFrom: new DateOnly(2026, 1, 1),
        PeriodTo: new DateOnly(2026, 11, 30),
        Minutes: 128 * 60 + 30,
        ServiceLines: [.. Enumerable.Range(0, lines).Select(i => new CertificateServiceLine(
            new DateOnly(2026, 1, 1).AddDays(i * 7), $"关爱留守儿童课业辅导第{i + 1}期", "七星关区碧阳街道社工站", 150))],
        ServiceSummary: "参与社区留守儿童课业辅导、独居老人探访和垃圾分类宣传等志愿服务。",
        IssuerName: "毕节市七星关区碧阳街道社会工作服务站",
        ResponsiblePerson: "李明",
        Handler: "王芳",
        Contact: "0857-8221234",
        SealPng: seal,
        VerifyUrl: "https://wushe.example.org/v/ZYZM-2026-000123");

    /// <summary>The text of a PDF as <c>pdftotext -layout</c> gives it; the PDF is kept among the run's artifacts
    /// (WUSHE_TEST_ARTIFACTS, set by scripts/test.sh) as <paramref name="name"/>.pdf for a person to look at.</summary>
    static string Text(byte[] pdf, [System.Runtime.CompilerServices.CallerMemberName] string name = "")
    {
        if (Environment.GetEnvironmentVariable("WUSHE_TEST_ARTIFACTS") is { Length: > 0 } artifacts)
        {
            Directory.CreateDirectory(Path.Combine(artifacts, "certificates"));
            File.WriteAllBytes(Path.Combine(artifacts, "certificates", name + ".pdf"), pdf);
        }
        var path = Path.Combine(Path.GetTempPath(), $"wushe-certificate-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("pdftotext", ["-layout", "-enc", "UTF-8", path, "-"])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = System.Text.Encoding.UTF8,
            })!;
            var text = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void The_certificate_reads_back_in_Chinese_with_the_masked_ID_and_the_hours()
    {
        var pdf = CertificatePdf.Render(Content());
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        Assert.InRange(pdf.Length, 1_000, 300_000); // a subset of the font, not the whole 4.5 MB collection

        var text = Text(pdf);
        Assert.Contains("志愿服务证明", text);
        Assert.Contains("ZYZM-2026-000123", text);
        Assert.Contains("兹证明", text);
        Assert.Contains("张*丰", text);
        Assert.Contains("居民身份证", text);
        Assert.Contains("5205**********1234", text);
        Assert.Contains("V5205210000123", text);
        Assert.Contains("2026年1月1日", text);
        Assert.Contains("2026年11月30日", text);
        Assert.Contains("128.5", text);
        Assert.Contains("小时", text);
        Assert.Contains("关爱留守儿童课业辅导第1期", text);
        Assert.Contains("2026-01-08", text);
        Assert.Contains("2.5", text);
        Assert.Contains("合计", text);
        Assert.Contains("毕节市七星关区碧阳街道社会工作服务站", text);
        Assert.Contains("负责人：李明", text);
        Assert.Contains("经办人：王芳", text);
        Assert.Contains("0857-8221234", text);
        Assert.Contains("2026年12月2日", text);
        Assert.Contains("志愿服务专用章", text);
        Assert.Contains("扫码验证", text);
        Assert.DoesNotContain(FullId, text);
        Assert.DoesNotContain(FullId[4..14], text);
    }

    [Fact]
    public void More_than_25_services_are_listed_as_the_first_25_and_the_count()
    {
        var text = Text(CertificatePdf.Render(Content(lines: 40)));
        Assert.Contains("第25期", text);
        Assert.DoesNotContain("第26期", text);
        Assert.Contains("等 40 项", text);
        Assert.Contains("合计", text);
        Assert.Contains("扫码验证", text);
    }

    [Fact]
    public void A_seal_picture_is_drawn_instead_of_the_generated_seal()
    {
        // Any PNG serves: a QR code's picture is one at hand.
        using var generator = new QRCoder.QRCodeGenerator();
        using var data = generator.CreateQrCode("seal", QRCoder.QRCodeGenerator.ECCLevel.L);
        var png = new QRCoder.PngByteQRCode(data).GetGraphic(5);
        var text = Text(CertificatePdf.Render(Content(seal: png)));
        Assert.DoesNotContain("志愿服务专用章", text);
        Assert.Contains("志愿服务证明", text);
    }

    [Fact]
    public void An_unmasked_ID_number_never_reaches_the_document() =>
        Assert.Throws<ArgumentException>(() => CertificatePdf.Render(Content() with { MaskedIdNumber = FullId }));

    [Fact]
    public void A_missing_font_names_its_path_and_the_package_to_install()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-font", "wqy-microhei.ttc");
        var e = Assert.Throws<FileNotFoundException>(() => CjkFont.Load(missing));
        Assert.Contains(missing, e.Message);
        Assert.Contains("apt-get install fonts-wqy-microhei", e.Message);
        Assert.Contains(CjkFont.ConfigKey, e.Message);
    }

    [Fact]
    public void The_font_is_face_0_of_the_collection_as_a_standalone_TrueType_font()
    {
        var face = CjkFont.Load(CjkFont.DefaultPath);
        Assert.Equal(new byte[] { 0, 1, 0, 0 }, face[..4]);
        Assert.Equal(face, CjkFont.Load(CjkFont.DefaultPath));
        var garbage = Path.Combine(Path.GetTempPath(), $"wushe-not-a-font-{Guid.NewGuid():N}.ttc");
        File.WriteAllText(garbage, "this is not a font at all");
        try
        {
            Assert.Throws<InvalidDataException>(() => CjkFont.Load(garbage));
        }
        finally
        {
            File.Delete(garbage);
        }
    }

    [Fact]
    public void Registering_the_font_again_is_harmless_from_many_threads_and_another_path_is_refused()
    {
        Parallel.For(0, 16, _ => CjkFont.Register(CjkFont.DefaultPath));
        CjkFont.Register(new ConfigurationBuilder().Build()); // the default path again
        Assert.Equal(CjkFont.DefaultPath, CjkFont.PathFrom(null));
        var configured = new ConfigurationBuilder()
            .AddInMemoryCollection([new(CjkFont.ConfigKey, "/srv/fonts/other.ttf")]).Build();
        Assert.Equal("/srv/fonts/other.ttf", CjkFont.PathFrom(configured));
        var copy = Path.Combine(Path.GetTempPath(), $"wushe-font-{Guid.NewGuid():N}.ttc");
        File.Copy(CjkFont.DefaultPath, copy);
        try
        {
            Assert.Throws<InvalidOperationException>(() => CjkFont.Register(copy));
        }
        finally
        {
            File.Delete(copy);
        }
        Assert.NotEmpty(CertificatePdf.Render(Content()));
    }
}
