using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Charity.Campaigns;

/// <summary>
/// 发起 / 编辑募捐活动: name, description, period (China dates, at most a year), target (yuan, as donations) and the funds it raises for —
/// active funds of its area (<see cref="CampaignRules.FundsFor"/>), at least one. The area (12 digits, in scope) is fixed once set up; a fund
/// that already has donations of the campaign stays linked. Failures: 400 naming the field; 404 (out of scope); 409 (changed meanwhile).
/// </summary>
public static class SaveCampaign
{
    public sealed record Request(
        [property: Label("所在区划", "Area")] string? AreaCode,
        [property: Label("活动名称", "Name")] string? Name,
        [property: Label("活动说明", "Description")] string? Description,
        [property: Label("开始日期", "Starts on")] DateOnly? StartsOn,
        [property: Label("结束日期", "Ends on")] DateOnly? EndsOn,
        [property: Label("募捐目标（元）", "Target (yuan)")] decimal? TargetYuan,
        [property: Label("关联基金", "Funds")] IReadOnlyList<Guid>? FundIds,
        [property: Label("版本", "Version")] int? Version = null);

    public sealed record Saved(Guid Id, string Name);

    public static async Task<Result<Saved>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid? id, Request r, CancellationToken ct = default)
    {
        Campaign? campaign = null;
        if (id is { } cid && (campaign = await db.Set<Campaign>().FirstOrDefaultAsync(c => c.Id == cid, ct)) is null) return Failure.NotFound();
        var errors = new Errors()
            .Text("name", r.Name, "活动名称", "The name", 2, CampaignRules.NameMax)
            .Text("description", r.Description, "活动说明", "The description", 0, CampaignRules.DescriptionMax, required: false);
        var code = campaign?.AreaCode ?? AreaCode.Normalize(r.AreaCode);
        if (campaign is null && (code is null || !user.Scope.Covers(code) || !await db.Areas.AnyAsync(a => a.Code == code && a.ValidTo == null, ct)))
            errors.Add("areaCode", Lang.T("请选择管辖范围内的区划", "Choose an area of your scope"));
        if (r.StartsOn is not { } starts) errors.Add("startsOn", Lang.T("请填写开始日期", "Give the first day"));
        else if (starts.Year < 2000) errors.Add("startsOn", Lang.T("开始日期须在 2000 年以后", "The first day is after 2000"));
        if (r.EndsOn is not { } ends) errors.Add("endsOn", Lang.T("请填写结束日期", "Give the last day"));
        else if (r.StartsOn is { } s && (ends < s || ends.DayNumber - s.DayNumber >= CampaignRules.LongestDays))
            errors.Add("endsOn", Lang.T("结束日期不能早于开始日期，活动期最长一年", "The last day is not before the first, and a campaign lasts at most a year"));
        if (r.TargetYuan is not { } target || !Money.IsYuan(target)) errors.Add("targetYuan", Money.NotYuan("募捐目标", "Target"));
        var wanted = (r.FundIds ?? []).Distinct().ToList();
        var funds = code is null || errors.Has("areaCode") ? [] : await CampaignRules.FundsFor(db, code).Where(f => wanted.Contains(f.Id)).ToListAsync(ct);
        var keep = campaign is null ? [] : await db.Set<Donation>().Where(d => d.CampaignId == campaign.Id).Select(d => d.FundId).Distinct().ToListAsync(ct);
        if (errors.Has("areaCode")) { }
        else if (wanted.Count == 0 || funds.Count != wanted.Count)
            errors.Add("fundIds", Lang.T("请选择本区划内运行中的社区慈善基金（至少一个）", "Choose at least one active fund of the area"));
        else if (keep.Except(wanted).Any())
            errors.Add("fundIds", Lang.T("已有本活动捐赠的基金不能取消关联", "A fund with donations of this campaign stays linked"));
        if (errors.Any) return errors.ToFailure();
        if (campaign is not null && r.Version is { } version && version != campaign.Version)
            return Failure.Conflict(Lang.T("该活动已被他人修改，请刷新后重试", "Someone else changed this campaign; reload and try again"));

        if (campaign is null)
        {
            campaign = new Campaign(code!, r.Name!.Trim(), r.Description?.Trim() ?? "", r.StartsOn!.Value, r.EndsOn!.Value, Money.Fen(r.TargetYuan!.Value),
                user.Id, await Households.Workers.NameAsync(db, user, ct), clock.GetUtcNow());
            db.Add(campaign);
        }
        else campaign.Change(r.Name!.Trim(), r.Description?.Trim() ?? "", r.StartsOn!.Value, r.EndsOn!.Value, Money.Fen(r.TargetYuan!.Value));
        var linked = await db.Set<CampaignFund>().Where(l => l.CampaignId == campaign.Id).ToListAsync(ct);
        db.RemoveRange(linked.Where(l => !wanted.Contains(l.FundId)));
        foreach (var f in funds.Where(f => linked.All(l => l.FundId != f.Id))) db.Add(new CampaignFund(campaign, f));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Failure.Conflict(Lang.T("该活动已被他人修改，请刷新后重试", "Someone else changed this campaign; reload and try again"));
        }
        return new Saved(campaign.Id, campaign.Name);
    }
}
