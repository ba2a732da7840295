using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Households;

/// <summary>
/// 迁移: a household moves — or is corrected — to another community or village in the mover's scope, with its new address and
/// the day (review7c 32). What describes the household and its people moves with it: the household, every member (those who
/// left too), their tags and consents, its card history; the figures that count households (lists, overdue per township, home)
/// read <see cref="Household.AreaCode"/> and follow at once. What records work done stays where it was done: visits, service
/// records and their tallies (<see cref="ServiceTally"/>: by the area of the service), cases and guardianship assessments (a
/// case stays with its station until referred), needs raised. The responsible worker is kept when still a candidate for the new
/// community (<see cref="Workers.CandidatesAsync"/>: a station worker of the same township), cleared otherwise (the new station
/// assigns one); the card is kept when the new community has the same scheme (<see cref="CardSchemes.For"/>), cleared otherwise
/// (visited quarterly until that scheme's card is given). The household keeps the day and the community it came from
/// (<see cref="Household.MovedOn"/>, <see cref="Household.MovedFromAreaCode"/>: shown on its page); the audit row names the
/// old and the new community. A move across townships needs both in the mover's scope (a county's station, 县级社工总站; a station
/// worker of one township cannot push a household into another: the new community does not exist for them).
/// </summary>
public static class MoveHousehold
{
    public sealed record Request(
        [Label("迁入社区（村）", "New community")] string? AreaCode,
        [Label("新家庭住址", "New address")] string? Address,
        [Label("迁移日期", "Moved on")] DateOnly? MovedOn,
        [Label("迁移说明", "Note")] string? Note = null,
        [Label("版本", "Version")] int? Version = null);

    /// <summary>Where the household is now; whether the worker and the card stayed.</summary>
    public sealed record Moved(Guid Id, string AreaCode, Guid? WorkerId, bool CardKept, bool WorkerCleared);

    public const int MaxNote = 200;

    /// <summary>The request's own rules, without the database.</summary>
    public static Errors Validate(Request r, DateOnly today)
    {
        var errors = new Errors();
        errors.Add("areaCode", RegisterHousehold.CheckArea(r.AreaCode));
        errors.Text("address", r.Address, "新家庭住址", "New address", 2, 200);
        HouseholdLookups.CheckDay(errors, "movedOn", "迁移日期", "The date", r.MovedOn, today);
        errors.Text("note", r.Note, "迁移说明", "Note", 0, MaxNote, required: false);
        return errors;
    }

    /// <summary>
    /// Whether <paramref name="user"/> has anywhere to move a household to: a scope wider than one community (a community's
    /// staff cannot reach another community; moving out of theirs is done by the township's station).
    /// </summary>
    public static bool MayMove(Platform.Access.CurrentUser user) =>
        user.Active is { } a && (user.Scope.All || Platform.Areas.AreaCode.LevelOf(a.AreaCode) != Platform.Areas.AreaLevel.Village);

    /// <summary>Why a closed household cannot move.</summary>
    public static string Closed => Lang.T("该家庭户已注销，不能迁移；如需迁移请先恢复", "The household is closed and cannot move; reopen it first");

    /// <summary>Why a community's staff cannot move a household (page and API alike).</summary>
    public static string OnlyTheStation => Lang.T("迁出本社区（村）由镇（街道）社工站办理，请联系社工站", "A move out of the community is done by the township's station; please contact the station");

