using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>中止 (第三十九条): the decision clock pauses from this day. The item of 第三十九条第一款 is recorded: on items
/// (一)(二)(四) a timer runs to the 60th day, after which the case is to be terminated (第四十一条第五项).</summary>
public sealed class Suspend : ICaseAction
{
    public CaseAction Action => CaseAction.Suspend;

    public IReadOnlyList<ActionField> Form(ReconRulesOptions rules) =>
    [
        ActionField.On("中止日期"),
        new(nameof(ActionRequest.Article39Item), "中止情形（第三十九条第一款）", FieldKind.Select, Required: false, Options: ["", .. OutcomeTimers.Article39Items]),
        ActionField.Reason("中止事由（具体情况）"),
    ];

    public void Apply(ReconCase c, ActionRequest r, ActionContext x)
    {
        c.EnsureAllowed(Action);
        int? item = null;
        if (!string.IsNullOrWhiteSpace(r.Article39Item))
            item = OutcomeTimers.ItemOf(r.Article39Item) ?? throw FazhiValidationException.For("article39Item", "中止情形应为第三十九条第一款所列的十项之一");
        var reason = r.Reason ?? "";
        c.Suspend(x.On, item is null ? reason : $"第三十九条第一款第{item}项：{reason}", x.Actor, x.NowUtc);
        c.Suspensions[^1].Article39Item = item;
    }
}
