using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 评审分配: a call's panel (each judge with the applications assigned, scored and recused) and its eligible applications with the judges
/// assigned to each (scored, recused or waiting), by a part of the number, title or organization, fewest judges first or by number; paged;
/// with how many applications still have fewer judges than the call asks for, and whether assignments may be made now.
/// </summary>
public static class ListAssignments
{
    public sealed record Query(string? Keyword = null, [Label("仅显示专家不足的项目", "Short of judges only")] bool? ShortOnly = null,
        [Label("页码", "Page")] int? Page = null, [Label("每页条数", "Page size")] int? Size = null) : IPagedQuery;

    public sealed record Judge(Guid Id, string Name, string Unit, int Assigned, int Scored, int Recused);

    public sealed record Assignment(Guid ScoreId, Guid JudgeId, string JudgeName, bool Recused, string ConflictNote, bool Scored);

    public sealed record Row(Guid ApplicationId, string ApplicationNo, string Title, string OrganizationName, int Judges, IReadOnlyList<Assignment> Assignments);

    public sealed record Overview(Guid CallId, string CallNo, string Title, CompetitionStatus Status, string Phase, DateTimeOffset ClosesAt, int JudgeCount,
        bool CanAssign, IReadOnlyList<Judge> Panel, int Eligible, int ShortOfJudges, PageOf<Row> Rows);

    public static async Task<Result<Overview>> Handle(AppDb db, TimeProvider clock, Guid callId, Query q, CancellationToken ct = default)
    {
        if (await db.Set<Competition>().AsNoTracking().FirstOrDefaultAsync(c => c.Id == callId, ct) is not { } call) return Failure.NotFound();
        var scores = db.Set<CompetitionScore>().AsNoTracking();
        var panel = await db.Set<CompetitionJudge>().AsNoTracking().Where(j => j.CompetitionId == callId).OrderBy(j => j.AddedAt).ThenBy(j => j.Id)
            .Select(j => new Judge(j.Id, j.Name, j.Unit, scores.Count(s => s.JudgeId == j.Id), scores.Count(s => s.JudgeId == j.Id && !s.Recused && s.ScoredAt != null),
                scores.Count(s => s.JudgeId == j.Id && s.Recused))).ToListAsync(ct);
        var eligible = db.Set<CompetitionApplication>().AsNoTracking().Where(a => a.CompetitionId == callId && a.Status == ApplicationStatus.Eligible);
        var total = await eligible.CountAsync(ct);
        var shortOf = await eligible.CountAsync(a => scores.Count(s => s.ApplicationId == a.Id && !s.Recused) < call.JudgeCount, ct);
        var listed = eligible;
        if (!string.IsNullOrWhiteSpace(q.Keyword))
        {
            var k = q.Keyword.Trim();
            listed = listed.Where(a => a.ApplicationNo.Contains(k) || a.Title.Contains(k) || a.OrganizationName.Contains(k));
        }
        if (q.ShortOnly == true) listed = listed.Where(a => scores.Count(s => s.ApplicationId == a.Id && !s.Recused) < call.JudgeCount);
        var page = await listed.OrderBy(a => a.ApplicationNo)
            .Select(a => new { a.Id, a.ApplicationNo, a.Title, a.OrganizationName }).ToPageAsync(q.Page, q.Size, ct);
        var ids = page.Items.Select(a => a.Id).ToList();
        var names = panel.ToDictionary(j => j.Id, j => j.Name);
        var assigned = (await scores.Where(s => ids.Contains(s.ApplicationId)).Select(s => new { s.Id, s.ApplicationId, s.JudgeId, s.Recused, s.ConflictNote, s.ScoredAt }).ToListAsync(ct))
            .ToLookup(s => s.ApplicationId);
        var rows = page.Items.Select(a =>
        {
            var mine = assigned[a.Id].OrderBy(s => names.Keys.ToList().IndexOf(s.JudgeId))
                .Select(s => new Assignment(s.Id, s.JudgeId, names.GetValueOrDefault(s.JudgeId, ""), s.Recused, s.ConflictNote, s.ScoredAt != null)).ToList();
            return new Row(a.Id, a.ApplicationNo, a.Title, a.OrganizationName, mine.Count(s => !s.Recused), mine);
        }).ToList();
        var now = clock.GetUtcNow();
        return new Overview(call.Id, call.CallNo, call.Title, call.Status, call.PhaseLabel(now), call.ClosesAt, call.JudgeCount, ReviewRules.UnderReview(call, now),
            panel, total, shortOf, new PageOf<Row>(rows, page.Total, page.Page, page.Size));
    }
}
