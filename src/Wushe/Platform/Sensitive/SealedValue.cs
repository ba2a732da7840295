namespace Wushe.Platform.Sensitive;

/// <summary>
/// A sensitive value as stored: AES-GCM cipher text, a keyed hash for exact lookup and
/// de-duplication, and the masked form that screens and exports show. Never holds plain text.
/// </summary>
public sealed record SealedValue(string Cipher, string Hash, string Masked);

public enum SensitiveKind
{
    IdNumber,
    Phone,
}
