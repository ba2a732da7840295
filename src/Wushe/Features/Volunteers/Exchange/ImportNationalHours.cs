using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Features.Volunteers.Hours;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;

namespace Wushe.Features.Volunteers.Exchange;

/// <summary>
/// 导入志愿服务记录 (全国系统对接): hours from a file of our national-exchange layout (<see cref="NationalLayout.HourColumns"/>, .xlsx or .csv).
/// Each row: a registered volunteer (by resident ID — its keyed hash — or else by volunteer number), not withdrawn, of the importer's scope,
/// whose registered name the row repeats; activity title, organizer, service content, recorder; start and end in China time, the end after the
/// start and not in the future; hours a positive whole number of the region's unit (0.5 h by default), within the span from start to end and,
/// with the file's other rows and the hours imported before for the same activity and day, within the region's daily cap
/// (<see cref="VolunteerHours.CheckManual"/>). A row given twice in the file names the earlier row; a row imported before (same volunteer,
/// start, end and activity) is <b>skipped</b> and reported "已导入，跳过" — a file imported twice adds nothing.
/// <para>Each record is <see cref="HourRecordKind.Imported"/>: the activity's title in its <see cref="HourRecord.Reason"/>, the file's name and
/// row as its <see cref="HourRecord.Evidence"/>, the file's recorder as its recorder; the area is the volunteer's community. Like back-filled hours
/// it is posted for the region's posting period and then made final by <see cref="FinalizeHours"/>, which keeps the volunteer's
/// <see cref="Volunteer.FinalMinutes"/>, <see cref="HourTotal"/> and the points.</para>
/// All or nothing: any bad row saves nothing (errors keyed <c>rows[5].hours</c>); a good file saves every record in one transaction,
/// audited as one import. Failures: invalid (no file, wrong type, too large or long, unreadable, missing columns, bad rows).
/// </summary>
public static class ImportNationalHours
{
    public sealed record Imported(int Added, int Minutes, int Skipped, IReadOnlyList<NationalLayout.Skipped> SkippedRows);

    sealed record Row(int Number, Volunteer Volunteer, string Title, string Organizer, string Content, DateTimeOffset Start, DateTimeOffset End, int Minutes, string Recorder)
    {
        public DateOnly Day => DateOnly.FromDateTime(Start.ToOffset(ChinaTime.Offset).DateTime);
    }

    public static async Task<Result<Imported>> Handle(AppDb db, CurrentUser user, Sealer sealer, TimeProvider clock, IFormFile? file, CancellationToken ct = default)
    {
        var (content, problem) = await NationalLayout.ReceiveAsync(file, ct);
        if (problem is not null) return problem;
        await using (content) return await Handle(db, user, sealer, clock, content!, file!.FileName, ct);
    }

