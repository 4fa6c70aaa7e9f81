using System.Security.Claims;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Orgs;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Fazhi.Web.Kernel.Access;

/// <summary>Adds the user's unit and data-scope path to the sign-in principal (cookie and bearer token alike).</summary>
public sealed class FazhiClaimsFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options, FazhiDb db)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(FazhiClaims.DisplayName, user.DisplayName));
        var roleNames = identity.FindAll(identity.RoleClaimType).Select(c => c.Value).ToList();
        var permissions = await RoleService.PermissionsOfRolesAsync(db, roleNames);
        if (permissions.Count > 0)
            identity.AddClaim(new Claim(PermissionClaims.Type, string.Join(' ', permissions)));
        if (user.OrgUnitId is null)
        {
            // Only the platform administrator works without a unit; anyone else without one sees nothing.
            if (await UserManager.IsInRoleAsync(user, Roles.Admin))
                identity.AddClaim(new Claim(FazhiClaims.ScopePath, ""));
            return identity;
        }
        var unit = await db.Orgs.GetAsync(user.OrgUnitId.Value, CancellationToken.None);
        identity.AddClaim(new Claim(FazhiClaims.OrgUnitId, unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(FazhiClaims.ScopePath, ScopeRules.ScopePathFor(unit.Kind, unit.Path)));
        return identity;
    }
}

/// <summary>密码策略: at least 8 characters from at least 3 of: upper case, lower case, digits, symbols.</summary>
public sealed class ThreeClassPasswordValidator : IPasswordValidator<AppUser>
{
    public static int ClassesIn(string password) =>
        (password.Any(char.IsUpper) ? 1 : 0) + (password.Any(char.IsLower) ? 1 : 0) +
        (password.Any(char.IsDigit) ? 1 : 0) + (password.Any(c => !char.IsLetterOrDigit(c)) ? 1 : 0);

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password) =>
        Task.FromResult(password is not null && password.Length >= 8 && ClassesIn(password) >= 3
            ? IdentityResult.Success
            : IdentityResult.Failed(new IdentityError { Code = "PasswordPolicy", Description = "密码至少8位，且包含大写字母、小写字母、数字、符号中的至少三类" }));
}

/// <summary>Identity's messages in Chinese.</summary>
public sealed class ChineseIdentityErrors : IdentityErrorDescriber
{
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"用户名“{userName}”已被使用" };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = "用户名只能包含字母、数字和 . _ -" };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "原密码不正确" };
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"密码至少{length}位" };
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "操作失败" };
    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = "数据已被他人修改，请刷新后重试" };
    public override IdentityError UserLockoutNotEnabled() => new() { Code = nameof(UserLockoutNotEnabled), Description = "该用户未启用锁定" };
    public override IdentityError DuplicateRoleName(string role) => new() { Code = nameof(DuplicateRoleName), Description = $"角色“{role}”已存在" };
    public override IdentityError UserAlreadyInRole(string role) => new() { Code = nameof(UserAlreadyInRole), Description = $"用户已拥有角色“{role}”" };
}

public static class OrgScopeQueries
{
    /// <summary>Users whose unit lies in the caller's scope (users have no global filter: sign-in must find them).</summary>
    public static IQueryable<AppUser> VisibleUsers(this FazhiDb db)
    {
        var scope = db.Actor.Scope;
        return scope.IsAll ? db.Users : db.Users.Where(u => u.OrgUnit != null && u.OrgUnit.Path.StartsWith(scope.PathPrefix));
    }

    public static IQueryable<OrgUnit> SwitchableUnits(this FazhiDb db) =>
        db.OrgUnits.Where(o => o.IsActive && (o.Kind == OrgKind.Province || o.Kind == OrgKind.City || o.Kind == OrgKind.District));
}
