using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Casework;

/// <summary>
/// 服务记录: a service given to the client of a case in service (the plan approved): its kind (个案服务, 心理疏导, 生活照料,
/// 医疗护理, 法律援助), the day (China date, not in the future, not before the case opened) and what was done. Written
/// through <see cref="ServiceRecords.Add"/> with the client as the beneficiary, so it counts in the service summaries.
/// By the case's station workers, or by the staff of an organization that accepted a referral of the case (<see cref="ReferredCases"/>;
/// the record names them, and it counts where the case lies).
/// </summary>
public static class RecordCaseService
{
    public sealed record Request
    {
        [Label("服务类型", "Kind")] public ServiceKind? Kind { get; init; }
        [Label("服务日期", "Served on")] public DateOnly? ServedOn { get; init; }
        [Label("服务内容", "Summary")] public string? Summary { get; init; }
    }

    public static Errors Validate(Request r, TimeProvider clock)
    {
        var errors = new Errors().Text("summary", r.Summary, "服务内容", "The summary", 2, 200);
        if (r.Kind is not { } k || !CaseRules.ServiceKinds.Contains(k)) errors.Add("kind", Lang.T("请选择服务类型", "Please choose the kind of service"));
        if (r.ServedOn is not { } d) errors.Add("servedOn", Lang.T("服务日期不能为空", "The date of the service is required"));
        else if (d > ChinaTime.Today(clock)) errors.Add("servedOn", Lang.T("服务日期不能晚于今天", "The date of the service cannot be in the future"));
        return errors;
    }

    public static async Task<Result<CreatedId>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid caseId, Request r, CancellationToken ct = default)
    {
        var c = await ReferredCases.FindAsync(db, user, caseId, tracking: true, ct);
        if (c is null) return Failure.NotFound();
        var errors = Validate(r, clock);
        if (r.ServedOn is { } d && d < c.OpenedOn) errors.Add("servedOn", Lang.T("服务日期不能早于开案日期", "The date of the service cannot be before the case was opened"));
        if (errors.Any) return errors.ToFailure();
        if (c.Status != CaseStatus.InService)
            return Failure.Conflict(Lang.T("服务计划经站长批准后才能记录服务", "Services are recorded once the head has approved the service plan"));
        var record = ServiceRecords.Add(db, c.AreaCode, r.Kind!.Value, r.ServedOn!.Value, ServiceSource.Case, c.Id, await Workers.NameAsync(db, user, ct),
            $"{c.CaseNo} {r.Summary!.Trim()}", [c.ResidentId]);
        c.Touch();
        if (await ReferredCases.SaveAsync(db, user, c, ct) is { } conflict) return conflict;
        return new CreatedId(record.Id);
    }
}
