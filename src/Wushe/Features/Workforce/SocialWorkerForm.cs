using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Features.Organizations;
using Wushe.Features.Stations;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;

namespace Wushe.Features.Workforce;

/// <summary>
/// The fields of a social worker on the register and their rules, one place for the staff's form, the API and imports: real name,
/// resident ID (GB 11643; gives birth date and sex; one person once platform-wide), phone (mobile or landline, optional),
/// education, the employer — a station or a social organization of the scope (the person's area is then theirs), a community,
/// or another employer named in text under an area of the scope —, post and the date they took up social work.
/// </summary>
public static class SocialWorkerForm
{
    public record Request
    {
        [Label("姓名", "Name")] public string? Name { get; init; }
        [Label("身份证号码", "ID number")] public string? IdNumber { get; init; }
        [Label("联系电话", "Phone")] public string? Phone { get; init; }
        [Label("学历", "Education")] public Education? Education { get; init; }
        [Label("单位类型", "Employer kind")] public EmployerKind? EmployerKind { get; init; }
        [Label("所在社工站", "Station")] public Guid? StationId { get; init; }
        [Label("所在社会组织", "Organization")] public Guid? OrganizationId { get; init; }
        /// <summary>12-digit code: the community (单位类型 社区) or the area another employer lies in (其他单位).</summary>
        [Label("所在区划", "Area")] public string? AreaCode { get; init; }
        /// <summary>其他单位's name (2–100 characters); taken from the record for a station, organization or community.</summary>
        [Label("单位名称", "Employer's name")] public string? EmployerName { get; init; }
        [Label("岗位", "Post")] public string? Post { get; init; }
        [Label("从事社会工作起始日期", "In social work since")] public DateOnly? StartedOn { get; init; }
    }

    /// <summary>Where a valid request puts the person: area, employer and its name as shown.</summary>
    public sealed record Placement(string AreaCode, EmployerKind Kind, Guid? StationId, Guid? OrganizationId, string EmployerName);

    /// <summary>The request's own rules, without the database; <paramref name="today"/> is the China date. <paramref name="editing"/>: the ID is not sent.</summary>
    public static Errors Validate(Request r, DateOnly today, bool editing = false)
    {
        var errors = new Errors()
            .PersonName("name", r.Name, 2, 30)
            .Text("post", r.Post, "岗位", "Post", 1, 30);
        if (!editing) errors.Add("idNumber", ResidentId.Check(r.IdNumber, today));
        if (!string.IsNullOrWhiteSpace(r.Phone)) errors.Add("phone", Telephone.Check(r.Phone));
        if (r.Education is { } e && !Enum.IsDefined(e)) errors.Add("education", Lang.T("学历不在可选范围内", "The education is not one of the choices"));
        if (r.EmployerKind is not { } kind || !Enum.IsDefined(kind)) errors.Add("employerKind", Lang.T("请选择单位类型", "Please choose the kind of employer"));
        else if (kind == Workforce.EmployerKind.Other) errors.Text("employerName", r.EmployerName, "单位名称", "Employer's name", 2, 100);
        if (r.StartedOn is { } s)
        {
            if (s > today) errors.Add("startedOn", Lang.T("起始日期不能晚于今天", "The date cannot be in the future"));
            else if (!editing && ResidentId.IsValid(r.IdNumber, today) && ChinaTime.AgeOn(ResidentId.BirthDate(ResidentId.Normalize(r.IdNumber!)), s) < 16)
                errors.Add("startedOn", Lang.T("起始日期早于本人年满16周岁", "The date is before the person turned 16"));
        }
        return errors;
    }

