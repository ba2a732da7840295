using Wushe.Platform.Composition;

namespace Wushe.Features.Home;

/// <summary>The home page (Features/Index.cshtml) and its figures.</summary>
public sealed class HomeFeature : IFeature
{
    public IEnumerable<NavEntry> Nav =>
    [
        new(NavGroups.Workbench, 10, "首页", "Home", "/", "bi-house", null),
    ];
}
