using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Households;

/// <summary>
/// 知情同意: record a resident's consent to the processing of their information — who consented (the person, or for a minor the
/// guardian), when, and the scope — or withdraw one. A child under 14's consent must come from the guardian (个人信息保护法 §31),
/// and a guardian's consent from the guardian on record (<see cref="Resident.GuardianName"/>): <c>consentedBy</c> names them;
/// the person's own consent (<c>byGuardian</c> false, 本人) names the resident (400 on <c>consentedBy</c> otherwise).
/// Withdrawing the last guardian's consent of a child under 14 erases the child's sensitive fields (§47: 撤回同意 → 删除) in the
/// same save; the audit trail records the erasure.
/// </summary>
public static class RecordConsent
{
    public sealed record Request(
        [Label("同意人", "Consented by")] string? ConsentedBy,
        [Label("与本人关系", "Relation")] string? Relation,
        [Label("监护人同意", "By the guardian")] bool? ByGuardian,
        [Label("同意范围", "Scope")] ConsentScope? Scope,
        [Label("同意日期", "Given on")] DateOnly? GivenOn);

    public static Errors Validate(Request r, DateOnly today)
    {
        var errors = new Errors()
            .Text("consentedBy", r.ConsentedBy, "同意人", "Consented by", 1, 50)
            .Text("relation", r.Relation, "与本人关系", "Relation", 1, 20);
        if (r.ByGuardian is null) errors.Add("byGuardian", Lang.T("请选择是否为监护人同意", "Please say whether the guardian consented"));
        if (r.Scope is null || !Enum.IsDefined(r.Scope.Value)) errors.Add("scope", Lang.T("请选择同意范围", "Please choose the scope"));
        if (r.GivenOn is null) errors.Add("givenOn", Lang.T("同意日期不能为空", "The date is required"));
        else if (r.GivenOn > today) errors.Add("givenOn", Lang.T("同意日期不能晚于今天", "The date cannot be in the future"));
        return errors;
    }

