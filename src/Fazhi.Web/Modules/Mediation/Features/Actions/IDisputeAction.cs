using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Modules.Mediation.Domain;

namespace Fazhi.Web.Modules.Mediation.Features.Actions;

/// <summary>One action on a dispute (ADR 0004: one action = one handler + its form). The aggregate's state machine says
/// which states allow it; the handler reads its input, refuses malformed input naming the field, and calls the aggregate.</summary>
public interface IDisputeAction
{
    DisputeAction Action { get; }

    IReadOnlyList<DisputeField> Form { get; }

    void Apply(Dispute d, DisputeActionRequest r, DisputeActionContext x);
}

/// <summary>What an action gets besides its request: the action date, the time, the actor, the calendar, and the mediators
/// of the dispute's committee (for 受理).</summary>
public sealed record DisputeActionContext(DateOnly On, DateTime NowUtc, string Actor, HolidayCalendar Calendar, IReadOnlyList<Mediator> Mediators);

public enum DisputeFieldKind { Date, Text, LongText, Select, Mediator, Check }

/// <summary>One field of an action's form; <see cref="Name"/> is the request's property (camelCase in the API).</summary>
public sealed record DisputeField(string Name, string Label, DisputeFieldKind Kind, bool Required = true, IReadOnlyList<string>? Options = null)
{
    public string Key => char.ToLowerInvariant(Name[0]) + Name[1..];
}

/// <summary>One action's input; each action reads the fields it needs.</summary>
public sealed record DisputeActionRequest(
    DateOnly? On = null, long? MediatorId = null, string? Reason = null, string? Place = null, string? Record = null,
    string? AgreementKind = null, string? Content = null, DateOnly? EffectiveOn = null, string? Court = null, bool? Jointly = null,
    string? Result = null, string? CaseNumber = null, string? Performance = null, string? Note = null);

internal static class Require
{
    public static string Text(string? value, string key, string label, int max = 2000)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw Kernel.Web.FazhiValidationException.For(key, $"请填写{label}");
        if (value.Length > max)
            throw Kernel.Web.FazhiValidationException.For(key, $"{label}不能超过{max}个字符");
        return value.Trim();
    }
}

/// <summary>The registry: every <see cref="IDisputeAction"/> of the assembly, one per action.</summary>
public static class DisputeActions
{
    public static IReadOnlyList<IDisputeAction> All { get; } = [.. typeof(DisputeActions).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IDisputeAction).IsAssignableFrom(t))
        .Select(t => (IDisputeAction)Activator.CreateInstance(t)!)
        .OrderBy(a => a.Action)];

    public static IDisputeAction? Find(DisputeAction action) => All.FirstOrDefault(a => a.Action == action);

    public static IDisputeAction? FromSegment(string? segment)
    {
        if (string.IsNullOrWhiteSpace(segment))
            return null;
        var pascal = string.Concat(segment.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
        return All.FirstOrDefault(a => a.Action.ToString() == pascal);
    }

    public static string Segment(DisputeAction action) =>
        string.Concat(action.ToString().Select((ch, i) => char.IsUpper(ch) && i > 0 ? "-" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));

    public static string ApiSummary => "办理操作：" + string.Join(", ", All.Select(a => $"{Segment(a.Action)}（{DisputeStateMachine.NameOf(a.Action)}）"));

    public static string ApiDescription => "请求体只需包含该操作读取的字段；状态不允许该操作时返回409，字段有误时返回400并指明字段。\n\n" +
        string.Join("\n", All.Select(a => $"- `{Segment(a.Action)}` {DisputeStateMachine.NameOf(a.Action)}：" +
            string.Join("；", a.Form.Select(f => $"`{f.Key}` {f.Label}{(f.Required ? "" : "，可不填")}"))));
}
