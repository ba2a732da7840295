using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Volunteers.Hours;

/// <summary>班次出勤 (<see cref="ShiftCheckIn.Roster"/>): who checked in and out and the hours posted; organizers confirm attendance by hand with a reason (<see cref="ConfirmAttendance"/>).</summary>
[Authorize(VolunteersPermissions.ViewActivitiesPolicy)]
public sealed class AttendanceModel(AppDb db, CurrentUser me, TimeProvider clock) : PageModel
{
    /// <summary>Arrival and departure as times on the shift's China date (a departure before the arrival is the next day).</summary>
    public sealed record ConfirmForm(
        [property: Label("签到时间", "Arrived")] TimeOnly? In,
        [property: Label("签退时间", "Left")] TimeOnly? Out,
        [property: Label("人工确认原因", "Reason")] string? Reason);

    [BindProperty(SupportsGet = true)] public Guid ShiftId { get; set; }
    [BindProperty] public ConfirmForm Confirm { get; set; } = new(null, null, null);

    public ShiftCheckIn.Attendance? Shift { get; private set; }
    public bool CanOrganize => me.Has(VolunteersPermissions.OrganizeActivities);
    /// <summary>Back-filling honour hours is a station's or community's (<see cref="VolunteersPermissions.Organize"/>).</summary>
    public bool CanBackFill => me.Has(VolunteersPermissions.Organize);
    public Guid? Open { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    async Task<bool> LoadAsync() => (Shift = (await ShiftCheckIn.Roster(db, clock, ShiftId)).Value) is not null;

    public async Task<IActionResult> OnPostConfirmAsync(Guid signUpId)
    {
        if (!CanOrganize) return Forbid();
        if (!await LoadAsync()) return NotFound();
        var day = DateOnly.FromDateTime(Shift!.StartsAt.ToOffset(ChinaTime.Offset).DateTime);
        DateTimeOffset? At(TimeOnly? t) => t is { } x ? new DateTimeOffset(day.ToDateTime(x), ChinaTime.Offset) : null;
        var from = At(Confirm.In);
        var to = At(Confirm.Out);
        if (from is not null && to is not null && to <= from) to = to.Value.AddDays(1);
        var result = await ModelState.IfParsed(() => ConfirmAttendance.Handle(db, me, clock, signUpId, new(from, to, Confirm.Reason)));
        if (result.IsOk)
        {
            TempData["Toast"] = result.Value!.Minutes > 0
                ? Lang.T($"已确认出勤，记录 {VolunteerHours.Format(result.Value.Minutes)} 小时", $"Confirmed: {VolunteerHours.Format(result.Value.Minutes)} hours recorded")
                : Lang.T($"已确认出勤，未计时长：{result.Value.Note}", $"Confirmed, no hours: {result.Value.Note}");
            return Redirect($"/Volunteers/Hours/Attendance/{ShiftId}");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        foreach (var (field, messages) in result.Failure.Errors ?? new Dictionary<string, string[]>())
            foreach (var m in messages) ModelState.AddModelError(field switch { "checkedInAt" => "Confirm.In", "checkedOutAt" => "Confirm.Out", "reason" => "Confirm.Reason", _ => "Confirm.Form" }, m);
        if (result.Failure.Errors is null) ModelState.AddModelError("Confirm.Form", result.Failure.Title);
        Open = signUpId;
        return Page();
    }

    public string Invalid(string key) => ModelState[key]?.Errors.Count > 0 ? "is-invalid" : "";
}
