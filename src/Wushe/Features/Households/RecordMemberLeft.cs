using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Households;

/// <summary>
/// 成员迁出或死亡: one member of a household moved out or died, on a China day (not in the future, not before the household
/// was registered or the member was born), with a note of up to 200 characters. The member is kept with the day (history,
/// visits and services stay) but is no longer active: not counted in the key-group figures (their target-group tags are
/// removed), not offered as seen on a visit, as a group member or for a case, and the household's member count drops.
/// The head cannot leave alone — make another member the head first, or close the household when everyone has left
/// (<see cref="EditHousehold.Close"/>). Failures: 404 out of scope; 400 naming <c>status</c>, <c>leftOn</c>, <c>note</c>;
/// 409 the household closed, the member already left, the member is the head.
/// </summary>
public static class RecordMemberLeft
{
    public sealed record Request(
        [Label("变动类型", "Change")] ResidentStatus? Status,
        [Label("变动日期", "Date")] DateOnly? LeftOn,
        [Label("说明", "Note")] string? Note = null);

    public const int MaxNote = 200;

    public static Errors Validate(Request r, DateOnly today)
    {
        var errors = new Errors();
        if (r.Status is not (ResidentStatus.MovedOut or ResidentStatus.Deceased))
            errors.Add("status", Lang.T("请选择变动类型：迁出或死亡", "Please choose: moved out or died"));
        HouseholdLookups.CheckDay(errors, "leftOn", "变动日期", "The date", r.LeftOn, today);
        errors.Text("note", r.Note, "说明", "Note", 0, MaxNote, required: false);
        return errors;
    }

    public static async Task<Result<Guid>> Handle(AppDb db, TimeProvider clock, Guid residentId, Request r, CancellationToken ct = default)
    {
        var resident = await db.Set<Resident>().FirstOrDefaultAsync(x => x.Id == residentId, ct);
        if (resident is null) return Failure.NotFound();
        var household = await db.Set<Household>().FirstAsync(h => h.Id == resident.HouseholdId, ct);
        var errors = Validate(r, ChinaTime.Today(clock));
        HouseholdLookups.NotBeforeRegistration(errors, "leftOn", "变动日期", "The date", r.LeftOn, household);
        if (r.LeftOn < resident.BirthDate && !errors.Has("leftOn"))
            errors.Add("leftOn", Lang.T("变动日期不能早于出生日期", "The date cannot be before the birth date"));
        if (errors.Any) return errors.ToFailure();
        if (household.Status == HouseholdStatus.Closed) return Failure.Conflict(Lang.T("该家庭户已注销，不能登记成员变动", "The household is closed: no member changes are recorded"));
        if (resident.Status != ResidentStatus.Active) return Failure.Conflict(Lang.T("该成员已登记迁出或死亡", "This member has already left or died"));
        if (resident.Relation == Relation.Head)
            return Failure.Conflict(Lang.T("户主迁出或死亡前，请先将另一位成员设为户主；全户迁出或死亡的，请注销家庭户",
                "Before the head leaves, make another member the head; when everyone has left, close the household"));

        resident.Leave(r.Status!.Value, r.LeftOn!.Value, r.Note?.Trim() ?? "");
        await db.Set<ResidentTag>().Where(t => t.ResidentId == residentId).LoadAsync(ct);
        foreach (var tag in db.Set<ResidentTag>().Local.Where(t => t.ResidentId == residentId).ToList()) db.Remove(tag);
        household.SetMemberCount(household.MemberCount - 1);
        await db.SaveChangesAsync(ct);
        return resident.Id;
    }
}
