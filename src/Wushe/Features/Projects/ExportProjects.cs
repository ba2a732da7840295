using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;

namespace Wushe.Features.Projects;

/// <summary>导出: the project list as it is filtered, as an Excel file (amounts in yuan); audited.</summary>
public static class ExportProjects
{
    public static async Task<(byte[] Content, string FileName)> Handle(AppDb db, CurrentUser user, TimeProvider clock, ListProjects.Query q, CancellationToken ct = default)
    {
        var rows = await ListExport.AllPagesAsync((p, size) => ListProjects.Handle(db, user, clock, q with { Page = p, Size = size }, ct));
        var sheet = rows.Select((r, i) => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [Lang.T("序号", "No.")] = i + 1,
            [Lang.T("项目编号", "Project number")] = r.ProjectNo,
            [Lang.T("项目名称", "Title")] = r.Title,
            [Lang.T("服务领域", "Focus")] = r.FocusText,
            [Lang.T("所属区划", "Area")] = r.AreaName,
            [Lang.T("区划代码", "Area code")] = r.AreaCode,
            [Lang.T("实施机构", "Implementing organization")] = r.OrganizationName,
            [Lang.T("开始日期", "Starts on")] = ChinaTime.Format(r.StartOn),
            [Lang.T("结束日期", "Ends on")] = ChinaTime.Format(r.EndOn),
            [Lang.T("项目预算（元）", "Budget (yuan)")] = r.BudgetFen / 100m,
            [Lang.T("状态", "Status")] = Project.StatusLabel(r.Status),
            [Lang.T("服务记录数", "Delivery records")] = r.Activities,
        }).ToList();
        return await ListExport.FileAsync(db, clock, sheet, "项目台账", "Projects", nameof(Project), "list", q, ct);
    }
}
