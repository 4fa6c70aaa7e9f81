using System.Globalization;
using System.Reflection;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Ids;

namespace Fazhi.Web.Kernel.Audit;

/// <summary>An entry as staff and auditors read it: Beijing time, module, 业务类型, the object by the name staff use,
/// and each change with Chinese field names and labels, personal data masked unless unmasking is allowed.</summary>
public sealed record AuditView(long Seq, DateTime AtUtc, string Time, string UserName, string? OrgName, string Module,
    string Action, string Operation, string EntityType, string? EntityId, string TargetType, string Target,
    IReadOnlyList<AuditChange> Changes, string? RequestId, string? ClientAddress);

/// <summary>One field of an entry: its Chinese label, the value before and after (null when absent).</summary>
public sealed record AuditChange(string Field, string Label, string? Before, string? After);

/// <summary>Names looked up for a page of entries: org units by id, referenced records by (entity type, id).</summary>
public sealed record AuditLookups(IReadOnlyDictionary<int, string> OrgNames, IReadOnlyDictionary<(string Type, string Id), string> Records)
{
    public static readonly AuditLookups None = new(new Dictionary<int, string>(), new Dictionary<(string, string), string>());
}

/// <summary>
/// Reads the log through the modules' <see cref="IAuditVocabulary"/>s. The stored entries (and their SM3 chain)
/// are never changed: only how they are shown.
/// </summary>
public sealed class AuditReader
{
    /// <summary>The permission to see personal data in the log unmasked (each use is itself logged).</summary>
    public const string UnmaskPermission = SystemPermissions.AuditUnmask;

    /// <summary>The module of entries whose type no vocabulary declares.</summary>
    public const string OtherModule = "其他";

    private readonly Dictionary<string, (string Module, AuditEntityWords Words)> _entities = new(StringComparer.Ordinal);
    private readonly Dictionary<Type, Func<Enum, string>> _enums = [];

    private readonly Security.FieldCipher? _fields;

    public AuditReader(IEnumerable<IAuditVocabulary> vocabularies, Security.FieldCipher? fields = null)
    {
        _fields = fields;
        var modules = new List<string>();
        foreach (var v in vocabularies.OrderBy(v => v is KernelAuditVocabulary ? 1 : 0)) // 系统管理 after the business lines
        {
            if (!modules.Contains(v.Module))
                modules.Add(v.Module);
            foreach (var e in v.Entities)
                _entities[e.Code] = (v.Module, e);
            foreach (var (type, label) in v.EnumLabels)
                _enums[type] = label;
        }
        Modules = modules;
    }

    /// <summary>The modules, in registration order.</summary>
    public IReadOnlyList<string> Modules { get; }

    /// <summary>Every declared entity type: code, Chinese name and module, for the filter.</summary>
    public IEnumerable<(string Module, string Code, string Name)> EntityTypes =>
        _entities.Values.Select(e => (e.Module, e.Words.Code, e.Words.Name));

    /// <summary>Whether <paramref name="user"/> may see personal data unmasked. Until permissions are data, the
    /// platform administrator (role admin, scope all) holds <see cref="UnmaskPermission"/>.</summary>
    /// <remarks>The permission, and only at platform scope: full 身份证号 across every unit is the platform's to see.</remarks>
    public static bool CanUnmask(ICurrentUser user) => user.Can(UnmaskPermission) && user.Scope.IsAll;

    public AuditEntityWords? Words(string entityType) => _entities.TryGetValue(entityType, out var e) ? e.Words : null;

    public string ModuleOf(string entityType) => _entities.TryGetValue(entityType, out var e) ? e.Module : OtherModule;

    /// <summary>The entity types of a module (by Chinese name), or null if there is no such module.</summary>
    public IReadOnlyList<string>? EntityTypesOf(string module) =>
        Modules.Contains(module) ? [.. _entities.Values.Where(e => e.Module == module).Select(e => e.Words.Code)] : null;

