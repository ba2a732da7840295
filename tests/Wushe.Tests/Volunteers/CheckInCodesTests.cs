using System.Security.Cryptography;
using Wushe.Features.Volunteers;

namespace Wushe.Tests.Volunteers;

/// <summary>Rotating check-in codes: the QR token and the six digits of a shift, good for this minute and the one before.</summary>
public sealed class CheckInCodesTests
{
    static readonly CheckInCodes Codes = new(CheckInCodes.DeriveKey(RandomNumberGenerator.GetBytes(32)));
    static readonly Guid Shift = Guid.Parse("0b7c6d2e-5f1a-4c3b-9d8e-7a6b5c4d3e2f");
    static readonly DateTimeOffset Shown = new(2026, 12, 1, 9, 30, 20, TimeSpan.FromHours(8));

    [Fact]
    public void A_token_is_url_safe_and_changes_every_minute()
    {
        var token = Codes.Token(Shift, Shown);
        Assert.Matches("^[A-Za-z0-9_-]{48}$", token);
        Assert.Equal(token, Codes.Token(Shift, Shown.AddSeconds(39))); // 09:30:59, same minute
        Assert.NotEqual(token, Codes.Token(Shift, Shown.AddSeconds(40))); // 09:31:00
        Assert.NotEqual(token, Codes.Token(Guid.NewGuid(), Shown));
    }

    [Fact]
    public void A_token_is_accepted_in_its_minute_and_the_next_and_names_its_minute()
    {
        var token = Codes.Token(Shift, Shown);
        var minute = CheckInCodes.UnixMinute(Shown);

        var now = Codes.Verify(Shift, token, Shown.AddSeconds(5));
        Assert.True(now.IsValid);
        Assert.Null(now.Message);
        Assert.Equal(minute, now.Minute);

        var next = Codes.Verify(Shift, token, Shown.AddSeconds(99)); // 09:31:59
        Assert.True(next.IsValid);
        Assert.Equal(minute, next.Minute);
    }

    [Fact]
    public void A_token_two_minutes_old_has_expired()
    {
        using var chinese = new ChineseCulture();
        var verdict = Codes.Verify(Shift, Codes.Token(Shift, Shown), Shown.AddSeconds(100)); // 09:32:00
        Assert.Equal(CheckInFailure.Expired, verdict.Failure);
        Assert.Equal("签到码已过期，请扫描现场最新的二维码", verdict.Message);
        // Nor is one from a minute not yet begun accepted.
        Assert.Equal(CheckInFailure.Expired, Codes.Verify(Shift, Codes.Token(Shift, Shown.AddMinutes(1)), Shown).Failure);
    }

    [Fact]
    public void A_token_of_another_shift_is_refused_as_such()
    {
        using var chinese = new ChineseCulture();
        var verdict = Codes.Verify(Guid.NewGuid(), Codes.Token(Shift, Shown), Shown);
        Assert.Equal(CheckInFailure.WrongShift, verdict.Failure);
        Assert.Equal("这是其他活动时段的签到码", verdict.Message);
    }

    [Fact]
    public void A_token_with_one_character_changed_is_forged()
    {
        var token = Codes.Token(Shift, Shown);
        foreach (var at in new[] { 0, 5, 20, 27, 30, 47 })
        {
            var flipped = token[..at] + (token[at] == 'A' ? 'B' : 'A') + token[(at + 1)..];
            Assert.Equal(CheckInFailure.Forged, Codes.Verify(Shift, flipped, Shown).Failure);
        }
        // Made with another key.
        var other = new CheckInCodes(RandomNumberGenerator.GetBytes(32));
        Assert.Equal(CheckInFailure.Forged, Codes.Verify(Shift, other.Token(Shift, Shown), Shown).Failure);
    }

    [Fact]
    public void The_six_digits_work_the_same_way()
    {
        using var chinese = new ChineseCulture();
        var code = Codes.Code(Shift, Shown);
        Assert.Matches("^[0-9]{6}$", code);
        var minute = CheckInCodes.UnixMinute(Shown);

        Assert.Equal(minute, Codes.Verify(Shift, code, Shown).Minute);
        Assert.True(Codes.Verify(Shift, $" {code} ", Shown.AddSeconds(99)).IsValid);
        var fullWidth = string.Concat(code.Select(c => (char)(c - '0' + '０')));
        Assert.Equal(minute, Codes.Verify(Shift, fullWidth, Shown).Minute);
        Assert.Equal(minute, Codes.Verify(Shift, code, Shown.AddSeconds(99)).Minute);
        Assert.Equal(CheckInFailure.Expired, Codes.Verify(Shift, code, Shown.AddSeconds(100)).Failure);

        // Digits carry no shift: another shift's code is simply not right for this one.
        var otherShift = Guid.NewGuid();
        var others = Codes.Code(otherShift, Shown);
        Assert.Equal(CheckInFailure.Forged, Codes.Verify(Shift, others == code ? "000000" : others, Shown).Failure);

        var wrong = ((int.Parse(code, System.Globalization.CultureInfo.InvariantCulture) + 1) % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var verdict = Codes.Verify(Shift, wrong, Shown);
        Assert.Equal(CheckInFailure.Forged, verdict.Failure);
        Assert.Equal("签到码不正确，请扫描现场二维码", verdict.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    [InlineData("12345")]
    [InlineData("1234567")]
    [InlineData("12345a")]
    [InlineData("not a token at all")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAA+AAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("https://example.org/checkin?t=abc")]
    public void Garbage_is_refused_as_malformed(string? input)
    {
        using var chinese = new ChineseCulture();
        var verdict = Codes.Verify(Shift, input, Shown);
        Assert.Equal(CheckInFailure.Malformed, verdict.Failure);
        Assert.Equal("签到码格式不正确，请扫描现场二维码或输入 6 位数字", verdict.Message);
    }

    [Fact]
    public void Forty_eight_characters_of_the_right_alphabet_but_not_ours_are_forged()
    {
        Assert.Equal(CheckInFailure.Forged, Codes.Verify(Shift, new string('A', 48), Shown).Failure);
        Assert.Equal(CheckInFailure.Forged, Codes.Verify(Shift, "AQ" + new string('A', 46), Shown).Failure);
    }

    [Fact]
    public void The_key_is_32_bytes_derived_from_the_master_key_for_check_in_alone()
    {
        var master = RandomNumberGenerator.GetBytes(32);
        var key = CheckInCodes.DeriveKey(master);
        Assert.Equal(32, key.Length);
        Assert.Equal(key, CheckInCodes.DeriveKey(master));
        Assert.NotEqual(master, key);
        Assert.Equal(key, System.Security.Cryptography.HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, [], "wushe-checkin-v1"u8.ToArray()));
        Assert.Throws<ArgumentException>(() => new CheckInCodes(new byte[16]));
        Assert.Throws<ArgumentException>(() => CheckInCodes.DeriveKey([]));

        // The same master key on two servers: a token from one checks in on the other.
        var a = new CheckInCodes(CheckInCodes.DeriveKey(master));
        var b = new CheckInCodes(CheckInCodes.DeriveKey(master));
        Assert.True(b.Verify(Shift, a.Token(Shift, Shown), Shown).IsValid);
    }
}
