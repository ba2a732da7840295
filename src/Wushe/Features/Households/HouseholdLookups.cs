using Microsoft.EntityFrameworkCore;
using Wushe.Data;

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
    public static DateOnly RegisteredOn(DateTimeOffset createdAt) => DateOnly.FromDateTime(createdAt.ToOffset(Platform.ChinaTime.Offset).DateTime);
}
