using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Platform.Files;

/// <summary>
/// An uploaded file (evidence photo or document). Kept in the database so that several app
/// instances share it and a backup holds everything; sizes are capped.
/// </summary>
public sealed class StoredFile : IAreaScoped
{
    public const long MaxBytes = 5 * 1024 * 1024;

    static readonly Dictionary<string, (string ContentType, byte[] Magic)> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        [".jpeg"] = ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        [".png"] = ("image/png", [0x89, 0x50, 0x4E, 0x47]),
        [".pdf"] = ("application/pdf", [0x25, 0x50, 0x44, 0x46]),
    };

    public static string LimitText => Lang.T("请上传大小不超过 5MB、格式为 jpg/png/pdf 的文件", "Please upload a jpg, png or pdf file of at most 5 MB");

    private StoredFile() { AreaCode = FileName = ContentType = ""; Content = []; }

    StoredFile(string areaCode, string fileName, string contentType, byte[] content, DateTimeOffset at, Guid? by)
    {
        Id = Guid.CreateVersion7();
        AreaCode = areaCode;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        Length = content.Length;
        UploadedAt = at;
        UploadedBy = by;
    }

    public Guid Id { get; private set; }
    public string AreaCode { get; private set; }
    public string FileName { get; private set; }
    public string ContentType { get; private set; }
    public long Length { get; private set; }
    public byte[] Content { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
    public Guid? UploadedBy { get; private set; }

    /// <summary>Checks size, extension and the file's first bytes (not the client's word for its type).</summary>
    public static async Task<(StoredFile? File, string? Error)> FromUpload(IFormFile upload, string areaCode, DateTimeOffset at, Guid? by)
    {
        if (upload.Length == 0) return (null, Lang.T("文件不能为空", "The file is empty"));
        if (upload.Length > MaxBytes) return (null, LimitText);
        var ext = Path.GetExtension(upload.FileName);
        if (!Allowed.TryGetValue(ext, out var kind)) return (null, LimitText);
        using var ms = new MemoryStream();
        await upload.CopyToAsync(ms);
        var bytes = ms.ToArray();
        if (!bytes.AsSpan().StartsWith(kind.Magic)) return (null, Lang.T("文件内容与扩展名不符", "The file's content does not match its extension"));
        var name = Path.GetFileName(upload.FileName);
        if (name.Length > 200) name = name[^200..];
        return (new StoredFile(areaCode, name, kind.ContentType, bytes, at, by), null);
    }
}
