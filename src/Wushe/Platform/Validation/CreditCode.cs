using Wushe.Platform.Localization;

namespace Wushe.Platform.Validation;

/// <summary>What civil affairs (登记管理部门 5) registers: the second character of the credit code.</summary>
public enum CivilAffairsKind
{
    /// <summary>51 社会团体.</summary>
    SocialGroup = 1,

    /// <summary>52 民办非企业单位 (社会服务机构).</summary>
    PrivateNonEnterprise = 2,

    /// <summary>53 基金会.</summary>
    Foundation = 3,

    /// <summary>59 其他.</summary>
    Other = 9,
}

/// <summary>
/// Unified social credit code (统一社会信用代码), GB 32100-2015: 18 characters of
/// <c>0123456789ABCDEFGHJKLMNPQRTUWXY</c> —
/// 1 registering department (登记管理部门), 2 kind of body (机构类别) within that department,
/// 3–8 the registering authority's six-digit division code (GB/T 2260), 9–17 the body's
/// identifier (organization code, GB 11714), 18 a base-31 check character
/// (weights 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28; check = (31 − Σ mod 31) mod 31).
/// </summary>
/// <remarks>
/// Departments and kinds are those of the national credit-code centre's table (GB 32100 and its
/// later additions): 1 机构编制 (1 机关, 2 事业单位, 3 中央编办直管群众团体, 9 其他), 2 外交 (1, 9),
/// 3 司法行政 (1 律师执业机构, 2 公证处, 3 基层法律服务所, 4 司法鉴定机构, 5 仲裁委员会, 9),
/// 4 文化 (1, 9), 5 民政 (1 社会团体, 2 民办非企业单位, 3 基金会, 9 其他), 6 旅游 (1, 2, 9),
/// 7 宗教 (1 宗教活动场所, 2 宗教院校, 9), 8 工会 (1 基层工会, 9), 9 工商 (1 企业, 2 个体工商户,
/// 3 农民专业合作社), A 中央军委改革和编制办公室 (1 军队事业单位, 9), N 农业 (1 组级, 2 村级,
/// 3 乡镇级集体经济组织, 9), Y 其他 (1 only).
/// A resident ID number (GB 11643) has the same length, and many of them pass every rule above
/// (a Guizhou number begins "52", a known department and kind) and, one in 31, the check
/// character too: a value that is a well-formed ID number (its own check, a real birth date) is
/// refused by name. The organization-code check of positions 9–17 is not applied: the code
/// centre does not promise it for every body, and refusing a real organization's code would be
/// worse than the typo it might catch (the base-31 check catches those already).
/// </remarks>
public static class CreditCode
{
    const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Registering department → the kinds of body it registers.</summary>
    static readonly Dictionary<char, string> Kinds = new()
    {
        ['1'] = "1239",
        ['2'] = "19",
        ['3'] = "123459",
        ['4'] = "19",
        ['5'] = "1239",
        ['6'] = "129",
        ['7'] = "129",
        ['8'] = "19",
        ['9'] = "123",
        ['A'] = "19",
        ['N'] = "1239",
        ['Y'] = "1",
    };

    /// <summary>Null when valid; otherwise a message naming the field and what is wrong. Case and outer spaces are forgiven.</summary>
    public static string? Check(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return Lang.T("统一社会信用代码不能为空", "Unified social credit code is required");
        var v = Normalize(value);
        if (v.Length != 18) return Lang.T("统一社会信用代码应为 18 位", "Unified social credit code must have 18 characters");
        foreach (var c in v)
            if (!Alphabet.Contains(c, StringComparison.Ordinal))
                return Lang.T("统一社会信用代码含有无效字符", "Unified social credit code contains an invalid character");
        if (CheckChar(v) != v[17]) return Lang.T("统一社会信用代码校验位不正确", "The credit code's check character is wrong");
        if (LooksLikeResidentId(v))
            return Lang.T("这是身份证号码，不是统一社会信用代码", "This is a resident ID number, not a unified social credit code");
        if (!Kinds.TryGetValue(v[0], out var kinds))
            return Lang.T("统一社会信用代码第 1 位（登记管理部门代码）不正确", "The first character of the credit code (registering department) is not a known one");
        if (!kinds.Contains(v[1], StringComparison.Ordinal))
            return Lang.T("统一社会信用代码第 2 位（机构类别代码）不正确", "The second character of the credit code (kind of body) is not one its department registers");
        for (var i = 2; i < 8; i++)
            if (!char.IsAsciiDigit(v[i]))
                return Lang.T("统一社会信用代码第 3–8 位（登记管理机关行政区划码）应为数字", "Characters 3–8 of the credit code (the registering area) must be digits");
        return null;
    }

    public static bool IsValid(string? value) => Check(value) is null;

    /// <summary>Upper case, without outer spaces: the form to store and compare.</summary>
    public static string Normalize(string value) => value.Trim().ToUpperInvariant();

    /// <summary>The check character of the first 17 characters (which must be of the alphabet).</summary>
    public static char CheckChar(string code)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += Alphabet.IndexOf(code[i], StringComparison.Ordinal) * Weights[i];
        return Alphabet[(31 - sum % 31) % 31];
    }

    /// <summary>True when a valid code was issued by civil affairs (5x): social groups, private non-enterprise units, foundations, others.</summary>
    public static bool IsCivilAffairs(string valid) => CivilAffairsKindOf(valid) is not null;

    /// <summary>
    /// The kind of body civil affairs registered (51, 52, 53, 59), or null for a code of another
    /// department or one that is not valid. The organization registry uses it to prefill and check an organization's kind.
    /// </summary>
    public static CivilAffairsKind? CivilAffairsKindOf(string? code)
    {
        if (!IsValid(code)) return null;
        var v = Normalize(code!);
        if (v[0] != '5') return null;
        return v[1] switch
        {
            '1' => CivilAffairsKind.SocialGroup,
            '2' => CivilAffairsKind.PrivateNonEnterprise,
            '3' => CivilAffairsKind.Foundation,
            _ => CivilAffairsKind.Other,
        };
    }

    /// <summary>The six-digit division code of the registering authority (positions 3–8) of a valid code.</summary>
    public static string RegisteringArea(string valid) => Normalize(valid).Substring(2, 6);

    public static string KindLabel(CivilAffairsKind kind) => kind switch
    {
        CivilAffairsKind.SocialGroup => Lang.T("社会团体", "Social group"),
        CivilAffairsKind.PrivateNonEnterprise => Lang.T("民办非企业单位", "Private non-enterprise unit"),
        CivilAffairsKind.Foundation => Lang.T("基金会", "Foundation"),
        _ => Lang.T("其他", "Other"),
    };

    /// <summary>17 digits and a digit or X, its GB 11643 check right and a real birth date in it: a resident ID number.</summary>
    static bool LooksLikeResidentId(string v)
    {
        for (var i = 0; i < 17; i++)
            if (!char.IsAsciiDigit(v[i])) return false;
        if (!char.IsAsciiDigit(v[17]) && v[17] != 'X') return false;
        return DateOnly.TryParseExact(v.AsSpan(6, 8), "yyyyMMdd", out var birth) && birth.Year >= 1900 && ResidentId.CheckChar(v) == v[17];
    }
}
