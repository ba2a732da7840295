using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Organizations;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Needs;

/// <summary>
/// 转介给本机构的需求: the needs a community or station referred to the user's organization (a <see cref="NeedMatch"/> of kind
/// Organization naming it), for its staff to carry out — newest referral first, a page at a time. They lie in the needs' areas,
/// outside an organization's scope: read by the explicit predicate "matched to this organization" instead of the scope. What
/// the organization needs to act: the need's number, title, category, urgency, community, status and deadline, description,
/// the referral's note and who referred it; the requester's name masked (张*丰) and no phone — the referring worker
/// introduces them. Nothing for a user who acts for no organization. Its staff move such a need on from 对接 to 办理中 and to 解决
/// (<see cref="ChangeNeedStatus"/>, by <see cref="NeedRules.Refusal"/>): each row says which steps they may take now.
/// </summary>
public static class ReferredNeeds
{
    /// <summary><paramref name="MayMoveTo"/>: the steps the organization's staff may take now (<see cref="NeedRules.MayMoveTo"/>); <paramref name="Version"/> for them.</summary>
    public sealed record Row(Guid Id, string NeedNo, string Title, NeedCategory Category, NeedUrgency Urgency, string AreaName, NeedStatus Status,
        DateTimeOffset? ResolveDueAt, string Description, string RequesterName, DateTimeOffset ReferredAt, string ReferredByName, string Note,
        int Version, IReadOnlyList<NeedStatus> MayMoveTo);

    /// <summary>The needs matched to <paramref name="organization"/>, read outside the scope by that predicate (<see cref="ChangeNeedStatus"/> acts on them).</summary>
    public static IQueryable<Need> MatchedTo(AppDb db, Guid organization)
    {
        var matched = db.Set<NeedMatch>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(m => m.Kind == NeedMatchKind.Organization && m.TargetId == organization).Select(m => m.NeedId);
        return db.Set<Need>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(n => matched.Contains(n.Id));
    }

    /// <summary>A page of the list (size 10, 20, 50 or 100; default the first 20).</summary>
    public sealed record Query([Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null) : IPagedQuery;

    public static async Task<PageOf<Row>> Handle(AppDb db, CurrentUser user, Query q, CancellationToken ct = default)
    {
        var (page, size) = Paging.Normalize(q.Page, q.Size);
        if (OrganizationAccess.Own(user) is not { } organization) return new PageOf<Row>([], 0, page, size);
        var found = await db.Set<NeedMatch>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(m => m.Kind == NeedMatchKind.Organization && m.TargetId == organization)
            .OrderByDescending(m => m.At).ThenBy(m => m.Id).ToPageAsync(page, size, ct);
        var matches = found.Items;
        var ids = matches.Select(m => m.NeedId).Distinct().ToList();
        // The needs, read by the ids the matches above name (their areas lie outside the organization's scope).
        var needs = await db.Set<Need>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().Where(n => ids.Contains(n.Id)).ToDictionaryAsync(n => n.Id, ct);
        var names = await AreaNames.LookupAsync(db, needs.Values.Select(n => n.AreaCode).Distinct(), ct);
        // A suspended or deregistered organization reads its referred needs and takes no step (ChangeNeedStatus refuses them alike).
        var halted = await OrganizationAccess.ActingRefusalAsync(db, organization, ct) is not null;
        return new PageOf<Row>([.. matches.Where(m => needs.ContainsKey(m.NeedId)).Select(m =>
        {
            var n = needs[m.NeedId];
            return new Row(n.Id, n.NeedNo, n.Title, n.Category, n.Urgency, names.GetValueOrDefault(n.AreaCode, ""), n.Status, n.ResolveDueAt, n.Description,
                n.RequesterName.Length > 0 ? Mask.Name(n.RequesterName) : "", m.At, m.ByName, m.Note, n.Version, halted ? [] : NeedRules.MayMoveTo(n.Status, organization));
        })], found.Total, found.Page, found.Size);
    }
}
