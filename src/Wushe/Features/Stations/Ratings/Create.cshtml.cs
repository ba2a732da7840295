using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Stations.Ratings;

/// <summary>
/// 新增评星: name, year, and the round's modules (with maximum scores) and levels (with thresholds),
/// prefilled with the defaults. After an error every row is shown again as typed, with its message.
/// </summary>
[Authorize(StationsPermissions.RatingsPolicy)]
public sealed partial class CreateModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    /// <summary>Rows shown: the typed ones and at least this many (empty rows to fill in).</summary>
    public const int ModuleRows = 8, LevelRows = 5;

    [BindProperty]
    public RatingRounds.CreateRequest Input { get; set; } = new(null, null, null, [], []);

    public IReadOnlyList<RatingRounds.ModuleInput> Modules => Input.Modules ?? [];
    public IReadOnlyList<RatingRounds.LevelInput> Levels => Input.Levels ?? [];

    public void OnGet()
    {
        var year = ChinaTime.Today(clock).Year;
        Input = new RatingRounds.CreateRequest(Lang.T($"{year} 年度评星", $"{year} star rating"), year, null,
            RatingRound.DefaultModules().Select(m => new RatingRounds.ModuleInput(m.Key, m.Name, m.MaxScore)).ToList(),
            RatingRound.DefaultLevels().Select(l => new RatingRounds.LevelInput(l.Name, l.Stars, l.MinScore)).ToList());
    }

    public async Task<IActionResult> OnPostAsync()
    {
        // Rows left empty are not part of the round; errors map back to the row the user sees.
        var modules = (Input.Modules ?? []).Select((m, i) => (m, i)).Where(x => x.m is { } m && (!string.IsNullOrWhiteSpace(m.Name) || m.MaxScore is not null)).ToList();
        var levels = (Input.Levels ?? []).Select((l, i) => (l, i)).Where(x => x.l is { } l && (!string.IsNullOrWhiteSpace(l.Name) || l.MinScore is not null)).ToList();
        var request = Input with { AreaCode = null, Modules = modules.Select(x => x.m).ToList(), Levels = levels.Select(x => x.l).ToList() };
        var (moduleRows, levelRows) = (modules.Select(x => x.i).ToList(), levels.Select(x => x.i).ToList());
        var result = await ModelState.IfParsed(field => FieldKey(field, moduleRows, levelRows), () => RatingRounds.Validate(request),
            () => RatingRounds.Create(db, me, clock, request));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T("新增成功", "Added");
            return Redirect($"/Stations/Ratings/Details?id={result.Value}");
        }
        if (result.Failure!.Errors is { } errors)
            foreach (var (field, messages) in errors)
                foreach (var m in messages) ModelState.AddModelError(FieldKey(field, modules.Select(x => x.i).ToList(), levels.Select(x => x.i).ToList()), m);
        else ModelState.AddModelError("", result.Failure.Title);
        return Page();
    }

    [GeneratedRegex(@"^(modules|levels)\[(\d+)\]\.(\w+)$")]
    private static partial Regex RowField();

    /// <summary>"levels[1].minScore" → "Input.Levels[3].MinScore" (the row as shown); "modules" → "Input.Modules".</summary>
    static string FieldKey(string field, List<int> moduleRows, List<int> levelRows)
    {
        if (field.Length == 0) return "";
        if (RowField().Match(field) is { Success: true } m && int.TryParse(m.Groups[2].Value, out var k))
        {
            var rows = m.Groups[1].Value == "modules" ? moduleRows : levelRows;
            if (k < rows.Count) return $"Input.{Http.FieldKey(m.Groups[1].Value)}[{rows[k]}].{Http.FieldKey(m.Groups[3].Value)}";
        }
        return "Input." + Http.FieldKey(field);
    }

    /// <summary>What the user typed into a cell (kept after an error, even when it did not parse), else the row's value.</summary>
    public string? Typed(string key, object? value) => ModelState.TryGetValue(key, out var entry) && entry.AttemptedValue is { } typed ? typed : value?.ToString();

    public string? ErrorOf(string key) => ModelState.TryGetValue(key, out var e) && e.Errors.Count > 0 ? string.Join(" ", e.Errors.Select(x => x.ErrorMessage)) : null;
}
