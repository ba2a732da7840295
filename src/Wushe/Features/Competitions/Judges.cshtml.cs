using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Competitions;

/// <summary>
/// 评审专家 of a call (hosts): the panel with each judge's assignments; find experts by name, user name or mobile
/// (<see cref="ListExperts"/>: name and masked mobile only), add one with the name as printed and the unit (<see cref="AddCompetitionJudge"/>),
/// remove one without assignments (<see cref="RemoveCompetitionJudge"/>, asked first); export the panel (<see cref="ExportCompetitionJudges"/>).
/// </summary>
[Authorize(CompetitionsPermissions.HostPolicy)]
public sealed class JudgesModel(AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true), Label("关键词", "Keyword")] public string? Keyword { get; set; }
    [BindProperty] public AddCompetitionJudge.Request Add { get; set; } = new();

    public GetCompetition.Details? Call { get; private set; }
    public IReadOnlyList<ListExperts.Expert> Experts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    async Task<bool> LoadAsync()
    {
        if ((Call = (await GetCompetition.Handle(db, me, clock, Id)).Value) is null) return false;
        var taken = Call.Judges.Select(j => j.UserId).ToHashSet();
        Experts = [.. (await ListExperts.Handle(db, sealer, new ListExperts.Query(Keyword))).Where(e => !taken.Contains(e.UserId))];
        return true;
    }

    /// <summary>导出: the panel as an Excel file (<see cref="ExportCompetitionJudges"/>).</summary>
    public async Task<IActionResult> OnGetExportAsync()
    {
        var result = await ExportCompetitionJudges.Handle(db, me, clock, Id);
        return result.IsOk ? File(result.Value.Content, Platform.Export.Spreadsheet.XlsxContentType, result.Value.FileName) : NotFound();
    }

    public Task<IActionResult> OnPostAddAsync()
    {
        var add = Add;
        return this.ActAsync(true, "Add.", () => AddCompetitionJudge.Validate(add), () => AddCompetitionJudge.Handle(db, clock, Id, add),
            Lang.T("已添加评审专家", "Judge added"), $"/Competitions/Judges/{Id}", LoadAsync, () => { });
    }

    public Task<IActionResult> OnPostRemoveAsync(Guid judgeId) =>
        this.ActAsync(true, "", () => new Errors(), () => RemoveCompetitionJudge.Handle(db, Id, judgeId), Lang.T("已移除评审专家", "Judge removed"),
            $"/Competitions/Judges/{Id}", LoadAsync, () => { });

    public string Invalid(string key) => ModelState[key]?.Errors.Count > 0 ? "is-invalid" : "";
}
