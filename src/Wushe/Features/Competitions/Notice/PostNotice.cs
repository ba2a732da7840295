using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 发布入围公示: the host posts the shortlist of a published call past its deadline, once every judge assigned has scored or declared a
/// conflict (else 409 naming how many are missing): chosen applications that passed 初审, each with a proposed amount in yuan (≤ its
/// request and the call's cap; the sum ≤ the pool — the message gives both sums). The chosen become 入围 with their amount; the other
/// eligible ones wait for the confirmation (then 未获资助). The notice runs the call's NoticeDays from now.
/// </summary>
public static class PostNotice
{
    public sealed record Pick
    {
        [Label("申报", "Application")] public Guid? ApplicationId { get; init; }
        [Label("拟资助金额（元）", "Proposed amount (yuan)")] public decimal? AmountYuan { get; init; }
    }

    public sealed record Request
    {
        [Label("入围名单", "Shortlist")] public List<Pick>? Shortlist { get; init; }
    }

    public sealed record Posted(Guid CallId, int Shortlisted, long ProposedFen, DateTimeOffset NoticeFrom, DateTimeOffset NoticeUntil);

    public static Errors Validate(Request r)
    {
        var errors = new Errors();
        var picks = r.Shortlist ?? [];
        if (picks.Count == 0) errors.Add("shortlist", Lang.T("请至少选择一个入围项目", "Choose at least one application for the shortlist"));
        for (var i = 0; i < picks.Count; i++)
        {
            if (picks[i]?.ApplicationId is null) errors.Add($"shortlist[{i}].applicationId", Lang.T($"第 {i + 1} 行：请选择申报项目", $"Row {i + 1}: choose the application"));
            if (picks[i]?.AmountYuan is not { } y || !Money.IsYuan(y))
                errors.Add($"shortlist[{i}].amountYuan", Lang.T($"第 {i + 1} 行：拟资助金额须大于 0，最多两位小数", $"Row {i + 1}: the proposed amount is above 0 with at most 2 decimals"));
        }
        if (picks.Where(p => p?.ApplicationId is not null).GroupBy(p => p.ApplicationId).Any(g => g.Count() > 1))
            errors.Add("shortlist", Lang.T("同一申报项目不能重复入围", "An application is on the shortlist once"));
        return errors;
    }

    /// <summary>Why the notice waits for the review of <paramref name="under"/> (CallRanking.UnderReviewed), naming up to five applications.</summary>
    public static string ShortOfJudges(Competition call, IReadOnlyList<CallRanking.Row> under)
    {
        var named = string.Join(Lang.T("、", ", "), under.Take(5).Select(u => u.ApplicationNo)) + (under.Count > 5 ? Lang.T($" 等 {under.Count} 份", $" and {under.Count - 5} more") : "");
        return Lang.T($"本次公益创投每份申报由 {call.JudgeCount} 位专家评审，以下申报的评审专家不足或尚无完整评分：{named}。请先分配评审专家并完成评分",
            $"Each application is reviewed by {call.JudgeCount} judges: {named} has fewer judges assigned or no complete score yet. Assign judges and complete the scoring first");
    }

    public static async Task<Result<Posted>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid callId, Request r, CancellationToken ct = default)
    {
        if (await db.Set<Competition>().FirstOrDefaultAsync(c => c.Id == callId, ct) is not { } call) return Failure.NotFound();
        var now = clock.GetUtcNow();
        if (call.Status != CompetitionStatus.Published || now < call.ClosesAt)
            return Failure.Conflict(Lang.T($"公益创投{call.PhaseLabel(now)}：入围公示在申报截止、评审完成后发布", $"The call is {call.PhaseLabel(now)}: the shortlist is posted after the deadline and the review"));
        var errors = Validate(r);
        if (errors.Any) return errors.ToFailure();
        var missing = await CallRanking.MissingAsync(db, callId, ct);
        if (missing > 0)
            return Failure.Conflict(Lang.T($"还有 {missing} 份评审任务未评分（也未声明回避），评审完成后才能发布公示", $"{missing} assignments are neither scored nor recused: post the notice when the review is complete"));
        if (CallRanking.UnderReviewed(call, await CallRanking.ReadWithMarksAsync(db, call, ct)) is { Count: > 0 } under)
            return Failure.Conflict(ShortOfJudges(call, under));
        var ids = r.Shortlist!.Select(p => p.ApplicationId!.Value).ToList();
        var apps = await db.Set<CompetitionApplication>().IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(a => a.CompetitionId == callId && (a.Status == ApplicationStatus.Eligible || a.Status == ApplicationStatus.Shortlisted)).ToListAsync(ct);
        long sum = 0;
        for (var i = 0; i < r.Shortlist!.Count; i++)
        {
            var p = r.Shortlist[i];
            var fen = Money.Fen(p.AmountYuan!.Value);
            if (apps.FirstOrDefault(a => a.Id == p.ApplicationId) is not { } a)
                errors.Add($"shortlist[{i}].applicationId", Lang.T($"第 {i + 1} 行：该申报不属于本次公益创投或未通过初审", $"Row {i + 1}: the application is not of this call or did not pass screening"));
            else if (fen > a.RequestedFen || fen > call.CapFen)
                errors.Add($"shortlist[{i}].amountYuan", Lang.T($"第 {i + 1} 行（{a.ApplicationNo}）：拟资助金额 {Money.Yuan(fen)} 超过申请金额 {Money.Yuan(a.RequestedFen)} 或单个项目上限 {Money.Yuan(call.CapFen)}",
                    $"Row {i + 1} ({a.ApplicationNo}): the amount {Money.Yuan(fen)} is above the request {Money.Yuan(a.RequestedFen)} or the cap {Money.Yuan(call.CapFen)}"));
            sum += fen;
        }
        if (sum > call.PoolFen)
            errors.Add("shortlist", Lang.T($"拟资助金额合计 {Money.Yuan(sum)} 超过资金池 {Money.Yuan(call.PoolFen)}", $"The amounts add up to {Money.Yuan(sum)}, above the pool of {Money.Yuan(call.PoolFen)}"));
        if (errors.Any) return errors.ToFailure();

        foreach (var p in r.Shortlist) apps.Single(a => a.Id == p.ApplicationId).Shortlist(Money.Fen(p.AmountYuan!.Value));
        call.PostNotice(now);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Failure.Conflict(Lang.T("公益创投刚被他人办理，您的操作未保存，请刷新后查看", "The call changed a moment ago; nothing was saved: reload to see it"));
        }
        return new Posted(call.Id, r.Shortlist.Count, sum, call.NoticeFrom!.Value, call.NoticeUntil!.Value);
    }
}
