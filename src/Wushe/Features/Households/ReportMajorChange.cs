using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Households;

/// <summary>
/// 重大变故: report a major change in a household (a death, an illness, a disaster …) on a day, with a note: a visit is then
/// due by the next day (DOMAIN.md: high risk, within 24 h; <see cref="Household.MajorChange"/>). Audited as a change of the
/// household (the note is sensitive: the log says only that it changed). Failures: 404 out of scope; 409 for a closed
/// household; 400 naming <c>changedOn</c> (required, not in the future, not before registration) or <c>note</c> (2–500).
/// </summary>
public static class ReportMajorChange
{
    public sealed record Request(
        [Label("变故日期", "Date of the change")] DateOnly? ChangedOn,
        [Label("变故情况", "What happened")] string? Note);

    public sealed record Reported(DateOnly? NextDueOn);

    public static Errors Validate(Request r, DateOnly today)
    {
        var errors = new Errors().Text("note", r.Note, "变故情况", "What happened", 2, 500);
        if (r.ChangedOn is null) errors.Add("changedOn", Lang.T("变故日期不能为空", "The date of the change is required"));
        else if (r.ChangedOn > today) errors.Add("changedOn", Lang.T("变故日期不能晚于今天", "The date of the change cannot be in the future"));
        return errors;
    }

    public static async Task<Result<Reported>> Handle(AppDb db, TimeProvider clock, Guid householdId, Request r, CancellationToken ct = default)
    {
        var household = await HouseholdLookups.Household(db, householdId, ct);
        if (household is null) return Failure.NotFound();
        if (household.Status == HouseholdStatus.Closed) return Failure.Conflict(Lang.T("该家庭户已注销", "This household is closed"));
        var errors = Validate(r, ChinaTime.Today(clock));
        if (r.ChangedOn is { } on && !errors.Has("changedOn") && on < HouseholdLookups.RegisteredOn(household))
            errors.Add("changedOn", Lang.T("变故日期不能早于家庭户登记日期", "The date cannot be before the household was registered"));
        if (errors.Any) return errors.ToFailure();
        household.MajorChange(r.ChangedOn!.Value, r.Note!.Trim(), ChinaTime.Today(clock));
        await db.SaveChangesAsync(ct);
        return new Reported(household.NextDueOn);
    }
}
