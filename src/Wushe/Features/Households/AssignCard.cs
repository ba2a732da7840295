using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Households;

/// <summary>
/// 户卡调整: give a household a colour of the scheme that applies to it (<see cref="CardSchemes.For"/>), with a reason and
/// the day. Writes a <see cref="CardAssignment"/> (the history, with the previous card's name) and moves the household's
/// next visit by the colour's frequency (<see cref="Household.SetCard"/>), in one save. Failures: 404 for a household out of
/// scope; 409 for a closed household; 400 naming <c>colour</c> (no scheme for the area: the area is named; a colour the scheme
/// lacks; the card the household already holds: "户卡未变化", no second history line), <c>reason</c> (2–500), <c>assignedOn</c>
/// (required, not in the future, not before registration: the registration day is named).
/// </summary>
public static class AssignCard
{
    public sealed record Request(
        [Label("户卡颜色", "Card colour")] string? Colour,
        [Label("调整原因", "Reason")] string? Reason,
        [Label("调整日期", "Date")] DateOnly? AssignedOn);

    public sealed record Assigned(Guid Id, string CardName, int VisitEveryDays, DateOnly? NextDueOn);

    public static Errors Validate(Request r, DateOnly today)
    {
        var errors = new Errors().Text("reason", r.Reason, "调整原因", "Reason", 2, 500);
        if (string.IsNullOrWhiteSpace(r.Colour)) errors.Add("colour", Lang.T("请选择户卡颜色", "Please choose the card colour"));
        return HouseholdLookups.CheckDay(errors, "assignedOn", "调整日期", "The date", r.AssignedOn, today);
    }

    /// <summary>
    /// The rules of <see cref="Validate"/> and the colour's, read from the household's scheme — what a request whose other values did not
    /// parse is told in the same answer (the API, <c>JsonFields</c>; the page): every bad field in one pass. A household not found adds nothing (404 later).
    /// </summary>
    public static async Task<Errors> ValidateAsync(Request r, DateOnly today, AppDb db, Guid householdId)
    {
        var errors = Validate(r, today);
        if (await HouseholdLookups.Household(db, householdId, default) is { } household)
            await CheckColourAsync(db, errors, r, household, await CardSchemes.For(db, household.AreaCode, default), default);
        return errors;
    }

    /// <summary>The colour is one of the scheme that applies to the household, and not the card it already holds; the colour found, or null.</summary>
    static async Task<CardColour?> CheckColourAsync(AppDb db, Errors errors, Request r, Household household, CardScheme? scheme, CancellationToken ct)
    {
        CardColour? colour = null;
        if (scheme is null)
        {
            var name = (await AreaNames.LookupAsync(db, [household.AreaCode], ct)).GetValueOrDefault(household.AreaCode, household.AreaCode);
            errors.Add("colour", Lang.T($"“{name}”及其上级区划尚未设定户卡方案，请先在“户卡与标签设置”中设定",
                $"Neither \"{name}\" nor any area above it has a colour-card scheme; define one under Cards and tags first"));
        }
        else if (!errors.Has("colour") && (colour = scheme.Colour(r.Colour!.Trim())) is null)
            errors.Add("colour", Lang.T($"户卡颜色须为“{scheme.Name}”中的一种", $"The colour is one of the scheme \"{scheme.Name}\""));
        else if (colour is not null && household.CardSchemeId == scheme.Id && household.CardColour == colour.Key)
            errors.Add("colour", Lang.T($"户卡未变化：该户已是{colour.Name}", $"The card is unchanged: the household already holds {colour.Name}"));
        return colour;
    }

    public static async Task<Result<Assigned>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid householdId, Request r, CancellationToken ct = default)
    {
        var household = await HouseholdLookups.Household(db, householdId, ct);
        if (household is null) return Failure.NotFound();
        if (household.Status == HouseholdStatus.Closed) return Failure.Conflict(Lang.T("该家庭户已注销，不能调整户卡", "This household is closed: its card cannot change"));
        var errors = Validate(r, ChinaTime.Today(clock));
        HouseholdLookups.NotBeforeRegistration(errors, "assignedOn", "调整日期", "The date", r.AssignedOn, household);
        var scheme = await CardSchemes.For(db, household.AreaCode, ct);
        var colour = await CheckColourAsync(db, errors, r, household, scheme, ct);
        if (errors.Any) return errors.ToFailure();

        var assignment = new CardAssignment(household, scheme!, colour!, household.CardName, r.Reason!.Trim(), r.AssignedOn!.Value,
            user.Id, await Workers.NameAsync(db, user, ct), clock.GetUtcNow());
        db.Add(assignment);
        household.SetCard(scheme!.Id, colour!.Key, colour.Name, colour.VisitEveryDays);
        await db.SaveChangesAsync(ct);
        return new Assigned(assignment.Id, colour.Name, colour.VisitEveryDays, household.NextDueOn);
    }
}
