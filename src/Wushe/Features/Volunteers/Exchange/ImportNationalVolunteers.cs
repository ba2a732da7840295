using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;

namespace Wushe.Features.Volunteers.Exchange;

/// <summary>
/// 导入志愿者 (全国系统对接): volunteers from a file of our national-exchange layout (<see cref="NationalLayout.VolunteerColumns"/>,
/// .xlsx or .csv). Each row goes through the rules of a staff registration (<see cref="RegisterVolunteer.CheckAsync"/>: name, resident ID,
/// mobile, the community a current one of the importer's scope, the age rules with a guardian's consent or self-support); the sex and
/// birth date, when given, must agree with the ID; an ID given twice in the file names the earlier row. A volunteer whose ID is on
/// the register already (anywhere on the platform: one person, one registration) is matched, not duplicated: the row is
/// <b>skipped</b> and reported "已存在，跳过" — the register's data is never overwritten by a file.
/// <para>All or nothing: any bad row saves nothing and every problem is answered by row and column (errors keyed <c>rows[5].idNumber</c>).
/// A good file saves every new volunteer in one transaction (source <see cref="VolunteerSource.Import"/>, numbered by the platform),
/// audited as one import beside each volunteer's own creation.</para>
/// Failures: invalid (no file, wrong type, over 10 MB or 20,000 rows, unreadable, missing columns, bad rows).
/// </summary>
public static class ImportNationalVolunteers
{
    public sealed record Imported(int Added, int Skipped, IReadOnlyList<NationalLayout.Skipped> SkippedRows);

    public static async Task<Result<Imported>> Handle(AppDb db, CurrentUser user, Sealer sealer, TimeProvider clock, IFormFile? file, CancellationToken ct = default)
    {
        var (content, problem) = await NationalLayout.ReceiveAsync(file, ct);
        if (problem is not null) return problem;
        await using (content) return await Handle(db, user, sealer, clock, content!, file!.FileName, ct);
    }

    public static async Task<Result<Imported>> Handle(AppDb db, CurrentUser user, Sealer sealer, TimeProvider clock, Stream content, string fileName, CancellationToken ct = default)
    {
        var read = NationalLayout.Read(content, fileName, NationalLayout.VolunteerColumns);
        if (read.Failure is not null) return read.Failure;
        var today = ChinaTime.Today(clock);
        var errors = new Errors();
        void Add(int row, string field, string message) => errors.Add($"rows[{row}].{field}", message);

        var parsed = new List<(int Row, VolunteerForm.Request Request, string Community, string IdHash)>();
        var communities = new Dictionary<string, string?>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (row, cells) in read.Rows)
        {
            string? V(string field) => cells[Array.FindIndex(NationalLayout.VolunteerColumns, c => c.Field == field)] is { Length: > 0 } v ? v : null;
            var id = NationalLayout.IdNumber(V("idType"), V("idNumber"), row, Add);
            var self = V("selfSupporting") switch
            {
                null or "否" or "no" or "No" or "N" => false,
                "是" or "yes" or "Yes" or "Y" => true,
                _ => (bool?)null,
            };
            if (self is null) Add(row, "selfSupporting", Lang.T("“以自己劳动收入为主要生活来源”请填写“是”或“否”", "Self-supporting is 是 (yes) or 否 (no)"));
            var skills = NationalLayout.Skills(V("skills"), row, Add);
            var request = new VolunteerForm.Request
            {
                Name = V("name"), IdNumber = id, Phone = V("phone"), AreaCode = V("areaCode"), Skills = skills ?? [], SkillNotes = V("skillNotes"),
                GuardianName = V("guardianName"), GuardianRelation = V("guardianRelation"), GuardianPhone = V("guardianPhone"),
                GuardianConsentOn = NationalLayout.Date(V("guardianConsentOn"), row, "guardianConsentOn", "监护人同意日期", "The consent date", Add),
                SelfSupporting = self == true ? true : null,
            };
            // The registration's own rules, one place (an ID already refused above is not named twice).
            var (problems, community) = await RegisterVolunteer.CheckAsync(db, user, today, request, communities, ct);
            foreach (var (key, messages) in problems.ToFailure().Errors ?? new Dictionary<string, string[]>())
                if (!(key == "idNumber" && (errors.Has($"rows[{row}].idNumber") || errors.Has($"rows[{row}].idType"))))
                    foreach (var m in messages) Add(row, key, m);
            if (errors.Has($"rows[{row}].idNumber") || errors.Has($"rows[{row}].idType") || id is null) continue;

            var normalized = ResidentId.Normalize(id);
            if (V("sex") is { } sex && sex != (ResidentId.IsMale(normalized) ? "男" : "女"))
                Add(row, "sex", sex is "男" or "女" ? Lang.T("性别与证件号码不一致", "The sex disagrees with the ID number") : Lang.T("性别请填写“男”或“女”", "The sex is 男 or 女"));
            if (NationalLayout.Date(V("birthDate"), row, "birthDate", "出生日期", "The birth date", Add) is { } birth && birth != ResidentId.BirthDate(normalized))
                Add(row, "birthDate", Lang.T("出生日期与证件号码不一致", "The birth date disagrees with the ID number"));
            if (seen.TryGetValue(normalized, out var first))
            {
                errors.Duplicate($"rows[{row}].idNumber", Lang.T($"与第 {first} 行的证件号码重复", $"The same ID number as row {first}"));
                continue;
            }
            seen[normalized] = row;
            if (community is not null) parsed.Add((row, request, community, sealer.Hash(SensitiveKind.IdNumber, normalized)));
        }
        if (errors.Any) return errors.ToFailure();

