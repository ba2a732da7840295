using ImageMagick;

namespace Wushe.Platform.Files;

/// <summary>
/// What a picture says besides its pixels is removed before it is stored: EXIF (a phone's GPS position of the home it was taken
/// in, the time, the device), XMP, IPTC, comments and every other profile but the colour profile (ICC) — residents' homes and faces are personal data
/// (DESIGN.md), and an address is masked everywhere else. The picture is turned upright first (the EXIF orientation would be
/// lost) and written anew by ImageMagick (Magick.NET) in its own format, a JPEG at the quality it had. Pictures over
/// <see cref="MaxPixels"/> are refused by their header, before any pixel is read (a 250 KB file can hold an 81-megapixel picture:
/// 18 s of a core and close to a gigabyte to decode); one picture is decoded at a time (<see cref="Gate"/>), within
/// <see cref="MaxMemoryBytes"/> of memory, so that uploads — the residents' are anonymous — cannot take the server's cores or memory.
/// </summary>
public static class ImageMetadata
{
    /// <summary>The largest picture read: 50 megapixels (a phone's is 12–50: 8160 × 6120 is 49.9), 12,000 pixels a side.</summary>
    public const long MaxPixels = 50_000_000;
    public const int MaxSide = 12_000;
    /// <summary>The memory ImageMagick's pixels may take (more goes to its disk cache, slower, not refused).</summary>
    public const ulong MaxMemoryBytes = 256UL * 1024 * 1024;

    /// <summary>One decode at a time: a burst of uploads waits its turn rather than taking both cores.</summary>
    static readonly SemaphoreSlim Gate = new(1, 1);

    static ImageMetadata()
    {
        ResourceLimits.Area = (ulong)MaxPixels;
        ResourceLimits.Width = MaxSide;
        ResourceLimits.Height = MaxSide;
        ResourceLimits.Memory = MaxMemoryBytes;
    }

    /// <summary>
    /// The picture <paramref name="bytes"/> (a JPEG or PNG, checked by the caller) without its metadata, upright; null when it cannot
    /// be read or is over <see cref="MaxPixels"/> or <see cref="MaxSide"/> (read from its header first).
    /// </summary>
    public static byte[]? Strip(byte[] bytes)
    {
        try
        {
            var header = new MagickImageInfo(bytes);
            if (header.Width > MaxSide || header.Height > MaxSide || (long)header.Width * header.Height > MaxPixels) return null;
            Gate.Wait();
            try { return Clean(bytes); }
            finally { Gate.Release(); }
        }
        catch (MagickException)
        {
            return null;
        }
    }

    static byte[] Clean(byte[] bytes)
    {
        using var image = new MagickImage(bytes);
        image.AutoOrient();
        // The colour profile says how to show the pixels, nothing about people: it stays.
        var colours = image.GetColorProfile();
        image.Strip();
        if (colours is not null) image.SetProfile(colours);
        return image.ToByteArray();
    }
}
