using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;

namespace Wushe.Features.Volunteers.Certificates;

/// <summary>导出志愿服务证明: the list as searched (<see cref="ListVolunteerCertificates"/>, at most 10,000 rows) as an Excel file, no ID numbers; audited.</summary>
public static class ExportVolunteerCertificates
{
    public static async Task<(byte[] Content, string FileName)> Handle(AppDb db, TimeProvider clock, ListVolunteerCertificates.Query q, CancellationToken ct = default)
    {
        var rows = await ListExport.AllPagesAsync(async (p, size) => await ListVolunteerCertificates.Handle(db, q with { Page = p, Size = size }, ct));
        var sheet = rows.Select((r, i) => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [Lang.T("序号", "No.")] = i + 1,
            [Lang.T("证明编号", "Certificate number")] = r.Number,
            [Lang.T("姓名", "Name")] = r.VolunteerName,
            [Lang.T("志愿者编号", "Volunteer number")] = r.VolunteerNo,
            [Lang.T("所在社区（村）", "Community")] = r.AreaName,
            [Lang.T("服务期间起", "From")] = ChinaTime.Format(r.PeriodFrom),
            [Lang.T("服务期间止", "To")] = ChinaTime.Format(r.PeriodTo),
            [Lang.T("服务时长（小时）", "Hours")] = VolunteerHours.Format(r.Minutes),
            [Lang.T("服务记录数", "Records")] = r.Records,
            [Lang.T("出具单位", "Issuer")] = r.IssuerName,
            [Lang.T("出具方式", "Requested by")] = r.SelfService ? Lang.T("本人申请", "The volunteer") : Lang.T("工作人员出具", "Staff"),
            [Lang.T("经办人", "Handler")] = r.IssuedByName,
            [Lang.T("出具时间", "Issued")] = ChinaTime.Format(r.IssuedAt),
            [Lang.T("状态", "Status")] = VolunteerCertificate.StatusLabel(r.Status),
            [Lang.T("作废原因", "Reason revoked")] = r.RevokeReason,
        }).ToList();
        return await ListExport.FileAsync(db, clock, sheet, "志愿服务证明", "Volunteer certificates", nameof(VolunteerCertificate), "list", q, ct);
    }
}
