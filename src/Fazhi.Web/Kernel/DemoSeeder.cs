using System.Security.Cryptography;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Orgs;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Kernel;

/// <summary>A module's demo data (示例数据), seeded on a demo database (one whose demo org tree exists) whenever the
/// module's tables are empty: with the demo org tree on a first start, or on the first start after the module lands.</summary>
public interface IDemoDataSource
{
    /// <summary>Whether the module already has data (its own demo data or anyone's): then nothing is seeded.</summary>
    Task<bool> IsSeededAsync(CancellationToken ct);

    Task SeedAsync(CancellationToken ct);
}

/// <summary>First-start data: the roles, the built-in <c>admin</c>, and (unless disabled) a demo org tree with
/// demo users: 山东省 → 威海市 (环翠区, 荣成市) and 青岛市 (崂山区); 天津市 → 河东区 to show isolation.</summary>
public sealed class DemoSeeder(FazhiDb db, UserManager<AppUser> users, TimeProvider clock, AccessSync access,
    IEnumerable<Modules.ModuleManifest> manifests, IEnumerable<IDemoDataSource> demoSources)
{
    public sealed record SeededLogin(string Username, string DisplayName, string Password, string Unit);

    /// <summary>机构全称 of the demo regions and bureaus, as their documents are signed: a district's government carries
    /// its city's name (威海市环翠区人民政府), a county-level city's does not (荣成市人民政府). Units not listed sign
    /// with their name.</summary>
    private static readonly Dictionary<string, string> OfficialNames = new()
    {
        ["370000"] = "山东省人民政府", ["370000-SFT"] = "山东省司法厅",
        ["371000"] = "威海市人民政府", ["371000-SFJ"] = "威海市司法局",
        ["371002"] = "威海市环翠区人民政府", ["371002-SFJ"] = "环翠区司法局",
        ["371002001"] = "威海市环翠区人民政府鲸园街道办事处", ["371002002"] = "威海市环翠区人民政府环翠楼街道办事处",
        ["371002003"] = "威海市环翠区人民政府竹岛街道办事处",
        ["371082"] = "荣成市人民政府", ["371082-SFJ"] = "荣成市司法局",
        ["371082001"] = "荣成市人民政府崖头街道办事处", ["371082104"] = "荣成市俚岛镇人民政府",
        ["370200"] = "青岛市人民政府", ["370200-SFJ"] = "青岛市司法局",
        ["370212"] = "青岛市崂山区人民政府", ["370212-SFJ"] = "崂山区司法局",
        ["120000"] = "天津市人民政府", ["120000-SFJ"] = "天津市司法局",
        ["120102"] = "天津市河东区人民政府", ["120102-SFJ"] = "河东区司法局",
    };

    // (code, name, kind, parent code)
    private static readonly (string Code, string Name, OrgKind Kind, string? Parent)[] Tree =
    [
        ("370000", "山东省", OrgKind.Province, null),
        ("370000-SFT", "山东省司法厅", OrgKind.JusticeBureau, "370000"),
        ("371000", "威海市", OrgKind.City, "370000"),
        ("371000-SFJ", "威海市司法局", OrgKind.JusticeBureau, "371000"),
        ("371002", "环翠区", OrgKind.District, "371000"),
        ("371002-SFJ", "环翠区司法局", OrgKind.JusticeBureau, "371002"),
        ("371002-GGFW", "环翠区公共法律服务中心", OrgKind.LegalServiceCenter, "371002"),
        ("371002-SCJG", "环翠区市场监督管理局", OrgKind.EnforcementDepartment, "371002"),
        ("371002-ZHZF", "环翠区综合行政执法局", OrgKind.EnforcementDepartment, "371002"),
        ("371002-STHJ", "威海市生态环境局环翠分局", OrgKind.EnforcementDepartment, "371002"),
        ("371002001", "鲸园街道", OrgKind.Town, "371002"),
        ("371002001-SFS", "鲸园司法所", OrgKind.JusticeOffice, "371002001"),
        ("371002002", "环翠楼街道", OrgKind.Town, "371002"),
        ("371002002-SFS", "环翠楼司法所", OrgKind.JusticeOffice, "371002002"),
        ("371002003", "竹岛街道", OrgKind.Town, "371002"),
        ("371002003-SFS", "竹岛司法所", OrgKind.JusticeOffice, "371002003"),
        ("371082", "荣成市", OrgKind.District, "371000"),
        ("371082-SFJ", "荣成市司法局", OrgKind.JusticeBureau, "371082"),
        ("371082-SCJG", "荣成市市场监督管理局", OrgKind.EnforcementDepartment, "371082"),
        ("371082-ZHZF", "荣成市综合行政执法局", OrgKind.EnforcementDepartment, "371082"),
        ("371082001", "崖头街道", OrgKind.Town, "371082"),
        ("371082001-SFS", "崖头司法所", OrgKind.JusticeOffice, "371082001"),
        ("371082104", "俚岛镇", OrgKind.Town, "371082"),
        ("371082104-SFS", "俚岛司法所", OrgKind.JusticeOffice, "371082104"),
        ("370200", "青岛市", OrgKind.City, "370000"),
        ("370200-SFJ", "青岛市司法局", OrgKind.JusticeBureau, "370200"),
        ("370212", "崂山区", OrgKind.District, "370200"),
        ("370212-SFJ", "崂山区司法局", OrgKind.JusticeBureau, "370212"),
        ("370212-SCJG", "崂山区市场监督管理局", OrgKind.EnforcementDepartment, "370212"),
        ("370212001", "中韩街道", OrgKind.Town, "370212"),
        ("370212001-SFS", "中韩司法所", OrgKind.JusticeOffice, "370212001"),
        ("370212002", "沙子口街道", OrgKind.Town, "370212"),
        ("370212002-SFS", "沙子口司法所", OrgKind.JusticeOffice, "370212002"),
        ("120000", "天津市", OrgKind.Province, null),
        ("120000-SFJ", "天津市司法局", OrgKind.JusticeBureau, "120000"),
        ("120102", "河东区", OrgKind.District, "120000"),
        ("120102-SFJ", "河东区司法局", OrgKind.JusticeBureau, "120102"),
        ("120102-SCJG", "河东区市场监督管理局", OrgKind.EnforcementDepartment, "120102"),
        ("120102001", "大王庄街道", OrgKind.Town, "120102"),
        ("120102001-SFS", "大王庄司法所", OrgKind.JusticeOffice, "120102001"),
        ("120102002", "大直沽街道", OrgKind.Town, "120102"),
        ("120102002-SFS", "大直沽司法所", OrgKind.JusticeOffice, "120102002"),
    ];

    /// <summary>Seeds what is missing; returns the logins created now (with their one-time passwords).</summary>
    public async Task<List<SeededLogin>> SeedAsync(string? adminPassword, bool demoData, string? demoPassword, CancellationToken ct)
    {
        await access.SyncAsync(ct);

        var created = new List<SeededLogin>();
        if (await users.FindByNameAsync("admin") is null)
        {
            var password = string.IsNullOrEmpty(adminPassword) ? GeneratePassword() : adminPassword;
            var admin = new AppUser
            {
                UserName = "admin", DisplayName = "系统管理员", LockoutEnabled = true, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
                MustChangePassword = string.IsNullOrEmpty(adminPassword), // a generated one-time password; the operator's own is chosen
            };
            await using var tx = await db.Database.BeginTransactionAsync(ct); // never an admin without the admin role
            Ensure(await users.CreateAsync(admin, password), "FAZHI_ADMIN_PASSWORD");
            Ensure(await users.AddToRoleAsync(admin, Roles.Admin), "admin");
            await tx.CommitAsync(ct);
            created.Add(new SeededLogin("admin", admin.DisplayName, string.IsNullOrEmpty(adminPassword) ? password : "（取自 FAZHI_ADMIN_PASSWORD）", "全部机构"));
        }

        if (!demoData)
            return created;
        Dictionary<string, OrgUnit> byCode;
        if (!await db.OrgUnits.ForSystemJob().AnyAsync(ct))
            byCode = await AddTreeAsync(ct);
        else
        {
            // An existing database: only a demo one (the whole demo tree is there) gets what a module that landed later brings.
            var codes = Tree.Select(t => t.Code).ToList();
            byCode = await db.OrgUnits.ForSystemJob().Where(o => codes.Contains(o.Code)).ToDictionaryAsync(o => o.Code, ct);
            if (byCode.Count < Tree.Length)
                return created;
        }

        var shared = string.IsNullOrEmpty(demoPassword) ? GeneratePassword() : demoPassword;
        // Each module declares its demo users; one declared by several modules gets every module's roles. A demo user
        // missing from the database is created (a module landed later); an existing one is left as it is.
        var demoUsers = manifests.SelectMany(m => m.DemoUsers).GroupBy(u => u.Username)
            .Select(g => (g.Key, g.First().DisplayName, g.First().UnitCode, g.SelectMany(u => u.Roles).Distinct().ToArray()));
        foreach (var (username, name, unitCode, userRoles) in demoUsers)
        {
            if (await users.FindByNameAsync(username) is not null)
                continue;
            var user = new AppUser
            {
                UserName = username, DisplayName = name, OrgUnitId = byCode[unitCode].Id, LockoutEnabled = true,
                CreatedAtUtc = clock.GetUtcNow().UtcDateTime, MustChangePassword = string.IsNullOrEmpty(demoPassword),
            };
            Ensure(await users.CreateAsync(user, shared), "FAZHI_DEMO_PASSWORD");
            Ensure(await users.AddToRolesAsync(user, userRoles), user.UserName!);
            created.Add(new SeededLogin(username, name, string.IsNullOrEmpty(demoPassword) ? shared : "（取自 FAZHI_DEMO_PASSWORD）", byCode[unitCode].Name));
        }
        // 三员分立: the platform's security and audit administrators (no unit: every unit), beside the built-in admin.
        foreach (var (username, name, role) in new[] { ("secadmin", "安全管理员", Roles.SecurityAdmin), ("auditor", "审计管理员", Roles.Auditor) })
        {
            if (await users.FindByNameAsync(username) is not null)
                continue;
            var officer = new AppUser
            {
                UserName = username, DisplayName = name, LockoutEnabled = true, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
                MustChangePassword = string.IsNullOrEmpty(demoPassword),
            };
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            Ensure(await users.CreateAsync(officer, shared), "FAZHI_DEMO_PASSWORD");
            Ensure(await users.AddToRoleAsync(officer, role), officer.UserName!);
            await tx.CommitAsync(ct);
            created.Add(new SeededLogin(username, name, string.IsNullOrEmpty(demoPassword) ? shared : "（取自 FAZHI_DEMO_PASSWORD）", "全部机构"));
        }
        foreach (var source in demoSources)
            if (!await source.IsSeededAsync(ct))
                await source.SeedAsync(ct);
        return created;
    }

    private async Task<Dictionary<string, OrgUnit>> AddTreeAsync(CancellationToken ct)
    {
        var byCode = new Dictionary<string, OrgUnit>();
        var order = 0;
        foreach (var (code, name, kind, parentCode) in Tree)
        {
            var parent = parentCode is null ? null : byCode[parentCode];
            var unit = new OrgUnit
            {
                Code = code, Name = name, OfficialName = OfficialNames.GetValueOrDefault(code), Kind = kind, Parent = parent, Path = OrgUnit.PathOf(parent, code),
                Depth = (parent?.Depth ?? -1) + 1, SortOrder = order++,
            };
            byCode[code] = unit;
            db.OrgUnits.Add(unit);
        }
        await db.SaveChangesAsync(ct);
        return byCode;
    }

    /// <summary>16 characters from four classes, so it always meets the password policy.</summary>
    public static string GeneratePassword()
    {
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", lower = "abcdefghijkmnpqrstuvwxyz", digits = "23456789", symbols = "-_.@";
        var chars = new List<char>();
        for (var i = 0; i < 5; i++)
        {
            chars.Add(upper[RandomNumberGenerator.GetInt32(upper.Length)]);
            chars.Add(lower[RandomNumberGenerator.GetInt32(lower.Length)]);
            chars.Add(digits[RandomNumberGenerator.GetInt32(digits.Length)]);
        }
        chars.Add(symbols[RandomNumberGenerator.GetInt32(symbols.Length)]);
        return new string([.. chars.OrderBy(_ => RandomNumberGenerator.GetInt32(1000))]);
    }

    /// <summary>A seeded account that Identity refuses stops the start with the reason, naming what the operator set
    /// (a FAZHI_ADMIN_PASSWORD that breaks the password policy is the usual case), not with a stack trace.</summary>
    private static void Ensure(IdentityResult result, string what)
    {
        if (!result.Succeeded)
            throw new Security.StartupRefusedException($"{what}：" + string.Join("；", result.Errors.Select(e => e.Description)));
    }
}
