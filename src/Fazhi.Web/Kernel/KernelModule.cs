using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Access.Identity;
using Fazhi.Web.Kernel.Audit;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Kernel;

/// <summary>What every module stands on: persistence, org tree, users and access, audit, calendar, errors.</summary>
public static class KernelModule
{
    public const string SmartScheme = "fazhi";
    public const string SignInRateLimit = "sign-in";

    public static IServiceCollection AddKernel(this IServiceCollection services, IConfiguration config, string dataDirectory)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        // Razor would otherwise write every Chinese character as a numeric entity.
        services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddScoped<ICurrentUser, HttpCurrentUser>();

        var provider = config["Database:Provider"] ?? "Sqlite";
        var connection = config.GetConnectionString("Fazhi");
        if (string.Equals(provider, "Postgres", StringComparison.OrdinalIgnoreCase))
        {
            if (string.IsNullOrWhiteSpace(connection))
                throw new InvalidOperationException("Database:Provider=Postgres 需要配置 ConnectionStrings:Fazhi（环境变量 ConnectionStrings__Fazhi）。");
            services.AddDbContext<FazhiDb, PostgresFazhiDb>((sp, o) => o.UseNpgsql(connection).AddInterceptors(sp.GetRequiredService<Metrics.MetricWriteInterceptor>())
                .ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, Security.FieldKeyModelCacheKeyFactory>());
        }
        else if (string.Equals(provider, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            connection ??= $"Data Source={Path.Combine(dataDirectory, "fazhi.db")}";
            services.AddDbContext<FazhiDb, SqliteFazhiDb>((sp, o) => o.UseSqlite(connection).AddInterceptors(sp.GetRequiredService<Metrics.MetricWriteInterceptor>())
                .ReplaceService<Microsoft.EntityFrameworkCore.Infrastructure.IModelCacheKeyFactory, Security.FieldKeyModelCacheKeyFactory>());
        }
        else
            throw new InvalidOperationException($"Database:Provider 只能是 Sqlite 或 Postgres（当前为“{provider}”）。");

        services.Configure<Access.SignIn.SignInOptions>(config.GetSection(Access.SignIn.SignInOptions.Section));
        var security = config.GetSection(Access.SignIn.SignInOptions.Section).Get<Access.SignIn.SignInOptions>() ?? new Access.SignIn.SignInOptions();
        // Redirects to the login page are relative (or built from Fazhi:PublicOrigin), never from the request's Host header.
        var publicOrigin = config["Fazhi:PublicOrigin"]?.TrimEnd('/') ?? "";
        // Secure over TLS (the scheme after the trusted X-Forwarded-Proto); Always would make antiforgery throw over plain HTTP.
        services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys"))).SetApplicationName("Fazhi");
        Security.KeyRingEncryption.Add(services); // the cookie keys are written SM4-encrypted with a key of the KeyStore

        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = 0; // PolicyPasswordValidator (Fazhi:Security:Password) reports every rule in Chinese
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<AppRole>()
            .AddEntityFrameworkStores<FazhiDb>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<FazhiClaimsFactory>()
            .AddErrorDescriber<ChineseIdentityErrors>()
            .AddUserManager<Access.Identity.FazhiUserManager>()
            .AddPasswordValidator<Access.Identity.PolicyPasswordValidator>();
        services.AddIdentityFlow(config);
        services.AddScoped<ISecurityStampValidator, SecurityStampValidator<AppUser>>();
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthentication(SmartScheme)
            .AddPolicyScheme(SmartScheme, "Cookie or bearer", o => o.ForwardDefaultSelector = http =>
                http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    // A browser's cookie may read the API (exports, links) but not change anything through it: the API
                    // has no anti-forgery token, so writes need a bearer token, which a forged cross-site request lacks.
                    || (ProblemTitles.IsApi(http) && !HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method))
                    ? BearerTokenDefaults.AuthenticationScheme
                    : IdentityConstants.ApplicationScheme)
            .AddBearerToken(o =>
            {
                o.BearerTokenExpiration = AuthService.TokenLifetime;
                // A token dies with its user's security stamp: deactivation, a new unit or new roles end it at once.
                o.Events.OnMessageReceived = async ctx =>
                {
                    var header = ctx.Request.Headers.Authorization.ToString();
                    if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
                        return;
                    var options = ctx.HttpContext.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<BearerTokenOptions>>()
                        .Get(BearerTokenDefaults.AuthenticationScheme);
                    var ticket = options.BearerTokenProtector.Unprotect(header["Bearer ".Length..].Trim());
                    if (ticket?.Principal is null)
                        return; // the handler itself answers 401
                    var signIn = ctx.HttpContext.RequestServices.GetRequiredService<SignInManager<AppUser>>();
                    ticket.Properties.Items.TryGetValue(Access.SignIn.SessionStore.PropertyKey, out var session);
                    if (!await ctx.HttpContext.RequestServices.GetRequiredService<Access.SignIn.SessionStore>().ValidateAsync(ctx.HttpContext, session, ctx.HttpContext.RequestAborted))
                        ctx.Fail("令牌已撤销或已过期，请重新获取。");
                    else if (await signIn.ValidateSecurityStampAsync(ticket.Principal) is null)
                        ctx.Fail("令牌已失效（用户已停用或权限已变更），请重新获取。");
                };
            })
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.Cookie.Name = "fazhi-auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = security.RequireHttps ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(security.IdleMinutes); // 空闲30分钟自动退出
                o.SlidingExpiration = true;
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.AccessDeniedPath = "/error/403";
                o.Events = new CookieAuthenticationEvents
                {
                    // The session row (sys_sessions) is checked on every request, then the security stamp.
                    OnSigningIn = Access.SignIn.SessionEvents.SigningInAsync,
                    OnValidatePrincipal = Access.SignIn.SessionEvents.ValidatePrincipalAsync,
                    OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized, publicOrigin),
                    OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx, StatusCodes.Status403Forbidden, publicOrigin),
                };
            });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.PlatformAdmin, p => p.RequireRole(Roles.Admin).RequireClaim(FazhiClaims.ScopePath, ""))
            .AddPolicy(Policies.PlatformSecurityAdmin, p => p.RequireRole(Roles.SecurityAdmin).RequireClaim(FazhiClaims.ScopePath, ""))
            .AddPolicy(Policies.PlatformAuditor, p => p.RequireRole(Roles.Auditor).RequireClaim(FazhiClaims.ScopePath, ""));
        // 菜单/按钮权限: every endpoint and page handler declares a permission (RequiresPermission); one handler checks it.
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationPolicyProvider, PermissionPolicyProvider>();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, PermissionHandler>();
        services.Configure<Microsoft.AspNetCore.Mvc.MvcOptions>(o => o.Filters.Add<PermissionPageFilter>());
        services.AddScoped<AccessSync>();
        services.AddScoped<RoleService>();

        services.AddProblemDetails(o => o.CustomizeProblemDetails = ctx =>
        {
            var status = ctx.ProblemDetails.Status ?? ctx.HttpContext.Response.StatusCode;
            ctx.ProblemDetails.Title = ProblemTitles.For(status);
            ctx.ProblemDetails.Extensions["requestId"] = ctx.HttpContext.TraceIdentifier;
        });
        services.AddExceptionHandler<FazhiExceptionHandler>();
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);

        // Behind a reverse proxy the client's address (recorded in the audit and login logs, and what the sign-in limits
        // count) comes from X-Forwarded-For, trusted only from the proxies named in Fazhi:KnownProxies (comma-separated
        // addresses or CIDR networks). With none named the headers are ignored: a client cannot forge its address.
        var (proxies, networks) = KnownProxies(config["Fazhi:KnownProxies"]);
        services.Configure<Microsoft.AspNetCore.Builder.ForwardedHeadersOptions>(o =>
        {
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            o.ForwardedHeaders = proxies.Count + networks.Count == 0 ? Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.None
                : Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            foreach (var p in proxies)
                o.KnownProxies.Add(p);
            foreach (var n in networks)
                o.KnownIPNetworks.Add(n);
        });
        // Sign-in attempts per client address and minute (password guessing; the log would grow with every attempt).
        // Only attempts (POST) count, per client address; an office behind one NAT address shares the allowance.
        var perMinute = config.GetValue("Fazhi:SignInsPerMinute", 60);
        services.AddRateLimiter(o => o.RejectionStatusCode = StatusCodes.Status429TooManyRequests)
            .AddPerAddressFixedWindow(SignInRateLimit, perMinute, TimeSpan.FromMinutes(1));

        services.AddSingleton<CalendarService>();
        services.AddScoped<OrgService>();
        services.AddScoped<UserService>();
        services.AddScoped<AuthService>();
        services.AddScoped<Access.SignIn.SignInGuard>().AddScoped<Access.SignIn.SessionStore>().AddScoped<Access.SignIn.LoginLogService>().AddSingleton<Access.SignIn.CaptchaService>();
        services.AddScoped<AuditService>().AddAuditChain(config, dataDirectory);
        services.AddSingleton<AuditReader>().AddSingleton<IAuditVocabulary, KernelAuditVocabulary>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<Approvals.ApprovalService>().AddSingleton(new NavSection("待办", 50, [new NavItem("待审批", "/approvals", PermissionPolicies.SignedIn)]));
        services.AddScoped<Timers.TimerSync>();
        services.Configure<Timers.DeadlineOptions>(config.GetSection("Deadlines")).AddSingleton<Timers.DeadlinePolicy>();
        if (config.GetValue("Fazhi:Timers:Enabled", true))
            services.AddHostedService<Timers.TimerJob>(); // tests drive TimerJob.RunOnceAsync themselves
        services.AddScoped<OrgSwitcher>();
        services.AddScoped<Metrics.IHomeMetricSource, Metrics.KernelHomeMetrics>();
        services.AddKernelParts(config);
        services.AddSingleton(new Security.KeyStore(new Security.KeyStoreOptions
        {
            Directory = Path.GetFullPath(config["Fazhi:Security:KeyDirectory"] ?? Path.Combine(dataDirectory, "secrets")),
            CreateMissing = config.GetValue<bool?>("Fazhi:Security:CreateMissingKeys") ?? !IsProduction(config),
        }));
        services.AddSingleton<Security.FieldCipher>();
        Metrics.MetricRegistration.AddMetricCache(services);
        return services;
    }

    /// <summary>Whether the host runs as Production. An environment nobody set is Production, as ASP.NET Core itself
    /// decides: a server started without ASPNETCORE_ENVIRONMENT gets the strict defaults (second factor required, no
    /// keys created silently). `dotnet run` in the source tree runs as Development (Properties/launchSettings.json).</summary>
    public static bool IsProduction(IConfiguration config) =>
        string.Equals(config[Microsoft.Extensions.Hosting.HostDefaults.EnvironmentKey] ?? Environments.Production, Environments.Production, StringComparison.OrdinalIgnoreCase);

    private static Task ApiOrRedirect(RedirectContext<CookieAuthenticationOptions> ctx, int status, string publicOrigin)
    {
        if (ProblemTitles.IsApi(ctx.HttpContext))
        {
            ctx.Response.StatusCode = status;
            return Task.CompletedTask;
        }
        // Not ctx.RedirectUri: that is built from the request's Host header, which the client chooses.
        var request = ctx.Request;
        var target = status == StatusCodes.Status401Unauthorized ? ctx.Options.LoginPath : ctx.Options.AccessDeniedPath;
        var back = request.PathBase + request.Path + request.QueryString;
        ctx.Response.Redirect(publicOrigin + request.PathBase + target + QueryString.Create(ctx.Options.ReturnUrlParameter, back.ToString()));
        return Task.CompletedTask;
    }

    /// <summary>Fazhi:KnownProxies: addresses (10.0.0.5) and CIDR networks (10.0.0.0/24); anything else stops the start.</summary>
    public static (List<System.Net.IPAddress> Proxies, List<System.Net.IPNetwork> Networks) KnownProxies(string? value)
    {
        var proxies = new List<System.Net.IPAddress>();
        var networks = new List<System.Net.IPNetwork>();
        foreach (var entry in (value ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            if (entry.Contains('/', StringComparison.Ordinal) && System.Net.IPNetwork.TryParse(entry, out var network))
                networks.Add(network);
            else if (System.Net.IPAddress.TryParse(entry, out var address))
                proxies.Add(address);
            else
                throw new InvalidOperationException($"Fazhi:KnownProxies 中的“{entry}”不是IP地址或CIDR网段（如 10.0.0.5 或 10.0.0.0/24）。");
        return (proxies, networks);
    }

    /// <summary>/openapi and /api/docs: public, or for signed-in users only (Fazhi:Security:PublicApiDocs; default
    /// public except in Production).</summary>
    public static TBuilder DocsAccess<TBuilder>(this TBuilder builder, IConfiguration config, IHostEnvironment env, string why)
        where TBuilder : IEndpointConventionBuilder
    {
        if (config.GetValue<bool?>($"{Access.SignIn.SignInOptions.Section}:PublicApiDocs") ?? !env.IsProduction())
            return builder.AllowPublic(why);
        builder.Finally(DocsSignedIn(why));
        return builder;
    }

    /// <summary>Sign-in for the document and the page; the page's own static scripts (which Scalar marks anonymous and which
    /// hold no data) stay public, declared as such.</summary>
    private static Action<EndpointBuilder> DocsSignedIn(string why) => e =>
    {
        if (e.Metadata.OfType<Microsoft.AspNetCore.Authorization.IAllowAnonymous>().Any())
            e.Metadata.Add(new PublicEndpointAttribute(why + "的静态脚本（不含数据）"));
        else
            e.Metadata.Add(new RequiresPermissionAttribute(PermissionPolicies.SignedIn));
    };

    public static void MapKernel(this RouteGroupBuilder api)
    {
        api.MapAuth();
        api.MapRoles();
        api.MapOrgs();
        api.MapAudit();
        api.MapCalendar();
        Approvals.ApprovalEndpoints.MapApprovals(api);
        api.MapKernelParts();
        Metrics.MetricEndpoints.MapMetrics(api);
    }
}
