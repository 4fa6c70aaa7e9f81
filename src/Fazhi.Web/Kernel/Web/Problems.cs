using System.Text.Json;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Calendar;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Kernel.Web;

/// <summary>Bad input: answered 400 with the fields named (RFC 7807 <c>errors</c>), or shown on the form.</summary>
public sealed class FazhiValidationException(IReadOnlyDictionary<string, string[]> errors, string? detail = null)
    : Exception(detail ?? string.Join("；", errors.SelectMany(e => e.Value)))
{
    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;

    public static FazhiValidationException For(string field, string message) => new(new Dictionary<string, string[]> { [field] = [message] });
}

/// <summary>A record that does not exist, or exists outside the caller's scope: both answer 404.</summary>
public sealed class NotFoundException(string message) : Exception(message);

/// <summary>The caller's role does not allow the step (e.g. approving without being a leader).</summary>
public sealed class ForbiddenException(string message) : Exception(message);

/// <summary>The request is valid but the record's state forbids it (e.g. a transition from the wrong state).</summary>
public sealed class ConflictException(string message) : Exception(message);

/// <summary>A request carrying more than the endpoint takes (e.g. a batch over its size limit): answered 413.</summary>
public sealed class PayloadTooLargeException(string message) : Exception(message);

public static class ProblemTitles
{
    public static string For(int status) => status switch
    {
        400 => "请求参数有误",
        401 => "未登录或登录已过期",
        403 => "无权执行此操作",
        404 => "记录不存在或不在您的数据权限范围内",
        405 => "不支持该请求方法",
        409 => "操作与当前数据状态冲突",
        413 => "请求内容过大",
        415 => "不支持的内容类型",
        429 => "请求过于频繁，请稍后再试",
        503 => "服务暂时不可用",
        _ when status >= 500 => "服务器内部错误",
        _ => "请求未能完成",
    };

    /// <summary>Was the request (before any re-execution to the error page) an API call?</summary>
    public static bool IsApi(HttpContext http)
    {
        var original = http.Features.Get<IExceptionHandlerPathFeature>()?.Path
            ?? http.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath
            ?? http.Request.Path.Value;
        return original?.StartsWith("/api/", StringComparison.OrdinalIgnoreCase) == true;
    }
}

/// <summary>
/// The one place where exceptions become answers. API requests get RFC 7807 problem details with a Chinese
/// title and detail; page requests fall through to the friendly error page. No stack trace reaches a user.
/// </summary>
public sealed class FazhiExceptionHandler(IProblemDetailsService problems, ILogger<FazhiExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var http = httpContext;
        var (status, detail, errors) = Classify(exception);
        if (status == 413 && exception is BadHttpRequestException && UploadLimitAttribute.Of(http) is { } limit)
            detail = limit.Message;
        if (status >= 500)
            log.LogError(exception, "Unhandled exception for {Path}", http.Request.Path.Value);
        else if (status is 401 or 403 or 404)
            log.LogWarning("Access refused ({Status}) for {Path}: {Reason}", status, // no stack: an answer, not a fault
                http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path.Value, exception.Message);
        else if (log.IsEnabled(LogLevel.Information))
            log.LogInformation("Request refused ({Status}): {Reason}", status, exception.Message);
        if (exception is NotFoundException or OutOfScopeException or ForbiddenException)
            http.Items[Audit.AccessAudit.RefusedItem] = exception.Message; // 拒绝访问 in the 操作日志 (coalesced there)
        if (!ProblemTitles.IsApi(http))
            return false;
        http.Response.StatusCode = status;
        var problem = errors is null ? new ProblemDetails() : new ValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value));
        problem.Status = status;
        problem.Title = ProblemTitles.For(status);
        problem.Detail = detail;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
        return true;
    }

    /// <summary>The exception-handler middleware's options: the status of a refusal is the one <see cref="Classify"/>
    /// gives (also for pages, which re-execute the error page), and the framework's own error log with the stack trace is
    /// kept for faults (5xx) only; refusals are logged once, as a warning without a stack, by <see cref="TryHandleAsync"/>.</summary>
    public static ExceptionHandlerOptions Options(string errorPath) => new()
    {
        ExceptionHandlingPath = errorPath,
        StatusCodeSelector = e => Classify(e).Status,
        SuppressDiagnosticsCallback = c => !IsFault(c.Exception),
    };

    /// <summary>Is this an error of the server (logged with its stack trace) rather than a refusal of the request?</summary>
    public static bool IsFault(Exception exception) => Classify(exception).Status >= 500;

    public static (int Status, string Detail, IReadOnlyDictionary<string, string[]>? Errors) Classify(Exception exception) => exception switch
    {
        FazhiValidationException v => (400, v.Message, v.Errors),
        CalendarYearUnknownException c => (400, c.Message, new Dictionary<string, string[]> { ["date"] = [c.Message] }),
        NotFoundException or OutOfScopeException => (404, exception.Message, null),
        ConflictException => (409, exception.Message, null),
        PayloadTooLargeException => (413, exception.Message, null),
        ForbiddenException => (403, exception.Message, null),
        UnauthorizedException => (401, exception.Message, null),
        BadHttpRequestException { InnerException: JsonException j } => (400, $"请求体不是有效的JSON：{JsonPosition(j)}", new Dictionary<string, string[]> { [j.Path ?? "$"] = ["JSON格式错误"] }),
        BadHttpRequestException b when b.StatusCode == 413 => (413, "请求内容超过允许的大小。", null),
        BadHttpRequestException b => (b.StatusCode, $"请求参数有误：{ParameterOf(b)}", null),
        JsonException j => (400, $"请求体不是有效的JSON：{JsonPosition(j)}", null),
        DbUpdateConcurrencyException => (409, "数据已被他人修改，请刷新后重试。", null),
        Npgsql.PostgresException { SqlState: "40P01" or "40001" } or DbUpdateException { InnerException: Npgsql.PostgresException { SqlState: "40P01" or "40001" } }
            => (409, "数据正被他人同时修改，请稍后重试。", null),
        // The embedded database stayed busy beyond the command timeout (SQLITE_BUSY 5, SQLITE_LOCKED 6): the request met
        // other writers, not a conflicting record, so it is "try again", not 409's "编号重复".
        Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 } or DbUpdateException { InnerException: Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 } }
            => (503, "数据库正忙，请稍后重试。", null),
        DbUpdateException => (409, "保存失败：数据与已有记录冲突（如编号重复）。", null),
        _ => (500, "服务器处理请求时发生错误，请稍后重试或联系管理员。", null),
    };

    private static string JsonPosition(JsonException j) =>
        j.LineNumber is null ? "无法解析" : $"第{j.LineNumber + 1}行第{j.BytePositionInLine + 1}个字符附近（{j.Path}）";

    private static string ParameterOf(BadHttpRequestException b) =>
        b.Message.Contains("JSON", StringComparison.OrdinalIgnoreCase) ? "请求体缺失或不是有效的JSON" :
        b.Message.Contains("parameter", StringComparison.OrdinalIgnoreCase) ? "参数缺失或格式不对（" + ExtractName(b.Message) + "）" : "格式不对";

    private static string ExtractName(string message)
    {
        var start = message.IndexOf('"', StringComparison.Ordinal);
        var end = start < 0 ? -1 : message.IndexOf('"', start + 1);
        return start >= 0 && end > start ? message[(start + 1)..end] : "?";
    }
}
