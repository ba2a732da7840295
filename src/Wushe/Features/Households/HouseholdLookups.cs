using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Households;

/// <summary>The hot lookups of the visiting use cases, compiled once (the scope filter still applies, read at each call).</summary>
public static class HouseholdLookups
{
    static readonly Func<AppDb, Guid, CancellationToken, Task<Household?>> ById =
        EF.CompileAsyncQuery((AppDb db, Guid id, CancellationToken ct) => db.Set<Household>().FirstOrDefault(h => h.Id == id));

    static readonly Func<AppDb, Guid, IAsyncEnumerable<Guid>> ActiveMembers =
        EF.CompileAsyncQuery((AppDb db, Guid id) => db.Set<Resident>().Where(r => r.HouseholdId == id && r.Status == ResidentStatus.Active).Select(r => r.Id));

    /// <summary>The household, tracked, when it lies in the actor's scope; null otherwise (out of scope is not found).</summary>
    public static Task<Household?> Household(AppDb db, Guid id, CancellationToken ct = default) => ById(db, id, ct);

    /// <summary>The ids of the household's active members (not moved out, not deceased).</summary>
    public static async Task<List<Guid>> ActiveMemberIds(AppDb db, Guid householdId, CancellationToken ct = default)
    {
        var ids = new List<Guid>();
        await foreach (var id in ActiveMembers(db, householdId).WithCancellation(ct)) ids.Add(id);
        return ids;
    }

    /// <summary>
    /// The people served today: residents not moved out or deceased, of households not closed (the scope filter applies).
    /// Group members, activity attendees and case clients are chosen among them (one rule: review7c 22).
    /// </summary>
    public static IQueryable<Resident> ActiveResidents(AppDb db) =>
        db.Set<Resident>().Where(r => r.Status == ResidentStatus.Active
            && db.Set<Household>().Any(h => h.Id == r.HouseholdId && h.Status == HouseholdStatus.Active));

    /// <summary>The household's registration day in China time (visits and changes cannot be dated before it).</summary>
    public static DateOnly RegisteredOn(Household h) => RegisteredOn(h.CreatedAt);

    /// <summary>The China calendar day of a household's registration, from its <c>CreatedAt</c> (for queries that read only that column).</summary>
    public static DateOnly RegisteredOn(DateTimeOffset createdAt) => DateOnly.FromDateTime(createdAt.ToOffset(ChinaTime.Offset).DateTime);

    /// <summary>
    /// The day of a change to a household (a move, a member leaving, a card, a visit), without the database: required
    /// ("迁移日期不能为空" / "The date is required") and not after <paramref name="today"/> (China's; "迁移日期不能晚于今天" /
    /// "The date cannot be in the future"), under <paramref name="field"/>. <paramref name="labelZh"/> names the day as the form
    /// does ("迁移日期"), <paramref name="labelEn"/> as an English sentence starts ("The date"). Returns <paramref name="errors"/>.
    /// </summary>
    public static Errors CheckDay(Errors errors, string field, string labelZh, string labelEn, DateOnly? day, DateOnly today)
    {
        if (day is null) errors.Add(field, Lang.T($"{labelZh}不能为空", $"{labelEn} is required"));
        else if (day > today) errors.Add(field, Lang.T($"{labelZh}不能晚于今天", $"{labelEn} cannot be in the future"));
        return errors;
    }

    /// <summary>
    /// The day is not before <paramref name="household"/>'s registration (China's day), which the message names:
    /// "迁移日期不能早于家庭户登记日期（2026-01-05）" / "The date cannot be before the household was registered (2026-01-05)".
    /// Nothing is checked when there is no day or <paramref name="field"/> has an error already (one message a field).
    /// Returns <paramref name="errors"/>.
    /// </summary>
    public static Errors NotBeforeRegistration(Errors errors, string field, string labelZh, string labelEn, DateOnly? day, Household household)
    {
        var registeredOn = RegisteredOn(household);
        if (day is { } d && d < registeredOn && !errors.Has(field))
            errors.Add(field, Lang.T($"{labelZh}不能早于家庭户登记日期（{ChinaTime.Format(registeredOn)}）",
                $"{labelEn} cannot be before the household was registered ({ChinaTime.Format(registeredOn)})"));
        return errors;
    }
}
