using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Platform.Access;

namespace Wushe.Features.Demo;

/// <summary>
/// The demo's colour-card schemes, saved through <see cref="SaveCardScheme"/> as the system: 九原区 (Jiuyuan) its 五色户卡, where the
/// seed reports say the orange card marks the elderly given priority care (生活照料、精神慰藉 …); 淮北市, 毕节市 (七星关区's
/// "红黄蓝" 分级访视, praised by the province) and 东营区 the three-tier 红黄蓝 (weekly, monthly, quarterly). Runs once: an
/// installation that has any scheme keeps its own.
/// </summary>
public static class CareSchemesDemo
{
    public const string Jiuyuan = "150207000000", Huaibei = "340600000000", Bijie = "520500000000", Dongying = "370502000000";

    public static async Task SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<ActorOverride>().Actor = CurrentUser.System;
        var db = sp.GetRequiredService<AppDb>();
        if (await db.Set<CardScheme>().AnyAsync()) return;
        var clock = sp.GetRequiredService<TimeProvider>();

        await Save(db, clock, Jiuyuan, "九原区五色户卡", "Jiuyuan five-colour cards",
        [
            new("red", "红卡", "高风险：独居失能、突发重大变故或存在安全隐患，每周入户", 7, "#E53935", "Red card",
                "High risk: living alone and disabled, a sudden major change or a safety hazard; visited weekly"),
            new("orange", "橙卡", "重点关爱老人：独居、空巢、高龄老人，提供生活照料与精神慰藉", 14, "#FB8C00", "Orange card",
                "Priority elderly: living alone, empty-nest or very old; daily-living care and emotional support"),
            new("yellow", "黄卡", "需关注：低保、特困、残疾或留守儿童家庭", 30, "#FDD835", "Yellow card",
                "Needs attention: families on minimum living allowance, in extreme poverty, with disability or left-behind children"),
            new("blue", "蓝卡", "一般关注：有老人或儿童、生活基本稳定的家庭", 90, "#1E88E5", "Blue card",
                "General care: families with elderly or children whose life is broadly stable"),
            new("green", "绿卡", "稳定：家庭照护到位，定期回访", 180, "#43A047", "Green card", "Stable: care in place at home; regular follow-up"),
        ]);
        foreach (var (code, name, nameEn) in new[] { (Huaibei, "淮北市红黄蓝分级访视", "Huaibei red-yellow-blue tiered visiting"),
                     (Bijie, "毕节市红黄蓝分级访视", "Bijie red-yellow-blue tiered visiting"), (Dongying, "东营区红黄蓝分级访视", "Dongying red-yellow-blue tiered visiting") })
            await Save(db, clock, code, name, nameEn, ThreeTier());
    }

    static List<CardColourFields?> ThreeTier() =>
    [
        new("red", "红卡", "高风险：独居失能、重大变故或安全隐患，每周探访", 7, "#E53935", "Red card",
            "High risk: living alone and disabled, a major change or a safety hazard; visited weekly"),
        new("yellow", "黄卡", "需关注：困难、残疾、留守等家庭，每月探访", 30, "#FDD835", "Yellow card",
            "Needs attention: families in hardship, with disability or left-behind children; visited monthly"),
        new("blue", "蓝卡", "一般关注：生活基本稳定，每季度探访", 90, "#1E88E5", "Blue card", "General care: life broadly stable; visited quarterly"),
    ];

    static async Task Save(AppDb db, TimeProvider clock, string area, string name, string nameEn, List<CardColourFields?> colours)
    {
        // A demo without that place (a configured division list of other places) simply has no scheme there.
        if (!await db.Areas.AnyAsync(a => a.Code == area)) return;
        var result = await SaveCardScheme.Create(db, clock, new SaveCardScheme.Request(area, name, colours, NameEn: nameEn));
        if (!result.IsOk) throw new InvalidOperationException($"The demo scheme of {area} was refused: {result.Failure!.Title}");
    }
}
