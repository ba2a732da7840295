using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Casework;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Households;

/// <summary>
/// 服务记录列表: the service records behind a figure of <see cref="ServiceSummary"/>: by area (tree), kind and period (China
/// dates, both ends included; default this year up to today; at most 5 years), searched by <c>keyword</c> — part of a
/// served person's name (a beneficiary of the record) or of a worker's name (the record's workers) —, sorted
/// (<see cref="Sorts"/>), paged. The summary's months link here as their first and last days; <see cref="ExportServiceRecords"/>
/// exports the same rows. Failures: 400 on a malformed period, area, sort, page or size, or a keyword over 50 characters
/// (DONE.md 2: every list has search, sort, paging and export).
/// </summary>
public static class ListServiceRecords
{
    public sealed record Query(string? Area = null, [Label("服务类型", "Kind")] ServiceKind? Kind = null,
        [Label("开始日期", "From")] DateOnly? From = null, [Label("结束日期", "To")] DateOnly? To = null,
        [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null,
        [Label("服务对象或服务人员", "Person or worker")] string? Keyword = null, string? Sort = null,
        [Label("来源", "Source")] ServiceSource? Source = null) : IPagedQuery, IAreaFilteredQuery, ISortedQuery
    {
        /// <summary>"date" (the default: newest first), "oldest" (oldest first), "kind" (by kind, newest first within one), "area".</summary>
        public IReadOnlyList<string> SortKeys => Sorts;
    }

    public static readonly IReadOnlyList<string> Sorts = ["date", "oldest", "kind", "area"];

    /// <summary>The keyword's longest form (a name or part of one).</summary>
    public const int MaxKeyword = 50;

    /// <summary>A record; <see cref="GroupId"/> names the group of a group session (for a link to it).</summary>
    public sealed record Row(Guid Id, DateOnly ServedOn, ServiceKind Kind, string AreaCode, string AreaName, ServiceSource Source, Guid SourceId,
        Guid? GroupId, string Workers, string Summary, int People);

    public const int MaxYears = 5;

    /// <summary>The period's own rules (no database): the dates as given, or this year up to today.</summary>
    public static (DateOnly From, DateOnly To, Errors Errors) Period(DateOnly? from, DateOnly? to, DateOnly today)
    {
        var errors = new Errors();
        var f = from ?? new DateOnly((to ?? today).Year, 1, 1);
        var t = to ?? (from is { } x && x.Year < today.Year ? new DateOnly(x.Year, 12, 31) : today);
        if (f > t) errors.Add("from", Lang.T("开始日期不能晚于结束日期", "The start date cannot be after the end date"));
        else if (t > f.AddYears(MaxYears)) errors.Add("to", Lang.T($"统计期间不能超过 {MaxYears} 年", $"The period can be at most {MaxYears} years"));
        return (f, t, errors);
    }

    /// <summary>The query's own rules (no database): the period (<see cref="Period"/>) and the keyword's length.</summary>
    public static Errors Validate(Query q, DateOnly today)
    {
        var errors = Period(q.From, q.To, today).Errors;
        if (q.Keyword is { } k && k.Trim().Length > MaxKeyword)
            errors.Add("keyword", Lang.T($"服务对象或服务人员不能超过 {MaxKeyword} 字", $"Person or worker can be at most {MaxKeyword} characters"));
        return errors;
    }

    public static async Task<Result<PageOf<Row>>> Handle(AppDb db, TimeProvider clock, Query q, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(clock);
        var errors = Validate(q, today);
        if (errors.Any) return errors.ToFailure();
        var (from, to, _) = Period(q.From, q.To, today);
        var records = db.Set<ServiceRecord>().AsNoTracking().Under(q.Area).Where(r => r.ServedOn >= from && r.ServedOn <= to);
        if (q.Kind is { } kind) records = records.Where(r => r.Kind == kind);
        // One source's records (a project outcomes figure links to its projects' records: source Project).
        if (q.Source is { } source) records = records.Where(r => r.Source == source);
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var k = q.Keyword.Trim();
            var named = await NamedResidents.MatchAsync(db, k, ct);
            records = records.Where(r => r.Workers.Contains(k)
                || db.Set<ServiceBeneficiary>().Any(b => b.ServiceRecordId == r.Id && (named.InScope.Contains(b.ResidentId) || named.ReferredIn.Contains(b.ResidentId))));
        }
        // Every order ends with the unique id: rows that tie keep one order between pages.
        records = q.Sort switch
        {
            "oldest" => records.OrderBy(r => r.ServedOn).ThenBy(r => r.Id),
            "kind" => records.OrderBy(r => r.Kind).ThenByDescending(r => r.ServedOn).ThenByDescending(r => r.Id),
            "area" => records.OrderBy(r => r.AreaCode).ThenByDescending(r => r.ServedOn).ThenByDescending(r => r.Id),
            _ => records.OrderByDescending(r => r.ServedOn).ThenByDescending(r => r.Id),
        };
        var page = await records
            .Select(r => new Row(r.Id, r.ServedOn, r.Kind, r.AreaCode, "", r.Source, r.SourceId, null, r.Workers, r.Summary, r.People))
            .ToPageAsync(q.Page, q.Size, ct);
        var names = await AreaNames.LookupAsync(db, page.Items.Select(r => r.AreaCode), ct);
        var sessionIds = page.Items.Where(r => r.Source == ServiceSource.GroupSession).Select(r => r.SourceId).ToList();
        var groups = sessionIds.Count == 0 ? [] : await db.Set<GroupSession>().AsNoTracking().Where(s => sessionIds.Contains(s.Id))
            .ToDictionaryAsync(s => s.Id, s => s.GroupId, ct);
        // A visit's summary is written in the recorder's language ("团结路107号（入户）"): told again here in the reader's, from the visit.
        var visitIds = page.Items.Where(r => r.Source == ServiceSource.Visit).Select(r => r.SourceId).Distinct().ToList();
        var visits = visitIds.Count == 0 ? [] : await (from v in db.Set<Visit>().AsNoTracking()
                                                       join h in db.Set<Household>() on v.HouseholdId equals h.Id
                                                       where visitIds.Contains(v.Id)
                                                       select new { v.Id, v.Method, h.Address }).ToDictionaryAsync(v => v.Id, v => Visit.Summary(v.Address, v.Method), ct);
        var visitors = await VisitorLine.ForVisitsAsync(db, visitIds, ct);
        return page with
        {
            Items = [.. page.Items.Select(r => r with
            {
                AreaName = names.GetValueOrDefault(r.AreaCode, r.AreaCode),
                GroupId = groups.TryGetValue(r.SourceId, out var g) ? g : null,
                Workers = r.Source == ServiceSource.Visit && visitors.TryGetValue(r.SourceId, out var line) ? line : r.Workers,
                Summary = visits.TryGetValue(r.SourceId, out var summary) ? summary
                    : r.Source == ServiceSource.GuardianshipAssessment && r.Summary == "监护评估" ? Lang.T("监护评估", "Guardianship assessment") : r.Summary,
            })],
        };
    }
}
