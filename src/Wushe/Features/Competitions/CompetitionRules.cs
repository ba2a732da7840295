using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Organizations;
using Wushe.Platform;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// A call's rules in one place: what a call may say (<see cref="Validate"/>, pure: the rubric's weights add up to 100, the tranches to
/// 100 in the order of their gates, the cap within the pool, the timetable within a year…), the same rules in words for the details
/// and public pages (<see cref="RulesText"/>), its number and the answers the call's use cases share.
/// </summary>
public static class CompetitionRules
{
    public const int MinCriteria = 2, MaxCriteria = 10, MinJudges = 3, MaxJudges = 15, MinNoticeDays = 5, MaxNoticeDays = 30,
        MaxDocuments = 10, MaxTranches = 5, MaxRegisteredMonths = 120, MaxMidTermMonths = 36, MaxBonusPoints = 10, MaxBonusFullPercent = 200;

    /// <summary>The refusal of a mobile or an ID number in a call's public text (<see cref="Platform.Sensitive.ContactText.FindsPersonalNumber"/>).</summary>
    public static string PersonalNumber => Lang.T("申报通知会公开发布，请勿填写居民的手机号码或身份证号码；联系方式可填写办公电话（如 0857-1234567）",
        "The call is published: do not put residents' mobile or ID numbers in it; give an office landline (such as 0857-1234567) as the contact");

