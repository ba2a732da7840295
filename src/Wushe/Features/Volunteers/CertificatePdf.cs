using System.Text;
using ImageMagick;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Wushe.Platform.Documents;

namespace Wushe.Features.Volunteers;

/// <summary>One line of service on a certificate.</summary>
/// <param name="Date">The day served (China time).</param>
/// <param name="Activity">The activity's title.</param>
/// <param name="Organizer">Who organised and recorded it (民政部令第67号: whoever organises records).</param>
/// <param name="Minutes">Final minutes credited.</param>
public sealed record CertificateServiceLine(DateOnly Date, string Activity, string Organizer, int Minutes);

/// <summary>
/// What a volunteer service certificate (志愿服务证明) says (DOMAIN.md "Volunteers": name, ID type and masked number, volunteer
/// number; hours and service content; issuer, responsible person, handler, contact; number and date; seal; verifiable by its number).
/// </summary>
/// <param name="CertificateNumber">The certificate's number, printed and looked up by <paramref name="VerifyUrl"/>.</param>
/// <param name="IssuedOn">The day of issue (China time).</param>
/// <param name="VolunteerName">The volunteer's name as it is to be printed.</param>
/// <param name="IdType">The ID document's kind, e.g. 居民身份证.</param>
/// <param name="MaskedIdNumber">The ID number already masked (Mask.IdNumber: 5205**********1234); a full number is refused.</param>
/// <param name="VolunteerNumber">The volunteer number.</param>
/// <param name="PeriodFrom">First day of the period certified.</param>
/// <param name="PeriodTo">Last day of the period certified.</param>
/// <param name="Minutes">Total final minutes in the period (shown as hours, one decimal).</param>
/// <param name="ServiceLines">The services, newest or oldest first as the caller orders them; at most
/// <see cref="CertificatePdf.MaxLines"/> are listed, then "等 N 项" with N the full count.</param>
/// <param name="ServiceSummary">The service content in a sentence or two.</param>
/// <param name="IssuerName">The issuing organization.</param>
/// <param name="ResponsiblePerson">Its responsible person (负责人).</param>
/// <param name="Handler">Who prepared the certificate (经办人).</param>
/// <param name="Contact">A contact phone or address.</param>
/// <param name="SealPng">The issuer's seal as a PNG (transparent background); null draws a generated red seal.</param>
/// <param name="VerifyUrl">Where the certificate is verified by its number; drawn as a QR code captioned 扫码验证.</param>
public sealed record CertificateContent(
    string CertificateNumber,
    DateOnly IssuedOn,
    string VolunteerName,
    string IdType,
    string MaskedIdNumber,
    string VolunteerNumber,
    DateOnly PeriodFrom,
    DateOnly PeriodTo,
    int Minutes,
    IReadOnlyList<CertificateServiceLine> ServiceLines,
    string ServiceSummary,
    string IssuerName,
    string ResponsiblePerson,
    string Handler,
    string Contact,
    byte[]? SealPng,
    string VerifyUrl);

/// <summary>
/// The volunteer service certificate as an A4 portrait PDF in Chinese (the font: <see cref="CjkFont"/>): title, the
/// certifying sentence with the masked ID and the total hours, the service content, a table of services, the issuer block
/// with its seal and date, and a QR code of the verification address. Pure apart from reading the font file.
/// </summary>
public static class CertificatePdf
{
    /// <summary>The most service lines listed; more are summarised as "等 N 项".</summary>
    public const int MaxLines = 25;

    const double PageWidth = 595.276, PageHeight = 841.89; // A4 in points (1/72 inch)
    const double Margin = 56.7; // 20 mm
    const double ContentWidth = PageWidth - 2 * Margin;

    /// <summary>The certificate of <paramref name="c"/> as PDF bytes. A masked ID number that shows more than 4 + 4 digits is
    /// refused (<see cref="ArgumentException"/>): the full number never reaches the document.</summary>
    public static byte[] Render(CertificateContent c)
    {
        ArgumentNullException.ThrowIfNull(c);
        if (c.MaskedIdNumber.Count(char.IsAsciiLetterOrDigit) > 8)
            throw new ArgumentException("The ID number must be masked (first 4 and last 4 shown).", nameof(c));
        return PdfDrawing.OnePage($"志愿服务证明 {c.CertificateNumber}", c.IssuerName, g => Draw(g, c));
    }

    static XFont Font(double size, bool bold = false) => PdfDrawing.Font(size, bold);

    static string Day(DateOnly d) => PdfDrawing.Day(d);

    static void Draw(XGraphics g, CertificateContent c)
    {
        var black = XBrushes.Black;
        var gray = new XSolidBrush(XColor.FromArgb(0x55, 0x55, 0x55));

        // Number top right, title centred.
        var small = Font(9);
        g.DrawString($"证明编号：{c.CertificateNumber}", small, gray, new XRect(Margin, Margin - 20, ContentWidth, 12), XStringFormats.TopRight);
        var y = Margin + 10;
        g.DrawString("志愿服务证明", Font(26, bold: true), black, new XRect(Margin, y, ContentWidth, 34), XStringFormats.TopCenter);
        y += 60;

        // The certifying sentence, then the content of the service.
        var body = Font(12);
        var sentence = $"兹证明 {c.VolunteerName}（{c.IdType} {c.MaskedIdNumber}，志愿者编号 {c.VolunteerNumber}）于 {Day(c.PeriodFrom)}至"
            + $"{Day(c.PeriodTo)}期间参加志愿服务，累计服务时长 {VolunteerHours.Format(c.Minutes)} 小时。";
        y = Paragraph(g, "　　" + sentence, body, black, y, lineHeight: 22);
        if (!string.IsNullOrWhiteSpace(c.ServiceSummary))
            y = Paragraph(g, "　　服务内容：" + c.ServiceSummary.Trim(), body, black, y + 4, lineHeight: 22, maxLines: 4);
        y += 14;

        // The table of services, as many lines as fit above the issuer block (at most MaxLines).
        const double issuerTop = PageHeight - Margin - 150;
        y = Table(g, c, y, issuerTop - 10);

        Issuer(g, c, issuerTop);
    }

