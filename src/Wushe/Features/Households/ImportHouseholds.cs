using System.Globalization;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Audit;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;

namespace Wushe.Features.Households;

/// <summary>
/// 批量导入家庭户: households and their members from an Excel file (.xlsx, the template of <see cref="TemplateAsync"/>), one row a
/// resident, rows grouped into households by 户编号. Each household is checked by the rules of a registration
/// (<see cref="RegisterHousehold.CheckAsync"/>, <see cref="ResidentFields"/>): the community in the user's scope — by its name
/// (column 社区名称, resolved among the communities of the scope: an unknown or ambiguous name is an error of its row) or, as
/// an alternative, its 12-digit code (所属社区代码) — one head, guardians, the consent of under-14s, ID numbers once on the
/// platform; and across the file: an ID number given twice, a household's rows that disagree on community or address.
/// The template's example row (户编号 <see cref="ExampleMarker"/>) is never imported.
/// <para>All or nothing: a file with any bad row saves nothing and answers every problem by row (the row number Excel shows, the
/// header being row 1) and field: errors keyed <c>rows[5].idNumber</c> (<see cref="Columns"/> maps a field to its column). A good
/// file saves every household in one transaction, audited as one import beside each record's own creation.</para>
/// Limits: 5 MB, 5,000 residents. Failures: invalid (no file, not .xlsx, too large or too long, unreadable, missing columns,
/// bad rows); conflict (only duplicates of ID numbers).
/// </summary>
public static class ImportHouseholds
{
    public const long MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 5000;

    /// <summary>The form field of the file.</summary>
    public const string FileField = "file";

    /// <summary>A column of the file: its header in Chinese and English (either is read), the request field it fills, an example, a note.</summary>
    public sealed record Column(string Header, string HeaderEn, string Field, bool Required, string Example, string Note, string NoteEn)
    {
        public string Label => Lang.T(Header, HeaderEn);
    }

    public static readonly Column[] Columns =
    [
        new("户编号", "Household no.", "household", true, "1", "同一户的成员填写相同的户编号（文件内自行编号即可）", "Members of one household share a number (any numbering within the file)"),
        new("社区名称", "Community", "communityName", false, "幸福社区", "社区（村）的名称，见“社区列表”工作表（须在您的管辖范围内）",
            "The community's (village's) name, as listed on the Communities sheet (within your area)"),
        new("所属社区代码", "Community code", "areaCode", false, "", "可不填；社区重名时填写 12 位区划代码（见“社区列表”）",
            "Optional; where two communities share a name, give the 12-digit code (see the Communities sheet)"),
        new("家庭住址", "Address", "address", true, "幸福路12号3单元201", "同一户只需在第一行填写", "Needed on the household's first row only"),
        new("姓名", "Name", "name", true, "王秀英", "", ""),
        new("性别", "Sex", "sex", true, "女", "男 或 女", "Male or Female (男 / 女)"),
        new("出生日期", "Birth date", "birthDate", true, "1948-03-08", "如 1948-03-08", "e.g. 1948-03-08"),
        new("与户主关系", "Relation to head", "relation", true, "户主", "户主、配偶、子女、父母、孙子女、祖父母、兄弟姐妹、儿媳/女婿、其他；每户一名户主",
            "Head, Spouse, Child, Parent, Grandchild, Grandparent, Sibling, Child-in-law, Other; one head per household"),
        new("身份证号码", "ID number", "idNumber", false, "", "请设置为文本格式，避免被 Excel 改写", "Format the column as text, so Excel keeps every digit"),
        new("联系电话", "Phone", "phone", false, "", "手机号码或固定电话", "Mobile or landline"),
        new("健康与照护情况", "Health and care", "healthNote", false, "患高血压，行动不便", "不超过 1000 字；未满 14 周岁须监护人同意", "At most 1000 characters; under 14, with the guardian's consent"),
        new("监护人", "Guardian", "guardianName", false, "", "未满 18 周岁必填", "Required under 18"),
        new("监护人关系", "Guardian's relation", "guardianRelation", false, "", "未满 18 周岁必填，如 母亲", "Required under 18, e.g. mother"),
        new("监护人电话", "Guardian's phone", "guardianPhone", false, "", "手机号码或固定电话", "Mobile or landline"),
        new("重点人群标签", "Target groups", "tags", false, "独居老人、高龄老人", "多个标签用顿号（、）分隔", "Separate several with 、"),
        new("知情同意日期", "Consent given on", "consentOn", false, "", "未满 14 周岁登记身份证号码、电话或标签时必填（监护人同意日期）", "Required for a child under 14 with an ID number, phone or tags: the guardian's consent"),
    ];

