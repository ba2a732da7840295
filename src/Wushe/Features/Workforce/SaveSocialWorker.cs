using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Households;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;

namespace Wushe.Features.Workforce;

/// <summary>
/// 登记社会工作者 and 修改: staff put a person on the register of their scope, or correct one — the rules of
/// <see cref="SocialWorkerForm"/>. The ID number is the person: on an entry, an ID already on the register (anywhere) is 409 naming
/// idNumber, also when two entries race; on an edit it is not sent and cannot change. Moving a person (a new employer elsewhere in
/// the scope) moves their qualifications, registrations and records with them. A stale <c>version</c> is 409; another area's
/// person is 404.
/// </summary>
public static class SaveSocialWorker
{
    public sealed record Request : SocialWorkerForm.Request
    {
        /// <summary>Editing: the version read (409 when someone saved in between).</summary>
        public int? Version { get; init; }
    }

    public static async Task<Result<Guid>> Add(AppDb db, CurrentUser user, Sealer sealer, TimeProvider clock, SocialWorkerForm.Request r, CancellationToken ct = default)
    {
        var errors = SocialWorkerForm.Validate(r, ChinaTime.Today(clock));
        var placement = await SocialWorkerForm.PlaceAsync(db, user, r, errors, ct);
        if (!errors.Has("idNumber") && await SocialWorkerForm.FindByIdAsync(db, sealer.Hash(SensitiveKind.IdNumber, ResidentId.Normalize(r.IdNumber!)), ct) is not null)
            errors.Duplicate("idNumber", SocialWorkerForm.DuplicateMessage);
        if (errors.Any) return errors.ToFailure();
        var worker = SocialWorkerForm.New(db, sealer, r.Name!, r.IdNumber!, placement!.AreaCode, user.Id, await Workers.NameAsync(db, user, ct), clock.GetUtcNow());
        SocialWorkerForm.Apply(worker, sealer, r, placement);
        if (await db.SaveOrFindDuplicateAsync(ct) is { } columns)
            return columns.Contains("IdNumberHash") ? Failure.Duplicate("idNumber", SocialWorkerForm.DuplicateMessage) : UniqueKeys.Conflict();
        return worker.Id;
    }

    public static async Task<Result<int>> Edit(AppDb db, CurrentUser user, Sealer sealer, TimeProvider clock, Guid id, Request r, CancellationToken ct = default)
    {
        if (await db.Set<SocialWorker>().FirstOrDefaultAsync(w => w.Id == id, ct) is not { } worker) return Failure.NotFound();
        var errors = SocialWorkerForm.Validate(r, ChinaTime.Today(clock), editing: true);
        if (!string.IsNullOrWhiteSpace(r.IdNumber) && sealer.Hash(SensitiveKind.IdNumber, ResidentId.Normalize(r.IdNumber)) != worker.IdNumber.Hash)
            errors.Add("idNumber", Lang.T("身份证号码不能修改；录入有误请联系平台管理员", "The ID number cannot change; ask the platform admin to correct a wrong one"));
        if (r.StartedOn is { } s && ChinaTime.AgeOn(worker.BirthDate, s) < 16)
            errors.Add("startedOn", Lang.T("起始日期早于本人年满16周岁", "The date is before the person turned 16"));
        // An empty phone box keeps the stored phone (the page shows it masked and never holds it in full).
        if (string.IsNullOrWhiteSpace(r.Phone) && worker.Phone is { } phone) r = r with { Phone = sealer.Open(phone) };
        var placement = await SocialWorkerForm.PlaceAsync(db, user, r, errors, ct);
        if (errors.Any) return errors.ToFailure();
        if (r.Version is { } version && version != worker.Version) return Stale;

        var moved = placement!.AreaCode != worker.AreaCode;
        SocialWorkerForm.Apply(worker, sealer, r, placement);
        if (moved) await MoveRecordsAsync(db, worker, ct);
        worker.Touch();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Stale;
        }
        return worker.Version;
    }

    /// <summary>The person's qualifications, registrations and records follow them to their new area (they are read in its scope).</summary>
    static async Task MoveRecordsAsync(AppDb db, SocialWorker worker, CancellationToken ct)
    {
        foreach (var q in await db.Set<Qualification>().Where(x => x.SocialWorkerId == worker.Id).ToListAsync(ct)) q.MoveTo(worker.AreaCode);
        foreach (var r in await db.Set<Registration>().Where(x => x.SocialWorkerId == worker.Id).ToListAsync(ct)) r.MoveTo(worker.AreaCode);
        foreach (var e in await db.Set<EducationRecord>().Where(x => x.SocialWorkerId == worker.Id).ToListAsync(ct)) e.MoveTo(worker.AreaCode);
    }

    public static Failure Stale => Failure.Conflict(Lang.T("该社会工作者信息已被他人修改，请刷新后重试", "Someone else changed this social worker; reload and try again"));
}
