using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Households;

/// <summary>Change a household's address; close it (迁出、注销: no longer visited, history kept, with its reason and day) or reopen it.</summary>
public static class EditHousehold
{
    /// <summary>The new address; <paramref name="Version"/>, when given (the household's as read), refuses a change made since with 409.</summary>
    public sealed record Request([Label("家庭住址", "Address")] string? Address, [Label("版本", "Version")] int? Version = null);

    public static Errors Validate(Request r) => new Errors().Text("address", r.Address, "家庭住址", "Address", 2, 200);

    public static async Task<Result<Guid>> Handle(AppDb db, Guid id, Request r, CancellationToken ct = default)
    {
        var household = await db.Set<Household>().FirstOrDefaultAsync(h => h.Id == id, ct);
        if (household is null) return Failure.NotFound();
        var errors = Validate(r);
        if (errors.Any) return errors.ToFailure();
        if (household.Status == HouseholdStatus.Closed) return Failure.Conflict(Lang.T("该家庭户已注销，不能修改", "The household is closed and cannot be changed"));
        if (r.Version is { } v && v != household.Version)
            return Failure.Conflict(Lang.T("该家庭户已被他人修改，请刷新后重试", "Someone else changed this household; reload and try again"));
        household.Edit(r.Address!.Trim());
        await db.SaveChangesAsync(ct);
        return household.Id;
    }

    /// <summary>注销: why (迁出 / 死亡 / 不再符合条件 / 其他, the note then saying what), and from which day (not in the future, not before registration).</summary>
    public sealed record CloseRequest(
        [Label("注销原因", "Reason")] ClosureReason? Reason,
        [Label("注销日期", "Closed on")] DateOnly? ClosedOn,
        [Label("注销说明", "Note")] string? Note = null);

    public const int MaxClosedNote = 200;

    public static Errors Validate(CloseRequest r, DateOnly today)
    {
        var errors = new Errors();
        if (r.Reason is null || !Enum.IsDefined(r.Reason.Value)) errors.Add("reason", Lang.T("请选择注销原因", "Please choose the reason"));
        errors.Text("note", r.Note, "注销说明", "Note", r.Reason == ClosureReason.Other ? 2 : 0, MaxClosedNote, required: r.Reason == ClosureReason.Other);
        if (r.ClosedOn is null) errors.Add("closedOn", Lang.T("注销日期不能为空", "The date is required"));
        else if (r.ClosedOn > today) errors.Add("closedOn", Lang.T("注销日期不能晚于今天", "The date cannot be in the future"));
        return errors;
    }

    /// <summary>
    /// 注销 a household: it leaves the visiting plan (no visits, members or card changes: 409), its history stays; the reason, day and
    /// note are kept and shown. Failures: 404 out of scope; 409 already closed; 400 naming <c>reason</c>, <c>note</c> (required for 其他),
    /// <c>closedOn</c> (not in the future, not before registration: the day is named).
    /// </summary>
    public static async Task<Result<Guid>> Close(AppDb db, TimeProvider clock, Guid id, CloseRequest r, CancellationToken ct = default)
    {
        var household = await db.Set<Household>().FirstOrDefaultAsync(h => h.Id == id, ct);
        if (household is null) return Failure.NotFound();
        if (household.Status == HouseholdStatus.Closed) return Failure.Conflict(Lang.T("该家庭户已注销", "This household is closed already"));
        var errors = Validate(r, ChinaTime.Today(clock));
        var registeredOn = HouseholdLookups.RegisteredOn(household);
        if (r.ClosedOn is { } on && !errors.Has("closedOn") && on < registeredOn)
            errors.Add("closedOn", Lang.T($"注销日期不能早于家庭户登记日期（{registeredOn:yyyy-MM-dd}）", $"The date cannot be before the household was registered ({registeredOn:yyyy-MM-dd})"));
        if (errors.Any) return errors.ToFailure();
        household.Close(r.Reason!.Value, r.ClosedOn!.Value, r.Note?.Trim() ?? "");
        // 迁出: the members hold their ID numbers here no more, so the new place can register them (ResidentFields.CheckIdNumberAsync).
        if (r.Reason == ClosureReason.MovedAway)
            foreach (var member in await db.Set<Resident>().Where(m => m.HouseholdId == household.Id && m.Status == ResidentStatus.Active && !m.IdNumberReleased).ToListAsync(ct))
                member.ReleaseIdNumber(true);
        await db.SaveChangesAsync(ct);
        return household.Id;
    }

