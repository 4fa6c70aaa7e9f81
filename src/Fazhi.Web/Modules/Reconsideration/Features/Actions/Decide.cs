using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Rules;

namespace Fazhi.Web.Modules.Reconsideration.Features.Actions;

/// <summary>作出行政复议决定 (第三十三条、第六十三条至第六十九条); may be 呈报审批 (on by default for decisions). A 普通程序
/// decision waits for the steps of 第四十八条、第四十九条 unless a reason is recorded; 第六十一条's 负责人同意 or 集体讨论 is
/// recorded with who; 撤销/部分撤销 (第六十四条) and 责令履行 (第六十六条) may set the respondent's period, which becomes a timer.</summary>
public sealed class Decide : IApprovableAction
{
    public static readonly IReadOnlyList<string> Types =
        ["维持", "驳回复议请求", "驳回申请", "变更", "撤销", "部分撤销", "确认违法", "责令履行", "确认无效"];

    public CaseAction Action => CaseAction.Decide;

    public IReadOnlyList<ActionField> Form(ReconRulesOptions rules) =>
    [
        ActionField.On("决定日期"),
        ActionField.Select(nameof(ActionRequest.DecisionType), "决定类型", Types),
        ActionField.Select(nameof(ActionRequest.DecisionMode), "决定方式（第六十一条）", DecisionRules.Modes),
        new(nameof(ActionRequest.DecidedBy), "同意的负责人或参加集体讨论的人员", FieldKind.Text),
        new(nameof(ActionRequest.PeriodDays), "责令重新作出或履行的期限（日，第六十四条、第六十六条）", FieldKind.Number, Required: false, Min: 1, Max: 365),
        new(nameof(ActionRequest.OverrideReason), "未完成答复或听取意见步骤的理由（第四十八条、第四十九条，无则不填）", FieldKind.Text, Required: false),
        new(nameof(ActionRequest.Gist), "决定主文（写入决定书，如“罚款数额由五千元变更为二千元”）", FieldKind.Text, Required: false),
        ActionField.Note("备注（记入办理过程）", required: false),
    ];

    public void Apply(ReconCase c, ActionRequest r, ActionContext x)
    {
        c.EnsureAllowed(Action);
        var type = ReconNames.Parse<DecisionType>(r.DecisionType, ReconNames.Of)
            ?? throw FazhiValidationException.For("decisionType", "决定类型应为" + string.Join("、", Types));
        DecisionRules.EnsureDecisionBasis(r.DecisionMode, r.DecidedBy);
        if (c.PendingConsultation is { } pending)   // 第五十二条、第六十一条第三款: the opinion is a basis of the decision
            throw new ConflictException($"本案已于{pending.RequestedOn:yyyy-MM-dd}提请行政复议委员会提出咨询意见（第五十二条），请先记录咨询意见再作出决定。");
        if (r.Gist is { Length: > DecisionGistLimit })
            throw FazhiValidationException.For("gist", $"决定主文不超过{DecisionGistLimit}字");
        if (r.PeriodDays is not null && !DecisionRules.SetsPeriod(type))
            throw FazhiValidationException.For("periodDays", "只有撤销、部分撤销（第六十四条）或责令履行（第六十六条）的决定才设定被申请人的期限。");
        if (c.Status == CaseStatus.Hearing)
            DecisionRules.EnsureOrdinaryStepsDone(c, type, x.On, r.OverrideReason, x.Calendar);
        var missing = c.Status == CaseStatus.Hearing && type != DecisionType.DismissApplication ? DecisionRules.MissingOrdinarySteps(c, x.On, x.Calendar) : [];
        var note = string.Join("；", new[]
        {
            string.IsNullOrWhiteSpace(r.Gist) ? null : "主文：" + r.Gist.Trim(),
            r.Note,
            $"经{r.DecisionMode}（{r.DecidedBy?.Trim()}，第六十一条）",
            r.PeriodDays is { } d ? $"限被申请人{d}日内{(type == DecisionType.OrderPerformance ? "履行" : "重新作出行政行为")}" : null,
            missing.Count > 0 ? $"未完成：{string.Join("、", missing)}；理由：{r.OverrideReason}" : null,
        }.Where(p => !string.IsNullOrWhiteSpace(p)));
        c.Decide(x.On, type, note, x.Actor, x.NowUtc);
        c.RecordDecisionBasis(r.DecisionMode!, r.DecidedBy!, r.PeriodDays);
        c.RecordDecisionGist(r.Gist);
    }

    public const int DecisionGistLimit = 1000;

    public string Summary(ActionRequest r) => $"{r.On:yyyy-MM-dd}作出{r.DecisionType}决定" + (r.DecisionMode is null ? "" : $"（{r.DecisionMode}：{r.DecidedBy}）");
}