    public static async Task<Result<Guid>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid residentId, Request r, CancellationToken ct = default)
    {
        var resident = await db.Set<Resident>().FirstOrDefaultAsync(x => x.Id == residentId, ct);
        if (resident is null) return Failure.NotFound();
        // A closed household takes no new records (a consent may still be withdrawn: that is the person's right).
        if (await db.Set<Household>().AnyAsync(h => h.Id == resident.HouseholdId && h.Status == HouseholdStatus.Closed, ct))
            return Failure.Conflict(Lang.T("该家庭户已注销，不能登记同意", "The household is closed: no consent is recorded"));
        var today = ChinaTime.Today(clock);
        var errors = Validate(r, today);
        var age = ChinaTime.AgeOn(resident.BirthDate, today);
        if (age < ResidentFields.ConsentAge && r.ByGuardian == false)
            errors.Add("byGuardian", Lang.T("未满14周岁儿童的个人信息须由监护人同意", "A child under 14's consent is given by the guardian"));
        if (r.ByGuardian == true && !errors.Has("consentedBy"))
        {
            if (string.IsNullOrWhiteSpace(resident.GuardianName))
                errors.Add("consentedBy", Lang.T("该居民未登记监护人：请先在成员信息中填写监护人，再登记监护人同意",
                    "No guardian is on record for this resident: enter the guardian in the member's details first, then record the guardian's consent"));
            else if (!string.Equals(r.ConsentedBy!.Trim(), resident.GuardianName.Trim(), StringComparison.Ordinal))
                errors.Add("consentedBy", Lang.T($"同意人须为登记的监护人“{resident.GuardianName}”",
                    $"Consented by must be the guardian on record, \"{resident.GuardianName}\""));
        }
        // The person's own consent (本人): given by the person, so 同意人 is the resident's own name.
        if (r.ByGuardian == false && !errors.Has("consentedBy") && !string.Equals(r.ConsentedBy!.Trim(), resident.Name.Trim(), StringComparison.Ordinal))
            errors.Add("consentedBy", Lang.T($"本人同意时，同意人须为该居民本人“{resident.Name}”", $"For the person's own consent, Consented by is the resident, \"{resident.Name}\""));
        if (r.GivenOn is { } on && on < resident.BirthDate) errors.Add("givenOn", Lang.T("同意日期不能早于出生日期", "The date cannot be before the birth date"));
        if (errors.Any) return errors.ToFailure();
        var consent = new Consent(resident, r.ConsentedBy!.Trim(), r.Relation!.Trim(), r.ByGuardian!.Value, r.Scope!.Value, r.GivenOn!.Value,
            user.Id, await Workers.NameAsync(db, user, ct), clock.GetUtcNow());
        db.Add(consent);
        await db.SaveChangesAsync(ct);
        return consent.Id;
    }

    /// <summary>A consent withdrawn; <see cref="Erased"/>: the child's sensitive fields were erased with it.</summary>
    public sealed record Withdrawn(Guid Id, bool Erased);

    /// <summary>
    /// Withdraws a consent (kept, with the date); a withdrawn one cannot be withdrawn again (409). When the resident is a child
    /// under 14 and no guardian's consent remains in force (<see cref="Consents.HasGuardianConsent"/>), the child's sensitive
    /// fields — ID number, phone, health note, target-group tags — are erased in the same save (DOMAIN.md: minimum necessary;
    /// 个人信息保护法 §47): they could not be saved again without that consent, so they are not kept either.
    /// </summary>
    public static async Task<Result<Withdrawn>> Withdraw(AppDb db, TimeProvider clock, Guid consentId, CancellationToken ct = default)
    {
        var consent = await db.Set<Consent>().FirstOrDefaultAsync(c => c.Id == consentId, ct);
        if (consent is null) return Failure.NotFound();
        if (consent.WithdrawnOn is not null) return Failure.Conflict(Lang.T("该同意已撤回", "This consent is already withdrawn"));
        var today = ChinaTime.Today(clock);
        consent.Withdraw(today);
        var erased = false;
        var resident = await db.Set<Resident>().FirstOrDefaultAsync(x => x.Id == consent.ResidentId, ct);
        if (resident is not null && await ErasesAsync(db, resident, consent.Id, today, ct))
        {
            resident.EraseSensitive();
            db.RemoveRange(await db.Set<ResidentTag>().Where(t => t.ResidentId == resident.Id).ToListAsync(ct));
            erased = true;
        }
        await db.SaveChangesAsync(ct);
        return new Withdrawn(consent.Id, erased);
    }

    /// <summary>
    /// Whether withdrawing <paramref name="consentId"/> leaves a child under 14 without a guardian's consent in force while
    /// sensitive fields are on record: what <see cref="Withdraw"/> erases, and what the page's confirmation warns of.
    /// </summary>
    public static bool Erases(Resident resident, IReadOnlyCollection<Consent> consents, Guid consentId, bool hasTags, DateOnly today) =>
        ChinaTime.AgeOn(resident.BirthDate, today) < ResidentFields.ConsentAge
        && !consents.Any(c => c.Id != consentId && Consents.Counts(c, resident.Id, resident.GuardianName))
        && (resident.IdNumber is not null || resident.Phone is not null || resident.HealthNote.Length > 0 || hasTags);

    static async Task<bool> ErasesAsync(AppDb db, Resident resident, Guid consentId, DateOnly today, CancellationToken ct)
    {
        if (ChinaTime.AgeOn(resident.BirthDate, today) >= ResidentFields.ConsentAge) return false;
        var consents = await db.Set<Consent>().Where(c => c.ResidentId == resident.Id).ToListAsync(ct);
        var hasTags = await db.Set<ResidentTag>().AnyAsync(t => t.ResidentId == resident.Id, ct);
        return Erases(resident, consents, consentId, hasTags, today);
    }
}
