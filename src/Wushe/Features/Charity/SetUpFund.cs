using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity;

/// <summary>
/// 设立 / 修改社区慈善基金: a fund of a community or township in the user's scope, hosted by a registered foundation of the place or
/// above it (<see cref="CharityRules.HostsAsync"/>); its name follows the rule (<see cref="CommunityFund.NameFor"/>) and is made, not typed.
/// The place of a fund is fixed once set up. Its number is the place's next (CF + 12 digits + 01…99); two funds of one place set up at
/// one moment take the same number, the unique index refuses the second, which is read and numbered again (nothing of it kept).
/// Failures: 400 naming the field; 404 for a fund out of scope; 409 for a stale version, a place with 99 funds, or a name taken.
/// </summary>
public static class SetUpFund
{
    public sealed record Request(
        [property: Label("所在区划", "Area")] string? AreaCode,
        [property: Label("托管慈善组织", "Host charity")] Guid? HostOrganizationId,
        [property: Label("宗旨用途", "Purpose")] string? Purpose,
        [property: Label("设立日期", "Established on")] DateOnly? EstablishedOn,
        [property: Label("版本", "Version")] int? Version = null);

    public sealed record Saved(Guid Id, string FundNo, string Name);

    public static async Task<Result<Saved>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid? id, Request r, CancellationToken ct = default)
    {
        for (var attempt = 0; ; attempt++)
        {
            if (await Attempt(db, user, clock, id, r, ct) is { } result) return result;
            if (attempt >= 8) return UniqueKeys.Conflict();
        }
    }

    /// <summary>One attempt; null when the number was taken at the same moment (to be numbered again).</summary>
    static async Task<Result<Saved>?> Attempt(AppDb db, CurrentUser user, TimeProvider clock, Guid? id, Request r, CancellationToken ct)
    {
        CommunityFund? fund = null;
        if (id is { } fid && (fund = await db.Set<CommunityFund>().FirstOrDefaultAsync(f => f.Id == fid, ct)) is null) return Failure.NotFound();
        var errors = new Errors().Text("purpose", r.Purpose, "宗旨用途", "Purpose", 2, CharityRules.PurposeMax);
        var code = fund?.AreaCode ?? AreaCode.Normalize(r.AreaCode);
        var area = code is null ? null : await db.Areas.Where(a => a.Code == code && a.ValidTo == null).Select(a => new { a.Code, a.Name }).FirstOrDefaultAsync(ct);
        if (fund is null && (code is null || area is null || AreaCode.LevelOf(code) is not (AreaLevel.Township or AreaLevel.Village) || !user.Scope.Covers(code)))
            errors.Add("areaCode", Lang.T("请选择管辖范围内的社区（村）或乡镇（街道）", "Choose a community or township in your area"));
        var today = ChinaTime.Today(clock);
        if (r.EstablishedOn is not { } on) errors.Add("establishedOn", Lang.T("请填写设立日期", "Give the date it was established"));
        else if (on > today || on.Year < 2000) errors.Add("establishedOn", Lang.T("设立日期须在 2000 年以后、不晚于今天", "The date is after 2000 and not after today"));
        (Guid Id, string Name)? host = null;
        if (area is not null && !errors.Has("areaCode"))
        {
            var hosts = await CharityRules.HostsAsync(db, area.Code, ct);
            host = hosts.Where(h => h.Id == r.HostOrganizationId).Select(h => ((Guid, string)?)h).FirstOrDefault();
            if (host is null)
                errors.Add("hostOrganizationId", hosts.Count == 0
                    ? Lang.T("本地没有已登记的基金会可以托管：请先在“社会组织”中登记基金会", "No registered foundation here can host it: register one under Social organizations first")
                    : Lang.T("请选择托管的基金会（本地或上级已登记的基金会）", "Choose the host foundation (registered here or above)"));
        }
        if (errors.Any) return errors.ToFailure();
        if (fund is not null && r.Version is { } version && version != fund.Version)
            return Failure.Conflict(Lang.T("该基金已被他人修改，请刷新后重试", "Someone else changed this fund; reload and try again"));

        var name = CommunityFund.NameFor(host!.Value.Name, area!.Name);
        if (name.Length > CharityRules.NameMax) name = name[..CharityRules.NameMax];
        if (await db.Set<CommunityFund>().IgnoreQueryFilters([AppDb.ScopeFilter]).AnyAsync(f => f.AreaCode == area.Code && f.Name == name && f.Id != (fund == null ? Guid.Empty : fund.Id), ct))
            return Failure.Duplicate("hostOrganizationId", Lang.T($"本地已有“{name}”", $"\"{name}\" exists here already"));
        if (fund is null)
        {
            var n = await db.Set<CommunityFund>().IgnoreQueryFilters([AppDb.ScopeFilter]).CountAsync(f => f.AreaCode == area.Code, ct);
            if (n >= 99) return Failure.Conflict(Lang.T("本地基金已达 99 个，不能再设立", "This place has 99 funds: no more can be set up"));
            fund = new CommunityFund(area.Code, $"CF{area.Code}{n + 1:D2}", name, host.Value.Id, host.Value.Name, r.Purpose!.Trim(), r.EstablishedOn!.Value,
                await Households.Workers.NameAsync(db, user, ct), clock.GetUtcNow());
            db.Add(fund);
        }
        else fund.Edit(name, host.Value.Id, host.Value.Name, r.Purpose!.Trim(), r.EstablishedOn!.Value);
        if (await db.SaveOrFindDuplicateAsync(ct) is not { } columns) return new Saved(fund.Id, fund.FundNo, fund.Name);
        if (columns.Contains(nameof(CommunityFund.FundNo))) return null;
        return UniqueKeys.Conflict();
    }
}
