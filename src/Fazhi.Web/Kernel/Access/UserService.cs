using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Ids;
using Fazhi.Web.Kernel.Web;
using FluentValidation;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Kernel.Access;

public sealed record UserDto(string Username, string DisplayName, string? OrgCode, string? OrgName, IReadOnlyList<string> Roles,
    bool IsActive, bool IsLockedOut, string? PhoneMasked);

public sealed record SaveUserRequest(string? Username, string? DisplayName, string? OrgCode, IReadOnlyList<string>? Roles,
    string? Password, string? Phone, bool IsActive = true);

/// <summary>用户管理: users, their roles and their org units, within the administrator's own scope.</summary>
public sealed class UserService(FazhiDb db, UserManager<AppUser> users, TimeProvider clock, AccessCatalog catalog,
    SignIn.SignInGuard guard, SignIn.SessionStore sessions,
    Microsoft.Extensions.Options.IOptionsMonitor<Identity.PasswordPolicyOptions> passwordPolicy)
{
    private sealed class Rules : AbstractValidator<SaveUserRequest>
    {
        public Rules(bool creating)
        {
            RuleFor(r => r.Username).NotEmpty().WithMessage("用户名不能为空")
                .Matches("^[A-Za-z0-9._-]{2,32}$").WithMessage("用户名只能由字母、数字和 . _ - 组成，2至32位");
            RuleFor(r => r.DisplayName).PlainName("姓名", 64);
            RuleFor(r => r.Roles).NotEmpty().WithMessage("请至少选择一个角色");
            RuleFor(r => r.Phone).Must(p => string.IsNullOrEmpty(p) || PersonalData.IsMobileOrLandline(p)).WithMessage("电话号码格式不对");
            if (creating)
                RuleFor(r => r.Password).NotEmpty().WithMessage("初始密码不能为空");
        }
    }

    private static readonly Rules CreateRules = new(creating: true);
    private static readonly Rules UpdateRules = new(creating: false);
    private static readonly Rules MachineRules = new(creating: false);

    public async Task<List<UserDto>> ListAsync(string? keyword, CancellationToken ct, string? orgCode = null, string? role = null)
    {
        var query = db.VisibleUsers().AsNoTracking();
        if (!string.IsNullOrEmpty(orgCode))
        {
            var path = await db.OrgUnits.Where(o => o.Code == orgCode).Select(o => o.Path).FirstOrDefaultAsync(ct) ?? "\u0000";
            query = query.Where(u => u.OrgUnit != null && u.OrgUnit.Path.StartsWith(path));
        }
        if (!string.IsNullOrEmpty(role))
            query = query.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        if (!string.IsNullOrWhiteSpace(keyword))
            query = query.Where(u => u.UserName!.Contains(keyword) || u.DisplayName.Contains(keyword));
        var list = await query.OrderBy(u => u.UserName)
            .Select(u => new { u, OrgCode = u.OrgUnit == null ? null : u.OrgUnit.Code, OrgName = u.OrgUnit == null ? null : u.OrgUnit.Name })
            .ToListAsync(ct);
        var ids = list.Select(x => x.u.Id).ToList();
        var roles = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id where ids.Contains(ur.UserId) select new { ur.UserId, r.Name })
            .ToListAsync(ct);
        // 登录受限: locked from some address, or asking for the captcha (SignInGuard); 解锁 lifts both.
        var restricted = await guard.RestrictedAsync([.. list.Select(x => x.u.UserName!)], ct);
        return [.. list.Select(x => new UserDto(x.u.UserName!, x.u.DisplayName, x.OrgCode, x.OrgName,
            [.. roles.Where(r => r.UserId == x.u.Id).Select(r => r.Name!).Order()], x.u.IsActive,
            restricted.Contains(x.u.UserName!), PersonalData.MaskPhone(x.u.PhoneNumber)))];
    }

    public async Task<AppUser> GetAsync(string username, CancellationToken ct) =>
        await db.VisibleUsers().Include(u => u.OrgUnit).FirstOrDefaultAsync(u => u.UserName == username, ct)
        ?? throw new NotFoundException($"用户“{username}”不存在或不在您的数据权限范围内。");

    public async Task<IReadOnlyList<string>> RolesOfAsync(AppUser user) => [.. await users.GetRolesAsync(user)];

    public async Task<AppUser> CreateAsync(SaveUserRequest request, CancellationToken ct, bool machine = false)
    {
        (machine ? MachineRules : CreateRules).ThrowIfInvalid(request);
        RequireKnownRoles(request.Roles);
        var orgId = await ResolveOrgAsync(request.OrgCode, request.Roles, ct);
        var user = new AppUser
        {
            UserName = request.Username,
            DisplayName = request.DisplayName!,
            OrgUnitId = orgId,
            PhoneNumber = string.IsNullOrEmpty(request.Phone) ? null : request.Phone,
            IsActive = request.IsActive,
            LockoutEnabled = true,
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            IsMachine = machine,
            // The administrator chose this password: the user replaces it at the first sign-in.
            MustChangePassword = !machine && passwordPolicy.CurrentValue.ForceChangeAfterReset,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Check(machine ? await users.CreateAsync(user) : await users.CreateAsync(user, request.Password!), "password");
        Check(await users.AddToRolesAsync(user, request.Roles!.Distinct()), "roles");
        await tx.CommitAsync(ct);
        return user;
    }

    public async Task<AppUser> UpdateAsync(string username, SaveUserRequest request, CancellationToken ct)
    {
        UpdateRules.ThrowIfInvalid(request with { Username = username });
        RequireKnownRoles(request.Roles);
        var user = await GetAsync(username, ct);
        var orgId = await ResolveOrgAsync(request.OrgCode, request.Roles, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var scopeChanged = user.OrgUnitId != orgId || user.IsActive != request.IsActive;
        user.DisplayName = request.DisplayName!;
        user.OrgUnitId = orgId;
        user.PhoneNumber = string.IsNullOrEmpty(request.Phone) ? null : request.Phone;
        user.IsActive = request.IsActive;
        Check(await users.UpdateAsync(user), "username");
        var current = await users.GetRolesAsync(user);
        var wanted = request.Roles!.Distinct().ToList();
        Check(await users.RemoveFromRolesAsync(user, current.Except(wanted)), "roles");
        Check(await users.AddToRolesAsync(user, wanted.Except(current)), "roles");
        if (!string.IsNullOrEmpty(request.Password))
        {
            if (user.IsMachine)
                throw FazhiValidationException.For("password", "机器账号没有密码，请重新生成它的密钥。");
            user.MustChangePassword = passwordPolicy.CurrentValue.ForceChangeAfterReset; // an administrator's reset
            Check(await users.RemovePasswordAsync(user), "password");
            Check(await users.AddPasswordAsync(user, request.Password), "password");
        }
        if (scopeChanged || !current.Order().SequenceEqual(wanted.Order()))
            await users.UpdateSecurityStampAsync(user); // sessions pick up the new unit, roles or deactivation
        if (!user.IsActive)
            await sessions.EndAllAsync(user.Id, db.Actor.UserName, "用户停用", ct); // 在线用户 no longer lists them
        await tx.CommitAsync(ct);
        return user;
    }

    public async Task UnlockAsync(string username, CancellationToken ct)
    {
        var user = await GetAsync(username, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await guard.UnlockAsync(user, db.Actor.UserName, ct);
        await tx.CommitAsync(ct);
    }

    private void RequireKnownRoles(IReadOnlyList<string>? roles)
    {
        if (SeparationOfDuties.Conflict(roles) is { } conflict)
            throw FazhiValidationException.For("roles", conflict);
        var unknown = (roles ?? []).Where(r => !catalog.IsRole(r)).ToList();
        if (unknown.Count > 0)
            throw FazhiValidationException.For("roles", $"角色不存在：{string.Join("、", unknown)}");
    }

    private async Task<int?> ResolveOrgAsync(string? code, IReadOnlyList<string>? roles, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(code))
        {
            // No unit means every unit: only for a platform administrator created by another one.
            if (!db.Actor.Scope.IsAll || roles is null || !roles.Any(SeparationOfDuties.Officers.Contains))
                throw FazhiValidationException.For("orgCode", "请选择所属机构（只有平台的系统、安全、审计管理员可以不属于任何机构）");
            return null;
        }
        var unit = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct)
            ?? throw FazhiValidationException.For("orgCode", $"所属机构“{code}”不存在或不在您的数据权限范围内");
        return unit.IsActive ? unit.Id : throw FazhiValidationException.For("orgCode", $"所属机构“{unit.Name}”已停用");
    }

    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded)
            throw new FazhiValidationException(new Dictionary<string, string[]> { [field] = [.. result.Errors.Select(e => e.Description)] });
    }
}
