using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 分配评审专家: after the call's deadline and before its notice, the host assigns judges of the call's panel to applications that passed
/// 初审 (初审通过) — the judges chosen × the applications chosen, or the whole panel to every eligible application (<c>wholePanel</c>).
/// Each pair is one <see cref="CompetitionScore"/>: a pair already assigned (recused included) stays as it is, and two requests racing
/// meet at the unique index (the loser reads the pairs again and adds only what is missing). The answer warns, without refusing, of
/// each eligible application that still has fewer judges (not recused) than the call's 评审专家人数. A call out of scope is 404.
/// </summary>
public static class AssignJudges
{
    public sealed record Request
    {
        /// <summary>The whole panel to every eligible application (the lists are then not read).</summary>
        [Label("全部专家评审全部项目", "Whole panel")] public bool? WholePanel { get; init; }
        [Label("评审专家", "Judges")] public List<Guid>? JudgeIds { get; init; }
        [Label("申报项目", "Applications")] public List<Guid>? ApplicationIds { get; init; }
    }

    /// <summary>An eligible application with fewer judges (not recused) than the call asks for.</summary>
    public sealed record Shortfall(Guid ApplicationId, string ApplicationNo, string Title, int Judges, int Required);

    /// <summary>Pairs created, pairs that were there already, and the applications still short of judges.</summary>
    public sealed record Response(int Assigned, int AlreadyAssigned, IReadOnlyList<Shortfall> Shortfalls);

    public const int MaxApplications = 10_000, MaxJudges = 100;

    public static Errors Validate(Request r)
    {
        var errors = new Errors();
        if (r.WholePanel == true) return errors;
        if (r.JudgeIds is not { Count: > 0 }) errors.Add("judgeIds", Lang.T("请选择评审专家", "Choose the judges"));
        else if (r.JudgeIds.Count > MaxJudges) errors.Add("judgeIds", Lang.T($"一次最多选择{MaxJudges}位评审专家", $"At most {MaxJudges} judges at a time"));
        if (r.ApplicationIds is not { Count: > 0 }) errors.Add("applicationIds", Lang.T("请选择申报项目", "Choose the applications"));
        else if (r.ApplicationIds.Count > MaxApplications) errors.Add("applicationIds", Lang.T($"一次最多选择{MaxApplications}个申报项目", $"At most {MaxApplications} applications at a time"));
        return errors;
    }

    public static async Task<Result<Response>> Handle(AppDb db, TimeProvider clock, Guid callId, Request r, CancellationToken ct = default)
    {
        if (await db.Set<Competition>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, ct) is not { } call) return Failure.NotFound();
        if (ApplicationRules.ClosedRefusal(call) is { } withdrawn) return Failure.Conflict(withdrawn);
        if (ReviewRules.NotUnderReview(call, clock.GetUtcNow()) is { } closed)
            return Failure.Conflict(Lang.T("申报截止后、公示前才能分配评审专家：", "Judges are assigned after the deadline and before the notice: ") + closed.Title);
        var errors = Validate(r);
        if (errors.Any) return errors.ToFailure();

        var panel = await db.Set<CompetitionJudge>().Where(j => j.CompetitionId == callId).Select(j => j.Id).ToListAsync(ct);
        var eligible = db.Set<CompetitionApplication>().Where(a => a.CompetitionId == callId && a.Status == ApplicationStatus.Eligible);
        List<Guid> judges, applications;
        if (r.WholePanel == true)
        {
            judges = panel;
            applications = await eligible.Select(a => a.Id).ToListAsync(ct);
            if (judges.Count == 0) return Failure.Invalid("judgeIds", Lang.T("评审专家库为空，请先添加评审专家", "The panel is empty: add judges first"));
            if (applications.Count == 0) return Failure.Invalid("applicationIds", Lang.T("没有初审通过的申报项目", "No application has passed the eligibility review"));
        }
        else
        {
            judges = [.. r.JudgeIds!.Distinct()];
            if (judges.Except(panel).Any()) errors.Add("judgeIds", Lang.T("所选专家不在本次公益创投的评审专家库中", "A judge chosen is not on this call's panel"));
            var wanted = r.ApplicationIds!.Distinct().ToList();
            applications = await eligible.Where(a => wanted.Contains(a.Id)).Select(a => a.Id).ToListAsync(ct);
            if (applications.Count != wanted.Count) errors.Add("applicationIds", Lang.T("所选申报项目不存在或未通过初审", "An application chosen is not there or has not passed the eligibility review"));
            if (errors.Any) return errors.ToFailure();
        }

        // Racing assignments queue on the call's row lock (CompetitionLedger), so each reads the pairs the one before it added; the unique
        // (application, judge) index stays the last guard. Inside a page's transaction, that one holds the lock.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (await CompetitionLedger.LockCallAsync(db, callId, ct) is null) return Failure.NotFound();
        var existing = (await db.Set<CompetitionScore>().Where(s => s.CompetitionId == callId).Select(s => new { s.ApplicationId, s.JudgeId }).ToListAsync(ct))
            .Select(p => (p.ApplicationId, p.JudgeId)).ToHashSet();
        var applicationRows = await db.Set<CompetitionApplication>().Where(a => applications.Contains(a.Id)).ToListAsync(ct);
        var judgeRows = await db.Set<CompetitionJudge>().Where(j => judges.Contains(j.Id)).ToListAsync(ct);
        var at = clock.GetUtcNow();
        var created = 0;
        foreach (var a in applicationRows)
            foreach (var j in judgeRows)
                if (!existing.Contains((a.Id, j.Id)))
                {
                    db.Add(new CompetitionScore(a, j, at));
                    created++;
                }
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new Response(created, applicationRows.Count * judgeRows.Count - created, await ShortfallsAsync(db, call, ct));
    }

    /// <summary>The call's eligible applications with fewer judges (not recused) than it asks for, by number.</summary>
    public static async Task<List<Shortfall>> ShortfallsAsync(AppDb db, Competition call, CancellationToken ct = default)
    {
        var scores = db.Set<CompetitionScore>();
        var counts = await db.Set<CompetitionApplication>().AsNoTracking().Where(a => a.CompetitionId == call.Id && a.Status == ApplicationStatus.Eligible)
            .Select(a => new { a.Id, a.ApplicationNo, a.Title, Judges = scores.Count(s => s.ApplicationId == a.Id && !s.Recused) })
            .Where(a => a.Judges < call.JudgeCount)
            .OrderBy(a => a.ApplicationNo).ToListAsync(ct);
        return [.. counts.Select(a => new Shortfall(a.Id, a.ApplicationNo, a.Title, a.Judges, call.JudgeCount))];
    }
}
