using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Volunteers.Activities;

/// <summary>
/// 发布志愿活动 (<see cref="PublishActivity"/>): the activity and up to <see cref="Rows"/> shifts, each a China date with its start and end
/// times (a shift ending at or before its start is refused; one past midnight is split by the organizer into two); empty rows are skipped.
/// </summary>
[Authorize(VolunteersPermissions.OrganizeActivitiesPolicy)]
public sealed class PublishModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    public sealed record ShiftRow
    {
        [Label("班次名称", "Shift name")] public string? Name { get; init; }
        [Label("日期", "Date")] public DateOnly? Date { get; init; }
        [Label("开始时间", "Starts")] public TimeOnly? Start { get; init; }
        [Label("结束时间", "Ends")] public TimeOnly? End { get; init; }
        [Label("名额", "Places")] public int? Capacity { get; init; }

        public bool IsEmpty => string.IsNullOrWhiteSpace(Name) && Date is null && Start is null && End is null && Capacity is null;
    }

    public const int RowCount = 5;

    [BindProperty] public PublishActivity.Request Input { get; set; } = new();
    [BindProperty] public List<ShiftRow> Rows { get; set; } = [];
    /// <summary>The active teams of the scope, for an activity open to chosen teams.</summary>
    public List<Wushe.Features.Volunteers.Teams.GetTeam.Choice> TeamChoices { get; private set; } = [];
    /// <summary>The projects the activity may serve (<see cref="ActivityProjects"/>).</summary>
    public List<ActivityProjects.Choice> ProjectChoices { get; private set; } = [];
    /// <summary>For organization staff: their organization's registered name, the organizer of what they publish; null otherwise.</summary>
    public string? OrganizationName { get; private set; }
    /// <summary>Why the organization may not publish now (suspended or deregistered); null while it may.</summary>
    public string? Halted { get; private set; }

    async Task LoadChoicesAsync()
    {
        TeamChoices = await Wushe.Features.Volunteers.Teams.GetTeam.ChoicesAsync(db);
        ProjectChoices = await ActivityProjects.ChoicesAsync(db, me, clock);
        if (me.ActingOrganization is { } organization) OrganizationName = await Organizations.OrganizationAccess.NameAsync(db, organization);
        Halted = await ActivityOrganizers.HaltedAsync(db, HttpContext.RequestAborted);
    }

    public async Task OnGetAsync(string? area)
    {
        await LoadChoicesAsync();
        var code = Platform.Areas.AreaCode.Normalize(area) ?? me.Active?.AreaCode;
        Input = new PublishActivity.Request { AreaCode = code is not null && me.Scope.Covers(code) ? code : null, CutoffHours = 2, OrganizerName = OrganizationName };
        var tomorrow = ChinaTime.Today(clock).AddDays(1);
        Rows = [new ShiftRow { Name = Lang.T("上午班", "Morning"), Date = tomorrow, Start = new TimeOnly(9, 0), End = new TimeOnly(11, 30), Capacity = 10 }];
        Pad();
    }

    void Pad()
    {
        while (Rows.Count < RowCount) Rows.Add(new ShiftRow());
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var used = Rows.Select((r, i) => (Row: r, Index: i)).Where(x => !x.Row.IsEmpty).Take(RowCount).ToList();
        var shifts = used.Select(x => new PublishActivity.ShiftRequest(x.Row.Name,
            x.Row.Date is { } d && x.Row.Start is { } s ? new DateTimeOffset(d.ToDateTime(s), ChinaTime.Offset) : null,
            x.Row.Date is { } d2 && x.Row.End is { } e ? new DateTimeOffset(d2.ToDateTime(e), ChinaTime.Offset) : null, x.Row.Capacity)).ToList();
        var input = Input with { Shifts = shifts };
        var result = await ModelState.IfParsed("Input.", () => new Errors(), () => PublishActivity.Handle(db, me, clock, input));
        if (result.IsOk)
        {
            TempData["Toast"] = Lang.T("活动已发布", "Published");
            return Redirect($"/Volunteers/Activities/Details/{result.Value!.Id}");
        }
        // A shift's errors name its row on this page (shifts[k] is the k-th filled row).
        foreach (var (field, messages) in result.Failure!.Errors ?? new Dictionary<string, string[]>())
        {
            var key = field.StartsWith("shifts[", StringComparison.Ordinal) && field.IndexOf(']') is var close and > 7 && int.TryParse(field[7..close], out var k) && k < used.Count
                ? $"Rows[{used[k].Index}]." + (field[(close + 2)..] switch { "startsAt" => "Start", "endsAt" => "End", "capacity" => "Capacity", _ => "Name" })
                : "Input." + Http.FieldKey(field);
            foreach (var m in messages) ModelState.AddModelError(key, m);
        }
        if (result.Failure.Errors is null) ModelState.AddModelError("", result.Failure.Title);
        await LoadChoicesAsync();
        Pad();
        return Page();
    }

    public string Invalid(string key) => ModelState[key]?.Errors.Count > 0 ? "is-invalid" : "";
}
