using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;

namespace Wushe.Features.Workforce.Trainings;

/// <summary>
/// 培训报名: a social worker of the register in the user's scope (<c>socialWorkerId</c>; once per course: 409 naming it), or someone
/// not on it (其他人员: name 2–30, phone optional and sealed, unit optional). The capacity holds however many press at once: the
/// count is taken under the course's lock (<see cref="TrainingRules.LockAsync"/>); a full course is 409. Another area's course is 404.
/// </summary>
public static class EnrolInTraining
{
    public sealed record Request(
        [property: Label("社会工作者", "Social worker")] Guid? SocialWorkerId = null,
        [property: Label("姓名", "Name")] string? Name = null,
        [property: Label("联系电话", "Phone")] string? Phone = null,
        [property: Label("工作单位", "Unit")] string? Unit = null);

    public sealed record Enrolled(Guid Id, Guid TrainingId, Guid? SocialWorkerId, string Name, int EnrolledCount, int Capacity);

    public static Errors Validate(Request r)
    {
        var errors = new Errors();
        if (r.SocialWorkerId is not null) return errors;
        errors.PersonName("name", r.Name, 2, 30);
        if (!string.IsNullOrWhiteSpace(r.Phone)) errors.Add("phone", Telephone.Check(r.Phone));
        errors.Text("unit", r.Unit, "工作单位", "Unit", 0, 100, required: false);
        return errors;
    }

    public static string DuplicateMessage => Lang.T("该社会工作者已报名本培训", "This social worker is already enrolled");

    public static async Task<Result<Enrolled>> Handle(AppDb db, CurrentUser user, Sealer sealer, TimeProvider clock, Guid trainingId, Request r, CancellationToken ct = default)
    {
        if (await db.Set<Training>().FirstOrDefaultAsync(t => t.Id == trainingId, ct) is not { } training) return Failure.NotFound();
        var errors = Validate(r);
        SocialWorker? worker = null;
        if (r.SocialWorkerId is { } wid && (worker = await db.Set<SocialWorker>().AsNoTracking().FirstOrDefaultAsync(w => w.Id == wid, ct)) is null)
            errors.Add("socialWorkerId", Lang.T("请选择您管辖范围内的社会工作者", "Choose a social worker of your area"));
        if (errors.Any) return errors.ToFailure();

        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        await TrainingRules.LockAsync(db, trainingId, ct);
        if (worker is not null && await db.Set<TrainingEnrolment>().IgnoreQueryFilters([AppDb.ScopeFilter]).AnyAsync(e => e.TrainingId == trainingId && e.SocialWorkerId == worker.Id, ct))
            return Failure.Duplicate("socialWorkerId", DuplicateMessage);
        if (worker is null)
        {
            // A person not on the register is the same person by name and phone (without a phone: name and unit).
            var (name, unit) = (r.Name!.Trim(), (r.Unit ?? "").Trim());
            var phone = string.IsNullOrWhiteSpace(r.Phone) ? null : sealer.Hash(SensitiveKind.Phone, Telephone.Normalize(r.Phone));
            if (await db.Set<TrainingEnrolment>().IgnoreQueryFilters([AppDb.ScopeFilter]).AnyAsync(e => e.TrainingId == trainingId && e.SocialWorkerId == null && e.Name == name
                    && (phone != null ? e.Phone != null && e.Phone.Hash == phone : e.Phone == null && e.Unit == unit), ct))
                return Failure.Duplicate("name", Lang.T("该人员已报名本培训（姓名和联系电话或工作单位相同）", "This person is already enrolled (same name and phone or unit)"));
        }
        var enrolled = await TrainingRules.EnrolledAsync(db, trainingId, ct);
        if (enrolled >= training.Capacity) return TrainingRules.Full(training.Capacity);

        var enrolment = worker is not null
            ? new TrainingEnrolment(training, worker.Id, worker.Name, null, worker.EmployerName, user.Id, await Workers.NameAsync(db, user, ct), clock.GetUtcNow())
            : new TrainingEnrolment(training, null, r.Name!.Trim(), string.IsNullOrWhiteSpace(r.Phone) ? null : sealer.Seal(SensitiveKind.Phone, Telephone.Normalize(r.Phone)),
                (r.Unit ?? "").Trim(), user.Id, await Workers.NameAsync(db, user, ct), clock.GetUtcNow());
        db.Add(enrolment);
        if (await db.SaveOrFindDuplicateAsync(ct) is not null) return Failure.Duplicate("socialWorkerId", DuplicateMessage);
        if (tx is not null) await tx.CommitAsync(ct);
        return new Enrolled(enrolment.Id, training.Id, enrolment.SocialWorkerId, enrolment.Name, enrolled + 1, training.Capacity);
    }
}
