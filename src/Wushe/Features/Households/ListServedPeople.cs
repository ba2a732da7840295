using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Households;

/// <summary>
/// 服务对象（去重）: the people behind the summary's 服务人数（去重） — each person served in the area (tree) and period (and kind),
/// once, however often served: the same rule as <see cref="ServedPeopleTally"/> (beneficiaries of the service records), so the
/// list's total is the figure that opens it. Name masked (张*丰), sex, age today, community, how many services and the last
/// day; most recently served first, paged. A person whose record lies outside the reader's scope (served through a case
/// referred in) is counted and shown without a name. Failures: 400 on a malformed period, area, page or size (the rules of
/// <see cref="ListServiceRecords"/>).
/// </summary>
public static class ListServedPeople
{
    /// <param name="Name">Masked; "" (and no household, sex, age or area) when the person's record is outside the reader's scope.</param>
    public sealed record Row(Guid ResidentId, Guid? HouseholdId, string Name, Sex? Sex, int? Age, string AreaCode, string AreaName, int Services, DateOnly LastServedOn);

    public static async Task<Result<PageOf<Row>>> Handle(AppDb db, TimeProvider clock, ListServiceRecords.Query q, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(clock);
        var (from, to, errors) = ListServiceRecords.Period(q.From, q.To, today);
        if (errors.Any) return errors.ToFailure();
        var served = db.Set<ServiceBeneficiary>().AsNoTracking().Under(q.Area).Where(b => b.ServedOn >= from && b.ServedOn <= to);
        if (q.Kind is { } kind) served = served.Where(b => b.Kind == kind);
        var page = await served.GroupBy(b => b.ResidentId)
            .Select(g => new { ResidentId = g.Key, Services = g.Count(), LastServedOn = g.Max(b => b.ServedOn) })
            .OrderByDescending(p => p.LastServedOn).ThenBy(p => p.ResidentId)
            .ToPageAsync(q.Page, q.Size, ct);
        var ids = page.Items.Select(p => p.ResidentId).ToList();
        var people = await db.Set<Resident>().AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.HouseholdId, r.Name, r.Sex, r.BirthDate, r.AreaCode }).ToDictionaryAsync(r => r.Id, ct);
        var names = await AreaNames.LookupAsync(db, people.Values.Select(r => r.AreaCode).Distinct(), ct);
        return new PageOf<Row>([.. page.Items.Select(p => people.TryGetValue(p.ResidentId, out var r)
                ? new Row(p.ResidentId, r.HouseholdId, Mask.Name(r.Name), r.Sex, ChinaTime.AgeOn(r.BirthDate, today), r.AreaCode,
                    names.GetValueOrDefault(r.AreaCode, r.AreaCode), p.Services, p.LastServedOn)
                : new Row(p.ResidentId, null, "", null, null, "", "", p.Services, p.LastServedOn))],
            page.Total, page.Page, page.Size);
    }
}
