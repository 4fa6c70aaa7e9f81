using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Kernel.Access;

public sealed record PermissionDto(string Code, string Name, bool Read);

public sealed record PermissionGroupDto(string Module, string Name, IReadOnlyList<PermissionDto> Permissions);

public sealed record RoleDto(string Code, string Name, string Description, int Members, IReadOnlyList<string> Permissions);

public sealed record SetPermissionsRequest(IReadOnlyList<string>? Permissions);

/// <summary>
/// 角色管理: the permission tree and what each role holds. Only the platform administrator changes a role (roles are
/// shared by every unit). A change ends the sessions and tokens of the role's users at once (their security stamp),
/// so nobody keeps a permission that was taken away.
/// </summary>
public sealed class RoleService(FazhiDb db, AccessCatalog catalog, UserManager<AppUser> users)
{
    public IReadOnlyList<PermissionGroupDto> Tree() =>
        [.. catalog.Modules.Select(m => new PermissionGroupDto(m.Code, m.Name,
            [.. m.Permissions.Select(p => new PermissionDto(p.Code, p.Name, p.Kind == PermissionKind.Read))]))];

    public async Task<IReadOnlyList<RoleDto>> ListAsync(CancellationToken ct)
    {
        var roles = await db.Roles.AsNoTracking().ToListAsync(ct);
        var held = await db.RolePermissions.AsNoTracking().ToListAsync(ct);
        var members = await (from ur in db.UserRoles
                             join u in db.VisibleUsers() on ur.UserId equals u.Id
                             group ur by ur.RoleId into g
                             select new { RoleId = g.Key, Count = g.Count() }).ToListAsync(ct);
        var order = catalog.Roles.Select((role, i) => (role.Code, i)).ToDictionary(x => x.Code, x => x.i);
        return [.. roles.Where(r => catalog.IsRole(r.Name!))
            .OrderBy(r => order[r.Name!])
            .Select(r => new RoleDto(r.Name!, catalog.RoleName(r.Name!), catalog.RoleDescription(r.Name!),
                members.FirstOrDefault(m => m.RoleId == r.Id)?.Count ?? 0,
                [.. held.Where(h => h.RoleId == r.Id).Select(h => h.Permission).Where(catalog.IsPermission).Order(StringComparer.Ordinal)]))];
    }

    public async Task<RoleDto> GetAsync(string code, CancellationToken ct) =>
        (await ListAsync(ct)).FirstOrDefault(r => r.Code == code) ?? throw new NotFoundException($"角色“{code}”不存在。");

    public async Task<RoleDto> SetPermissionsAsync(string code, SetPermissionsRequest request, CancellationToken ct)
    {
        if (!db.Actor.Scope.IsAll)
            throw new ForbiddenException("角色由平台管理员统一分配权限。");
        var role = await db.Roles.FirstOrDefaultAsync(r => r.Name == code, ct);
        if (role is null || !catalog.IsRole(code))
            throw new NotFoundException($"角色“{code}”不存在。");
        var wanted = (request.Permissions ?? []).Distinct(StringComparer.Ordinal).ToList();
        var unknown = wanted.Where(p => !catalog.IsPermission(p)).ToList();
        if (unknown.Count > 0)
            throw FazhiValidationException.For("permissions", $"权限不存在：{string.Join("、", unknown)}");
        if (code == Roles.SecurityAdmin && !wanted.Contains(SystemPermissions.RoleEdit))
            throw FazhiValidationException.For("permissions", "安全管理员角色必须保留“角色管理：分配权限”，否则无人能再分配权限。");
        var reserved = wanted.Where(p => !SeparationOfDuties.MayHold(code, p)).ToList();
        if (reserved.Count > 0)
            throw FazhiValidationException.For("permissions",
                $"三员分立：{string.Join("、", reserved.Select(p => catalog.Permission(p)!.Name))}只能授予{SeparationOfDuties.OfficerName(SeparationOfDuties.ReservedFor(reserved[0])!)}。");

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var current = await db.RolePermissions.Where(p => p.RoleId == role.Id).ToListAsync(ct);
        db.RolePermissions.RemoveRange(current.Where(p => !wanted.Contains(p.Permission)));
        db.RolePermissions.AddRange(wanted.Except(current.Select(p => p.Permission)).Select(p => new RolePermission { RoleId = role.Id, Permission = p }));
        await db.SaveChangesAsync(ct);
        var members = await db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == role.Id)).ToListAsync(ct);
        foreach (var member in members)
            await users.UpdateSecurityStampAsync(member);
        await tx.CommitAsync(ct);
        return await GetAsync(code, ct);
    }

    /// <summary>The permissions held through the given roles (for the sign-in principal).</summary>
    public static async Task<IReadOnlyList<string>> PermissionsOfRolesAsync(FazhiDb db, IReadOnlyCollection<string> roles) =>
        await (from p in db.RolePermissions
               join r in db.Roles on p.RoleId equals r.Id
               where roles.Contains(r.Name!)
               select p.Permission).Distinct().OrderBy(p => p).ToListAsync();
}

