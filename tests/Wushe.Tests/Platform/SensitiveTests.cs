using System.Security.Cryptography;
using Wushe.Platform.Sensitive;

namespace Wushe.Tests.Platform;

public sealed class MaskTests
{
    [Theory]
    [InlineData("13812341234", "138****1234")]
    [InlineData("123456", "******")]
    public void Phones_show_the_first_three_and_last_four_digits(string phone, string masked) =>
        Assert.Equal(masked, Mask.Phone(phone));

    [Fact]
    public void ID_numbers_show_the_first_four_and_last_four_characters()
    {
        Assert.Equal("1101**********002X", Mask.IdNumber("11010519491231002X"));
        Assert.Equal("********", Mask.IdNumber("12345678"));
    }

    [Theory]
    [InlineData("张三丰", "张*丰")]
    [InlineData("张三", "张*")]
    [InlineData("欧阳娜娜", "欧**娜")]
    [InlineData("张", "张")]
    public void Names_keep_the_first_and_last_character(string name, string masked) =>
        Assert.Equal(masked, Mask.Name(name));
}

public sealed class SealerTests
{
    static Sealer Make(string lookup = TestApp.LookupKey) => new(new SealerKeys(TestApp.EncryptionKey, lookup));

    [Fact]
    public void A_sealed_value_opens_to_the_original_and_stores_no_plain_text()
    {
        var sealer = Make();
        var sealedId = sealer.Seal(SensitiveKind.IdNumber, "11010519491231002X");
        Assert.Equal("11010519491231002X", sealer.Open(sealedId));
        Assert.Equal("1101**********002X", sealedId.Masked);
        Assert.DoesNotContain("19491231", sealedId.Cipher, StringComparison.Ordinal);
        Assert.DoesNotContain("19491231", sealedId.Hash, StringComparison.Ordinal);
    }

    [Fact]
    public void Equal_values_hash_equal_though_their_cipher_texts_differ()
    {
        var sealer = Make();
        var a = sealer.Seal(SensitiveKind.Phone, "13800000001");
        var b = sealer.Seal(SensitiveKind.Phone, "13800000001");
        Assert.NotEqual(a.Cipher, b.Cipher);
        Assert.Equal(a.Hash, b.Hash);
        Assert.Equal(a.Hash, sealer.Hash(SensitiveKind.Phone, "13800000001"));
        Assert.NotEqual(a.Hash, sealer.Hash(SensitiveKind.Phone, "13800000002"));
        Assert.NotEqual(a.Hash, sealer.Hash(SensitiveKind.IdNumber, "13800000001"));
    }

    [Fact]
    public void Another_lookup_key_gives_other_hashes()
    {
        var other = Convert.ToBase64String(new byte[32]);
        Assert.NotEqual(Make().Hash(SensitiveKind.Phone, "13800000001"), Make(other).Hash(SensitiveKind.Phone, "13800000001"));
    }

    [Fact]
    public void A_tampered_cipher_text_does_not_open()
    {
        var sealer = Make();
        var value = sealer.Seal(SensitiveKind.Phone, "13800000001");
        var bytes = Convert.FromBase64String(value.Cipher);
        bytes[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => sealer.Open(value with { Cipher = Convert.ToBase64String(bytes) }));
    }

    [Fact]
    public void Keys_of_the_wrong_length_are_refused_at_start()
    {
        var shortKey = Convert.ToBase64String(new byte[16]);
        Assert.Throws<InvalidOperationException>(() => new Sealer(new SealerKeys(shortKey, TestApp.LookupKey)));
    }
}
