using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Export;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 导出评审专家名单 (the host, from the Judges page): a call's panel as <see cref="GetCompetition"/> lists it — in the order added, each
/// judge's name as printed and unit, the applications assigned, scored and recused (回避), and when added (China time) — as an Excel
/// file; audited under the call's area. No mobile or account: the panel as the call's record keeps it. A call out of scope (and any for
/// organization staff) is 404.
/// </summary>
public static class ExportCompetitionJudges
{
    /// <summary>The export's search, for its audit row: the call.</summary>
    public sealed record Query([Label("公益创投", "Call")] Guid CallId);

    public static async Task<Result<(byte[] Content, string FileName)>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid callId, CancellationToken ct = default)
    {
        var read = await GetCompetition.Handle(db, user, clock, callId, ct);
        if (!read.IsOk) return read.Failure!;
        var call = read.Value!;
        var ids = call.Judges.Select(j => j.Id).ToList();
        var tallies = await db.Set<CompetitionScore>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(s => ids.Contains(s.JudgeId)).GroupBy(s => s.JudgeId)
            .Select(g => new { g.Key, Scored = g.Count(s => s.ScoredAt != null), Recused = g.Count(s => s.Recused) }).ToDictionaryAsync(x => x.Key, ct);
        var sheet = call.Judges.Select((j, i) => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            [Lang.T("序号", "No.")] = i + 1,
            [Lang.T("姓名", "Name")] = j.Name,
            [Lang.T("工作单位", "Unit")] = j.Unit,
            [Lang.T("评审任务", "Assigned")] = j.Assigned,
            [Lang.T("已评分", "Scored")] = tallies.TryGetValue(j.Id, out var t) ? t.Scored : 0,
            [Lang.T("回避", "Recused")] = t?.Recused ?? 0,
            [Lang.T("添加时间", "Added")] = ChinaTime.Format(j.AddedAt),
        }).ToList();
        return await ListExport.FileAsync(db, clock, sheet, "评审专家名单", "Judges", nameof(CompetitionJudge), callId.ToString(), new Query(callId), call.AreaCode,
            $"{call.CallNo} ", ct);
    }
}
