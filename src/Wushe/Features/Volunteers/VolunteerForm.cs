using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;

namespace Wushe.Features.Volunteers;

/// <summary>
/// The fields of a volunteer's registration and their rules, one place for the staff's form (<see cref="RegisterVolunteer"/>),
/// the public mobile page (<see cref="JoinAsVolunteer"/>) and the API: real name, resident ID (GB 11643; gives birth date and sex),
/// mobile number, the community lived in, skills, availability, and for those under 18 the guardian's consent or self-support
/// (<see cref="VolunteerAge"/>: checked on the China date of <c>clock</c>).
/// </summary>
public static class VolunteerForm
{
    public record Request
    {
        [Label("姓名", "Name")] public string? Name { get; init; }
        [Label("身份证号码", "ID number")] public string? IdNumber { get; init; }
        [Label("手机号码", "Mobile number")] public string? Phone { get; init; }
        /// <summary>12-digit code of the current community (村/社区) the volunteer lives in.</summary>
        [Label("居住社区（村）", "Community of residence")] public string? AreaCode { get; init; }
        [Label("技能特长", "Skills")] public IReadOnlyList<VolunteerSkill>? Skills { get; init; }
        [Label("特长说明", "About the skills")] public string? SkillNotes { get; init; }
        [Label("可服务时间", "Availability")] public IReadOnlyList<VolunteerAvailability>? Availability { get; init; }
        [Label("监护人", "Guardian")] public string? GuardianName { get; init; }
        [Label("监护人关系", "Guardian's relation")] public string? GuardianRelation { get; init; }
        [Label("监护人电话", "Guardian's phone")] public string? GuardianPhone { get; init; }
        [Label("监护人同意日期", "Guardian's consent on")] public DateOnly? GuardianConsentOn { get; init; }
        /// <summary>16–18 only: lives on their own labour income (registers without a guardian's consent).</summary>
        [Label("以自己的劳动收入为主要生活来源", "Self-supporting")] public bool? SelfSupporting { get; init; }
    }

    /// <summary>The request's own rules, without the database; <paramref name="today"/> is the China date.</summary>
    public static Errors Validate(Request r, DateOnly today)
    {
        var errors = new Errors()
            .PersonName("name", r.Name, 2, 30)
            .Add("idNumber", ResidentId.Check(r.IdNumber, today))
            .Add("phone", string.IsNullOrWhiteSpace(r.Phone) ? Lang.T("手机号码不能为空", "The mobile number is required") : Mobile.Check(r.Phone))
            .Text("skillNotes", r.SkillNotes, "特长说明", "About the skills", 0, 200, required: false);
        if (string.IsNullOrWhiteSpace(r.AreaCode)) errors.Add("areaCode", Lang.T("请选择居住的社区（村）", "Please choose the community you live in"));
        if ((r.Skills ?? []).Any(s => !Volunteer.AllSkills.Contains(s))) errors.Add("skills", Lang.T("技能特长不在可选范围内", "A skill is not one of the choices"));
        if ((r.Availability ?? []).Any(s => !Volunteer.AllAvailability.Contains(s))) errors.Add("availability", Lang.T("可服务时间不在可选范围内", "A time is not one of the choices"));
        if (r.GuardianConsentOn > today) errors.Add("guardianConsentOn", Lang.T("监护人同意日期不能晚于今天", "The consent date cannot be in the future"));
        if (errors.Has("idNumber")) return errors;

        var birth = ResidentId.BirthDate(ResidentId.Normalize(r.IdNumber!));
        var age = ChinaTime.AgeOn(birth, today);
        var consent = HasConsent(r);
        if (age < VolunteerAge.AdultAge && age >= VolunteerAge.MinAge && (consent || r.SelfSupporting != true || age < VolunteerAge.SelfSupportingAge))
        {
            // Under 18 without self-support: the guardian's four fields are the consent, each named when missing.
            if (!(age >= VolunteerAge.SelfSupportingAge && r.SelfSupporting == true))
            {
                errors.Text("guardianName", r.GuardianName, "监护人", "Guardian", 1, 30)
                    .Text("guardianRelation", r.GuardianRelation, "监护人关系", "Guardian's relation", 1, 20)
                    .Add("guardianPhone", string.IsNullOrWhiteSpace(r.GuardianPhone) ? Lang.T("监护人电话不能为空", "The guardian's phone is required") : Telephone.Check(r.GuardianPhone));
                if (r.GuardianConsentOn is null) errors.Add("guardianConsentOn", Lang.T("请填写监护人同意的日期", "Give the date the guardian consented"));
                else if (r.GuardianConsentOn < birth) errors.Add("guardianConsentOn", Lang.T("监护人同意日期不能早于出生日期", "The consent date cannot be before the birth date"));
            }
        }
        else if (age >= VolunteerAge.AdultAge)
        {
            errors.Text("guardianName", r.GuardianName, "监护人", "Guardian", 0, 30, required: false)
                .Text("guardianRelation", r.GuardianRelation, "监护人关系", "Guardian's relation", 0, 20, required: false);
            if (!string.IsNullOrWhiteSpace(r.GuardianPhone)) errors.Add("guardianPhone", Telephone.Check(r.GuardianPhone));
        }
        if (r.SelfSupporting == true && (age < VolunteerAge.SelfSupportingAge || age >= VolunteerAge.AdultAge))
            errors.Add("selfSupporting", Lang.T("“以自己的劳动收入为主要生活来源”仅适用于 16 至 18 周岁", "Self-support applies from 16 to 18 only"));
        if (!errors.Has("guardianName") && !errors.Has("guardianConsentOn") && !errors.Has("selfSupporting"))
            errors.Add("idNumber", VolunteerAge.Refusal(birth, today, consent, r.SelfSupporting == true));
        return errors;
    }

