using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Features.Volunteers.Exchange;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Audit;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;

namespace Wushe.Features.Workforce.Exams;

/// <summary>
/// 导入考试成绩 (bureau): results from an Excel (.xlsx) or UTF-8 CSV file of <see cref="Columns"/>, read by the house's import layout
/// (<see cref="NationalLayout"/>: headers in any order, the example row skipped, errors keyed <c>rows[N].field</c>, N the row as the
/// spreadsheet numbers it). Each row is checked by the rules of an entry (<see cref="SaveExamCandidate.Validate"/>): year, level, name,
/// resident ID, scores of the level's subjects, the review for the senior level, the exam area a county, city or province of the scope
/// (empty: the importer's own area). The same person, year and level twice in the file names the earlier row. A person is one social
/// worker by ID (found on the register, or added under the exam area); a sitting already entered in the scope is corrected by the file,
/// one entered by another area is an error of its row.
/// <para>All or nothing: any bad row saves nothing. A good file saves in one transaction, every person's results of the level computed
/// again (the roll), audited as one import beside each record's own.</para>
/// </summary>
public static class ImportExamResults
{
    public static readonly NationalLayout.Column[] Columns =
    [
        new("考试年度", "Year", "year", true, "2023", "如 2023", "e.g. 2023"),
        new("级别", "Level", "level", true, "助理社会工作师", "助理社会工作师、社会工作师或高级社会工作师（也可填 初级、中级、高级）", "助理社会工作师, 社会工作师 or 高级社会工作师 (or 初级, 中级, 高级)"),
        new("姓名", "Name", "name", true, "王晓燕", "", ""),
        new("身份证号码", "ID number", "idNumber", true, "", "18 位居民身份证号码，请设为文本格式", "18-character resident ID; format the column as text"),
        new("报考地区代码", "Exam area code", "areaCode", false, "", "报考地区的 12 位区划代码（县、市或省）；不填则为导入人所在地区", "The exam area's 12-digit code (county, city or province); empty: the importer's area"),
        new("科目1成绩", "Subject 1", "score1", false, "72", "初级/中级：社会工作综合能力；高级：高级社会工作实务。0–100 的整数，未报考或缺考留空", "Comprehensive ability (advanced practice for the senior level); 0–100; empty when not registered or absent"),
        new("科目2成绩", "Subject 2", "score2", false, "65", "社会工作实务（高级不填）", "Practice (not for the senior level)"),
        new("科目3成绩", "Subject 3", "score3", false, "", "社会工作法规与政策（仅中级）", "Laws and policies (intermediate only)"),
        new("评审结果", "Review", "reviewPassed", false, "", "仅高级：通过 或 未通过；未评审留空", "Senior only: 通过 (passed) or 未通过 (failed); empty when not reviewed"),
    ];

    public sealed record Imported(int Rows, int Added, int Corrected, int NewSocialWorkers);

    public static string TemplateName => Lang.T("考试成绩导入模板", "exam-results-template");

    public static async Task<Result<ExportTemplate>> TemplateAsync(string? format, CancellationToken ct)
    {
        if (NationalLayout.ParseFormat(format) is not { } f) return Failure.Invalid("format", NationalLayout.FormatMessage);
        return new ExportTemplate(await NationalLayout.TemplateAsync(Columns, "考试成绩", f, ct), TemplateName + NationalLayout.Extension(f), NationalLayout.ContentType(f));
    }

    public sealed record ExportTemplate(byte[] Content, string FileName, string ContentType);

    public static async Task<Result<Imported>> Handle(AppDb db, CurrentUser user, Sealer sealer, TimeProvider clock, IFormFile? file, CancellationToken ct = default)
    {
        var (content, problem) = await NationalLayout.ReceiveAsync(file, ct);
        if (problem is not null) return problem;
        await using (content) return await Handle(db, user, sealer, clock, content!, file!.FileName, ct);
    }

    sealed record Parsed(int Row, SaveExamCandidate.Request Request, string Area, string IdHash, string Id);

