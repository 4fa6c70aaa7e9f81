using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>
/// The registry of case actions: every <see cref="ICaseAction"/> class of the assembly, one per <see cref="CaseAction"/>,
/// in the enum's order. The service runs them, the page shows their forms, the API's summary lists their segments and
/// the approvals accept the <see cref="IApprovableAction"/> ones. A new action is its aggregate method, its file in this
/// folder and its test.
/// </summary>
public static class CaseActions
{
    /// <summary>Every handler, in <see cref="CaseAction"/> order.</summary>
    public static IReadOnlyList<ICaseAction> All { get; } = [.. typeof(CaseActions).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(ICaseAction).IsAssignableFrom(t))
        .Select(t => (ICaseAction)Activator.CreateInstance(t)!)
        .OrderBy(a => a.Action)];

    private static readonly Dictionary<string, ICaseAction> ByName = Index();

    private static Dictionary<string, ICaseAction> Index()
    {
        var index = new Dictionary<string, ICaseAction>(StringComparer.Ordinal);
        foreach (var a in All)
            if (!index.TryAdd(a.Action.ToString(), a))
                throw new InvalidOperationException($"{a.GetType().Name} and {index[a.Action.ToString()].GetType().Name} both handle {a.Action}: one action, one handler.");
        return index;
    }

    public static ICaseAction? Find(CaseAction action) => ByName.GetValueOrDefault(action.ToString());

    /// <summary>URL segment → handler: <c>request-correction</c> → the <see cref="CaseAction.RequestCorrection"/> handler;
    /// null for a segment no handler answers (收到申请 and 视为受理 are not actions one posts).</summary>
    public static ICaseAction? FromSegment(string? segment)
    {
        if (string.IsNullOrWhiteSpace(segment))
            return null;
        var pascal = string.Concat(segment.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));
        return ByName.GetValueOrDefault(pascal);
    }

    /// <summary><see cref="CaseAction.RequestCorrection"/> → <c>request-correction</c>.</summary>
    public static string Segment(CaseAction action) =>
        string.Concat(action.ToString().Select((ch, i) => char.IsUpper(ch) && i > 0 ? "-" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));

    public static IEnumerable<IApprovableAction> Approvable => All.OfType<IApprovableAction>();

    /// <summary>受理、延期和作出决定: the actions that may be 呈报审批, as a sentence names them.</summary>
    public static string ApprovableNames
    {
        get
        {
            var names = Approvable.Select(a => CaseStateMachine.NameOf(a.Action)).ToList();
            return names.Count <= 1 ? string.Concat(names) : string.Join("、", names[..^1]) + "和" + names[^1];
        }
    }

    /// <summary>The summary of <c>POST …/cases/{id}/actions/{action}</c>: every segment with its Chinese name.</summary>
    public static string ApiSummary => "办理操作：" + string.Join(", ", All.Select(a => $"{Segment(a.Action)}（{CaseStateMachine.NameOf(a.Action)}）"));

    /// <summary>The description of the same endpoint: the fields each action reads (from its form).</summary>
    public static string ApiDescription
    {
        get
        {
            var rules = new ReconRulesOptions();
            var lines = All.Select(a => $"- `{Segment(a.Action)}` {CaseStateMachine.NameOf(a.Action)}{(a is IApprovableAction ? "（可呈报审批）" : "")}：" +
                string.Join("；", a.Form(rules).Select(f => $"`{f.Key}` {f.Label}{(f.Options is { Count: > 0 } o ? "（" + string.Join("/", o.Where(x => x.Length > 0)) + "）" : "")}{(f.Required ? "" : "，可不填")}")));
            return "请求体只需包含该操作读取的字段；状态不允许该操作时返回409，字段有误时返回400并指明字段。\n\n" + string.Join("\n", lines);
        }
    }

    /// <summary>The summary of <c>POST …/cases/{id}/approvals</c>.</summary>
    public static string ApprovalApiSummary =>
        "呈报：" + string.Join("、", Approvable.Select(a => $"{CaseStateMachine.NameOf(a.Action)}（{Segment(a.Action)}）")) + "，附该操作的参数";
}
