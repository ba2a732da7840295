using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;

namespace Wushe.Features.Needs;

/// <summary>
/// 需求台账: the needs in the user's scope — by area (tree), number, title, requester (name, or a mobile number typed whole), status, category, urgency, source, overdue (not
/// accepted or not resolved in time, now), handler and organization (the needs referred to it, or answered by its projects of the scope); sorted (newest first, by deadline, by status, by urgency); paged.
/// The requester's name is masked (张*丰). Each row says its current deadline and whether it is overdue.
/// </summary>
public static class ListNeeds
{
    public sealed record Query(string? Area = null, string? Keyword = null, [Label("状态", "Status")] NeedStatus? Status = null,
        [Label("需求类别", "Category")] NeedCategory? Category = null, [Label("紧急程度", "Urgency")] NeedUrgency? Urgency = null,
        [Label("来源", "Source")] NeedSource? Source = null, [Label("超时", "Overdue")] bool? Overdue = null,
        [Label("承办人", "Handler")] Guid? HandlerId = null, string? Sort = null,
        [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null,
        [Label("承接机构", "Organization")] Guid? OrganizationId = null) : IPagedQuery, IAreaFilteredQuery, ISortedQuery
    {
        /// <summary>"raised" (default: newest first), "due" (the nearest deadline first), "status", "urgency" (most urgent first).</summary>
        public IReadOnlyList<string> SortKeys => Sorts;
    }

    public static readonly IReadOnlyList<string> Sorts = ["raised", "due", "status", "urgency"];

    /// <summary>A need as the list shows it: <c>dueAt</c> is the current stage's deadline (acceptance, then resolution; none once resolved).</summary>
    public sealed record Row(Guid Id, string NeedNo, string Title, NeedCategory Category, NeedUrgency Urgency, NeedSource Source, string AreaCode,
        string AreaName, NeedStatus Status, bool Verified, DateTimeOffset RaisedAt, string RequesterName, string HandlerName, DateTimeOffset? DueAt,
        bool Overdue, int? Satisfaction);

    sealed record Found(Guid Id, string NeedNo, string Title, NeedCategory Category, NeedUrgency Urgency, NeedSource Source, string AreaCode,
        NeedStatus Status, bool Verified, DateTimeOffset RaisedAt, string RequesterName, string? ResidentName, string HandlerName,
        DateTimeOffset AcceptDueAt, DateTimeOffset? ResolveDueAt, int? Satisfaction);

    /// <summary>The needs of the query but its status, paging and sort: what the status counts and the area counts read too.</summary>
    public static IQueryable<Need> Filtered(AppDb db, Sealer? sealer, Query q, DateTimeOffset now)
    {
        var needs = db.Set<Need>().Under(q.Area);
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            // The number, the title, the requester's or the person's name; a mobile number typed whole finds the requester by it
            // (a worker taking a call) through its keyed hash: the stored number is sealed.
            var k = q.Keyword.Trim();
            var upper = k.ToUpperInvariant();
            var hash = sealer is not null && Mobile.IsValid(k) ? sealer.Hash(SensitiveKind.Phone, Mobile.Normalize(k)) : null;
            needs = needs.Where(n => n.NeedNo.Contains(upper) || n.Title.Contains(k) || n.RequesterName.Contains(k)
                || db.Set<Households.Resident>().Any(r => r.Id == n.ResidentId && r.Name.Contains(k))
                || (hash != null && n.RequesterPhone!.Hash == hash));
        }
        if (q.Category is { } category) needs = needs.Where(n => n.Category == category);
        if (q.Urgency is { } urgency) needs = needs.Where(n => n.Urgency == urgency);
        if (q.Source is { } source) needs = needs.Where(n => n.Source == source);
        if (q.HandlerId is { } handler) needs = needs.Where(n => n.HandlerId == handler);
        if (q.Overdue is { } overdue) needs = needs.Where(OverdueAt(now, overdue));
        if (q.OrganizationId is { } org)
        {
            // Referred to the organization (需求对接 → 转介社会组织), or matched to a project it implements (a project of the user's scope).
            var projects = db.Set<Projects.Project>().Where(p => p.OrganizationId == org).Select(p => (Guid?)p.Id);
            needs = needs.Where(n => db.Set<NeedMatch>().Any(m => m.NeedId == n.Id
                && ((m.Kind == NeedMatchKind.Organization && m.TargetId == org) || (m.Kind == NeedMatchKind.Project && projects.Contains(m.TargetId)))));
        }
        return needs;
    }

