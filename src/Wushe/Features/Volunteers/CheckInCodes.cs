using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Wushe.Platform.Localization;

namespace Wushe.Features.Volunteers;

/// <summary>Why a check-in token or code was refused.</summary>
public enum CheckInFailure
{
    /// <summary>Neither a token nor six digits: nothing to check.</summary>
    Malformed,
    /// <summary>Not made with our key (altered, guessed or typed wrong); for a 6-digit code also one of another shift.</summary>
    Forged,
    /// <summary>A genuine token of another shift.</summary>
    WrongShift,
    /// <summary>Genuine, but older than the previous minute (or from a minute not yet begun).</summary>
    Expired,
}

/// <summary>The outcome of <see cref="CheckInCodes.Verify"/>.</summary>
/// <param name="Failure">Null when accepted.</param>
/// <param name="Minute">When accepted, the Unix minute (minutes since 1970-01-01 UTC) the token or code was made for: the caller
/// refuses a second check-in by the same volunteer with the same minute. 0 when refused.</param>
public sealed record CheckInVerdict(CheckInFailure? Failure, long Minute)
{
    /// <summary>Whether the token or code was accepted.</summary>
    public bool IsValid => Failure is null;

    /// <summary>Why it was refused, in the reader's language; null when accepted.</summary>
    public string? Message => Failure switch
    {
        null => null,
        CheckInFailure.Malformed => Lang.T("签到码格式不正确，请扫描现场二维码或输入 6 位数字", "Not a check-in code: scan the QR code on site or type its 6 digits"),
        CheckInFailure.Forged => Lang.T("签到码不正确，请扫描现场二维码", "The check-in code is not right: scan the QR code on site"),
        CheckInFailure.WrongShift => Lang.T("这是其他活动时段的签到码", "This check-in code belongs to another shift"),
        CheckInFailure.Expired => Lang.T("签到码已过期，请扫描现场最新的二维码", "The check-in code has expired: scan the newest QR code on site"),
        _ => throw new InvalidOperationException(),
    };
}

/// <summary>
/// Rotating check-in codes for a shift: the organizer's screen shows a QR code (<see cref="Token"/>) and six digits
/// (<see cref="Code"/>) that change every minute; a volunteer scans one or types the other, and <see cref="Verify"/> accepts the
/// current and the previous minute only, so a photo of the screen sent away stops working within two minutes.
/// Both are HMAC-SHA256 under a 32-byte key (<see cref="DeriveKey"/> makes it from the app's master key). Pure apart from the
/// clock value passed in; a six-digit code can be guessed one time in 500,000, so the caller limits attempts.
/// </summary>
public sealed class CheckInCodes
{
    const byte Version = 1;
    const int MacBytes = 15;
    /// <summary>version (1) + shift id (16) + Unix minute (4, big-endian) + MAC (15) = 36 bytes = 48 base64url characters, no padding.</summary>
    const int TokenBytes = 1 + 16 + 4 + MacBytes;
    /// <summary>How far back an authentic code is still recognised to say "expired" rather than "wrong".</summary>
    const int ExpiredCodeMinutes = 10;

    readonly byte[] key;

