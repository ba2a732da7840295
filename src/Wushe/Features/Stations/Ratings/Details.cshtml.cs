using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Stations.Ratings;

/// <summary>A round's results, the scoring form (self-assessment or review), and 公示.</summary>
[Authorize(StationsPermissions.ViewPolicy)]
public sealed class DetailsModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true), Label("社工站", "Station")] public Guid? StationId { get; set; }
    [BindProperty, Label("得分", "Score")] public Dictionary<string, int?> Scores { get; set; } = [];

    public RatingRounds.RoundDetails? Round { get; private set; }
    public List<(Guid Id, string Name)> Candidates { get; private set; } = [];
    /// <summary>Reviewing and publishing belong to the round's own area: a round run above the user's scope is read-only to it.</summary>
    public bool CanReview => me.Has(StationsPermissions.ManageRatings) && Round is not null && me.Scope.Covers(Round.AreaCode);
    public bool CanSelfAssess => me.Has(StationsPermissions.SelfAssess);

    /// <summary>A reviewer looking at a round run above its scope: it may read, and is told who reviews.</summary>
    public bool HeldAbove => me.Has(StationsPermissions.ManageRatings) && Round is not null && !me.Scope.Covers(Round.AreaCode);

    public async Task<IActionResult> OnGetAsync() => await Load() ? Page() : NotFound();

    async Task<bool> Load()
    {
        var result = await RatingRounds.Get(db, me, Id);
        if (!result.IsOk) return false;
        Round = result.Value!;
        Candidates = (await db.Stations.Under(Round.AreaCode).Where(s => s.Status == StationStatus.Active && s.Level == StationLevel.TownshipStation)
            .OrderBy(s => s.AreaCode).ThenBy(s => s.Id).Select(s => new { s.Id, s.Name }).Take(2000).ToListAsync()).Select(s => (s.Id, s.Name)).ToList();
        if (StationId is { } sid && Round.Results.FirstOrDefault(r => r.StationId == sid) is { } existing && Scores.Count == 0)
            Scores = existing.Scores.ToDictionary(s => s.Key, s => CanReview ? s.ReviewScore ?? s.SelfScore : s.SelfScore);
        return true;
    }

    public async Task<IActionResult> OnPostScoreAsync()
    {
        // A reviewer's post is a review even where the round lies above its scope: the write guard refuses it then (403, audited).
        var review = me.Has(StationsPermissions.ManageRatings);
        if (!review && !CanSelfAssess) return Forbid();
        // Every error in one answer: a score that does not parse ("12a") is named by its module, the use case names the rest
        // (a missing or out-of-range score, no station).
        var unparsed = ModelState.Where(e => e.Key.StartsWith("Scores[", StringComparison.Ordinal) && e.Key.EndsWith(']') && e.Value is { Errors.Count: > 0 })
            .Select(e => e.Key["Scores[".Length..^1]).ToHashSet();
        foreach (var key in unparsed) ModelState[$"Scores[{key}]"]!.Errors.Clear();
        // An unparsed score goes in as -1, which the use case always refuses (below 0, or no such module), so nothing is saved.
        var sent = Scores.Where(s => s.Value is not null && !unparsed.Contains(s.Key)).ToDictionary(s => s.Key, s => s.Value!.Value);
        foreach (var key in unparsed) sent[key] = -1;
        var result = await ScoreStation.Handle(db, clock, Id, new ScoreStation.Request(StationId, sent), review);
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T("评分已保存", "Scores saved");
            return Redirect($"/Stations/Ratings/Details?id={Id}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        if (!await Load()) return NotFound();
        if (result.Failure.Errors is { } errors)
            foreach (var (key, messages) in errors)
            {
                if (key == "stationId")
                {
                    // A station id that did not parse has its message already.
                    if (ModelState.GetFieldValidationState(nameof(StationId)) != Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
                        foreach (var m in messages) ModelState.AddModelError(nameof(StationId), m);
                    continue;
                }
                var module = Round!.Modules.FirstOrDefault(m => m.Key == key);
                if (unparsed.Contains(key))
                    ModelState.AddModelError($"Scores[{key}]", Lang.T($"{module?.Name}的得分格式不正确", $"The score of {module?.Name} is not valid"));
                else foreach (var m in messages) ModelState.AddModelError($"Scores[{key}]", m);
            }
        else ModelState.AddModelError("", result.Failure.Title);
        return Page();
    }

    public async Task<IActionResult> OnPostPublishAsync()
    {
        if (!me.Has(StationsPermissions.ManageRatings)) return Forbid();
        var result = await RatingRounds.Publish(db, Id);
        if (result.IsOk) TempData["Toast"] = Lang.T("已公示", "Published");
        else if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        else TempData["ToastError"] = Lang.T("操作失败：", "Failed: ") + result.Failure.Title;
        return Redirect($"/Stations/Ratings/Details?id={Id}");
    }
}
