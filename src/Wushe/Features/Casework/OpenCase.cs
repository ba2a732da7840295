using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Features.Stations;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Casework;

/// <summary>
/// 开案: open a case for a resident in the user's scope: the presenting problem, the responsible worker (the user when none
/// is chosen; else a station worker or community staff member of the resident's place, <see cref="Workers"/>), the day it
/// was opened (China date, not in the future). The case number is <c>GA</c> + the township's 9 digits + the year + a
/// 4-digit sequence (GA1502070012026 0001), unique across the platform by an index; two opens racing for one number retry.
/// </summary>
public static class OpenCase
{
    public sealed record Request
    {
        [Label("服务对象", "Client")] public Guid? ResidentId { get; init; }
        [Label("接案问题", "Presenting problem")] public string? Problem { get; init; }
        [Label("负责社工", "Worker")] public Guid? WorkerId { get; init; }
        [Label("开案日期", "Opened on")] public DateOnly? OpenedOn { get; init; }
    }

    public sealed record Opened(Guid Id, string CaseNo);

    public static Errors Validate(Request r, TimeProvider clock)
    {
        var errors = new Errors().Text("problem", r.Problem, "接案问题", "Presenting problem", 2, 2000);
        if (r.ResidentId is null) errors.Add("residentId", Lang.T("请选择服务对象", "Please choose the client"));
        if (r.OpenedOn is not { } d) errors.Add("openedOn", Lang.T("开案日期不能为空", "The opening date is required"));
        else if (d > ChinaTime.Today(clock)) errors.Add("openedOn", Lang.T("开案日期不能晚于今天", "The opening date cannot be in the future"));
        else if (d < new DateOnly(2000, 1, 1)) errors.Add("openedOn", Lang.T("开案日期不正确", "The opening date is not valid"));
        return errors;
    }

    public static async Task<Result<Opened>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Request r, CancellationToken ct = default)
    {
        var errors = Validate(r, clock);
        var resident = r.ResidentId is { } rid ? await db.Set<Resident>().FirstOrDefaultAsync(x => x.Id == rid, ct) : null;
        if (r.ResidentId is not null && resident is null)
            errors.Add("residentId", Lang.T("服务对象不存在或不在您的管辖范围内", "The client does not exist or lies outside your area"));
        else if (resident is { Status: not ResidentStatus.Active })
            errors.Add("residentId", Lang.T("服务对象已迁出或已故，不能开案", "The client has moved out or died; no case can be opened"));
        if (resident is not null && r.OpenedOn is { } opened && !errors.Has("openedOn")
            && await HouseholdLookups.Household(db, resident.HouseholdId, ct) is { } household && opened < HouseholdLookups.RegisteredOn(household))
            errors.Add("openedOn", Lang.T($"开案日期不能早于家庭户登记日期（{ChinaTime.Format(HouseholdLookups.RegisteredOn(household))}）",
                $"The opening date cannot be before the household was registered ({ChinaTime.Format(HouseholdLookups.RegisteredOn(household))})"));
        Workers.Worker? worker = null;
        if (resident is not null && r.WorkerId is not null) worker = await Workers.CheckAsync(db, r.WorkerId, resident.AreaCode, errors, ct);
        if (errors.Any) return errors.ToFailure();
        // One open case per person on the platform (a case referred away is still open, at the receiving station).
        if (await db.Cases().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(c => c.ResidentId == resident!.Id && c.Status != CaseStatus.Closed)
                .Select(c => c.CaseNo).FirstOrDefaultAsync(ct) is { } open)
            return Failure.Conflict(Lang.T($"该居民已有在办个案（{open}），请在原个案中继续服务", $"This resident already has an open case ({open}): continue in it"));

        var name = await Workers.NameAsync(db, user, ct);
        worker ??= new Workers.Worker(user.Id ?? Guid.Empty, name);
        var township = CaseRules.TownshipOf(resident!.AreaCode);
        var stationId = await db.Stations.Where(s => s.AreaCode == township && s.Level == StationLevel.TownshipStation)
            .Select(s => (Guid?)s.Id).FirstOrDefaultAsync(ct);
        var prefix = $"GA{township[..9]}{r.OpenedOn!.Value.Year}";
        for (var attempt = 0; ; attempt++)
        {
            // The last number of the township's year across the platform: a case referred away keeps its number, so the
            // scope (which no longer sees it) must not decide the next one. Only the number is read.
            var last = await db.Cases().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(c => c.CaseNo.StartsWith(prefix))
                .OrderByDescending(c => c.CaseNo).Select(c => c.CaseNo).FirstOrDefaultAsync(ct);
            var next = (last is not null && int.TryParse(last[prefix.Length..], out var n) ? n : 0) + 1;
            var c = new Case($"{prefix}{next:0000}", resident.AreaCode, resident.Id, resident.HouseholdId, stationId, r.Problem!.Trim(),
                worker.Id == Guid.Empty ? null : worker.Id, worker.Name, r.OpenedOn.Value, clock.GetUtcNow());
            db.Add(c);
            // Two opens in one township at one moment take the same number: the unique index refuses the second, which tries the next.
            if (await db.SaveOrFindDuplicateAsync(ct) is not { } columns) return new Opened(c.Id, c.CaseNo);
            if (!columns.Contains(nameof(Case.CaseNo)) || attempt >= 8) return UniqueKeys.Conflict();
        }
    }
}
