using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;

namespace Wushe.Features.Workforce;

/// <summary>
/// 社工名册: the social workers of the user's scope (organization staff: their organization's) — by area (tree), keyword (name or
/// employer; a full ID or mobile number finds its holder exactly, by keyed hash), level, registration state
/// (<see cref="RegistrationState"/> on today's China date: who is due, overdue, lapsed; Unqualified holds no level), employer kind and status
/// (none: in post and left — people known from an exam only, 未在岗（考生）, when asked for or found by their full ID); sorted (entered —
/// newest first, the default —, name, level); paged. Phones masked; ID numbers never listed.
/// </summary>
public static class ListSocialWorkers
{
    public sealed record Query(string? Area = null, string? Keyword = null, [Label("职业资格", "Level")] SocialWorkLevel? Level = null,
        [Label("登记状态", "Registration")] RegistrationState? State = null, [Label("单位类型", "Employer kind")] EmployerKind? Employer = null,
        [Label("在岗状态", "Status")] SocialWorkerStatus? Status = null, Guid? Station = null,
        string? Sort = null, [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null)
        : IPagedQuery, IAreaFilteredQuery, ISortedQuery
    {
        /// <summary>"entered" (newest first, the default), "name", "level" (highest first).</summary>
        public IReadOnlyList<string> SortKeys => Sorts;
    }

    public static readonly IReadOnlyList<string> Sorts = ["entered", "name", "level"];

    public sealed record Row(Guid Id, string Name, Sex Sex, int Age, string AreaCode, string AreaName, EmployerKind? EmployerKind, string EmployerName,
        string Post, string Phone, SocialWorkLevel? Level, RegistrationState State, DateOnly? RegisteredUntil, SocialWorkerStatus Status, bool HasAccount);

    sealed record Found(Guid Id, string Name, Sex Sex, DateOnly BirthDate, string AreaCode, EmployerKind? EmployerKind, string EmployerName, string Post,
        string? Phone, SocialWorkLevel? Level, DateOnly? QualifiedOn, DateOnly? RegisteredUntil, SocialWorkerStatus Status, bool HasAccount);

    public static async Task<PageOf<Row>> Handle(AppDb db, Sealer sealer, TimeProvider clock, Query q, CancellationToken ct = default)
    {
        var today = ChinaTime.Today(clock);
        var workers = Filter(db, sealer, today, q);
        workers = q.Sort switch
        {
            "name" => workers.OrderBy(w => w.Name).ThenBy(w => w.Id),
            "level" => workers.OrderByDescending(w => w.Level).ThenBy(w => w.Name).ThenBy(w => w.Id),
            _ => workers.OrderByDescending(w => w.CreatedAt).ThenByDescending(w => w.Id),
        };
        var found = await workers.Select(w => new Found(w.Id, w.Name, w.Sex, w.BirthDate, w.AreaCode, w.EmployerKind, w.EmployerName, w.Post,
            w.Phone == null ? null : w.Phone.Masked, w.Level, w.QualifiedOn, w.RegisteredUntil, w.Status, w.UserId != null)).ToPageAsync(q.Page, q.Size, ct);
        var names = await AreaNames.LookupAsync(db, found.Items.Select(f => f.AreaCode).Distinct(), ct);
        return new PageOf<Row>(found.Items.Select(f => new Row(f.Id, f.Name, f.Sex, ChinaTime.AgeOn(f.BirthDate, today), f.AreaCode,
            names.GetValueOrDefault(f.AreaCode, ""), f.EmployerKind, f.EmployerName, f.Post, f.Phone ?? "", f.Level,
            WorkforceRules.StateOf(f.Level, f.QualifiedOn, f.RegisteredUntil, today), f.RegisteredUntil, f.Status, f.HasAccount)).ToList(),
            found.Total, found.Page, found.Size);
    }

    /// <summary>The query's conditions (the list's and the export's one rule), unordered.</summary>
    public static IQueryable<SocialWorker> Filter(AppDb db, Sealer sealer, DateOnly today, Query q)
    {
        var workers = db.Set<SocialWorker>().Under(q.Area);
        var exact = false;
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var keyword = q.Keyword.Trim();
            if (ResidentId.IsValid(keyword, today))
            {
                var hash = sealer.Hash(SensitiveKind.IdNumber, ResidentId.Normalize(keyword));
                workers = workers.Where(w => w.IdNumber.Hash == hash);
                exact = true;
            }
            else if (Mobile.IsValid(keyword))
            {
                var hash = sealer.Hash(SensitiveKind.Phone, Mobile.Normalize(keyword));
                workers = workers.Where(w => w.Phone!.Hash == hash);
                exact = true;
            }
            else workers = workers.Where(w => w.Name.Contains(keyword) || w.EmployerName.Contains(keyword));
        }
        if (q.Level is { } level) workers = workers.Where(w => w.Level == level);
        if (q.State is { } state) workers = workers.InState(state, today);
        if (q.Employer is { } kind) workers = workers.Where(w => w.EmployerKind == kind);
        if (q.Status is { } status) workers = workers.Where(w => w.Status == status);
        // People known from an exam only are listed when asked for (or found by their full ID), not among the workforce.
        else if (!exact) workers = workers.Where(w => w.Status != SocialWorkerStatus.Candidate);
        if (q.Station is { } station) workers = workers.Where(w => w.StationId == station);
        return workers;
    }
}
