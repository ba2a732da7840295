using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;

namespace Wushe.Features.Competitions;

/// <summary>
/// 导出本机构的申报 (an organization's staff, from the Mine page): their organization's applications across calls as
/// <see cref="MyApplications"/> searches them — newest first, drafts included; each one's number, title, call, the call's deadline,
/// the amount requested in yuan, its status, when submitted and the 补正期限 of a returned one (China time) — as an Excel file; audited
/// with the search under the staff's own area. Nothing for anyone but organization staff (an empty file).
/// </summary>
public static class ExportMyApplications
{
    public static async Task<(byte[] Content, string FileName)> Handle(AppDb db, CurrentUser user, TimeProvider clock, MyApplications.Query q, CancellationToken ct = default)
    {
        var rows = await ListExport.AllPagesAsync((p, size) => MyApplications.Handle(db, user, clock, q with { Page = p, Size = size }, ct));
        var sheet = rows.Select((r, i) => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [Lang.T("序号", "No.")] = i + 1,
            [Lang.T("申报编号", "Application number")] = r.ApplicationNo.Length > 0 ? r.ApplicationNo : Lang.T("未提交", "Not submitted"),
            [Lang.T("项目名称", "Title")] = r.Title,
            [Lang.T("公益创投", "Call")] = r.CallTitle,
            [Lang.T("通知编号", "Call number")] = r.CallNo,
            [Lang.T("申报截止", "Closes")] = ChinaTime.Format(r.ClosesAt),
            [Lang.T("申请资助（元）", "Requested (yuan)")] = r.RequestedFen / 100m,
            [Lang.T("状态", "Status")] = r.StatusName,
            [Lang.T("提交时间", "Submitted at")] = r.SubmittedAt is { } at ? ChinaTime.Format(at) : "",
            [Lang.T("补正期限", "Correct by")] = r.Status == ApplicationStatus.Returned && r.CorrectBy is { } by ? ChinaTime.Format(by) : "",
        }).ToList();
        return await ListExport.FileAsync(db, clock, sheet, "本机构申报", "My applications", nameof(CompetitionApplication), "mine", q, null, ct: ct);
    }
}
