using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 安排答辩: the host sets an eligible application's defence session — the time (an instant: with an offset as given, without one China
/// time, by the API's one rule <see cref="Platform.Web.ChinaTimeJsonConverter"/>; the page's form is China time; stored UTC; from the
/// call's deadline, at most a year after it) and the place (2–100) — or clears it (neither given). Only while the call is published (before the notice). The application
/// reads its slot on its own page.
/// </summary>
public static class ScheduleDefence
{
    public sealed record Request
    {
        [Label("申报项目", "Application")] public Guid? ApplicationId { get; init; }
        /// <summary>答辩时间: ISO 8601 with an offset ("2026-12-10T09:00+08:00"), or without one in China time ("2026-12-10T09:00"); none with no place clears the slot.</summary>
        [Label("答辩时间", "Defence time")] public DateTimeOffset? At { get; init; }
        [Label("答辩地点", "Defence place")] public string? Place { get; init; }
    }

    /// <summary>The slot as set (both null: cleared).</summary>
    public sealed record Response(Guid ApplicationId, DateTimeOffset? At, string Place);

    public static Errors Validate(Request r, Competition call)
    {
        var errors = new Errors();
        if (r.ApplicationId is null) errors.Add("applicationId", Lang.T("请选择申报项目", "Choose the application"));
        if (r.At is null && string.IsNullOrWhiteSpace(r.Place)) return errors;
        if (r.At is not { } instant) errors.Add("at", Lang.T("答辩时间不能为空", "The defence time is required"));
        else
        {
            if (instant < call.ClosesAt) errors.Add("at", Lang.T($"答辩时间不能早于申报截止时间（{ChinaTime.Format(call.ClosesAt)}）", $"The defence is not before the deadline ({ChinaTime.Format(call.ClosesAt)})"));
            else if (instant > call.ClosesAt.AddYears(1)) errors.Add("at", Lang.T("答辩时间不能晚于申报截止后一年", "The defence is at most a year after the deadline"));
        }
        return errors.Text("place", r.Place, "答辩地点", "Defence place", 2, 100);
    }

    public static async Task<Result<Response>> Handle(AppDb db, TimeProvider clock, Guid callId, Request r, CancellationToken ct = default)
    {
        if (await db.Set<Competition>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, ct) is not { } call) return Failure.NotFound();
        if (ApplicationRules.ClosedRefusal(call) is { } withdrawn) return Failure.Conflict(withdrawn);
        if (call.Status != CompetitionStatus.Published)
            return Failure.Conflict(Lang.T($"该公益创投当前为“{Competition.StatusLabel(call.Status)}”，不能安排答辩", $"The call is {Competition.StatusLabel(call.Status)}: no defence can be scheduled"));
        var errors = Validate(r, call);
        if (errors.Any) return errors.ToFailure();
        if (await db.Set<CompetitionApplication>().FirstOrDefaultAsync(a => a.Id == r.ApplicationId && a.CompetitionId == callId, ct) is not { } application)
            return Failure.Invalid("applicationId", Lang.T("所选申报项目不属于本次公益创投", "The application is not one of this call's"));
        if (application.Status != ApplicationStatus.Eligible)
            return Failure.Conflict(Lang.T("只有初审通过的申报项目才能安排答辩", "Only an application that passed the eligibility review has a defence"));
        var instant = r.At?.ToUniversalTime();
        var place = instant is null ? "" : r.Place!.Trim();
        application.ScheduleDefence(instant, place);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict(Lang.T("该申报项目已被更新，请刷新后重试", "The application was changed meanwhile; reload and try again"));
        }
        return new Response(application.Id, instant, place);
    }
}
