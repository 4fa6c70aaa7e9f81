using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Fazhi.Web.Kernel.Access.Identity;

/// <summary>
/// 密码策略 (<c>Fazhi:Security:Password:*</c>). GB/T 22239-2019 8.1.4.1 a) asks that 身份鉴别信息具有复杂度要求并定期更换;
/// OWASP ASVS 4.0 (V2.1.10) and NIST SP 800-63B 5.1.1.2 advise against forced periodic rotation and for refusing
/// common passwords instead. So: length, character classes, a list of common passwords and the history are on by
/// default; the maximum age is off (0) and an assessor who asks for it gets it with one key.
/// </summary>
public sealed class PasswordPolicyOptions
{
    public const string Section = "Fazhi:Security:Password";

    public int MinLength { get; set; } = 10;

    /// <summary>How many of the four classes (upper case, lower case, digits, symbols) a password needs.</summary>
    public int MinClasses { get; set; } = 3;

    /// <summary>The last N passwords (the current one included) may not be chosen again; stored as hashes.</summary>
    public int History { get; set; } = 5;

    /// <summary>Days after which a password must be changed; 0 = never (the default, see the class comment).</summary>
    public int MaxAgeDays { get; set; }

    /// <summary>A bureau's own list of refused passwords (one a line), besides the shipped one.</summary>
    public string? CommonListFile { get; set; }

    /// <summary>A password an administrator set (a new account, a reset) must be changed at the next sign-in.</summary>
    public bool ForceChangeAfterReset { get; set; } = true;
}

/// <summary>The shipped list of common passwords (Kernel/Access/Identity/common-passwords.txt) plus the configured one,
/// compared case-insensitively with common substitutions undone (P@ssw0rd is password).</summary>
public sealed class CommonPasswords
{
    private readonly HashSet<string> _set;

    public CommonPasswords(IOptions<PasswordPolicyOptions> options)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Fazhi.Web.common-passwords.txt")
            ?? throw new InvalidOperationException("common-passwords.txt is not embedded");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
            lines.Add(line);
        if (options.Value.CommonListFile is { Length: > 0 } file)
            lines.AddRange(File.ReadAllLines(file, Encoding.UTF8));
        _set = [.. lines.Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(Normalise)];
    }

    public int Count => _set.Count;

    public bool Contains(string password) => _set.Contains(Normalise(password));

    public static string Normalise(string password)
    {
        var chars = password.Trim().ToLowerInvariant().ToCharArray();
        for (var i = 0; i < chars.Length; i++)
            chars[i] = chars[i] switch { '@' => 'a', '0' => 'o', '1' => 'l', '$' => 's', '3' => 'e', var c => c };
        return new string(chars);
    }
}

/// <summary>Length, classes, the common list, the user name and the history, each refusal in Chinese.</summary>
public sealed class PolicyPasswordValidator(IOptionsMonitor<PasswordPolicyOptions> options, CommonPasswords common) : IPasswordValidator<AppUser>
{
    public static int ClassesIn(string password) =>
        (password.Any(char.IsUpper) ? 1 : 0) + (password.Any(char.IsLower) ? 1 : 0) +
        (password.Any(char.IsDigit) ? 1 : 0) + (password.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0);

    public static string Describe(PasswordPolicyOptions o) =>
        $"密码至少{o.MinLength}位，且包含大写字母、小写字母、数字、符号中的至少{o.MinClasses}类；不能是常见弱口令，不能包含用户名" +
        (o.History > 0 ? $"，不能与最近{o.History}次使用过的密码相同" : "") + "。";

    public async Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        var o = options.CurrentValue;
        var errors = new List<IdentityError>();
        void Refuse(string code, string text) => errors.Add(new IdentityError { Code = code, Description = text });
        password ??= "";
        if (password.Length < o.MinLength)
            Refuse("PasswordTooShort", $"密码至少{o.MinLength}位");
        if (ClassesIn(password) < o.MinClasses)
            Refuse("PasswordClasses", $"密码须包含大写字母、小写字母、数字、符号中的至少{o.MinClasses}类");
        if (common.Contains(password))
            Refuse("PasswordCommon", "该密码是常见弱口令，容易被猜中，请换一个");
        if (user.UserName is { Length: >= 3 } name && password.Contains(name, StringComparison.OrdinalIgnoreCase))
            Refuse("PasswordHasUserName", "密码不能包含用户名");
        if (errors.Count == 0 && o.History > 0 && await PasswordHistory.WasUsedAsync(manager, user, password, o.History))
            Refuse("PasswordReused", $"新密码不能与最近{o.History}次使用过的密码相同");
        return errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]);
    }
}

/// <summary>The hashes of a user's earlier passwords, newest first, kept as one user token (not in the audit log).</summary>
public static class PasswordHistory
{
    public static async Task<List<string>> ReadAsync(UserManager<AppUser> manager, AppUser user) =>
        user.Id == 0 ? [] :
        await manager.GetAuthenticationTokenAsync(user, UserSecrets.Provider, UserSecrets.PasswordHistory) is { Length: > 0 } json
            ? JsonSerializer.Deserialize<List<string>>(json) ?? [] : [];

    /// <summary>Whether the password is the current one or one of the earlier ones within the last <paramref name="depth"/>.</summary>
    public static async Task<bool> WasUsedAsync(UserManager<AppUser> manager, AppUser user, string password, int depth)
    {
        var hashes = new List<string>();
        if (user.PasswordHash is { } current)
            hashes.Add(current);
        hashes.AddRange(await ReadAsync(manager, user));
        return hashes.Take(depth).Any(h => manager.PasswordHasher.VerifyHashedPassword(user, h, password) != PasswordVerificationResult.Failed);
    }

    public static string Push(List<string> history, string oldHash, int keep) =>
        JsonSerializer.Serialize(new[] { oldHash }.Concat(history).Take(Math.Max(keep - 1, 0)).ToList());
}
