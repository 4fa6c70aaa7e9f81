using Fazhi.Web.Kernel.Modules;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Orgs;

namespace Fazhi.UnitTests.Kernel;

public sealed class AccessRulesTests
{
    private const string Huancui = "/370000/371000/371002/";

    [Theory]
    [InlineData(OrgKind.JusticeBureau, Huancui + "371002-SFJ/", Huancui)]                      // 司法局 sees its district
    [InlineData(OrgKind.JusticeOffice, Huancui + "371002001/371002001-SFS/", Huancui + "371002001/")] // 司法所 sees its town
    [InlineData(OrgKind.EnforcementDepartment, Huancui + "371002-SCJG/", Huancui + "371002-SCJG/")] // a department sees itself
    [InlineData(OrgKind.District, Huancui, Huancui)]
    [InlineData(OrgKind.JusticeBureau, "/370000/370000-SFT/", "/370000/")]                      // 司法厅 sees the province
    public void A_users_scope_follows_the_kind_of_their_unit(OrgKind kind, string unitPath, string expected) =>
        ScopeRules.ScopePathFor(kind, unitPath).ShouldBe(expected);

    [Fact]
    public void A_scope_contains_its_subtree_and_nothing_else()
    {
        var scope = DataScope.Under(Huancui);
        scope.Contains(Huancui + "371002001/").ShouldBeTrue();
        scope.Contains(Huancui).ShouldBeTrue();
        scope.Contains("/370000/371000/371082/").ShouldBeFalse();     // 荣成市
        scope.Contains("/370000/371000/3710021/").ShouldBeFalse();    // a code that merely starts alike
        scope.Contains("/370000/371000/").ShouldBeFalse();            // the parent city
        DataScope.None.Contains("/370000/").ShouldBeFalse();
        DataScope.All.Contains("/120000/120102/").ShouldBeTrue();
    }

    [Fact]
    public void The_org_switcher_can_narrow_but_never_widen()
    {
        var city = DataScope.Under("/370000/371000/");
        ScopeRules.Narrow(city, Huancui).PathPrefix.ShouldBe(Huancui);
        ScopeRules.Narrow(city, "/370000/370200/").ShouldBe(city);   // 青岛市 is outside 威海市
        ScopeRules.Narrow(city, "/370000/").ShouldBe(city);          // the province is above
        ScopeRules.Narrow(city, null).ShouldBe(city);
        ScopeRules.Narrow(DataScope.None, Huancui).ShouldBe(DataScope.None);
    }

    [Theory]
    [InlineData(Huancui, Huancui, true)]                       // under itself
    [InlineData(Huancui, Huancui + "371002001/", true)]        // under its own town
    [InlineData(Huancui, "/370000/371000/", false)]
    [InlineData(Huancui, "/370000/371000/3710021/", false)]
    public void Moving_a_unit_under_itself_or_a_descendant_is_a_cycle(string moved, string newParent, bool cycle) =>
        ScopeRules.WouldCreateCycle(moved, newParent).ShouldBe(cycle);

    [Theory]
    [InlineData(OrgKind.Town, OrgKind.District, true)]
    [InlineData(OrgKind.Town, OrgKind.City, false)]
    [InlineData(OrgKind.JusticeOffice, OrgKind.Town, true)]
    [InlineData(OrgKind.JusticeOffice, OrgKind.District, false)]
    [InlineData(OrgKind.District, OrgKind.Province, true)]    // 直辖市 districts
    [InlineData(OrgKind.Province, OrgKind.Province, false)]
    public void Units_sit_only_under_the_kinds_of_unit_they_belong_to(OrgKind kind, OrgKind parent, bool allowed) =>
        kind.AllowedParents().Contains(parent).ShouldBe(allowed);

    [Theory]
    [InlineData("Abcdefg1", 3)]
    [InlineData("abcdefg1!", 3)]
    [InlineData("ABCDEFG-", 2)]
    [InlineData("abcdefgh", 1)]
    [InlineData("密码Abc123!", 4)]
    public void Password_classes_are_counted(string password, int classes) =>
        Fazhi.Web.Kernel.Access.Identity.PolicyPasswordValidator.ClassesIn(password).ShouldBe(classes);

    [Theory]
    [InlineData("Password1", true)]
    [InlineData("P@ssw0rd", true)]
    [InlineData("pa$$w0rd", true)]       // the same word with symbols for letters
    [InlineData("Admin@123", true)]
    [InlineData("Fazhi@2026", true)]
    [InlineData("1qaz@WSX", true)]       // a keyboard walk, case ignored
    [InlineData("Woaini1314", true)]
    [InlineData("Zhang19900101", true)]
    [InlineData("Tide-Lantern-47", false)]
    [InlineData("Chief-Pass-2024", false)]
    public void Common_passwords_are_on_the_shipped_list(string password, bool common)
    {
        var list = new Fazhi.Web.Kernel.Access.Identity.CommonPasswords(Microsoft.Extensions.Options.Options.Create(new Fazhi.Web.Kernel.Access.Identity.PasswordPolicyOptions()));
        list.Count.ShouldBeGreaterThan(3000);
        list.Contains(password).ShouldBe(common);
    }

