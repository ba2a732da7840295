using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Workforce;

/// <summary>
/// 录入职业资格: a level a social worker holds — level, how obtained (exam; the senior level by exam and review, so its route is review — DOMAIN.md), the date
/// (not in the future, not before the person turned 18) and the certificate number (6–30 letters and digits, unique platform-wide:
/// 409 naming certificateNo). A level once per person (409 naming level). Keeps the register's roll-ups (highest level, state).
/// </summary>
public static class AddQualification
{
    public sealed record Request(
        [property: Label("等级", "Level")] SocialWorkLevel? Level,
        [property: Label("取得方式", "Route")] QualificationRoute? Route,
        [property: Label("取得日期", "Obtained on")] DateOnly? ObtainedOn,
        [property: Label("证书编号", "Certificate number")] string? CertificateNo);

    public static async Task<Result<Guid>> Handle(AppDb db, TimeProvider clock, Guid socialWorkerId, Request r, CancellationToken ct = default)
    {
        if (await db.Set<SocialWorker>().FirstOrDefaultAsync(w => w.Id == socialWorkerId, ct) is not { } worker) return Failure.NotFound();
        var today = ChinaTime.Today(clock);
        var errors = new Errors();
        if (r.Level is not { } level || !Enum.IsDefined(level)) errors.Add("level", Lang.T("请选择职业资格等级", "Please choose the level"));
        if (r.Route is not { } route || !Enum.IsDefined(route)) errors.Add("route", Lang.T("请选择取得方式", "Please choose how it was obtained"));
        else if (route == QualificationRoute.Review && r.Level is not SocialWorkLevel.Senior)
            errors.Add("route", Lang.T("评审仅适用于高级社会工作师", "Review applies to the senior level only"));
        else if (route != QualificationRoute.Review && r.Level is SocialWorkLevel.Senior)
            errors.Add("route", Lang.T("高级社会工作师实行考评结合：考试合格后经评审取得，取得方式请选择“评审”", "The senior level is obtained by exam and review: choose review"));
        if (r.ObtainedOn is not { } on) errors.Add("obtainedOn", Lang.T("取得日期不能为空", "The date is required"));
        else if (on > today) errors.Add("obtainedOn", Lang.T("取得日期不能晚于今天", "The date cannot be in the future"));
        else if (ChinaTime.AgeOn(worker.BirthDate, on) < 18) errors.Add("obtainedOn", Lang.T("取得日期早于本人年满18周岁", "The date is before the person turned 18"));
        var number = (r.CertificateNo ?? "").Trim().ToUpperInvariant();
        if (number.Length is < 6 or > 30 || !number.All(char.IsAsciiLetterOrDigit))
            errors.Add("certificateNo", Lang.T("证书编号应为6至30位字母或数字", "The certificate number is 6 to 30 letters or digits"));
        if (errors.Any) return errors.ToFailure();
        if (await db.Set<Qualification>().AnyAsync(q => q.SocialWorkerId == worker.Id && q.Level == r.Level, ct))
            return Failure.Duplicate("level", Lang.T("该社会工作者已录入此等级的职业资格", "This level is already on the person's record"));

        var qualification = new Qualification(worker, r.Level!.Value, r.Route!.Value, r.ObtainedOn!.Value, number);
        db.Add(qualification);
        await WorkforceRules.Roll(db, worker, ct);
        worker.Touch();
        if (await db.SaveOrFindDuplicateAsync(ct) is { } columns)
            return columns.Contains(nameof(Qualification.CertificateNo))
                ? Failure.Duplicate("certificateNo", Lang.T("该证书编号已被登记", "This certificate number is already on record"))
                : columns.Contains(nameof(Qualification.Level))
                    ? Failure.Duplicate("level", Lang.T("该社会工作者已录入此等级的职业资格", "This level is already on the person's record"))
                    : UniqueKeys.Conflict();
        return qualification.Id;
    }
}
