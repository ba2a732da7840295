using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Features.Organizations;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Competitions;

/// <summary>
/// 新建申报通知 (no id) and 修改草稿 (?id=): the rules of <see cref="SaveCompetition"/>. The timetable is entered in China time (datetime-local)
/// and saved as instants; the rubric, documents and tranches are rows, empty ones left out; the host area from the cascader; a micro-venture
/// call's community fund from the active funds of the scope, each with what it can pay now.
/// </summary>
[Authorize(CompetitionsPermissions.HostPolicy)]
public sealed class EditModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    public const int RubricRows = 8, DocumentRows = 6, TrancheRows = 5;

    [BindProperty(SupportsGet = true)] public Guid? Id { get; set; }
    [BindProperty] public SaveCompetition.Request Input { get; set; } = new();
    /// <summary>申报开始 as typed, China time.</summary>
    [BindProperty, Label("申报开始时间", "Opens")] public DateTime? OpensLocal { get; set; }
    [BindProperty, Label("申报截止时间", "Closes")] public DateTime? ClosesLocal { get; set; }

    public GetCompetition.Details? Existing { get; private set; }
    public List<SaveCompetition.Criterion> Rubric { get; private set; } = [];
    public List<string?> Documents { get; private set; } = [];
    public List<SaveCompetition.Tranche> Tranches { get; private set; } = [];
    /// <summary>The active community funds of the scope a micro-venture call may name (one within its host area: <see cref="CallFund.ProblemAsync"/>).</summary>
    public List<CallFund.Choice> Funds { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        if (Id is not null)
        {
            if (!await LoadAsync()) return NotFound();
            var c = Existing!;
            if (!c.CanEdit) return Redirect($"/Competitions/Details/{c.Id}");
            Input = new SaveCompetition.Request
            {
                AreaCode = c.AreaCode, Title = c.Title, HostName = c.HostName, Description = c.Description, FundId = c.Fund?.Id, Focuses = [.. c.Focuses], EligibleKinds = [.. c.EligibleKinds],
                MinRegisteredMonths = c.MinRegisteredMonths, MustServeArea = c.MustServeArea, NoUnfinishedAward = c.NoUnfinishedAward, OtherConditions = c.OtherConditions,
                PoolYuan = c.PoolFen / 100m, CapYuan = c.CapFen / 100m, CoFunding = c.CoFunding, CoFundingMinPercent = NullIfZero(c.CoFundingMinPercent),
                BonusMaxPoints = NullIfZero(c.BonusMaxPoints), BonusFullPercent = NullIfZero(c.BonusFullPercent),
                Rubric = [.. c.Rubric.Select(r => new SaveCompetition.Criterion { Name = r.Name, Weight = r.Weight, MaxScore = r.MaxScore })],
                JudgeCount = c.JudgeCount, Aggregation = c.Aggregation, TieBreak = c.TieBreak, NoticeDays = c.NoticeDays, RequiredDocuments = [.. c.RequiredDocuments],
                Tranches = [.. c.Tranches.Select(t => new SaveCompetition.Tranche { Percent = t.Percent, Gate = t.Gate })], MidTermMonths = NullIfZero(c.MidTermMonths), Version = c.Version,
            };
            OpensLocal = c.OpensAt.ToOffset(ChinaTime.Offset).DateTime;
            ClosesLocal = c.ClosesAt.ToOffset(ChinaTime.Offset).DateTime;
        }
        else
        {
            var today = ChinaTime.Today(clock);
            Input = new SaveCompetition.Request
            {
                AreaCode = me.Active?.AreaCode, Focuses = [], EligibleKinds = [], MinRegisteredMonths = 12, MustServeArea = true, NoUnfinishedAward = true,
                CoFunding = CoFundingRule.None, JudgeCount = 5, Aggregation = ScoreAggregation.TrimmedMean, TieBreak = TieBreak.CriteriaInOrder, NoticeDays = 7,
                Rubric = [new() { Name = "创新性", Weight = 20, MaxScore = 10 }, new() { Name = "可行性", Weight = 30, MaxScore = 10 }, new() { Name = "社会效益", Weight = 30, MaxScore = 10 },
                    new() { Name = "团队能力", Weight = 10, MaxScore = 10 }, new() { Name = "预算合理性", Weight = 10, MaxScore = 10 }],
                RequiredDocuments = ["项目申报书", "机构登记证书"],
                Tranches = [new() { Percent = 40, Gate = TrancheGate.Signing }, new() { Percent = 40, Gate = TrancheGate.MidTermPassed }, new() { Percent = 20, Gate = TrancheGate.FinalPassed }],
                MidTermMonths = 6,
            };
            OpensLocal = today.AddDays(1).ToDateTime(new TimeOnly(9, 0));
            ClosesLocal = today.AddDays(31).ToDateTime(new TimeOnly(17, 0));
        }
        await PadAsync();
        return Page();
    }

    static int? NullIfZero(int v) => v == 0 ? null : v;

    async Task<bool> LoadAsync() => Id is { } id && (Existing = (await GetCompetition.Handle(db, me, clock, id)).Value) is not null;

    async Task PadAsync()
    {
        Funds = await CallFund.ChoicesAsync(db, HttpContext.RequestAborted);
        Rubric = [.. Input.Rubric ?? []];
        while (Rubric.Count < RubricRows) Rubric.Add(new());
        Documents = [.. Input.RequiredDocuments ?? []];
        while (Documents.Count < DocumentRows) Documents.Add(null);
        Tranches = [.. Input.Tranches ?? []];
        while (Tranches.Count < TrancheRows) Tranches.Add(new());
    }

    /// <summary>A use case's field as this page's key: the times are the page's own China-time inputs.</summary>
    static string KeyOf(string field) => field switch
    {
        "" => "",
        "opensAt" => nameof(OpensLocal),
        "closesAt" => nameof(ClosesLocal),
        _ => "Input." + Http.FieldKey(field),
    };

    public async Task<IActionResult> OnPostAsync()
    {
        var input = Input with { OpensAt = ChinaTime.FromLocal(OpensLocal), ClosesAt = ChinaTime.FromLocal(ClosesLocal), Rubric = Input.Rubric ?? [], Tranches = Input.Tranches ?? [] };
        var result = await ModelState.IfParsed(KeyOf, () => SaveCompetition.Validate(input).ToFailure().Errors, () => SaveCompetition.Handle(db, me, clock, Id, input));
        if (result.IsOk)
        {
            TempData["Toast"] = Id is null ? Lang.T("草稿已保存，请核对后发布", "Draft saved: check it, then publish") : Lang.T("修改成功", "Saved");
            return Redirect($"/Competitions/Details/{result.Value!.Id}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        if (result.Failure.Errors is { } errors)
            foreach (var (field, messages) in errors)
                foreach (var m in messages) ModelState.AddModelError(KeyOf(field), m);
        else ModelState.AddModelError("", result.Failure.Title);
        if (Id is not null && !await LoadAsync()) return NotFound();
        await PadAsync();
        return Page();
    }

    public string Invalid(string key) => ModelState[key]?.Errors.Count > 0 ? "is-invalid" : "";

    public static IEnumerable<FocusArea> FocusChoices => Enum.GetValues<FocusArea>();
    public static IEnumerable<OrganizationKind> KindChoices => Enum.GetValues<OrganizationKind>();
}