    /// <summary>户编号 of the template's example row: a row so marked is skipped on import (Chinese or English, any case).</summary>
    public const string ExampleMarker = "示例";

    static bool IsExample(string? household) =>
        household is not null && (household == ExampleMarker || string.Equals(household, "example", StringComparison.OrdinalIgnoreCase));

    /// <summary>At most this many communities are listed on the template's Communities sheet.</summary>
    public const int MaxListed = 20000;

    public sealed record Imported(int Households, int Residents);

    /// <summary>One problem of a file: the row as Excel numbers it (0: the file as a whole), the column's header, the message.</summary>
    public sealed record RowError(int Row, string Column, string Message);

    /// <summary>The problems of a failure in reading order: keys <c>rows[5].idNumber</c> become row 5, column 身份证号码.</summary>
    public static List<RowError> Report(Failure failure) =>
    [
        .. (failure.Errors ?? new Dictionary<string, string[]>()).SelectMany(e => e.Value.Select(m => ToRowError(e.Key, m)))
            .OrderBy(e => e.Row).ThenBy(e => Array.FindIndex(Columns, c => c.Label == e.Column)),
    ];

    static RowError ToRowError(string key, string message)
    {
        if (!key.StartsWith("rows[", StringComparison.Ordinal)) return new(0, "", message);
        var close = key.IndexOf(']', StringComparison.Ordinal);
        var row = int.Parse(key[5..close], CultureInfo.InvariantCulture);
        var field = key[(close + 2)..];
        return new(row, Columns.FirstOrDefault(c => c.Field == field)?.Label ?? field, message);
    }

