using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Workforce;

/// <summary>
/// 办理登记: registers a social worker's qualification for three years (DOMAIN.md, Social workers). A first registration within a
/// year of qualifying needs nothing more; a late one needs the level's continuing-education time (72 h assistant, 90 h intermediate
/// and senior) within the three years before it. A renewal (再登记) needs that time within the ending period, and is accepted from
/// <see cref="WorkforceRules.RenewalNoticeDays"/> days before its end (an early renewal runs from the day after the old one ends) or
/// after it lapsed. The date is not in the future nor before qualifying; the registration number 6–30 letters and digits, unique
/// (409 naming registrationNo). Another area's person or a qualification not theirs is 404.
/// </summary>
public static class RegisterQualification
{
    public sealed record Request(
        [property: Label("职业资格", "Qualification")] Guid? QualificationId,
        [property: Label("登记日期", "Registered on")] DateOnly? RegisteredOn,
        [property: Label("登记证书编号", "Registration number")] string? RegistrationNo);

    public sealed record Registered(Guid Id, DateOnly ValidFrom, DateOnly ValidUntil, bool Renewal);

    public static async Task<Result<Registered>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid socialWorkerId, Request r, CancellationToken ct = default)
    {
        if (await db.Set<SocialWorker>().FirstOrDefaultAsync(w => w.Id == socialWorkerId, ct) is not { } worker) return Failure.NotFound();
        var qualification = r.QualificationId is { } qid
            ? await db.Set<Qualification>().FirstOrDefaultAsync(q => q.Id == qid && q.SocialWorkerId == socialWorkerId, ct) : null;
        var today = ChinaTime.Today(clock);
        var errors = new Errors();
        if (qualification is null) errors.Add("qualificationId", Lang.T("请选择本人已录入的职业资格", "Choose a qualification on the person's record"));
        if (r.RegisteredOn is not { } on) errors.Add("registeredOn", Lang.T("登记日期不能为空", "The date is required"));
        else if (on > today) errors.Add("registeredOn", Lang.T("登记日期不能晚于今天", "The date cannot be in the future"));
        else if (qualification is not null && on < qualification.ObtainedOn)
            errors.Add("registeredOn", Lang.T($"登记日期不能早于取得职业资格的日期（{qualification.ObtainedOn:yyyy-MM-dd}）", $"The date cannot be before the qualification ({qualification.ObtainedOn:yyyy-MM-dd})"));
        var number = (r.RegistrationNo ?? "").Trim().ToUpperInvariant();
        if (number.Length is < 6 or > 30 || !number.All(char.IsAsciiLetterOrDigit))
            errors.Add("registrationNo", Lang.T("登记证书编号应为6至30位字母或数字", "The registration number is 6 to 30 letters or digits"));
        if (errors.Any) return errors.ToFailure();

        var registeredOn = r.RegisteredOn!.Value;
        var last = await db.Set<Registration>().Where(x => x.SocialWorkerId == worker.Id && x.Level == qualification!.Level)
            .OrderByDescending(x => x.RegisteredOn).FirstOrDefaultAsync(ct);
        var required = WorkforceRules.RequiredMinutes(qualification!.Level);
        DateOnly from, periodFrom, periodTo;
        if (last is null)
        {
            from = registeredOn;
            (periodFrom, periodTo) = (registeredOn.AddYears(-WorkforceRules.ValidYears).AddDays(1), registeredOn);
            if (registeredOn <= WorkforceRules.FirstRegistrationBy(qualification.ObtainedOn)) required = 0;
        }
        else
        {
            if (registeredOn < last.ValidUntil.AddDays(-WorkforceRules.RenewalNoticeDays))
                return Failure.Invalid("registeredOn", Lang.T($"上一次登记有效期至{last.ValidUntil:yyyy-MM-dd}，届满前{WorkforceRules.RenewalNoticeDays}日内方可办理再登记",
                    $"The registration runs to {last.ValidUntil:yyyy-MM-dd}; renew within {WorkforceRules.RenewalNoticeDays} days of its end"));
            from = registeredOn <= last.ValidUntil ? last.ValidUntil.AddDays(1) : registeredOn;
            (periodFrom, periodTo) = (last.RegisteredOn, last.ValidUntil < registeredOn ? last.ValidUntil : registeredOn);
        }
        var minutes = await WorkforceRules.MinutesAsync(db, worker.Id, periodFrom, periodTo, ct);
        if (minutes < required)
            return Failure.Invalid("registeredOn", Lang.T(
                $"{periodFrom:yyyy-MM-dd}至{periodTo:yyyy-MM-dd}的继续教育学时为{WorkforceRules.Hours(minutes)}小时，{Qualification.LevelLabel(qualification.Level)}需满{WorkforceRules.Hours(required)}小时方可{(last is null ? "登记" : "再登记")}",
                $"Continuing education from {periodFrom:yyyy-MM-dd} to {periodTo:yyyy-MM-dd} is {WorkforceRules.Hours(minutes)} h; {Qualification.LevelLabel(qualification.Level)} needs {WorkforceRules.Hours(required)} h"));

        var registration = new Registration(worker, qualification, last is not null, from, WorkforceRules.ValidUntil(from), number,
            last is null ? 0 : minutes, user.Id, await Workers.NameAsync(db, user, ct), clock.GetUtcNow());
        db.Add(registration);
        await WorkforceRules.Roll(db, worker, ct);
        worker.Touch();
        if (await db.SaveOrFindDuplicateAsync(ct) is { } columns)
            return columns.Contains(nameof(Registration.RegistrationNo))
                ? Failure.Duplicate("registrationNo", Lang.T("该登记证书编号已被使用", "This registration number is already on record"))
                : Failure.Duplicate("registeredOn", Lang.T("该日期已办理过此等级的登记", "This level was already registered on that date"));
        return new Registered(registration.Id, registration.RegisteredOn, registration.ValidUntil, registration.Renewal);
    }
}
