using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 初审: the host (bureau or station staff whose scope holds the call) screens a submitted application, before or after the deadline:
/// 通过 (Eligible), 不通过 with the reason (Ineligible), or 退回补正 with what to correct (Returned, once only: the organization may correct
/// and submit again within <see cref="ApplicationRules.CorrectionPeriod"/>; a second return is 409). The automatic checks recorded at
/// submission are on the application for the reviewer to read beside the call's other conditions. Failures: not found (out of scope, a
/// draft); invalid (outcome, reason); conflict (the call withdrawn: <see cref="ApplicationRules.ClosedRefusal"/>, not awaiting screening,
/// returned once already, changed meanwhile).
/// </summary>
public static class ScreenApplication
{
    public enum Outcome
    {
        Eligible = 1,
        Ineligible = 2,
        Returned = 3,
    }

    public sealed record Request
    {
        [Label("初审结果", "Outcome")] public Outcome? Outcome { get; init; }
        /// <summary>The reason of a fail or a return (2–500), or a note on a pass (optional).</summary>
        [Label("初审意见", "Note")] public string? Note { get; init; }
        [Label("版本", "Version")] public int? Version { get; init; }
    }

    public sealed record Screened(Guid Id, ApplicationStatus Status, string StatusName, DateTimeOffset? CorrectBy, int Version);

    public static Errors Validate(Request r)
    {
        var errors = new Errors();
        if (r.Outcome is not { } o || !Enum.IsDefined(o)) errors.Add("outcome", Lang.T("请选择初审结果", "Choose the outcome"));
        else if (o == Outcome.Eligible) errors.Text("note", r.Note, "初审意见", "The note", 0, 500, required: false);
        else errors.Text("note", r.Note, o == Outcome.Returned ? "退回补正的原因" : "不通过的原因", o == Outcome.Returned ? "What to correct" : "The reason", 2, 500);
        return errors;
    }

    public static async Task<Result<Screened>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid id, Request r, CancellationToken ct = default)
    {
        if (Organizations.OrganizationAccess.Own(user) is not null) return Failure.NotFound();
        if (await ApplicationRules.FindAsync(db, user, id, ct) is not { } application) return Failure.NotFound();
        var call = (await ApplicationRules.CallAsync(db, user, application.CompetitionId, ct))!;
        if (!user.Scope.Covers(call.AreaCode)) return Failure.NotFound();
        var errors = Validate(r);
        if (errors.Any) return errors.ToFailure();
        if (ApplicationRules.ClosedRefusal(call) is { } closed) return Failure.Conflict(closed);
        if (application.Status != ApplicationStatus.Submitted)
            return Failure.Conflict(Lang.T($"申报{CompetitionApplication.StatusLabel(application.Status)}，不在待初审状态", $"The application is {CompetitionApplication.StatusLabel(application.Status)}: not awaiting screening"));
        if (r.Outcome == Outcome.Returned && application.WasReturned)
            return Failure.Conflict(Lang.T("该申报已退回补正过一次，不能再次退回；请作出通过或不通过的结论", "The application was returned once already: pass or fail it"));
        if (r.Version is { } v && v != application.Version) return ApplicationRules.Stale;
        var now = clock.GetUtcNow();
        var status = r.Outcome switch { Outcome.Eligible => ApplicationStatus.Eligible, Outcome.Ineligible => ApplicationStatus.Ineligible, _ => ApplicationStatus.Returned };
        application.Screen(status, r.Note?.Trim() ?? "", await Workers.NameAsync(db, user, ct), now, status == ApplicationStatus.Returned ? now + ApplicationRules.CorrectionPeriod : null);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return ApplicationRules.Stale;
        }
        return new Screened(application.Id, application.Status, CompetitionApplication.StatusLabel(application.Status), application.CorrectBy, application.Version);
    }

    public static string OutcomeLabel(Outcome o) => o switch
    {
        Outcome.Eligible => Lang.T("通过", "Pass"),
        Outcome.Ineligible => Lang.T("不通过", "Fail"),
        Outcome.Returned => Lang.T("退回补正", "Return for correction"),
        _ => o.ToString(),
    };
}