    /// <summary><see cref="NeedRules.IsOverdue"/> as a predicate the database runs (or its negation).</summary>
    public static System.Linq.Expressions.Expression<Func<Need, bool>> OverdueAt(DateTimeOffset now, bool overdue = true) => overdue
        ? n => (n.Status == NeedStatus.Submitted && n.AcceptDueAt < now)
            || ((n.Status == NeedStatus.Accepted || n.Status == NeedStatus.Matched || n.Status == NeedStatus.InProgress) && n.ResolveDueAt < now)
        : n => !((n.Status == NeedStatus.Submitted && n.AcceptDueAt < now)
            || ((n.Status == NeedStatus.Accepted || n.Status == NeedStatus.Matched || n.Status == NeedStatus.InProgress) && n.ResolveDueAt < now));

    public static async Task<PageOf<Row>> Handle(AppDb db, Sealer sealer, TimeProvider clock, Query q, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var needs = Filtered(db, sealer, q, now);
        if (q.Status is { } status) needs = needs.Where(n => n.Status == status);
        // Every sort ends with the unique id: rows that tie keep one order between pages.
        needs = q.Sort switch
        {
            // The current deadline: acceptance while submitted, resolution while open; resolved and closed ones last.
            "due" => needs.OrderBy(n => n.Status == NeedStatus.Submitted ? 0 : n.Status == NeedStatus.Accepted || n.Status == NeedStatus.Matched || n.Status == NeedStatus.InProgress ? 1 : 2)
                .ThenBy(n => n.Status == NeedStatus.Submitted ? n.AcceptDueAt : n.ResolveDueAt).ThenBy(n => n.Id),
            "status" => needs.OrderBy(n => n.Status).ThenByDescending(n => n.RaisedAt).ThenBy(n => n.Id),
            "urgency" => needs.OrderByDescending(n => n.Urgency).ThenBy(n => n.AcceptDueAt).ThenBy(n => n.Id),
            _ => needs.OrderByDescending(n => n.RaisedAt).ThenBy(n => n.Id),
        };
        var found = await needs.Select(n => new Found(n.Id, n.NeedNo, n.Title, n.Category, n.Urgency, n.Source, n.AreaCode, n.Status, n.Verified, n.RaisedAt,
                n.RequesterName, db.Set<Households.Resident>().Where(r => r.Id == n.ResidentId).Select(r => r.Name).FirstOrDefault(), n.HandlerName,
                n.AcceptDueAt, n.ResolveDueAt, n.Satisfaction))
            .ToPageAsync(q.Page, q.Size, ct);
        var names = await AreaNames.LookupAsync(db, found.Items.Select(f => f.AreaCode).Distinct(), ct);
        return new PageOf<Row>(found.Items.Select(f =>
        {
            var due = f.Status == NeedStatus.Submitted ? f.AcceptDueAt : NeedRules.Open.Contains(f.Status) ? f.ResolveDueAt : null;
            var who = f.ResidentName ?? f.RequesterName;
            return new Row(f.Id, f.NeedNo, f.Title, f.Category, f.Urgency, f.Source, f.AreaCode, names.GetValueOrDefault(f.AreaCode, ""), f.Status, f.Verified,
                f.RaisedAt, who.Length > 0 ? Mask.Name(who) : "", f.HandlerName, due, NeedRules.IsOverdue(f.Status, f.AcceptDueAt, f.ResolveDueAt, now), f.Satisfaction);
        }).ToList(), found.Total, found.Page, found.Size);
    }

    /// <summary>How many needs of the query (its status aside) are in each status, and how many are overdue now: the list's tabs.</summary>
    public static async Task<Counts> CountAsync(AppDb db, Sealer? sealer, TimeProvider clock, Query q, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var filtered = Filtered(db, sealer, q with { Overdue = null }, now);
        var byStatus = await filtered.GroupBy(n => n.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var overdue = await filtered.Where(OverdueAt(now)).CountAsync(ct);
        return new Counts(byStatus, byStatus.Values.Sum(), overdue);
    }

    public sealed record Counts(IReadOnlyDictionary<NeedStatus, int> ByStatus, int All, int Overdue)
    {
        public int Of(NeedStatus s) => ByStatus.GetValueOrDefault(s);
    }
}