    /// <summary>Every rule of a call's fields, each error under its field ("rubric[1].weight", "tranches", "closesAt" …).</summary>
    public static Errors Validate(SaveCompetition.Request r)
    {
        var errors = new Errors()
            .Text("title", r.Title, "名称", "Title", 2, 100)
            .Text("hostName", r.HostName, "主办单位", "Host", 2, 100)
            .Text("description", r.Description, "申报通知", "Call text", 0, 4000, required: false)
            .Text("otherConditions", r.OtherConditions, "其他申报条件", "Other conditions", 0, 1000, required: false);
        // A call is published as typed: no resident's mobile or ID number in its public text (an office landline is the contact).
        foreach (var (field, text) in new[] { ("title", r.Title), ("hostName", r.HostName), ("description", r.Description), ("otherConditions", r.OtherConditions) })
            if (!errors.Has(field) && Platform.Sensitive.ContactText.FindsPersonalNumber(text))
                errors.Add(field, PersonalNumber);
        if (string.IsNullOrWhiteSpace(r.AreaCode)) errors.Add("areaCode", Lang.T("请选择主办地区", "Choose the host area"));
        else errors.Add("areaCode", Platform.Areas.AreaCode.Check(r.AreaCode));

        if (r.Focuses is not { Count: > 0 } focuses) errors.Add("focuses", Lang.T("请至少选择一个资助领域", "Choose at least one focus area"));
        else if (focuses.Any(f => !Enum.IsDefined(f))) errors.Add("focuses", Lang.T("资助领域的取值不正确", "A focus area is not valid"));
        if (r.EligibleKinds is { } kinds && kinds.Any(k => !Enum.IsDefined(k))) errors.Add("eligibleKinds", Lang.T("组织类型的取值不正确", "An organization kind is not valid"));
        if (r.MinRegisteredMonths is { } months && months is < 0 or > MaxRegisteredMonths)
            errors.Add("minRegisteredMonths", Lang.T($"登记月数须为 0 至 {MaxRegisteredMonths} 之间的整数", $"The months registered are a whole number from 0 to {MaxRegisteredMonths}"));

        // Money: the pool and the cap in yuan (whole fen), the cap within the pool.
        if (r.PoolYuan is not { } pool || !Money.IsYuan(pool))
            errors.Add("poolYuan", Lang.T("资金池须大于 0、不超过 1 亿元，最多两位小数", "The pool is above 0 and at most 100 million yuan, with at most 2 decimals"));
        if (r.CapYuan is not { } cap || !Money.IsYuan(cap))
            errors.Add("capYuan", Lang.T("单个项目资助上限须大于 0、不超过 1 亿元，最多两位小数", "The cap is above 0 and at most 100 million yuan, with at most 2 decimals"));
        else if (r.PoolYuan is { } p && Money.IsYuan(p) && cap > p)
            errors.Add("capYuan", Lang.T($"单个项目资助上限（{Money.Yuan(Money.Fen(cap))}）不能超过资金池（{Money.Yuan(Money.Fen(p))}）",
                $"The cap ({Money.Yuan(Money.Fen(cap))}) cannot exceed the pool ({Money.Yuan(Money.Fen(p))})"));

        switch (r.CoFunding)
        {
            case null:
            case var c when !Enum.IsDefined(c.Value):
                errors.Add("coFunding", Lang.T("请选择配套资金要求", "Choose the co-funding rule"));
                break;
            case CoFundingRule.Required:
                if (r.CoFundingMinPercent is not (>= 1 and <= 100))
                    errors.Add("coFundingMinPercent", Lang.T("必须配套时，最低配套比例须为 1 至 100 之间的整数", "With co-funding required, the minimum share is a whole number from 1 to 100"));
                break;
            case CoFundingRule.Rewarded:
                if (r.BonusMaxPoints is not (>= 1 and <= MaxBonusPoints))
                    errors.Add("bonusMaxPoints", Lang.T($"配套加分上限须为 1 至 {MaxBonusPoints} 分", $"The bonus is 1 to {MaxBonusPoints} points"));
                if (r.BonusFullPercent is not (>= 1 and <= MaxBonusFullPercent))
                    errors.Add("bonusFullPercent", Lang.T($"满分配套比例须为 1 至 {MaxBonusFullPercent} 之间的整数", $"The co-funding share for the full bonus is a whole number from 1 to {MaxBonusFullPercent}"));
                break;
        }

        Rubric(errors, r.Rubric);
        if (r.JudgeCount is not (>= MinJudges and <= MaxJudges))
            errors.Add("judgeCount", Lang.T($"评审专家人数须为 {MinJudges} 至 {MaxJudges} 人（去掉最高分和最低分至少需要 3 位专家）",
                $"A call has {MinJudges} to {MaxJudges} judges (dropping the highest and the lowest needs at least 3)"));
        if (r.Aggregation is not { } agg || !Enum.IsDefined(agg)) errors.Add("aggregation", Lang.T("请选择评分汇总方式", "Choose how the scores are aggregated"));
        if (r.TieBreak is not { } tie || !Enum.IsDefined(tie)) errors.Add("tieBreak", Lang.T("请选择同分排序规则", "Choose the tie rule"));

        // The timetable: instants (the page enters China time), the deadline after the opening and within a year of it.
        if (r.OpensAt is not { } opens) errors.Add("opensAt", Lang.T("请填写申报开始时间", "Give the opening time"));
        else if (opens.Year is < 2000 or > 2100) errors.Add("opensAt", Lang.T("申报开始时间须在 2000 至 2100 年之间", "The opening lies between 2000 and 2100"));
        if (r.ClosesAt is not { } closes) errors.Add("closesAt", Lang.T("请填写申报截止时间", "Give the deadline"));
        else if (closes.Year is < 2000 or > 2100) errors.Add("closesAt", Lang.T("申报截止时间须在 2000 至 2100 年之间", "The deadline lies between 2000 and 2100"));
        else if (r.OpensAt is { } o && !errors.Has("opensAt"))
        {
            if (closes <= o) errors.Add("closesAt", Lang.T("申报截止时间须晚于申报开始时间", "The deadline is after the opening"));
            else if (closes > o.AddYears(1)) errors.Add("closesAt", Lang.T("申报期不能超过一年", "Applications are taken for at most a year"));
        }
        if (r.NoticeDays is not (>= MinNoticeDays and <= MaxNoticeDays))
            errors.Add("noticeDays", Lang.T($"公示天数须为 {MinNoticeDays} 至 {MaxNoticeDays} 天", $"The notice lasts {MinNoticeDays} to {MaxNoticeDays} days"));

        var documents = r.RequiredDocuments ?? [];
        var filled = documents.Where(d => !string.IsNullOrWhiteSpace(d)).ToList();
        if (filled.Count > MaxDocuments) errors.Add("requiredDocuments", Lang.T($"申报材料最多 {MaxDocuments} 项", $"At most {MaxDocuments} documents"));
        for (var i = 0; i < documents.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(documents[i])) continue;
            var name = documents[i].Trim();
            errors.Text($"requiredDocuments[{i}]", name, $"第 {i + 1} 项申报材料的名称", $"Document {i + 1}'s name", 2, 30);
            if (!errors.Has($"requiredDocuments[{i}]") && documents.Take(i).Any(d => d?.Trim() == name))
                errors.Add($"requiredDocuments[{i}]", Lang.T($"申报材料“{name}”重复", $"The document \"{name}\" is listed twice"));
        }

