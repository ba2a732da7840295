using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;
using Wushe.Platform.Web;

namespace Wushe.Features.Needs;

/// <summary>
/// 需求办理进度查询: a resident follows their own need on the public page by its number and the mobile number they gave — the
/// only way a resident sees a need, and only that one: its title, category, community, status with the time of each step, the
/// outcome once resolved and their rating. No worker's name, no other need, nothing of a household. A number and phone that do
/// not belong together answer exactly as a number that does not exist (not found). Rate-limited per client address
/// (<see cref="ResidentLimits.Lookup"/>, 429).
/// </summary>
public static class TrackNeed
{
    public sealed record Request
    {
        [Label("需求编号", "Need number")] public string? NeedNo { get; init; }
        [Label("手机号码", "Mobile number")] public string? Phone { get; init; }
    }

    public sealed record Step(NeedStatus Status, DateTimeOffset At);

    /// <summary>What the resident sees of their need; <c>mayRate</c> while it is resolved and not rated yet.</summary>
    public sealed record Progress(string NeedNo, string Title, NeedCategory Category, string AreaName, NeedStatus Status, DateTimeOffset RaisedAt,
        IReadOnlyList<Step> Steps, string? Outcome, int? Satisfaction, bool MayRate);

    public static Errors Validate(Request r)
    {
        var errors = new Errors();
        if (string.IsNullOrWhiteSpace(r.NeedNo)) errors.Add("needNo", Lang.T("请输入需求编号", "Please enter the need number"));
        else if (r.NeedNo.Trim().Length > 40 || Platform.Validation.Invisible.Refused(r.NeedNo)) errors.Add("needNo", Lang.T("需求编号不正确", "The need number is not valid"));
        errors.Add("phone", string.IsNullOrWhiteSpace(r.Phone) ? Lang.T("请输入提交需求时填写的手机号码", "Please enter the mobile number you gave") : Mobile.Check(r.Phone));
        return errors;
    }

    public static async Task<Result<Progress>> Handle(AppDb db, Sealer sealer, ResidentLimits limits, string? origin, Request r, CancellationToken ct = default)
    {
        var found = await FindAsync(db, sealer, limits, origin, r, ct);
        if (!found.IsOk) return found.Failure!;
        var need = found.Value!;
        var steps = await db.Set<NeedStep>().IgnoreQueryFilters([AppDb.ScopeFilter]).Where(s => s.NeedId == need.Id).OrderBy(s => s.At).ThenBy(s => s.Status).ThenBy(s => s.Id)
            .Select(s => new Step(s.Status, s.At)).ToListAsync(ct);
        var area = await db.Areas.IgnoreQueryFilters([AppDb.ScopeFilter]).Where(a => a.Code == need.AreaCode).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? "";
        var resolved = need.Status is NeedStatus.Resolved or NeedStatus.FollowedUp or NeedStatus.Closed or NeedStatus.Rejected;
        return new Progress(need.NeedNo, need.Title, need.Category, area, need.Status, need.RaisedAt, steps, resolved ? need.Outcome : null,
            need.Satisfaction, need.Status == NeedStatus.Resolved && need.Satisfaction is null);
    }

    /// <summary>The need with this number and phone (tracked, read outside any scope: the pair is the resident's key), or not found; rate-limited.</summary>
    public static async Task<Result<Need>> FindAsync(AppDb db, Sealer sealer, ResidentLimits limits, string? origin, Request r, CancellationToken ct)
    {
        var errors = Validate(r);
        if (errors.Any) return errors.ToFailure();
        if (limits.Lookup(origin) is { } tooMany) return tooMany;
        var number = r.NeedNo!.Trim().ToUpperInvariant();
        var hash = sealer.Hash(SensitiveKind.Phone, Mobile.Normalize(r.Phone!));
        var need = await db.Set<Need>().IgnoreQueryFilters([AppDb.ScopeFilter]).FirstOrDefaultAsync(n => n.NeedNo == number && n.RequesterPhone!.Hash == hash, ct);
        return need is null
            ? new Failure(FailureKind.NotFound, Lang.T("未找到与该编号和手机号相符的需求，请核对后重试", "No need matches this number and mobile number; check them and try again"))
            : need;
    }
}
