using Wushe.Platform.Validation;

namespace Wushe.Tests.Platform;

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

    /// <summary>A number with the given address code and a correct check character.</summary>
    static string WithAddress(string address)
    {
        var first17 = address + "19900101001";
        return first17 + ResidentId.CheckChar(first17);
    }

    [Theory]
    [InlineData("000000")] // no province 00
    [InlineData("999999")]
    [InlineData("100000")]
    [InlineData("160101")]
    [InlineData("470101")]
    [InlineData("720101")]
    [InlineData("840101")]
    public void An_address_code_that_belongs_to_no_province_is_refused_even_with_a_correct_checksum(string address)
    {
        using var chinese = new ChineseCulture();
        Assert.Equal("身份证号码的地址码不正确", ResidentId.Check(WithAddress(address), Today));
    }

    [Fact]
    public void The_numbers_of_the_issue_are_refused()
    {
        using var chinese = new ChineseCulture();
        Assert.Equal("身份证号码的地址码不正确", ResidentId.Check("000000199001010018", Today));
        Assert.Equal("身份证号码的地址码不正确", ResidentId.Check("999999199001010016", Today));
    }

    [Theory]
    [InlineData("110105")] // 北京
    [InlineData("150207")] // 九原区
    [InlineData("230101")]
    [InlineData("340603")] // 相山区
    [InlineData("460100")] // 海口 of before 2002: a retired code, still in the numbers of everyone born there
    [InlineData("320219")] // 江阴 of before 1987: retired too
    [InlineData("520526")]
    [InlineData("650101")]
    [InlineData("710000")] // 台湾
    [InlineData("810000")] // residence permits of Hong Kong, Macau and Taiwan residents
    [InlineData("820000")]
    [InlineData("830000")]
    public void Every_province_level_code_is_accepted_and_retired_county_codes_too(string address) =>
        Assert.Null(ResidentId.Check(WithAddress(address), Today));

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

    // Each of these has a right check character (computed), so only the rule named can refuse it.
    [Theory]
    [InlineData("0152050271526726XF", "统一社会信用代码第 1 位（登记管理部门代码）不正确")]
    [InlineData("5452050271526726X1", "统一社会信用代码第 2 位（机构类别代码）不正确")]
    [InlineData("9452050271526726XW", "统一社会信用代码第 2 位（机构类别代码）不正确")]
    [InlineData("Y252050271526726XD", "统一社会信用代码第 2 位（机构类别代码）不正确")]
    [InlineData("51AB050271526726X1", "统一社会信用代码第 3–8 位（登记管理机关行政区划码）应为数字")]
    public void A_code_with_a_right_check_but_an_impossible_part_is_refused_by_that_part(string code, string message)
    {
        using var chinese = new ChineseCulture();
        Assert.Equal(CreditCode.CheckChar(code), code[17]);
        Assert.Equal(message, CreditCode.Check(code));
    }

    [Fact]
    public void A_resident_ID_number_that_passes_both_checks_is_refused_as_an_ID_number()
    {
        using var chinese = new ChineseCulture();
        // A Guizhou ID number: "52" is a known department and kind, its digits fill 3–8, and both check characters hold.
        const string id = "520502199001010394";
        Assert.True(ResidentId.IsValid(id, new DateOnly(2026, 11, 29)));
        Assert.Equal(CreditCode.CheckChar(id), id[17]);
        Assert.Equal("这是身份证号码，不是统一社会信用代码", CreditCode.Check(id));
        Assert.Null(CreditCode.CivilAffairsKindOf(id));
    }

    [Theory]
    [InlineData("51520502MJ0000001Y", CivilAffairsKind.SocialGroup)]
    [InlineData("52520502MJ1234567G", CivilAffairsKind.PrivateNonEnterprise)]
    [InlineData("53520000MJ00000126", CivilAffairsKind.Foundation)]
    [InlineData("59110000MJ00000187", CivilAffairsKind.Other)]
    public void Codes_registered_by_civil_affairs_tell_the_kind_of_organization(string code, CivilAffairsKind kind)
    {
        Assert.True(CreditCode.IsValid(code), CreditCode.Check(code));
        Assert.True(CreditCode.IsCivilAffairs(code));
        Assert.Equal(kind, CreditCode.CivilAffairsKindOf(code.ToLowerInvariant()));
        Assert.Equal(code.Substring(2, 6), CreditCode.RegisteringArea(code));
    }

    [Theory]
    [InlineData("9144030071526726XG")]
    [InlineData("Y152050271526726XG")]
    [InlineData("not a code")]
    [InlineData(null)]
    public void Other_departments_and_invalid_codes_have_no_civil_affairs_kind(string? code)
    {
        Assert.Null(CreditCode.CivilAffairsKindOf(code));
        if (code is not null && CreditCode.IsValid(code)) Assert.False(CreditCode.IsCivilAffairs(code));
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