    /// <summary>The org unit ids named in these entries' fields, so that one query can name them all.</summary>
    public IEnumerable<int> OrgUnitIds(IEnumerable<AuditRow> rows) => rows.SelectMany(r =>
    {
        var words = Words(r.EntityType);
        if (words is null)
            return [];
        var orgFields = words.Fields.Where(f => f.Value.IsOrgUnit).Select(f => f.Key).ToList();
        return orgFields.Count == 0 ? [] : Parse(r.BeforeJson).Concat(Parse(r.AfterJson))
            .Where(kv => orgFields.Contains(kv.Key))
            .Select(kv => int.TryParse(kv.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? id : (int?)null)
            .OfType<int>();
    });

    /// <summary>The records these entries refer to (a case's id on its events), to be named from the log.</summary>
    public IEnumerable<(string Type, string Id)> References(IEnumerable<AuditRow> rows) => rows.SelectMany(r =>
    {
        var words = Words(r.EntityType);
        if (words is null)
            return [];
        var refs = words.Fields.Where(f => f.Value.References is not null).ToDictionary(f => f.Key, f => AuditNames.EntityName(f.Value.References!));
        return refs.Count == 0 ? [] : Parse(r.BeforeJson).Concat(Parse(r.AfterJson))
            .Where(kv => kv.Value is not null && refs.ContainsKey(kv.Key))
            .Select(kv => (refs[kv.Key], kv.Value!));
    });

    /// <summary>How staff name the record of an entry (<c>环翠复〔2026〕5号</c>), without its type; null if its
    /// vocabulary cannot name it from these values.</summary>
    public string? InstanceName(string entityType, string? beforeJson, string? afterJson)
    {
        var words = Words(entityType);
        var values = Parse(afterJson);
        if (values.Count == 0)
            values = Parse(beforeJson);
        if (words?.InstanceName is not { } naming || values.Count == 0)
            return null;
        var name = naming(new AuditValues(values, (field, raw) => Render(words, field, raw, false, AuditLookups.None)));
        return string.IsNullOrWhiteSpace(name) ? null : name;
    }

    public AuditView Present(AuditRow r, bool unmask, IReadOnlyDictionary<int, string> orgNames) =>
        Present(r, unmask, new AuditLookups(orgNames, AuditLookups.None.Records));

    public AuditView Present(AuditRow r, bool unmask, AuditLookups lookups)
    {
        var words = Words(r.EntityType);
        var before = Parse(r.BeforeJson);
        var after = Parse(r.AfterJson);
        var changes = before.Keys.Union(after.Keys)
            .Select(k => (Key: k, Before: before.GetValueOrDefault(k), After: after.GetValueOrDefault(k)))
            .Where(c => c.Before != c.After)
            .Select(c => new AuditChange(c.Key, LabelOf(words, c.Key),
                Render(words, c.Key, c.Before, unmask, lookups), Render(words, c.Key, c.After, unmask, lookups)))
            .OrderBy(c => words is null ? int.MaxValue : IndexOf(words, c.Field))
            .ThenBy(c => c.Field, StringComparer.Ordinal)
            .ToList();
        var objectType = words?.Name ?? r.EntityType;
        var values = after.Count > 0 ? after : before;
        string? name = null;
        if (words?.InstanceName is { } naming && values.Count > 0)
            name = naming(new AuditValues(values, (field, raw) => Render(words, field, raw, false, lookups)));
        return new AuditView(r.Seq, r.AtUtc, ChinaTime.Format(r.AtUtc), r.UserName, r.OrgName, ModuleOf(r.EntityType),
            r.Action, AuditActions.ChineseName(r.Action), r.EntityType, r.EntityId, objectType,
            TargetName(r, objectType, name, values.Count == 0), changes, r.RequestId, r.ClientAddress);
    }

    private static int IndexOf(AuditEntityWords words, string field)
    {
        var i = 0;
        foreach (var key in words.Fields.Keys)
        {
            if (key == field)
                return i;
            i++;
        }
        return int.MaxValue;
    }

    private static string TargetName(AuditRow r, string type, string? name, bool noValues)
    {
        if (string.IsNullOrWhiteSpace(name) && noValues && r.Action is AuditActions.Login or AuditActions.LoginFailed or AuditActions.LockedOut)
            name = r.UserName; // a sign-in names the account signed in to
        if (string.IsNullOrWhiteSpace(name))
            name = r.EntityId is null ? null : "#" + r.EntityId;
        return name is null ? type : $"{type} {name}";
    }

    private static string LabelOf(AuditEntityWords? words, string field) =>
        words is not null && words.Fields.TryGetValue(field, out var f) ? f.Label : field;

    private string? Render(AuditEntityWords? words, string field, string? raw, bool unmask, AuditLookups lookups)
    {
        if (raw is null)
            return null;
        if (_fields is not null && Security.FieldCipher.IsEncrypted(raw))
            raw = Reveal(raw); // an [Encrypted] field: the log holds its ciphertext (ADR 0009)
        var declared = words?.Fields.GetValueOrDefault(field);
        if (declared is { Personal: not PersonalDataKind.None } && !unmask)
            return Mask(declared.Personal, raw);
        if (declared?.Format is { } format)
            return format(raw);
        if (declared is { IsOrgUnit: true } && int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var orgId))
            return lookups.OrgNames.TryGetValue(orgId, out var orgName) ? orgName : raw;
        if (declared?.References is { } referenced)
            return lookups.Records.TryGetValue((AuditNames.EntityName(referenced), raw), out var recordName) ? recordName : raw;
        var type = words?.ClrType.GetProperty(field, BindingFlags.Public | BindingFlags.Instance)?.PropertyType;
        if (type is null)
            return raw;
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
            return EnumLabel(type, raw);
        if (type == typeof(bool))
            return raw switch { "true" => "是", "false" => "否", _ => raw };
        if (type == typeof(DateTime) && DateTime.TryParse(raw, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var utc))
            return ChinaTime.Format(utc);
        if (type == typeof(DateTimeOffset) && DateTimeOffset.TryParse(raw, CultureInfo.InvariantCulture, DateTimeStyles.None, out var dto))
            return ChinaTime.Format(dto.UtcDateTime);
        if (type == typeof(byte[]))
            return AuditSnapshot.DescribeContent(raw);
        return raw;
    }

    private string EnumLabel(Type type, string raw)
    {
        object? value = null;
        if (long.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number))
            value = Enum.ToObject(type, number);
        else if (Enum.TryParse(type, raw, ignoreCase: false, out var named))
            value = named;
        if (value is not Enum e)
            return raw;
        if (_enums.TryGetValue(type, out var label))
            return label(e);
        return AuditNames.AttributeLabel(e) ?? e.ToString();
    }

    private string Reveal(string stored)
    {
        try
        {
            return _fields!.Decrypt(stored);
        }
        catch (Exception e) when (e is Security.FieldDecryptionException or Security.KeyMissingException)
        {
            return "（已加密，密钥不可用）";
        }
    }

    public static string Mask(PersonalDataKind kind, string value) => kind switch
    {
        PersonalDataKind.IdNumber => PersonalData.MaskIdNumber(value)!,
        PersonalDataKind.Phone => PersonalData.MaskPhone(value)!,
        PersonalDataKind.Email => value.IndexOf('@', StringComparison.Ordinal) is > 0 and var at
            ? value[..1] + "***" + value[at..]
            : new string('*', value.Length),
        _ => value,
    };

    private static Dictionary<string, string?> Parse(string? json) => AuditDiff.Parse(json);
}
