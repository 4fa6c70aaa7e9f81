using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Fazhi.Web.Kernel.Web;

/// <summary>
/// The largest file an upload endpoint or page takes. Routing applies it to the request body (the file plus
/// <see cref="FormAllowance"/> for the form around it) before anything reads the body; a body over it is
/// answered 413 with <see cref="Message"/>, which names the limit, instead of failing while the form is read.
/// On a page model it is also a filter that reads the form ahead of the antiforgery check, which would otherwise turn
/// the unreadable form into a bare 400.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method)]
public sealed class UploadLimitAttribute(long fileBytes) : Attribute, IRequestSizeLimitMetadata, IAsyncAuthorizationFilter, IOrderedFilter
{
    /// <summary>Room for the multipart boundaries and the other fields of the form.</summary>
    public const long FormAllowance = 1024 * 1024;

    public long FileBytes { get; } = fileBytes;

    public long? MaxRequestBodySize => FileBytes + FormAllowance;

    /// <summary>“20MB”: the limit as the upload pages state it.</summary>
    public string Text => Describe(FileBytes);

    public string Message => $"上传的文件超过{Text}的上限，请拆分后分批上传。";

    public static string Describe(long bytes) => $"{bytes / 1024 / 1024}MB";

    /// <summary>Before the antiforgery filter (order 1000).</summary>
    public int Order => -1000;

    public async Task OnAuthorizationAsync(AuthorizationFilterContext context)
    {
        var request = context.HttpContext.Request;
        if (!request.HasFormContentType)
            return;
        try
        {
            await request.ReadFormAsync(context.HttpContext.RequestAborted); // kept by the request for the handler
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            context.Result = new StatusCodeResult(StatusCodes.Status413PayloadTooLarge); // the error page names the limit
        }
    }

    /// <summary>The limit of the endpoint the request was for, also while the error page re-executes it.</summary>
    public static UploadLimitAttribute? Of(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<UploadLimitAttribute>()
        ?? http.Features.Get<IExceptionHandlerFeature>()?.Endpoint?.Metadata.GetMetadata<UploadLimitAttribute>()
        ?? http.Features.Get<IStatusCodeReExecuteFeature>()?.Endpoint?.Metadata.GetMetadata<UploadLimitAttribute>();
}
