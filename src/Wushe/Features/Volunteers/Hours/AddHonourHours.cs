using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Features.Volunteers.Activities;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Hours;

/// <summary>
/// 补录荣誉时: the organizer (staff with <see cref="VolunteersPermissions.Organize"/>) back-fills hours of service done offline — the
/// volunteer by their number (wherever they live), where it was given (an activity of the scope, or a township or community of the scope),
/// the China date (within the last year, not in the future), start time, hours (a whole number of the region's units, within the day's cap
/// with what is recorded already), service content, the reason and the evidence (佐证材料) — marked as such
/// (<see cref="HourRecordKind.Honour"/>) and posted like any record. 400 names the field; nothing is saved.
/// </summary>
public static class AddHonourHours
{
    public sealed record Request(
        [property: Label("志愿者编号", "Volunteer number")] string? VolunteerNo,
        [property: Label("志愿活动", "Activity")] Guid? ActivityId,
        [property: Label("服务地点所在区划", "Area")] string? AreaCode,
        [property: Label("服务日期", "Date")] DateOnly? ServiceDate,
        [property: Label("开始时间", "Start time")] TimeOnly? StartTime,
        [property: Label("服务时长（小时）", "Hours")] decimal? Hours,
        [property: Label("服务内容", "Service content")] string? Content,
        [property: Label("组织单位", "Organizer")] string? OrganizerName,
        [property: Label("补录原因", "Reason")] string? Reason,
        [property: Label("佐证材料", "Evidence")] string? Evidence);

    public sealed record Created(Guid Id, string VolunteerName, int Minutes, DateOnly FinalOn);

    public static async Task<Result<Created>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Request r, CancellationToken ct = default)
    {
        var errors = new Errors()
            .Text("content", r.Content, "服务内容", "Service content", 2, 200)
            .Text("organizerName", r.OrganizerName, "组织单位", "Organizer", 2, 60)
            .Text("reason", r.Reason, "补录原因", "Reason", 2, 200)
            .Text("evidence", r.Evidence, "佐证材料", "Evidence", 2, 500);
        var no = r.VolunteerNo?.Trim().ToUpperInvariant();
        Volunteer? volunteer = null;
        if (string.IsNullOrEmpty(no)) errors.Add("volunteerNo", Lang.T("请填写志愿者编号", "Enter the volunteer number"));
        else
        {
            volunteer = await db.Set<Volunteer>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstOrDefaultAsync(v => v.VolunteerNo == no, ct);
            if (volunteer is null) errors.Add("volunteerNo", Lang.T("没有这个志愿者编号，请核对志愿者证上的编号", "No volunteer has this number: check the volunteer's card"));
            else if (volunteer.Status == VolunteerStatus.Withdrawn) errors.Add("volunteerNo", Lang.T("该志愿者已注销，不能补录时长", "This volunteer has withdrawn: no hours can be added"));
        }
        Activity? activity = null;
        string? area = null;
        if (r.ActivityId is { } activityId)
        {
            activity = await db.Set<Activity>().FirstOrDefaultAsync(a => a.Id == activityId, ct);
            if (activity is null) errors.Add("activityId", Lang.T("没有这个志愿活动，或不在您的管辖范围内", "No such activity in your area"));
            else area = activity.AreaCode;
        }
        else
        {
            area = AreaCode.Normalize(r.AreaCode);
            if (area is null) errors.Add("areaCode", Lang.T("请选择服务地点所在的乡镇（街道）或社区", "Choose the township or community where the service was given"));
            else if (!user.Scope.Covers(area) || AreaCode.LevelOf(area) is not (AreaLevel.Township or AreaLevel.Village) || !await db.Areas.AnyAsync(a => a.Code == area, ct))
                errors.Add("areaCode", Lang.T("服务地点须为您管辖范围内的乡镇（街道）或社区", "The place must be a township or community of your area"));
        }
        var today = ChinaTime.Today(clock);
        if (r.ServiceDate is not { } date) errors.Add("serviceDate", Lang.T("请填写服务日期", "Enter the date of the service"));
        else if (date > today) errors.Add("serviceDate", Lang.T("服务日期不能晚于今天", "The date cannot be in the future"));
        else if (date < today.AddYears(-1)) errors.Add("serviceDate", Lang.T("只能补录一年以内的服务", "Only service of the last year can be back-filled"));
        if (r.StartTime is null) errors.Add("startTime", Lang.T("请填写开始时间", "Enter the start time"));
        var rules = area is null ? VolunteerSettings.National : await VolunteerRules.ForAreaAsync(db, area, ct);
        var minutes = HourRecords.Minutes(r.Hours);
        if (r.Hours is null) errors.Add("hours", Lang.T("请填写服务时长", "Enter the hours"));
        else if (minutes is null) errors.Add("hours", Lang.T("服务时长须为 0 至 24 之间的小时数", "The hours must be a number from 0 to 24"));
        else if (VolunteerHours.CheckManual(minutes.Value, rules) is { } bad) errors.Add("hours", bad);
        if (errors.Any) return errors.ToFailure();

        var started = new DateTimeOffset(r.ServiceDate!.Value.ToDateTime(r.StartTime!.Value), ChinaTime.Offset);
        var used = await HourRecords.UsedAsync(db, volunteer!.Id, activity?.Id, r.ServiceDate.Value, ct);
        if (used + minutes!.Value > rules.DailyCapMinutes)
            return Failure.Invalid("hours", Lang.T($"该志愿者当日{(activity is null ? "" : "该活动")}已记录 {VolunteerHours.Format(used)} 小时，补录后将超过每日上限 {VolunteerHours.Format(rules.DailyCapMinutes)} 小时",
                $"{VolunteerHours.Format(used)} hours are recorded that day already: this would pass the daily cap of {VolunteerHours.Format(rules.DailyCapMinutes)}"));
        var record = HourRecords.Post(area!, volunteer.Id, HourRecordKind.Honour, r.OrganizerName!.Trim(), r.Content!.Trim(), started, started.AddMinutes(minutes.Value),
                minutes.Value, rules, user.Id, await Workers.NameAsync(db, user, ct), clock)
            .ForActivity(activity?.Id, activity?.OrganizationId).Because(r.Reason!.Trim(), r.Evidence!.Trim());
        db.Add(record);
        await db.SaveChangesAsync(ct);
        return new Created(record.Id, volunteer.Name, record.Minutes, record.FinalOn);
    }
}
