using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.LegalAid.Domain;
using Fazhi.Web.Modules.LegalAid.Rules;

namespace Fazhi.Web.Modules.LegalAid.Features.Actions;

/// <summary>One action on a legal-aid case (ADR 0004: one action = one handler + its form). The aggregate's state
/// machine stays the one place that says what a state allows; a handler reads its input, refuses what is malformed
/// naming the field, and calls the aggregate.</summary>
public interface IAidAction
{
    AidAction Action { get; }

    IReadOnlyList<AidField> Form { get; }

    Task ApplyAsync(AidCase c, AidActionRequest r, AidActionContext x, CancellationToken ct);
}

/// <summary>One action's request; each action reads the fields it needs.</summary>
public sealed record AidActionRequest(
    DateOnly? On = null, string? Note = null, string? Reason = null, long? ProviderId = null, string? Result = null,
    decimal? RecoveredYuan = null, string? Stage = null, int? Score = null, string? Kind = null);

/// <summary>What the handlers need from the database, looked up by the service.</summary>
public interface IAidLookups
{
    Task<AidProvider> ProviderAsync(long? id, CancellationToken ct);

    /// <summary>办案补贴 for a case type and stage from the bureau's standard table (0 when the table has no row).</summary>
    Task<long> SubsidyFenAsync(int orgUnitId, AidCaseType type, string? stage, CancellationToken ct);
}

public sealed record AidActionContext(DateOnly On, DateTime NowUtc, string Actor, AidRulesOptions Rules, IAidLookups Lookups);

public enum AidFieldKind { Date, Text, Select, Number, Provider }

public sealed record AidField(string Name, string Label, AidFieldKind Kind, bool Required = true, IReadOnlyList<string>? Options = null)
{
    public string Key => char.ToLowerInvariant(Name[0]) + Name[1..];

    public static AidField On(string label = "日期") => new(nameof(AidActionRequest.On), label, AidFieldKind.Date);
    public static AidField Note(string label, bool required = true) => new(nameof(AidActionRequest.Note), label, AidFieldKind.Text, required);
    public static AidField Reason(string label, IReadOnlyList<string>? options = null) =>
        new(nameof(AidActionRequest.Reason), label, options is null ? AidFieldKind.Text : AidFieldKind.Select, true, options);
}

/// <summary>The registry: every <see cref="IAidAction"/> of the assembly, one per <see cref="AidAction"/>.</summary>
public static class AidActions
{
    public static IReadOnlyList<IAidAction> All { get; } = [.. typeof(AidActions).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IAidAction).IsAssignableFrom(t))
        .Select(t => (IAidAction)Activator.CreateInstance(t)!)
        .OrderBy(a => a.Action)];

    public static IAidAction? Find(AidAction action) => All.FirstOrDefault(a => a.Action == action);

    public static IAidAction? FromSegment(string? segment)
    {
        if (string.IsNullOrWhiteSpace(segment))
            return null;
        var pascal = string.Concat(segment.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
        return All.FirstOrDefault(a => a.Action.ToString() == pascal);
    }

    public static string Segment(AidAction action) =>
        string.Concat(action.ToString().Select((ch, i) => char.IsUpper(ch) && i > 0 ? "-" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));

    public static string ApiSummary => "办理操作：" + string.Join(", ", All.Select(a => $"{Segment(a.Action)}（{AidStateMachine.NameOf(a.Action)}）"));

    public static string ApiDescription => "请求体只需包含该操作读取的字段；状态不允许该操作时返回409，字段有误时返回400并指明字段。\n\n" +
        string.Join("\n", All.Select(a => $"- `{Segment(a.Action)}` {AidStateMachine.NameOf(a.Action)}：" +
            string.Join("；", a.Form.Select(f => $"`{f.Key}` {f.Label}{(f.Required ? "" : "，可不填")}"))));

    /// <summary>Money in yuan → fen: not negative, at most two decimals, not absurd.</summary>
    public static long Fen(decimal? yuan, string field, long maxYuan)
    {
        if (yuan is null)
            return 0;
        if (yuan < 0)
            throw FazhiValidationException.For(field, "金额不能为负数");
        if (yuan > maxYuan)
            throw FazhiValidationException.For(field, $"金额{yuan:0.##}元超出合理范围（不超过{maxYuan}元），请核对单位");
        if (decimal.Round(yuan.Value, 2) != yuan.Value)
            throw FazhiValidationException.For(field, "金额最多保留两位小数（元、角、分）");
        return (long)(yuan.Value * 100);
    }
}
