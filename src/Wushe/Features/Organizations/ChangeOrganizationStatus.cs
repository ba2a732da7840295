using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Organizations;

/// <summary>
/// 变更状态, with a reason: 孵化中 → 已登记 (with a credit code) ⇄ 暂停活动; any → 已注销, which is final. An illegal move
/// is 409 saying which. The organization is never deleted: its projects and records stay.
/// </summary>
public static class ChangeOrganizationStatus
{
    public sealed record Request(
        [Label("目标状态", "New status")] OrganizationStatus? To,
        [Label("变更原因", "Reason")] string? Reason,
        [Label("版本", "Version")] int? Version = null);

    public sealed record Changed(OrganizationStatus Status, int Version);

    public static Errors Validate(Request r)
    {
        var errors = new Errors().Text("reason", r.Reason, "变更原因", "Reason", 2, 200);
        if (r.To is null) errors.Add("to", Lang.T("请选择目标状态", "Please choose the new status"));
        else if (!Enum.IsDefined(r.To.Value)) errors.Add("to", Lang.T("目标状态不正确", "The new status is not one of the list"));
        return errors;
    }

    public static async Task<Result<Changed>> Handle(AppDb db, Guid id, Request r, CancellationToken ct = default)
    {
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == id, ct);
        if (organization is null) return Failure.NotFound();
        var errors = Validate(r);
        if (errors.Any) return errors.ToFailure();
        if (organization.RefuseStatus(r.To!.Value) is { } refusal) return Failure.Conflict(refusal);
        if (r.Version is { } v && v != organization.Version)
            return Failure.Conflict(Lang.T("数据已被他人修改，请刷新后重试", "Someone else changed this organization; reload and try again"));
        organization.ChangeStatus(r.To.Value, r.Reason!.Trim());
        organization.Touch();
        await db.SaveChangesAsync(ct);
        return new Changed(organization.Status, organization.Version);
    }
}