    /// <summary>恢复: why (2–200 characters: a closing by mistake, the family came back …) and from which day.</summary>
    public sealed record ReopenRequest(
        [Label("恢复原因", "Reason")] string? Reason,
        [Label("恢复日期", "Reopened on")] DateOnly? ReopenedOn);

    public const int MaxReopenReason = 200;

    public static Errors Validate(ReopenRequest r, DateOnly today)
    {
        var errors = new Errors().Text("reason", r.Reason, "恢复原因", "Reason", 2, MaxReopenReason);
        if (r.ReopenedOn is null) errors.Add("reopenedOn", Lang.T("恢复日期不能为空", "The date is required"));
        else if (r.ReopenedOn > today) errors.Add("reopenedOn", Lang.T("恢复日期不能晚于今天", "The date cannot be in the future"));
        return errors;
    }

    /// <summary>
    /// 恢复: a closed household returns to the visiting plan, with the reason and the day kept on the household (shown on its
    /// page); the closing's reason, day and note are cleared, and the audit row names them (old → empty). The members of a
    /// household closed as moved away hold their ID numbers again. Failures: 404 out of scope; 409 not closed, or a member's ID
    /// number registered again elsewhere since (the member is named; that record is to be settled first); 400 naming
    /// <c>reason</c> (2–200) and <c>reopenedOn</c> (required, not in the future, not before the closing day: the day is named).
    /// </summary>
    public static async Task<Result<Guid>> Reopen(AppDb db, TimeProvider clock, Guid id, ReopenRequest r, CancellationToken ct = default)
    {
        var household = await db.Set<Household>().FirstOrDefaultAsync(h => h.Id == id, ct);
        if (household is null) return Failure.NotFound();
        if (household.Status == HouseholdStatus.Active) return Failure.Conflict(Lang.T("该家庭户未注销，无需恢复", "This household is not closed"));
        var errors = Validate(r, ChinaTime.Today(clock));
        if (r.ReopenedOn is { } on && !errors.Has("reopenedOn") && household.ClosedOn is { } closedOn && on < closedOn)
            errors.Add("reopenedOn", Lang.T($"恢复日期不能早于注销日期（{closedOn:yyyy-MM-dd}）", $"The date cannot be before the household was closed ({closedOn:yyyy-MM-dd})"));
        if (errors.Any) return errors.ToFailure();
        // Members released by a closing as 迁出 take their ID numbers back, unless registered again elsewhere meanwhile.
        var released = await db.Set<Resident>().Where(m => m.HouseholdId == household.Id && m.Status == ResidentStatus.Active && m.IdNumberReleased).ToListAsync(ct);
        foreach (var member in released)
        {
            var hash = member.IdNumber?.Hash;
            if (hash is not null && await db.Set<Resident>().IgnoreQueryFilters([AppDb.ScopeFilter])
                    .AnyAsync(o => o.IdNumber!.Hash == hash && o.Id != member.Id && !o.IdNumberReleased, ct))
                return Failure.Conflict(Lang.T($"成员{Platform.Sensitive.Mask.Name(member.Name)}已在其他家庭户重新登记，不能恢复该户；请先核实该成员的登记",
                    $"Member {Platform.Sensitive.Mask.Name(member.Name)} has been registered again in another household: this one cannot be reopened until that is settled"));
            member.ReleaseIdNumber(false);
        }
        household.Reopen(r.ReopenedOn!.Value, r.Reason!.Trim());
        if (await db.SaveOrFindDuplicateAsync(ct) is not null)
            return Failure.Conflict(Lang.T("有成员已在其他家庭户重新登记，不能恢复该户", "A member has been registered again in another household: this one cannot be reopened"));
        return household.Id;
    }
}