        Tranches(errors, r.Tranches, r.MidTermMonths);
        return errors;
    }

    static void Rubric(Errors errors, List<SaveCompetition.Criterion>? rubric)
    {
        var list = rubric ?? [];
        for (var i = 0; i < list.Count; i++)
            if (list[i] is null) errors.Add($"rubric[{i}]", Lang.T($"第 {i + 1} 项评分指标为空，请填写或删去", $"Criterion {i + 1} is empty: fill it in or leave it out"));
        var used = list.Where(c => c is not null && !c.IsEmpty).ToList();
        if (used.Count is < MinCriteria or > MaxCriteria)
        {
            errors.Add("rubric", Lang.T($"评分指标须为 {MinCriteria} 至 {MaxCriteria} 项", $"The rubric has {MinCriteria} to {MaxCriteria} criteria"));
            if (used.Count > MaxCriteria) return;
        }
        var weightsOk = true;
        for (var i = 0; i < list.Count; i++)
        {
            var c = list[i];
            if (c is null || c.IsEmpty) continue;
            var n = i + 1;
            var name = c.Name?.Trim() ?? "";
            errors.Text($"rubric[{i}].name", c.Name, $"第 {n} 项评分指标的名称", $"Criterion {n}'s name", 2, 20);
            if (!errors.Has($"rubric[{i}].name") && list.Take(i).Any(o => o is not null && !o.IsEmpty && o.Name?.Trim() == name))
                errors.Add($"rubric[{i}].name", Lang.T($"第 {n} 项评分指标：“{name}”与前面的指标重复", $"Criterion {n}: \"{name}\" is listed twice"));
            if (c.Weight is not (>= 1 and <= 100)) { errors.Add($"rubric[{i}].weight", Lang.T($"第 {n} 项评分指标：权重须为 1 至 100 之间的整数", $"Criterion {n}: the weight is a whole number from 1 to 100")); weightsOk = false; }
            if (c.MaxScore is not (>= 1 and <= 100)) errors.Add($"rubric[{i}].maxScore", Lang.T($"第 {n} 项评分指标：满分须为 1 至 100 之间的整数", $"Criterion {n}: the maximum score is a whole number from 1 to 100"));
        }
        if (weightsOk && used.Count >= MinCriteria && used.Sum(c => c.Weight!.Value) is var sum && sum != 100)
            errors.Add("rubric", Lang.T($"各项评分指标的权重合计须为 100%，现为 {sum}%", $"The weights add up to 100%; they add up to {sum}%"));
    }

    static void Tranches(Errors errors, List<SaveCompetition.Tranche>? tranches, int? midTermMonths)
    {
        var list = tranches ?? [];
        for (var i = 0; i < list.Count; i++)
            if (list[i] is null) errors.Add($"tranches[{i}]", Lang.T($"第 {i + 1} 笔拨付为空，请填写或删去", $"Tranche {i + 1} is empty: fill it in or leave it out"));
        var used = list.Where(t => t is not null && !t.IsEmpty).ToList();
        if (used.Count is < 1 or > MaxTranches)
        {
            errors.Add("tranches", Lang.T($"拨付计划须为 1 至 {MaxTranches} 笔", $"The plan has 1 to {MaxTranches} tranches"));
            if (used.Count > MaxTranches) return;
        }
        var ok = true;
        TrancheGate? last = null;
        for (var i = 0; i < list.Count; i++)
        {
            var t = list[i];
            if (t is null || t.IsEmpty) continue;
            var n = i + 1;
            if (t.Percent is not (>= 1 and <= 100)) { errors.Add($"tranches[{i}].percent", Lang.T($"第 {n} 笔：拨付比例须为 1 至 100 之间的整数", $"Tranche {n}: the share is a whole number from 1 to 100")); ok = false; }
            if (t.Gate is not { } gate || !Enum.IsDefined(gate)) { errors.Add($"tranches[{i}].gate", Lang.T($"第 {n} 笔：请选择拨付节点", $"Tranche {n}: choose its gate")); ok = false; }
            else
            {
                if (last is { } before && gate < before)
                    errors.Add($"tranches[{i}].gate", Lang.T($"第 {n} 笔：拨付节点须按“签订协议、中期评估合格、结项评估合格”的先后排列",
                        $"Tranche {n}: the gates follow the order signing, mid-term passed, final passed"));
                last = gate;
            }
        }
        if (ok && used.Count >= 1 && used.Sum(t => t.Percent!.Value) is var sum && sum != 100)
            errors.Add("tranches", Lang.T($"各笔拨付比例合计须为 100%，现为 {sum}%", $"The tranches add up to 100%; they add up to {sum}%"));
        if (used.Any(t => t.Gate == TrancheGate.MidTermPassed) && midTermMonths is not (>= 1 and <= MaxMidTermMonths))
            errors.Add("midTermMonths", Lang.T($"有中期评估后拨付的款项时，中期评估期限须为 1 至 {MaxMidTermMonths} 个月", $"With a tranche after the mid-term evaluation, it is due in 1 to {MaxMidTermMonths} months"));
    }

    /// <summary>A rule of the call in words: what it is (规则) and how it reads (说明).</summary>
    public sealed record RuleLine(string Name, string Text);

    /// <summary>
    /// The call's rules as the details and public pages print them: eligibility, money, who pays (<paramref name="fund"/>: the community
    /// fund the call names, null for the host's budget), co-funding, scoring, ties, judges, notice, tranches.
    /// </summary>
    public static IReadOnlyList<RuleLine> RulesText(Competition c, CallFund.Named? fund = null) =>
    [
        new(Lang.T("申报条件", "Eligibility"), Eligibility(c)),
        new(Lang.T("资助金额", "Money"), Lang.T($"资金池 {Money.Yuan(c.PoolFen)}，单个项目资助不超过 {Money.Yuan(c.CapFen)}",
            $"A pool of {Money.Yuan(c.PoolFen)}, at most {Money.Yuan(c.CapFen)} per project")),
        new(Lang.T("资金来源", "Paid by"), CallFund.SourceText(fund)),
        new(Lang.T("配套资金", "Co-funding"), CoFundingText(c)),
        new(Lang.T("评审方式", "Review"), Lang.T($"每个申报项目由 {c.JudgeCount} 位评审专家按评分指标打分，各项得分乘以权重后合计为该专家的总分",
            $"{c.JudgeCount} judges score each application by the rubric; each judge's total is the weighted sum of the criteria")),
        new(Lang.T("评分汇总", "Aggregation"), c.Aggregation == ScoreAggregation.TrimmedMean
            ? Lang.T("去掉一个最高分和一个最低分后取平均（评分专家不足 3 位时取算术平均）", "The mean after dropping the highest and the lowest total (the plain mean with fewer than 3 judges)")
            : Lang.T("各位评审专家总分的算术平均", "The mean of the judges' totals")),
        new(Lang.T("同分排序", "Ties"), Lang.T($"最终得分相同时：{Competition.TieBreakLabel(c.TieBreak)}；仍相同的，提交在先者在前，再按申报编号",
            $"Equal final scores: {Competition.TieBreakLabel(c.TieBreak).ToLowerInvariant()}; still equal, the earlier submission first, then by number")),
        new(Lang.T("回避", "Recusal"), Lang.T("评审专家与申报项目有利害关系的应当声明回避，回避后不参与该项目的评分，也不能查看该项目的评分",
            "A judge with a conflict of interest declares it and is recused: they neither score that application nor see its scores")),
        new(Lang.T("公示", "Notice"), Lang.T($"拟资助名单公示 {c.NoticeDays} 天，公示期内可以提出异议", $"The shortlist is on public notice for {c.NoticeDays} days, when objections may be lodged")),
        new(Lang.T("资金拨付", "Tranches"), TranchesText(c)),
    ];

    public static string Eligibility(Competition c)
    {
        var parts = new List<string>
        {
            c.EligibleKinds.Count == 0 ? Lang.T("依法登记的社会组织", "Registered social organizations")
                : Lang.T("组织类型为：", "Kinds: ") + string.Join(Lang.T("、", ", "), c.EligibleKinds.Select(Organization.KindLabel)),
        };
        if (c.MinRegisteredMonths > 0) parts.Add(Lang.T($"截至申报截止时登记满 {c.MinRegisteredMonths} 个月", $"registered at least {c.MinRegisteredMonths} months by the deadline"));
        if (c.MustServeArea) parts.Add(Lang.T("服务区域覆盖项目所在地", "serving the project's area"));
        if (c.NoUnfinishedAward) parts.Add(Lang.T("无以往公益创投（不论主办单位）未结项的资助项目", "no unfinished award of an earlier call, whoever hosted it"));
        if (c.OtherConditions.Length > 0) parts.Add(c.OtherConditions);
        return string.Join(Lang.T("；", "; "), parts);
    }

    public static string CoFundingText(Competition c) => c.CoFunding switch
    {
        CoFundingRule.Required => Lang.T($"必须配套：配套资金不少于申请资助金额的 {c.CoFundingMinPercent}%，不足的不符合申报条件",
            $"Required: co-funding of at least {c.CoFundingMinPercent}% of the amount requested; less is ineligible"),
        CoFundingRule.Rewarded => Lang.T($"配套加分：配套资金达到申请资助金额的 {c.BonusFullPercent}% 的加 {c.BonusMaxPoints} 分，不足的按比例加分",
            $"Rewarded: co-funding of {c.BonusFullPercent}% of the amount requested earns {c.BonusMaxPoints} bonus points, less earns its share"),
        _ => Lang.T("不要求配套资金", "No co-funding asked"),
    };

    /// <summary>"签订协议后拨付40%，中期评估合格后拨付40%，结项评估合格后拨付20%" and the mid-term's deadline.</summary>
    public static string TranchesText(Competition c)
    {
        var plan = string.Join(Lang.T("，", ", "), c.Tranches.Select(t => Lang.T($"{Competition.GateLabel(t.Gate)}拨付{t.Percent}%", $"{t.Percent}% {Competition.GateLabel(t.Gate).ToLowerInvariant()}")));
        if (c.Tranches.Any(t => t.Gate == TrancheGate.MidTermPassed))
            plan += Lang.T($"；中期评估须在签订协议后 {c.MidTermMonths} 个月内完成，未按期完成或不合格的，停止拨付后续资金",
                $"; the mid-term evaluation is due {c.MidTermMonths} months after signing: late or failed, no further tranche is paid");
        return plan;
    }

    /// <summary>CT + the host area's first 9 digits + the year + 2 digits (the next of that prefix).</summary>
    public static async Task<string> NextNumberAsync(AppDb db, string areaCode, int year, CancellationToken ct = default)
    {
        var prefix = $"CT{areaCode[..9]}{year.ToString(CultureInfo.InvariantCulture)}";
        var last = await db.Set<Competition>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(c => c.CallNo.StartsWith(prefix))
            .OrderByDescending(c => c.CallNo).Select(c => c.CallNo).FirstOrDefaultAsync(ct);
        var next = (last is not null && int.TryParse(last[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0) + 1;
        return $"{prefix}{next:00}";
    }

    public static Failure Stale => Failure.Conflict(Lang.T("该申报通知已被他人修改，您的操作未保存，请刷新后重试", "Someone else changed this call; nothing was saved: reload and try again"));

    /// <summary><see cref="Competition.Accepting"/> as a query: published, opened and before the deadline at <paramref name="now"/>.</summary>
    public static System.Linq.Expressions.Expression<Func<Competition, bool>> AcceptingAt(DateTimeOffset now) =>
        c => c.Status == CompetitionStatus.Published && c.OpensAt <= now && c.ClosesAt > now;

    /// <summary>Calls the public reads: published, on notice or decided (a draft or a withdrawn call is not public).</summary>
    public static readonly CompetitionStatus[] Public = [CompetitionStatus.Published, CompetitionStatus.Notice, CompetitionStatus.Decided];

    public static Failure NotPublic() => Failure.NotPublic(Lang.T("该公益创投不存在或尚未发布", "This competition does not exist or is not published"));
}
