using System.Security.Cryptography;
using System.Text;

namespace Wushe.Platform.Sensitive;

/// <summary>
/// Encrypts sensitive fields at rest and computes the keyed lookup hash. Keys come from
/// configuration (<c>Wushe:Keys:Encryption</c> and <c>Wushe:Keys:Lookup</c>, 32 bytes base64 each).
/// </summary>
public sealed class Sealer
{
    readonly byte[] encryptionKey;
    readonly byte[] lookupKey;

    public Sealer(SealerKeys keys)
    {
        encryptionKey = Convert.FromBase64String(keys.Encryption);
        lookupKey = Convert.FromBase64String(keys.Lookup);
        if (encryptionKey.Length != 32 || lookupKey.Length != 32)
            throw new InvalidOperationException("Wushe:Keys:Encryption and Wushe:Keys:Lookup must each be 32 bytes, base64-encoded.");
    }

    public SealedValue Seal(SensitiveKind kind, string plain)
    {
        var masked = kind switch
        {
            SensitiveKind.IdNumber => Mask.IdNumber(plain),
            SensitiveKind.Phone => Mask.Phone(plain),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        return new SealedValue(Encrypt(plain), Hash(kind, plain), masked);
    }

    /// <summary>The keyed hash of a value of a kind: equal values hash equal, so it finds exact matches.</summary>
    public string Hash(SensitiveKind kind, string plain)
    {
        var bytes = HMACSHA256.HashData(lookupKey, Encoding.UTF8.GetBytes($"{kind}:{plain}"));
        return Convert.ToBase64String(bytes);
    }

    /// <summary>
    /// The sealed value for <paramref name="plain"/>: <paramref name="current"/> itself when it already holds that
    /// value (same keyed hash), so an unchanged value is not re-encrypted and the audit sees no change; a new seal otherwise.
    /// </summary>
    public SealedValue Reseal(SealedValue? current, SensitiveKind kind, string plain) =>
        current is not null && current.Hash == Hash(kind, plain) ? current : Seal(kind, plain);

    public string Open(SealedValue value) => Decrypt(value.Cipher);

    /// <summary>A key for another purpose derived from the lookup key by <paramref name="kdf"/> (an HKDF with its own info), so
    /// one configured secret gives every purpose its own key (e.g. <c>CheckInCodes.DeriveKey</c>).</summary>
    public byte[] DeriveKey(Func<byte[], byte[]> kdf) => kdf(lookupKey.ToArray());

    string Encrypt(string plain)
    {
        var nonce = RandomNumberGenerator.GetBytes(12);
        var data = Encoding.UTF8.GetBytes(plain);
        var cipher = new byte[data.Length];
        var tag = new byte[16];
        using var aes = new AesGcm(encryptionKey, 16);
        aes.Encrypt(nonce, data, cipher, tag);
        return Convert.ToBase64String([.. nonce, .. tag, .. cipher]);
    }

    string Decrypt(string stored)
    {
        var all = Convert.FromBase64String(stored);
        var nonce = all.AsSpan(0, 12);
        var tag = all.AsSpan(12, 16);
        var cipher = all.AsSpan(28);
        var plain = new byte[cipher.Length];
        using var aes = new AesGcm(encryptionKey, 16);
        aes.Decrypt(nonce, cipher, tag, plain);
        return Encoding.UTF8.GetString(plain);
    }
}

public sealed record SealerKeys(string Encryption, string Lookup)
{
    /// <summary>
    /// Reads keys from configuration. Where none are configured and a key file path is given
    /// (the demo), creates a key file outside git on first run so data stays readable across restarts.
    /// </summary>
    public static SealerKeys From(IConfiguration config, string? keyFile)
    {
        var enc = config["Wushe:Keys:Encryption"];
        var look = config["Wushe:Keys:Lookup"];
        if (!string.IsNullOrEmpty(enc) && !string.IsNullOrEmpty(look)) return new SealerKeys(enc, look);
        if (keyFile is null)
            throw new InvalidOperationException("No keys configured: set Wushe:Keys:Encryption and Wushe:Keys:Lookup (32 bytes, base64 each).");
        if (File.Exists(keyFile))
        {
            var lines = File.ReadAllLines(keyFile);
            return new SealerKeys(lines[0], lines[1]);
        }
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(keyFile))!);
        var keys = new SealerKeys(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        File.WriteAllLines(keyFile, [keys.Encryption, keys.Lookup]);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(keyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return keys;
    }
}
