using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Features.Organizations;
using Wushe.Features.Stations;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Workforce.Trainings;

/// <summary>
/// 新建培训 and 修改: a course of the scope — title (2–100), kind, organizer (a bureau or centre named in text; a station or an
/// organization of the scope chosen, its name taken), the host area (a current area of the scope), dates (the end not before the start,
/// at most a year), hours (0.5 steps, more than none and at most 24 a day of the course), place (2–100) and capacity (1–10,000; not
/// below the people enrolled, counted under the course's lock). Organization staff run their own organization's courses only. Editing:
/// hours not below an attendance recorded; the credits of the attendances follow the course's title and last day. A stale version is
/// 409; another area's course 404.
/// </summary>
public static class SaveTraining
{
    public sealed record Request
    {
        [Label("培训名称", "Title")] public string? Title { get; init; }
        [Label("培训类型", "Kind")] public TrainingKind? Kind { get; init; }
        [Label("主办方类型", "Organizer kind")] public TrainingOrganizerKind? OrganizerKind { get; init; }
        /// <summary>The bureau's or centre's name (2–100); taken from the record for a station or an organization.</summary>
        [Label("主办单位", "Organizer")] public string? OrganizerName { get; init; }
        [Label("主办社工站", "Station")] public Guid? StationId { get; init; }
        [Label("主办社会组织", "Organization")] public Guid? OrganizationId { get; init; }
        /// <summary>举办地区: the 12-digit code of a current area of the scope.</summary>
        [Label("举办地区", "Host area")] public string? AreaCode { get; init; }
        [Label("开始日期", "Starts on")] public DateOnly? StartsOn { get; init; }
        [Label("结束日期", "Ends on")] public DateOnly? EndsOn { get; init; }
        /// <summary>学时: hours in halves.</summary>
        [Label("学时", "Hours")] public decimal? Hours { get; init; }
        [Label("培训地点", "Place")] public string? Place { get; init; }
        [Label("计划人数", "Capacity")] public int? Capacity { get; init; }
        /// <summary>Editing: the version read (409 when someone saved in between).</summary>
        public int? Version { get; init; }
    }

    /// <summary>The request's own rules, without the database.</summary>
    public static Errors Validate(Request r, DateOnly today)
    {
        var errors = new Errors()
            .Text("title", r.Title, "培训名称", "Title", 2, 100)
            .Text("place", r.Place, "培训地点", "Place", 2, 100);
        if (r.Kind is not { } kind || !Enum.IsDefined(kind)) errors.Add("kind", Lang.T("请选择培训类型", "Please choose the kind of training"));
        if (r.OrganizerKind is not { } ok || !Enum.IsDefined(ok)) errors.Add("organizerKind", Lang.T("请选择主办方类型", "Please choose the kind of organizer"));
        else if (ok is TrainingOrganizerKind.Bureau or TrainingOrganizerKind.Centre) errors.Text("organizerName", r.OrganizerName, "主办单位", "Organizer", 2, 100);
        if (string.IsNullOrWhiteSpace(r.AreaCode)) errors.Add("areaCode", Lang.T("请选择举办地区", "Please choose the host area"));
        else errors.Add("areaCode", AreaCode.Check(r.AreaCode));
        if (r.StartsOn is not { } start) errors.Add("startsOn", Lang.T("开始日期不能为空", "The start date is required"));
        else if (start.Year < 2000) errors.Add("startsOn", Lang.T("开始日期不能早于2000年", "The start date cannot be before 2000"));
        else if (start > today.AddYears(1)) errors.Add("startsOn", Lang.T("开始日期不能晚于一年以后", "The start date is at most a year ahead"));
        if (r.EndsOn is not { } end) errors.Add("endsOn", Lang.T("结束日期不能为空", "The end date is required"));
        else if (r.StartsOn is { } s && end < s) errors.Add("endsOn", Lang.T("结束日期不能早于开始日期", "The end date cannot be before the start date"));
        else if (r.StartsOn is { } s2 && TrainingRules.Days(s2, end) > TrainingRules.MaxDays) errors.Add("endsOn", Lang.T("培训时间不能超过一年", "A course lasts at most a year"));
        var days = r.StartsOn is { } a && r.EndsOn is { } b && b >= a ? Math.Min(TrainingRules.Days(a, b), TrainingRules.MaxDays) : 1;
        if (TrainingRules.Minutes(r.Hours, days * 24m) is null)
            errors.Add("hours", Lang.T($"学时应为大于0、以0.5为单位的数，且不超过培训天数×24（{days * 24}）", $"Hours are more than 0, in halves, and at most 24 a day of the course ({days * 24})"));
        if (r.Capacity is not { } c || c < 1 || c > TrainingRules.MaxCapacity)
            errors.Add("capacity", Lang.T($"计划人数应为1至{TrainingRules.MaxCapacity}之间的整数", $"The capacity is a whole number from 1 to {TrainingRules.MaxCapacity}"));
        return errors;
    }

