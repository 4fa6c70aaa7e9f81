using Fazhi.Web.Kernel.Web;

namespace Fazhi.Web.Kernel.Access.Identity;

/// <summary>Password policy, forced change, second factors (TOTP, SM2), machine accounts: services and endpoints.</summary>
public static class IdentityModule
{
    public static IServiceCollection AddIdentityFlow(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<PasswordPolicyOptions>(config.GetSection(PasswordPolicyOptions.Section));
        services.AddSingleton<CommonPasswords>();
        services.AddSingleton(new TwoFactorPolicy(config.GetValue<bool?>(TwoFactorPolicy.Key)
            ?? KernelModule.IsProduction(config)));
        services.AddScoped<UserTokens>();
        services.AddScoped<TwoFactorService>();
        services.AddOptions<Sm3OtpOptions>().Bind(config.GetSection(Sm3OtpOptions.Section))
            .Validate(o => o.StepSeconds is >= 1 and <= Sm3Otp.MaxStepSeconds, $"{Sm3OtpOptions.Section}:StepSeconds 须为 1–60 秒（GB/T 38556）")
            .Validate(o => o.Digits is >= Sm3Otp.MinDigits and <= Sm3Otp.MaxDigits, $"{Sm3OtpOptions.Section}:Digits 须为 6–10 位")
            .ValidateOnStart();
        services.AddScoped<Sm3TokenService>();
        services.AddScoped<Sm2LoginService>();
        services.AddScoped<MachineAccountService>();
        services.AddScoped<SignInFlow>();
        services.AddScoped<SelfServicePassword>();
        SignInFlow.AddPendingCookie(services.AddAuthentication());
        return services;
    }

    public static void MapIdentityFlow(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("认证");
        auth.MapPost("/challenge", (ChallengeRequest request, Sm2LoginService sm2) => sm2.ChallengeAsync(request.Username))
            .AllowPublic("SM2证书登录：取挑战码").RequireRateLimiting(KernelModule.SignInRateLimit)
            .WithSummary("SM2证书登录第一步：取挑战码（32字节随机数，2分钟内有效，只能使用一次）");
        auth.MapPost("/sm2", async (Sm2TokenRequest request, AuthService authService, Sm2LoginService sm2, CancellationToken ct) =>
            {
                var (outcome, user) = await authService.CheckAsync(request.Username, request.Password, ct);
                if (outcome != SignInOutcome.Succeeded)
                    throw new UnauthorizedException(authService.Message(outcome));
                if (await sm2.VerifyAsync(user!, request.ChallengeId, request.Signature) is { } refusal)
                    throw new UnauthorizedException(refusal);
                return await authService.IssueTokenForAsync(user!, ct);
            })
            .AllowPublic("SM2证书登录：口令加挑战码签名换取令牌").RequireRateLimiting(KernelModule.SignInRateLimit)
            .WithSummary("SM2证书登录第二步：用户名、密码和USB Key对挑战码的SM2签名（base64，DER）换取访问令牌");

        var machines = api.MapGroup("/machine-accounts").WithTags("用户管理");
        machines.MapPost("/", async (MachineAccountRequest request, MachineAccountService svc, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/users/{request.Username}", await svc.CreateAsync(request, ct)))
            .RequirePermission(SystemPermissions.UserEdit)
            .WithSummary("新建机器账号（部门对接系统）：返回 clientId 和 clientSecret，密钥只显示这一次");
        machines.MapPost("/{username}/secret", (string username, MachineAccountService svc, CancellationToken ct) => svc.RenewAsync(username, ct))
            .RequirePermission(SystemPermissions.UserEdit).WithSummary("重新生成机器账号密钥（旧密钥及其令牌随即失效）");

        api.MapPost("/users/{username}/two-factor/reset", async (string username, UserService users, TwoFactorService factors, CancellationToken ct) =>
            {
                await factors.ResetAsync(await users.GetAsync(username, ct), ct);
                return TypedResults.NoContent();
            })
            .RequirePermission(SystemPermissions.UserEdit).WithTags("用户管理")
            .WithSummary("重置用户的双因素认证（手机或USB Key遗失）：下次登录时重新绑定");

        api.MapPost("/users/{username}/sm3-token", async (string username, Sm3TokenRequest request, UserService users, Sm3TokenService sm3, CancellationToken ct) =>
                await sm3.BindTokenAsync(await users.GetAsync(username, ct), request, ct))
            .RequirePermission(SystemPermissions.UserEdit).WithTags("用户管理")
            .WithSummary("为用户绑定国密动态令牌（GB/T 38556 SM3）：序列号 serial、厂商种子密钥 seed（十六进制，至少128位），可附令牌当前口令 code 以核对种子；已有令牌的换成新令牌");
        api.MapDelete("/users/{username}/sm3-token", async (string username, UserService users, Sm3TokenService sm3, CancellationToken ct) =>
            {
                if (!await sm3.UnbindTokenAsync(await users.GetAsync(username, ct), ct))
                    throw new NotFoundException($"用户“{username}”未绑定国密动态令牌。");
                return TypedResults.NoContent();
            })
            .RequirePermission(SystemPermissions.UserEdit).WithTags("用户管理")
            .WithSummary("解除用户的国密动态令牌（令牌交回或遗失）");
    }

    /// <summary>Second factor for a bearer token (<c>code</c>): required when the user has one, or the policy applies.</summary>
    public static async Task RequireSecondFactorForTokenAsync(IServiceProvider services, AppUser user, string? code, CancellationToken ct)
    {
        var factors = services.GetRequiredService<TwoFactorService>();
        if (await factors.HasCodeFactorAsync(user))
        {
            if (string.IsNullOrWhiteSpace(code))
                throw FazhiValidationException.For("code", "该账号已启用双因素认证：请同时提交动态口令（code）");
            var check = await factors.VerifyAsync(user, code, ct);
            if (check != CodeCheck.Accepted)
                throw new UnauthorizedException(TwoFactorMessages.For(check));
            return;
        }
        if (services.GetRequiredService<TwoFactorPolicy>().AppliesTo(user))
            throw new ForbiddenException(await factors.HasSm2KeyAsync(user)
                ? "该账号使用SM2证书登录：请通过 /api/v1/auth/challenge 和 /api/v1/auth/sm2 获取令牌。"
                : "按安全策略须使用双因素认证：请先登录网页在个人中心绑定动态口令。");
    }
}

public static class TwoFactorMessages
{
    public static string For(CodeCheck check) => check switch
    {
        CodeCheck.Replayed => "该动态口令已使用过，请等待下一个口令。",
        CodeCheck.LockedOut => AuthService.MessageFor(SignInOutcome.LockedOut),
        _ => "动态口令或恢复码不正确。",
    };
}
