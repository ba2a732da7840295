using PdfSharp.Drawing;
using PdfSharp.Pdf;
using Wushe.Platform;
using Wushe.Platform.Documents;

namespace Wushe.Features.Charity;

/// <summary>
/// The quarterly disclosure report (<see cref="QuarterlyDisclosure.Report"/>) as an A4 portrait PDF in Chinese: the fund's particulars, the
/// quarter's figures (opening, income, spending, closing, reserved), the donations and the payments as tables that run on to further
/// pages with their heads repeated, the legal sentence and the host charity with the date. Page numbers at the foot. Pure apart from the font.
/// </summary>
public static class DisclosureReportPdf
{
    const double PageWidth = 595.276, PageHeight = 841.89, Margin = 50;
    const double ContentWidth = PageWidth - 2 * Margin, Bottom = PageHeight - Margin - 16, RowHeight = 18;

    public static byte[] Render(QuarterlyDisclosure.Report r)
    {
        ArgumentNullException.ThrowIfNull(r);
        CjkFont.EnsureRegistered();
        using var document = new PdfDocument();
        document.Info.Title = $"{r.FundName} {r.Quarter.Year}年第{r.Quarter.Number}季度信息公示报告";
        document.Info.Author = r.HostName;
        var writer = new Writer(document);
        writer.Title($"{r.FundName}");
        writer.Title($"{r.Quarter.Year}年第{r.Quarter.Number}季度信息公示报告", 14);
        writer.Line($"基金编号：{r.FundNo}　　所在地：{r.AreaName}　　托管慈善组织：{r.HostName}", 10);
        writer.Line($"设立日期：{PdfDrawing.Day(r.EstablishedOn)}　　公示期间：{PdfDrawing.Day(r.Quarter.First)}至{PdfDrawing.Day(r.Through)}", 10);
        writer.Paragraph($"基金宗旨：{r.Purpose}", 10);
        // The basis, said once: this report follows the ledger (QuarterlyDisclosure), the 慈善资金统计 the gifts' own dates.
        writer.Paragraph("统计口径：按入账日期统计，即本季度记入基金台账的收支；捐赠明细列示每笔捐赠的捐赠日期。", 10);
        writer.Gap(8);
        writer.Heading("一、本季度收支情况");
        writer.Table([200, ContentWidth - 200], ["项目", "金额"], [
            ["期初余额", Money.Yuan(r.OpeningFen)],
            [$"捐赠收入（{r.DonationCount} 笔）", Money.Yuan(r.DonationsFen)],
            .. r.ReversalsFen != 0 ? [["捐赠冲正", Money.Yuan(r.ReversalsFen)]] : Array.Empty<string[]>(),
            .. r.TransfersInFen != 0 ? [["基金间转入", Money.Yuan(r.TransfersInFen)]] : Array.Empty<string[]>(),
            [$"拨付支出（{r.PaymentCount} 笔）", Money.Yuan(r.PaymentsFen)],
            .. r.TransfersOutFen != 0 ? [["基金间转出", Money.Yuan(r.TransfersOutFen)]] : Array.Empty<string[]>(),
            ["期末余额", Money.Yuan(r.ClosingFen)],
            ["其中：已批准待支付（预留）", Money.Yuan(r.ReservedFen)],
        ], rightAligned: 1);
        writer.Gap(10);
        writer.Heading("二、捐赠明细");
        if (r.LateGifts > 0) writer.Line($"其中 {r.LateGifts} 笔捐赠日期在本季度之前，于本季度补录入账。", 10);
        if (r.Gifts.Count == 0) writer.Line("本季度无捐赠。", 10);
        else writer.Table([70, 130, 80, 70, 80, ContentWidth - 430], ["捐赠日期", "捐赠人", "类别", "方式", "金额", "物资"],
            r.Gifts.Select(g => new[] { ChinaTime.Format(g.DonatedOn), g.Donor, g.DonorKind, g.Channel, Money.Yuan(g.AmountFen), g.Items }).ToList(), rightAligned: 4);
        writer.Gap(10);
        writer.Heading("三、资金使用明细");
        if (r.Uses.Count == 0) writer.Line("本季度无拨付支出。", 10);
        else writer.Table([70, 150, 50, ContentWidth - 350, 80], ["支付日期", "申请编号", "类别", "用途", "金额"],
            r.Uses.Select(u => new[] { ChinaTime.Format(u.PaidOn), u.RequestNo, u.Purpose, u.Title, Money.Yuan(u.AmountFen) }).ToList(), rightAligned: 4);
        writer.Gap(14);
        writer.Paragraph("以上信息依据《中华人民共和国慈善法》向社会公开，接受捐赠人和社会公众监督。匿名捐赠人以“爱心人士”“爱心企业”等称谓公示；受助儿童、困难群众的个人信息不予公开。", 10);
        writer.Gap(10);
        writer.Line($"公示单位：{r.HostName}", 11, right: true);
        writer.Line($"公示日期：{PdfDrawing.Day(r.IssuedOn)}", 11, right: true);
        writer.Finish();
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }

