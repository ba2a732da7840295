using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;

namespace Wushe.Features.Competitions;

/// <summary>导出: the awards as <see cref="ListAwards"/> searches them (of the scope; organization staff: their own), as an Excel file — amounts in yuan,
/// dates in China time; audited with the conditions.</summary>
public static class ExportAwards
{
    public static async Task<(byte[] Content, string FileName)> Handle(AppDb db, TimeProvider clock, ListAwards.Query q, CancellationToken ct = default)
    {
        var rows = await ListExport.AllPagesAsync((p, size) => ListAwards.Handle(db, q with { Page = p, Size = size }, ct));
        var sheet = rows.Select((r, i) => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [Lang.T("序号", "No.")] = i + 1,
            [Lang.T("协议编号", "Agreement")] = r.AgreementNo,
            [Lang.T("项目编号", "Project number")] = r.ProjectNo,
            [Lang.T("项目名称", "Project")] = r.ProjectTitle,
            [Lang.T("实施机构", "Organization")] = r.OrganizationName,
            [Lang.T("公益创投", "Call")] = r.CallTitle,
            [Lang.T("资助金额（元）", "Amount (yuan)")] = r.AmountFen / 100m,
            [Lang.T("已拨付（元）", "Released (yuan)")] = r.ReleasedFen / 100m,
            [Lang.T("已追回（元）", "Clawed back (yuan)")] = r.ClawedBackFen / 100m,
            [Lang.T("状态", "Status")] = CompetitionAward.StatusLabel(r.Status),
            [Lang.T("协议签订日期", "Signed on")] = r.SignedOn?.ToString("yyyy-MM-dd") ?? "",
            [Lang.T("确定资助时间", "Confirmed at")] = ChinaTime.Format(r.ConfirmedAt),
        }).ToList();
        return await ListExport.FileAsync(db, clock, sheet, "资助项目", "Awards", nameof(CompetitionAward), q.CallId?.ToString() ?? "list", q, null, ct: ct);
    }
}
