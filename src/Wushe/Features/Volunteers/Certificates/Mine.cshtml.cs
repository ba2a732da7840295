using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Data;
using Wushe.Platform;
using Wushe.Platform.Access;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features.Volunteers.Certificates;

/// <summary>我的证明 (phone first): request a certificate of a period from my final hours, and download the ones issued (<see cref="MyCertificates"/>).</summary>
[Authorize(VolunteersPermissions.SelfPolicy)]
public sealed class MineModel(AppDb db, CurrentUser me, TimeProvider clock, Platform.Sensitive.Sealer sealer) : PageModel
{
    [FromQuery(Name = "page"), Label("页码", "Page")] public int? PageNumber { get; set; }
    [BindProperty] public IssueCertificate.MyRequest Input { get; set; } = new();

    public MyCertificates.Response? Mine { get; private set; }

    public async Task OnGetAsync()
    {
        var today = ChinaTime.Today(clock);
        Input = new IssueCertificate.MyRequest(new DateOnly(today.Year, 1, 1), today);
        await LoadAsync();
    }

    async Task LoadAsync() => Mine = (await MyCertificates.Handle(db, me, PageNumber is >= 1 ? PageNumber : null, 20)).Value;

    public async Task<IActionResult> OnPostAsync()
    {
        var input = Input;
        var result = await ModelState.IfParsed("Input.", () => IssueCertificate.Validate(input.From, input.To, ChinaTime.Today(clock)),
            () => IssueCertificate.Mine(db, me, clock, sealer, Platform.Web.PublicAddress.Of(HttpContext), input));
        if (result.IsOk)
        {
            var c = result.Value!;
            TempData["Toast"] = c.Existing
                ? Lang.T($"该期间的证明已出具过（{c.Number}），可直接下载", $"This period was certified already ({c.Number}): download it below")
                : Lang.T($"证明已出具：{c.Number}", $"Certificate issued: {c.Number}");
            return Redirect("/Volunteers/Certificates/Mine");
        }
        if (result.Failure!.Kind == FailureKind.NotFound) return NotFound();
        ModelState.AddFailure(result.Failure, "Input.");
        await LoadAsync();
        return Page();
    }

    public async Task<IActionResult> OnGetPdfAsync(Guid id) =>
        (await MyCertificates.PdfAsync(db, me, id)) is { IsOk: true } file ? File(file.Value!.Content, CertificateFile.ContentType, file.Value.FileName) : NotFound();

    public string Invalid(string key) => ModelState[key]?.Errors.Count > 0 ? "is-invalid" : "";
}