        // Matched by the keyed hash of the ID across the platform: already registered → skipped, never a second registration.
        var taken = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in parsed.Select(p => p.IdHash).Chunk(500))
            taken.UnionWith(await db.Set<Volunteer>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(v => chunk.Contains(v.IdNumber.Hash)).Select(v => v.IdNumber.Hash).ToListAsync(ct));
        var skipped = parsed.Where(p => taken.Contains(p.IdHash))
            .Select(p => new NationalLayout.Skipped(p.Row, Lang.T("该证件号码已登记为志愿者，已存在，跳过", "This ID number is registered as a volunteer already: skipped"))).ToList();
        var adding = parsed.Where(p => !taken.Contains(p.IdHash)).ToList();

        var now = clock.GetUtcNow();
        var byName = await Workers.NameAsync(db, user, ct);
        // Numbered in the county's sequence: the first takes the next free number, the rest follow it (none is saved yet to be seen).
        var volunteers = new List<Volunteer>();
        foreach (var p in adding)
            volunteers.Add(await VolunteerForm.AddAsync(db, sealer, p.Request, p.Community, VolunteerSource.Import, user.Id, byName, now, ct));
        Renumber(volunteers, null);
        db.AuditRecords.Add(new AuditRecord(now, db.Actor, AuditAction.Import, nameof(Volunteer), "national-import", $"added={adding.Count};skipped={skipped.Count}",
            areaCode: db.Actor.Active?.AreaCode, objectName: $"全国系统志愿者导入 {Path.GetFileName(fileName)}（新增 {adding.Count} 人，跳过 {skipped.Count} 人）"));
        // Someone registered in a county of the file at the same moment took a number: number the file again after it (as
        // VolunteerForm.SaveNumberedAsync does for one), a few times, before saying so.
        for (var attempt = 0; ; attempt++)
        {
            var entries = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added && !e.Metadata.IsOwned()).Select(e => e.Entity).ToList();
            if (await db.SaveOrFindDuplicateAsync(ct) is not { } columns) break;
            if (columns.Contains("IdNumberHash"))
                return Failure.Duplicate(NationalLayout.FileField, Lang.T("文件中的证件号码刚刚被他人登记，请重新导入（已登记的将跳过）", "An ID number of the file was registered by someone else just now; import again (those registered are skipped)"));
            if (!columns.Contains(nameof(Volunteer.VolunteerNo)) || attempt >= 8)
                return Failure.Conflict(Lang.T("志愿者编号刚刚被占用，请重新导入", "A volunteer number was taken just now; import again"));
            var first = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var v in volunteers)
            {
                var prefix = v.VolunteerNo[..^6];
                if (!first.ContainsKey(prefix))
                    first[prefix] = int.Parse((await VolunteerForm.NextNumberAsync(db, v.AreaCode, v.RegisteredAt.ToOffset(ChinaTime.Offset).Year, ct))[^6..],
                        System.Globalization.CultureInfo.InvariantCulture);
            }
            Renumber(volunteers, first);
            foreach (var e in entries) db.Add(e);
        }
        return new Imported(adding.Count, skipped.Count, skipped);
    }

    /// <summary>Numbers the volunteers of each county prefix one after another from <paramref name="first"/> (or each prefix's first
    /// volunteer's own next number).</summary>
    static void Renumber(List<Volunteer> volunteers, Dictionary<string, int>? first)
    {
        var next = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var v in volunteers)
        {
            var prefix = v.VolunteerNo[..^6];
            var n = next.TryGetValue(prefix, out var last) ? last + 1
                : first?.GetValueOrDefault(prefix) ?? int.Parse(v.VolunteerNo[^6..], System.Globalization.CultureInfo.InvariantCulture);
            next[prefix] = n;
            v.Renumber($"{prefix}{n:000000}");
        }
    }
}