    static bool HasConsent(Request r) =>
        !string.IsNullOrWhiteSpace(r.GuardianName) && !string.IsNullOrWhiteSpace(r.GuardianRelation) && !string.IsNullOrWhiteSpace(r.GuardianPhone) && r.GuardianConsentOn is not null;

    /// <summary>The community chosen, when it is a current 村/社区 (read above the scope: the public page has none).</summary>
    public static async Task<string?> CommunityAsync(AppDb db, string? areaCode, Errors errors, CancellationToken ct)
    {
        var code = Platform.Areas.AreaCode.Normalize(areaCode);
        var community = code is null ? null : await db.Areas.IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(a => a.Code == code && a.ValidTo == null && a.Level == AreaLevel.Village).Select(a => a.Code).FirstOrDefaultAsync(ct);
        if (!errors.Has("areaCode") && community is null) errors.Add("areaCode", Lang.T("所选社区（村）不存在，请重新选择", "The community chosen does not exist; choose again"));
        return community;
    }

    public static string DuplicateMessage => Lang.T("该身份证号码已注册为志愿者，一人只能注册一次；如需找回账号请联系所在社区",
        "This ID number is already registered as a volunteer (one registration per person); your community can help you recover the account");

    /// <summary>Whether a volunteer holds the ID (keyed hash) anywhere on the platform: registration is national, one per person.</summary>
    public static Task<bool> IdTakenAsync(AppDb db, string idHash, CancellationToken ct) =>
        db.Set<Volunteer>().IgnoreQueryFilters([AppDb.ScopeFilter]).AnyAsync(v => v.IdNumber.Hash == idHash, ct);

    /// <summary>A new volunteer from a valid request (<see cref="Validate"/> passed), numbered, added to <paramref name="db"/>, not saved.</summary>
    public static async Task<Volunteer> AddAsync(AppDb db, Sealer sealer, Request r, string community, VolunteerSource source, Guid? by, string byName,
        DateTimeOffset now, CancellationToken ct)
    {
        var id = ResidentId.Normalize(r.IdNumber!);
        var volunteer = new Volunteer(community, await NextNumberAsync(db, community, now.ToOffset(ChinaTime.Offset).Year, ct), r.Name!.Trim(),
            sealer.Seal(SensitiveKind.IdNumber, id), ResidentId.BirthDate(id), ResidentId.IsMale(id) ? Sex.Male : Sex.Female,
            sealer.Seal(SensitiveKind.Phone, Mobile.Normalize(r.Phone!)), source, by, byName, now);
        Apply(volunteer, sealer, r, DateOnly.FromDateTime(now.ToOffset(ChinaTime.Offset).DateTime));
        db.Add(volunteer);
        return volunteer;
    }

    /// <summary>The fields a registration and an edit share (not the ID or the community).</summary>
    public static void Apply(Volunteer v, Sealer sealer, Request r, DateOnly today)
    {
        v.Describe(r.Name!.Trim(), sealer.Reseal(v.Phone, SensitiveKind.Phone, Mobile.Normalize(r.Phone!)), Volunteer.Join(r.Skills), r.SkillNotes?.Trim() ?? "",
            Volunteer.Join(r.Availability));
        var adult = ChinaTime.AgeOn(v.BirthDate, today) >= VolunteerAge.AdultAge;
        var guardian = r.GuardianName?.Trim() ?? "";
        v.SetGuardian(guardian, guardian.Length == 0 ? "" : r.GuardianRelation?.Trim() ?? "",
            guardian.Length == 0 || string.IsNullOrWhiteSpace(r.GuardianPhone) ? null : sealer.Reseal(v.GuardianPhone, SensitiveKind.Phone, Telephone.Normalize(r.GuardianPhone)),
            guardian.Length == 0 ? null : r.GuardianConsentOn, !adult && r.SelfSupporting == true);
    }

    /// <summary>The next volunteer number of the county of <paramref name="community"/> in <paramref name="year"/>, across the platform.</summary>
    public static async Task<string> NextNumberAsync(AppDb db, string community, int year, CancellationToken ct)
    {
        var prefix = $"ZY{community[..6]}{year}";
        var last = await db.Set<Volunteer>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(v => v.VolunteerNo.StartsWith(prefix))
            .OrderByDescending(v => v.VolunteerNo).Select(v => v.VolunteerNo).FirstOrDefaultAsync(ct);
        var next = (last is not null && int.TryParse(last[prefix.Length..], out var n) ? n : 0) + 1;
        return $"{prefix}{next:000000}";
    }

    /// <summary>
    /// Saves a new volunteer: two registered at one moment in one county take the same number, and the unique index refuses the
    /// second, which is numbered again (its rows re-added). The same ID registered twice at one moment: the ID's unique index
    /// refuses one, answered as the check answers (409 naming idNumber).
    /// </summary>
    public static async Task<Failure?> SaveNumberedAsync(AppDb db, Volunteer volunteer, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var entries = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added && !e.Metadata.IsOwned()).Select(e => e.Entity).ToList();
            if (await db.SaveOrFindDuplicateAsync(ct) is not { } columns) return null;
            if (columns.Contains("IdNumberHash")) return Failure.Duplicate("idNumber", DuplicateMessage);
            if (!columns.Contains(nameof(Volunteer.VolunteerNo)) || attempt >= 8) return UniqueKeys.Conflict();
            volunteer.Renumber(await NextNumberAsync(db, volunteer.AreaCode, volunteer.RegisteredAt.ToOffset(ChinaTime.Offset).Year, ct));
            foreach (var e in entries) db.Add(e);
        }
    }
}
