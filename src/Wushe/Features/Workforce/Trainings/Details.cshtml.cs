using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Web;

namespace Wushe.Features.Workforce.Trainings;

/// <summary>
/// 培训详情: the course, its enrolments with attendance, credits and certificates; for those who train, enrolment (a register person or
/// someone else), removal (asked first), attendance per person, and the certificate issued and downloaded.
/// </summary>
[Authorize(WorkforcePermissions.ViewPolicy)]
public sealed class DetailsModel(AppDb db, CurrentUser me, Sealer sealer, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty] public EnrolInTraining.Request Enrol { get; set; } = new();
    [BindProperty] public RecordAttendance.Request Attendance { get; set; } = new();

    public GetTraining.Details? Training { get; private set; }
    public sealed record Choice(Guid Id, string Name);
    public List<Choice> Workers { get; private set; } = [];
    public bool CanTrain => me.Has(WorkforcePermissions.Train);
    public bool Begun => Training is { } t && t.StartsOn <= ChinaTime.Today(clock);
    /// <summary>The form left open with its errors: enrol, or the enrolment whose attendance failed.</summary>
    public string? Open { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    async Task<bool> LoadAsync()
    {
        if ((Training = (await GetTraining.Handle(db, Id)).Value) is null) return false;
        if (CanTrain)
        {
            var enrolled = Training.Enrolments.Where(e => e.SocialWorkerId != null).Select(e => e.SocialWorkerId!.Value).ToList();
            // The register's people in post under the host area (a city's course: the city's), by area and name.
            Workers = await db.Set<SocialWorker>().AsNoTracking().Under(Training.AreaCode).Where(w => w.Status == SocialWorkerStatus.Active && !enrolled.Contains(w.Id))
                .OrderBy(w => w.AreaCode).ThenBy(w => w.Name).Take(500).Select(w => new Choice(w.Id, w.Name + " · " + w.EmployerName)).ToListAsync();
        }
        return true;
    }

    public Task<IActionResult> OnPostEnrolAsync()
    {
        var enrol = Enrol;
        return Act("enrol", "Enrol.", () => EnrolInTraining.Validate(enrol), () => EnrolInTraining.Handle(db, me, sealer, clock, Id, enrol), Lang.T("报名成功", "Enrolled"));
    }

    public Task<IActionResult> OnPostRemoveAsync(Guid enrolmentId) =>
        Act("enrolments", "", () => new Errors(), () => RemoveEnrolment.Handle(db, Id, enrolmentId), Lang.T("已移除报名", "Enrolment removed"));

    public Task<IActionResult> OnPostAttendanceAsync(Guid enrolmentId)
    {
        var attendance = Attendance;
        return Act("attendance-" + enrolmentId, "Attendance.", () => new Errors(), () => RecordAttendance.Handle(db, me, clock, Id, enrolmentId, attendance),
            attendance.Attended == false ? Lang.T("已取消出勤", "Attendance unmarked") : Lang.T("出勤已记录", "Attendance recorded"));
    }

    public async Task<IActionResult> OnPostCertificateAsync(Guid enrolmentId)
    {
        if (!CanTrain) return Forbid();
        var result = await IssueTrainingCertificate.Handle(db, clock, Id, enrolmentId);
        if (result.IsOk) return Redirect($"/Workforce/Trainings/Details/{Id}?handler=Certificate&enrolmentId={enrolmentId}");
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "");
        return await LoadAsync() ? Page() : NotFound();
    }

    public async Task<IActionResult> OnGetCertificateAsync(Guid enrolmentId)
    {
        var result = await IssueTrainingCertificate.PdfAsync(db, PublicAddress.Of(HttpContext), Id, enrolmentId, HttpContext.RequestAborted);
        if (result.IsOk) return File(result.Value!.Content, TrainingCertificatePdf.ContentType, result.Value.FileName);
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "");
        return await LoadAsync() ? Page() : NotFound();
    }

    Task<IActionResult> Act<T>(string form, string prefix, Func<Errors> validate, Func<Task<Result<T>>> useCase, string done) =>
        this.ActAsync(CanTrain, prefix, validate, useCase, done, $"/Workforce/Trainings/Details/{Id}", LoadAsync, () => Open = form);

    public string Invalid(string key) => ModelState[key]?.Errors.Count > 0 ? "is-invalid" : "";
}
