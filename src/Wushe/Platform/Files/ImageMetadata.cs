using ImageMagick;

namespace Wushe.Platform.Files;

/// <summary>
/// What a picture says besides its pixels is removed before it is stored: EXIF (a phone's GPS position of the home it was taken
/// in, the time, the device), XMP, IPTC, comments and every other profile but the colour profile (ICC) — residents' homes and faces are personal data
/// (DESIGN.md), and an address is masked everywhere else. The picture is turned upright first (the EXIF orientation would be
/// lost) and written anew by ImageMagick (Magick.NET) in its own format, a JPEG at the quality it had. Pictures over
/// <see cref="MaxPixels"/> are refused (a small file can hold a huge picture).
/// </summary>
public static class ImageMetadata
{
    /// <summary>The largest picture read: 100 megapixels (a phone's is 12–50).</summary>
    public const long MaxPixels = 100_000_000;

    static ImageMetadata()
    {
        ResourceLimits.Area = (ulong)MaxPixels;
        ResourceLimits.Width = 30_000;
        ResourceLimits.Height = 30_000;
    }

    /// <summary>The picture <paramref name="bytes"/> (a JPEG or PNG, checked by the caller) without its metadata, upright; null when it cannot be read.</summary>
    public static byte[]? Strip(byte[] bytes)
    {
        try
        {
            using var image = new MagickImage(bytes);
            image.AutoOrient();
            // The colour profile says how to show the pixels, nothing about people: it stays.
            var colours = image.GetColorProfile();
            image.Strip();
            if (colours is not null) image.SetProfile(colours);
            return image.ToByteArray();
        }
        catch (MagickException)
        {
            return null;
        }
    }
}
