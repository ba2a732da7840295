using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Areas;
using Wushe.Platform.Audit;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;

namespace Wushe.Features.Households;

/// <summary>导出: the household list as it is searched, as an Excel file (no ID numbers or phones in it; audited).</summary>
public static class ExportHouseholds
{
    public const int MaxRows = 10_000;

    public static async Task<(byte[] Content, string FileName)> Handle(AppDb db, TimeProvider clock, ListHouseholds.Query q, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(clock);
        var page = await ListHouseholds.Handle(db, q with { Page = 1, Size = 100 }, today, ct);
        var rows = new List<ListHouseholds.Row>(page.Items);
        for (var p = 2; rows.Count < Math.Min(page.Total, MaxRows); p++)
            rows.AddRange((await ListHouseholds.Handle(db, q with { Page = p, Size = 100 }, today, ct)).Items);
        var sheet = rows.Take(MaxRows).Select((r, i) =>
        {
            var (state, days) = ListHouseholds.Due(r, today);
            return (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
            {
                [Lang.T("序号", "No.")] = i + 1,
                [Lang.T("户主", "Head")] = r.HeadName,
                [Lang.T("所属社区（村）", "Community")] = r.AreaName,
                [Lang.T("家庭住址", "Address")] = r.Address,
                [Lang.T("家庭人数", "Members")] = r.MemberCount,
                [Lang.T("户卡", "Card")] = r.CardName ?? Lang.T("未分色", "No card"),
                [Lang.T("包户社工", "Responsible worker")] = r.WorkerName,
                [Lang.T("最近探访", "Last visited")] = ChinaTime.Format(r.LastVisitedOn),
                [Lang.T("下次应访", "Next visit due")] = ChinaTime.Format(r.NextDueOn),
                [Lang.T("探访状态", "Visit state")] = DueLabels.Label(state, days),
                [Lang.T("状态", "Status")] = Household.StatusLabel(r.Status),
            };
        }).ToList();
        var content = await Spreadsheet.XlsxAsync(sheet, Lang.T("家庭户名册", "Households"), ct);
        var area = AreaCode.Normalize(q.Area) ?? db.Actor.Active?.AreaCode;
        db.AuditRecords.Add(new AuditRecord(clock.GetUtcNow(), db.Actor, AuditAction.Export, nameof(Household), "list", $"rows={sheet.Count}", areaCode: area,
            objectName: $"家庭户名册（{sheet.Count} 条）"));
        await db.SaveChangesAsync(ct);
        return (content, $"{Lang.T("家庭户名册", "households")}_{today:yyyyMMdd}.xlsx");
    }
}
