using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Localization;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Households;

/// <summary>
/// 服务对象（去重）: the people behind the summary's 服务人数（去重） — each person served in the area (tree) and period (and kind),
/// once, however often served: the same rule as <see cref="ServedPeopleTally"/> (beneficiaries of the service records), so the
/// list's total is the figure that opens it. Name masked (张*丰), sex, age today, community, how many services and the last
/// day; most recently served first, paged. A person whose record lies outside the reader's scope (served through a case
/// referred in) is counted and shown without a name. Searched by part of the person's name (in scope, and the clients of
/// cases referred in); sorted (<see cref="Sorts"/>). Failures: 400 on a malformed period, area, sort, page or size, or a name
/// over 50 characters (the rules of <see cref="ListServiceRecords"/>).
/// </summary>
public static class ListServedPeople
{
    /// <summary>The records list's area, kind, period and source (<c>source</c>: the people of one source's records, e.g. Project — the outcomes' 登记服务对象), the person's name (<c>keyword</c>, part of it) and the order.</summary>
    public sealed record Query(string? Area = null, [Label("服务类型", "Kind")] ServiceKind? Kind = null,
        [Label("开始日期", "From")] DateOnly? From = null, [Label("结束日期", "To")] DateOnly? To = null,
        [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null,
        [Label("服务对象姓名", "Name")] string? Keyword = null, string? Sort = null,
        [Label("来源", "Source")] ServiceSource? Source = null) : IPagedQuery, IAreaFilteredQuery, ISortedQuery
    {
        /// <summary>"date" (the default: most recently served first), "oldest" (longest since served first), "services" (most served first), "area".</summary>
        public IReadOnlyList<string> SortKeys => Sorts;
    }

    public static readonly IReadOnlyList<string> Sorts = ["date", "oldest", "services", "area"];

    /// <param name="Name">Masked; "" (and no household, sex, age or area) when the person's record is outside the reader's scope.</param>
    public sealed record Row(Guid ResidentId, Guid? HouseholdId, string Name, Sex? Sex, int? Age, string AreaCode, string AreaName, int Services, DateOnly LastServedOn);

    /// <summary>The query's own rules (no database): the period of <see cref="ListServiceRecords.Period"/> and the name's length.</summary>
    public static Errors Validate(Query q, DateOnly today)
    {
        var errors = ListServiceRecords.Period(q.From, q.To, today).Errors;
        if (q.Keyword is { } k && k.Trim().Length > ListServiceRecords.MaxKeyword)
            errors.Add("keyword", Lang.T($"服务对象姓名不能超过 {ListServiceRecords.MaxKeyword} 字", $"Name can be at most {ListServiceRecords.MaxKeyword} characters"));
        return errors;
    }

    public static async Task<Result<PageOf<Row>>> Handle(AppDb db, TimeProvider clock, Query q, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(clock);
        var errors = Validate(q, today);
        if (errors.Any) return errors.ToFailure();
        var (from, to, _) = ListServiceRecords.Period(q.From, q.To, today);
        var served = db.Set<ServiceBeneficiary>().AsNoTracking().Under(q.Area).Where(b => b.ServedOn >= from && b.ServedOn <= to);
        if (q.Kind is { } kind) served = served.Where(b => b.Kind == kind);
        // A beneficiary lies in its record's area: the record is in the reader's scope whenever the beneficiary is.
        if (q.Source is { } source) served = served.Where(b => db.Set<ServiceRecord>().Any(r => r.Id == b.ServiceRecordId && r.Source == source));
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var named = await Casework.NamedResidents.MatchAsync(db, q.Keyword.Trim(), ct);
            served = served.Where(b => named.InScope.Contains(b.ResidentId) || named.ReferredIn.Contains(b.ResidentId));
        }
        var people = served.GroupBy(b => b.ResidentId)
            .Select(g => new { ResidentId = g.Key, Services = g.Count(), LastServedOn = g.Max(b => b.ServedOn), AreaCode = g.Min(b => b.AreaCode) });
        // Every order ends with the resident's id: people who tie keep one order between pages.
        people = q.Sort switch
        {
            "oldest" => people.OrderBy(p => p.LastServedOn).ThenBy(p => p.ResidentId),
            "services" => people.OrderByDescending(p => p.Services).ThenByDescending(p => p.LastServedOn).ThenBy(p => p.ResidentId),
            "area" => people.OrderBy(p => p.AreaCode).ThenByDescending(p => p.LastServedOn).ThenBy(p => p.ResidentId),
            _ => people.OrderByDescending(p => p.LastServedOn).ThenBy(p => p.ResidentId),
        };
        var page = await people.ToPageAsync(q.Page, q.Size, ct);
        var ids = page.Items.Select(p => p.ResidentId).ToList();
        var found = await db.Set<Resident>().AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.HouseholdId, r.Name, r.Sex, r.BirthDate, r.AreaCode }).ToDictionaryAsync(r => r.Id, ct);
        var names = await AreaNames.LookupAsync(db, found.Values.Select(r => r.AreaCode).Distinct(), ct);
        return new PageOf<Row>([.. page.Items.Select(p => found.TryGetValue(p.ResidentId, out var r)
                ? new Row(p.ResidentId, r.HouseholdId, Mask.Name(r.Name), r.Sex, ChinaTime.AgeOn(r.BirthDate, today), r.AreaCode,
                    names.GetValueOrDefault(r.AreaCode, r.AreaCode), p.Services, p.LastServedOn)
                : new Row(p.ResidentId, null, "", null, null, "", "", p.Services, p.LastServedOn))],
            page.Total, page.Page, page.Size);
    }
}
