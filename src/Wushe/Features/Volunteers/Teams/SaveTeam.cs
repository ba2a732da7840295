using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Organizations;
using Wushe.Features.Stations;
using Wushe.Features.Volunteers.Activities;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Volunteers.Teams;

/// <summary>
/// 新建 / 修改志愿服务队: staff who manage volunteers (station, community) create a team of their scope and correct it. The owner
/// decides the area: a station's team is its township's, a community's the community's, an organization's the area it serves (a
/// township or community of the scope, which the organization must serve: <see cref="ServingOrganizations"/>). Name 2–40 characters,
/// unique within the area (409 naming <c>name</c>, also when two creations race); brand up to 20; description up to 500; founded on
/// a real date not in the future. Editing keeps the area and the owner (a team that changes hands is dissolved and founded anew);
/// a stale <c>version</c> is 409, a dissolved team 409.
/// </summary>
public static class SaveTeam
{
    public sealed record Request
    {
        /// <summary>12-digit code: the township (station), the community, or the area an organization's team serves. Ignored on edit.</summary>
        [Label("所属区划", "Area")] public string? AreaCode { get; init; }
        [Label("队伍名称", "Name")] public string? Name { get; init; }
        [Label("品牌名称", "Brand")] public string? Brand { get; init; }
        [Label("服务类别", "Service category")] public VolunteerServiceKind? Kind { get; init; }
        [Label("服务内容", "Description")] public string? Description { get; init; }
        /// <summary>Organization, Station or Community. Ignored on edit.</summary>
        [Label("归属类型", "Owner kind")] public TeamOwnerKind? OwnerKind { get; init; }
        /// <summary>With OwnerKind Organization: the organization (serving the area). Ignored on edit.</summary>
        [Label("所属社会组织", "Organization")] public Guid? OrganizationId { get; init; }
        [Label("成立日期", "Founded on")] public DateOnly? FoundedOn { get; init; }
        public int? Version { get; init; }
    }

    public sealed record Saved(Guid Id, int Version);

    static Errors Validate(Request r, DateOnly today)
    {
        var errors = new Errors()
            .Text("name", r.Name, "队伍名称", "Name", 2, 40)
            .Text("brand", r.Brand, "品牌名称", "Brand", 0, 20, required: false)
            .Text("description", r.Description, "服务内容", "Description", 0, 500, required: false);
        if (r.Kind is not { } kind || !Enum.IsDefined(kind)) errors.Add("kind", Lang.T("请选择服务类别", "Choose a service category"));
        if (r.FoundedOn is not { } founded) errors.Add("foundedOn", Lang.T("请填写成立日期", "Give the date it was founded"));
        else if (founded > today) errors.Add("foundedOn", Lang.T("成立日期不能晚于今天", "The founding date cannot be in the future"));
        else if (founded.Year < 1950) errors.Add("foundedOn", Lang.T("成立日期不正确", "The founding date is not right"));
        return errors;
    }

    static readonly Failure Stale = Failure.Conflict(Lang.T("该队伍已被他人修改，请刷新后重试", "Someone else changed this team: reload and try again"));

    static Failure Duplicate() => Failure.Duplicate("name", Lang.T("本区划已有同名的志愿服务队", "A team of this name exists in the area already"));