    public static async Task<Result<Imported>> Handle(AppDb db, CurrentUser user, Sealer sealer, TimeProvider clock, Stream content, string fileName, CancellationToken ct = default)
    {
        var read = NationalLayout.Read(content, fileName, NationalLayout.HourColumns);
        if (read.Failure is not null) return read.Failure;
        var today = ChinaTime.Today(clock);
        var now = clock.GetUtcNow();
        var errors = new Errors();
        void Add(int row, string field, string message) => errors.Add($"rows[{row}].{field}", message);
        string? V(string?[] cells, string field) => cells[Array.FindIndex(NationalLayout.HourColumns, c => c.Field == field)] is { Length: > 0 } v ? v : null;

        // The volunteers the file names, read at once: by ID hash, else by number (across the platform; the scope is checked per row).
        var ids = new Dictionary<int, string>();
        foreach (var (row, cells) in read.Rows)
        {
            var id = NationalLayout.IdNumber(V(cells, "idType"), V(cells, "idNumber"), row, Add);
            if (id is null) continue;
            if (ResidentId.Check(id, today) is { } bad) Add(row, "idNumber", bad);
            else ids[row] = sealer.Hash(SensitiveKind.IdNumber, ResidentId.Normalize(id));
        }
        var numbers = read.Rows.Where(r => !ids.ContainsKey(r.Row)).Select(r => V(r.Cells, "volunteerNo")?.ToUpperInvariant()).OfType<string>().Distinct().ToList();
        var byHash = new Dictionary<string, Volunteer>(StringComparer.Ordinal);
        foreach (var chunk in ids.Values.Distinct().Chunk(500))
            foreach (var v in await db.Set<Volunteer>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().Where(v => chunk.Contains(v.IdNumber.Hash)).ToListAsync(ct))
                byHash[v.IdNumber.Hash] = v;
        var byNumber = new Dictionary<string, Volunteer>(StringComparer.Ordinal);
        foreach (var chunk in numbers.Chunk(500))
            foreach (var v in await db.Set<Volunteer>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().Where(v => chunk.Contains(v.VolunteerNo)).ToListAsync(ct))
                byNumber[v.VolunteerNo] = v;

        var rules = new Dictionary<string, VolunteerSettings>(StringComparer.Ordinal);
        var rows = new List<Row>();
        foreach (var (row, cells) in read.Rows)
        {
            Volunteer? volunteer = null;
            if (ids.TryGetValue(row, out var hash))
            {
                if (!byHash.TryGetValue(hash, out volunteer)) Add(row, "idNumber", Lang.T("没有以此证件号码登记的志愿者，请先导入志愿者", "No volunteer is registered with this ID number: import the volunteers first"));
            }
            else if (!errors.Has($"rows[{row}].idNumber") && !errors.Has($"rows[{row}].idType"))
            {
                var no = V(cells, "volunteerNo")?.ToUpperInvariant();
                if (no is null) Add(row, "volunteerNo", Lang.T("志愿者编号与证件号码至少填写一项", "Give the volunteer number or the ID number"));
                else if (!byNumber.TryGetValue(no, out volunteer)) Add(row, "volunteerNo", Lang.T("没有这个志愿者编号，请核对或改填证件号码", "No volunteer has this number: check it, or give the ID number"));
            }
            var key = ids.ContainsKey(row) ? "idNumber" : "volunteerNo";
            if (volunteer is not null)
            {
                if (!user.Scope.Covers(volunteer.AreaCode)) { Add(row, key, Lang.T("该志愿者不在您的管辖范围内", "This volunteer lives outside your area")); volunteer = null; }
                else if (volunteer.Status == VolunteerStatus.Withdrawn) Add(row, key, Lang.T("该志愿者已注销，不能导入时长", "This volunteer has withdrawn: no hours can be added"));
                else if (V(cells, "name") is { } name && name != volunteer.Name)
                    Add(row, "name", Lang.T($"姓名与登记的志愿者（{Mask.Name(volunteer.Name)}）不一致", $"The name disagrees with the registered volunteer ({Mask.Name(volunteer.Name)})"));
            }
            var row0 = $"rows[{row}].";
            errors.Text(row0 + "name", V(cells, "name"), "姓名", "Name", 2, 30)
                .Text(row0 + "activityTitle", V(cells, "activityTitle"), "活动名称", "Activity", 2, 100)
                .Text(row0 + "organizerName", V(cells, "organizerName"), "组织单位", "Organizer", 2, 60)
                .Text(row0 + "content", V(cells, "content"), "服务内容", "Service content", 2, 200)
                .Text(row0 + "recorder", V(cells, "recorder"), "记录人", "Recorder", 1, 50);
            var start = NationalLayout.Time(V(cells, "startedAt"), row, "startedAt", "开始时间", "The start", Add);
            var end = NationalLayout.Time(V(cells, "endedAt"), row, "endedAt", "结束时间", "The end", Add);
            if (start is { } s && end is { } e)
            {
                if (e <= s) Add(row, "endedAt", Lang.T("结束时间须晚于开始时间", "The end must be after the start"));
                else if (e > now) Add(row, "endedAt", Lang.T("结束时间不能晚于现在", "The end cannot be in the future"));
            }
            int? minutes = null;
            var hoursText = V(cells, "hours");
            if (hoursText is null) Add(row, "hours", Lang.T("服务时长不能为空", "The hours are required"));
            else if (!decimal.TryParse(hoursText, NumberStyles.AllowDecimalPoint | NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var hours)
                || HourRecords.Minutes(hours) is not { } m)
                Add(row, "hours", Lang.T("服务时长须为 0 至 24 之间的小时数（如 2.5）", "The hours must be a number from 0 to 24 (e.g. 2.5)"));
            else
            {
                var area = volunteer?.AreaCode;
                var set = area is null ? VolunteerSettings.National
                    : rules.TryGetValue(area, out var r) ? r : rules[area] = await VolunteerRules.ForAreaAsync(db, area, ct);
                if (VolunteerHours.CheckManual(m, set) is { } bad) Add(row, "hours", bad);
                else if (start is { } s2 && end is { } e2 && e2 > s2 && m > (e2 - s2).TotalMinutes)
                    Add(row, "hours", Lang.T("服务时长不能超过开始至结束的时间", "The hours cannot exceed the time from start to end"));
                else minutes = m;
            }
            if (volunteer is not null && minutes is { } ok && start is { } a && end is { } b && !errors.Has(row0 + "activityTitle") && !errors.Has(row0 + "organizerName")
                && !errors.Has(row0 + "content") && !errors.Has(row0 + "recorder") && !errors.Has(row0 + "endedAt"))
                rows.Add(new Row(row, volunteer, V(cells, "activityTitle")!.Trim(), V(cells, "organizerName")!.Trim(), V(cells, "content")!.Trim(), a, b, ok, V(cells, "recorder")!.Trim()));
        }

        // The same service twice in the file: the later row names the earlier.
        var seen = new Dictionary<(Guid, DateTimeOffset, DateTimeOffset, string), int>();
        foreach (var r in rows.ToList())
        {
            if (seen.TryGetValue((r.Volunteer.Id, r.Start, r.End, r.Title), out var first))
            {
                errors.Duplicate($"rows[{r.Number}].startedAt", Lang.T($"与第 {first} 行的服务记录重复（同一志愿者、活动和起止时间）", $"The same service as row {first} (volunteer, activity, start and end)"));
                rows.Remove(r);
            }
            else seen[(r.Volunteer.Id, r.Start, r.End, r.Title)] = r.Number;
        }

        // What was imported before for these volunteers on these days: a repeat is skipped, the rest counts against the daily cap.
        var before = new List<(Guid Volunteer, DateOnly Day, string Title, DateTimeOffset Start, DateTimeOffset End, int Minutes)>();
        if (rows.Count > 0)
        {
            var (from, to) = (rows.Min(r => r.Day), rows.Max(r => r.Day));
            foreach (var chunk in rows.Select(r => r.Volunteer.Id).Distinct().Chunk(500))
                before.AddRange((await db.Set<HourRecord>().IgnoreQueryFilters([AppDb.ScopeFilter])
                    .Where(h => chunk.Contains(h.VolunteerId) && h.Kind == HourRecordKind.Imported && h.ServiceDate >= from && h.ServiceDate <= to)
                    .Select(h => new { h.VolunteerId, h.ServiceDate, h.Reason, h.StartedAt, h.EndedAt, h.Minutes }).ToListAsync(ct))
                    .Select(h => (h.VolunteerId, h.ServiceDate, h.Reason, h.StartedAt, h.EndedAt, h.Minutes)));
        }
        var skipped = new List<NationalLayout.Skipped>();
        var adding = new List<Row>();
        foreach (var r in rows)
            if (before.Any(h => h.Volunteer == r.Volunteer.Id && h.Title == r.Title && h.Start == r.Start.ToUniversalTime() && h.End == r.End.ToUniversalTime()))
                skipped.Add(new(r.Number, Lang.T("该服务记录已导入过，已存在，跳过", "This service was imported before: skipped")));
            else adding.Add(r);
        foreach (var g in adding.GroupBy(r => (r.Volunteer.Id, r.Day, r.Title)))
        {
            var cap = rules[g.First().Volunteer.AreaCode].DailyCapMinutes;
            var used = before.Where(h => h.Volunteer == g.Key.Id && h.Day == g.Key.Day && h.Title == g.Key.Title).Sum(h => h.Minutes);
            foreach (var r in g)
            {
                used += r.Minutes;
                if (used > cap)
                    Add(r.Number, "hours", Lang.T($"该志愿者当日该活动合计 {VolunteerHours.Format(used)} 小时，超过每日上限 {VolunteerHours.Format(cap)} 小时",
                        $"With the other records of that activity and day this makes {VolunteerHours.Format(used)} hours, over the daily cap of {VolunteerHours.Format(cap)}"));
            }
        }
        if (errors.Any) return errors.ToFailure();

        var byName = await Workers.NameAsync(db, user, ct);
        var file = Path.GetFileName(fileName);
        foreach (var r in adding)
        {
            var evidence = $"全国志愿服务信息系统导入：{file} 第 {r.Number} 行（导入人 {byName}）";
            db.Add(HourRecords.Post(r.Volunteer.AreaCode, r.Volunteer.Id, HourRecordKind.Imported, r.Organizer, r.Content, r.Start, r.End, r.Minutes,
                    rules[r.Volunteer.AreaCode], user.Id, r.Recorder, clock)
                .Because(r.Title, evidence.Length > 500 ? evidence[..500] : evidence));
        }
        var total = adding.Sum(r => r.Minutes);
        db.AuditRecords.Add(new AuditRecord(now, db.Actor, AuditAction.Import, nameof(HourRecord), "national-import", $"added={adding.Count};minutes={total};skipped={skipped.Count}",
            areaCode: db.Actor.Active?.AreaCode, objectName: $"全国系统服务记录导入 {file}（新增 {adding.Count} 条 {VolunteerHours.Format(total)} 小时，跳过 {skipped.Count} 条）"));
        await db.SaveChangesAsync(ct);
        return new Imported(adding.Count, total, skipped.Count, skipped);
    }
}
