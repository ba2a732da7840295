using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>导出评审排名: the ranking as the page shows it (every row, in rank order; judges named for the host only), as an Excel file; audited.</summary>
public static class ExportRanking
{
    /// <summary>The export's search: the call (the audit row names it); the area is the call's own.</summary>
    public sealed record Query([Label("公益创投", "Call")] Guid CallId) : IAreaFilteredQuery
    {
        public string? Area => null;
    }

    public static async Task<Result<(byte[] Content, string FileName)>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid callId, CancellationToken ct = default)
    {
        var read = await GetRanking.Handle(db, user, clock, callId, ct);
        if (!read.IsOk) return read.Failure!;
        var ranking = read.Value!;
        var sheet = ranking.Rows.Select(r =>
        {
            var row = new Dictionary<string, object?>
            {
                [Lang.T("排名", "Rank")] = r.Rank,
                [Lang.T("申报编号", "Application number")] = r.ApplicationNo,
                [Lang.T("项目名称", "Title")] = r.Title,
                [Lang.T("申报单位", "Organization")] = r.OrganizationName,
                [Lang.T("服务领域", "Focus")] = r.Focus,
                [Lang.T("申请资助（元）", "Requested (yuan)")] = r.RequestedFen / 100m,
                [Lang.T("配套资金（元）", "Co-funding (yuan)")] = r.CoFundingFen / 100m,
                [Lang.T("分配专家", "Judges assigned")] = r.Assigned,
                [Lang.T("回避", "Recused")] = r.Recused,
                [Lang.T("已评分", "Scored")] = r.Scored,
            };
            for (var i = 0; i < ranking.Judges.Count; i++)
                row[ranking.Judges[i].Name] = r.Totals[i] switch { null => "", { Recused: true } => Lang.T("回避", "Recused"), { Total: { } t } => t, _ => Lang.T("未评", "Not yet") };
            row[Lang.T("评审得分", "Score")] = r.Score;
            row[Lang.T("配套加分", "Bonus")] = r.Bonus;
            row[Lang.T("最终得分", "Final")] = r.Final;
            row[Lang.T("评分完成", "Complete")] = r.Complete ? Lang.T("是", "Yes") : Lang.T("否", "No");
            return (IReadOnlyDictionary<string, object?>)row;
        }).ToList();
        return await ListExport.FileAsync(db, clock, sheet, "评审排名", "Ranking", nameof(CompetitionScore), ranking.CallNo, new Query(callId), ct);
    }
}
