using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Features.Workforce;
using Wushe.Features.Workforce.Talents;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;

namespace Wushe.Features.Demo;

/// <summary>
/// The demo's new-talent figure (issue 11): Bijie's report says "增加社会工作人才 7761人" (to date). The city's definition — people of the
/// register who since 2021 first qualified, took up social work or first attended a platform training, each once — counts exactly 7,761
/// from register records: the people the other demos put on Bijie's register that it counts, and newcomers who took up social work in
/// 2021–2023 with the townships' service centres (not yet qualified). Runs last and once: nothing
/// happens when a definition exists.
/// </summary>
public static class TalentsDemo
{
    public const string Bijie = "520500000000";
    public const int BijieNewTalents = 7761;
    public static readonly DateOnly Since = new(2021, 1, 1);

    static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "龙", "罗", "朱", "杨", "何", "高", "安", "宋", "熊", "谢", "韩", "陆"];
    static readonly string[] Given = ["晓燕", "志强", "丽娜", "海峰", "静", "磊", "婷婷", "建华", "雪梅", "俊", "文静", "浩", "佳", "明", "欣", "鹏", "倩", "宇", "琳", "超", "敏", "伟", "娟", "杰"];

    public static async Task SeedAsync(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        var sp = scope.ServiceProvider;
        sp.GetRequiredService<ActorOverride>().Actor = CurrentUser.System;
        var db = sp.GetRequiredService<AppDb>();
        if (await db.Set<TalentDefinition>().IgnoreQueryFilters().AnyAsync()) return;
        if (!await db.Areas.AnyAsync(a => a.Code == Bijie)) return;
        var sealer = sp.GetRequiredService<Sealer>();
        var clock = sp.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow();

        var definition = new TalentDefinition(Bijie, null, "毕节市民政局（演示）", now);
        definition.Set("新增社会工作人才", Since, null, true, true, true, "与《毕节市“五社联动”工作情况》“增加社会工作人才 7761人”口径一致的演示数据");
        db.Add(definition);
        await db.SaveChangesAsync();

        var counted = (await TalentFigures.Handle(db, CurrentUser.System, clock, definition.Id)).Value!.Total.Total;
        var townships = await db.Areas.AsNoTracking().Where(a => a.Code.StartsWith("5205") && a.Level == AreaLevel.Township && a.ValidTo == null)
            .OrderBy(a => a.Code).Select(a => new { a.Code, a.Name }).ToListAsync();
        var random = new Random(7761);
        for (var k = 0; k < BijieNewTalents - counted; k++)
        {
            var township = townships[k % townships.Count];
            var male = k % 3 == 0;
            // Birthday and sequence from k: each number once; a sequence of 3x keeps them apart from the other demos' (9x).
            var birth = new DateOnly(1978, 1, 1).AddDays(k % 9000);
            var first17 = township.Code[..6] + birth.ToString("yyyyMMdd") + (30 + k / 9000).ToString("00") + (male ? (1 + 2 * (k % 5)) : 2 * (k % 5)).ToString();
            var w = SocialWorkerForm.New(db, sealer, Surnames[k % Surnames.Length] + Given[random.Next(Given.Length)], first17 + ResidentId.CheckChar(first17), township.Code, null, "演示数据", now);
            w.Describe(w.Name, sealer.Seal(SensitiveKind.Phone, "137" + (20000000 + k * 7919 % 79999999).ToString("00000000")), k % 4 == 0 ? Education.Master : Education.Bachelor);
            var started = new DateOnly(2021, 1, 1).AddDays(random.Next(0, 1095));
            w.Employ(township.Code, EmployerKind.Other, null, null, township.Name + "便民服务中心", k % 5 == 0 ? "社会工作专岗" : "社区工作者", started);
        }
        await db.SaveChangesAsync();
    }
}