    [Fact]
    public void The_three_officers_hold_separate_duties_by_default()
    {
        var catalog = Catalog();
        string[] Held(string role) => [.. catalog.Permissions.Where(p => catalog.IsDefault(role, p)).Select(p => p.Code).Where(c => c.StartsWith("system:", StringComparison.Ordinal)).Order()];
        Held(Roles.SecurityAdmin).ShouldBe(["system:role:edit", "system:role:view", "system:session:end", "system:session:view", "system:user:edit", "system:user:view"]);
        Held(Roles.Auditor).ShouldBe(["system:audit:unmask", "system:audit:view", "system:loginlog:view"]);
        Held(Roles.Admin).ShouldBe(["system:calendar:edit", "system:calendar:view", "system:dict:edit", "system:dict:view", "system:org:edit", "system:org:view"]);
        SeparationOfDuties.Conflict(["admin", "auditor"])!.ShouldContain("系统管理员、审计管理员不能由同一账号兼任");
        SeparationOfDuties.Conflict(["admin", "leader"]).ShouldBeNull();
    }

    [Fact]
    public void Personal_data_is_masked_in_lists()
    {
        Fazhi.Web.Kernel.Ids.PersonalData.MaskPhone("13812345678").ShouldBe("138****5678");
        Fazhi.Web.Kernel.Ids.PersonalData.MaskIdNumber("370602199001011234").ShouldBe("3706**********1234");
    }

    private static AccessCatalog Catalog() =>
        new([ModuleRegistration.PlatformManifest, .. Fazhi.Web.Modules.FazhiModules.All.Select(m => m.Manifest)]);

    [Fact]
    public void The_read_only_role_holds_every_read_permission_and_nothing_else()
    {
        var catalog = Catalog();
        var viewer = catalog.Permissions.Where(p => catalog.IsDefault(Roles.Viewer, p)).ToList();
        viewer.ShouldNotBeEmpty();
        viewer.ShouldAllBe(p => p.Kind == PermissionKind.Read);
        catalog.Permissions.Where(p => p.Kind == PermissionKind.Read).ShouldAllBe(p => catalog.IsDefault(Roles.Viewer, p));
        catalog.IsDefault(Roles.Viewer, catalog.Permission("enforcement:record:submit")!).ShouldBeFalse();
    }

    [Fact]
    public void Defaults_follow_the_modules_declarations()
    {
        var catalog = Catalog();
        // 三员分立: the system administrator holds everything but users, roles and the audit log.
        catalog.Permissions.Where(p => SeparationOfDuties.ReservedFor(p.Code) is null).ShouldAllBe(p => catalog.IsDefault(Roles.Admin, p));
        catalog.Permissions.Where(p => SeparationOfDuties.ReservedFor(p.Code) is not null).ShouldAllBe(p => !catalog.IsDefault(Roles.Admin, p));
        catalog.IsDefault(Roles.Leader, catalog.Permission("recon:approval:decide")!).ShouldBeTrue();
        catalog.IsDefault("recon", catalog.Permission("recon:approval:decide")!).ShouldBeFalse();
        catalog.IsDefault("recon", catalog.Permission("recon:case:intake")!).ShouldBeTrue();
        catalog.IsDefault("recon", catalog.Permission("enforcement:certificate:status")!).ShouldBeFalse();
        catalog.IsDefault("submitter", catalog.Permission("enforcement:record:submit")!).ShouldBeTrue();
        catalog.IsDefault("submitter", catalog.Permission("enforcement:warning:close")!).ShouldBeFalse();
    }

    [Fact]
    public void A_module_cannot_declare_a_permission_outside_its_code_or_twice_or_grant_to_an_unknown_role()
    {
        static ModuleManifest M(string code, IReadOnlyList<PermissionDef> permissions, IReadOnlyList<RoleGrant>? grants = null) => new()
        {
            Code = code, Name = code, TablePrefix = code + "_", Namespace = code, Permissions = permissions, Grants = grants ?? [],
        };
        Should.Throw<InvalidOperationException>(() => new AccessCatalog([M("a", [new("b:x:y", "x")])])).Message.ShouldContain("b:x:y");
        Should.Throw<InvalidOperationException>(() => new AccessCatalog([M("a", [new("a:x:y", "x"), new("a:x:y", "y")])])).Message.ShouldContain("twice");
        Should.Throw<InvalidOperationException>(() => new AccessCatalog([M("a", [new("a:x:y", "x")], [new("nobody", ["a:x:y"])])])).Message.ShouldContain("nobody");
    }
}
