using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Volunteers.Activities;
using Wushe.Features.Volunteers.Hours;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Volunteers.Exchange;

/// <summary>
/// 导出志愿服务记录（全国系统格式）: the <b>final</b> hour records of the area chosen whose service began in the period (China dates,
/// this year by default), in our national-exchange layout (<see cref="NationalLayout.HourColumns"/>), .xlsx or CSV, ordered by start.
/// A record's corrections are folded into it (the national system takes a record's hours, not differences): a record corrected to
/// nothing is left out. The activity's title is the activity's; for hours without one, the title an import gave, else the service content.
/// ID numbers masked unless <c>full=true</c> under the rule of <see cref="ExportNationalVolunteers"/> (reveal permission, reason, audited as a reveal).
/// Failures: invalid (format, period, reason, too many rows); forbidden (full without the permission).
/// </summary>
public static class ExportNationalHours
{
    public sealed record Query(
        string? Area = null,
        [property: Label("开始日期", "From")] DateOnly? From = null,
        [property: Label("结束日期", "To")] DateOnly? To = null,
        [property: Label("文件格式", "Format")] string? Format = null,
        [property: Label("完整证件号码", "Full ID numbers")] bool? Full = null,
        [property: Label("导出原因", "Reason")] string? Reason = null) : IAreaFilteredQuery;

    public static async Task<Result<ExportNationalVolunteers.File>> Handle(AppDb db, CurrentUser user, Sealer sealer, TimeProvider clock, Query q, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(clock);
        var (from, to) = (q.From ?? new DateOnly(today.Year, 1, 1), q.To ?? today);
        if (from > to) return Failure.Invalid("to", Lang.T("结束日期不能早于开始日期", "To cannot be before From"));
        if (await NationalExport.CheckAsync(db, user, q.Format, q.Full, q.Reason, nameof(HourRecord), q.Area, ct) is { } refused) return refused;
        var format = NationalLayout.ParseFormat(q.Format)!.Value;
        var full = q.Full == true;
        var records = db.Set<HourRecord>().Under(q.Area)
            .Where(r => r.Status == HourRecordStatus.Final && r.Kind != HourRecordKind.Correction && r.ServiceDate >= from && r.ServiceDate <= to);
        if (await records.CountAsync(ct) > NationalLayout.MaxRows) return NationalExport.TooMany();
        var found = await records.OrderBy(r => r.ServiceDate).ThenBy(r => r.Id).AsNoTracking().ToListAsync(ct);
        var ids = found.Select(r => r.Id).ToList();
        var corrections = new Dictionary<Guid, int>();
        foreach (var chunk in ids.Chunk(500))
            foreach (var c in await db.Set<HourRecord>().IgnoreQueryFilters([AppDb.ScopeFilter])
                         .Where(c => c.Status == HourRecordStatus.Final && c.CorrectsId != null && chunk.Contains(c.CorrectsId.Value))
                         .GroupBy(c => c.CorrectsId!.Value).Select(g => new { g.Key, Minutes = g.Sum(c => c.Minutes) }).ToListAsync(ct))
                corrections[c.Key] = c.Minutes;
        var volunteers = new Dictionary<Guid, Volunteer>();
        foreach (var chunk in found.Select(r => r.VolunteerId).Distinct().Chunk(500))
            foreach (var v in await db.Set<Volunteer>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().Where(v => chunk.Contains(v.Id)).ToListAsync(ct))
                volunteers[v.Id] = v;
        var titles = new Dictionary<Guid, string>();
        foreach (var chunk in found.Where(r => r.ActivityId != null).Select(r => r.ActivityId!.Value).Distinct().Chunk(500))
            foreach (var a in await db.Set<Activity>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(a => chunk.Contains(a.Id)).Select(a => new { a.Id, a.Title }).ToListAsync(ct))
                titles[a.Id] = a.Title;

        var sheet = new List<IReadOnlyDictionary<string, object?>>();
        foreach (var r in found)
        {
            var minutes = r.Minutes + corrections.GetValueOrDefault(r.Id);
            if (minutes <= 0) continue;
            var v = volunteers[r.VolunteerId];
            sheet.Add(new Dictionary<string, object?>
            {
                ["志愿者编号"] = v.VolunteerNo,
                ["证件类型"] = NationalLayout.ResidentIdType,
                ["证件号码"] = full ? sealer.Open(v.IdNumber) : v.IdNumber.Masked,
                ["姓名"] = v.Name,
                ["活动名称"] = r.ActivityId is { } a && titles.TryGetValue(a, out var t) ? t : r.Kind == HourRecordKind.Imported && r.Reason.Length > 0 ? r.Reason : r.Content,
                ["组织单位"] = r.OrganizerName,
                ["服务内容"] = r.Content,
                ["开始时间"] = ChinaTime.Format(r.StartedAt),
                ["结束时间"] = ChinaTime.Format(r.EndedAt),
                ["服务时长（小时）"] = Math.Round(minutes / 60m, 2),
                ["记录人"] = r.RecordedByName,
            });
        }
        return await NationalExport.FileAsync(db, user, clock, sheet, NationalLayout.HourColumns, "全国系统服务记录", "National hours", nameof(HourRecord),
            format, full, q.Reason, q.Area, ct, $"{ChinaTime.Format(from)}..{ChinaTime.Format(to)}");
    }
}
