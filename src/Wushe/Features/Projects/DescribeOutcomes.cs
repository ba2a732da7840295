using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Features.Organizations;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Validation;

namespace Wushe.Features.Projects;

/// <summary>
/// 成效综述: what the projects of an area (a county, township or community of the scope; the user's whole scope when none) did
/// over a period (China dates, at most 3 years; this year to today by default), optionally of one focus — from the delivery
/// records, never typed: the projects that served, the records per service kind (场/次), the unique registered residents, the
/// open events' head counts (人次, kept apart) and the 党工+社工+志工 who served; each project's share with a link to it; and the
/// Chinese paragraph the reports are made of. Failures: invalid (the period); not found (an area outside the scope).
/// </summary>
public static class DescribeOutcomes
{
    public sealed record Query(string? Area = null, [Label("开始日期", "From")] DateOnly? From = null, [Label("结束日期", "To")] DateOnly? To = null,
        [Label("服务领域", "Focus")] FocusArea? Focus = null) : IAreaFilteredQuery;

    public sealed record KindLine(ServiceKind Kind, int Times, int HeadCount, string Unit);
    public sealed record ProjectLine(Guid Id, string ProjectNo, string Title, string OrganizationName, int Records, int HeadCount);

    public sealed record Outcomes(string AreaName, DateOnly From, DateOnly To, FocusArea? Focus, int Projects, IReadOnlyList<KindLine> Kinds, int People,
        int HeadCount, int PartyWorkers, int SocialWorkers, int Volunteers, IReadOnlyList<ProjectLine> ByProject, string Narrative);

    public const int MaxDays = 366 * 3;

    public static Errors Validate(Query q, DateOnly today)
    {
        var errors = new Errors();
        var (from, to) = Period(q, today);
        if (to < from) errors.Add("to", Lang.T("结束日期不能早于开始日期", "The end cannot be before the start"));
        else if (to.DayNumber - from.DayNumber > MaxDays) errors.Add("to", Lang.T("统计期间最长 3 年", "The period is at most 3 years"));
        return errors;
    }

    /// <summary>The period asked, or this year (China dates) to today.</summary>
    public static (DateOnly From, DateOnly To) Period(Query q, DateOnly today) => (q.From ?? new DateOnly(today.Year, 1, 1), q.To ?? today);

