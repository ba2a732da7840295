using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;

namespace Wushe.Platform.Files;

/// <summary>
/// The one rule for photos attached to a record (a need's, a delivery record's, a resident's report): jpg or png pictures of at
/// most 5 MB, checked by their content (<see cref="StoredFile.FromUpload"/>), at most <see cref="MaxPerRecord"/> on a record (a
/// resident's report: fewer, <c>max</c>). The words of the limit are the words of the refusal (UI.md "Uploads").
/// </summary>
public static class Photos
{
    /// <summary>How many photos one record holds (a need, a delivery record).</summary>
    public const int MaxPerRecord = 3;

    /// <summary>What a file input accepts.</summary>
    public const string Accept = ".jpg,.jpeg,.png";

    /// <summary>"最多上传 2 张照片": more photos than a record takes.</summary>
    static string TooMany(int max) => Lang.T($"最多上传 {max} 张照片", $"At most {max} photos");

    /// <summary>The limits, stated before choosing and in the refusal.</summary>
    public static string LimitText(int max) => Lang.T($"最多 {max} 张，每张为不超过 5MB 的 jpg 或 png 图片", $"At most {max}, each a jpg or png picture of at most 5 MB");

    /// <summary>
    /// Why a multipart request's files are not taken as sent: a file under another name than <paramref name="field"/>, or more than
    /// <paramref name="most"/> under it (a second photo is refused by name, not dropped). Null when the files are as documented.
    /// </summary>
    public static Failure? Misnamed(HttpRequest request, string field, int most)
    {
        if (!request.HasFormContentType) return null;
        var files = request.Form.Files;
        if (files.Any(f => f.Name != field))
            return Failure.Invalid(field, Lang.T($"照片请以表单字段 {field} 上传", $"Send the photos as the form field {field}"));
        return files.Count > most
            ? Failure.Invalid(field, most == 1 ? Lang.T("一次上传一张照片", "One photo at a time") : TooMany(most))
            : null;
    }

    /// <summary>
    /// The uploads as files of <paramref name="kind"/> to store in <paramref name="areaCode"/> (the record's area); what is wrong is
    /// named on <paramref name="field"/> (not a jpg/png picture of at most 5 MB, damaged, or more than <paramref name="max"/>).
    /// </summary>
    public static async Task<List<StoredFile>> ReadAsync(IReadOnlyList<IFormFile>? photos, FileKind kind, int max, string areaCode, TimeProvider clock,
        Guid? by, Errors errors, string field = "photos")
    {
        var list = new List<StoredFile>();
        if (photos is null || photos.Count == 0) return list;
        if (photos.Count > max)
        {
            errors.Add(field, TooMany(max));
            return list;
        }
        foreach (var p in photos)
        {
            if (p.Length > StoredFile.MaxBytes || (!p.FileName.EndsWith(".jpg", StringComparison.OrdinalIgnoreCase) && !p.FileName.EndsWith(".jpeg", StringComparison.OrdinalIgnoreCase)
                && !p.FileName.EndsWith(".png", StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add(field, Lang.T("照片请上传 jpg 或 png 格式、不超过 5MB 的图片", "Photos must be jpg or png pictures of at most 5 MB"));
                continue;
            }
            var (f, error) = await StoredFile.FromUpload(p, kind, areaCode, clock.GetUtcNow(), by);
            errors.Add(field, error);
            if (f is not null) list.Add(f);
        }
        return list;
    }
}
