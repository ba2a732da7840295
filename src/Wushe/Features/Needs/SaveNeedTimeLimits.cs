using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Needs;

/// <summary>
/// 办理时限设置: an area of the user's scope (a city, county or township) sets its own time limits for needs — per urgency,
/// hours to accept (1–720) and days to resolve (1–365), the more urgent never slower than the less, none longer than an area
/// above set (thresholds tighten going down, DONE.md 10; 400 naming the field) — or changes them. A station worker sets the
/// township's only as the station's head (403), as with the colour-card scheme. They
/// apply to needs raised (acceptance) and accepted (resolution) from then on; deadlines already set stay. The limits that
/// apply elsewhere are the nearest area's (<see cref="NeedRules.LimitsFor"/>). Failures: invalid (fields named; an area not
/// found in scope, or a community); conflict (a stale version).
/// </summary>
public static class SaveNeedTimeLimits
{
    public sealed record Request
    {
        [Label("设定区划", "Area")] public string? AreaCode { get; init; }
        [Label("一般需求受理时限（小时）", "Normal: accept within (hours)")] public int? NormalAcceptHours { get; init; }
        [Label("一般需求办结时限（天）", "Normal: resolve within (days)")] public int? NormalResolveDays { get; init; }
        [Label("紧急需求受理时限（小时）", "Urgent: accept within (hours)")] public int? UrgentAcceptHours { get; init; }
        [Label("紧急需求办结时限（天）", "Urgent: resolve within (days)")] public int? UrgentResolveDays { get; init; }
        [Label("特急需求受理时限（小时）", "Critical: accept within (hours)")] public int? CriticalAcceptHours { get; init; }
        [Label("特急需求办结时限（天）", "Critical: resolve within (days)")] public int? CriticalResolveDays { get; init; }
        [Label("版本", "Version")] public int? Version { get; init; }
    }

    public sealed record Saved(Guid Id, int Version);

    public static Errors Validate(Request r)
    {
        var errors = new Errors();
        void Range(string field, int? value, int max, string zh, string en)
        {
            if (value is null) errors.Add(field, Lang.T($"{zh}不能为空", $"{en} is required"));
            else if (value < 1 || value > max) errors.Add(field, Lang.T($"{zh}应在 1 至 {max} 之间", $"{en} must be between 1 and {max}"));
        }
        Range("normalAcceptHours", r.NormalAcceptHours, 720, "一般需求受理时限", "Normal acceptance limit");
        Range("normalResolveDays", r.NormalResolveDays, 365, "一般需求办结时限", "Normal resolution limit");
        Range("urgentAcceptHours", r.UrgentAcceptHours, 720, "紧急需求受理时限", "Urgent acceptance limit");
        Range("urgentResolveDays", r.UrgentResolveDays, 365, "紧急需求办结时限", "Urgent resolution limit");
        Range("criticalAcceptHours", r.CriticalAcceptHours, 720, "特急需求受理时限", "Critical acceptance limit");
        Range("criticalResolveDays", r.CriticalResolveDays, 365, "特急需求办结时限", "Critical resolution limit");
        if (errors.Any) return errors;
        if (r.UrgentAcceptHours > r.NormalAcceptHours) errors.Add("urgentAcceptHours", Lang.T("紧急需求的受理时限不能长于一般需求", "Urgent needs cannot be given longer to accept than normal ones"));
        if (r.CriticalAcceptHours > r.UrgentAcceptHours) errors.Add("criticalAcceptHours", Lang.T("特急需求的受理时限不能长于紧急需求", "Critical needs cannot be given longer to accept than urgent ones"));
        if (r.UrgentResolveDays > r.NormalResolveDays) errors.Add("urgentResolveDays", Lang.T("紧急需求的办结时限不能长于一般需求", "Urgent needs cannot be given longer to resolve than normal ones"));
        if (r.CriticalResolveDays > r.UrgentResolveDays) errors.Add("criticalResolveDays", Lang.T("特急需求的办结时限不能长于紧急需求", "Critical needs cannot be given longer to resolve than urgent ones"));
        return errors;
    }

