using System.Globalization;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;

namespace Wushe.Platform.Files;

/// <summary>
/// An uploaded file (evidence photo or document). Kept in the database so that several app
/// instances share it and a backup holds everything; sizes are capped. An upload is checked by
/// its content, not the client's word: the extension must match the first bytes, a JPEG or PNG
/// must parse to its end marker (<see cref="UploadCheck"/>), and no file may carry HTML or script.
/// </summary>
public sealed class StoredFile : IAreaScoped
{
    public const long MaxBytes = 5 * 1024 * 1024;

    static readonly Dictionary<string, (string ContentType, byte[] Magic)> Allowed = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        [".jpeg"] = ("image/jpeg", [0xFF, 0xD8, 0xFF]),
        [".png"] = ("image/png", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        [".pdf"] = ("application/pdf", [0x25, 0x50, 0x44, 0x46]),
    };

    /// <summary>The content types a stored file may have (a download answers in one of them).</summary>
    public static IReadOnlyList<string> AllowedTypes { get; } = [.. Allowed.Values.Select(v => v.ContentType).Distinct()];

    public static string LimitText => Lang.T("请上传大小不超过 5MB、格式为 jpg/png/pdf 的文件", "Please upload a jpg, png or pdf file of at most 5 MB");

    private StoredFile() { Kind = AreaCode = FileName = ContentType = ""; Content = []; }

    StoredFile(FileKind kind, string areaCode, string fileName, string contentType, byte[] content, DateTimeOffset at, Guid? by)
    {
        Id = Guid.CreateVersion7();
        Kind = kind.Name;
        AreaCode = areaCode;
        FileName = fileName;
        ContentType = contentType;
        Content = content;
        Length = content.Length;
        UploadedAt = at;
        UploadedBy = by;
    }

    public Guid Id { get; private set; }

    /// <summary>The <see cref="FileKind.Name"/> of the record it is attached to: decides who may download it.</summary>
    public string Kind { get; private set; }