/// <summary>
/// Start-up: creates every declared role that is missing, and grants each permission seen for the first time to the
/// roles that hold it by default. A permission already known is left as the administrator set it.
/// </summary>
public sealed class AccessSync(FazhiDb db, AccessCatalog catalog, RoleManager<AppRole> roles, TimeProvider clock)
{
    public async Task SyncAsync(CancellationToken ct)
    {
        foreach (var role in catalog.Roles)
        {
            var existing = await roles.FindByNameAsync(role.Code);
            if (existing is null)
            {
                // A role that lands after its permissions (安全管理员, 审计管理员 on an existing database) gets its defaults.
                var created = new AppRole { Name = role.Code, DisplayName = role.Name };
                Ensure(await roles.CreateAsync(created));
                var seen = await db.KnownPermissions.Select(p => p.Code).ToListAsync(ct);
                db.RolePermissions.AddRange(catalog.Permissions.Where(p => seen.Contains(p.Code) && catalog.IsDefault(role.Code, p))
                    .Select(p => new RolePermission { RoleId = created.Id, Permission = p.Code }));
                await db.SaveChangesAsync(ct);
            }
            else if (existing.DisplayName != role.Name)
            {
                existing.DisplayName = role.Name;
                Ensure(await roles.UpdateAsync(existing));
            }
        }
        // 三员分立: a permission reserved for one officer is taken from any other role that still holds it (a database
        // from before the separation gave the 系统管理员 users, roles and the audit log).
        var officerPermissions = SeparationOfDuties.SecurityPermissions.Concat(SeparationOfDuties.AuditPermissions).ToList();
        var misplaced = await (from p in db.RolePermissions
                               join r in db.Roles on p.RoleId equals r.Id
                               where officerPermissions.Contains(p.Permission)
                               select new { p, r.Name }).ToListAsync(ct);
        db.RolePermissions.RemoveRange(misplaced.Where(x => !SeparationOfDuties.MayHold(x.Name!, x.p.Permission)).Select(x => x.p));
        await db.SaveChangesAsync(ct);
        var known = (await db.KnownPermissions.Select(p => p.Code).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var fresh = catalog.Permissions.Where(p => !known.Contains(p.Code)).ToList();
        if (fresh.Count == 0)
            return;
        var roleIds = await db.Roles.Where(r => r.Name != null).ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var permission in fresh)
        {
            db.KnownPermissions.Add(new KnownPermission { Code = permission.Code, FirstSeenUtc = now });
            foreach (var role in catalog.Roles.Where(r => catalog.IsDefault(r.Code, permission)))
                db.RolePermissions.Add(new RolePermission { RoleId = roleIds[role.Code], Permission = permission.Code });
        }
        await db.SaveChangesAsync(ct);
    }

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join("；", result.Errors.Select(e => e.Description)));
    }
}