    public static async Task<Result<Saved>> Handle(AppDb db, TimeProvider clock, Request r, CancellationToken ct = default)
    {
        var errors = Validate(r);
        var code = AreaCode.Normalize(r.AreaCode);
        var level = code is null ? null : await db.Areas.Where(a => a.Code == code && a.ValidTo == null).Select(a => (AreaLevel?)a.Level).FirstOrDefaultAsync(ct);
        if (string.IsNullOrWhiteSpace(r.AreaCode)) errors.Add("areaCode", Lang.T("请选择设定区划", "Please choose the area"));
        else if (level is null) errors.Add("areaCode", Lang.T("区划不存在或不在您的管辖范围内", "The area does not exist or lies outside your area"));
        else if (level == AreaLevel.Village) errors.Add("areaCode", Lang.T("办理时限设在市、县（区）或乡镇（街道）一级", "Time limits belong to a city, county or township"));
        if (errors.Any) return errors.ToFailure();
        if (!await Households.CardSchemes.MaySetAsync(db, db.Actor, code!, ct))
            return Failure.Forbidden(Lang.T("办理时限由社工站站长或民政部门设定", "Time limits are set by the station's head or by civil-affairs staff"));
        // Thresholds tighten going down (DONE.md 10): none may be longer than what an area above set.
        var owners = Platform.Areas.AreaCode.ParentOf(code!) is { } parent ? Households.TargetGroups.Ancestors(parent) : [];
        var above = await db.Set<NeedTimeLimits>().IgnoreQueryFilters([AppDb.ScopeFilter]).AsNoTracking().Where(s => owners.Contains(s.AreaCode)).ToListAsync(ct);
        if (above.Count > 0)
        {
            var bound = NeedRules.Strictest(above);
            void NotLonger(string field, int? value, int max, string unitZh, string unitEn)
            {
                if (value > max) errors.Add(field, Lang.T($"不能长于上级已设定的 {max} {unitZh}", $"Cannot be longer than the {max} {unitEn} set above"));
            }
            NotLonger("normalAcceptHours", r.NormalAcceptHours, bound.NormalAcceptHours, "小时", "hours");
            NotLonger("normalResolveDays", r.NormalResolveDays, bound.NormalResolveDays, "天", "days");
            NotLonger("urgentAcceptHours", r.UrgentAcceptHours, bound.UrgentAcceptHours, "小时", "hours");
            NotLonger("urgentResolveDays", r.UrgentResolveDays, bound.UrgentResolveDays, "天", "days");
            NotLonger("criticalAcceptHours", r.CriticalAcceptHours, bound.CriticalAcceptHours, "小时", "hours");
            NotLonger("criticalResolveDays", r.CriticalResolveDays, bound.CriticalResolveDays, "天", "days");
            if (errors.Any) return errors.ToFailure();
        }
        var now = clock.GetUtcNow();
        var limits = await db.Set<NeedTimeLimits>().FirstOrDefaultAsync(x => x.AreaCode == code, ct);
        if (limits is null)
        {
            limits = new NeedTimeLimits(code!, r.NormalAcceptHours!.Value, r.NormalResolveDays!.Value, r.UrgentAcceptHours!.Value, r.UrgentResolveDays!.Value,
                r.CriticalAcceptHours!.Value, r.CriticalResolveDays!.Value, now);
            db.Add(limits);
            if (await db.SaveOrFindDuplicateAsync(ct) is not null)
                return Failure.Conflict(Lang.T("该区划的办理时限刚被他人设定，请刷新后查看", "Someone set this area's limits a moment ago; reload to see them"));
            return new Saved(limits.Id, limits.Version);
        }
        if (r.Version is { } v && v != limits.Version)
            return Failure.Conflict(Lang.T("办理时限已被他人修改，请刷新后重试", "Someone changed these limits; reload and try again"));
        limits.Set(r.NormalAcceptHours!.Value, r.NormalResolveDays!.Value, r.UrgentAcceptHours!.Value, r.UrgentResolveDays!.Value, r.CriticalAcceptHours!.Value,
            r.CriticalResolveDays!.Value, now);
        if (await NeedSaves.SaveAsync(db, ct) is { } conflict) return conflict;
        return new Saved(limits.Id, limits.Version);
    }
}
