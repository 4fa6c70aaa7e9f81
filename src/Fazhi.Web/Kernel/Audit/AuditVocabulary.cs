using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Reflection;

namespace Fazhi.Web.Kernel.Audit;

/// <summary>
/// 操作日志词汇: how a module's records read in the audit log — the module's Chinese name, each audited entity type's
/// Chinese name, how staff name one record (a case by its 案号, an officer by name), each field's Chinese label, the
/// labels of its enums, and which fields are 个人信息 (masked). Each module registers one; the Kernel knows none of
/// the modules' words.
/// </summary>
public interface IAuditVocabulary
{
    /// <summary>模块, e.g. 行政复议.</summary>
    string Module { get; }

    IReadOnlyCollection<AuditEntityWords> Entities { get; }

    /// <summary>Chinese labels of enum values, by enum type (others fall back to a [Description] or [Display] name).</summary>
    IReadOnlyDictionary<Type, Func<Enum, string>> EnumLabels { get; }
}

/// <summary>What kind of personal data a field holds, i.e. how it is masked.</summary>
public enum PersonalDataKind { None, IdNumber, Phone, Email }

/// <summary>How one field reads: its label, whether it is personal data, whether it names an org unit, and an
/// optional formatter of its stored text (e.g. 分 → 元).</summary>
public sealed record AuditField(string Label, PersonalDataKind Personal = PersonalDataKind.None, bool IsOrgUnit = false,
    Func<string, string>? Format = null, Type? References = null);

/// <summary>An audited entity type in Chinese.</summary>
public sealed class AuditEntityWords(Type clrType, string name, Func<AuditValues, string?>? instanceName)
{
    public Type ClrType { get; } = clrType;

    /// <summary>The name stored in <see cref="AuditEntry.EntityType"/>.</summary>
    public string Code { get; } = AuditNames.EntityName(clrType);

    /// <summary>e.g. 行政复议案件.</summary>
    public string Name { get; } = name;

    public Func<AuditValues, string?>? InstanceName { get; } = instanceName;

    public Dictionary<string, AuditField> Fields { get; } = new(StringComparer.Ordinal);
}

/// <summary>The audited values of one record (as stored in the entry's JSON), for naming it.</summary>
public sealed class AuditValues(IReadOnlyDictionary<string, string?> values, Func<string, string?, string?>? display = null)
{
    /// <summary>The stored value (an enum as its number, a case as its id).</summary>
    public string? this[string field] => values.GetValueOrDefault(field);

    /// <summary>The value as the log shows it: an enum's label, an org unit's or a referenced record's name.</summary>
    public string? Display(string field) => display is null ? this[field] : display(field, this[field]);

    public bool IsEmpty => values.Count == 0;
}

/// <summary>A fluent declaration of one entity's fields.</summary>
public sealed class AuditEntityBuilder<T>(AuditEntityWords words)
{
    public AuditEntityBuilder<T> Field(string property, string label, Func<string, string>? format = null)
    {
        words.Fields[property] = new AuditField(label, Format: format);
        return this;
    }

    /// <summary>身份证号 (or a code that may be one): shown as 3706**********1234.</summary>
    public AuditEntityBuilder<T> IdNumber(string property, string label)
    {
        words.Fields[property] = new AuditField(label, PersonalDataKind.IdNumber);
        return this;
    }

    public AuditEntityBuilder<T> Phone(string property, string label)
    {
        words.Fields[property] = new AuditField(label, PersonalDataKind.Phone);
        return this;
    }

    public AuditEntityBuilder<T> Email(string property, string label)
    {
        words.Fields[property] = new AuditField(label, PersonalDataKind.Email);
        return this;
    }

    /// <summary>The id of another audited record (a case's id on its events): shown by that record's name, as its
    /// latest entry in the log names it.</summary>
    public AuditEntityBuilder<T> Reference<TOther>(string property, string label)
    {
        words.Fields[property] = new AuditField(label, References: typeof(TOther));
        return this;
    }

    /// <summary>An org unit's id: shown with the unit's name.</summary>
    public AuditEntityBuilder<T> OrgUnit(string property, string label)
    {
        words.Fields[property] = new AuditField(label, IsOrgUnit: true);
        return this;
    }
}

/// <summary>The base of a module's vocabulary: declare entities and enum labels in the constructor.</summary>
public abstract class AuditVocabulary(string module) : IAuditVocabulary
{
    private readonly List<AuditEntityWords> _entities = [];
    private readonly Dictionary<Type, Func<Enum, string>> _enums = [];

    public string Module { get; } = module;

    public IReadOnlyCollection<AuditEntityWords> Entities => _entities;

    public IReadOnlyDictionary<Type, Func<Enum, string>> EnumLabels => _enums;

    /// <summary>Declares an entity type; <paramref name="instanceName"/> names one record from its values
    /// (null or empty: the record is named by its key).</summary>
    protected AuditEntityBuilder<T> Entity<T>(string name, Func<AuditValues, string?>? instanceName = null)
    {
        var words = new AuditEntityWords(typeof(T), name, instanceName);
        _entities.Add(words);
        return new AuditEntityBuilder<T>(words);
    }

    protected void Enum<TEnum>(Func<TEnum, string> label) where TEnum : struct, Enum => _enums[typeof(TEnum)] = e => label((TEnum)e);
}

public static class AuditNames
{
    /// <summary><c>IdentityUserRole`1</c> → <c>IdentityUserRole</c>: the entity type as stored in the log.</summary>
    public static string EntityName(Type type) => type.IsGenericType ? type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)] : type.Name;

    /// <summary>A [Description] or [Display(Name)] on the enum member, if any.</summary>
    public static string? AttributeLabel(Enum value)
    {
        var member = value.GetType().GetField(value.ToString(), BindingFlags.Public | BindingFlags.Static);
        return member?.GetCustomAttribute<DescriptionAttribute>()?.Description ?? member?.GetCustomAttribute<DisplayAttribute>()?.GetName();
    }
}
