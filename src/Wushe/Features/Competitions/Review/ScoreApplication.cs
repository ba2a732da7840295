using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Competitions;

/// <summary>
/// 评分: a judge scores an application assigned to them — one whole number per criterion of the call's rubric, in its order, each from
/// 0 to the criterion's maximum (an out-of-range score names its criterion; a wrong count is 400), and a comment (10–2000). Allowed
/// from the deadline while the call is published (before the notice), and again to correct it until then. Recused: 409; another
/// judge's assignment: 404. The write acts in the application's area (the judge's role has none).
/// </summary>
public static class ScoreApplication
{
    public sealed record Request
    {
        /// <summary>A score per criterion, in the rubric's order.</summary>
        [Label("评分", "Scores")] public List<int?>? Scores { get; init; }
        [Label("评审意见", "Comment")] public string? Comment { get; init; }
    }

    /// <summary>The judge's total out of 100 (Σ weight × score ÷ maximum) and the assignment's version.</summary>
    public sealed record Response(decimal Total, int Version);

    public static Errors Validate(Request r, IReadOnlyList<RubricCriterion> rubric)
    {
        var errors = new Errors();
        if (r.Scores is not { } scores || scores.Count != rubric.Count)
            errors.Add("scores", Lang.T($"请为全部{rubric.Count}项评分指标评分", $"Score all {rubric.Count} criteria of the rubric"));
        else
            for (var i = 0; i < rubric.Count; i++)
                if (scores[i] is not { } s || s < 0 || s > rubric[i].MaxScore) errors.Add($"scores[{i}]", ReviewRules.OutOfRange(rubric[i]));
        return errors.Text("comment", r.Comment, "评审意见", "Comment", 10, 2000);
    }

    public static async Task<Result<Response>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid scoreId, Request r, CancellationToken ct = default)
    {
        if (await ReviewRules.Mine(db, user).FirstOrDefaultAsync(s => s.Id == scoreId, ct) is not { } score) return Failure.NotFound();
        if (score.Recused) return ReviewRules.RecusedConflict;
        var call = await db.Set<Competition>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().FirstAsync(c => c.Id == score.CompetitionId, ct);
        if (ReviewRules.NotUnderReview(call, clock.GetUtcNow()) is { } closed) return closed;
        var application = await db.Set<CompetitionApplication>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking()
            .Where(a => a.Id == score.ApplicationId).Select(a => new { a.AreaCode, a.Status }).FirstAsync(ct);
        if (application.Status != ApplicationStatus.Eligible)
            return Failure.Conflict(Lang.T($"该申报项目当前为“{CompetitionApplication.StatusLabel(application.Status)}”，不在评审中", $"The application is {CompetitionApplication.StatusLabel(application.Status)}: it is not under review"));
        var errors = Validate(r, call.Rubric);
        if (errors.Any) return errors.ToFailure();
        var scores = r.Scores!.Select(s => s!.Value).ToList();
        score.Score(scores, r.Comment!.Trim(), clock.GetUtcNow());
        // A judge's role holds no area: the write acts in the application's area, for this record only.
        db.ActingAs(user.ActingOn(application.AreaCode));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ReviewRules.Stale;
        }
        return new Response(CompetitionRanking.Total(call.Rubric, scores), score.Version);
    }
}