    /// <summary>
    /// The template, in the page's language: the headers and one example row (户编号 <see cref="ExampleMarker"/>, skipped on
    /// import) on the first sheet; a sheet explaining each column; and a sheet listing the communities of the user's scope
    /// (name, code, township), at most <see cref="MaxListed"/>.
    /// </summary>
    public static async Task<byte[]> TemplateAsync(AppDb db, CancellationToken ct = default)
    {
        var villages = await db.Areas.Where(a => a.Level == Platform.Areas.AreaLevel.Village && a.ValidTo == null).OrderBy(a => a.Code)
            .Select(a => new { a.Name, a.Code, a.ParentCode }).Take(MaxListed).ToListAsync(ct);
        var townships = await TownshipNamesAsync(db, villages.Select(v => v.ParentCode), ct);
        var communities = villages.Select(v => new { v.Name, v.Code, Township = townships.GetValueOrDefault(v.ParentCode ?? "", "") }).ToList();
        var example = communities.FirstOrDefault();
        // Fixed text of our own and area names (no person's value), so MiniExcel writes it directly: three sheets, which the export helper does not make.
        var sheet = new List<Dictionary<string, object>>
        {
            Columns.ToDictionary(c => c.Label, c => (object)(c.Field switch
            {
                "household" => ExampleMarker,
                "communityName" => example?.Name ?? c.Example,
                // The example's street lies in the user's own township (never another city's).
                "address" => Lang.T((example?.Township ?? "") + c.Example + "（示例行，不会导入）", "No. 12 Xingfu Road (example row, not imported)"),
                _ => c.Example,
            })),
        };
        var help = Columns.Select(c => new Dictionary<string, object>
        {
            [Lang.T("列", "Column")] = c.Label,
            [Lang.T("必填", "Required")] = c.Required ? Lang.T("是", "Yes") : c.Field == "communityName" ? Lang.T("是（或填写所属社区代码）", "Yes (or the community code)") : Lang.T("否", "No"),
            [Lang.T("示例", "Example")] = c.Field == "communityName" ? example?.Name ?? c.Example : c.Field == "address" ? (example?.Township ?? "") + c.Example : c.Example,
            [Lang.T("说明", "Note")] = Lang.T(c.Note, c.NoteEn),
        }).ToList();
        help.Add(new Dictionary<string, object>
        {
            [Lang.T("列", "Column")] = Lang.T("示例行", "Example row"), [Lang.T("必填", "Required")] = "", [Lang.T("示例", "Example")] = ExampleMarker,
            [Lang.T("说明", "Note")] = Lang.T($"户编号为“{ExampleMarker}”的行不会导入，可删除或保留", $"A row whose household no. is \"{ExampleMarker}\" is not imported: delete or keep it"),
        });
        var list = communities.Select(c => new Dictionary<string, object>
        {
            [Lang.T("社区名称", "Community")] = c.Name, [Lang.T("所属社区代码", "Community code")] = c.Code, [Lang.T("所属乡镇（街道）", "Township")] = c.Township,
        }).ToList();
        if (list.Count == 0)
            list.Add(new Dictionary<string, object> { [Lang.T("社区名称", "Community")] = Lang.T("（您的管辖范围内没有社区）", "(no community in your area)"), [Lang.T("所属社区代码", "Community code")] = "", [Lang.T("所属乡镇（街道）", "Township")] = "" });
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(new Dictionary<string, object>
        {
            [Lang.T("家庭户", "Households")] = sheet, [Lang.T("填写说明", "How to fill in")] = help, [Lang.T("社区列表", "Communities")] = list,
        }, cancellationToken: ct);
        return stream.ToArray();
    }

    public static string TemplateName => Lang.T("家庭户导入模板.xlsx", "households-import-template.xlsx");

    static Failure FileProblem(string message) => Failure.Invalid(FileField, message);

