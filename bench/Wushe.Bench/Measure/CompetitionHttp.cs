using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Wushe.Bench.Generate;
using Wushe.Features.Areas;
using Wushe.Data;
using Wushe.Features.Competitions;
using Wushe.Platform.Access;

namespace Wushe.Bench.Measure;

/// <summary>
/// The write side of issue 12's HTTP benchmark (<c>bench/competitions.sh</c>, part 2): judges scoring at the deadline. Called by
/// <c>competitions-prepare</c>: for the calls under review (published, past their deadline), every assignment a judge may score now — not
/// recused, the application 初审通过 (Eligible) — with a bearer token of its judge made as the app makes them at sign-in
/// (<see cref="VolunteerHttp.BearerProtector"/>); writes DIR/panel.txt ("bearer-token score-id" a line, the assignments of the call under
/// review with most of them: one panel of judges on one call) and DIR/review.txt (every call under review), interleaved by judge so that
/// consecutive requests come from different judges. Scoring again corrects a score (ScoreApplication: allowed until the notice), so
/// <c>bench/scoring.lua</c> cycles through the lines: the first pass gives the missing scores, the later ones correct them — each
/// request the same work, an UPDATE of one score row. Run it before starting the app.
/// </summary>
static class CompetitionHttp
{
    public static async Task<(int Panel, int All, int Judges)> PrepareScoringAsync(BenchDb target, AppDb db, string dir)
    {
        var now = DateTimeOffset.UtcNow;
        var calls = await db.Set<Competition>().IgnoreQueryFilters().Where(c => c.Status == CompetitionStatus.Published)
            .Select(c => new { c.Id, c.ClosesAt, c.CallNo }).ToListAsync();
        var open = calls.Where(c => c.ClosesAt <= now).Select(c => c.Id).ToList();
        var rows = await (from s in db.Set<CompetitionScore>().IgnoreQueryFilters()
                          join j in db.Set<CompetitionJudge>().IgnoreQueryFilters() on s.JudgeId equals j.Id
                          join a in db.Set<CompetitionApplication>().IgnoreQueryFilters() on s.ApplicationId equals a.Id
                          where open.Contains(s.CompetitionId) && !s.Recused && a.Status == ApplicationStatus.Eligible
                          select new { s.Id, s.CompetitionId, j.UserId }).ToListAsync();
        if (rows.Count == 0)
        {
            // No call under review past its deadline by the real clock (generated with a --today far from today): nothing to score.
            await File.WriteAllTextAsync(Path.Combine(dir, "panel.txt"), "");
            await File.WriteAllTextAsync(Path.Combine(dir, "review.txt"), "");
            return (0, 0, 0);
        }
        var panel = rows.GroupBy(r => r.CompetitionId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;

        var protector = VolunteerHttp.BearerProtector(target);
        var userIds = rows.Select(r => r.UserId).Distinct().ToList();
        var accounts = await db.Users.Where(u => userIds.Contains(u.Id)).Select(u => new { u.Id, u.UserName, u.SecurityStamp, u.DisplayName }).ToDictionaryAsync(u => u.Id);
        var roles = (await db.RoleAssignments.IgnoreQueryFilters().Where(a => a.Role == Role.Expert).Select(a => new { a.UserId, a.Role, a.AreaCode, a.OrganizationId }).ToListAsync())
            .ToLookup(a => a.UserId);
        var areaNames = await db.Areas.IgnoreQueryFilters().Where(a => a.Level <= Wushe.Platform.Areas.AreaLevel.County).ToDictionaryAsync(a => a.Code, a => a.Name);
        var tokens = new Dictionary<Guid, string>();
        string TokenFor(Guid id)
        {
            if (tokens.TryGetValue(id, out var t)) return t;
            var u = accounts[id];
            return tokens[id] = VolunteerHttp.BearerToken(protector, u.Id, u.UserName!, u.SecurityStamp!, u.DisplayName,
                roles[u.Id].Select(a => new Assignment(a.Role, a.AreaCode, areaNames.GetValueOrDefault(a.AreaCode, ""), a.OrganizationId)), now.AddHours(2));
        }
        // Interleaved by judge: the i-th assignment of every judge, then the (i+1)-th …
        IEnumerable<string> Lines(IEnumerable<(Guid Id, Guid UserId)> these) =>
            these.GroupBy(r => r.UserId).OrderBy(g => g.Key).SelectMany(g => g.OrderBy(r => r.Id).Select((r, i) => (r, i)))
                .OrderBy(x => x.i).ThenBy(x => x.r.UserId).Select(x => $"{TokenFor(x.r.UserId)} {x.r.Id}");
        var panelRows = rows.Where(r => r.CompetitionId == panel).Select(r => (r.Id, r.UserId)).ToList();
        await File.WriteAllLinesAsync(Path.Combine(dir, "panel.txt"), Lines(panelRows));
        await File.WriteAllLinesAsync(Path.Combine(dir, "review.txt"), Lines(rows.Select(r => (r.Id, r.UserId))));
        return (panelRows.Count, rows.Count, userIds.Count);
    }

    /// <summary>
    /// <c>competitions-count (--db|--postgres) --tag TAG</c>: the assignments whose scores a scoring run wrote (its tag ends the comment, the
    /// scores given): one line "assignments".
    /// </summary>
    public static async Task<int> CountAsync(Options options)
    {
        var target = BenchDb.From(options);
        var tag = options.Get("tag") ?? throw new UsageException("Give --tag TAG.");
        await using var db = target.OpenAsSystem();
        var n = await db.Set<CompetitionScore>().IgnoreQueryFilters().CountAsync(s => s.ScoredAt != null && s.Comment.EndsWith(tag));
        Console.WriteLine(n);
        return 0;
    }
}
