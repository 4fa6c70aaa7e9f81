using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using NetArchTest.Rules;

namespace Fazhi.ArchitectureTests;

/// <summary>The rules of ARCHITECTURE.md that a compiler does not check.</summary>
public sealed class LayoutTests
{
    private static readonly System.Reflection.Assembly Web = typeof(FazhiDb).Assembly;

    private static IModel Model() =>
        new SqliteFazhiDb(new DbContextOptionsBuilder<SqliteFazhiDb>().UseSqlite("Data Source=:memory:").Options,
            SystemActor.Instance, TimeProvider.System).Model;

    [Fact]
    public void The_kernel_does_not_depend_on_any_module()
    {
        var result = Types.InAssembly(Web).That().ResideInNamespace("Fazhi.Web.Kernel")
            .ShouldNot().HaveDependencyOn("Fazhi.Web.Modules").GetResult();
        result.IsSuccessful.ShouldBeTrue(string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Theory]
    [InlineData(typeof(Fazhi.Web.Kernel.Calendar.HolidayCalendar))]
    [InlineData(typeof(Fazhi.Web.Kernel.Calendar.NoticeText))]
    [InlineData(typeof(ScopeRules))]
    [InlineData(typeof(Fazhi.Web.Kernel.Audit.AuditChain))]
    public void Statute_and_rule_classes_are_pure(Type rule)
    {
        Types.InAssembly(Web).That().HaveName(rule.Name).GetTypes().Count().ShouldBe(1);
        var result = Types.InAssembly(Web).That().HaveName(rule.Name)
            .ShouldNot().HaveDependencyOnAny("Microsoft.EntityFrameworkCore", "Microsoft.AspNetCore", "Fazhi.Web.Data").GetResult();
        result.IsSuccessful.ShouldBeTrue();
    }

    [Fact]
    public void Every_org_owned_entity_is_filtered_to_the_callers_scope()
    {
        var model = Model();
        var owned = model.GetEntityTypes().Where(t => typeof(IOrgOwned).IsAssignableFrom(t.ClrType) || t.ClrType == typeof(Fazhi.Web.Kernel.Orgs.OrgUnit));
        owned.ShouldNotBeEmpty();
        foreach (var entity in owned)
            entity.GetDeclaredQueryFilters().ShouldNotBeEmpty($"{entity.ClrType.Name} has no data-scope filter");
    }

    [Fact]
    public void Every_table_carries_its_modules_prefix()
    {
        foreach (var entity in Model().GetEntityTypes().Where(t => !t.IsOwned()))
        {
            var table = entity.GetTableName()!;
            var ns = entity.ClrType.Namespace ?? "";
            if (ns.StartsWith("Fazhi.Web.Modules.", StringComparison.Ordinal))
                table.ShouldMatch("^[a-z]+_[a-z_]+$", $"{entity.ClrType.Name} → {table}");
            else
                table.ShouldStartWith("sys_", customMessage: $"{entity.ClrType.Name} → {table}");
        }
    }
}
