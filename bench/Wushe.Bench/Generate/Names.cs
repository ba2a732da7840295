namespace Wushe.Bench.Generate;

/// <summary>Plausible made-up Chinese names for places and people.</summary>
static class Names
{
    const string PlaceSyllables = "新平安和团结红光青山水河坝沟坪田林营寨桥石岩龙凤花竹松柏梨杨兴隆丰乐民康富庆华阳明德顺福";
    const string Surnames = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段";
    const string Given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国文云飞鹏辉丹宇浩凯琳雪梅晨欣怡佳颖";

    public static string Place(Random r) => $"{PlaceSyllables[r.Next(PlaceSyllables.Length)]}{PlaceSyllables[r.Next(PlaceSyllables.Length)]}";

    public static string Person(Random r) =>
        Surnames[r.Next(Surnames.Length)] + (r.Next(3) == 0 ? Given[r.Next(Given.Length)].ToString() : $"{Given[r.Next(Given.Length)]}{Given[r.Next(Given.Length)]}");

    /// <summary>The area's name without the long ethnic-autonomy suffix, for station and unit names.</summary>
    public static string Short(string areaName) => areaName.Replace("彝族回族苗族自治县", "县", StringComparison.Ordinal);
}
