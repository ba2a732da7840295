using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;

namespace Wushe.Features.Organizations;

/// <summary>导出: the organization list as it is filtered, as an Excel file with Chinese headers and masked phones; audited.</summary>
public static class ExportOrganizations
{
    public static async Task<(byte[] Content, string FileName)> Handle(AppDb db, TimeProvider clock, ListOrganizations.Query q, CancellationToken ct = default)
    {
        var rows = await ListExport.AllPagesAsync((p, size) => ListOrganizations.Handle(db, q with { Page = p, Size = size }, ct));
        var sheet = rows.Select((r, i) => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [Lang.T("序号", "No.")] = i + 1,
            [Lang.T("组织名称", "Name")] = r.Name,
            [Lang.T("统一社会信用代码", "Credit code")] = r.CreditCode ?? "",
            [Lang.T("组织类型", "Kind")] = Organization.KindLabel(r.Kind),
            [Lang.T("所属组织", "Belongs to")] = r.ParentName ?? "",
            [Lang.T("登记管理机关所在区划", "Registering area")] = r.AreaName,
            [Lang.T("区划代码", "Area code")] = r.AreaCode,
            // Those registered above that serve here are in the list (unless left out), so the file says which they are.
            [Lang.T("上级登记 · 服务本区", "Registered above · serves here")] = r.RegisteredAbove ? Lang.T("是", "Yes") : "",
            [Lang.T("法定代表人", "Legal representative")] = r.LegalRepresentative,
            [Lang.T("联系人", "Contact")] = r.ContactName,
            [Lang.T("联系电话", "Phone")] = r.ContactPhone ?? "",
            [Lang.T("登记日期", "Registered on")] = ChinaTime.Format(r.RegisteredOn),
            [Lang.T("服务领域", "Focus areas")] = string.Join(Lang.T("、", ", "), r.FocusAreas.Select(Organization.FocusLabel)),
            [Lang.T("状态", "Status")] = Organization.StatusLabel(r.Status),
        }).ToList();
        return await ListExport.FileAsync(db, clock, sheet, "社会组织名册", "Organizations", nameof(Organization), "list", q, ct);
    }
}
