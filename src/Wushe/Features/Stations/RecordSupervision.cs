using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Stations;

/// <summary>Record a supervision or capacity-building visit to a station: date, supervisor, topics, findings, follow-ups.</summary>
public static class RecordSupervision
{
    public sealed record Request(
        [Label("被督导社工站", "Station")] Guid? StationId,
        [Label("督导类型", "Kind")] SupervisionKind? Kind,
        [Label("督导日期", "Visit date")] DateOnly? VisitedOn,
        [Label("督导人员", "Supervisor")] string? SupervisorName,
        [Label("督导主题", "Topics")] string? Topics,
        [Label("发现问题", "Findings")] string? Findings,
        [Label("整改要求", "Follow-ups")] string? FollowUps,
        [Label("整改期限", "Follow-up deadline")] DateOnly? FollowUpDue);

    /// <summary>
    /// Whether the user may record a supervision of a station in its scope (the one rule, for the form's list and for the record):
    /// supervision comes from above. A bureau supervises every station in its scope, its own guidance centre included;
    /// a station worker (of a county guidance centre, or a township station over village social-work rooms) only the
    /// stations below its own area (seed report: 镇（街道）社工站提供督导支持).
    /// </summary>
    public static bool MaySupervise(CurrentUser user, string stationAreaCode) =>
        user.Has(StationsPermissions.Supervise) && !(user.Active is { Role: Role.StationWorker, AreaCode: var own } && stationAreaCode == own);

    /// <inheritdoc cref="MaySupervise"/>
    public static IQueryable<Station> Supervisable(IQueryable<Station> stations, CurrentUser user) =>
        user.Active is { Role: Role.StationWorker, AreaCode: var own } ? stations.Where(s => s.AreaCode != own) : stations;

    /// <summary>The request's own rules, without the database (see <c>PageForms.IfParsed</c>); <see cref="Handle"/> runs it first.</summary>
    public static Errors Validate(Request r, TimeProvider clock)
    {
        var errors = new Errors()
            .Text("supervisorName", r.SupervisorName, "督导人员", "Supervisor", 2, 50)
            .Text("topics", r.Topics, "督导主题", "Topic", 2, 500)
            .Text("findings", r.Findings, "发现问题", "Findings", 0, 2000, required: false)
            .Text("followUps", r.FollowUps, "整改要求", "Follow-ups", 0, 2000, required: false);
        if (r.Kind is null || !Enum.IsDefined(r.Kind.Value)) errors.Add("kind", Lang.T("请选择督导类型", "Please choose the kind"));
        var today = ChinaTime.Today(clock);
        if (r.VisitedOn is null) errors.Add("visitedOn", Lang.T("督导日期不能为空", "The visit date is required"));
        else if (r.VisitedOn > today) errors.Add("visitedOn", Lang.T("督导日期不能晚于今天", "The visit date cannot be in the future"));
        if (r.FollowUpDue is { } due && r.VisitedOn is { } v && due < v) errors.Add("followUpDue", Lang.T("整改期限不能早于督导日期", "The follow-up deadline cannot be before the visit"));
        return errors;
    }

    public static async Task<Result<Guid>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Request r, CancellationToken ct = default)
    {
        var errors = Validate(r, clock);
        var station = r.StationId is { } id ? await db.StationAsync(id, ct) : null;
        if (station is null) errors.Add("stationId", Lang.T("请选择被督导的社工站", "Please choose the station"));
        else if (!MaySupervise(user, station.AreaCode))
            errors.Add("stationId", Lang.T("社工站不能督导本站或同级站点，督导由上级指导中心或民政部门记录",
                "A station cannot supervise itself or a station of its own level; supervision is recorded from the level above"));
        if (errors.Any) return errors.ToFailure();
        var record = new Supervision(station!, r.Kind!.Value, r.VisitedOn!.Value, user.Id, r.SupervisorName!.Trim(), r.Topics!.Trim(),
            r.Findings?.Trim() ?? "", r.FollowUps?.Trim() ?? "", r.FollowUpDue, clock.GetUtcNow());
        db.Set<Supervision>().Add(record);
        await db.SaveChangesAsync(ct);
        return record.Id;
    }
}
