using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace Fazhi.Web.Kernel.Web;

/// <summary>The one way a rate limit is declared here: attempts (POSTs) per client address in a fixed window; reads are
/// never limited. The address is the one after <c>UseForwardedHeaders</c>: X-Forwarded-For is believed only from the
/// proxies named in <c>Fazhi:KnownProxies</c> (<see cref="KernelModule"/>), so a client cannot choose its own partition.
/// An office behind one NAT address shares the allowance. A refused attempt is answered 429 (problem details).</summary>
public static class RateLimits
{
    /// <summary>Adds the named policy (<c>.RequireRateLimiting(policyName)</c> on an endpoint, <c>[EnableRateLimiting]</c>
    /// on a page): at most <paramref name="permitLimit"/> POSTs per client address per <paramref name="window"/>.</summary>
    public static IServiceCollection AddPerAddressFixedWindow(this IServiceCollection services, string policyName, int permitLimit, TimeSpan window)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(policyName);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(permitLimit);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        services.Configure<RateLimiterOptions>(o => o.AddPolicy(policyName, http => PostsPerAddress(http, permitLimit, window)));
        return services;
    }

    /// <summary>The partition of one request: no limiter for reads, a fixed window per client address for POSTs.</summary>
    public static RateLimitPartition<string> PostsPerAddress(HttpContext http, int permitLimit, TimeSpan window) =>
        !HttpMethods.IsPost(http.Request.Method)
            ? RateLimitPartition.GetNoLimiter("read")
            : RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "local",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permitLimit, Window = window });
}
