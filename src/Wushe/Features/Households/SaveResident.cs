using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Households;

/// <summary>
/// Add a member to a household, or edit one, by the rules of <see cref="ResidentFields"/>. On edit, an empty ID number keeps
/// the stored one (it is shown masked, so the form cannot send it back); a phone, guardian's phone or health note of
/// <c>null</c> keeps the stored one and an empty one (<c>""</c>) clears it (the page: its "clear" boxes); no guardian name
/// clears the guardian's phone. A household keeps exactly one head: making a member the head needs the former head changed first.
/// Failures: 404 out of scope; 400 naming each field; 409 the household closed, a member's <c>version</c> stale, the ID
/// number registered already.
/// </summary>
public static class SaveResident
{
    public static async Task<Result<Guid>> Add(AppDb db, CurrentUser user, Sealer sealer, TimeProvider clock, Guid householdId, ResidentFields r, CancellationToken ct = default)
    {
        var household = await db.Set<Household>().FirstOrDefaultAsync(h => h.Id == householdId, ct);
        if (household is null) return Failure.NotFound();
        if (household.Status == HouseholdStatus.Closed) return Failure.Conflict(Lang.T("该户已注销，不能添加成员", "The household is closed: no members can be added"));
        var errors = r.Validate(new Errors(), ChinaTime.Today(clock));
        if (r.Relation == Relation.Head && await db.Set<Resident>().AnyAsync(x => x.HouseholdId == householdId && x.Relation == Relation.Head && x.Status == ResidentStatus.Active, ct))
            errors.Add("relation", Lang.T("本户已有户主：请先修改原户主的关系", "The household has a head: change the present head's relation first"));
        if (household.MemberCount >= RegisterHousehold.MaxMembers) errors.Add("name", Lang.T($"家庭成员不能超过 {RegisterHousehold.MaxMembers} 人", $"At most {RegisterHousehold.MaxMembers} members"));
        var id = await ResidentFields.CheckIdNumberAsync(db, sealer, r.IdNumber, null, errors, "", ct);
        var tags = await ResidentFields.CheckTagsAsync(db, household.AreaCode, r.Tags, r.BirthDate, ChinaTime.Today(clock), errors, "", ct);
        if (errors.Any) return errors.ToFailure();

        var now = clock.GetUtcNow();
        var resident = new Resident(household, r.Name!.Trim(), r.Sex!.Value, r.BirthDate!.Value, r.Relation!.Value, now);
        r.ApplyTo(db, sealer, resident, id, tags, user, await Workers.NameAsync(db, user, ct), now);
        db.Add(resident);
        household.SetMemberCount(household.MemberCount + 1);
        if (resident.Relation == Relation.Head) household.SetHead(resident.Name);
        return await Save(db, ct) ?? (Result<Guid>)resident.Id;
    }

    public static async Task<Result<Guid>> Update(AppDb db, CurrentUser user, Sealer sealer, TimeProvider clock, Guid residentId, ResidentFields r, CancellationToken ct = default)
    {
        var resident = await db.Set<Resident>().FirstOrDefaultAsync(x => x.Id == residentId, ct);
        if (resident is null) return Failure.NotFound();
        var household = await db.Set<Household>().FirstAsync(h => h.Id == resident.HouseholdId, ct);
        if (household.Status == HouseholdStatus.Closed) return Failure.Conflict(Lang.T("该家庭户已注销，不能修改成员", "The household is closed: its members cannot be changed"));
        if (r.Version is { } version && version != resident.Version) return Stale();
        var consents = await db.Set<Consent>().Where(c => c.ResidentId == residentId).ToListAsync(ct);
        var errors = r.Validate(new Errors(), ChinaTime.Today(clock), guardianConsentOnRecord: Consents.HasGuardianConsent(consents, residentId, r.GuardianName));
        if (r.Relation == Relation.Head && resident.Relation != Relation.Head
            && await db.Set<Resident>().AnyAsync(x => x.HouseholdId == resident.HouseholdId && x.Id != residentId && x.Relation == Relation.Head && x.Status == ResidentStatus.Active, ct))
            errors.Add("relation", Lang.T("本户已有户主：请先修改原户主的关系", "The household has a head: change the present head's relation first"));
        // The stored ID number stays when none is typed; a typed one must agree with the birth date and sex like a new one.
        var id = await ResidentFields.CheckIdNumberAsync(db, sealer, r.IdNumber, residentId, errors, "", ct);
        var tags = await ResidentFields.CheckTagsAsync(db, resident.AreaCode, r.Tags, r.BirthDate, ChinaTime.Today(clock), errors, "", ct);
        if (string.IsNullOrWhiteSpace(r.IdNumber) && resident.IdNumber is not null && r.BirthDate is { } b && resident.IdTail is not null)
        {
            var stored = sealer.Open(resident.IdNumber);
            if (Platform.Validation.ResidentId.BirthDate(stored) != b) errors.Add("birthDate", Lang.T("出生日期与已登记的身份证号码不一致", "The birth date does not match the registered ID number"));
        }
        if (errors.Any) return errors.ToFailure();

        await db.Set<ResidentTag>().Where(t => t.ResidentId == residentId).LoadAsync(ct);
        r.ApplyTo(db, sealer, resident, id, tags, user, await Workers.NameAsync(db, user, ct), clock.GetUtcNow());
        if (resident.Relation == Relation.Head) household.SetHead(resident.Name);
        return await Save(db, ct) ?? (Result<Guid>)resident.Id;
    }

    static Failure Stale() => Failure.Conflict(Lang.T("该成员信息已被他人修改，请刷新后重试", "Someone else changed this member; reload and try again"));

    static async Task<Failure?> Save(AppDb db, CancellationToken ct) =>
        await db.SaveOrFindDuplicateAsync(ct) is { } columns
            ? columns.Contains("IdNumberHash") ? Failure.Duplicate("idNumber", Lang.T("该身份证号码已登记", "This ID number is already registered")) : UniqueKeys.Conflict()
            : null;
}
