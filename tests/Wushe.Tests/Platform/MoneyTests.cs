using Wushe.Platform;

namespace Wushe.Tests.Platform;

/// <summary>Amounts in Chinese capitals as receipts write them (《会计基础工作规范》第五十二条): one 零 for a run of zeros, 整 after whole yuan.</summary>
public sealed class MoneyTests
{
    [Theory]
    [InlineData(123456, "人民币壹仟贰佰叁拾肆元伍角陆分")]
    [InlineData(1001000, "人民币壹万零壹拾元整")]
    [InlineData(100010000, "人民币壹佰万零壹佰元整")]
    [InlineData(10500000, "人民币壹拾万伍仟元整")]
    [InlineData(10000000000, "人民币壹亿元整")]
    [InlineData(10001000000, "人民币壹亿零壹万元整")]
    [InlineData(100005, "人民币壹仟元零伍分")]
    [InlineData(8880, "人民币捌拾捌元捌角")]
    [InlineData(50, "人民币伍角")]
    [InlineData(7, "人民币柒分")]
    [InlineData(0, "人民币零元整")]
    [InlineData(160000000, "人民币壹佰陆拾万元整")]
    [InlineData(1600000, "人民币壹万陆仟元整")]
    [InlineData(100100, "人民币壹仟零壹元整")]
    public void Capital_writes_the_amount_as_a_voucher_does(long fen, string expected) => Assert.Equal(expected, Money.Capital(fen));

    [Fact]
    public void Capital_refuses_a_negative_amount() => Assert.Throws<ArgumentOutOfRangeException>(() => Money.Capital(-1));

    [Theory]
    [InlineData(1_600_000, "1.6万元")]
    [InlineData(1_234_567, "1.23万元")]
    [InlineData(1_000_000, "1万元")]
    [InlineData(123_456_789_00, "12,345.68万元")]
    [InlineData(888_800, "8,888元")]
    [InlineData(8_880, "88.8元")]
    [InlineData(0, "0元")]
    public void Wan_writes_the_amount_as_a_work_report_does(long fen, string expected) => Assert.Equal(expected, Money.Wan(fen));
}
