namespace Fazhi.Web.Kernel.Web;

/// <summary>Security headers on every answer: no framing, no MIME sniffing, scripts only from this origin.</summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    private const string Csp =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>The API reference page (Scalar) starts itself with an inline module script.</summary>
    private const string DocsCsp = "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public Task InvokeAsync(HttpContext http, Microsoft.Extensions.Options.IOptionsMonitor<Access.SignIn.SignInOptions> security)
    {
        // HSTS (RFC 6797) whenever served over TLS (the scheme after the trusted X-Forwarded-Proto) or told to require it.
        var hsts = http.Request.IsHttps || security.CurrentValue.RequireHttps;
        http.Response.OnStarting(() =>
        {
            var h = http.Response.Headers;
            h.ContentSecurityPolicy = http.Request.Path.StartsWithSegments("/api/docs", StringComparison.OrdinalIgnoreCase) ? DocsCsp : Csp;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "same-origin";
            h["Cross-Origin-Opener-Policy"] = "same-origin";
            if (hsts)
                h.StrictTransportSecurity = "max-age=31536000";
            return Task.CompletedTask;
        });
        return next(http);
    }
}
