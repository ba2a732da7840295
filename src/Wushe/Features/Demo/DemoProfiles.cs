using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform;

namespace Wushe.Features.Demo;

/// <summary>
/// Who lives in a demo household, as the demo's visits, cases and needs read it (review7c 4, 5): what is found on a visit, a
/// case's problem, a need raised or a major change is drawn from what fits the household's members — elderly (60 and over),
/// minors, people with a disability, 失能失智, 低保 or 特困 — never regardless of them (no "孩子按时上学" in a household of two
/// adults, no "低保金" without a 低保 tag, no employment casework for a 75-year-old).
/// </summary>
public sealed record HouseholdProfile(bool Elderly, bool Minor, bool Disabled, bool Dementia, bool Dibao, bool Tekun, bool Alone)
{
    /// <summary>The tags of the national list the profile reads (<see cref="TargetGroups"/>' names).</summary>
    public const string DisabledTag = "残疾人", DementiaTag = "失能失智老人", DibaoTag = "低保对象", TekunTag = "特困人员";

    public const int ElderlyAge = 60;

    /// <summary>The profiles of <paramref name="householdIds"/> from their active members' ages (on <paramref name="today"/>) and tags; read by id, across the scope.</summary>
    public static async Task<Dictionary<Guid, HouseholdProfile>> LoadAsync(AppDb db, IReadOnlyCollection<Guid> householdIds, DateOnly today, CancellationToken ct = default)
    {
        var ids = householdIds.Distinct().ToList();
        var members = (await db.Set<Resident>().IgnoreQueryFilters().AsNoTracking()
                .Where(r => ids.Contains(r.HouseholdId) && r.Status == ResidentStatus.Active).Select(r => new { r.HouseholdId, r.BirthDate }).ToListAsync(ct))
            .ToLookup(r => r.HouseholdId);
        var tags = (await (from t in db.Set<ResidentTag>().IgnoreQueryFilters()
                           join g in db.Set<TargetGroup>().IgnoreQueryFilters() on t.TargetGroupId equals g.Id
                           where ids.Contains(t.HouseholdId)
                           select new { t.HouseholdId, g.Name }).ToListAsync(ct))
            .ToLookup(t => t.HouseholdId, t => t.Name);
        return ids.ToDictionary(id => id, id =>
        {
            var ages = members[id].Select(m => ChinaTime.AgeOn(m.BirthDate, today)).ToList();
            var named = tags[id].ToHashSet();
            return new HouseholdProfile(ages.Any(a => a >= ElderlyAge), ages.Any(a => a < 18), named.Contains(DisabledTag), named.Contains(DementiaTag),
                named.Contains(DibaoTag), named.Contains(TekunTag), ages.Count == 1);
        });
    }

    /// <summary>What a visit finds, in the household's words: living conditions, health, safety, the services given and their note.</summary>
    public sealed record Finding(string Living, string Health, string Safety, ServiceKind[] Services, string Note);

    static readonly Finding[] General =
    [
        new("居住环境整洁，生活基本正常", "家庭成员身体状况平稳", "无安全隐患", [ServiceKind.Counselling], "了解近期生活，宣传社区服务政策"),
        new("家庭收支基本平衡，近期无大额支出", "身体状况平稳", "已提醒冬季用火用电安全", [ServiceKind.Counselling], "讲解临时救助政策，留下社工联系方式"),
    ];

    static readonly Finding SelfCaring = new("居住环境整洁，生活能自理", "血压偏高，按时服药", "燃气灶已加装熄火保护", [ServiceKind.LifeCare], "协助整理药品，讲解用药时间");

    static readonly Finding[] Elder =
    [
        new("屋内稍显杂乱，冬季取暖已落实", "腿脚不便，近期无跌倒", "卫生间已安装扶手", [ServiceKind.LifeCare], "帮助清理杂物，检查取暖设备"),
        new("家庭关系和睦，与子女联系密切", "身体状况平稳", "无安全隐患", [ServiceKind.Counselling], "陪伴聊天，了解近期生活"),
    ];

    static readonly Finding[] Children =
    [
        new("孩子按时上学，作业有人辅导", "孩子身体健康", "家中用电安全，已提醒防溺水", [ServiceKind.Counselling], "与监护人沟通孩子学习和情绪"),
        new("孩子在校表现良好，周末由家人照看", "孩子按时接种疫苗", "已提醒监护人注意孩子上下学交通安全", [ServiceKind.Counselling], "了解孩子课余生活，讲解困境儿童关爱政策"),
    ];

    static readonly Finding DibaoFinding = new("低保金按时发放，基本生活有保障", "身体状况一般", "房屋结构安全", [ServiceKind.LegalAid], "讲解临时救助申请条件");
    static readonly Finding TekunFinding = new("特困供养金按月发放，基本生活有保障", "患慢性病，需长期用药", "房屋结构安全，冬季取暖已落实", [ServiceKind.LifeCare], "核对供养待遇，协助预约体检");
    static readonly Finding DementiaFinding = new("照护者压力较大，照护基本到位", "认知能力有所下降", "已提醒家属锁好门窗、防走失", [ServiceKind.MedicalCare, ServiceKind.Counselling], "联系社区医生上门评估，疏导照护者情绪");
    static readonly Finding Disability = new("轮椅出行，家中无障碍设施基本到位", "坚持康复训练，身体状况稳定", "门口坡道已修整", [ServiceKind.LifeCare], "讲解残疾人两项补贴，协助预约辅具适配");

    /// <summary>The findings that fit this household, to be taken in turn (the household's own first, the general ones last).</summary>
    public IReadOnlyList<Finding> Findings()
    {
        var pool = new List<Finding>();
        if (Dementia) pool.Add(DementiaFinding);
        if (Disabled) pool.Add(Disability);
        if (Dibao) pool.Add(DibaoFinding);
        if (Tekun) pool.Add(TekunFinding);
        if (Minor) pool.AddRange(Children);
        if (Elderly)
        {
            // Someone with dementia in the household: not "生活能自理".
            if (!Dementia) pool.Add(SelfCaring);
            pool.AddRange(Elder);
        }
        pool.AddRange(General);
        return pool;
    }

    /// <summary>A need a visit raises (急难愁盼) that fits the household: what was found, the need, what to follow up.</summary>
    public (string Found, Needs.NeedCategory Category, string Need, string FollowUp) NeedRaised() =>
        Elderly ? ("行动不便，做饭困难", Needs.NeedCategory.ElderlyCare, Alone ? "独居老人行动不便，需要社区助餐服务" : "老人行动不便，需要社区助餐服务", "联系社区食堂送餐")
        : Minor ? ("孩子放学后无人看护", Needs.NeedCategory.Children, "孩子放学后无人看护，需要课后托管服务", "联系社区四点半课堂")
        : Disabled ? ("轮椅老化，出行困难", Needs.NeedCategory.Disability, "轮椅老化，需要辅具适配和居家无障碍改造", "联系残联辅具服务中心")
        : ("家庭收入不稳定", Needs.NeedCategory.Employment, "家庭收入不稳定，需要就业帮扶信息", "推送就业服务信息");

    /// <summary>The major changes (重大变故) that may befall this household.</summary>
    public IReadOnlyList<string> Changes()
    {
        var changes = new List<string>();
        if (Elderly) changes.AddRange(["户主突发脑梗住院", Alone ? "独居老人在家中跌倒骨折" : "老人在家中跌倒骨折"]);
        if (Minor) changes.Add("监护人外出务工，孩子暂由亲属照看");
        changes.Add("房屋漏雨，部分家具受损");
        return changes;
    }
}
