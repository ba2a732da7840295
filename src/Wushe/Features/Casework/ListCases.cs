using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Casework;

/// <summary>
/// 个案列表: the cases in the user's scope with their stage, worker, client (name masked: 张*丰), days open and next action;
/// filters by stage, worker, area (tree) and "awaiting approval"; search by case number or the client's name; sorted; paged.
/// </summary>
public static class ListCases
{
    public sealed record Query(string? Area = null, string? Keyword = null, [Label("阶段", "Stage")] CaseStatus? Status = null,
        [Label("负责社工", "Worker")] Guid? WorkerId = null, [Label("待审批", "Awaiting approval")] bool? Pending = null, string? Sort = null,
        [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null) : IPagedQuery, IAreaFilteredQuery, ISortedQuery
    {
        /// <summary>"opened" (the default: newest first), "no" (case number), "days" (open longest first), "stage".</summary>
        public IReadOnlyList<string> SortKeys => Sorts;
    }

    public static readonly IReadOnlyList<string> Sorts = ["opened", "no", "days", "stage"];

    /// <summary>A case as the list shows it: <c>clientName</c> masked; <c>daysOpen</c> from opening to today (China) or to the closure.</summary>
    public sealed record Row(Guid Id, string CaseNo, Guid ResidentId, string ClientName, string AreaCode, string WorkerName, Guid? WorkerId,
        CaseStatus Status, DateOnly OpenedOn, int DaysOpen, CaseStepKind? Pending, bool Referred, string NextAction);

    public static async Task<PageOf<Row>> Handle(AppDb db, TimeProvider clock, Query q, CancellationToken ct = default)
    {
        var cases = db.Cases().Under(q.Area);
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var k = q.Keyword.Trim();
            var named = await NamedResidents.MatchAsync(db, k, ct);
            cases = cases.Where(c => c.CaseNo.Contains(k) || named.InScope.Contains(c.ResidentId) || named.ReferredIn.Contains(c.ResidentId));
        }
        if (q.Status is { } status) cases = cases.Where(c => c.Status == status);
        if (q.WorkerId is { } worker) cases = cases.Where(c => c.WorkerId == worker);
        if (q.Pending == true) cases = cases.Where(c => db.Set<CaseStep>().Any(s => s.CaseId == c.Id && s.Status == StepStatus.Submitted));
        if (q.Pending == false) cases = cases.Where(c => !db.Set<CaseStep>().Any(s => s.CaseId == c.Id && s.Status == StepStatus.Submitted));
        cases = q.Sort switch
        {
            "no" => cases.OrderBy(c => c.CaseNo).ThenBy(c => c.Id),
            "days" => cases.OrderBy(c => c.Status == CaseStatus.Closed).ThenBy(c => c.OpenedOn).ThenBy(c => c.Id),
            "stage" => cases.OrderBy(c => c.Status).ThenByDescending(c => c.OpenedOn).ThenBy(c => c.Id),
            _ => cases.OrderByDescending(c => c.OpenedOn).ThenByDescending(c => c.CaseNo).ThenBy(c => c.Id),
        };
        var page = await cases.Select(c => new
        {
            c.Id, c.CaseNo, c.ResidentId, c.AreaCode, c.WorkerName, c.WorkerId, c.Status, c.OpenedOn, c.ClosedOn,
            Pending = db.Set<CaseStep>().Where(s => s.CaseId == c.Id && s.Status == StepStatus.Submitted).Select(s => (CaseStepKind?)s.Kind).FirstOrDefault(),
            Referred = db.Set<CaseReferral>().Any(r => r.CaseId == c.Id && r.Status == ReferralStatus.Pending),
        }).ToPageAsync(q.Page, q.Size, ct);
        var names = await ClientNames(db, page.Items.Select(i => i.ResidentId), ct);
        var today = ChinaTime.Today(clock);
        return new PageOf<Row>(page.Items.Select(c => new Row(c.Id, c.CaseNo, c.ResidentId, Mask.Name(names.GetValueOrDefault(c.ResidentId, "")), c.AreaCode,
            c.WorkerName, c.WorkerId, c.Status, c.OpenedOn, (c.ClosedOn ?? today).DayNumber - c.OpenedOn.DayNumber, c.Pending, c.Referred,
            CaseRules.NextAction(c.Status, c.Pending, c.Referred))).ToList(), page.Total, page.Page, page.Size);
    }

    /// <summary>
    /// The clients' names of cases the caller has in scope, by resident id. A case referred in keeps its client in the
    /// referring community, outside the receiver's scope: the ids come from cases in scope, so the name is the case's own.
    /// </summary>
    public static Task<Dictionary<Guid, string>> ClientNames(AppDb db, IEnumerable<Guid> residentIds, CancellationToken ct)
    {
        var ids = residentIds.Distinct().ToList();
        return db.Set<Resident>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, r => r.Name, ct);
    }
}
