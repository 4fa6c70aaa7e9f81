using System.Reflection;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Features;
using Fazhi.Web.Modules.Reconsideration.Features.Actions;
using Fazhi.Web.Modules.Reconsideration.Rules;
using static Fazhi.UnitTests.Modules.Reconsideration.CaseBuilder;

namespace Fazhi.UnitTests.Modules.Reconsideration;

/// <summary>One action = one handler + its form: the registry matches the state machine, every form names real request
/// fields, and each handler, fed what its own form asks for, takes the case where the state machine says.</summary>
public sealed class CaseActionsTests
{
    private static readonly ReconRulesOptions Rules = new();
    private static readonly HolidayCalendar Calendar = new(HolidayFile.LoadEmbedded());

    /// <summary>The actions staff can take: allowed from some state by the table (视为受理 is the timer's, not a form's).</summary>
    private static HashSet<CaseAction> ActionsTheStateMachineAllows() =>
        [.. Enum.GetValues<CaseStatus>().SelectMany(CaseStateMachine.AllowedFrom)];

    [Fact]
    public void Every_action_the_state_machine_allows_has_exactly_one_handler_with_a_form_and_vice_versa()
    {
        var allowed = ActionsTheStateMachineAllows();
        allowed.Count.ShouldBeGreaterThan(20);
        var handled = CaseActions.All.GroupBy(a => a.Action).ToDictionary(g => g.Key, g => g.Select(h => h.GetType().Name).ToList());
        foreach (var a in allowed)
        {
            handled.TryGetValue(a, out var handlers).ShouldBeTrue($"{a} is allowed by the state machine but has no handler in Features/Actions");
            handlers!.Count.ShouldBe(1, $"{a} has {handlers.Count} handlers: {string.Join(", ", handlers)}");
            CaseActions.Find(a)!.Form(Rules).ShouldNotBeEmpty($"{a} has no form");
        }
        handled.Keys.Where(a => !allowed.Contains(a)).ShouldBeEmpty("handlers of actions no state allows");
        CaseActions.All.Select(a => a.Action).ShouldBe(CaseActions.All.Select(a => a.Action).Order()); // the enum's order
    }

    [Fact]
    public void Segments_round_trip_and_unknown_or_internal_segments_find_nothing()
    {
        foreach (var a in CaseActions.All)
            CaseActions.FromSegment(CaseActions.Segment(a.Action)).ShouldBeSameAs(a);
        CaseActions.Segment(CaseAction.RecordCopyReceived).ShouldBe("record-copy-received");
        CaseActions.FromSegment("receive").ShouldBeNull();
        CaseActions.FromSegment("deem-accept").ShouldBeNull();
        CaseActions.FromSegment("no-such-thing").ShouldBeNull();
        CaseActions.FromSegment("4").ShouldBeNull();
        CaseActions.FromSegment("").ShouldBeNull();
        CaseActions.FromSegment(null).ShouldBeNull();
    }

    [Fact]
    public void Every_form_field_is_a_request_property_of_the_type_its_widget_posts_with_a_chinese_label()
    {
        var properties = typeof(ActionRequest).GetProperties(BindingFlags.Public | BindingFlags.Instance).ToDictionary(p => p.Name, p => p.PropertyType);
        foreach (var a in CaseActions.All)
        {
            var form = a.Form(Rules);
            form.Select(f => f.Name).ShouldBeUnique($"{a.Action}: a field twice");
            foreach (var f in form)
            {
                properties.TryGetValue(f.Name, out var type).ShouldBeTrue($"{a.Action}: {f.Name} is not a property of ActionRequest");
                type.ShouldBe(f.Kind switch
                {
                    FieldKind.Date => typeof(DateOnly?),
                    FieldKind.DateTime => typeof(DateTime?),
                    FieldKind.Number => typeof(int?),
                    _ => typeof(string),
                }, $"{a.Action}.{f.Name}");
                f.Label.ShouldMatch(@"\p{IsCJKUnifiedIdeographs}", $"{a.Action}.{f.Name}: label in Chinese");
                if (f.Kind == FieldKind.Select)
                    f.Options.ShouldNotBeNull().Where(o => o.Length > 0).ShouldNotBeEmpty($"{a.Action}.{f.Name}: a select without options");
            }
        }
    }

    [Fact]
    public void Extension_days_are_bounded_by_the_configured_limit_not_a_fixed_thirty()
    {
        var days = CaseActions.Find(CaseAction.Extend)!.Form(new ReconRulesOptions { MaxExtensionDays = 20 }).Single(f => f.Kind == FieldKind.Number);
        days.Max.ShouldBe(20);
        days.Min.ShouldBe(1);
    }

