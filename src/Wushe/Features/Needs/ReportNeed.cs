using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;
using Wushe.Platform.Web;

namespace Wushe.Features.Needs;

/// <summary>
/// 居民自报需求: a resident, without an account, tells their community of a need on the public mobile page (often opened from
/// the community's QR code: <c>/Needs/Report?area=</c>): the community (a current 村/社区 code), category, 一般 or 紧急, a short title,
/// the description, their name and mobile number (required: the community calls back), and their consent that the community
/// and station may use these to handle the need (个人信息保护法 §13–14), and up to <see cref="MaxPhotos"/> photos. It enters as 待受理 and <b>unverified</b>
/// (<see cref="Need.Verified"/>) until a worker accepts it, and the answer is its number, with which the resident follows it
/// (<see cref="TrackNeed"/>). Limits (<see cref="ResidentLimits"/>): 429 when the address or the phone has reported too often;
/// the phone's limit is counted and the need inserted in one transaction, so reports sent at once cannot exceed it.
/// Written as the resident (no account: the audit names "居民自报" and the masked phone, from the client's address).
/// </summary>
public static class ReportNeed
{
    public sealed record Request
    {
        /// <summary>12-digit code of a current community (村/社区).</summary>
        [Label("所在社区（村）", "Community")] public string? AreaCode { get; init; }
        [Label("需求类别", "Category")] public NeedCategory? Category { get; init; }
        [Label("紧急程度", "Urgency")] public NeedUrgency? Urgency { get; init; }
        [Label("需求标题", "Title")] public string? Title { get; init; }
        [Label("需求描述", "Description")] public string? Description { get; init; }
        [Label("您的姓名", "Your name")] public string? Name { get; init; }
        [Label("手机号码", "Mobile number")] public string? Phone { get; init; }
        [Label("同意授权", "Consent")] public bool? Consent { get; init; }
    }

    public static Errors Validate(Request r)
    {
        var errors = RaiseNeed.Fields(new Errors(), r.Category, r.Urgency, r.Title, r.Description)
            .Text("name", r.Name, "您的姓名", "Your name", 1, 50)
            .Add("phone", string.IsNullOrWhiteSpace(r.Phone) ? Lang.T("手机号码不能为空，社区将通过它与您联系", "Your mobile number is required: the community calls you back") : Mobile.Check(r.Phone));
        if (r.Urgency == NeedUrgency.Critical) errors.Add("urgency", Lang.T("紧急程度请选择“一般”或“紧急”；遇到危及生命安全的情况请立即拨打 110 或 120", "Choose normal or urgent; in danger to life, call 110 or 120 at once"));
        if (r.Consent != true) errors.Add("consent", Lang.T("请阅读并同意社区和社工站使用您填写的信息办理本需求", "Please agree that the community and the station use what you give to handle this need"));
        if (string.IsNullOrWhiteSpace(r.AreaCode)) errors.Add("areaCode", Lang.T("请选择您所在的社区（村）", "Please choose your community"));
        return errors;
    }

    /// <summary>How many photos a resident sends with a report (the photos' one rule otherwise: <see cref="Platform.Files.Photos"/>).</summary>
    public const int MaxPhotos = 2;

    /// <param name="photos">Up to <see cref="MaxPhotos"/> photos (named "photos"): a bad one saves nothing, the need neither.</param>
    public static async Task<Result<RaiseNeed.Raised>> Handle(AppDb db, Sealer sealer, TimeProvider clock, ResidentLimits limits, string? origin, Request r,
        IReadOnlyList<IFormFile>? photos = null, CancellationToken ct = default)
    {
        var errors = Validate(r);
        var code = AreaCode.Normalize(r.AreaCode);
        var community = code is null ? null : await db.Areas.IgnoreQueryFilters([AppDb.ScopeFilter])
            .Where(a => a.Code == code && a.ValidTo == null && a.Level == AreaLevel.Village).Select(a => a.Code).FirstOrDefaultAsync(ct);
        if (!errors.Has("areaCode") && community is null) errors.Add("areaCode", Lang.T("所选社区（村）不存在，请重新选择", "The community chosen does not exist; choose again"));
        if (errors.Any) return errors.ToFailure();
        if (limits.Report(origin) is { } tooMany) return tooMany;
        // The photos are read (decoded, their metadata removed: the costly part) only for a report that would be saved: the form
        // right and the address within its limit — an anonymous request cannot spend the server's cores on pictures it then drops.
        var files = await Platform.Files.Photos.ReadAsync(photos, NeedPhoto.Kind, MaxPhotos, community!, clock, null, errors);
        if (errors.Any) return errors.ToFailure();
        var phone = Mobile.Normalize(r.Phone!);
        var hash = sealer.Hash(SensitiveKind.Phone, phone);
        var now = clock.GetUtcNow();
        var masked = Mask.Phone(phone);
        db.ActingAs(CurrentUser.Resident(masked, community!, origin));
        // The phone's count and the need's insert are one step: the phone's row is claimed in the need's transaction (see
        // ResidentLimits.ClaimPhoneAsync); counted before it, reports sent at one moment all passed.
        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        if (await ResidentLimits.ClaimPhoneAsync(db, hash, now, ct) is { } limited) return limited;
        var need = await NeedRules.AddAsync(db, community!, null, null, r.Category!.Value, r.Urgency!.Value, r.Title!.Trim(), r.Description!.Trim(),
            NeedSource.Resident, null, null, r.Name!.Trim(), now, ct);
        need.SetRequester(r.Name!.Trim(), sealer.Seal(SensitiveKind.Phone, phone));
        foreach (var f in files)
        {
            db.StoredFiles.Add(f);
            db.Add(new NeedPhoto(need, f.Id));
        }
        var saved = await RaiseNeed.SaveNumbered(db, need, ct);
        if (saved.IsOk && tx is not null) await tx.CommitAsync(ct);
        return saved;
    }
}