    public static async Task<Result<Saved>> Create(AppDb db, CurrentUser user, TimeProvider clock, Request r, CancellationToken ct = default)
    {
        var errors = Validate(r, ChinaTime.Today(clock));
        var code = AreaCode.Normalize(r.AreaCode);
        if (r.OwnerKind is not { } owner || !Enum.IsDefined(owner)) errors.Add("ownerKind", Lang.T("请选择队伍归属（社会组织、社工站或社区）", "Choose who the team belongs to (organization, station or community)"));
        var ownerName = "";
        if (!errors.Has("ownerKind"))
        {
            var area = code is null ? null : await db.Areas.Where(a => a.Code == code && a.ValidTo == null).Select(a => new { a.Level, a.Name }).FirstOrDefaultAsync(ct);
            if (area is null || !user.Scope.Covers(code)) errors.Add("areaCode", Lang.T("请选择您管辖范围内的区划", "Choose an area of your scope"));
            else if (r.OwnerKind == TeamOwnerKind.Station && area.Level != AreaLevel.Township)
                errors.Add("areaCode", Lang.T("社工站的队伍应选到社工站所在的乡镇（街道）", "A station's team belongs to the station's township"));
            else if (r.OwnerKind == TeamOwnerKind.Community && area.Level != AreaLevel.Village)
                errors.Add("areaCode", Lang.T("社区的队伍应选到社区（村）", "A community's team belongs to a community"));
            else if (area.Level is not (AreaLevel.Township or AreaLevel.Village))
                errors.Add("areaCode", Lang.T("服务区域应选到乡镇（街道）或社区（村）", "Choose a township or a community it serves"));
            else if (r.OwnerKind == TeamOwnerKind.Station)
            {
                ownerName = await db.Set<Station>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(s => s.AreaCode == code).Select(s => s.Name).FirstOrDefaultAsync(ct)
                    ?? area.Name + Lang.T("社工站", " station");
            }
            else if (r.OwnerKind == TeamOwnerKind.Community) ownerName = area.Name;
            if (r.OwnerKind == TeamOwnerKind.Organization && !errors.Has("areaCode"))
            {
                if (r.OrganizationId is not { } orgId) errors.Add("organizationId", Lang.T("请选择所属社会组织", "Choose the organization"));
                else if (await ServingOrganizations.Find(db, code!, orgId, ct) is not { } org)
                    errors.Add("organizationId", Lang.T("该社会组织不存在，或不服务所选区划", "The organization does not exist or does not serve the area chosen"));
                else ownerName = org.Name;
            }
        }
        if (errors.Any) return errors.ToFailure();
        var name = r.Name!.Trim();
        if (await db.Set<Team>().AnyAsync(t => t.AreaCode == code && t.Name == name, ct)) return Duplicate();
        var team = new Team(code!, name, r.OwnerKind!.Value, r.OwnerKind == TeamOwnerKind.Organization ? r.OrganizationId : null, ownerName, user.Id,
            await Households.Workers.NameAsync(db, user, ct), clock.GetUtcNow());
        team.Describe(name, r.Brand?.Trim() ?? "", r.Kind!.Value, r.Description?.Trim() ?? "", r.FoundedOn!.Value);
        db.Add(team);
        if (await db.SaveOrFindDuplicateAsync(ct) is not null) return Duplicate();
        return new Saved(team.Id, team.Version);
    }

    public static async Task<Result<Saved>> Edit(AppDb db, TimeProvider clock, Guid id, Request r, CancellationToken ct = default)
    {
        if (await db.Set<Team>().FirstOrDefaultAsync(t => t.Id == id, ct) is not { } team) return Failure.NotFound();
        var errors = Validate(r, ChinaTime.Today(clock));
        if (errors.Any) return errors.ToFailure();
        if (team.Status != TeamStatus.Active) return Failure.Conflict(Lang.T("该队伍已解散，不能修改", "The team was dissolved: it cannot be changed"));
        if (r.Version is { } version && version != team.Version) return Stale;
        var name = r.Name!.Trim();
        if (await db.Set<Team>().AnyAsync(t => t.AreaCode == team.AreaCode && t.Name == name && t.Id != team.Id, ct)) return Duplicate();
        team.Describe(name, r.Brand?.Trim() ?? "", r.Kind!.Value, r.Description?.Trim() ?? "", r.FoundedOn!.Value);
        team.Touch();
        try
        {
            if (await db.SaveOrFindDuplicateAsync(ct) is not null) return Duplicate();
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale;
        }
        return new Saved(team.Id, team.Version);
    }
}

/// <summary>
/// 解散志愿服务队: staff in scope dissolve an active team with a reason (2–200 characters). Every pending application and active
/// membership ends with it (已退出, the reason told to each volunteer); activities keep naming it. A second dissolve is 409.
/// </summary>
public static class DissolveTeam
{
    public sealed record Request([property: Label("解散原因", "Reason")] string? Reason);

    public static async Task<Result<int>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid id, Request r, CancellationToken ct = default)
    {
        if (await db.Set<Team>().FirstOrDefaultAsync(t => t.Id == id, ct) is not { } team) return Failure.NotFound();
        var errors = new Errors().Text("reason", r.Reason, "解散原因", "Reason", 2, 200);
        if (errors.Any) return errors.ToFailure();
        if (team.Status == TeamStatus.Dissolved) return Failure.Conflict(Lang.T("该队伍已解散", "The team was dissolved already"));
        var now = clock.GetUtcNow();
        var reason = r.Reason!.Trim();
        var by = await Households.Workers.NameAsync(db, user, ct);
        var current = await db.Set<TeamMember>().Where(m => m.TeamId == id && (m.Status == MembershipStatus.Pending || m.Status == MembershipStatus.Active)).ToListAsync(ct);
        var told = Lang.T("队伍已解散：", "The team was dissolved: ") + reason;
        foreach (var m in current) m.End(MembershipStatus.Left, now, told.Length <= 200 ? told : told[..200], by);
        team.Dissolve(reason);
        team.Touch();
        await db.SaveChangesAsync(ct);
        return current.Count;
    }
}