    [Fact]
    public void Acceptance_extension_and_decision_may_be_submitted_for_approval_and_summarise_themselves()
    {
        CaseActions.Approvable.Select(a => a.Action).ShouldBe([CaseAction.Accept, CaseAction.Extend, CaseAction.Decide]);
        CaseActions.ApprovableNames.ShouldBe("受理、延期和作出决定");
        CaseActions.ApprovalApiSummary.ShouldBe("呈报：受理（accept）、延期（extend）、作出决定（decide），附该操作的参数");
        var on = D("2024-05-08");
        ((IApprovableAction)CaseActions.Find(CaseAction.Accept)!).Summary(new ActionRequest(On: on)).ShouldBe("2024-05-08受理，普通程序");
        ((IApprovableAction)CaseActions.Find(CaseAction.Extend)!).Summary(new ActionRequest(Days: 10, ApprovedBy: "王局长")).ShouldBe("延长10日，批准人王局长");
        ((IApprovableAction)CaseActions.Find(CaseAction.Decide)!).Summary(new ActionRequest(On: on, DecisionType: "撤销")).ShouldBe("2024-05-08作出撤销决定");
    }

    [Fact]
    public void The_api_summary_names_every_action_segment()
    {
        foreach (var a in CaseActions.All)
        {
            CaseActions.ApiSummary.ShouldContain(CaseActions.Segment(a.Action) + "（" + CaseStateMachine.NameOf(a.Action) + "）");
            CaseActions.ApiDescription.ShouldContain("`" + CaseActions.Segment(a.Action) + "`");
        }
    }

    public static TheoryData<string, CaseStatus> HandlersAndTheirStates()
    {
        var data = new TheoryData<string, CaseStatus>();
        foreach (var a in CaseActions.All)
            foreach (var s in Enum.GetValues<CaseStatus>().Where(s => CaseStateMachine.IsAllowed(s, a.Action)))
                data.Add(a.Action.ToString(), s);
        return data;
    }

    /// <summary>A case in <paramref name="status"/> on which <paramref name="action"/> can legally be taken (some actions need an
    /// earlier step: a copy sent, a letter issued, a simplified procedure).</summary>
    private static ReconCase Ready(CaseAction action, CaseStatus status)
    {
        // A case still under review is received three days before the action date (the review period of 第三十条 still runs).
        var c = action == CaseAction.ConvertToOrdinary ? Accepted("2024-03-05", ProcedureKind.Simplified, received: "2024-03-01")
            : status == CaseStatus.Reviewing ? Received("2024-03-25") : In(status);
        if (action == CaseAction.RecordCopyReceived)
            c.SendCopy(D("2024-03-06"), "t", Now);
        if (action == CaseAction.RecordConsultation)
            c.RequestConsultation(D("2024-03-20"), CommitteeRules.Grounds[0], "事项", "t", Now);
        if (action == CaseAction.RecordOpinionReply)
            c.IssueOpinionLetter(D("2024-03-20"), "意见书", "环翠区市场监督管理局", "规范执法", "t", Now);
        return c;
    }

    /// <summary>What a clerk would fill into the form: every field from its own declaration.</summary>
    private static ActionRequest Filled(IReadOnlyList<ActionField> form) => Filled(null, form);

    /// <summary>Values a clerk would give where the generic ones would not be lawful (a receipt date, an ID number, a phone).</summary>
    private static readonly Dictionary<(CaseAction, string), object?> Lawful = new()
    {
        [(CaseAction.Abandon, nameof(ActionRequest.ReceivedOn))] = D("2024-03-05"),
        [(CaseAction.RequestCorrection, nameof(ActionRequest.ReceivedOn))] = D("2024-03-28"),
        [(CaseAction.AddParty, nameof(ActionRequest.PartyIdNumber))] = null,
        [(CaseAction.AddParty, nameof(ActionRequest.PartyPhone))] = "13800000000",
        [(CaseAction.Decide, nameof(ActionRequest.PeriodDays))] = null,
        [(CaseAction.Amend, nameof(ActionRequest.Value))] = "李四",
        [(CaseAction.RecordConsultation, nameof(ActionRequest.Opinions))] = "委员甲：同意\n委员乙：同意",
    };

