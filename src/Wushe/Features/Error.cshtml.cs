using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Wushe.Platform.Localization;
using Wushe.Platform.Outcomes;
using Wushe.Platform.Web;

namespace Wushe.Features;

/// <summary>
/// The error page of the console (the API answers Problem Details instead): 400, 403, 404, 405, 409,
/// 500… in the user's language inside the layout, with a way home. A crash shows a reference to quote,
/// never the exception. Reached by re-execution with the original method, so every method is answered.
/// </summary>
[IgnoreAntiforgeryToken]
public sealed class ErrorModel : PageModel
{
    public int Status { get; private set; }
    public string Heading { get; private set; } = "";
    public string Explanation { get; private set; } = "";
    public IReadOnlyList<string> Messages { get; private set; } = [];

    /// <summary>The request's trace id: what a user quotes to support after a crash.</summary>
    public string Reference { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(int? code)
    {
        // Opened directly, without an error behind it: there is nothing here.
        Status = code ?? StatusCodes.Status404NotFound;
        Reference = Activity.Current?.Id ?? HttpContext.TraceIdentifier;
        if (HttpContext.Features.Get<IExceptionHandlerPathFeature>()?.Error is { } error)
        {
            if (Data.DatabaseErrors.IsBusy(error))
            {
                Status = StatusCodes.Status503ServiceUnavailable;
                Response.Headers.RetryAfter = "5";
            }
            else
            {
                var failure = await KnownExceptions.ClassifyAsync(error, HttpContext);
                Status = failure is null ? StatusCodes.Status500InternalServerError : Http.Problem(failure).StatusCode;
                if (failure is not null) Messages = failure.Errors?.Values.SelectMany(m => m).ToList() is { Count: > 0 } m ? m : [failure.Title];
            }
        }
        else if (HttpContext.Items[PageForms.MessagesItem] is IReadOnlyList<string> messages) Messages = messages;
        if (Status is < 400 or > 599) Status = StatusCodes.Status404NotFound;
        (Heading, Explanation) = Describe(Status);
        // An anonymous visitor (the public pages) has no area: a 404 tells them the record is not there or not published.
        if (Status == StatusCodes.Status404NotFound && User.Identity?.IsAuthenticated != true)
            Explanation = Lang.T("您访问的页面或记录不存在，或尚未公开。", "The page or record does not exist or is not public.");
        Response.StatusCode = Status;
        return Page();
    }

    public Task<IActionResult> OnPostAsync(int? code) => OnGetAsync(code);
    public Task<IActionResult> OnPutAsync(int? code) => OnGetAsync(code);
    public Task<IActionResult> OnDeleteAsync(int? code) => OnGetAsync(code);
    public Task<IActionResult> OnPatchAsync(int? code) => OnGetAsync(code);

    static (string Heading, string Explanation) Describe(int status) => status switch
    {
        StatusCodes.Status400BadRequest => (Lang.T("请求不正确", "Bad request"),
            Lang.T("提交的内容无法处理。若页面打开已久，请刷新后重试。", "What was sent could not be processed. If the page was open for long, reload it and try again.")),
        StatusCodes.Status403Forbidden => (Lang.T("没有权限", "Not allowed"),
            Lang.T("您没有访问此页面的权限。如需开通，请联系管理员。", "You may not open this page. Ask your administrator if you need it.")),
        StatusCodes.Status404NotFound => (Lang.T("页面不存在", "Page not found"),
            Lang.T("您访问的页面或记录不存在、已被删除，或不在您的管辖范围内。", "The page or record does not exist, was removed, or lies outside your area.")),
        StatusCodes.Status405MethodNotAllowed => (Lang.T("不支持该操作", "Not supported here"),
            Lang.T("此页面不接受这样的提交。请从页面上的按钮操作。", "This page does not accept that request. Use the buttons on the page.")),
        StatusCodes.Status409Conflict => (Lang.T("操作冲突", "Conflict"),
            Lang.T("数据已被修改或与已有记录冲突，请刷新后重试。", "The data changed meanwhile or conflicts with an existing record. Reload and try again.")),
        StatusCodes.Status413PayloadTooLarge => (Lang.T("提交的内容过大", "Too large"),
            Lang.T("上传的文件或提交的内容超过了大小限制。", "The upload or the form is larger than allowed.")),
        StatusCodes.Status429TooManyRequests => (Lang.T("操作过于频繁", "Too many requests"),
            Lang.T("请稍后再试。", "Please wait a moment and try again.")),
        StatusCodes.Status503ServiceUnavailable => (Lang.T("系统繁忙", "The system is busy"),
            Lang.T("系统正忙于处理其他操作，请稍后重试。您填写的内容未保存。", "The system is busy with other work. Please try again shortly; what you sent was not saved.")),
        >= 500 => (Lang.T("系统出错", "Something went wrong"),
            Lang.T("系统处理请求时出错，请稍后重试。如问题持续，请把下面的编号告诉管理员。", "The system failed to handle the request. Try again later; if it keeps happening, give your administrator the reference below.")),
        _ => (Lang.T("请求未完成", "Request not completed"), Lang.T("请返回首页后重试。", "Go back home and try again.")),
    };
}
