using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Audit;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Volunteers.Exchange;

/// <summary>
/// 导出志愿者（全国系统格式）: the register of the area chosen (all of the scope by default; withdrawn volunteers left out) in our
/// national-exchange layout (<see cref="NationalLayout.VolunteerColumns"/>), as .xlsx or CSV (UTF-8 with BOM), ordered by volunteer number.
/// <para>ID numbers and phones: masked, as in every export — unless <c>full=true</c>, which the national system needs to register a person:
/// then only for a user with the reveal permission (<see cref="HouseholdsPermissions.Reveal"/>, the rule of <see cref="RevealVolunteerField"/>;
/// 403 otherwise, the refusal audited) and with a reason of 2–200 characters (400), and the export is audited as a <b>reveal</b> of the ID
/// numbers and phones of every row, with the reason. A masked export is audited as an export.</para>
/// Failures: invalid (format, reason, more than <see cref="NationalLayout.MaxRows"/> rows: choose a smaller area); forbidden (full without the permission).
/// </summary>
public static class ExportNationalVolunteers
{
    public sealed record Query(
        string? Area = null,
        [property: Label("文件格式", "Format")] string? Format = null,
        [property: Label("完整证件号码", "Full ID numbers")] bool? Full = null,
        [property: Label("导出原因", "Reason")] string? Reason = null) : IAreaFilteredQuery;

    public sealed record File(byte[] Content, string FileName, string ContentType);

    public static async Task<Result<File>> Handle(AppDb db, CurrentUser user, Sealer sealer, TimeProvider clock, Query q, CancellationToken ct = default)
    {
        if (await NationalExport.CheckAsync(db, user, q.Format, q.Full, q.Reason, nameof(Volunteer), q.Area, ct) is { } refused) return refused;
        var format = NationalLayout.ParseFormat(q.Format)!.Value;
        var full = q.Full == true;
        var volunteers = db.Set<Volunteer>().Under(q.Area).Where(v => v.Status != VolunteerStatus.Withdrawn);
        if (await volunteers.CountAsync(ct) > NationalLayout.MaxRows) return NationalExport.TooMany();
        var rows = await volunteers.OrderBy(v => v.VolunteerNo).AsNoTracking().ToListAsync(ct);
        var sheet = rows.Select(v => (IReadOnlyDictionary<string, object?>)new Dictionary<string, object?>
        {
            ["证件类型"] = NationalLayout.ResidentIdType,
            ["证件号码"] = full ? sealer.Open(v.IdNumber) : v.IdNumber.Masked,
            ["姓名"] = v.Name,
            ["性别"] = v.Sex == Sex.Male ? "男" : "女",
            ["出生日期"] = ChinaTime.Format(v.BirthDate),
            ["手机号码"] = full ? sealer.Open(v.Phone) : v.Phone.Masked,
            ["所在区划代码"] = v.AreaCode,
            ["志愿者编号"] = v.VolunteerNo,
            ["技能特长"] = NationalLayout.SkillsText(v.Skills),
            ["特长说明"] = v.SkillNotes,
            ["监护人姓名"] = v.GuardianName,
            ["监护人关系"] = v.GuardianRelation,
            ["监护人电话"] = v.GuardianPhone is { } g ? full ? sealer.Open(g) : g.Masked : "",
            ["监护人同意日期"] = ChinaTime.Format(v.GuardianConsentOn),
            ["以自己劳动收入为主要生活来源"] = v.SelfSupporting ? "是" : "",
        }).ToList();
        return await NationalExport.FileAsync(db, user, clock, sheet, NationalLayout.VolunteerColumns, "全国系统志愿者", "National volunteers", nameof(Volunteer),
            format, full, q.Reason, q.Area, ct);
    }
}

/// <summary>What the two national-system exports share: the checks of a full export, and the file with its one audit row.</summary>
static class NationalExport
{
    public static async Task<Failure?> CheckAsync(AppDb db, CurrentUser user, string? format, bool? full, string? reason, string entity, string? area, CancellationToken ct)
    {
        if (NationalLayout.ParseFormat(format) is null) return Failure.Invalid("format", NationalLayout.FormatMessage);
        if (full != true) return null;
        if (!user.Has(HouseholdsPermissions.Reveal))
        {
            await db.RecordDeniedAsync(AuditAction.Reveal, entity, "national-export", AreaCode.Normalize(area) ?? user.Active?.AreaCode, "no permission", ct: ct);
            return Failure.Forbidden(Lang.T("导出完整证件号码须有查看完整信息的权限", "Exporting full ID numbers needs the permission to reveal them"));
        }
        var errors = new Errors().Text("reason", reason, "导出原因", "Reason", 2, 200);
        return errors.Any ? errors.ToFailure() : null;
    }

    public static Failure TooMany() => Failure.Invalid("area", Lang.T($"超过 {NationalLayout.MaxRows} 条，请选择较小的区划或缩短时段分批导出",
        $"More than {NationalLayout.MaxRows} rows: choose a smaller area or a shorter period and export in parts"));

    public static async Task<ExportNationalVolunteers.File> FileAsync(AppDb db, CurrentUser user, TimeProvider clock, IReadOnlyList<IReadOnlyDictionary<string, object?>> sheet,
        NationalLayout.Column[] columns, string titleZh, string titleEn, string entity, NationalLayout.Format format, bool full, string? reason, string? area,
        CancellationToken ct, string? period = null)
    {
        var content = await NationalLayout.WriteAsync(sheet, columns, titleZh, format, ct);
        // One audit row an export: a full one is a reveal of the ID numbers and phones of every row, with the reason.
        var fields = $"rows={sheet.Count},format={format.ToString().ToLowerInvariant()}" + (period is null ? "" : $",period={period}") + (full ? ",fields=IdNumber+Phone" : "");
        db.AuditRecords.Add(new AuditRecord(clock.GetUtcNow(), user, full ? AuditAction.Reveal : AuditAction.Export, entity, "national-export", fields,
            areaCode: AreaCode.Normalize(area) ?? user.Active?.AreaCode, reason: full ? reason!.Trim() : null,
            objectName: $"{titleZh}（{sheet.Count} 条{(full ? "，完整证件号码" : "")}）"));
        await db.SaveChangesAsync(ct);
        return new(content, $"{Lang.T(titleZh, titleEn.ToLowerInvariant().Replace(' ', '-'))}_{ChinaTime.Today(clock):yyyyMMdd}{NationalLayout.Extension(format)}",
            NationalLayout.ContentType(format));
    }
}
