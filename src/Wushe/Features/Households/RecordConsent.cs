using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Households;

/// <summary>
/// 知情同意: record a resident's consent to the processing of their information — who consented (the person, or for a minor the
/// guardian), when, and the scope — or withdraw one. A child under 14's consent must come from the guardian (个人信息保护法 §31).
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
        var today = ChinaTime.Today(clock);
        var errors = Validate(r, today);
        var age = ChinaTime.AgeOn(resident.BirthDate, today);
        if (age < ResidentFields.ConsentAge && r.ByGuardian == false)
            errors.Add("byGuardian", Lang.T("未满14周岁儿童的个人信息须由监护人同意", "A child under 14's consent is given by the guardian"));
        if (r.GivenOn is { } on && on < resident.BirthDate) errors.Add("givenOn", Lang.T("同意日期不能早于出生日期", "The date cannot be before the birth date"));
        if (errors.Any) return errors.ToFailure();
        var consent = new Consent(resident, r.ConsentedBy!.Trim(), r.Relation!.Trim(), r.ByGuardian!.Value, r.Scope!.Value, r.GivenOn!.Value,
            user.Id, await Workers.NameAsync(db, user, ct), clock.GetUtcNow());
        db.Add(consent);
        await db.SaveChangesAsync(ct);
        return consent.Id;
    }

    /// <summary>Withdraws a consent (kept, with the date); a withdrawn one cannot be withdrawn again.</summary>
    public static async Task<Result<Guid>> Withdraw(AppDb db, TimeProvider clock, Guid consentId, CancellationToken ct = default)
    {
        var consent = await db.Set<Consent>().FirstOrDefaultAsync(c => c.Id == consentId, ct);
        if (consent is null) return Failure.NotFound();
        if (consent.WithdrawnOn is not null) return Failure.Conflict(Lang.T("该同意已撤回", "This consent is already withdrawn"));
        consent.Withdraw(ChinaTime.Today(clock));
        await db.SaveChangesAsync(ct);
        return consent.Id;
    }
}
