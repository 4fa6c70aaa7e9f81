using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Audit;
using Fazhi.Web.Kernel.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Fazhi.ArchitectureTests;

/// <summary>操作日志 reads in Chinese only if every audited entity and field has its words, declared by its module.</summary>
public sealed class AuditVocabularyTests
{
    private static IModel Model() =>
        new SqliteFazhiDb(new DbContextOptionsBuilder<SqliteFazhiDb>().UseSqlite("Data Source=:memory:").Options,
            Fazhi.Web.Kernel.Access.SystemActor.Instance, TimeProvider.System).Model;

    /// <summary>Every vocabulary of the application (each module registers one).</summary>
    private static List<IAuditVocabulary> Vocabularies() =>
    [
        .. typeof(FazhiDb).Assembly.GetTypes()
            .Where(t => typeof(IAuditVocabulary).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false })
            .Select(t => (IAuditVocabulary)Activator.CreateInstance(t)!),
    ];

    /// <summary>The entity types whose changes go into the log (FazhiDb skips these three).</summary>
    private static IEnumerable<IEntityType> Audited() => Model().GetEntityTypes()
        .Where(t => t.ClrType != typeof(AuditEntry) && t.ClrType != typeof(IdentityUserToken<int>) && t.ClrType != typeof(Fazhi.Web.Kernel.Timers.WorkTimer));

    [Fact]
    public void Every_audited_entity_and_field_has_a_chinese_name()
    {
        var words = Vocabularies().SelectMany(v => v.Entities).ToDictionary(e => e.ClrType);
        var missing = new List<string>();
        foreach (var entity in Audited())
        {
            if (!words.TryGetValue(entity.ClrType, out var w))
            {
                missing.Add($"{entity.ClrType.Name}（无中文名）");
                continue;
            }
            foreach (var p in entity.GetProperties().Where(p => !FazhiDb.SecretProperties.Contains(p.Name) && !EncryptedFields.IsBlindIndex(p)))
                if (!w.Fields.TryGetValue(p.Name, out var field) || string.IsNullOrWhiteSpace(field.Label))
                    missing.Add($"{entity.ClrType.Name}.{p.Name}");
        }
        missing.ShouldBeEmpty("操作日志缺少中文名称：" + string.Join("，", missing));
    }

    [Fact]
    public void Every_enum_of_an_audited_field_has_a_chinese_label()
    {
        var vocabularies = Vocabularies();
        var labelled = vocabularies.SelectMany(v => v.EnumLabels.Keys).ToHashSet();
        var missing = new List<string>();
        foreach (var p in Audited().SelectMany(e => e.GetProperties()))
        {
            var type = Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType;
            if (!type.IsEnum || labelled.Contains(type))
                continue;
            foreach (Enum value in Enum.GetValues(type))
                if (AuditNames.AttributeLabel(value) is null)
                    missing.Add($"{type.Name}.{value}");
        }
        missing.ShouldBeEmpty("枚举缺少中文名称：" + string.Join("，", missing.Distinct()));
    }

    [Fact]
    public void Each_vocabulary_names_a_module_and_entity_names_are_unique()
    {
        var vocabularies = Vocabularies();
        vocabularies.Count.ShouldBeGreaterThanOrEqualTo(3);
        vocabularies.ShouldAllBe(v => !string.IsNullOrWhiteSpace(v.Module));
        var codes = vocabularies.SelectMany(v => v.Entities).GroupBy(e => e.Code).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        codes.ShouldBeEmpty("同一实体类型在多个模块中声明");
    }

    [Fact]
    public void Personal_data_fields_are_declared_as_such()
    {
        // The fields that hold 身份证号 or a phone number must be masked in the log.
        var personal = Vocabularies().SelectMany(v => v.Entities)
            .SelectMany(e => e.Fields.Where(f => f.Value.Personal != PersonalDataKind.None).Select(f => $"{e.Code}.{f.Key}")).ToHashSet();
        foreach (var p in Audited().SelectMany(e => e.GetProperties().Where(p => !EncryptedFields.IsBlindIndex(p)).Select(p => (Entity: e, Property: p)))
                     .Where(x => x.Property.Name.Contains("IdNumber", StringComparison.Ordinal) || x.Property.Name.Contains("Phone", StringComparison.Ordinal) && x.Property.ClrType == typeof(string)))
            personal.ShouldContain($"{AuditNames.EntityName(p.Entity.ClrType)}.{p.Property.Name}");
    }
}
