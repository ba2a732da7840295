using PdfSharp.Drawing;
using Wushe.Platform.Documents;

namespace Wushe.Features.Workforce.Trainings;

/// <summary>What a training attendance certificate (培训证明) says.</summary>
/// <param name="Number">The certificate's number, printed top right and looked up by <paramref name="VerifyUrl"/>.</param>
/// <param name="CountsAsEducation">The person is on the register: the hours count as continuing education.</param>
public sealed record TrainingCertificateContent(string Number, DateOnly IssuedOn, string Name, string Unit, string Title, string KindName, string OrganizerName,
    string Place, DateOnly StartsOn, DateOnly EndsOn, int AttendedMinutes, bool CountsAsEducation, string VerifyUrl);

/// <summary>
/// The attendance certificate of a training as an A4 portrait PDF in Chinese (font, wrapping, the system's seal and the QR code from
/// <see cref="PdfDrawing"/>): title, the certifying sentence with the course, its dates and the hours attended, the organizer with its
/// seal and the day of issue, and the QR code of the public verification page. Pure apart from reading the font file.
/// </summary>
public static class TrainingCertificatePdf
{
    public const string ContentType = "application/pdf";

    const double Margin = 56.7; // 20 mm
    const double ContentWidth = PdfDrawing.A4Width - 2 * Margin;

    /// <summary>The kind as the certificate prints it (always Chinese, whatever the reader's language).</summary>
    public static string KindName(TrainingKind k) => k switch
    {
        TrainingKind.Rotating => "轮训",
        TrainingKind.Ordered => "调训",
        TrainingKind.EastWest => "东西部协作培训",
        _ => "专题培训",
    };

    public static byte[] Render(TrainingCertificateContent c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return PdfDrawing.OnePage($"培训证明 {c.Number}", c.OrganizerName, g => Draw(g, c));
    }

    static void Draw(XGraphics g, TrainingCertificateContent c)
    {
        var gray = new XSolidBrush(XColor.FromArgb(0x55, 0x55, 0x55));
        g.DrawString($"证明编号：{c.Number}", PdfDrawing.Font(9), gray, new XRect(Margin, Margin - 20, ContentWidth, 12), XStringFormats.TopRight);
        var y = Margin + 10;
        g.DrawString("培 训 证 明", PdfDrawing.Font(26, bold: true), XBrushes.Black, new XRect(Margin, y, ContentWidth, 34), XStringFormats.TopCenter);
        y += 70;

        var unit = string.IsNullOrWhiteSpace(c.Unit) ? "" : $"（{c.Unit.Trim()}）";
        var days = c.StartsOn == c.EndsOn ? PdfDrawing.Day(c.StartsOn) : $"{PdfDrawing.Day(c.StartsOn)}至{PdfDrawing.Day(c.EndsOn)}";
        var sentence = $"兹证明 {c.Name}{unit} 于 {days}参加由{c.OrganizerName}举办的“{c.Title}”（{c.KindName}，培训地点：{c.Place}），"
            + $"出勤 {WorkforceRules.Hours(c.AttendedMinutes)} 学时。";
        y = Paragraph(g, "　　" + sentence, y);
        if (c.CountsAsEducation)
            y = Paragraph(g, "　　以上学时已计入本人社会工作者继续教育学时。", y + 6);
        Paragraph(g, "　　特此证明。", y + 6);

        var top = PdfDrawing.A4Height - Margin - 190;
        var font = PdfDrawing.Font(12);
        var x = Margin + ContentWidth * 0.45;
        var width = ContentWidth * 0.55;
        var ly = top + 20;
        foreach (var line in new[] { $"主办单位：{c.OrganizerName}", $"出具日期：{PdfDrawing.Day(c.IssuedOn)}" })
            foreach (var part in PdfDrawing.Wrap(g, line, font, width).Take(2))
            {
                g.DrawString(part, font, XBrushes.Black, new XRect(x, ly, width, 18), XStringFormats.TopLeft);
                ly += 24;
            }
        PdfDrawing.GeneratedSeal(g, new XPoint(x + width * 0.55, top + 50), 56, c.OrganizerName, "培训专用章");

        const double qrSize = 96;
        PdfDrawing.QrCode(g, c.VerifyUrl, Margin, top + 16, qrSize);
        g.DrawString("扫码验证", PdfDrawing.Font(10), XBrushes.Black, new XRect(Margin, top + 16 + qrSize + 2, qrSize, 14), XStringFormats.TopCenter);
    }

    static double Paragraph(XGraphics g, string text, double y)
    {
        var font = PdfDrawing.Font(13);
        foreach (var line in PdfDrawing.Wrap(g, text, font, ContentWidth))
        {
            g.DrawString(line, font, XBrushes.Black, new XRect(Margin, y, ContentWidth, 26), XStringFormats.TopLeft);
            y += 26;
        }
        return y;
    }
}
