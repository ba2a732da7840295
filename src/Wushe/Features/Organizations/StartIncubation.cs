using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Organizations;

/// <summary>
/// 入孵 / 修改孵化: an organization starts an incubation at a host — a station or centre of the register in the writer's
/// scope (<c>hostStationId</c>; its name is kept), or a host named only (<c>hostName</c>, e.g. a county's 孵化基地) — from a
/// start date to a planned end. One programme at a time is in progress (a second is 409, also when both start at one moment:
/// a filtered unique index, <see cref="IncubationProgramme.OneInProgressIndex"/>, refuses the one that raced past the check); a deregistered organization
/// starts none. <see cref="Edit"/> changes the host and dates of a programme in progress (a stale version is 409).
/// </summary>
public static class StartIncubation
{
    public sealed record Request(
        [Label("孵化站点", "Host station")] Guid? HostStationId,
        [Label("孵化单位", "Host")] string? HostName,
        [Label("入孵日期", "Started on")] DateOnly? StartOn,
        [Label("计划出壳日期", "Planned end")] DateOnly? PlannedEndOn,
        [Label("版本", "Version")] int? Version = null);

    public sealed record Saved(Guid Id, int Version);

    /// <summary>The request's own rules, without the database.</summary>
    public static Errors Validate(Request r, TimeProvider clock)
    {
        var errors = new Errors();
        if (r.HostStationId is null) errors.Text("hostName", r.HostName, "孵化单位", "Host", 2, 100);
        else if (!string.IsNullOrWhiteSpace(r.HostName))
            errors.Add("hostName", Lang.T("已选择孵化站点时不必再填写孵化单位名称", "A host station is chosen: leave the host's name empty"));
        if (r.StartOn is not { } start) errors.Add("startOn", Lang.T("入孵日期不能为空", "The start date is required"));
        else if (start > ChinaTime.Today(clock)) errors.Add("startOn", Lang.T("入孵日期不能晚于今天", "The start date cannot be in the future"));
        else if (start.Year < 2000) errors.Add("startOn", Lang.T("入孵日期不能早于 2000 年", "The start date cannot be before 2000"));
        if (r.PlannedEndOn is not { } end) errors.Add("plannedEndOn", Lang.T("计划出壳日期不能为空", "The planned end is required"));
        else if (r.StartOn is { } s && end <= s) errors.Add("plannedEndOn", Lang.T("计划出壳日期应晚于入孵日期", "The planned end must come after the start"));
        else if (r.StartOn is { } s2 && end > s2.AddYears(5)) errors.Add("plannedEndOn", Lang.T("孵化期不能超过 5 年", "An incubation lasts at most 5 years"));
        return errors;
    }

    public static async Task<Result<Saved>> Handle(AppDb db, TimeProvider clock, Guid organizationId, Request r, CancellationToken ct = default)
    {
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Id == organizationId, ct);
        if (organization is null) return Failure.NotFound();
        var errors = Validate(r, clock);
        var host = await HostAsync(db, r, errors, ct);
        if (errors.Any) return errors.ToFailure();
        if (organization.Status == OrganizationStatus.Deregistered)
            return Failure.Conflict(Lang.T("已注销的社会组织不能入孵", "A deregistered organization cannot start an incubation"));
        if (await db.Set<IncubationProgramme>().AnyAsync(p => p.OrganizationId == organizationId && p.Status == IncubationStatus.InProgress, ct))
            return AlreadyInProgress();
        var programme = new IncubationProgramme(organization, r.HostStationId, host!, r.StartOn!.Value, r.PlannedEndOn!.Value);
        db.Set<IncubationProgramme>().Add(programme);
        // Starts at one moment all pass the check above: the filtered unique index (IncubationProgramme.OneInProgressIndex) lets one
        // insert through and refuses the rest, which get the check's own answer.
        if (await db.SaveOrFindDuplicateAsync(ct) is { } columns)
            return columns is [nameof(IncubationProgramme.OrganizationId)] ? AlreadyInProgress() : UniqueKeys.Conflict();
        return new Saved(programme.Id, programme.Version);
    }

    /// <summary>409: one programme of an organization is in progress at a time.</summary>
    static Failure AlreadyInProgress() =>
        Failure.Conflict(Lang.T("该组织已有进行中的孵化，请先办理出壳或退出", "The organization is already in an incubation; end it first"));

    /// <summary>Changes the host and dates of a programme in progress.</summary>
    public static async Task<Result<Saved>> Edit(AppDb db, TimeProvider clock, Guid organizationId, Guid programmeId, Request r, CancellationToken ct = default)
    {
        var programme = await db.Set<IncubationProgramme>().FirstOrDefaultAsync(p => p.Id == programmeId && p.OrganizationId == organizationId, ct);
        if (programme is null) return Failure.NotFound();
        var errors = Validate(r, clock);
        var host = await HostAsync(db, r, errors, ct);
        if (errors.Any) return errors.ToFailure();
        if (programme.Status != IncubationStatus.InProgress)
            return Failure.Conflict(Lang.T($"孵化已{IncubationProgramme.StatusLabel(programme.Status)}，不能修改", $"The incubation is {IncubationProgramme.StatusLabel(programme.Status)}; it cannot change"));
        if (r.Version is { } v && v != programme.Version)
            return Failure.Conflict(Lang.T("数据已被他人修改，请刷新后重试", "Someone else changed this incubation; reload and try again"));
        programme.Edit(r.HostStationId, host!, r.StartOn!.Value, r.PlannedEndOn!.Value);
        programme.Touch();
        await db.SaveChangesAsync(ct);
        return new Saved(programme.Id, programme.Version);
    }

    /// <summary>The host's name: the chosen station's (in the writer's scope), or the name given.</summary>
    static async Task<string?> HostAsync(AppDb db, Request r, Errors errors, CancellationToken ct)
    {
        if (r.HostStationId is not { } stationId) return r.HostName?.Trim();
        var name = await db.Set<Stations.Station>().Where(s => s.Id == stationId).Select(s => s.Name).FirstOrDefaultAsync(ct);
        if (name is null) errors.Add("hostStationId", Lang.T("孵化站点不存在或不在您的管辖范围内", "The host station does not exist or lies outside your area"));
        return name;
    }
}
