using Wushe.Features.Areas;

namespace Wushe.Tests.Areas;

public sealed class AreaNameTests
{
    [Fact]
    public void A_generated_place_beside_its_generated_badge_is_named_without_the_suffix_that_says_the_same()
    {
        Assert.Equal("七星关区第1街道", AreaNames.BesideBadge("七星关区第1街道（生成）", isGenerated: true));
        // Without the badge (not generated) the name is shown as it is; a generated name without the suffix too.
        Assert.Equal("某某街道（生成）", AreaNames.BesideBadge("某某街道（生成）", isGenerated: false));
        Assert.Equal("市西街道第1社区", AreaNames.BesideBadge("市西街道第1社区", isGenerated: true));
    }
}
