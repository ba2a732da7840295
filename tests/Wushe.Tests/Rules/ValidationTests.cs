using Wushe.Platform.Validation;

namespace Wushe.Tests.Rules;

public sealed class ResidentIdTests
{
    static readonly DateOnly Today = new(2026, 11, 29);

    [Fact]
    public void A_real_ID_number_with_X_as_check_character_is_valid()
    {
        Assert.Null(ResidentId.Check("11010519491231002X", Today));
        Assert.True(ResidentId.IsValid(" 11010519491231002x ", Today));
        Assert.Equal(new DateOnly(1949, 12, 31), ResidentId.BirthDate("11010519491231002X"));
        Assert.False(ResidentId.IsMale("11010519491231002X"));
    }

    [Fact]
    public void A_wrong_check_character_is_named_as_such()
    {
        using var chinese = new ChineseCulture();
        Assert.Equal("身份证号码校验位不正确", ResidentId.Check("110105194912310021", Today));
    }

    [Fact]
    public void A_birth_date_after_today_is_refused_even_with_a_correct_checksum()
    {
        using var chinese = new ChineseCulture();
        const string future = "110105209901010020";
        Assert.Equal('0', ResidentId.CheckChar(future));
        Assert.Equal("身份证号码中的出生日期不正确", ResidentId.Check(future, Today));
        Assert.True(ResidentId.IsValid(future, new DateOnly(2099, 1, 1)));
    }

    [Theory]
    [InlineData("11010519490230002X")] // 30 February
    [InlineData("11010518991231002X")] // before 1900
    public void An_impossible_birth_date_is_refused(string id)
    {
        using var chinese = new ChineseCulture();
        Assert.Equal("身份证号码中的出生日期不正确", ResidentId.Check(id, Today));
    }

    [Theory]
    [InlineData("11010519491231002", "身份证号码应为 18 位")]
    [InlineData("11010519491231002X1", "身份证号码应为 18 位")]
    [InlineData("1101051949123A002X", "身份证号码格式不正确")]
    [InlineData("11010519491231002Y", "身份证号码格式不正确")]
    [InlineData("", "身份证号码不能为空")]
    [InlineData(null, "身份证号码不能为空")]
    public void Bad_length_or_characters_are_refused(string? id, string message)
    {
        using var chinese = new ChineseCulture();
        Assert.Equal(message, ResidentId.Check(id, Today));
    }
}

public sealed class CreditCodeTests
{
    [Fact]
    public void A_real_credit_code_is_valid()
    {
        Assert.True(CreditCode.IsValid("9144030071526726XG"));
        Assert.True(CreditCode.IsValid(" 9144030071526726xg "));
        Assert.False(CreditCode.IsCivilAffairs("9144030071526726XG"));
    }

    [Theory]
    [InlineData("9144030071526726XA", "统一社会信用代码校验位不正确")]
    [InlineData("9144030071526727XG", "统一社会信用代码校验位不正确")]
    [InlineData("9144030071526726X", "统一社会信用代码应为 18 位")]
    [InlineData("9144030071526726XGG", "统一社会信用代码应为 18 位")]
    [InlineData("9144030071526726IG", "统一社会信用代码含有无效字符")]
    [InlineData("914403007152672OXG", "统一社会信用代码含有无效字符")]
    [InlineData("  ", "统一社会信用代码不能为空")]
    public void A_changed_credit_code_is_refused(string code, string message)
    {
        using var chinese = new ChineseCulture();
        Assert.Equal(message, CreditCode.Check(code));
    }
}

public sealed class MobileTests
{
    [Theory]
    [InlineData("13800000001")]
    [InlineData("+8613800000001")]
    [InlineData("8613800000001")]
    [InlineData("+86 13800000001")]
    [InlineData("+86-19912345678")]
    public void Mainland_mobile_numbers_are_accepted_with_or_without_86(string mobile)
    {
        Assert.True(Mobile.IsValid(mobile));
        Assert.Equal(11, Mobile.Normalize(mobile).Length);
        Assert.StartsWith("1", Mobile.Normalize(mobile), StringComparison.Ordinal);
    }

    [Fact]
    public void Normalizing_drops_the_country_code()
    {
        Assert.Equal("13800000001", Mobile.Normalize("+86 13800000001"));
        Assert.Equal("13800000001", Mobile.Normalize(" 13800000001 "));
    }

    [Theory]
    [InlineData("12800000001")]
    [InlineData("1380000000")]
    [InlineData("138000000012")]
    [InlineData("+8713800000001")]
    [InlineData("1380000000a")]
    [InlineData("010-12345678")]
    public void Other_numbers_are_refused(string mobile)
    {
        using var chinese = new ChineseCulture();
        Assert.Equal("请输入正确的手机号码", Mobile.Check(mobile));
    }
}

public sealed class LandlineTests
{
    [Theory]
    [InlineData("0857-6221234", "0857-6221234")]
    [InlineData("0857-6221234-8001", "0857-6221234-8001")]
    [InlineData("(0857)6221234", "0857-6221234")]
    [InlineData("010-12345678", "010-12345678")]
    [InlineData("021 62345678", "021-62345678")]
    [InlineData("08576221234", "0857-6221234")]
    [InlineData(" 0546-8221234转206 ", "0546-8221234-206")]
    [InlineData("0857-62212345", "0857-62212345")]
    public void Landlines_with_area_code_and_optional_extension_are_valid_and_normalized(string value, string normalized)
    {
        Assert.Null(Landline.Check(value));
        Assert.Equal(normalized, Landline.Normalize(value));
        Assert.Null(Telephone.Check(value));
        Assert.Equal(normalized, Telephone.Normalize(value));
    }

    [Theory]
    [InlineData("6221234")]            // no area code
    [InlineData("857-6221234")]        // area code without its 0
    [InlineData("0857-0221234")]       // a local number never starts with 0
    [InlineData("010-6221234")]        // Beijing numbers have eight digits
    [InlineData("0857-622123")]        // too short
    [InlineData("0857-622123456")]     // too long
    [InlineData("0857-6221234-1234567")] // extension too long
    [InlineData("0857-62a1234")]
    [InlineData("")]
    public void Anything_else_is_refused(string value)
    {
        using var chinese = new ChineseCulture();
        Assert.NotNull(Landline.Check(value));
        Assert.False(Landline.IsValid(value));
        Assert.NotNull(Telephone.Check(value));
    }

    [Fact]
    public void A_contact_number_may_be_a_mobile_too_and_keeps_its_11_digits()
    {
        Assert.Null(Telephone.Check("+86 13812345678"));
        Assert.Equal("13812345678", Telephone.Normalize("+86 13812345678"));
        using var chinese = new ChineseCulture();
        Assert.Equal("请输入正确的手机号码或固定电话（如 0857-6221234）", Telephone.Check("12345"));
    }

    [Theory]
    [InlineData("0857-6221234", "0857-****234")]
    [InlineData("0857-6221234-8001", "0857-****234-8001")]
    [InlineData("010-12345678", "010-****678")]
    [InlineData("13812345678", "138****5678")]
    public void Landlines_are_masked_to_their_area_code_and_last_three_digits(string phone, string masked) =>
        Assert.Equal(masked, Wushe.Platform.Sensitive.Mask.Phone(phone));
}
