using Fazhi.Web.Kernel.Orgs;
using Microsoft.AspNetCore.Identity;

namespace Fazhi.Web.Kernel.Access;

/// <summary>用户. The org unit is where the user works; <see cref="ScopeRules"/> turns it into a data scope.</summary>
public sealed class AppUser : IdentityUser<int>
{
    public required string DisplayName { get; set; }

    /// <summary>Null only for the platform administrator, who sees every unit.</summary>
    public int? OrgUnitId { get; set; }

    public OrgUnit? OrgUnit { get; set; }

    public bool IsActive { get; set; } = true;

    public DateTime CreatedAtUtc { get; set; }

    /// <summary>Stored SM4-encrypted (ADR 0009).</summary>
    [Security.Encrypted]
    public override string? PhoneNumber { get => base.PhoneNumber; set => base.PhoneNumber = value; }

    /// <summary>须修改密码: set by an administrator's reset or a generated one-time password; nothing else works until changed.</summary>
    public bool MustChangePassword { get; set; }

    public DateTime? PasswordChangedAtUtc { get; set; }

    /// <summary>机器账号: a department's system that signs in with a client secret, never with a password or TOTP.</summary>
    public bool IsMachine { get; set; }
}

public sealed class AppRole : IdentityRole<int>
{
    public string DisplayName { get; set; } = "";
}
