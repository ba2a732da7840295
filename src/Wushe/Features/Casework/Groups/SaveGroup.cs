using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Casework;

/// <summary>
/// 新增 / 修改小组或社区活动: a group of a township or a community in the user's scope, with its kind, title, topic, target
/// group, planned sessions (1–50), start date and leading worker (a station social worker of the township or staff of the
/// community, <see cref="Workers.CandidatesAsync"/>). The area and kind are what the group is: an edit keeps them. A finished
/// group is not edited (409); planned sessions never fall below the sessions held, nor the start date after the first session.
/// </summary>
public static class SaveGroup
{
    public sealed record Request(
        [Label("所属区划", "Area")] string? AreaCode,
        [Label("类型", "Kind")] GroupKind? Kind,
        [Label("名称", "Title")] string? Title,
        [Label("主题", "Topic")] string? Topic,
        [Label("服务对象", "Target group")] string? TargetGroup,
        [Label("计划节数", "Planned sessions")] int? PlannedSessions,
        [Label("开始日期", "Start date")] DateOnly? StartsOn,
        [Label("带领社工", "Leading worker")] Guid? WorkerId = null,
        [Label("版本", "Version")] int? Version = null);

    public sealed record Saved(Guid Id);

    public const int MaxSessions = 50;

    /// <summary>The request's own rules, without the database.</summary>
    public static Errors Validate(Request r, DateOnly today)
    {
        var errors = new Errors();
        errors.Add("areaCode", CheckArea(r.AreaCode));
        if (r.Kind is not { } kind || !Enum.IsDefined(kind)) errors.Add("kind", Lang.T("请选择类型", "Please choose the kind"));
        errors.Text("title", r.Title, "名称", "Title", 2, 100);
        errors.Text("topic", r.Topic, "主题", "Topic", 2, 500);
        errors.Text("targetGroup", r.TargetGroup, "服务对象", "Target group", 1, 100, required: false);
        if (r.PlannedSessions is not { } n) errors.Add("plannedSessions", Lang.T("计划节数不能为空", "Planned sessions is required"));
        else if (n is < 1 or > MaxSessions) errors.Add("plannedSessions", Lang.T($"计划节数必须介于 1 和 {MaxSessions} 之间", $"Planned sessions must be between 1 and {MaxSessions}"));
        if (r.StartsOn is not { } d) errors.Add("startsOn", Lang.T("开始日期不能为空", "Start date is required"));
        else if (d.Year < 2000) errors.Add("startsOn", Lang.T("开始日期不能早于 2000 年", "The start date cannot be before 2000"));
        else if (d > today.AddYears(1)) errors.Add("startsOn", Lang.T("开始日期不能晚于一年之后", "The start date cannot be more than a year ahead"));
        return errors;
    }

    /// <summary>A group meets in a township (street) or a community (village): a 12-digit code of the fourth or fifth level.</summary>
    public static string? CheckArea(string? code) =>
        string.IsNullOrWhiteSpace(code) ? Lang.T("请选择所属区划", "Please choose the area")
        : Platform.Areas.AreaCode.Check(code) is { } message ? message
        : Platform.Areas.AreaCode.LevelOf(code.Trim()) is not (AreaLevel.Township or AreaLevel.Village)
            ? Lang.T("小组须设在乡镇（街道）或社区（村）", "A group belongs to a township or a community")
        : null;

    public static async Task<Result<Saved>> Create(AppDb db, TimeProvider clock, Request r, CancellationToken ct = default)
    {
        var errors = Validate(r, ChinaTime.Today(clock));
        var area = errors.Has("areaCode") ? null : await db.Areas.FirstOrDefaultAsync(a => a.Code == r.AreaCode!.Trim(), ct);
        if (area is null && !errors.Has("areaCode")) errors.Add("areaCode", Lang.T("所选区划不存在或不在您的管辖范围内", "The area does not exist or lies outside your area"));
        var worker = await Workers.CheckAsync(db, r.WorkerId, area?.Code, errors, ct);
        if (errors.Any) return errors.ToFailure();
        var group = new Group(area!.Code, r.Kind!.Value, r.Title!.Trim(), r.Topic!.Trim(), r.TargetGroup?.Trim() ?? "", r.PlannedSessions!.Value,
            r.StartsOn!.Value, worker?.Id, worker?.Name ?? "", clock.GetUtcNow());
        db.Add(group);
        await db.SaveChangesAsync(ct);
        return new Saved(group.Id);
    }

    public static async Task<Result<Saved>> Update(AppDb db, TimeProvider clock, Guid id, Request r, CancellationToken ct = default)
    {
        var group = await db.Set<Group>().FirstOrDefaultAsync(g => g.Id == id, ct);
        if (group is null) return Failure.NotFound();
        // The form of an edit sends the group's own area and kind; an empty one keeps them.
        r = r with { AreaCode = string.IsNullOrWhiteSpace(r.AreaCode) ? group.AreaCode : r.AreaCode, Kind = r.Kind ?? group.Kind };
        var errors = Validate(r, ChinaTime.Today(clock));
        if (!errors.Has("areaCode") && Platform.Areas.AreaCode.Normalize(r.AreaCode) != group.AreaCode)
            errors.Add("areaCode", Lang.T("所属区划不能修改", "The area cannot be changed"));
        if (!errors.Has("kind") && r.Kind != group.Kind) errors.Add("kind", Lang.T("类型不能修改", "The kind cannot be changed"));
        if (r.PlannedSessions is { } n && n < group.SessionsHeld)
            errors.Add("plannedSessions", Lang.T($"计划节数不能少于已开展的 {group.SessionsHeld} 节", $"Planned sessions cannot be fewer than the {group.SessionsHeld} held"));
        if (r.StartsOn is { } starts && await db.Set<GroupSession>().Where(s => s.GroupId == id).OrderBy(s => s.HeldOn).Select(s => (DateOnly?)s.HeldOn).FirstOrDefaultAsync(ct) is { } first && starts > first)
            errors.Add("startsOn", Lang.T($"开始日期不能晚于第一节的日期 {ChinaTime.Format(first)}", $"The start date cannot be after the first session ({ChinaTime.Format(first)})"));
        var worker = await Workers.CheckAsync(db, r.WorkerId, group.AreaCode, errors, ct);
        if (errors.Any) return errors.ToFailure();
        if (group.Status == GroupStatus.Finished) return Failure.Conflict(Lang.T("小组已结束，不能修改", "The group is finished and cannot be changed"));
        if (r.Version is { } v && v != group.Version)
            return Failure.Conflict(Lang.T("数据已被他人修改，请刷新后重试", "Someone else changed this group; reload and try again"));
        group.Edit(r.Title!.Trim(), r.Topic!.Trim(), r.TargetGroup?.Trim() ?? "", r.PlannedSessions!.Value, r.StartsOn!.Value);
        if (worker is not null || r.WorkerId is null) group.LeadBy(worker?.Id, worker?.Name ?? "");
        group.Touch();
        await db.SaveChangesAsync(ct);
        return new Saved(group.Id);
    }
}
