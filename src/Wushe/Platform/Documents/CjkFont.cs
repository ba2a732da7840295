using Microsoft.Extensions.Configuration;
using PdfSharp.Fonts;

namespace Wushe.Platform.Documents;

/// <summary>
/// The one font of our PDFs: a PDFsharp font resolver serving a Chinese font for every family, bold simulated
/// (MACHINE-NOTES.md "PDF with Chinese text"). Debian ships CJK fonts as <c>.ttc</c> collections, which PDFsharp does not
/// read, so face 0 is cut out into a standalone TrueType font. WenQuanYi Micro Hei: the PDF embeds a ≈ 45 KB subset and
/// pdftotext gives the Chinese back exactly. The file's path is configuration <see cref="ConfigKey"/>, default
/// <see cref="DefaultPath"/>; a fresh machine has no CJK font, so a missing file is an exception naming what to install.
/// </summary>
public sealed class CjkFont : IFontResolver
{
    /// <summary>The configuration key of the font file's path.</summary>
    public const string ConfigKey = "Wushe:Fonts:Cjk";

    /// <summary>Debian's fonts-wqy-microhei.</summary>
    public const string DefaultPath = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    /// <summary>The family name documents ask for (any other name is served the same face).</summary>
    public const string Family = "Wushe CJK";

    const string FaceName = "WusheCjk";

    static readonly Lock Gate = new();
    static CjkFont? registered;

    readonly byte[] face;

    CjkFont(string path, byte[] face)
    {
        Path = path;
        this.face = face;
    }

    /// <summary>The font file this resolver serves.</summary>
    public string Path { get; }

    /// <summary>The path from configuration (<see cref="ConfigKey"/>), else <see cref="DefaultPath"/>.</summary>
    public static string PathFrom(IConfiguration? configuration) =>
        configuration?[ConfigKey] is { Length: > 0 } path ? path : DefaultPath;

    /// <summary>Registers the font configured by <paramref name="configuration"/>; see <see cref="Register(string)"/>.</summary>
    public static void Register(IConfiguration? configuration) => Register(PathFrom(configuration));

    /// <summary>
    /// Makes the font at <paramref name="path"/> PDFsharp's font resolver for this process. Idempotent and thread-safe:
    /// the same path again does nothing. PDFsharp takes a resolver once per process, so a different path after one was
    /// registered, or a resolver someone else set, is an <see cref="InvalidOperationException"/>. The font is read first: a
    /// missing file (<see cref="FileNotFoundException"/>) or a file that is no TrueType font (<see cref="InvalidDataException"/>)
    /// registers nothing and may be fixed and retried.
    /// </summary>
    public static void Register(string path)
    {
        lock (Gate)
        {
            if (registered is not null)
            {
                if (string.Equals(System.IO.Path.GetFullPath(registered.Path), System.IO.Path.GetFullPath(path), StringComparison.Ordinal))
                    return;
                throw new InvalidOperationException(
                    $"The PDF font is already {registered.Path}; PDFsharp takes one font resolver per process, so {path} cannot replace it.");
            }
            if (GlobalFontSettings.FontResolver is { } other)
                throw new InvalidOperationException($"PDFsharp already has a font resolver ({other.GetType().FullName}).");
            var resolver = new CjkFont(path, Load(path));
            GlobalFontSettings.FontResolver = resolver;
            registered = resolver;
        }
    }

    /// <summary>Registers <see cref="DefaultPath"/> unless a font is registered already (what a document calls before drawing,
    /// so one made without the app's start-up — a test, a CLI verb — still finds its font).</summary>
    public static void EnsureRegistered()
    {
        if (Volatile.Read(ref registered) is null) Register(DefaultPath);
    }

    /// <summary>The font at <paramref name="path"/> as one standalone TrueType font: face 0 of a collection, a <c>.ttf</c> as it is.</summary>
    public static byte[] Load(string path)
    {
        if (!File.Exists(path))
            throw new FileNotFoundException(
                $"The Chinese font for PDF documents is missing: {path}. Install it (Debian/Ubuntu: apt-get install fonts-wqy-microhei) "
                + $"or set {ConfigKey} to the path of a TrueType font or collection with Chinese characters.", path);
        try
        {
            return Face0(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or IndexOutOfRangeException or ArgumentException)
        {
            throw new InvalidDataException($"{path} is not a TrueType font or collection ({ConfigKey}).", e);
        }
    }

    /// <summary>
    /// Face 0 of a TrueType collection as a standalone font: its table directory copied, each table's data appended after it
    /// (4-byte aligned) and the offsets rewritten. A plain font (<c>0x00010000</c>, <c>true</c>, <c>OTTO</c>) is returned as it is.
    /// </summary>
    internal static byte[] Face0(byte[] font)
    {
        static uint U32(byte[] b, int o) => (uint)(b[o] << 24 | b[o + 1] << 16 | b[o + 2] << 8 | b[o + 3]);
        static ushort U16(byte[] b, int o) => (ushort)(b[o] << 8 | b[o + 1]);
        if (font.Length < 12) throw new ArgumentException("Too short for a font.", nameof(font));
        var tag = U32(font, 0);
        if (tag is 0x00010000 or 0x74727565 or 0x4F54544F) return font; // a single font: 1.0, 'true', 'OTTO'
        if (tag != 0x74746366) throw new ArgumentException("Neither a font nor a collection.", nameof(font)); // 'ttcf'

        var offset = checked((int)U32(font, 12));
        var tables = U16(font, offset + 4);
        var headerLength = 12 + 16 * tables;
        var header = font.AsSpan(offset, headerLength).ToArray();
        using var body = new MemoryStream();
        for (var i = 0; i < tables; i++)
        {
            var record = 12 + 16 * i;
            var tableOffset = checked((int)U32(header, record + 8));
            var tableLength = checked((int)U32(header, record + 12));
            var newOffset = headerLength + (int)body.Length;
            header[record + 8] = (byte)(newOffset >> 24);
            header[record + 9] = (byte)(newOffset >> 16);
            header[record + 10] = (byte)(newOffset >> 8);
            header[record + 11] = (byte)newOffset;
            body.Write(font, tableOffset, tableLength);
            while (body.Length % 4 != 0) body.WriteByte(0);
        }
        var result = new byte[headerLength + body.Length];
        header.CopyTo(result, 0);
        body.GetBuffer().AsSpan(0, (int)body.Length).CopyTo(result.AsSpan(headerLength));
        return result;
    }

    /// <summary>Every family resolves to the one face; bold and italic are simulated (the font has one weight).</summary>
    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(FaceName, bold, italic);

    /// <summary>The face's bytes.</summary>
    public byte[]? GetFont(string faceName) => face;
}