    /// <summary>
    /// The employer of a request checked against the database and the user's scope: a station or organization the user sees
    /// (organization staff: their own organization only), a current community, or a current area of the scope for another employer.
    /// Adds its errors to <paramref name="errors"/>; null when it fails.
    /// </summary>
    public static async Task<Placement?> PlaceAsync(AppDb db, CurrentUser user, Request r, Errors errors, CancellationToken ct)
    {
        if (errors.Has("employerKind")) return null;
        if (user.ActingOrganization is { } own && (r.EmployerKind != Workforce.EmployerKind.Organization || r.OrganizationId != own))
        {
            errors.Add("organizationId", Lang.T("社会组织工作人员只能登记本组织的社会工作者", "Organization staff register their own organization's social workers only"));
            return null;
        }
        switch (r.EmployerKind)
        {
            case Workforce.EmployerKind.Station:
                var station = r.StationId is { } sid ? await db.Stations.Where(s => s.Id == sid).Select(s => new { s.AreaCode, s.Name }).FirstOrDefaultAsync(ct) : null;
                if (station is null) { errors.Add("stationId", Lang.T("请选择您管辖范围内的社工站", "Choose a station of your area")); return null; }
                return new Placement(station.AreaCode, Workforce.EmployerKind.Station, r.StationId, null, station.Name);
            case Workforce.EmployerKind.Organization:
                var org = r.OrganizationId is { } oid ? await db.Organizations.Where(o => o.Id == oid).Select(o => new { o.AreaCode, o.Name }).FirstOrDefaultAsync(ct) : null;
                if (org is null) { errors.Add("organizationId", Lang.T("请选择您管辖范围内的社会组织", "Choose a social organization of your area")); return null; }
                return new Placement(org.AreaCode, Workforce.EmployerKind.Organization, null, r.OrganizationId, org.Name);
            default:
                var code = AreaCode.Normalize(r.AreaCode);
                var community = r.EmployerKind == Workforce.EmployerKind.Community;
                var area = code is null ? null : await db.Areas.Where(a => a.Code == code && a.ValidTo == null && (!community || a.Level == AreaLevel.Village))
                    .Select(a => new { a.Code, a.Name }).FirstOrDefaultAsync(ct);
                if (area is null)
                {
                    errors.Add("areaCode", community ? Lang.T("请选择您管辖范围内的社区（村）", "Choose a community of your area") : Lang.T("请选择您管辖范围内的区划", "Choose an area of yours"));
                    return null;
                }
                return new Placement(area.Code, r.EmployerKind!.Value, null, null, community ? area.Name : r.EmployerName!.Trim());
        }
    }

    public static string DuplicateMessage => Lang.T("该身份证号码已在社会工作者名册中（一人只登记一次），请在名册中查找并修改",
        "This ID number is already on the register of social workers (one entry per person); find the person and edit them");

    /// <summary>The social worker holding the ID's keyed hash anywhere on the platform (the register is one per person), or null.</summary>
    public static Task<Guid?> FindByIdAsync(AppDb db, string idHash, CancellationToken ct) =>
        db.Set<SocialWorker>().IgnoreQueryFilters().Where(w => w.IdNumber.Hash == idHash).Select(w => (Guid?)w.Id).FirstOrDefaultAsync(ct);

    /// <summary>
    /// A new social worker (not saved, added to <paramref name="db"/>) for a valid resident ID and name under an area — the form's
    /// and the imports' one constructor: birth date and sex from the ID, the ID sealed.
    /// </summary>
    public static SocialWorker New(AppDb db, Sealer sealer, string name, string validId, string areaCode, Guid? by, string byName, DateTimeOffset now)
    {
        var id = ResidentId.Normalize(validId);
        var worker = new SocialWorker(areaCode, name.Trim(), sealer.Seal(SensitiveKind.IdNumber, id), ResidentId.BirthDate(id),
            ResidentId.IsMale(id) ? Sex.Male : Sex.Female, by, byName, now);
        db.Add(worker);
        return worker;
    }

    /// <summary>The fields an entry and an edit share (not the ID), from a valid request and its placement.</summary>
    public static void Apply(SocialWorker w, Sealer sealer, Request r, Placement p)
    {
        w.Describe(r.Name!.Trim(), string.IsNullOrWhiteSpace(r.Phone) ? null : sealer.Seal(SensitiveKind.Phone, Telephone.Normalize(r.Phone)), r.Education);
        w.Employ(p.AreaCode, p.Kind, p.StationId, p.OrganizationId, p.EmployerName, r.Post!.Trim(), r.StartedOn);
    }
}