    /// <summary>
    /// Moves the household. Failures: 404 out of scope; 403 for a user whose scope is one community (<see cref="MayMove"/>); 409 closed, or changed since <c>version</c> (the household's as read);
    /// 400 naming <c>areaCode</c> (a community or village; out of the mover's scope: the registration's message "不存在或不在您的
    /// 管辖范围内"; the community it is in already), <c>address</c> (2–200), <c>movedOn</c> (required, not in the future, not
    /// before registration or the last move: the day is named), <c>note</c> (up to 200).
    /// </summary>
    public static async Task<Result<Moved>> Handle(AppDb db, TimeProvider clock, Guid id, Request r, CancellationToken ct = default)
    {
        var household = await db.Set<Household>().FirstOrDefaultAsync(h => h.Id == id, ct);
        if (household is null) return Failure.NotFound();
        if (!MayMove(db.Actor)) return Failure.Forbidden(OnlyTheStation);
        if (household.Status == HouseholdStatus.Closed) return Failure.Conflict(Closed);
        if (r.Version is { } v && v != household.Version)
            return Failure.Conflict(Lang.T("该家庭户已被他人修改，请刷新后重试", "Someone else changed this household; reload and try again"));
        var errors = Validate(r, ChinaTime.Today(clock));
        // The last move, when there was one (on or after the registration), is the later bound and named as such.
        if (household.MovedOn is { } last && last >= HouseholdLookups.RegisteredOn(household) && r.MovedOn < last && !errors.Has("movedOn"))
            errors.Add("movedOn", Lang.T($"迁移日期不能早于上次迁移日期（{ChinaTime.Format(last)}）", $"The date cannot be before the last move ({ChinaTime.Format(last)})"));
        HouseholdLookups.NotBeforeRegistration(errors, "movedOn", "迁移日期", "The date", r.MovedOn, household);
        var code = errors.Has("areaCode") ? null : r.AreaCode!.Trim();
        // The scope filter: a community outside the mover's scope does not exist for them (the registration's message).
        var area = code is null ? null : await db.Areas.Where(a => a.Code == code).Select(a => a.Code).FirstOrDefaultAsync(ct);
        if (code is not null && area is null)
            errors.Add("areaCode", Lang.T("所选社区（村）不存在或不在您的管辖范围内", "The community does not exist or lies outside your area"));
        else if (area == household.AreaCode)
            errors.Add("areaCode", Lang.T("该户已在所选社区（村），请选择迁入的社区（村）", "The household is in that community already; choose the one it moves to"));
        if (errors.Any) return errors.ToFailure();

        var to = area!;
        var workerCleared = household.WorkerId is { } worker && (await Workers.CandidatesAsync(db, to, ct)).All(w => w.Id != worker);
        if (workerCleared) household.AssignWorker(null, "");
        var cardKept = household.CardSchemeId is null || (await CardSchemes.For(db, to, ct))?.Id == household.CardSchemeId;
        if (!cardKept) household.ClearCard();

        var members = await db.Set<Resident>().Where(m => m.HouseholdId == household.Id).ToListAsync(ct);
        foreach (var m in members) m.MoveTo(to);
        foreach (var t in await db.Set<ResidentTag>().Where(t => t.HouseholdId == household.Id).ToListAsync(ct)) t.MoveTo(to);
        var memberIds = members.Select(m => m.Id).ToList();
        foreach (var c in await db.Set<Consent>().Where(c => memberIds.Contains(c.ResidentId)).ToListAsync(ct)) c.MoveTo(to);
        foreach (var a in await db.Set<CardAssignment>().Where(a => a.HouseholdId == household.Id).ToListAsync(ct)) a.MoveTo(to);
        household.MoveTo(to, r.Address!.Trim(), r.MovedOn!.Value, r.Note?.Trim() ?? "");
        await db.SaveChangesAsync(ct);
        return new Moved(household.Id, household.AreaCode, household.WorkerId, cardKept, workerCleared);
    }

    /// <summary>A community's name with its township's ("市西街道 第1社区"): where a household moved from, which may lie outside the reader's scope now (area names are read by code).</summary>
    public static async Task<string> FromNameAsync(AppDb db, string from, CancellationToken ct = default)
    {
        var township = from[..9] + "000";
        var names = await AreaNames.LookupAsync(db, [from, township], ct);
        var name = names.GetValueOrDefault(from, from);
        // A community named after its township ("沙河街道第1社区") is not prefixed again (review7d 14).
        return names.TryGetValue(township, out var t) && !name.StartsWith(t, StringComparison.Ordinal) ? $"{t} {name}" : name;
    }
}
