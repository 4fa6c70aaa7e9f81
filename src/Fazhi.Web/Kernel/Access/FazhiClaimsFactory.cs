using System.Security.Claims;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Orgs;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Fazhi.Web.Kernel.Access;

/// <summary>Adds the user's unit and data-scope path to the sign-in principal (cookie and bearer token alike).</summary>
public sealed class FazhiClaimsFactory(UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options, FazhiDb db,
    IServiceProvider services)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(FazhiClaims.DisplayName, user.DisplayName));
        await Identity.PendingSteps.AddAsync(identity, user, services); // forced password change, second-factor enrolment
        var roleNames = identity.FindAll(identity.RoleClaimType).Select(c => c.Value).ToList();
        var permissions = await RoleService.PermissionsOfRolesAsync(db, roleNames);
        if (permissions.Count > 0)
            identity.AddClaim(new Claim(PermissionClaims.Type, string.Join(' ', permissions)));
        if (user.OrgUnitId is null)
        {
            // Only the platform administrator works without a unit; anyone else without one sees nothing.
            if (roleNames.Any(SeparationOfDuties.Officers.Contains))
                identity.AddClaim(new Claim(FazhiClaims.ScopePath, ""));
            return identity;
        }
        var unit = await db.Orgs.GetAsync(user.OrgUnitId.Value, CancellationToken.None);
        identity.AddClaim(new Claim(FazhiClaims.OrgUnitId, unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        identity.AddClaim(new Claim(FazhiClaims.ScopePath, ScopeRules.ScopePathFor(unit.Kind, unit.Path)));
        return identity;
    }
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
