using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;

namespace Wushe.Features.Accounts.Users;

/// <summary>
/// 修改用户 as the page offers it: the account's fields (<see cref="UpdateUser"/>) and its roles in the actor's scope
/// (<see cref="SetRoles"/>), both or neither. The two steps run in one transaction: the roles are checked against the
/// fields as saved (a new home area), and a refusal of either leaves the account as it was. The API keeps the two
/// operations apart (PUT /users/{id}, PUT /users/{id}/roles), built on the same steps.
/// </summary>
public static class EditUser
{
    public sealed record Request(UpdateUser.Request Fields, SetRoles.Request Roles);

    /// <summary>The request's own rules, without the database (see <c>PageForms.IfParsed</c>).</summary>
    public static Errors Validate(Request r, TimeProvider clock) => UpdateUser.Validate(r.Fields, clock);

    public static async Task<Result<Guid>> Handle(AppDb db, CurrentUser actor, Sealer sealer, TimeProvider clock, Guid id, Request r,
        CancellationToken ct = default)
    {
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var updated = await UpdateUser.Handle(db, actor, sealer, clock, id, r.Fields, ct);
        if (!updated.IsOk) return updated.Failure!;
        var set = await SetRoles.Handle(db, actor, id, r.Roles, ct);
        // Not committed: disposing the transaction rolls the saved fields back.
        if (!set.IsOk) return set.Failure!;
        if (tx is not null) await tx.CommitAsync(ct);
        return id;
    }
}