    /// <summary>Codes under <paramref name="key"/>, exactly 32 bytes (256 bits).</summary>
    public CheckInCodes(byte[] key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length != 32) throw new ArgumentException("The check-in key must be 32 bytes.", nameof(key));
        this.key = (byte[])key.Clone();
    }

    /// <summary>The 32-byte check-in key from the app's master key: HKDF-SHA256 (RFC 5869) with info "wushe-checkin-v1",
    /// no salt, so one master key gives the same check-in key on every server and nothing else's key.</summary>
    public static byte[] DeriveKey(byte[] master)
    {
        ArgumentNullException.ThrowIfNull(master);
        if (master.Length == 0) throw new ArgumentException("The master key is empty.", nameof(master));
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, salt: [], info: Encoding.ASCII.GetBytes("wushe-checkin-v1"));
    }

    /// <summary>Minutes since 1970-01-01 UTC: the period a token or code belongs to.</summary>
    public static long UnixMinute(DateTimeOffset at) => (long)Math.Floor(at.ToUnixTimeSeconds() / 60.0);

    /// <summary>
    /// The URL-safe token (48 characters of base64url) for the QR code of <paramref name="shiftId"/> during the minute of
    /// <paramref name="now"/>: it carries the shift, the minute and a truncated HMAC-SHA256 (120 bits) of both.
    /// </summary>
    public string Token(Guid shiftId, DateTimeOffset now) => TokenAt(shiftId, UnixMinute(now));

    string TokenAt(Guid shiftId, long minute)
    {
        var bytes = new byte[TokenBytes];
        bytes[0] = Version;
        shiftId.TryWriteBytes(bytes.AsSpan(1, 16), bigEndian: true, out _);
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(17, 4), (uint)minute);
        Mac((byte)'T', shiftId, minute).AsSpan(0, MacBytes).CopyTo(bytes.AsSpan(21));
        return Base64Url.EncodeToString(bytes);
    }

    /// <summary>
    /// The six digits the organizer's screen shows for <paramref name="shiftId"/> during the minute of <paramref name="now"/>:
    /// HOTP's dynamic truncation (RFC 4226 §5.3) of HMAC-SHA256 over the shift and the minute, modulo 10⁶, zero-padded.
    /// </summary>
    public string Code(Guid shiftId, DateTimeOffset now) => CodeAt(shiftId, UnixMinute(now));

    string CodeAt(Guid shiftId, long minute)
    {
        var mac = Mac((byte)'C', shiftId, minute);
        var offset = mac[^1] & 0x0f;
        var binary = (mac[offset] & 0x7f) << 24 | mac[offset + 1] << 16 | mac[offset + 2] << 8 | mac[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// Whether <paramref name="tokenOrCode"/> (a scanned token or six typed digits, full-width ones too; surrounding spaces
    /// ignored) checks in to <paramref name="shiftId"/> at <paramref name="now"/>: made for this shift, with our key, in the
    /// current or the previous minute. Compared in constant time. The verdict names the minute, or why not.
    /// </summary>
    public CheckInVerdict Verify(Guid shiftId, string? tokenOrCode, DateTimeOffset now)
    {
        var input = tokenOrCode?.Trim() ?? "";
        // A Chinese input method may type full-width digits (１２３４５６): read them as the digits they are.
        if (input.Length == 6 && input.All(c => c is >= '０' and <= '９'))
            input = string.Concat(input.Select(c => (char)(c - '０' + '0')));
        var current = UnixMinute(now);
        if (input.Length == 6 && input.All(char.IsAsciiDigit))
            return VerifyCode(shiftId, input, current);
        if (input.Length != Base64Url.GetEncodedLength(TokenBytes) || !input.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            return new(CheckInFailure.Malformed, 0);

        var bytes = new byte[TokenBytes];
        if (Base64Url.DecodeFromChars(input, bytes, out _, out var written) != System.Buffers.OperationStatus.Done || written != TokenBytes)
            return new(CheckInFailure.Malformed, 0);
        if (bytes[0] != Version) return new(CheckInFailure.Forged, 0);

        var tokenShift = new Guid(bytes.AsSpan(1, 16), bigEndian: true);
        long minute = BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(17, 4));
        var expected = Mac((byte)'T', tokenShift, minute).AsSpan(0, MacBytes);
        if (!CryptographicOperations.FixedTimeEquals(expected, bytes.AsSpan(21)))
            return new(CheckInFailure.Forged, 0);
        if (tokenShift != shiftId) return new(CheckInFailure.WrongShift, 0);
        if (minute != current && minute != current - 1) return new(CheckInFailure.Expired, 0);
        return new(null, minute);
    }

    CheckInVerdict VerifyCode(Guid shiftId, string code, long current)
    {
        var typed = Encoding.ASCII.GetBytes(code);
        // Both accepted minutes are compared, whichever matches, so the time taken does not say which one did.
        var now = CryptographicOperations.FixedTimeEquals(typed, Encoding.ASCII.GetBytes(CodeAt(shiftId, current)));
        var previous = CryptographicOperations.FixedTimeEquals(typed, Encoding.ASCII.GetBytes(CodeAt(shiftId, current - 1)));
        if (now) return new(null, current);
        if (previous) return new(null, current - 1);
        for (var back = 2; back <= ExpiredCodeMinutes; back++)
            if (CryptographicOperations.FixedTimeEquals(typed, Encoding.ASCII.GetBytes(CodeAt(shiftId, current - back))))
                return new(CheckInFailure.Expired, 0);
        return new(CheckInFailure.Forged, 0);
    }

    /// <summary>HMAC-SHA256 over purpose ('T' token, 'C' code) + shift id (16 bytes, big-endian) + Unix minute (8 bytes, big-endian).</summary>
    byte[] Mac(byte purpose, Guid shiftId, long minute)
    {
        Span<byte> message = stackalloc byte[1 + 16 + 8];
        message[0] = purpose;
        shiftId.TryWriteBytes(message.Slice(1, 16), bigEndian: true, out _);
        BinaryPrimitives.WriteInt64BigEndian(message[17..], minute);
        return HMACSHA256.HashData(key, message);
    }
}
