using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform.Localization;

namespace Wushe.Features.Needs;

/// <summary>
/// The rules of a need's life cycle, pure: which status may follow which (<see cref="Refusal"/>), when a need is overdue
/// (<see cref="IsOverdue"/>), and its deadlines from the area's <see cref="NeedTimeLimits"/>. Pages show actions by these
/// rules and the use cases refuse by them (409), so the two never differ.
/// </summary>
public static class NeedRules
{
    /// <summary>The statuses in which the resolution deadline counts (accepted, matched, in progress).</summary>
    public static readonly NeedStatus[] Open = [NeedStatus.Accepted, NeedStatus.Matched, NeedStatus.InProgress];

    /// <summary>The statuses in which a need can be matched (again: a need may have several matches).</summary>
    public static bool MayMatch(NeedStatus s) => Open.Contains(s);

    /// <summary>The steps the staff of an organization take on a need matched to it: they carry it out (办理中) and resolve it (解决).</summary>
    public static readonly NeedStatus[] OrganizationSteps = [NeedStatus.InProgress, NeedStatus.Resolved];

    /// <summary>
    /// Why a need in <paramref name="from"/> may not move to <paramref name="to"/>; null when it may. <paramref name="organization"/>:
    /// the organization the actor acts for (organization staff, on a need matched to it — the use case finds only those); such
    /// an actor only moves the need on from 对接 to 办理中 and to 解决 (<see cref="OrganizationSteps"/>), by the same life cycle
    /// as the station; accepting, rejecting, following up and closing stay with the community and station.
    /// </summary>
    public static string? Refusal(NeedStatus from, NeedStatus to, Guid? organization = null)
    {
        if (organization is not null && !OrganizationSteps.Contains(to))
            return Lang.T("社会组织只能将转介给本机构的需求改为“办理中”或“解决”", "An organization moves a need referred to it to in progress or resolved only");
        if (from == to) return Lang.T($"该需求已是“{Need.StatusLabel(to)}”状态", $"The need is already {Need.StatusLabel(to)}");
        if (from is NeedStatus.Rejected or NeedStatus.Closed)
            return Lang.T(from == NeedStatus.Closed ? "该需求已办结，不能再办理" : "该需求已不予受理，不能再办理", $"The need is {Need.StatusLabel(from)}: nothing more can be done with it");
        var allowed = (from, to) switch
        {
            (NeedStatus.Submitted, NeedStatus.Accepted or NeedStatus.Rejected) => true,
            (NeedStatus.Accepted, NeedStatus.Matched) => true,
            (NeedStatus.Accepted or NeedStatus.Matched or NeedStatus.InProgress, NeedStatus.Resolved) => from != NeedStatus.Accepted,
            (NeedStatus.Matched, NeedStatus.InProgress) => true,
            (NeedStatus.Resolved, NeedStatus.FollowedUp) => true,
            (NeedStatus.FollowedUp, NeedStatus.Closed) => true,
            _ => false,
        };
        if (allowed) return null;
        return (from, to) switch
        {
            (NeedStatus.Submitted, _) => Lang.T("需求尚未受理，请先受理或不予受理", "The need has not been accepted yet: accept or reject it first"),
            (NeedStatus.Accepted, NeedStatus.InProgress or NeedStatus.Resolved) =>
                Lang.T("需求尚未对接，请先对接项目、社会组织等资源，或选择“直接解决”", "The need is not matched yet: match it to a resource first, or choose \"resolved directly\""),
            (_, NeedStatus.FollowedUp) => Lang.T("需求解决后才能回访", "A need is followed up once it is resolved"),
            (_, NeedStatus.Closed) => Lang.T("需求回访并评价满意度后才能办结", "A need is closed once it has been followed up and rated"),
            _ => Lang.T($"“{Need.StatusLabel(from)}”的需求不能改为“{Need.StatusLabel(to)}”", $"A need that is {Need.StatusLabel(from)} cannot become {Need.StatusLabel(to)}"),
        };
    }

    /// <summary>The steps the actor may take now on a need in <paramref name="status"/> (by <see cref="Refusal"/>): what a page offers and the API lists.</summary>
    public static IReadOnlyList<NeedStatus> MayMoveTo(NeedStatus status, Guid? organization = null) =>
        [.. (organization is null ? [NeedStatus.Accepted, NeedStatus.Rejected, NeedStatus.InProgress, NeedStatus.Resolved, NeedStatus.Closed] : OrganizationSteps)
            .Where(to => Refusal(status, to, organization) is null)];

    /// <summary>Not accepted by <paramref name="acceptDueAt"/> while submitted, or not resolved by <paramref name="resolveDueAt"/> while open.</summary>
    public static bool IsOverdue(NeedStatus status, DateTimeOffset acceptDueAt, DateTimeOffset? resolveDueAt, DateTimeOffset now) =>
        (status == NeedStatus.Submitted && acceptDueAt < now) || (Open.Contains(status) && resolveDueAt < now);

