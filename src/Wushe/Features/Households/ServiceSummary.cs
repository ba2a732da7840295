using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Households;

/// <summary>
/// 服务统计: for an area (default: the user's own) and a period of China dates (default: this year up to today; both ends
/// inclusive; from ≤ to; at most 5 years), the services given by kind (all ten kinds of DOMAIN.md, zeros too), the
/// attendances, and the unique people served — per kind and overall, and per child area (the townships of a county, the
/// communities of a township). DOMAIN.md: reports count unique people, not attendances, so a person served three times,
/// or by two kinds, is one person overall (and per kind, once in each kind). A child area's people are that area's own:
/// the children's figures may add up to more than the overall one when a person was served in two places.
/// Failures: 400 on a malformed area or period, 404 for an area outside the scope.
/// Reads <see cref="ServiceBeneficiary"/> through its (AreaCode, ServedOn, ResidentId) index and <see cref="ServiceRecord"/>
/// through (AreaCode, ServedOn).
/// </summary>
public static class ServiceSummary
{
    public sealed record Query(string? Area = null, [Label("开始日期", "From")] DateOnly? From = null, [Label("结束日期", "To")] DateOnly? To = null) : IAreaFilteredQuery;

    public sealed record KindRow(ServiceKind Kind, string Label, int Services, int Attendances, int People);

    public sealed record ChildRow(string AreaCode, string AreaName, bool HasChildren, int Services, int Attendances, int People);

    public sealed record Summary(string AreaCode, string AreaName, DateOnly From, DateOnly To, int Services, int Attendances, int People,
        List<KindRow> Kinds, List<ChildRow> Children);

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

    public static async Task<Result<Summary>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Query q, CancellationToken ct = default)
    {
        var (from, to, errors) = Period(q.From, q.To, ChinaTime.Today(clock));
        if (!string.IsNullOrWhiteSpace(q.Area) && AreaCode.Check(q.Area) is { } bad) errors.Add("area", bad);
        if (errors.Any) return errors.ToFailure();
        var code = AreaCode.Normalize(q.Area) ?? user.Active?.AreaCode;
        if (code is null) return Failure.NotFound();
        var country = code == Scope.Country;
        if (!country && !await db.Areas.AnyAsync(a => a.Code == code, ct)) return Failure.NotFound();
        if (country && !user.Scope.Covers(code)) return Failure.NotFound();

        var level = country ? (AreaLevel?)null : AreaCode.LevelOf(code);
        // The children's codes are cut at the next level's prefix: 6 digits for the townships' county … 12 for communities.
        int? cut = level switch
        {
            null => 2,
            AreaLevel.Village => null,
            { } l => AreaCode.PrefixLength(l + 1),
        };
        var records = db.Set<ServiceRecord>().AsNoTracking().Where(r => r.ServedOn >= from && r.ServedOn <= to);
        var people = db.Set<ServiceBeneficiary>().AsNoTracking().Where(b => b.ServedOn >= from && b.ServedOn <= to);
        if (!country)
        {
            records = records.Under(code);
            people = people.Under(code);
        }

        var servicesByKind = await records.GroupBy(r => r.Kind).Select(g => new { Kind = g.Key, Count = g.Count() }).ToListAsync(ct);
        var peopleByKind = await people.GroupBy(b => b.Kind)
            .Select(g => new { Kind = g.Key, Attendances = g.Count(), People = g.Select(b => b.ResidentId).Distinct().Count() }).ToListAsync(ct);
        var overall = await people.Select(b => b.ResidentId).Distinct().CountAsync(ct);
        var kinds = Enum.GetValues<ServiceKind>().Select(k => new KindRow(k, ServiceRecord.KindLabel(k),
            servicesByKind.FirstOrDefault(x => x.Kind == k)?.Count ?? 0,
            peopleByKind.FirstOrDefault(x => x.Kind == k)?.Attendances ?? 0,
            peopleByKind.FirstOrDefault(x => x.Kind == k)?.People ?? 0)).ToList();

        var children = new List<ChildRow>();
        if (cut is { } n)
        {
            var servicesByChild = await records.GroupBy(r => r.AreaCode.Substring(0, n)).Select(g => new { Prefix = g.Key, Count = g.Count() }).ToListAsync(ct);
            var peopleByChild = await people.GroupBy(b => b.AreaCode.Substring(0, n))
                .Select(g => new { Prefix = g.Key, Attendances = g.Count(), People = g.Select(b => b.ResidentId).Distinct().Count() }).ToListAsync(ct);
            var parent = country ? null : code;
            var areas = await db.Areas.AsNoTracking().Where(a => a.ParentCode == parent && a.ValidTo == null).Select(a => a.Code).ToListAsync(ct);
            var prefixes = areas.Select(a => a[..n]).Union(servicesByChild.Select(s => s.Prefix)).Union(peopleByChild.Select(p => p.Prefix)).Order(StringComparer.Ordinal).ToList();
            var codes = prefixes.Select(p => p.PadRight(AreaCode.Length, '0')).ToList();
            var names = await AreaNames.LookupAsync(db, codes, ct);
            // Services kept at the area itself (a township's own group) make a row of their own, named as the area's own level.
            children = [.. prefixes.Select((p, i) => new ChildRow(codes[i],
                codes[i] == code ? Lang.T($"{names.GetValueOrDefault(code, code)}（本级）", $"{names.GetValueOrDefault(code, code)} (itself)") : names.GetValueOrDefault(codes[i], codes[i]),
                n < AreaCode.Length && codes[i] != code,
                servicesByChild.FirstOrDefault(s => s.Prefix == p)?.Count ?? 0,
                peopleByChild.FirstOrDefault(s => s.Prefix == p)?.Attendances ?? 0,
                peopleByChild.FirstOrDefault(s => s.Prefix == p)?.People ?? 0))];
        }
        var areaName = country ? Lang.T("全国", "Country") : (await AreaNames.LookupAsync(db, [code], ct)).GetValueOrDefault(code, code);
        return new Summary(code, areaName, from, to, kinds.Sum(k => k.Services), kinds.Sum(k => k.Attendances), overall, kinds, children);
    }
}