    /// <summary>Draws wrapped text from <paramref name="y"/>; returns the y below it.</summary>
    static double Paragraph(XGraphics g, string text, XFont font, XBrush brush, double y, double lineHeight, int maxLines = int.MaxValue)
    {
        var lines = PdfDrawing.Wrap(g, text, font, ContentWidth);
        if (lines.Count > maxLines)
        {
            lines = lines.Take(maxLines).ToList();
            lines[^1] = PdfDrawing.Fit(g, lines[^1] + "……", font, ContentWidth);
        }
        foreach (var line in lines)
        {
            g.DrawString(line, font, brush, new XRect(Margin, y, ContentWidth, lineHeight), XStringFormats.TopLeft);
            y += lineHeight;
        }
        return y;
    }

    static double Table(XGraphics g, CertificateContent c, double y, double bottom)
    {
        double[] widths = [76, 176, 146, ContentWidth - 76 - 176 - 146];
        string[] heads = ["服务日期", "服务项目", "组织单位", "时长（小时）"];
        const double rowHeight = 14, pad = 4;
        var head = Font(10, bold: true);
        var cell = Font(9);
        var pen = new XPen(XColor.FromArgb(0x88, 0x88, 0x88), 0.6);
        var headFill = new XSolidBrush(XColor.FromArgb(0xEE, 0xEE, 0xEE));

        void Row(string[] texts, XFont font, XBrush? fill)
        {
            var x = Margin;
            for (var i = 0; i < widths.Length; i++)
            {
                var box = new XRect(x, y, widths[i], rowHeight);
                if (fill is not null) g.DrawRectangle(fill, box);
                g.DrawRectangle(pen, box);
                var text = PdfDrawing.Fit(g, texts[i], font, widths[i] - 2 * pad);
                var inner = new XRect(x + pad, y, widths[i] - 2 * pad, rowHeight);
                g.DrawString(text, font, XBrushes.Black, inner, i == widths.Length - 1 ? XStringFormats.CenterRight : XStringFormats.CenterLeft);
                x += widths[i];
            }
            y += rowHeight;
        }

        Row(heads, head, headFill);
        var total = c.ServiceLines.Count;
        // Room for the lines, the "等 N 项" line when some are left out, and the total.
        var room = (int)Math.Floor((bottom - y) / rowHeight) - 2;
        var shown = Math.Max(0, Math.Min(Math.Min(MaxLines, total), room));
        foreach (var line in c.ServiceLines.Take(shown))
            Row([line.Date.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), line.Activity, line.Organizer,
                VolunteerHours.Format(line.Minutes)], cell, null);
        if (shown < total)
        {
            var box = new XRect(Margin, y, ContentWidth, rowHeight);
            g.DrawRectangle(pen, box);
            g.DrawString($"以上列出 {shown} 项，等 {total} 项服务记录", cell, XBrushes.Black,
                new XRect(Margin + pad, y, ContentWidth - 2 * pad, rowHeight), XStringFormats.CenterLeft);
            y += rowHeight;
        }
        Row(["合计", "", "", VolunteerHours.Format(c.Minutes)], head, null);
        return y;
    }

    static void Issuer(XGraphics g, CertificateContent c, double top)
    {
        var font = Font(11);
        var x = Margin + ContentWidth * 0.42;
        var width = ContentWidth * 0.58;
        string[] lines =
        [
            $"出具单位：{c.IssuerName}",
            $"负责人：{c.ResponsiblePerson}",
            $"经办人：{c.Handler}",
            $"联系方式：{c.Contact}",
            $"出具日期：{Day(c.IssuedOn)}",
        ];
        var y = top + 10;
        foreach (var line in lines)
            foreach (var part in PdfDrawing.Wrap(g, line, font, width).Take(2))
            {
                g.DrawString(part, font, XBrushes.Black, new XRect(x, y, width, 18), XStringFormats.TopLeft);
                y += 22;
            }

        // The seal over the issuer's name and date, as on paper.
        var sealCenter = new XPoint(x + width * 0.6, top + 72);
        if (c.SealPng is { Length: > 0 } png)
        {
            // PDFsharp reads only some kinds of PNG (not 1-bit or grey ones): the picture is rewritten as 32-bit RGBA first.
            using var seal = new MagickImage(png);
            seal.Format = MagickFormat.Png32;
            using var stream = new MemoryStream(seal.ToByteArray());
            using var image = XImage.FromStream(stream);
            g.DrawImage(image, sealCenter.X - 60, sealCenter.Y - 60, 120, 120);
        }
        else
            PdfDrawing.GeneratedSeal(g, sealCenter, 56, c.IssuerName, "志愿服务专用章");

        // The QR code of the verification address, bottom left.
        const double qrSize = 96;
        var qrTop = top + 16;
        PdfDrawing.QrCode(g, c.VerifyUrl, Margin, qrTop, qrSize);
        g.DrawString("扫码验证", Font(10), XBrushes.Black, new XRect(Margin, qrTop + qrSize + 2, qrSize, 14), XStringFormats.TopCenter);
    }
}
