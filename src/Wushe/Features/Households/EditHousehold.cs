using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Households;

/// <summary>Change a household's address; close it (迁出、注销: no longer visited, history kept) or reopen it.</summary>
public static class EditHousehold
{
    public sealed record Request([Label("家庭住址", "Address")] string? Address);

    public static Errors Validate(Request r) => new Errors().Text("address", r.Address, "家庭住址", "Address", 2, 200);

    public static async Task<Result<Guid>> Handle(AppDb db, Guid id, Request r, CancellationToken ct = default)
    {
        var household = await db.Set<Household>().FirstOrDefaultAsync(h => h.Id == id, ct);
        if (household is null) return Failure.NotFound();
        var errors = Validate(r);
        if (errors.Any) return errors.ToFailure();
        household.Edit(r.Address!.Trim());
        await db.SaveChangesAsync(ct);
        return household.Id;
    }

    public static async Task<Result<Guid>> SetStatus(AppDb db, Guid id, HouseholdStatus to, CancellationToken ct = default)
    {
        var household = await db.Set<Household>().FirstOrDefaultAsync(h => h.Id == id, ct);
        if (household is null) return Failure.NotFound();
        if (!Enum.IsDefined(to)) return Failure.Invalid("status", Lang.T("状态不正确", "The status is not valid"));
        if (household.Status == to) return household.Id;
        if (to == HouseholdStatus.Closed) household.Close();
        else household.Reopen();
        await db.SaveChangesAsync(ct);
        return household.Id;
    }
}
