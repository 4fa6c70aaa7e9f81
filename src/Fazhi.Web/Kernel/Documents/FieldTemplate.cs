using System.Text.RegularExpressions;
using Fazhi.Web.Kernel.Web;

namespace Fazhi.Web.Kernel.Documents;

/// <summary>模板字段: a name a template writes as <c>{{name}}</c>, and what it stands for (shown to template editors).</summary>
public sealed record TemplateField(string Name, string Description);

/// <summary>The fields a module offers its templates: only these names may appear in them.</summary>
public class TemplateFieldSet
{
    private readonly Dictionary<string, TemplateField> _byName;

    public TemplateFieldSet(IEnumerable<TemplateField> fields)
    {
        Fields = [.. fields];
        _byName = new Dictionary<string, TemplateField>(StringComparer.Ordinal);
        foreach (var f in Fields)
        {
            if (f.Name.Length == 0 || f.Name.Trim() != f.Name || f.Name.Contains('{', StringComparison.Ordinal) || f.Name.Contains('}', StringComparison.Ordinal))
                throw new ArgumentException($"Field name “{f.Name}” is empty, padded or contains braces.", nameof(fields));
            if (!_byName.TryAdd(f.Name, f))
                throw new ArgumentException($"Field “{f.Name}” is declared twice.", nameof(fields));
        }
    }

    public IReadOnlyList<TemplateField> Fields { get; }

    public bool Contains(string name) => _byName.ContainsKey(name);

    /// <summary>Every field as the template writes it: <c>{{案号}}、{{申请人}}…</c></summary>
    public string Listing => string.Join("、", Fields.Select(f => FieldTemplate.Placeholder(f.Name)));
}

/// <summary>A field set whose values the module computes from one source object (a case, a matter…), so a declared
/// field always has a value and a value is never offered without its declaration.</summary>
public sealed class TemplateFieldSet<TSource>(params (string Name, string Description, Func<TSource, string> Value)[] fields)
    : TemplateFieldSet(fields.Select(f => new TemplateField(f.Name, f.Description)))
{
    private readonly List<(string Name, Func<TSource, string> Value)> _values = [.. fields.Select(f => (f.Name, f.Value))];

    public IReadOnlyDictionary<string, string> ValuesOf(TSource source) =>
        _values.ToDictionary(v => v.Name, v => v.Value(source), StringComparer.Ordinal);

    /// <summary>Fills <paramref name="text"/> with this source's values (see <see cref="FieldTemplate.Fill"/>).</summary>
    public string Fill(string text, TSource source) => FieldTemplate.Fill(text, this, ValuesOf(source));
}

/// <summary>
/// 文书模板引擎, one for every module: a template is plain text with named fields written <c>{{申请人}}</c>. Saving a
/// template checks each field against the module's <see cref="TemplateFieldSet"/> and refuses an unknown one, naming it
/// and listing the valid ones, so a typo is caught by whoever typed it rather than printed in a document.
/// </summary>
public static partial class FieldTemplate
{
    [GeneratedRegex(@"\{\{(.*?)\}\}", RegexOptions.Singleline)]
    private static partial Regex FieldPattern();

    public static string Placeholder(string name) => "{{" + name + "}}";

    /// <summary>The field names a text uses, in order of first appearance (surrounding spaces ignored).</summary>
    public static IReadOnlyList<string> FieldsIn(string text) =>
        [.. FieldPattern().Matches(text).Select(m => m.Groups[1].Value.Trim()).Distinct(StringComparer.Ordinal)];

    /// <summary>What is wrong with a template, in Chinese; empty when it may be saved.</summary>
    public static IReadOnlyList<string> Problems(string text, TemplateFieldSet fields)
    {
        var problems = new List<string>();
        var unknown = FieldsIn(text).Where(n => !fields.Contains(n)).ToList();
        if (unknown.Count > 0)
            problems.Add($"模板中有未知字段：{string.Join("、", unknown.Select(Placeholder))}。可用字段：{fields.Listing}");
        // A "{{" left open would otherwise be printed as it stands.
        var outside = FieldPattern().Replace(text, "");
        var open = outside.IndexOf("{{", StringComparison.Ordinal);
        if (open >= 0)
        {
            var rest = outside[open..];
            problems.Add($"“{rest[..Math.Min(rest.Length, 12)]}”中的“{{{{”没有对应的“}}}}”：字段应写作 {{{{字段名}}}}");
        }
        return problems;
    }

    /// <summary>Refuses (400, under <paramref name="errorKey"/>) a template with an unknown field or an open "{{".</summary>
    public static void EnsureValid(string text, TemplateFieldSet fields, string errorKey = "body")
    {
        var problems = Problems(text, fields);
        if (problems.Count > 0)
            throw new FazhiValidationException(new Dictionary<string, string[]> { [errorKey] = [.. problems] });
    }

    /// <summary>
    /// Replaces every field in one pass, so a value that itself contains <c>{{…}}</c> (an applicant's wording) is
    /// printed as typed, never expanded. A template stored before its fields were checked and naming an unknown field
    /// is refused (409) rather than printed with the braces in it.
    /// </summary>
    public static string Fill(string text, TemplateFieldSet fields, IReadOnlyDictionary<string, string> values)
    {
        var problems = Problems(text, fields);
        if (problems.Count > 0)
            throw new ConflictException("文书模板有误，请平台管理员在“文书模板”中修改：" + string.Join("；", problems));
        return FieldPattern().Replace(text, m => values.TryGetValue(m.Groups[1].Value.Trim(), out var v)
            ? v
            : throw new InvalidOperationException($"Field {m.Value} is declared but has no value."));
    }
}