    public static async Task<Result<Outcomes>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Query q, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(clock);
        var errors = Validate(q, today);
        if (errors.Any) return errors.ToFailure();
        var (from, to) = Period(q, today);
        // The records of the period (and focus: their projects', read as the records are — by the filter, or by the scope written out).
        IQueryable<ProjectActivity> InPeriod(IQueryable<ProjectActivity> set, IQueryable<Project> projects)
        {
            var within = set.Counted().Under(q.Area).Where(a => a.HeldOn >= from && a.HeldOn <= to);
            return q.Focus is { } focus ? within.Where(a => projects.Any(p => p.Id == a.ProjectId && p.Focus == focus)) : within;
        }
        var records = InPeriod(db.Set<ProjectActivity>(), db.Set<Project>());
        // One pass over the period's records, grouped by project and kind (a few thousand groups for a city's year): the kinds'
        // figures, each project's share and the number of projects all fold from it, where three scans of the records did.
        var cells = await records.GroupBy(a => new { a.ProjectId, a.Kind }).Select(g => new
        {
            g.Key.ProjectId, g.Key.Kind, Times = g.Count(), Heads = g.Sum(a => a.HeadCount), Party = g.Sum(a => a.PartyWorkers), Social = g.Sum(a => a.SocialWorkers),
            Volunteers = g.Sum(a => a.Volunteers),
        }).ToListAsync(ct);
        var kinds = cells.GroupBy(c => c.Kind).Select(g => new
        {
            g.Key, Times = g.Sum(c => c.Times), Heads = g.Sum(c => c.Heads), Party = g.Sum(c => c.Party), Social = g.Sum(c => c.Social), Volunteers = g.Sum(c => c.Volunteers),
        }).ToList();
        // The people of those records. A beneficiary lies in its record's area, so the records bound them: with the scope written
        // out on the records (the scope filter is set aside for the whole query), the beneficiaries are read by the records' ids
        // alone and their (ServiceRecordId, ResidentId) key answers without reading a row — with the filter, each of the
        // hundreds of thousands of beneficiaries of a county's year was read for its area code.
        var scoped = InPeriod(db.Set<ProjectActivity>().IgnoreQueryFilters([AppDb.ScopeFilter]).WithinArea(a => a.AreaCode, db.Actor.Scope),
            db.Set<Project>().IgnoreQueryFilters([AppDb.ScopeFilter]).WithinArea(p => p.AreaCode, db.Actor.Scope));
        var people = await db.Set<ServiceBeneficiary>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(b => scoped.Select(a => a.ServiceRecordId).Contains(b.ServiceRecordId))
            .Select(b => b.ResidentId).Distinct().CountAsync(ct);
        var perProject = cells.GroupBy(c => c.ProjectId).Select(g => new { g.Key, Records = g.Sum(c => c.Times), Heads = g.Sum(c => c.Heads) })
            .OrderByDescending(x => x.Records).ThenBy(x => x.Key).Take(200).ToList();
        var ids = perProject.Select(x => x.Key).ToList();
        var projects = await db.Set<Project>().Where(p => ids.Contains(p.Id)).Select(p => new { p.Id, p.ProjectNo, p.Title, p.OrganizationName }).ToDictionaryAsync(p => p.Id, ct);
        var projectCount = cells.Select(c => c.ProjectId).Distinct().Count();
        // The paragraph names its area: the one asked, or the user's own (a paragraph pasted into a report says where).
        var named = !string.IsNullOrWhiteSpace(q.Area) ? Platform.Areas.AreaCode.Normalize(q.Area) : user.Active?.AreaCode;
        var areaName = named is { } c12 && (await AreaNames.LookupAsync(db, [c12], ct)).GetValueOrDefault(c12, "") is { Length: > 0 } found ? found : "本辖区";
        var lines = kinds.OrderBy(k => k.Key).Select(k => new KindLine(k.Key, k.Times, k.Heads, ProjectRules.UnitOf(k.Key))).ToList();
        var heads = kinds.Sum(k => k.Heads);
        var (party, social, volunteers) = (kinds.Sum(k => k.Party), kinds.Sum(k => k.Social), kinds.Sum(k => k.Volunteers));
        var byProject = perProject.Where(x => projects.ContainsKey(x.Key)).Select(x =>
        {
            var p = projects[x.Key];
            return new ProjectLine(p.Id, p.ProjectNo, p.Title, p.OrganizationName, x.Records, x.Heads);
        }).ToList();
        return new Outcomes(areaName, from, to, q.Focus, projectCount, lines, people, heads, party, social, volunteers, byProject,
            Narrative(areaName, from, to, q.Focus, projectCount, lines, people, heads, party, social, volunteers));
    }

    /// <summary>
    /// The paragraph, in Chinese as the reports are: "2026年1月1日至2026年12月1日，沙河街道共有2个养老服务项目开展服务，其中入户探访40次、…；服务登记
    /// 居民38人，开放活动参与约962人次；党工16人次、社工47人次、志工54人次参与服务。" — or that no project served in the period.
    /// </summary>
    public static string Narrative(string area, DateOnly from, DateOnly to, FocusArea? focus, int projects, IReadOnlyList<KindLine> kinds, int people, int heads,
        int party, int social, int volunteers)
    {
        var period = $"{from.Year}年{from.Month}月{from.Day}日至{to.Year}年{to.Month}月{to.Day}日";
        var what = focus is { } f ? ChineseFocus(f) + "项目" : "项目";
        if (projects == 0) return $"{period}，{area}暂无{what}开展服务。";
        var parts = string.Join("、", kinds.Select(k => $"{ChineseKind(k.Kind)}{k.Times}{k.Unit}"));
        var reach = heads > 0 ? $"服务登记居民{people}人，开放活动参与约{heads}人次" : $"服务登记居民{people}人";
        return $"{period}，{area}共有{projects}个{what}开展服务，其中{parts}；{reach}；党工{party}人次、社工{social}人次、志工{volunteers}人次参与服务。";
    }

    /// <summary>The kind's name in Chinese whatever the reader's language (the paragraph is the reports' own).</summary>
    static string ChineseKind(ServiceKind k) => InChinese(() => ServiceRecord.KindLabel(k));

    static string ChineseFocus(FocusArea f) => InChinese(() => Organization.FocusLabel(f));

    static string InChinese(Func<string> label)
    {
        var reader = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("zh-CN");
        try
        {
            return label();
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = reader;
        }
    }
}
