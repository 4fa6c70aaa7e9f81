using Fazhi.Web.Modules.Legality.Domain;

namespace Fazhi.Web.Modules.Legality.Features.Actions;

/// <summary>One action on a 合法性审查事项 (ADR 0004, "one action = one handler + its form"): the form the page shows,
/// the permission it needs, and how it applies a request to the aggregate (which enforces the transition table).</summary>
public interface IMatterAction
{
    MatterAction Action { get; }

    /// <summary>The permission the action needs (the reviewer's, the commenter's or the submitter's).</summary>
    string Permission { get; }

    IReadOnlyList<MatterField> Form { get; }

    void Apply(ReviewMatter m, MatterActionRequest r, MatterActionContext x);
}

/// <summary>One action's input; each action reads its own fields.</summary>
public sealed record MatterActionRequest(
    DateOnly? On = null, string? Note = null, string? Reviewer = null, string? Advisers = null, string? Clause = null, string? Text = null,
    string? Conclusion = null, IReadOnlyList<AdoptionInput>? Answers = null);

public sealed record AdoptionInput(int? Seq, string? Adoption, string? Reason);

/// <summary>The action date (never after today), the time, the actor, and a number the service allotted for the action.</summary>
public sealed record MatterActionContext(DateOnly On, DateTime NowUtc, string Actor, string? Number);

public enum MatterFieldKind { Date, Text, Line, Select, Reviewer }

public sealed record MatterField(string Name, string Label, MatterFieldKind Kind, bool Required = true, IReadOnlyList<string>? Options = null)
{
    public string Key => char.ToLowerInvariant(Name[0]) + Name[1..];
}

/// <summary>The registry: every <see cref="IMatterAction"/> of the assembly, one per action.</summary>
public static class MatterActions
{
    public static IReadOnlyList<IMatterAction> All { get; } = [.. typeof(MatterActions).Assembly.GetTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IMatterAction).IsAssignableFrom(t))
        .Select(t => (IMatterAction)Activator.CreateInstance(t)!)
        .OrderBy(a => a.Action)];

    public static IMatterAction? Find(MatterAction a) => All.FirstOrDefault(x => x.Action == a);

    public static IMatterAction? FromSegment(string? segment) =>
        string.IsNullOrWhiteSpace(segment) ? null : All.FirstOrDefault(a => Segment(a.Action) == segment);

    public static string Segment(MatterAction a) =>
        string.Concat(a.ToString().Select((ch, i) => char.IsUpper(ch) && i > 0 ? "-" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));

    public static string Summary(string permission) => string.Join(", ", All.Where(a => a.Permission == permission)
        .Select(a => $"{Segment(a.Action)}（{ReviewStateMachine.NameOf(a.Action)}：" + string.Join("、", a.Form.Select(f => f.Key)) + "）"));
}
