using Fazhi.Web.Kernel.Access;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Fazhi.Web.Kernel.Web.Pages;

/// <summary>The friendly error page for pages, and the problem-details answer for API status codes without a body.</summary>
[IgnoreAntiforgeryToken]
[PublicEndpoint("错误页")]
public sealed class ErrorModel(IProblemDetailsService problems) : PageModel
{
    public string Title { get; private set; } = "出错了";
    public string Message { get; private set; } = "";
    public string RequestId => HttpContext.TraceIdentifier;

    public Task<IActionResult> OnGetAsync([FromRoute] int? code) => Handle(code);
    public Task<IActionResult> OnPostAsync([FromRoute] int? code) => Handle(code);
    public Task<IActionResult> OnPutAsync([FromRoute] int? code) => Handle(code);
    public Task<IActionResult> OnDeleteAsync([FromRoute] int? code) => Handle(code);

    private async Task<IActionResult> Handle(int? code)
    {
        var exception = HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error;
        // Only the route may say the status (a form field named "code" must not), and only a real error status. Model
        // binding fails when the re-executed request's form cannot be read (a body over the size limit), so the status
        // the re-execution was for is taken from the status-code feature then.
        code ??= HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalStatusCode;
        var status = code is >= 400 and <= 599 ? code.Value : exception is null ? 500 : FazhiExceptionHandler.Classify(exception).Status;
        var limit = status == 413 ? UploadLimitAttribute.Of(HttpContext) : null;
        if (ProblemTitles.IsApi(HttpContext))
        {
            Response.StatusCode = status;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = HttpContext,
                ProblemDetails = new ProblemDetails { Status = status, Detail = limit?.Message ?? DetailFor(status) },
            });
            return new EmptyResult();
        }
        Response.StatusCode = status;
        Title = ProblemTitles.For(status);
        Message = limit?.Message ?? (exception is not null && status < 500 ? FazhiExceptionHandler.Classify(exception).Detail : DetailFor(status));
        return Page();
    }

    private static string DetailFor(int status) => status switch
    {
        401 => "请先登录，或在请求头中提供有效的 Bearer 令牌。",
        403 => "您的角色无权执行此操作。",
        404 => "您要找的页面或记录不存在，或不在您的数据权限范围内。",
        405 => "该地址不支持此请求方法。",
        413 => "请求内容超过允许的大小。",
        _ when status >= 500 => "服务器处理请求时发生错误，已记录日志。请稍后重试，或把请求号告诉管理员。",
        _ => "请求未能完成。",
    };
}
