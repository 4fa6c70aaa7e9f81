using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>
/// One action on a 行政复议 case (ADR 0004, "one action = one handler + its form"): which <see cref="CaseAction"/> it is,
/// the form 案件详情 shows for it, and how it applies a request to the aggregate. The aggregate's state machine
/// (<see cref="CaseStateMachine"/>) stays the one place that says which actions a state allows; a handler only reads
/// its input, refuses what is malformed naming the field, and calls the aggregate's method. Handlers are found by
/// <see cref="CaseActions"/> (every class in the assembly implementing this interface, one per action).
/// </summary>
public interface ICaseAction
{
    CaseAction Action { get; }

    /// <summary>What the action asks for, in the order the page shows it; the API reads the same names (camelCase).</summary>
    IReadOnlyList<ActionField> Form(ReconRulesOptions rules);

    /// <summary>Validates the action's own input (<see cref="Kernel.Web.FazhiValidationException"/> naming the field, in
    /// Chinese) and calls the aggregate, which enforces the state machine and the order of dates.</summary>
    void Apply(ReconCase c, ActionRequest r, ActionContext x);
}

/// <summary>An action that may be 呈报审批 (Reconsideration:ApprovalRequired makes it mandatory): submitted with its
/// request, carried out by the same handler when a leader approves.</summary>
public interface IApprovableAction : ICaseAction
{
    /// <summary>One line for 待审批 and the case's approval table.</summary>
    string Summary(ActionRequest r);
}

/// <summary>What every action gets besides its request: the action date (<see cref="ActionRequest.On"/> or today, never
/// later than today), the time, the acting user, the holiday calendar and the module's configured rules.</summary>
/// <remarks><see cref="Roster"/>: the unit's 行政复议委员会 members (for 记录咨询意见; null where not loaded).</remarks>
public sealed record ActionContext(DateOnly On, DateTime NowUtc, string Actor, HolidayCalendar Calendar, ReconRulesOptions Rules,
    IReadOnlyCollection<string>? Roster = null);

/// <summary>How a field is shown: the view has one widget per kind (assignee and approver are pick lists of users).</summary>
public enum FieldKind { Date, DateTime, Number, Text, Select, Assignee, Approver }

/// <summary>
/// One field of an action's form. <see cref="Name"/> is the <see cref="ActionRequest"/> property it fills: the page posts
/// it under that name, the API reads it in camelCase (<see cref="Key"/>), and validation errors are keyed by <see cref="Key"/>.
/// </summary>
public sealed record ActionField(string Name, string Label, FieldKind Kind, bool Required = true, IReadOnlyList<string>? Options = null,
    int? Min = null, int? Max = null)
{
    /// <summary>The JSON name and the key of the field's validation errors.</summary>
    public string Key => char.ToLowerInvariant(Name[0]) + Name[1..];

    /// <summary>The action date (<see cref="ActionRequest.On"/>), labelled as the action calls it (受理日期, 送达日期 …).</summary>
    public static ActionField On(string label = "日期") => new(nameof(ActionRequest.On), label, FieldKind.Date);

    public static ActionField Note(string label, bool required = true) => new(nameof(ActionRequest.Note), label, FieldKind.Text, required);

    public static ActionField Reason(string label) => new(nameof(ActionRequest.Reason), label, FieldKind.Text);

    public static ActionField Select(string name, string label, params IReadOnlyList<string> options) => new(name, label, FieldKind.Select, Options: options);

    /// <summary>批准人: a 局领导 of the unit (a pick list; free text where the unit has none).</summary>
    public static ActionField ApprovedBy() => new(nameof(ActionRequest.ApprovedBy), "批准人（复议机构负责人）", FieldKind.Approver);
}
