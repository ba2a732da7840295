using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Wushe.Platform;
using Wushe.Platform.Documents;

namespace Wushe.Features.Charity;

/// <summary>What a donation receipt (捐赠收据) says: the donation as recorded, the fund and its host charity (the issuer).</summary>
/// <param name="AmountFen">The amount, or the goods' valued amount, in fen.</param>
/// <param name="Items">物资清单 of a donation in kind (empty for money).</param>
/// <param name="IssuedOn">The day the receipt is printed (China time).</param>
/// <param name="Reversed">冲正 with its reason, or null: the receipt is then marked void.</param>
public sealed record DonationReceiptContent(string ReceiptNo, string DonorName, string DonorKind, string FundName, string FundNo, string HostName, long AmountFen,
    string Channel, string Items, DateOnly DonatedOn, string Note, string RecordedByName, DateOnly IssuedOn, string? Reversed);

/// <summary>
/// The donation receipt as an A4 portrait PDF in Chinese: number, a table of donor, fund, channel, goods, amount in figures and in
/// capitals (<see cref="Money.Capital"/>), date and note, the thanks, the issuer block with the host charity's system-drawn seal,
/// and 已冲正·作废 across it when the donation was reversed. It confirms the donation; the 公益事业捐赠统一票据 of the finance
/// department remains the tax document, and the receipt says so. Pure apart from reading the font file.
/// </summary>
public static class DonationReceiptPdf
{
    const double PageWidth = 595.276, PageHeight = 841.89, Margin = 56.7;
    const double ContentWidth = PageWidth - 2 * Margin;

    public static byte[] Render(DonationReceiptContent c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return PdfDrawing.OnePage($"捐赠收据 {c.ReceiptNo}", c.HostName, g => Draw(g, c));
    }

    static void Draw(XGraphics g, DonationReceiptContent c)
    {
        var gray = new XSolidBrush(XColor.FromArgb(0x55, 0x55, 0x55));
        g.DrawString($"收据编号：{c.ReceiptNo}", PdfDrawing.Font(9), gray, new XRect(Margin, Margin - 20, ContentWidth, 12), XStringFormats.TopRight);
        var y = Margin + 10;
        g.DrawString("捐 赠 收 据", PdfDrawing.Font(26, bold: true), XBrushes.Black, new XRect(Margin, y, ContentWidth, 34), XStringFormats.TopCenter);
        y += 56;

        (string Label, string Value)[] rows =
        [
            ("捐赠人", $"{c.DonorName}（{c.DonorKind}）"),
            ("受赠基金", $"{c.FundName}（{c.FundNo}）"),
            ("托管慈善组织", c.HostName),
            ("捐赠方式", c.Channel),
            .. c.Items.Length > 0 ? [("捐赠物资", c.Items)] : Array.Empty<(string, string)>(),
            ("金额（小写）", Money.Yuan(c.AmountFen) + (c.Items.Length > 0 ? "（物资估价）" : "")),
            ("金额（大写）", Money.Capital(c.AmountFen)),
            ("捐赠日期", PdfDrawing.Day(c.DonatedOn)),
            .. c.Note.Length > 0 ? [("备注", c.Note)] : Array.Empty<(string, string)>(),
            .. c.Reversed is { } why ? [("冲正", $"本笔捐赠已冲正，本收据作废。原因：{why}")] : Array.Empty<(string, string)>(),
        ];
        var pen = new XPen(XColor.FromArgb(0x88, 0x88, 0x88), 0.6);
        var labelFill = new XSolidBrush(XColor.FromArgb(0xF2, 0xF2, 0xF2));
        const double labelWidth = 110, pad = 6, lineHeight = 16;
        var font = PdfDrawing.Font(11);
        foreach (var (label, value) in rows)
        {
            var lines = PdfDrawing.Wrap(g, value, font, ContentWidth - labelWidth - 2 * pad).Take(4).ToList();
            var height = Math.Max(26, lines.Count * lineHeight + 10);
            g.DrawRectangle(labelFill, Margin, y, labelWidth, height);
            g.DrawRectangle(pen, Margin, y, labelWidth, height);
            g.DrawRectangle(pen, Margin + labelWidth, y, ContentWidth - labelWidth, height);
            g.DrawString(label, PdfDrawing.Font(11, bold: true), XBrushes.Black, new XRect(Margin + pad, y, labelWidth - 2 * pad, height), XStringFormats.CenterLeft);
            var ty = y + (height - lines.Count * lineHeight) / 2;
            foreach (var line in lines)
            {
                g.DrawString(line, font, XBrushes.Black, new XRect(Margin + labelWidth + pad, ty, ContentWidth - labelWidth - 2 * pad, lineHeight), XStringFormats.CenterLeft);
                ty += lineHeight;
            }
            y += height;
        }

        y += 18;
        foreach (var line in PdfDrawing.Wrap(g, "　　感谢您对社区公益慈善事业的支持！您的捐赠将按基金章程和管理委员会的决定用于社区公益，使用情况在基金公示页向社会公开。", PdfDrawing.Font(11), ContentWidth))
        {
            g.DrawString(line, PdfDrawing.Font(11), XBrushes.Black, new XRect(Margin, y, ContentWidth, 20), XStringFormats.TopLeft);
            y += 20;
        }
        foreach (var line in PdfDrawing.Wrap(g, "本收据依据捐赠记录出具，用于确认捐赠；公益事业捐赠统一票据以财政部门监（印）制的票据为准。", PdfDrawing.Font(9), ContentWidth))
        {
            g.DrawString(line, PdfDrawing.Font(9), gray, new XRect(Margin, y + 4, ContentWidth, 14), XStringFormats.TopLeft);
            y += 14;
        }

        // The issuer block, the seal over its name and date.
        var x = Margin + ContentWidth * 0.45;
        var width = ContentWidth * 0.55;
        var top = y + 30;
        var iy = top;
        foreach (var line in new[] { $"收款单位：{c.HostName}", $"经办人：{c.RecordedByName}", $"开具日期：{PdfDrawing.Day(c.IssuedOn)}" })
            foreach (var part in PdfDrawing.Wrap(g, line, PdfDrawing.Font(11), width).Take(2))
            {
                g.DrawString(part, PdfDrawing.Font(11), XBrushes.Black, new XRect(x, iy, width, 18), XStringFormats.TopLeft);
                iy += 22;
            }
        PdfDrawing.GeneratedSeal(g, new XPoint(x + width * 0.62, top + 34), 52, c.HostName, "财务专用章");

        if (c.Reversed is not null)
        {
            var state = g.Save();
            g.TranslateTransform(PageWidth / 2, Margin + 250);
            g.RotateTransform(-20);
            var red = new XSolidBrush(XColor.FromArgb(160, 0xD0, 0x1F, 0x1F));
            g.DrawString("已冲正 · 作废", PdfDrawing.Font(48, bold: true), red, new XRect(-250, -40, 500, 60), XStringFormats.Center);
            g.Restore(state);
        }
    }
}