    public string AreaCode { get; private set; }
    public string FileName { get; private set; }
    public string ContentType { get; private set; }
    public long Length { get; private set; }
    public byte[] Content { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
    public Guid? UploadedBy { get; private set; }

    /// <summary>
    /// The record the file belongs to moved to another area (a case referred to another station): the file goes with it, in
    /// the same save, so it is read where its record is read (and no longer where the record was).
    /// </summary>
    public void MoveTo(string areaCode) => AreaCode = areaCode;

    /// <summary>Types a browser may show in place (images and PDF); any other type is served as a download.</summary>
    public static bool ShownInline(string contentType) => contentType is "image/jpeg" or "image/png" or "application/pdf";

    /// <summary>
    /// Checks size, name, extension and content. A photo keeps only the image itself: bytes after its end
    /// marker (a phone's motion-photo video or HDR gain map, or a smuggled payload) are not stored, nor its metadata
    /// (<see cref="ImageMetadata"/>: GPS, device, comments; the picture turned upright).
    /// Returns the file to store, of <paramref name="kind"/> (the record it is attached to), or the message naming what is wrong.
    /// </summary>
    public static async Task<(StoredFile? File, string? Error)> FromUpload(IFormFile upload, FileKind kind, string areaCode, DateTimeOffset at, Guid? by)
    {
        if (upload.Length == 0) return (null, Lang.T("文件不能为空", "The file is empty"));
        if (upload.Length > MaxBytes) return (null, LimitText);
        var name = SafeName(upload.FileName);
        if (!Allowed.TryGetValue(Path.GetExtension(name), out var type)) return (null, LimitText);
        using var ms = new MemoryStream();
        await upload.CopyToAsync(ms);
        var bytes = ms.ToArray();
        if (!bytes.AsSpan().StartsWith(type.Magic)) return (null, Lang.T("文件内容与扩展名不符", "The file's content does not match its extension"));
        if (UploadCheck.ContainsMarkup(bytes)) return (null, Lang.T("文件中含有网页或脚本内容，不能上传", "The file contains web page or script content and cannot be uploaded"));
        var end = type.ContentType switch
        {
            "image/jpeg" => UploadCheck.JpegEnd(bytes),
            "image/png" => UploadCheck.PngEnd(bytes),
            _ => bytes.Length,
        };
        if (end is null) return (null, Lang.T("图片文件已损坏或不完整，请重新导出后上传", "The image is damaged or incomplete; export it again and upload"));
        var content = end == bytes.Length ? bytes : bytes[..end.Value];
        if (type.ContentType is "image/jpeg" or "image/png")
        {
            // Stored without its metadata (a phone's GPS position, the device, comments): ImageMetadata.
            if (ImageMetadata.Strip(content) is not { } clean)
                return (null, Lang.T("图片文件已损坏或尺寸过大，请重新导出后上传", "The image is damaged or too large; export it again and upload"));
            content = clean;
        }
        return (new StoredFile(kind, areaCode, name, type.ContentType, content, at, by), null);
    }

    /// <summary>
    /// A safe base name: the part after the last / or \ (a browser on Windows may send "C:\照片\门牌.jpg"),
    /// without control or invisible format characters (U+202E would show "gpj.exe" as "exe.jpg") or the
    /// characters Windows forbids, without leading or trailing dots and spaces, at most 200 characters
    /// (the end, with the extension, is kept).
    /// </summary>
    public static string SafeName(string? raw)
    {
        var name = raw ?? "";
        var cut = name.LastIndexOfAny(['/', '\\']);
        if (cut >= 0) name = name[(cut + 1)..];
        name = new string(name.Where(c => !char.IsControl(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format
            && !char.IsSurrogate(c) && c is not ('<' or '>' or ':' or '"' or '|' or '?' or '*')).ToArray());
        name = name.Trim().Trim('.').Trim();
        if (name.Length > 200) name = name[^200..].TrimStart('.', ' ');
        return name;
    }
}

/// <summary>
/// Structure checks of uploaded images, so that a file stored as a photo is a photo and nothing more.
/// Pure functions over the bytes; see the format specifications named on each.
/// </summary>
public static class UploadCheck
{
    static readonly string[] Markup = ["<html", "<script", "<body", "<iframe", "<svg", "<!doctype", "<object", "<embed", "<meta", "javascript:"];

    /// <summary>
    /// True when the bytes hold the start of an HTML element or a script URL (ASCII, any case): what a browser
    /// would run if it ever took the file for a page. Genuine photos do not (XMP metadata is RDF, not HTML).
    /// </summary>
    public static bool ContainsMarkup(ReadOnlySpan<byte> bytes)
    {
        for (var i = bytes.IndexOfAny((byte)'<', (byte)'j', (byte)'J'); i >= 0 && i < bytes.Length;)
        {
            foreach (var m in Markup)
                if (MatchesAt(bytes, i, m)) return true;
            var next = bytes[(i + 1)..].IndexOfAny((byte)'<', (byte)'j', (byte)'J');
            if (next < 0) break;
            i += next + 1;
        }
        return false;
    }

    static bool MatchesAt(ReadOnlySpan<byte> bytes, int at, string ascii)
    {
        if (at + ascii.Length > bytes.Length) return false;
        for (var k = 0; k < ascii.Length; k++)
            if (char.ToLowerInvariant((char)bytes[at + k]) != ascii[k]) return false;
        return true;
    }

    /// <summary>
    /// The length of a JPEG up to and including its EOI marker (ITU T.81 B.1): SOI, then marker segments
    /// by their lengths, entropy-coded data after each SOS up to the next marker, until EOI. Null when
    /// the structure breaks off or never ends.
    /// </summary>
    public static int? JpegEnd(ReadOnlySpan<byte> b)
    {
        if (b.Length < 4 || b[0] != 0xFF || b[1] != 0xD8) return null;
        var i = 2;
        while (i < b.Length)
        {
            if (b[i] != 0xFF) return null;
            while (i < b.Length && b[i] == 0xFF) i++; // fill bytes
            if (i >= b.Length) return null;
            var marker = b[i++];
            if (marker == 0xD9) return i; // EOI
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7)) continue; // stand-alone markers
            if (marker is 0x00 or 0xD8) return null;
            if (i + 2 > b.Length) return null;
            var length = (b[i] << 8) | b[i + 1];
            if (length < 2 || i + length > b.Length) return null;
            i += length;
            if (marker != 0xDA) continue; // SOS: entropy-coded data follows, up to the next real marker
            while (i + 1 < b.Length && !(b[i] == 0xFF && b[i + 1] != 0x00 && b[i + 1] is not (>= 0xD0 and <= 0xD7) && b[i + 1] != 0xFF)) i++;
            if (i + 1 >= b.Length) return null;
        }
        return null;
    }

    static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// The length of a PNG up to and including its IEND chunk (ISO/IEC 15948, 5.3): the signature, IHDR
    /// first, every chunk whole with a matching CRC-32. Null when it breaks off or never ends.
    /// </summary>
    public static int? PngEnd(ReadOnlySpan<byte> b)
    {
        if (!b.StartsWith(PngSignature)) return null;
        var i = PngSignature.Length;
        var first = true;
        while (i + 12 <= b.Length)
        {
            var length = (uint)((b[i] << 24) | (b[i + 1] << 16) | (b[i + 2] << 8) | b[i + 3]);
            if (length > int.MaxValue || i + 12 + (long)length > b.Length) return null;
            var typeAndData = b.Slice(i + 4, 4 + (int)length);
            var crc = (uint)((b[i + 8 + (int)length] << 24) | (b[i + 9 + (int)length] << 16) | (b[i + 10 + (int)length] << 8) | b[i + 11 + (int)length]);
            if (System.IO.Hashing.Crc32.HashToUInt32(typeAndData) != crc) return null;
            var type = typeAndData[..4];
            if (first && !type.SequenceEqual("IHDR"u8)) return null;
            first = false;
            i += 12 + (int)length;
            if (type.SequenceEqual("IEND"u8)) return i;
        }
        return null;
    }
}