    /// <summary>
    /// The time limits that apply in <paramref name="areaCode"/> (12 digits): of the area and every area above it that set
    /// some, the strictest of each (thresholds tighten going down, DONE.md 10: a township may shorten its county's limits, never
    /// lengthen them, and a county that shortens its own binds its townships at once); the platform's defaults where none did.
    /// The result's <see cref="NeedTimeLimits.AreaCode"/> is the nearest area that set any (000000000000: none), and its
    /// version that area's own.
    /// </summary>
    public static async Task<NeedTimeLimits> LimitsFor(AppDb db, string areaCode, CancellationToken ct = default)
    {
        var owners = TargetGroups.Ancestors(areaCode).Skip(1).Distinct().ToList();
        var set = (await db.Set<NeedTimeLimits>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking()
            .Where(s => owners.Contains(s.AreaCode)).ToListAsync(ct)).OrderBy(s => owners.IndexOf(s.AreaCode)).ToList();
        return Strictest(set);
    }

    /// <summary>The strictest of each limit over <paramref name="set"/> (nearest first), pure; the defaults when it is empty.</summary>
    public static NeedTimeLimits Strictest(IReadOnlyList<NeedTimeLimits> set)
    {
        if (set.Count == 0) return NeedTimeLimits.Defaults;
        var nearest = set[0];
        var strictest = new NeedTimeLimits(nearest.AreaCode, set.Min(s => s.NormalAcceptHours), set.Min(s => s.NormalResolveDays), set.Min(s => s.UrgentAcceptHours),
            set.Min(s => s.UrgentResolveDays), set.Min(s => s.CriticalAcceptHours), set.Min(s => s.CriticalResolveDays), nearest.UpdatedAt);
        strictest.KeepVersion(nearest.Version);
        return strictest;
    }

    /// <summary>The next need number of the township of <paramref name="areaCode"/> in <paramref name="year"/> across the platform (a need moves with nobody: the scope could hide none, but the number must not depend on it).</summary>
    public static async Task<string> NextNumberAsync(AppDb db, string areaCode, int year, CancellationToken ct = default)
    {
        var prefix = $"XQ{areaCode[..9]}{year}";
        var last = await db.Set<Need>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(n => n.NeedNo.StartsWith(prefix))
            .OrderByDescending(n => n.NeedNo).Select(n => n.NeedNo).FirstOrDefaultAsync(ct);
        var next = (last is not null && int.TryParse(last[prefix.Length..], out var n) ? n : 0) + 1;
        return $"{prefix}{next:00000}";
    }

    /// <summary>
    /// A new need, numbered, with its acceptance deadline from the area's limits and its first step (提交), added to
    /// <paramref name="db"/> (not saved). The one writer of new needs: the staff's form, the residents' page and a visit.
    /// </summary>
    public static async Task<Need> AddAsync(AppDb db, string areaCode, Guid? householdId, Guid? residentId, NeedCategory category, NeedUrgency urgency,
        string title, string description, NeedSource source, Guid? sourceId, Guid? raisedById, string raisedByName, DateTimeOffset now, CancellationToken ct = default)
    {
        var limits = await LimitsFor(db, areaCode, ct);
        var number = await NextNumberAsync(db, areaCode, now.ToOffset(Platform.ChinaTime.Offset).Year, ct);
        var need = new Need(areaCode, number, householdId, residentId, category, urgency, title, description, source, sourceId, raisedById, raisedByName,
            now, now.AddHours(limits.AcceptHours(urgency)));
        db.Add(need);
        db.Add(new NeedStep(need, NeedStatus.Submitted, now, raisedById, raisedByName, ""));
        return need;
    }

    /// <summary>A title from a description, for needs raised without one (a visit's finding): its first 30 characters.</summary>
    public static string TitleFrom(string description)
    {
        var line = description.Trim().Split('\n')[0].Trim();
        return line.Length <= 30 ? line : line[..30] + "…";
    }
}

/// <summary>Saving a change to a need that someone else changed meanwhile (its <see cref="Need.Version"/>): 409, nothing saved.</summary>
public static class NeedSaves
{
    public static async Task<Platform.Outcomes.Failure?> SaveAsync(AppDb db, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return null;
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Platform.Outcomes.Failure.Conflict(Lang.T("该需求刚被他人办理，您的操作未保存，请刷新后查看",
                "Someone else dealt with this need a moment ago; nothing of yours was saved: reload to see it"));
        }
    }

    /// <summary>409 when the request names a version that is not the need's (the page was stale); null when none is named or it matches.</summary>
    public static Platform.Outcomes.Failure? Stale(Need need, int? version) => version is { } v && v != need.Version
        ? Platform.Outcomes.Failure.Conflict(Lang.T("该需求已被他人办理，请刷新后查看", "The need changed since you opened it; reload to see it"))
        : null;
}
