using Serilog;
using Serilog.Events;

namespace Fazhi.Web.Kernel.Web;

/// <summary>
/// One line per request, with the status the client received. The request log sits outside the exception handler:
/// inside it, an exception on its way out (a batch refused with 400/403/413, say) was logged as 500 before the
/// handler turned it into the mapped problem details. Outside, it sees the answer as sent (and a real 500 as 500;
/// the exception itself is logged by <see cref="FazhiExceptionHandler"/>).
/// </summary>
public static class RequestLog
{
    public static IApplicationBuilder UseFazhiRequestLogging(this IApplicationBuilder app) =>
        app.UseSerilogRequestLogging(o => o.GetLevel = Level);

    /// <summary>Errors for 5xx; static files (answered before routing, so without an endpoint) below the log's
    /// minimum level, as before the request log moved ahead of the static-file middleware.</summary>
    public static LogEventLevel Level(HttpContext http, double elapsedMs, Exception? exception) =>
        exception is not null || http.Response.StatusCode >= 500 ? LogEventLevel.Error
        : http.Response.StatusCode < 400 && http.GetEndpoint() is null ? LogEventLevel.Debug
        : LogEventLevel.Information;
}
