using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Organizations;

/// <summary>
/// 出壳 / 退出: ends an incubation in progress — graduated or withdrawn — on a day with a reason; both final
/// (<see cref="IncubationProgramme.Refusal"/>, 409). The organization's own status is not touched: registering it needs its
/// credit code (修改 then 变更状态).
/// </summary>
public static class EndIncubation
{
    public sealed record Request(
        [Label("结束方式", "Outcome")] IncubationStatus? To,
        [Label("结束日期", "Ended on")] DateOnly? EndedOn,
        [Label("说明", "Reason")] string? Reason,
        [Label("版本", "Version")] int? Version = null);

    public static Errors Validate(Request r, TimeProvider clock)
    {
        var errors = new Errors().Text("reason", r.Reason, "说明", "Reason", 2, 200);
        if (r.To is not ({ } to) || !Enum.IsDefined(to) || to == IncubationStatus.InProgress)
            errors.Add("to", Lang.T("请选择出壳或退出", "Choose graduated or withdrawn"));
        if (r.EndedOn is not { } on) errors.Add("endedOn", Lang.T("结束日期不能为空", "The end date is required"));
        else if (on > ChinaTime.Today(clock)) errors.Add("endedOn", Lang.T("结束日期不能晚于今天", "The end date cannot be in the future"));
        return errors;
    }

    public static async Task<Result<StartIncubation.Saved>> Handle(AppDb db, TimeProvider clock, Guid organizationId, Guid programmeId, Request r, CancellationToken ct = default)
    {
        var programme = await db.Set<IncubationProgramme>().FirstOrDefaultAsync(p => p.Id == programmeId && p.OrganizationId == organizationId, ct);
        if (programme is null) return Failure.NotFound();
        var errors = Validate(r, clock);
        if (r.EndedOn is { } on && on < programme.StartOn) errors.Add("endedOn", Lang.T("结束日期不能早于入孵日期", "The end date cannot be before the start"));
        if (errors.Any) return errors.ToFailure();
        if (IncubationProgramme.Refusal(programme.Status, r.To!.Value) is { } refusal) return Failure.Conflict(refusal);
        if (r.Version is { } v && v != programme.Version)
            return Failure.Conflict(Lang.T("数据已被他人修改，请刷新后重试", "Someone else changed this incubation; reload and try again"));
        programme.End(r.To.Value, r.EndedOn!.Value, r.Reason!.Trim());
        programme.Touch();
        await db.SaveChangesAsync(ct);
        return new StartIncubation.Saved(programme.Id, programme.Version);
    }
}
