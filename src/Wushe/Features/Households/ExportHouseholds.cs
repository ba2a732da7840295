using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Households;

/// <summary>
/// 导出: the household list as it is searched, as an Excel file (no ID numbers or phones in it; audited). Failures: the list's
/// own rules (<see cref="ListHouseholds.ProblemsAsync"/>: the ID tail, a worker outside the reader's area, a worker together
/// with unassigned=true) as 400 naming the field; then nothing is exported or audited.
/// </summary>
public static class ExportHouseholds
{
    public static async Task<Result<(byte[] Content, string FileName)>> Handle(AppDb db, TimeProvider clock, ListHouseholds.Query q, CancellationToken ct = default)
    {
        if (await ListHouseholds.ProblemsAsync(db, q, ct) is { Count: > 0 } problems) return Failure.Invalid(problems);
        var today = ChinaTime.Today(clock);
        var rows = await ListExport.AllPagesAsync((p, size) => ListHouseholds.Handle(db, q with { Page = p, Size = size }, today, ct));
        var sheet = rows.Select((r, i) =>
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
        return await ListExport.FileAsync(db, clock, sheet, "家庭户名册", "Households", nameof(Household), "list", q, ct);
    }
}
