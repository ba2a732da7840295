using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;
using Wushe.Data;
using Wushe.Features.Areas;
using Wushe.Platform.Access;
using Wushe.Platform.Areas;
using Wushe.Platform.Outcomes;

namespace Wushe.Features.Needs;

/// <summary>
/// 居民自报入口: for a community (村/社区) of the user's scope, the address of its residents' request page
/// (<c>/Needs/Report?area=</c>, <see cref="ReportNeed"/>) with a copy button and a QR code to print and post in the community
/// (the reports' "扫码反映诉求"). Tree-left: a community is chosen from the tree; any other level asks for one.
/// </summary>
[Authorize(NeedsPermissions.ManagePolicy)]
public sealed class EntryModel(AppDb db, CurrentUser me) : PageModel, IAreaFilteredQuery
{
    [BindProperty(SupportsGet = true)] public string? Area { get; set; }

    public List<BrowseAreas.Node> Roots { get; private set; } = [];

    /// <summary>The community chosen (its 12-digit code and name); null until one is chosen.</summary>
    public (string Code, string Name)? Community { get; private set; }

    /// <summary>The residents' page of the community, absolute (the QR code's content).</summary>
    public string? Link { get; private set; }

    /// <summary>The QR code of <see cref="Link"/>, as SVG markup made by QRCoder from the link alone (digits and the host).</summary>
    public string? QrSvg { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        Roots = await BrowseAreas.Roots(db, me);
        var code = Area ?? (me.Active?.AreaCode is { } own && AreaCode.Normalize(own) is { } normalized ? normalized : null);
        if (code is null || (await BrowseAreas.Get(db, code)).Value is not { } area) return Page();
        if (area.Level != AreaLevel.Village || area.ValidTo is not null) return Page();
        Community = (area.Code, area.Name);
        // The platform's public address (Wushe:PublicBaseUrl): a printed code must not carry an internal or caller-chosen host.
        var baseUrl = Platform.Web.PublicAddress.Of(HttpContext);
        Link = $"{baseUrl}/Needs/Report?area={area.Code}";
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(Link, QRCodeGenerator.ECCLevel.M);
        QrSvg = new SvgQRCode(data).GetGraphic(6);
        return Page();
    }
}
