using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Features.Households;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Files;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Sensitive;
using Wushe.Platform.Validation;
using Wushe.Platform.Web;

namespace Wushe.Features.Needs;

/// <summary>
/// 登记需求: community staff or a station social worker records a need of their area — for a household (then the household's
/// area; a member of it may be named) or for an area of their scope (a community, or a township for a need of the whole
/// street) with a requester's name and phone (a walk-in, a call). Category, urgency, a short title, the description, up to
/// <see cref="NeedPhoto.MaxPerNeed"/> photos (jpg/png ≤ 5 MB, checked by content). It enters as 待受理 with the area's
/// acceptance deadline (<see cref="NeedTimeLimits"/>). Failures: invalid (fields named; a household, member or area not
/// found in scope). Nothing is saved unless everything is.
/// </summary>
public static class RaiseNeed
{
    public sealed record Request
    {
        /// <summary>12-digit code of a community (村/社区) or township of the user's scope; ignored when a household is named.</summary>
        [Label("所属区划", "Area")] public string? AreaCode { get; init; }
        [Label("家庭户", "Household")] public Guid? HouseholdId { get; init; }
        [Label("服务对象", "Person")] public Guid? ResidentId { get; init; }
        [Label("需求类别", "Category")] public NeedCategory? Category { get; init; }
        [Label("紧急程度", "Urgency")] public NeedUrgency? Urgency { get; init; }
        [Label("需求标题", "Title")] public string? Title { get; init; }
        [Label("需求描述", "Description")] public string? Description { get; init; }
        [Label("求助人", "Requester")] public string? RequesterName { get; init; }
        [Label("联系电话", "Phone")] public string? RequesterPhone { get; init; }
    }

    public sealed record Raised(Guid Id, string NeedNo);

    /// <summary>The request's own rules (no database).</summary>
    public static Errors Validate(Request r) => Fields(new Errors(), r.Category, r.Urgency, r.Title, r.Description)
        .Text("requesterName", r.RequesterName, "求助人", "Requester", 0, 50, required: false)
        .Add("requesterPhone", string.IsNullOrWhiteSpace(r.RequesterPhone) ? null : Telephone.Check(r.RequesterPhone));

    /// <summary>The fields every need has (the staff's form and the residents' page share them).</summary>
    public static Errors Fields(Errors errors, NeedCategory? category, NeedUrgency? urgency, string? title, string? description)
    {
        if (category is null || !Enum.IsDefined(category.Value)) errors.Add("category", Lang.T("请选择需求类别", "Please choose the category"));
        if (urgency is null || !Enum.IsDefined(urgency.Value)) errors.Add("urgency", Lang.T("请选择紧急程度", "Please choose the urgency"));
        return errors.Text("title", title, "需求标题", "Title", 2, 50).Text("description", description, "需求描述", "Description", 2, 2000);
    }

    public static async Task<Result<Raised>> Handle(AppDb db, CurrentUser user, Sealer sealer, TimeProvider clock, Request r,
        IReadOnlyList<IFormFile>? photos = null, CancellationToken ct = default)
    {
        var errors = Validate(r);
        string? area = null;
        if (r.HouseholdId is { } hid)
        {
            var household = await db.Set<Household>().FirstOrDefaultAsync(h => h.Id == hid, ct);
            if (household is null) errors.Add("householdId", Lang.T("家庭户不存在或不在您的管辖范围内", "The household does not exist or lies outside your area"));
            else if (household.ClosedOn is not null) errors.Add("householdId", Lang.T("该户已注销，不能登记需求", "The household is closed; no need can be raised for it"));
            else area = household.AreaCode;
            if (household is not null && r.ResidentId is { } rid && !await db.Set<Resident>().AnyAsync(x => x.Id == rid && x.HouseholdId == hid, ct))
                errors.Add("residentId", Lang.T("所选服务对象不是该家庭户的成员", "The person chosen is not a member of this household"));
        }
        else if (r.ResidentId is not null) errors.Add("residentId", Lang.T("请先选择家庭户", "Choose the household first"));
        else
        {
            var code = AreaCode.Normalize(r.AreaCode);
            var level = code is null ? null : await db.Areas.Where(a => a.Code == code && a.ValidTo == null).Select(a => (AreaLevel?)a.Level).FirstOrDefaultAsync(ct);
            if (string.IsNullOrWhiteSpace(r.AreaCode)) errors.Add("areaCode", Lang.T("请选择需求所在的社区（村）或镇（街道）", "Choose the community or township of the need"));
            else if (level is null) errors.Add("areaCode", Lang.T("区划不存在或不在您的管辖范围内", "The area does not exist or lies outside your area"));
            else if (level is not (AreaLevel.Village or AreaLevel.Township))
                errors.Add("areaCode", Lang.T("需求应登记到社区（村）或镇（街道）", "A need belongs to a community or a township"));
            else area = code;
            if (string.IsNullOrWhiteSpace(r.RequesterName) && string.IsNullOrWhiteSpace(r.RequesterPhone))
                errors.Add("requesterName", Lang.T("未选择家庭户时，请填写求助人姓名或联系电话", "Without a household, give the requester's name or phone"));
        }
        var files = await Photos(photos, area ?? user.Active?.AreaCode ?? "", clock, user.Id, errors);
        if (errors.Any) return errors.ToFailure();

        var name = await Workers.NameAsync(db, user, ct);
        var need = await NeedRules.AddAsync(db, area!, r.HouseholdId, r.ResidentId, r.Category!.Value, r.Urgency!.Value, r.Title!.Trim(), r.Description!.Trim(),
            NeedSource.CommunityStaff, null, user.Id, name, clock.GetUtcNow(), ct);
        need.SetRequester(r.RequesterName?.Trim() ?? "",
            string.IsNullOrWhiteSpace(r.RequesterPhone) ? null : sealer.Seal(SensitiveKind.Phone, Telephone.Normalize(r.RequesterPhone)));
        foreach (var f in files)
        {
            f.MoveTo(need.AreaCode);
            db.StoredFiles.Add(f);
            db.Add(new NeedPhoto(need, f.Id));
        }
        return await SaveNumbered(db, need, ct);
    }

    /// <summary>The uploads as files to store (named on <paramref name="field"/> when one is not a jpg/png picture of at most 5 MB, or there are too many): <see cref="Platform.Files.Photos"/>.</summary>
    public static Task<List<StoredFile>> Photos(IReadOnlyList<IFormFile>? photos, string areaCode, TimeProvider clock, Guid? by, Errors errors, string field = "photos") =>
        Platform.Files.Photos.ReadAsync(photos, NeedPhoto.Kind, NeedPhoto.MaxPerNeed, areaCode, clock, by, errors, field);

    /// <summary>
    /// Saves a new need; two needs of one township numbered at one moment take the same number: the unique index refuses the
    /// second, which is numbered again and saved (its rows, photos too, re-added after the failed save cleared them).
    /// </summary>
    public static async Task<Result<Raised>> SaveNumbered(AppDb db, Need need, CancellationToken ct)
    {
        for (var attempt = 0; ; attempt++)
        {
            var entries = db.ChangeTracker.Entries().Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
            if (await db.SaveOrFindDuplicateAsync(ct) is not { } columns) return new Raised(need.Id, need.NeedNo);
            if (!columns.Contains(nameof(Need.NeedNo)) || attempt >= 8) return UniqueKeys.Conflict();
            need.Renumber(await NeedRules.NextNumberAsync(db, need.AreaCode, need.RaisedAt.ToOffset(Platform.ChinaTime.Offset).Year, ct));
            foreach (var e in entries) db.Add(e);
        }
    }
}
