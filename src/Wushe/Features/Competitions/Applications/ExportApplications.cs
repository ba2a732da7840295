using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>导出: a call's applications as the list is filtered, as an Excel file (amounts in yuan, times in China time); audited.</summary>
public static class ExportApplications
{
    public static async Task<Result<(byte[] Content, string FileName)>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid callId, ListApplications.Query q, CancellationToken ct = default)
    {
        var first = await ListApplications.Handle(db, user, callId, q with { Page = 1, Size = 1 }, ct);
        if (!first.IsOk) return first.Failure!;
        var rows = await ListExport.AllPagesAsync(async (p, size) => (await ListApplications.Handle(db, user, callId, q with { Page = p, Size = size }, ct)).Value!.Applications);
        var sheet = rows.Select((r, i) => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [Lang.T("序号", "No.")] = i + 1,
            [Lang.T("申报编号", "Application number")] = r.ApplicationNo,
            [Lang.T("项目名称", "Title")] = r.Title,
            [Lang.T("申报机构", "Organization")] = r.OrganizationName,
            [Lang.T("机构类型", "Organization kind")] = r.OrganizationKindName,
            [Lang.T("服务领域", "Focus")] = r.FocusText,
            [Lang.T("项目区划", "Area")] = r.AreaName,
            [Lang.T("项目预算（元）", "Budget (yuan)")] = r.BudgetFen / 100m,
            [Lang.T("申请资助（元）", "Requested (yuan)")] = r.RequestedFen / 100m,
            [Lang.T("配套资金（元）", "Co-funding (yuan)")] = r.CoFundingFen / 100m,
            [Lang.T("状态", "Status")] = r.StatusName,
            [Lang.T("提交时间", "Submitted at")] = r.SubmittedAt is { } at ? ChinaTime.Format(at) : "",
            [Lang.T("材料数", "Documents")] = r.Documents,
        }).ToList();
        return await ListExport.FileAsync(db, clock, sheet, "申报列表", "Applications", nameof(CompetitionApplication), callId.ToString(), q, first.Value!.AreaCode,
            $"{first.Value.CallNo} ", ct);
    }
}