    /// <summary>Reads and imports the file of a form (field <c>file</c>).</summary>
    public static async Task<Result<Imported>> Handle(AppDb db, CurrentUser user, Sealer sealer, TimeProvider clock, IFormFile? file, CancellationToken ct = default)
    {
        if (file is null || file.Length == 0) return FileProblem(Lang.T("请选择要导入的 Excel 文件（.xlsx）", "Please choose the Excel file (.xlsx) to import"));
        if (!file.FileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase))
            return FileProblem(Lang.T("请上传 .xlsx 格式的 Excel 文件（可先下载导入模板）", "Please upload an Excel .xlsx file (download the template first)"));
        if (file.Length > MaxBytes) return FileProblem(Lang.T("文件不能超过 5 MB，请分批导入", "The file may be at most 5 MB; import in parts"));
        using var content = new MemoryStream();
        await file.CopyToAsync(content, ct);
        content.Position = 0;
        return await Handle(db, user, sealer, clock, content, file.FileName, ct);
    }

    public static async Task<Result<Imported>> Handle(AppDb db, CurrentUser user, Sealer sealer, TimeProvider clock, Stream content, string fileName, CancellationToken ct = default)
    {
        var read = Read(content);
        if (read.Failure is not null) return read.Failure;
        var rows = read.Rows;
        var today = ChinaTime.Today(clock);
        var errors = new Errors();
        void Add(int row, string field, string message) => errors.Add($"rows[{row}].{field}", message);

        // Each row as a resident's fields; a value that does not parse is named and left empty (the rules then skip it).
        var residents = rows.Select(r => Parse(r, Add)).ToList();

        // The same ID number twice in the file: the later row names the earlier.
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var p in residents)
        {
            if (string.IsNullOrWhiteSpace(p.Fields.IdNumber) || ResidentId.Check(p.Fields.IdNumber, today) is not null) continue;
            var id = ResidentId.Normalize(p.Fields.IdNumber);
            if (seen.TryGetValue(id, out var first))
                errors.Duplicate($"rows[{p.Row}].idNumber", Lang.T($"与第 {first} 行的身份证号码重复", $"The same ID number as row {first}"));
            else seen[id] = p.Row;
        }

        // A community's name becomes its code among the communities of the scope (a code given beside it must agree).
        residents = await ResolveCommunitiesAsync(db, residents, Add, ct);

        var households = new List<(RegisterHousehold.Request Request, List<Parsed> Members)>();
        foreach (var group in residents.Where(p => p.Household.Length > 0).GroupBy(p => p.Household, StringComparer.Ordinal))
        {
            var members = group.ToList();
            var area = members.Select(m => m.AreaCode).FirstOrDefault(a => a.Length > 0) ?? "";
            var address = members.Select(m => m.Address).FirstOrDefault(a => a.Length > 0) ?? "";
            if (members.All(m => m.AreaCode.Length == 0 && m.CommunityName.Length == 0))
                Add(members[0].Row, "communityName", Lang.T("社区名称不能为空：请填写“社区列表”中的社区名称", "The community is required: give its name as listed on the Communities sheet"));
            foreach (var m in members)
            {
                if (m.AreaCode.Length > 0 && m.AreaCode != area)
                    Add(m.Row, m.ByName ? "communityName" : "areaCode", Lang.T($"同一户的社区须一致（本户第 {members[0].Row} 行为 {members[0].CommunityLabel}）",
                        $"One household, one community (row {members[0].Row} says {members[0].CommunityLabel})"));
                if (m.Address.Length > 0 && m.Address != address)
                    Add(m.Row, "address", Lang.T("同一户的家庭住址须一致（只需在第一行填写）", "One household, one address (give it on the first row only)"));
            }
            // Tag names become the tags the household's area offers (TargetGroups.Visible); an unknown name is named on its row.
            var tags = await TagsAsync(db, area, ct);
            var fields = new List<ResidentFields>();
            foreach (var m in members)
            {
                List<Guid>? ids = null;
                if (m.TagNames.Count > 0)
                {
                    var unknown = m.TagNames.Where(n => !tags.ContainsKey(n)).ToList();
                    if (unknown.Count > 0)
                        Add(m.Row, "tags", Lang.T($"标签不存在或未启用：{string.Join("、", unknown)}（请使用“户卡与标签设置”中列出的标签）",
                            $"Unknown or inactive tags: {string.Join(", ", unknown)} (use the tags listed under Cards and tags)"));
                    ids = [.. m.TagNames.Where(tags.ContainsKey).Select(n => tags[n]).Distinct()];
                }
                fields.Add(m.Fields with { Tags = ids });
            }
            households.Add((new RegisterHousehold.Request(area, address, fields), members));
        }

        // A head without an ID number cannot be matched by it: the same head name, birth date and address in the same community as
        // a household already registered is a probable duplicate (a second upload of the same file), refused on the head's row
        // (the file saves nothing, as for any bad row): the user opens that household, or gives the ID number to tell them apart.
        foreach (var (request, members) in households)
        {
            if (request.AreaCode!.Length == 0 || string.IsNullOrWhiteSpace(request.Address)) continue;
            var head = members.FirstOrDefault(m => m.Fields.Relation == Relation.Head);
            if (head is null || !string.IsNullOrWhiteSpace(head.Fields.IdNumber) || head.Fields.BirthDate is not { } born || string.IsNullOrWhiteSpace(head.Fields.Name)) continue;
            var (area, address, name) = (request.AreaCode.Trim(), request.Address.Trim(), head.Fields.Name.Trim());
            var existing = await db.Set<Household>().Where(h => h.AreaCode == area && h.Address == address && h.HeadName == name && h.Status == HouseholdStatus.Active
                    && db.Set<Resident>().Any(r => r.HouseholdId == h.Id && r.Relation == Relation.Head && r.BirthDate == born))
                .Select(h => h.Id).FirstOrDefaultAsync(ct);
            if (existing != Guid.Empty)
                errors.Duplicate($"rows[{head.Row}].name", Lang.T($"疑似重复：本社区已登记户主“{name}”（出生日期 {born:yyyy-MM-dd}，住址“{address}”）的家庭户；请在该户办理，或填写身份证号码以区分",
                    $"Probably a duplicate: a household with head {name} (born {born:yyyy-MM-dd}) at {address} is registered in this community already; open it, or give the ID number to tell them apart"));
        }

        // Every household by the registration's own rules; its errors land on the member's row, the household's on its first row.
        var checkedOk = new List<RegisterHousehold.Checked>();
        var candidates = new Dictionary<string, List<Workers.Worker>>();
        foreach (var (request, members) in households)
        {
            // A household without a known community is named on its row already (above): its other fields still go through the
            // registration's own rules (a bad phone on that row is named in the same report), not its area's.
            Errors problems;
            if (request.AreaCode!.Length == 0 || errors.Has(KeyOfRow(members[0].Row, "communityName")) || errors.Has(KeyOfRow(members[0].Row, "areaCode")))
            {
                problems = new Errors();
                foreach (var (key, messages) in RegisterHousehold.Validate(request, today).ToFailure().Errors ?? new Dictionary<string, string[]>())
                    if (key != "areaCode")
                        foreach (var m in messages) problems.Add(key, m);
                if (!problems.Any) continue;
            }
            else
            {
                (problems, var ok) = await RegisterHousehold.CheckAsync(db, sealer, today, request, user.Id, candidates, ct);
                if (ok is not null) { checkedOk.Add(ok); continue; }
            }
            foreach (var (key, messages) in problems.ToFailure().Errors!)
            {
                var (row, field) = Locate(key, members);
                if (errors.Has($"rows[{row}].{field}")) continue;
                foreach (var message in messages)
                    if (problems.IsDuplicate(key)) errors.Duplicate($"rows[{row}].{field}", message);
                    else Add(row, field, message);
            }
        }
        if (errors.Any) return errors.ToFailure();

        var now = clock.GetUtcNow();
        var userName = await Workers.NameAsync(db, user, ct);
        for (var i = 0; i < households.Count; i++) RegisterHousehold.Add(db, user, sealer, userName, now, households[i].Request, checkedOk[i]);
        // The import itself, beside each household's and resident's own record: who imported which file, how much.
        db.AuditRecords.Add(new AuditRecord(now, db.Actor, AuditAction.Import, nameof(Household), "import", $"households={households.Count};residents={rows.Count}",
            areaCode: db.Actor.Active?.AreaCode, objectName: $"家庭户导入 {Path.GetFileName(fileName)}（{households.Count} 户 {rows.Count} 人）"));
        if (await db.SaveOrFindDuplicateAsync(ct) is { } columns)
            return columns.Contains("IdNumberHash")
                ? Failure.Duplicate(FileField, Lang.T("文件中的身份证号码刚刚被他人登记，请重新导入以查看是哪一行", "An ID number of the file was registered by someone else just now; import again to see which row"))
                : UniqueKeys.Conflict();
        return new Imported(households.Count, rows.Count);
    }

    static string KeyOfRow(int row, string field) => $"rows[{row}].{field}";

    /// <summary>Where a registration's error key (<c>members[1].idNumber</c>, <c>areaCode</c>, <c>members</c>) belongs in the file.</summary>
    static (int Row, string Field) Locate(string key, List<Parsed> members)
    {
        if (key.StartsWith("members[", StringComparison.Ordinal))
        {
            var close = key.IndexOf(']', StringComparison.Ordinal);
            var index = int.Parse(key[8..close], CultureInfo.InvariantCulture);
            return (members[index].Row, key[(close + 2)..]);
        }
        return (members[0].Row, key switch
        {
            "areaCode" => members.FirstOrDefault(m => m.AreaCode.Length > 0)?.ByName == true ? "communityName" : "areaCode",
            "address" => key,
            "members" => "relation",
            _ => "household",
        });
    }

    static async Task<Dictionary<string, Guid>> TagsAsync(AppDb db, string areaCode, CancellationToken ct)
    {
        if (RegisterHousehold.CheckArea(areaCode) is not null) return [];
        var tags = await TargetGroups.Visible(db, areaCode.Trim()).Where(t => t.IsActive).Select(t => new { t.Name, t.NameEn, t.Id }).ToListAsync(ct);
        var map = new Dictionary<string, Guid>(StringComparer.OrdinalIgnoreCase);
        foreach (var t in tags)
        {
            map.TryAdd(t.Name, t.Id);
            map.TryAdd(t.NameEn, t.Id);
        }
        return map;
    }

    sealed record Parsed(int Row, string Household, string AreaCode, string CommunityName, string Address, ResidentFields Fields, List<string> TagNames)
    {
        /// <summary>The community was given by name (<see cref="AreaCode"/> then holds the code it resolved to, or nothing).</summary>
        public bool ByName { get; init; }

        public string CommunityLabel => CommunityName.Length > 0 ? CommunityName : AreaCode;
    }

    /// <summary>The names of the given townships, whoever's scope they lie in (a community's user sees the township's name too).</summary>
    static async Task<Dictionary<string, string>> TownshipNamesAsync(AppDb db, IEnumerable<string?> codes, CancellationToken ct)
    {
        var wanted = codes.OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        return wanted.Count == 0 ? [] : await db.Areas.IgnoreQueryFilters([AppDb.ScopeFilter]).Where(a => wanted.Contains(a.Code))
            .ToDictionaryAsync(a => a.Code, a => a.Name, ct);
    }

    /// <summary>
    /// Each row's community name as the code of the one current community (village level) of that name in the user's scope. An
    /// unknown name, a name several communities share (they are listed with their townships and codes), or a code beside the name
    /// that is not one of them, is an error of the row's 社区名称.
    /// </summary>
    static async Task<List<Parsed>> ResolveCommunitiesAsync(AppDb db, List<Parsed> rows, Action<int, string, string> error, CancellationToken ct)
    {
        var names = rows.Where(r => r.CommunityName.Length > 0).Select(r => r.CommunityName).Distinct(StringComparer.Ordinal).ToList();
        if (names.Count == 0) return rows;
        // Within the scope (the query filter); the townships' names only label an ambiguous name's choices.
        var villages = await db.Areas.Where(a => names.Contains(a.Name) && a.Level == Platform.Areas.AreaLevel.Village && a.ValidTo == null)
            .Select(a => new { a.Name, a.Code, a.ParentCode }).ToListAsync(ct);
        var townships = await TownshipNamesAsync(db, villages.Select(v => v.ParentCode), ct);
        var found = villages.Select(v => new { v.Name, v.Code, Township = townships.GetValueOrDefault(v.ParentCode ?? "", "") }).ToList();
        var byName = found.GroupBy(a => a.Name, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.OrderBy(a => a.Code, StringComparer.Ordinal).ToList(), StringComparer.Ordinal);
        var result = new List<Parsed>(rows.Count);
        foreach (var r in rows)
        {
            if (r.CommunityName.Length == 0) { result.Add(r); continue; }
            var matches = byName.GetValueOrDefault(r.CommunityName) ?? [];
            string? code = null;
            if (matches.Count == 0)
                error(r.Row, "communityName", Lang.T($"社区“{r.CommunityName}”不存在或不在您的管辖范围内（请使用模板“社区列表”中的名称）",
                    $"No community \"{r.CommunityName}\" in your area (use a name from the template's Communities sheet)"));
            else if (r.AreaCode.Length > 0)
            {
                if (matches.Any(m => m.Code == r.AreaCode)) code = r.AreaCode;
                else error(r.Row, "communityName", Lang.T($"社区名称与所属社区代码不一致：“{r.CommunityName}”的代码为 {string.Join("、", matches.Select(m => m.Code))}",
                    $"The community and its code disagree: \"{r.CommunityName}\" is {string.Join(", ", matches.Select(m => m.Code))}"));
            }
            else if (matches.Count > 1)
                error(r.Row, "communityName", Lang.T($"有 {matches.Count} 个社区名为“{r.CommunityName}”（{string.Join("、", matches.Select(m => $"{m.Township} {m.Code}"))}）：请同时填写所属社区代码",
                    $"{matches.Count} communities are named \"{r.CommunityName}\" ({string.Join("; ", matches.Select(m => $"{m.Township} {m.Code}"))}): give the community code too"));
            else code = matches[0].Code;
            result.Add(r with { AreaCode = code ?? "", ByName = true });
        }
        return result;
    }

    sealed record Sheet(List<(int Row, string?[] Cells)> Rows, Failure? Failure);

    /// <summary>The file's rows by column (<see cref="Columns"/> order), blank rows left out; or what is wrong with the file.</summary>
    static Sheet Read(Stream content)
    {
        var rows = new List<(int, string?[])>();
        try
        {
            var index = new int[Columns.Length];
            var rowNumber = 0;
            foreach (IDictionary<string, object?> cells in content.Query(useHeaderRow: false))
            {
                rowNumber++;
                var values = cells.Values.ToList();
                if (rowNumber == 1)
                {
                    var headers = values.Select(v => Text(v)?.Replace(" ", "", StringComparison.Ordinal)).ToList();
                    var missing = new List<string>();
                    for (var c = 0; c < Columns.Length; c++)
                    {
                        index[c] = headers.FindIndex(h => h is not null && (h == Columns[c].Header || string.Equals(h, Columns[c].HeaderEn.Replace(" ", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase)));
                        if (index[c] < 0 && Columns[c].Required) missing.Add(Columns[c].Label);
                    }
                    var name = Array.FindIndex(Columns, c => c.Field == "communityName");
                    var code = Array.FindIndex(Columns, c => c.Field == "areaCode");
                    if (index[name] < 0 && index[code] < 0) missing.Insert(Math.Min(1, missing.Count), Columns[name].Label);
                    if (missing.Count > 0)
                        return new([], FileProblem(Lang.T($"第 1 行缺少列：{string.Join("、", missing)}（请使用导入模板）", $"Row 1 lacks the columns {string.Join(", ", missing)} (use the template)")));
                    continue;
                }
                var row = new string?[Columns.Length];
                for (var c = 0; c < Columns.Length; c++) row[c] = index[c] >= 0 && index[c] < values.Count ? Cell(values[index[c]], Columns[c].Field) : null;
                if (row.All(string.IsNullOrWhiteSpace) || IsExample(row[0])) continue;
                if (rows.Count == MaxRows)
                    return new([], FileProblem(Lang.T($"一次最多导入 {MaxRows} 名居民，请分批导入", $"At most {MaxRows} residents at a time; import in parts")));
                rows.Add((rowNumber, row));
            }
        }
        catch (Exception e) when (e is InvalidDataException or System.Xml.XmlException or InvalidOperationException or NotSupportedException or IOException or FormatException
            or InvalidCastException or IndexOutOfRangeException or ArgumentException)
        {
            return new([], FileProblem(Lang.T("文件无法读取：请上传用导入模板填写的 .xlsx 文件", "The file cannot be read: upload an .xlsx file filled in from the template")));
        }
        if (rows.Count == 0) return new([], FileProblem(Lang.T("文件中没有居民数据（第 2 行起每行一人）", "The file holds no residents (one a row, from row 2)")));
        return new(rows, null);
    }

    /// <summary>A cell as text: numbers without exponent (an ID number typed as a number has lost its last digits: kept so, and refused by its rule), dates as yyyy-MM-dd.</summary>
    static string? Cell(object? value, string field) => value switch
    {
        DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        double n when field == "idNumber" && n >= 1e15 => n.ToString("0", CultureInfo.InvariantCulture) + "#NUMBER",
        _ => Text(value),
    };

    static string? Text(object? value) => value switch
    {
        null => null,
        string s => s.Trim(),
        double n => n.ToString("0.##########", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString()?.Trim(),
    };

    static readonly string[] DateFormats = ["yyyy-M-d", "yyyy/M/d", "yyyy.M.d", "yyyyMMdd", "yyyy年M月d日", "yyyy-M-d HH:mm", "yyyy/M/d H:mm:ss"];

    static Parsed Parse((int Row, string?[] Cells) r, Action<int, string, string> error)
    {
        string V(string field) => r.Cells[Array.FindIndex(Columns, c => c.Field == field)] ?? "";
        var row = r.Row;

        var id = V("idNumber");
        if (id.EndsWith("#NUMBER", StringComparison.Ordinal))
        {
            error(row, "idNumber", Lang.T("身份证号码被 Excel 当作数字改写了末几位：请将该列设为文本格式后重新填写", "Excel took the ID number for a number and changed its last digits: format the column as text and type it again"));
            id = "";
        }
        Sex? sex = V("sex") switch
        {
            "" => null,
            "男" or "M" or "m" or "Male" or "male" => Sex.Male,
            "女" or "F" or "f" or "Female" or "female" => Sex.Female,
            _ => Bad<Sex>("sex", Lang.T("性别请填写“男”或“女”", "The sex is 男 (male) or 女 (female)")),
        };
        var relationText = V("relation");
        Relation? relation = relationText.Length == 0 ? null
            : relationText == "本人" ? Relation.Head
            : Enum.GetValues<Relation>().Cast<Relation?>().FirstOrDefault(x => relationText == Resident.RelationLabel(x!.Value)
                || string.Equals(relationText, x.ToString(), StringComparison.OrdinalIgnoreCase) || ZhRelation(x.Value) == relationText)
              ?? Bad<Relation>("relation", Lang.T("与户主关系请填写：户主、配偶、子女、父母、孙子女、祖父母、兄弟姐妹、儿媳/女婿、其他", "The relation is one of 户主, 配偶, 子女, 父母, 孙子女, 祖父母, 兄弟姐妹, 儿媳/女婿, 其他"));
        var birth = Date("birthDate", Lang.T("出生日期", "The birth date"));
        var consent = Date("consentOn", Lang.T("知情同意日期", "The consent date"));
        var tags = V("tags").Split(['、', ',', '，', ';', '；'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct().ToList();

        var household = V("household");
        if (household.Length == 0) error(row, "household", Lang.T("户编号不能为空：同一户的成员填写相同的户编号", "The household number is required: members of one household share one"));
        var fields = new ResidentFields(NullIfEmpty(V("name")), sex, birth, relation, NullIfEmpty(id), NullIfEmpty(V("phone")), NullIfEmpty(V("healthNote")),
            NullIfEmpty(V("guardianName")), NullIfEmpty(V("guardianRelation")), NullIfEmpty(V("guardianPhone")), null, consent);
        return new Parsed(row, household, V("areaCode"), V("communityName"), V("address"), fields, tags);

        T? Bad<T>(string field, string message) where T : struct
        {
            error(row, field, message);
            return null;
        }

        DateOnly? Date(string field, string label)
        {
            var text = V(field);
            if (text.Length == 0) return null;
            if (DateTime.TryParseExact(text, DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return DateOnly.FromDateTime(d);
            error(row, field, Lang.T($"{label}格式不正确（如 1948-03-08）", $"{label} is not a date like 1948-03-08"));
            return null;
        }
    }

    static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    /// <summary>The Chinese label of a relation whatever the page's language (a file may be Chinese while the page is English).</summary>
    static string ZhRelation(Relation r) => r switch
    {
        Relation.Head => "户主",
        Relation.Spouse => "配偶",
        Relation.Child => "子女",
        Relation.Parent => "父母",
        Relation.Grandchild => "孙子女",
        Relation.Grandparent => "祖父母",
        Relation.Sibling => "兄弟姐妹",
        Relation.ChildInLaw => "儿媳/女婿",
        _ => "其他",
    };
}