    private static ActionRequest Filled(CaseAction? action, IReadOnlyList<ActionField> form)
    {
        var values = new Dictionary<string, object?>();
        foreach (var f in form)
            values[f.Name] = action is { } a && Lawful.TryGetValue((a, f.Name), out var lawful) ? lawful : f.Kind switch
            {
                FieldKind.Date => f.Name == nameof(ActionRequest.On) ? D("2024-03-28") : D("2024-04-15"),
                FieldKind.DateTime => new DateTime(2024, 3, 28, 10, 0, 0, DateTimeKind.Unspecified),
                FieldKind.Number => f.Max ?? 10,
                FieldKind.Text => "说明",
                FieldKind.Assignee => "huancui",
                FieldKind.Approver => "王局长",
                _ => f.Options!.First(o => o.Length > 0),
            };
        var ctor = typeof(ActionRequest).GetConstructors().Single();
        return (ActionRequest)ctor.Invoke([.. ctor.GetParameters().Select(p => values.GetValueOrDefault(char.ToUpperInvariant(p.Name![0]) + p.Name[1..]))]);
    }

    private static ActionContext Context(ActionRequest r) => new(r.On ?? D("2024-03-28"), Now, "huancui", Calendar, Rules);

    [Theory]
    [MemberData(nameof(HandlersAndTheirStates))]
    public void A_handler_fed_its_own_form_takes_the_case_where_the_state_machine_says(string action, CaseStatus from)
    {
        var handler = CaseActions.Find(Enum.Parse<CaseAction>(action))!;
        var c = Ready(handler.Action, from);
        var events = c.Events.Count;
        handler.Apply(c, Filled(handler.Action, handler.Form(Rules)), Context(Filled(handler.Action, handler.Form(Rules))));
        c.Status.ShouldBe(CaseStateMachine.Next(from, handler.Action));
        c.Events.Count.ShouldBe(events + 1);
        c.Events[^1].Action.ShouldBe(handler.Action);
        c.Events[^1].Actor.ShouldBe("huancui");
    }

    /// <summary>An empty request either is enough (every field optional) or is refused naming a field of the action's own
    /// form, in Chinese — so the page shows the message next to the field and the API names what to send.</summary>
    [Theory]
    [MemberData(nameof(HandlersAndTheirStates))]
    public void An_empty_request_is_refused_naming_a_field_of_the_form(string action, CaseStatus from)
    {
        var handler = CaseActions.Find(Enum.Parse<CaseAction>(action))!;
        var c = Ready(handler.Action, from);
        var keys = handler.Form(Rules).Select(f => f.Key).ToHashSet();
        var required = handler.Form(Rules).Where(f => f.Required && f.Name != nameof(ActionRequest.On)).ToList();
        try
        {
            handler.Apply(c, new ActionRequest(), Context(new ActionRequest()));
            required.Where(f => f.Kind is FieldKind.Text or FieldKind.Approver).ShouldBeEmpty($"{action} accepted an empty request although its form requires these");
        }
        catch (FazhiValidationException e)
        {
            e.Errors.Keys.ShouldAllBe(k => keys.Contains(k), $"{action}: errors keyed {string.Join(",", e.Errors.Keys)}, form has {string.Join(",", keys)}");
            e.Errors.Values.SelectMany(m => m).ShouldAllBe(m => System.Text.RegularExpressions.Regex.IsMatch(m, @"\p{IsCJKUnifiedIdeographs}"));
            c.Status.ShouldBe(from);
        }
    }

    [Fact]
    public void Handlers_check_their_own_input_before_the_aggregate()
    {
        var c = In(CaseStatus.Hearing);
        var hearing = CaseActions.Find(CaseAction.HearOpinion)!;
        Should.Throw<FazhiValidationException>(() => hearing.Apply(c, new ActionRequest(Mode: "书面", Note: "意见"), Context(new ActionRequest())))
            .Errors["mode"].ShouldBe(["听取意见方式应为当面、电话或网络"]);
        var schedule = CaseActions.Find(CaseAction.ScheduleHearing)!;
        Should.Throw<FazhiValidationException>(() => schedule.Apply(c, new ActionRequest(HearingOn: D("2024-03-29")), Context(new ActionRequest())))
            .Message.ShouldContain("第五十一条"); // 2024-03-28 → 03-29: one working day's notice, five required
        var contact = CaseActions.Find(CaseAction.RecordContact)!;
        Should.Throw<FazhiValidationException>(() => contact.Apply(c, new ActionRequest(At: new DateTime(2025, 6, 1, 9, 0, 0, DateTimeKind.Unspecified)), Context(new ActionRequest())))
            .Errors.ShouldContainKey("at"); // 09:00 Beijing is 01:00 UTC, later than now (00:00 UTC)
        c.Events.Count.ShouldBe(In(CaseStatus.Hearing).Events.Count);
    }
}