    /// <summary>Writes down the page, starting a new page where the next line would not fit.</summary>
    sealed class Writer(PdfDocument document)
    {
        readonly List<PdfPage> pages = [];
        XGraphics? g;
        double y;

        XGraphics G => g ?? NewPage();

        XGraphics NewPage()
        {
            g?.Dispose();
            var page = document.AddPage();
            page.Width = XUnit.FromPoint(PageWidth);
            page.Height = XUnit.FromPoint(PageHeight);
            pages.Add(page);
            g = XGraphics.FromPdfPage(page);
            y = Margin;
            return g;
        }

        void Room(double height)
        {
            if (g is null || y + height > Bottom) NewPage();
        }

        public void Gap(double h) => y += h;

        public void Title(string text, double size = 18)
        {
            Room(size + 12);
            G.DrawString(text, PdfDrawing.Font(size, bold: true), XBrushes.Black, new XRect(Margin, y, ContentWidth, size + 6), XStringFormats.TopCenter);
            y += size + 12;
        }

        public void Heading(string text)
        {
            Room(22 + RowHeight * 2);
            G.DrawString(text, PdfDrawing.Font(12, bold: true), XBrushes.Black, new XRect(Margin, y, ContentWidth, 18), XStringFormats.TopLeft);
            y += 22;
        }

        public void Line(string text, double size, bool right = false)
        {
            Room(size + 8);
            G.DrawString(PdfDrawing.Fit(G, text, PdfDrawing.Font(size), ContentWidth), PdfDrawing.Font(size), XBrushes.Black,
                new XRect(Margin, y, ContentWidth, size + 4), right ? XStringFormats.TopRight : XStringFormats.TopLeft);
            y += size + 8;
        }

        public void Paragraph(string text, double size)
        {
            foreach (var line in PdfDrawing.Wrap(G, text, PdfDrawing.Font(size), ContentWidth)) Line(line, size);
        }

        /// <summary>A table, its head repeated atop each page it runs on to; cells cut to fit with an ellipsis.</summary>
        public void Table(double[] widths, string[] head, IReadOnlyList<string[]> rows, int rightAligned = -1)
        {
            var pen = new XPen(XColor.FromArgb(0x88, 0x88, 0x88), 0.6);
            var fill = new XSolidBrush(XColor.FromArgb(0xEE, 0xEE, 0xEE));
            void Row(string[] cells, bool isHead)
            {
                var font = PdfDrawing.Font(9, bold: isHead);
                var x = Margin;
                for (var i = 0; i < widths.Length; i++)
                {
                    var box = new XRect(x, y, widths[i], RowHeight);
                    if (isHead) G.DrawRectangle(fill, box);
                    G.DrawRectangle(pen, box);
                    G.DrawString(PdfDrawing.Fit(G, cells[i], font, widths[i] - 8), font, XBrushes.Black, new XRect(x + 4, y, widths[i] - 8, RowHeight),
                        i == rightAligned && !isHead ? XStringFormats.CenterRight : XStringFormats.CenterLeft);
                    x += widths[i];
                }
                y += RowHeight;
            }
            Room(RowHeight * 2);
            Row(head, true);
            foreach (var row in rows)
            {
                if (y + RowHeight > Bottom) { NewPage(); Row(head, true); }
                Row(row, false);
            }
        }

        /// <summary>Page numbers at the foot: 第 n 页 / 共 N 页.</summary>
        public void Finish()
        {
            g?.Dispose();
            g = null;
            for (var i = 0; i < pages.Count; i++)
            {
                using var foot = XGraphics.FromPdfPage(pages[i]);
                foot.DrawString($"第 {i + 1} 页 / 共 {pages.Count} 页", PdfDrawing.Font(8), XBrushes.Gray, new XRect(Margin, PageHeight - Margin + 4, ContentWidth, 12), XStringFormats.TopCenter);
            }
        }
    }
}
