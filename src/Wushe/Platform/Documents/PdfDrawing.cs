using System.Text;
using PdfSharp.Drawing;
using QRCoder;

namespace Wushe.Platform.Documents;

/// <summary>
/// What our PDFs draw alike (certificates, receipts, reports): the font at a size (<see cref="CjkFont"/>), text wrapped and fitted
/// to a width the Chinese way, a day written 2026年1月1日, the seal the system draws when an issuer gave no picture of its own, and the QR code
/// of a verification address.
/// </summary>
public static class PdfDrawing
{
    public static readonly XColor SealRed = XColor.FromArgb(0xD0, 0x1F, 0x1F);

    /// <summary>A4 portrait in points (1/72 inch).</summary>
    public const double A4Width = 595.276, A4Height = 841.89;

    /// <summary>A one-page A4 portrait document titled <paramref name="title"/> by <paramref name="author"/>, drawn by <paramref name="draw"/>, as PDF bytes.</summary>
    public static byte[] OnePage(string title, string author, Action<XGraphics> draw)
    {
        CjkFont.EnsureRegistered();
        using var document = new PdfSharp.Pdf.PdfDocument();
        document.Info.Title = title;
        document.Info.Author = author;
        var page = document.AddPage();
        page.Width = XUnit.FromPoint(A4Width);
        page.Height = XUnit.FromPoint(A4Height);
        using (var g = XGraphics.FromPdfPage(page))
            draw(g);
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>The one font at <paramref name="size"/> points (bold simulated).</summary>
    public static XFont Font(double size, bool bold = false) => new(CjkFont.Family, size, bold ? XFontStyleEx.Bold : XFontStyleEx.Regular);

    const string NoLineStart = "，。、；：！？）》」』”’,.;:!?)";

    /// <summary>2026年1月1日.</summary>
    public static string Day(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";

    /// <summary>
    /// Lines of at most <paramref name="width"/>: Chinese breaks between any two characters, a run of other non-space
    /// characters (a number, 5205**********1234, 128.5) is kept whole where it fits on a line.
    /// </summary>
    public static List<string> Wrap(XGraphics g, string text, XFont font, double width)
    {
        var tokens = new List<string>();
        var run = new StringBuilder();
        foreach (var ch in text)
        {
            if (ch < 0x2E80 && !char.IsWhiteSpace(ch)) { run.Append(ch); continue; }
            if (run.Length > 0) { tokens.Add(run.ToString()); run.Clear(); }
            tokens.Add(ch.ToString());
        }
        if (run.Length > 0) tokens.Add(run.ToString());

        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var token in tokens)
        {
            // 避头: closing punctuation never starts a line; it stays, a little over, at the end of the one before.
            if (line.Length > 0 && !NoLineStart.Contains(token[0]) && g.MeasureString(line + token, font).Width > width)
            {
                lines.Add(line.ToString().TrimEnd());
                line.Clear();
                if (token == " ") continue;
            }
            line.Append(token);
        }
        if (line.Length > 0) lines.Add(line.ToString());
        return lines;
    }

    /// <summary><paramref name="text"/> cut with an ellipsis to fit <paramref name="width"/>.</summary>
    public static string Fit(XGraphics g, string text, XFont font, double width)
    {
        if (g.MeasureString(text, font).Width <= width) return text;
        var length = text.Length;
        while (length > 0 && g.MeasureString(text[..length] + "…", font).Width > width) length--;
        return text[..length] + "…";
    }

    /// <summary>
    /// A red round seal drawn by the system when the issuer gave no picture: the issuer's name around the top, a star in the
    /// middle, its purpose (志愿服务专用章, 财务专用章) below, and "系统生成" under it so nobody takes it for a stamped one.
    /// </summary>
    public static void GeneratedSeal(XGraphics g, XPoint center, double radius, string issuer, string purpose)
    {
        var red = new XSolidBrush(SealRed);
        g.DrawEllipse(new XPen(SealRed, 2.5), center.X - radius, center.Y - radius, 2 * radius, 2 * radius);

        // The name along an arc of up to 240°, each character turned to face outwards.
        var name = issuer.Length > 20 ? issuer[..20] : issuer;
        var size = Math.Clamp(240.0 / Math.Max(1, name.Length) * Math.PI / 180 * (radius - 12) * 0.95, 6, 12);
        var arcFont = Font(size);
        var step = Math.Min(240.0 / Math.Max(1, name.Length), 26);
        var start = -step * (name.Length - 1) / 2;
        for (var i = 0; i < name.Length; i++)
        {
            var state = g.Save();
            g.TranslateTransform(center.X, center.Y);
            g.RotateTransform(start + i * step);
            g.DrawString(name[i].ToString(), arcFont, red, new XRect(-size, -radius + 4, 2 * size, size + 2), XStringFormats.TopCenter);
            g.Restore(state);
        }

        Star(g, red, center, radius * 0.26);
        g.DrawString(purpose, Font(8.5), red, new XRect(center.X - radius, center.Y + radius * 0.38, 2 * radius, 11), XStringFormats.TopCenter);
        g.DrawString("（系统生成）", Font(6.5), red, new XRect(center.X - radius, center.Y + radius + 2, 2 * radius, 9), XStringFormats.TopCenter);
    }

    static void Star(XGraphics g, XBrush brush, XPoint center, double r)
    {
        var points = new XPoint[10];
        for (var i = 0; i < 10; i++)
        {
            var angle = -Math.PI / 2 + i * Math.PI / 5;
            var length = i % 2 == 0 ? r : r * 0.38;
            points[i] = new XPoint(center.X + length * Math.Cos(angle), center.Y + length * Math.Sin(angle));
        }
        g.DrawPolygon(brush, points, XFillMode.Winding);
    }

    /// <summary>
    /// The QR code of <paramref name="text"/> (QRCoder, error correction M, with its quiet zone) as black rectangles, one per
    /// run of dark modules in a row. Vectors rather than QRCoder's PNG: PDFsharp 6.2.4 cannot read that PNG (1-bit), and
    /// rectangles print sharp at any size.
    /// </summary>
    public static void QrCode(XGraphics g, string text, double left, double top, double size)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);
        var matrix = data.ModuleMatrix;
        var module = size / matrix.Count;
        for (var row = 0; row < matrix.Count; row++)
        {
            var modules = matrix[row];
            for (var column = 0; column < modules.Length;)
            {
                if (!modules[column]) { column++; continue; }
                var start = column;
                while (column < modules.Length && modules[column]) column++;
                // A hair wider than the module so neighbouring rows leave no white seams in a viewer.
                g.DrawRectangle(XBrushes.Black, left + start * module, top + row * module, (column - start) * module, module + 0.05);
            }
        }
    }
}
