using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;

namespace Wushe.Features.Casework.Guardianship;

/// <summary>导出: the guardianship list as it is filtered (masked names, no findings), audited as an export.</summary>
public static class ExportGuardianship
{
    public static async Task<(byte[] Content, string FileName)> Handle(AppDb db, TimeProvider clock, ListGuardianship.Query q, CancellationToken ct = default)
    {
        var rows = await ListExport.AllPagesAsync((p, size) => ListGuardianship.Handle(db, clock, q with { Page = p, Size = size }, ct));
        var names = await Areas.AreaNames.LookupAsync(db, rows.Select(r => r.AreaCode).Distinct(), ct);
        var sheet = rows.Select((r, i) => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [Lang.T("序号", "No.")] = i + 1,
            [Lang.T("儿童", "Child")] = r.Name,
            [Lang.T("性别", "Sex")] = Households.Resident.SexLabel(r.Sex),
            [Lang.T("年龄", "Age")] = r.Age,
            [Lang.T("所属社区（村）", "Community")] = names.GetValueOrDefault(r.AreaCode, r.AreaCode),
            [Lang.T("区划代码", "Area code")] = r.AreaCode,
            [Lang.T("最近评估", "Last assessed")] = ChinaTime.Format(r.LastAssessedOn),
            [Lang.T("评估结果", "Result")] = r.Level is { } l ? GuardianshipAssessment.LevelLabel(l) : Lang.T("从未评估", "Never assessed"),
            [Lang.T("下次评估", "Next due")] = ChinaTime.Format(r.NextDueOn),
            [Lang.T("逾期天数", "Days overdue")] = r.OverdueDays,
        }).ToList();
        return await ListExport.FileAsync(db, clock, sheet, "监护评估台账", "Guardianship", nameof(GuardianshipAssessment), "list", q, ct);
    }
}
