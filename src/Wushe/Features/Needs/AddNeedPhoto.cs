using Microsoft.EntityFrameworkCore;
using Wushe.Data;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Needs;

/// <summary>
/// 上传需求照片: adds a photo (jpg/png ≤ 5 MB, checked by content) to a need of the user's scope that is not rejected or closed,
/// up to <see cref="NeedPhoto.MaxPerNeed"/> per need (409 beyond). The staff's form uploads its photos with the need
/// (<see cref="RaiseNeed"/>); this is the API's way, and a later photo's.
/// </summary>
public static class AddNeedPhoto
{
    public static async Task<Result<CreatedId>> Handle(AppDb db, CurrentUser user, TimeProvider clock, Guid id, IFormFile? photo, CancellationToken ct = default)
    {
        var need = await db.Set<Need>().FirstOrDefaultAsync(n => n.Id == id, ct);
        if (need is null) return Failure.NotFound();
        var errors = new Errors();
        if (photo is null) errors.Add("photo", Lang.T("请选择要上传的照片", "Please choose the photo"));
        var files = await RaiseNeed.Photos(photo is null ? null : [photo], need.AreaCode, clock, user.Id, errors, "photo");
        if (errors.Any) return errors.ToFailure();
        if (need.Status is NeedStatus.Rejected or NeedStatus.Closed)
            return Failure.Conflict(Lang.T($"该需求{Need.StatusLabel(need.Status)}，不能再上传照片", $"The need is {Need.StatusLabel(need.Status)}: no more photos"));
        if (await db.Set<NeedPhoto>().CountAsync(p => p.NeedId == id, ct) >= NeedPhoto.MaxPerNeed)
            return Failure.Conflict(Lang.T($"每条需求最多 {NeedPhoto.MaxPerNeed} 张照片", $"A need has at most {NeedPhoto.MaxPerNeed} photos"));
        db.StoredFiles.Add(files[0]);
        var row = new NeedPhoto(need, files[0].Id);
        db.Add(row);
        need.Touch();
        if (await NeedSaves.SaveAsync(db, ct) is { } conflict) return conflict;
        return new CreatedId(files[0].Id);
    }
}
