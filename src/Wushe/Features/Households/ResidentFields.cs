using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;

namespace Wushe.Features.Households;

/// <summary>
/// A resident's fields as a form or the API sends them, and the one place their rules live (registering a household,
/// adding a member, editing one, the Excel import):
/// <list type="bullet">
/// <item>name 1–50, sex, birth date (not in the future, not before 1900), relation to the head;</item>
/// <item>the ID number (optional: a child's may wait for consent) valid by GB 11643 — HK/MO/TW residence permits (81/82/83)
/// included — and agreeing with the birth date and sex typed; the same person (keyed hash, <c>x</c> = <c>X</c>) once on the
/// platform;</item>
/// <item>a minor (under 18) has a guardian (name and relation);</item>
/// <item>a child under 14 at China's midnight (<see cref="ChinaTime.AgeOn"/>) has sensitive fields — ID number, phone, health,
/// target-group tags — saved only with the guardian's separate consent: one on record, or <c>consentOn</c> given with this
/// request (个人信息保护法 §31; DOMAIN.md, Personal information).</item>
/// <item>on edit, <c>version</c> (the member's as read, <c>GetHousehold</c>'s <c>members[].version</c>), when given, refuses a
/// change saved by someone else since with 409 — the member page always sends it.</item>
/// </list>
/// </summary>
public sealed record ResidentFields(
    [Label("姓名", "Name")] string? Name,
    [Label("性别", "Sex")] Sex? Sex,
    [Label("出生日期", "Birth date")] DateOnly? BirthDate,
    [Label("与户主关系", "Relation to head")] Relation? Relation,
    [Label("身份证号码", "ID number")] string? IdNumber = null,
    [Label("联系电话", "Phone")] string? Phone = null,
    [Label("健康与照护情况", "Health and care")] string? HealthNote = null,
    [Label("监护人", "Guardian")] string? GuardianName = null,
    [Label("监护人关系", "Guardian's relation")] string? GuardianRelation = null,
    [Label("监护人电话", "Guardian's phone")] string? GuardianPhone = null,
    [Label("重点人群标签", "Target groups")] List<Guid>? Tags = null,
    [Label("知情同意日期", "Consent given on")] DateOnly? ConsentOn = null,
    [Label("版本", "Version")] int? Version = null)
{
    /// <summary>Under 14: the guardian's separate consent is needed for sensitive fields.</summary>
    public const int ConsentAge = 14;

    /// <summary>Under 18: a guardian is named.</summary>
    public const int AdultAge = 18;

    public bool HasSensitive => !string.IsNullOrWhiteSpace(IdNumber) || !string.IsNullOrWhiteSpace(Phone)
        || !string.IsNullOrWhiteSpace(HealthNote) || Tags is { Count: > 0 };

    /// <summary>The fields' own rules, without the database; field names carry <paramref name="prefix"/> ("members[0].").</summary>
    public Errors Validate(Errors errors, DateOnly today, string prefix = "", bool guardianConsentOnRecord = false)
    {
        errors.PersonName(prefix + "name", Name, 1, 50);
        if (Sex is null || !Enum.IsDefined(Sex.Value)) errors.Add(prefix + "sex", Lang.T("请选择性别", "Please choose the sex"));
        if (Relation is null || !Enum.IsDefined(Relation.Value)) errors.Add(prefix + "relation", Lang.T("请选择与户主关系", "Please choose the relation to the head"));
        if (BirthDate is not { } birth) errors.Add(prefix + "birthDate", Lang.T("出生日期不能为空", "The birth date is required"));
        else if (birth > today) errors.Add(prefix + "birthDate", Lang.T("出生日期不能晚于今天", "The birth date cannot be in the future"));
        else if (birth.Year < 1900) errors.Add(prefix + "birthDate", Lang.T("出生日期不正确", "The birth date is not valid"));

        if (!string.IsNullOrWhiteSpace(IdNumber))
        {
            if (ResidentId.Check(IdNumber, today) is { } message) errors.Add(prefix + "idNumber", message);
            else
            {
                var id = ResidentId.Normalize(IdNumber);
                if (BirthDate is { } b && ResidentId.BirthDate(id) != b)
                    errors.Add(prefix + "birthDate", Lang.T("出生日期与身份证号码不一致", "The birth date does not match the ID number"));
                if (Sex is { } s && (s == Households.Sex.Male) != ResidentId.IsMale(id))
                    errors.Add(prefix + "sex", Lang.T("性别与身份证号码不一致", "The sex does not match the ID number"));
            }
        }
        if (!string.IsNullOrWhiteSpace(Phone)) errors.Add(prefix + "phone", Telephone.Check(Phone));
        if (!string.IsNullOrWhiteSpace(GuardianPhone))
            errors.Add(prefix + "guardianPhone", string.IsNullOrWhiteSpace(GuardianName)
                ? Lang.T("填写监护人电话时须同时填写监护人", "A guardian's phone needs the guardian's name")
                : Telephone.Check(GuardianPhone));
        errors.Text(prefix + "healthNote", HealthNote, "健康与照护情况", "Health and care", 0, 1000, required: false);
        if (Tags is { Count: > 20 }) errors.Add(prefix + "tags", Lang.T("标签不能超过 20 个", "At most 20 tags"));
        // Whatever the birth date (missing, unreadable), a consent in the future is named with the other errors.
        if (ConsentOn > today) errors.Add(prefix + "consentOn", Lang.T("知情同意日期不能晚于今天", "The consent date cannot be in the future"));

        if (BirthDate is { } born && born <= today)
        {
            var age = ChinaTime.AgeOn(born, today);
            if (age < AdultAge)
            {
                errors.Text(prefix + "guardianName", GuardianName, "监护人", "Guardian", 1, 50);
                errors.Text(prefix + "guardianRelation", GuardianRelation, "监护人关系", "Guardian's relation", 1, 20);
            }
            else
            {
                errors.Text(prefix + "guardianName", GuardianName, "监护人", "Guardian", 0, 50, required: false);
                errors.Text(prefix + "guardianRelation", GuardianRelation, "监护人关系", "Guardian's relation", 0, 20, required: false);
            }
            if (ConsentOn is { } c && c <= today && c < born)
                errors.Add(prefix + "consentOn", Lang.T("知情同意日期不能早于出生日期", "The consent date cannot be before the birth date"));
            if (age < ConsentAge && !guardianConsentOnRecord && ConsentOn is null)
                foreach (var (field, zh, en, present) in SensitiveFields())
                    if (present)
                        errors.Add(prefix + field, Lang.T($"未满14周岁儿童的{zh}须经监护人单独同意后方可登记：请先填写监护人同意日期",
                            $"A child under 14's {en} is saved only with the guardian's separate consent: give the date of that consent first"));
        }
        return errors;
    }

    IEnumerable<(string Field, string Zh, string En, bool Present)> SensitiveFields() =>
    [
        ("idNumber", "身份证号码", "ID number", !string.IsNullOrWhiteSpace(IdNumber)),
        ("phone", "联系电话", "phone", !string.IsNullOrWhiteSpace(Phone)),
        ("healthNote", "健康与照护情况", "health note", !string.IsNullOrWhiteSpace(HealthNote)),
        ("tags", "重点人群标签", "target-group tags", Tags is { Count: > 0 }),
    ];

    static string InScope(string masked, string address) => Lang.T($"该身份证号码已登记：{masked}（{address}），请打开该户办理",
        $"This ID number is already registered: {masked} ({address}); open that household instead");

    static string Elsewhere => Lang.T("该身份证号码已在其他地区登记，请联系上级民政部门核实", "This ID number is already registered in another area; ask the civil-affairs bureau above to check");

    static string DiedInScope(string masked, string address) => Lang.T($"该居民已登记死亡：{masked}（{address}），不能再次登记；如登记有误，请打开该户更正",
        $"This resident is recorded as deceased: {masked} ({address}) and cannot be registered again; if that record is wrong, open that household to correct it");

    /// <summary>The Problem Details extension member carrying the id of the household that holds a duplicate ID number in scope.</summary>
    public const string ExistingHousehold = "householdId";

    /// <summary>
    /// The normalised ID number when no other resident holds it (a duplicate is named: the existing person, masked, when in the
    /// user's scope, with its household's id as the failure's <see cref="ExistingHousehold"/> extension; "registered elsewhere"
    /// otherwise, without saying where or which). Null when none was given or it failed (409).
    /// A resident who moved out, or whose household was closed as moved away (<see cref="Resident.IdNumberReleased"/>), holds
    /// the number no more: the person is registered again (in the new community, another township). One recorded as deceased —
    /// the member, or a household closed as 死亡 — still holds it: the 409 says so in scope ("该居民已登记死亡"); elsewhere it reads as any
    /// number registered elsewhere.
    /// </summary>
    public static async Task<string?> CheckIdNumberAsync(AppDb db, Sealer sealer, string? value, Guid? self, Errors errors, string prefix, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(value) || errors.Has(prefix + "idNumber")) return null;
        var id = ResidentId.Normalize(value);
        var hash = sealer.Hash(SensitiveKind.IdNumber, id);
        // The whole platform (IgnoreQueryFilters): one person once, wherever registered. The same filter as the unique index.
        var existing = await db.Set<Resident>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(r => r.IdNumber!.Hash == hash && r.Id != self && !r.IdNumberReleased)
            .Select(r => new
            {
                r.Name, r.AreaCode, r.HouseholdId, r.Status,
                HouseholdDied = db.Set<Household>().IgnoreQueryFilters(AppDb.Unscoped).Any(h => h.Id == r.HouseholdId && h.ClosedReason == ClosureReason.Died),
            }).FirstOrDefaultAsync(ct);
        if (existing is null) return id;
        var died = existing.Status == ResidentStatus.Deceased || existing.HouseholdDied;
        if (db.Actor.Scope.Covers(existing.AreaCode))
        {
            var address = await db.Set<Household>().Where(h => h.Id == existing.HouseholdId).Select(h => h.Address).FirstOrDefaultAsync(ct) ?? "";
            var masked = Mask.Name(existing.Name);
            errors.Duplicate(prefix + "idNumber", died ? DiedInScope(masked, address) : InScope(masked, address));
            // The API's 409 names the household to open (the page links it); never for one outside the scope.
            errors.Extend(ExistingHousehold, existing.HouseholdId);
        }
        // Elsewhere, a death is not told (review7d 4): it is the person's, and the number alone must not reveal it.
        else errors.Duplicate(prefix + "idNumber", Elsewhere);
        return null;
    }

    /// <summary>
    /// The tags given, each one visible to the household's area (<see cref="TargetGroups.Visible"/>), active, and fit for the
    /// resident's age on <paramref name="today"/> (<see cref="TargetGroups.AgeRefusal"/>: a child's tag only under 18, an elderly
    /// one from 60, 高龄 from 80 — the tag's own bounds when it has them). Every path that sets tags comes here (register, add or
    /// edit a member, import, the API).
    /// </summary>
    public static async Task<List<Guid>> CheckTagsAsync(AppDb db, string areaCode, List<Guid>? tags, DateOnly? birthDate, DateOnly today, Errors errors, string prefix,
        CancellationToken ct)
    {
        if (tags is not { Count: > 0 }) return [];
        var wanted = tags.Distinct().ToList();
        var known = await TargetGroups.Visible(db, areaCode).Where(t => t.IsActive && wanted.Contains(t.Id))
            .Select(t => new { t.Id, t.Name, t.NameEn, t.Kind, t.MinAge, t.MaxAge }).ToListAsync(ct);
        if (known.Count != wanted.Count) errors.Add(prefix + "tags", Lang.T("请从列表中选择重点人群标签", "Please choose target groups from the list"));
        if (birthDate is { } born && born <= today)
        {
            var age = ChinaTime.AgeOn(born, today);
            foreach (var t in known)
                if (TargetGroups.AgeRefusal(t.Name, t.NameEn, t.Kind, t.MinAge, t.MaxAge, age) is { } refusal) errors.Add(prefix + "tags", refusal);
        }
        return [.. known.Select(t => t.Id)];
    }

    /// <summary>
    /// Writes the fields onto <paramref name="resident"/> (already validated): the sealed values re-sealed only when changed, the
    /// tags replaced, and a consent record when a consent date was given (the guardian's for a minor, the person's own otherwise).
    /// </summary>
    public void ApplyTo(AppDb db, Sealer sealer, Resident resident, string? idNumber, List<Guid> tags, CurrentUser user, string userName, DateTimeOffset now)
    {
        resident.Edit(Name!.Trim(), Sex!.Value, BirthDate!.Value, Relation!.Value);
        if (idNumber is not null) resident.SetIdNumber(sealer.Reseal(resident.IdNumber, SensitiveKind.IdNumber, idNumber), idNumber[^4..]);
        // null keeps what is on file (the page shows it masked, so cannot send it back); "" clears it; a value replaces it.
        if (Phone is not null) resident.SetPhone(Phone.Trim().Length == 0 ? null : sealer.Reseal(resident.Phone, SensitiveKind.Phone, Telephone.Normalize(Phone)));
        if (HealthNote is not null) resident.SetHealthNote(HealthNote.Trim());
        var guardian = GuardianName?.Trim() ?? "";
        resident.SetGuardian(guardian, GuardianRelation?.Trim() ?? "",
            guardian.Length == 0 || GuardianPhone is { } cleared && cleared.Trim().Length == 0 ? null   // no guardian, no guardian's phone
            : GuardianPhone is null ? resident.GuardianPhone
            : sealer.Reseal(resident.GuardianPhone, SensitiveKind.Phone, Telephone.Normalize(GuardianPhone)));
        if (Tags is not null)
        {
            var current = db.Set<ResidentTag>().Local.Where(t => t.ResidentId == resident.Id).ToList();
            foreach (var t in current.Where(t => !tags.Contains(t.TargetGroupId))) db.Remove(t);
            foreach (var t in tags.Where(t => current.All(c => c.TargetGroupId != t))) db.Add(new ResidentTag(resident, t));
        }
        if (ConsentOn is { } on)
        {
            var minor = ChinaTime.AgeOn(BirthDate!.Value, DateOnly.FromDateTime(now.ToOffset(ChinaTime.Offset).DateTime)) < AdultAge;
            db.Add(new Consent(resident, minor ? GuardianName!.Trim() : Name.Trim(), minor ? GuardianRelation!.Trim() : "本人", minor,
                ConsentScope.Sensitive, on, user.Id, userName, now));
        }
    }
}