    public static async Task<Result<Imported>> Handle(AppDb db, CurrentUser user, Sealer sealer, TimeProvider clock, Stream content, string fileName, CancellationToken ct = default)
    {
        var read = NationalLayout.Read(content, fileName, Columns);
        if (read.Failure is not null) return read.Failure;
        var today = ChinaTime.Today(clock);
        var errors = new Errors();
        void Add(int row, string field, string message) => errors.Add($"rows[{row}].{field}", message);

        var own = user.Active?.AreaCode;
        var areas = new Dictionary<string, bool>(StringComparer.Ordinal);
        var parsed = new List<Parsed>();
        var seen = new Dictionary<(string, int, SocialWorkLevel), int>();
        foreach (var (row, cells) in read.Rows)
        {
            string? V(string field) => cells[Array.FindIndex(Columns, c => c.Field == field)] is { Length: > 0 } v ? v : null;
            var id = NationalLayout.IdNumber(null, V("idNumber"), row, Add);
            var request = new SaveExamCandidate.Request
            {
                Year = Number(V("year"), row, "year", "考试年度", "The year"),
                Level = LevelOf(V("level"), row),
                Name = V("name"),
                IdNumber = id,
                AreaCode = V("areaCode") ?? own,
                Score1 = Score(V("score1"), row, "score1", 1),
                Score2 = Score(V("score2"), row, "score2", 2),
                Score3 = Score(V("score3"), row, "score3", 3),
                ReviewPassed = Review(V("reviewPassed"), row),
            };
            foreach (var (key, messages) in SaveExamCandidate.Validate(request, today).ToFailure().Errors ?? new Dictionary<string, string[]>())
                if (!errors.Has($"rows[{row}].{key}")) foreach (var m in messages) Add(row, key, m);
            if (request.AreaCode is { } a && AreaCode.Normalize(a) is { } code && !errors.Has($"rows[{row}].areaCode"))
            {
                if (!areas.TryGetValue(code, out var ok))
                {
                    var probe = new Errors();
                    areas[code] = ok = await SaveExamCandidate.AreaAsync(db, code, probe, "areaCode", ct) is not null;
                }
                if (!ok) Add(row, "areaCode", Lang.T("报考地区应为您管辖范围内的县（区）、市或省", "The exam area is a county, city or province of your area"));
            }
            if (errors.Has($"rows[{row}].idNumber") || id is null || request.Year is null || request.Level is null) continue;
            var normalized = ResidentId.Normalize(id);
            var key2 = (normalized, request.Year.Value, request.Level.Value);
            if (seen.TryGetValue(key2, out var first))
            {
                errors.Duplicate($"rows[{row}].idNumber", Lang.T($"与第 {first} 行是同一考生同一年度同一级别", $"The same candidate, year and level as row {first}"));
                continue;
            }
            seen[key2] = row;
            if (AreaCode.Normalize(request.AreaCode) is { } area) parsed.Add(new Parsed(row, request, area, sealer.Hash(SensitiveKind.IdNumber, normalized), normalized));
        }
        if (errors.Any) return errors.ToFailure();

        // The people by the keyed hash of the ID (one social worker per ID, platform-wide) and their sittings already on record.
        var workers = new Dictionary<string, Guid>(StringComparer.Ordinal);
        var masked = new Dictionary<Guid, string>();
        foreach (var chunk in parsed.Select(p => p.IdHash).Distinct().Chunk(500))
            foreach (var w in await db.Set<SocialWorker>().IgnoreQueryFilters().Where(w => chunk.Contains(w.IdNumber.Hash))
                .Select(w => new { w.Id, w.IdNumber.Hash, w.IdNumber.Masked }).ToListAsync(ct))
            {
                workers[w.Hash] = w.Id;
                masked[w.Id] = w.Masked;
            }
        var existing = new Dictionary<(Guid, int, SocialWorkLevel), ExamCandidate>();
        foreach (var chunk in workers.Values.Chunk(500))
            foreach (var c in await db.Set<ExamCandidate>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(c => chunk.Contains(c.SocialWorkerId)).ToListAsync(ct))
                existing[(c.SocialWorkerId, c.Year, c.Level)] = c;
        foreach (var p in parsed)
            if (workers.TryGetValue(p.IdHash, out var wid) && existing.TryGetValue((wid, p.Request.Year!.Value, p.Request.Level!.Value), out var c) && !user.Scope.Covers(c.AreaCode))
                Add(p.Row, "idNumber", Lang.T("该考生本年度该级别的成绩已由其他地区录入，不能由本文件修改", "This candidate's result of the year and level was entered by another area: the file cannot change it"));
        if (errors.Any) return errors.ToFailure();

        var now = clock.GetUtcNow();
        var byName = await Workers.NameAsync(db, user, ct);
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var added = 0;
        var corrected = 0;
        var newWorkers = new Dictionary<string, SocialWorker>(StringComparer.Ordinal);
        var touched = new List<ExamCandidate>();
        foreach (var p in parsed)
        {
            var r = p.Request;
            var name = r.Name!.Trim();
            ExamCandidate candidate;
            if (workers.TryGetValue(p.IdHash, out var wid) && existing.TryGetValue((wid, r.Year!.Value, r.Level!.Value), out var found))
            {
                candidate = found;
                corrected++;
            }
            else
            {
                Guid workerId;
                string idMasked;
                if (workers.TryGetValue(p.IdHash, out var known)) (workerId, idMasked) = (known, masked[known]);
                else
                {
                    if (!newWorkers.TryGetValue(p.IdHash, out var worker))
                        newWorkers[p.IdHash] = worker = SocialWorkerForm.New(db, sealer, name, p.Id, p.Area, user.Id, byName, now);
                    (workerId, idMasked) = (worker.Id, worker.IdNumber.Masked);
                }
                candidate = new ExamCandidate(r.Year!.Value, r.Level!.Value, workerId, idMasked, p.Area, name, user.Id, byName, now);
                db.Add(candidate);
                added++;
            }
            candidate.Score(p.Area, name, r.Score1, r.Score2, r.Score3, r.ReviewPassed);
            touched.Add(candidate);
        }
        await ExamResults.RecomputeAsync(db, [.. touched.Select(c => (c.SocialWorkerId, c.Level)).Distinct()], touched, ct);
        db.AuditRecords.Add(new AuditRecord(now, db.Actor, AuditAction.Import, nameof(ExamCandidate), "import", $"added={added};corrected={corrected};workers={newWorkers.Count}",
            areaCode: db.Actor.Active?.AreaCode, objectName: $"考试成绩导入 {Path.GetFileName(fileName)}（新增 {added} 条，修改 {corrected} 条，新增社会工作者 {newWorkers.Count} 人）"));
        if (await db.SaveOrFindDuplicateAsync(ct) is not null)
            return Failure.Duplicate(NationalLayout.FileField, Lang.T("文件中的考生刚刚被他人录入，请重新导入", "A candidate of the file was entered by someone else just now; import again"));
        if (tx is not null) await tx.CommitAsync(ct);
        return new Imported(parsed.Count, added, corrected, newWorkers.Count);

        int? Number(string? text, int row, string field, string zh, string en)
        {
            if (text is null) return null;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
            Add(row, field, Lang.T($"{zh}应为整数", $"{en} is a whole number"));
            return null;
        }

        int? Score(string? text, int row, string field, int subject)
        {
            if (text is null or "缺考" or "-" or "—") return null;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
            Add(row, field, Lang.T($"科目{subject}成绩应为 0 到 100 的整数（缺考留空）", $"Subject {subject}'s score is a whole number from 0 to 100 (empty when absent)"));
            return -1;
        }

        SocialWorkLevel? LevelOf(string? text, int row)
        {
            SocialWorkLevel? level = text switch
            {
                null => null,
                "助理社会工作师" or "初级" or "Assistant" or "assistant" or "1" => SocialWorkLevel.Assistant,
                "社会工作师" or "中级" or "Intermediate" or "intermediate" or "2" => SocialWorkLevel.Intermediate,
                "高级社会工作师" or "高级" or "Senior" or "senior" or "3" => SocialWorkLevel.Senior,
                _ => null,
            };
            if (text is not null && level is null)
                Add(row, "level", Lang.T("级别应为 助理社会工作师、社会工作师 或 高级社会工作师", "The level is 助理社会工作师, 社会工作师 or 高级社会工作师"));
            return level;
        }

        bool? Review(string? text, int row)
        {
            switch (text)
            {
                case null: return null;
                case "通过" or "合格" or "是" or "yes" or "Yes": return true;
                case "未通过" or "不合格" or "否" or "no" or "No": return false;
                default:
                    Add(row, "reviewPassed", Lang.T("评审结果应为“通过”或“未通过”，未评审留空", "The review is 通过 (passed) or 未通过 (failed), empty when not reviewed"));
                    return null;
            }
        }
    }
}