    /// <summary>The organizer and host area checked against the scope (errors added); null when they fail.</summary>
    static async Task<(string AreaCode, string OrganizerName)?> PlaceAsync(AppDb db, CurrentUser user, Request r, Errors errors, CancellationToken ct)
    {
        if (user.ActingOrganization is { } own && (r.OrganizerKind != TrainingOrganizerKind.Organization || r.OrganizationId != own))
        {
            errors.Add("organizationId", Lang.T("社会组织工作人员只能管理本组织主办的培训", "Organization staff keep their own organization's trainings only"));
            return null;
        }
        string? name = r.OrganizerName?.Trim();
        string? stationArea = null;
        switch (r.OrganizerKind)
        {
            case TrainingOrganizerKind.Station:
                var station = r.StationId is { } sid ? await db.Stations.Where(s => s.Id == sid).Select(s => new { s.Name, s.AreaCode }).FirstOrDefaultAsync(ct) : null;
                (name, stationArea) = (station?.Name, station?.AreaCode);
                if (name is null) errors.Add("stationId", Lang.T("请选择您管辖范围内的社工站", "Choose a station of your area"));
                break;
            case TrainingOrganizerKind.Organization:
                name = r.OrganizationId is { } oid ? await db.Organizations.Where(o => o.Id == oid).Select(o => o.Name).FirstOrDefaultAsync(ct) : null;
                if (name is null) errors.Add("organizationId", Lang.T("请选择您管辖范围内的社会组织", "Choose a social organization of your area"));
                break;
        }
        var code = Platform.Areas.AreaCode.Normalize(r.AreaCode);
        if (!errors.Has("areaCode") && (code is null || !user.Scope.Covers(code) || !await db.Areas.AnyAsync(a => a.Code == code && a.ValidTo == null, ct)))
            errors.Add("areaCode", Lang.T("请选择您管辖范围内的举办地区", "Choose a host area of yours"));
        // A station's course is held in its own area: the station then sees and keeps it.
        else if (!errors.Has("areaCode") && stationArea is not null && !Platform.Areas.AreaCode.Covers(stationArea, code!))
            errors.Add("areaCode", Lang.T("社工站主办的培训，举办地区应为该站所在的乡镇（街道）或其下的社区（村）", "A station's course is held in the station's own area"));
        return errors.Any ? null : (code!, name!);
    }

    public static async Task<Result<Guid>> Add(AppDb db, CurrentUser user, TimeProvider clock, Request r, CancellationToken ct = default)
    {
        var errors = Validate(r, ChinaTime.Today(clock));
        var placed = await PlaceAsync(db, user, r, errors, ct);
        if (errors.Any) return errors.ToFailure();
        var training = new Training(placed!.Value.AreaCode, user.Id, await Workers.NameAsync(db, user, ct), clock.GetUtcNow());
        Apply(training, r, placed.Value);
        db.Add(training);
        await db.SaveChangesAsync(ct);
        return training.Id;
    }

    public static async Task<Result<int>> Edit(AppDb db, CurrentUser user, TimeProvider clock, Guid id, Request r, CancellationToken ct = default)
    {
        if (await db.Set<Training>().FirstOrDefaultAsync(t => t.Id == id, ct) is not { } training) return Failure.NotFound();
        var errors = Validate(r, ChinaTime.Today(clock));
        var placed = await PlaceAsync(db, user, r, errors, ct);
        if (errors.Any) return errors.ToFailure();
        if (r.Version is { } version && version != training.Version) return TrainingRules.Stale;

        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await TrainingRules.LockAsync(db, id, ct);
        var enrolled = await TrainingRules.EnrolledAsync(db, id, ct);
        if (r.Capacity < enrolled)
            errors.Add("capacity", Lang.T($"计划人数不能少于已报名的 {enrolled} 人", $"The capacity cannot be below the {enrolled} people enrolled"));
        var minutes = TrainingRules.Minutes(r.Hours, 24m * TrainingRules.MaxDays)!.Value;
        var attended = await db.Set<TrainingEnrolment>().Where(e => e.TrainingId == id).MaxAsync(e => e.AttendedMinutes, ct);
        if (attended > minutes)
            errors.Add("hours", Lang.T($"学时不能少于已记录的出勤学时（{WorkforceRules.Hours(attended.Value)}）", $"Hours cannot be below an attendance recorded ({WorkforceRules.Hours(attended.Value)})"));
        // A certificate states the course's title, organizer, dates and hours: once one is issued they stay as it says.
        if (await db.Set<TrainingEnrolment>().AnyAsync(e => e.TrainingId == id && e.CertificateNumber != null, ct)
            && (r.Title!.Trim() != training.Title || placed!.Value.OrganizerName != training.OrganizerName || r.StartsOn != training.StartsOn
                || r.EndsOn != training.EndsOn || minutes != training.Minutes))
            errors.Add("title", Lang.T("已出具结业证明：培训名称、主办方、日期和学时以证明为准，不能再修改", "A certificate has been issued: the title, organizer, dates and hours stay as it states them"));
        if (errors.Any) return errors.ToFailure();

        Apply(training, r, placed!.Value);
        training.Touch();
        foreach (var e in await db.Set<TrainingEnrolment>().Where(e => e.TrainingId == id).ToListAsync(ct)) e.HeldBy(training);
        var enrolments = db.Set<TrainingEnrolment>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(e => e.TrainingId == id).Select(e => (Guid?)e.Id);
        foreach (var credit in await db.Set<EducationRecord>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(c => enrolments.Contains(c.TrainingEnrolmentId)).ToListAsync(ct))
            credit.Credit(training.EndsOn, credit.Minutes, training.Title);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TrainingRules.Stale;
        }
        if (tx is not null) await tx.CommitAsync(ct);
        return training.Version;
    }

    static void Apply(Training t, Request r, (string AreaCode, string OrganizerName) placed) =>
        t.Describe(placed.AreaCode, r.Title!.Trim(), r.Kind!.Value, r.OrganizerKind!.Value, placed.OrganizerName,
            r.OrganizerKind == TrainingOrganizerKind.Organization ? r.OrganizationId : null, r.OrganizerKind == TrainingOrganizerKind.Station ? r.StationId : null,
            r.StartsOn!.Value, r.EndsOn!.Value, TrainingRules.Minutes(r.Hours, 24m * TrainingRules.MaxDays)!.Value, r.Place!.Trim(), r.Capacity!.Value);
}
