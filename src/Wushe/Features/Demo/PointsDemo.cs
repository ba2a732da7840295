using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Volunteers;
using Wushe.Features.Volunteers.Hours;
using Wushe.Features.Volunteers.Points;
using Wushe.Platform;
using Wushe.Platform.Access;

namespace Wushe.Features.Demo;

/// <summary>
/// Demo points (issue 9): each seed place's merchant account keeps a merchant of its township with three offers; each place's demo
/// volunteer account's points come from its service made final through <see cref="FinalizeHours"/> (VolunteersDemo: the points are earned the
/// way real ones are), and it has one redemption waiting for the merchant. Runs once: nothing happens when any merchant exists.
/// </summary>
public static class PointsDemo
{
    static readonly (string Township, string Merchant, string Volunteer, string Name, MerchantKind Kind, string Address)[] Places =
    [
        ("520502001000", "bijie.sh", "bijie.zyz", "市西街道爱心超市", MerchantKind.Shop, "市西街道洪山路 18 号"),
        ("340603001000", "huaibei.sh", "huaibei.zyz", "相南街道美德积分便民店", MerchantKind.Shop, "相南街道淮海西路 66 号"),
        ("150207001000", "jiuyuan.sh", "jiuyuan.zyz", "沙河街道红色商户联盟店", MerchantKind.Shop, "沙河街道建华南路 9 号"),
        ("370502001000", "merchant", "volunteer", "文汇街道新时代文明实践便民服务点", MerchantKind.PublicService, "文汇街道庐山路 120 号"),
    ];

    static readonly (string Title, string Description, int Price, int Stock, int MinStars)[] Offers =
    [
        ("洗衣液一瓶（2 kg）", "凭兑换码到店领取，兑换后 7 天内有效", 20, 30, 0),
        ("理发一次", "店内男士、女士剪发任选，预约请致电", 30, 20, 1),
        ("米面油礼包", "大米 5 kg、食用油 1.8 L，二星及以上志愿者可兑", 120, 10, 2),
    ];

    public static async Task SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<ActorOverride>().Actor = CurrentUser.System;
        var db = sp.GetRequiredService<AppDb>();
        if (await db.Set<Merchant>().IgnoreQueryFilters().AnyAsync()) return;
        var clock = sp.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();
        var today = ChinaTime.Today(clock);
        foreach (var p in Places)
        {
            var account = await db.Users.Where(u => u.UserName == p.Merchant).Select(u => (Guid?)u.Id).FirstOrDefaultAsync();
            if (account is null || !await db.Areas.AnyAsync(a => a.Code == p.Township)) continue;
            var merchant = new Merchant(p.Township, p.Name, p.Kind, p.Address, "0000-0000000", account, "系统", now.AddDays(-60));
            db.Add(merchant);
            var offers = Offers.Select(o => new Offer(merchant, o.Title, o.Description, o.Price, o.Stock, today.AddDays(-30), today.AddDays(150), o.MinStars, true, now.AddDays(-30))).ToList();
            db.AddRange(offers);
            await db.SaveChangesAsync();

            // The place's demo volunteer (its service made final by VolunteersDemo through FinalizeHours, which earned the points).
            var userId = await db.Users.Where(u => u.UserName == p.Volunteer).Select(u => (Guid?)u.Id).FirstOrDefaultAsync();
            var volunteer = userId is null ? null : await db.Set<Volunteer>().IgnoreQueryFilters().FirstOrDefaultAsync(v => v.UserId == userId);
            if (volunteer is null) continue;
            db.ChangeTracker.Clear();
            var v = await db.Set<Volunteer>().IgnoreQueryFilters().SingleAsync(x => x.Id == volunteer.Id);
            // One redemption waiting for the merchant, through the use case the volunteer's page calls.
            var asVolunteer = new CurrentUser(v.UserId, p.Volunteer, [new Assignment(Role.Volunteer, v.AreaCode, "", null)], null);
            await RedeemOffer.Handle(db.ActingAs(asVolunteer), asVolunteer, clock, new PointsOptions(), offers[0].Id);
            db.ActingAs(CurrentUser.System);
            db.ChangeTracker.Clear();
        }
    }
}
