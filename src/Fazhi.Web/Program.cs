using Fazhi.Web;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Kernel.Modules;
using Fazhi.Web.Modules;
using Scalar.AspNetCore;
using Serilog;

var command = args.Length > 0 && !args[0].StartsWith('-') && !args[0].Contains('=') ? args[0] : null;
var builder = WebApplication.CreateBuilder(args);
var dataDirectory = Path.GetFullPath(builder.Configuration["Fazhi:DataDirectory"] ?? Path.Combine(builder.Environment.ContentRootPath, "data"));
Fazhi.Web.Kernel.Security.PrivateFiles.EnsureDirectory(dataDirectory); // 0700: the database, keys and attachments

builder.Services.AddSerilog((services, log) => log
    .ReadFrom.Configuration(builder.Configuration)
    .MinimumLevel.Information()
    .MinimumLevel.Override("Microsoft.AspNetCore", Serilog.Events.LogEventLevel.Warning)
    .MinimumLevel.Override("Microsoft.EntityFrameworkCore", Serilog.Events.LogEventLevel.Warning)
    .Enrich.FromLogContext()
    .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {RequestId} {Message:lj}{NewLine}{Exception}")
    .WriteTo.FazhiLogFiles(builder.Configuration, dataDirectory)); // rolling files kept ≥ 180 days (网络安全法 第二十一条)

builder.Services.AddKernel(builder.Configuration, dataDirectory);
builder.Services.AddModules(FazhiModules.All, builder.Configuration);
builder.Services.AddRazorPages(o =>
{
    o.RootDirectory = "/";
    o.Conventions.AddPageApplicationModelConvention("/Kernel/Access/Pages/Login",
        m => m.EndpointMetadata.Add(new Microsoft.AspNetCore.RateLimiting.EnableRateLimitingAttribute(KernelModule.SignInRateLimit)));
});
builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
{
    doc.Info.Title = "法治 Fazhi API";
    doc.Info.Description = "司法行政综合管理平台接口。认证：POST /api/v1/auth/token 取得令牌后以 Authorization: Bearer 调用。错误以 RFC 7807 problem details 返回。";
    doc.Info.Version = "v1";
    return Task.CompletedTask;
}));

var app = builder.Build();

if (command is not null and not "run")
    return await FazhiCommands.RunAsync(app, command);

app.UseForwardedHeaders();
app.UseFazhiRequestLogging(); // outside the exception handler: logs the status the client receives
app.UseMiddleware<Fazhi.Web.Kernel.Audit.AccessAudit>(); // downloads and refusals into the 操作日志, as answered
app.UseExceptionHandler(FazhiExceptionHandler.Options("/error")); // refusals logged as warnings, faults as errors
app.UseStatusCodePagesWithReExecute("/error/{0}");
app.UseMiddleware<SecurityHeaders>();
app.UseStaticFiles();
app.UseRouting();
app.UseAuthentication();
app.UseMiddleware<Fazhi.Web.Kernel.Access.Identity.PendingStepGate>(); // forced password change, second-factor enrolment
app.UseAuthorization();
app.UseRateLimiter();

app.MapGet("/healthz", () => Results.Ok(new { status = "ok" })).AllowPublic("存活探测").ExcludeFromDescription();
app.MapGet("/readyz", async (FazhiDb db, CancellationToken ct) => await db.Database.CanConnectAsync(ct)
    ? Results.Ok(new { status = "ready" })
    : Results.Problem(title: "数据库不可用", statusCode: 503)).AllowPublic("就绪探测").ExcludeFromDescription();
app.MapOpenApi("/openapi/{documentName}.json").DocsAccess(app.Configuration, app.Environment, "接口说明（OpenAPI）");
// 接口文档 works offline (government networks have none): the bundled script, no web fonts, no telemetry, a link home.
// No "Ask AI" agent, MCP or client-generator buttons: each calls scalar.com, which a government network cannot reach.
app.MapScalarApiReference("/api/docs", o => o.WithTitle("法治 Fazhi API").DisableDefaultFonts().DisableTelemetry().DisableAgent().DisableMcp().HideClientButton()
    .AddHeaderContent("<a href=\"/\" style=\"display:block;padding:8px 16px;background:#1f3a5f;color:#fff;text-decoration:none\">← 返回 法治 · 司法行政综合管理平台</a>"))
    .DocsAccess(app.Configuration, app.Environment, "接口文档页面");

var api = app.MapGroup("/api/v1");
api.MapKernel();
api.MapModules(FazhiModules.All);
app.MapRazorPages();

try
{
    await FazhiCommands.InitialiseAsync(app, dataDirectory);
}
catch (Exception e) when (e is Fazhi.Web.Kernel.Security.StartupRefusedException or Fazhi.Web.Kernel.Security.KeyMissingException
                           && System.Reflection.Assembly.GetEntryAssembly() == typeof(Program).Assembly) // a host that loaded us (a test) gets the exception
{
    await Console.Error.WriteLineAsync("法治 Fazhi 未启动：" + e.Message);
    return 1;
}
await app.RunAsync();
return 0;

/// <summary>Exposed so that WebApplicationFactory can host the app in tests.</summary>
public partial class Program;
