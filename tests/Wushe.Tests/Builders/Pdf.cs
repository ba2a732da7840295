using System.Diagnostics;

namespace Wushe.Tests.Builders;

/// <summary>Reading back the PDFs the app makes (certificates, receipts, reports) as a user's viewer would.</summary>
public static class Pdf
{
    /// <summary>The PDF's text (pdftotext), whitespace removed.</summary>
    public static string Text(byte[] pdf)
    {
        Assert.Equal("%PDF-"u8.ToArray(), pdf[..5]);
        var path = Path.Combine(Path.GetTempPath(), $"wushe-pdf-{Guid.NewGuid():N}.pdf");
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
            // Without the layout's spaces and line breaks: the certifying sentence wraps where the page ends.
            return string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
