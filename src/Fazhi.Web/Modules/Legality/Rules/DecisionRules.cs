using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Domain;

namespace Fazhi.Web.Modules.Legality.Rules;

/// <summary>
/// 重大行政决策程序暂行条例 (国务院令第713号, 2019-09-01), the text in docs/statutes/zhongda-juece.md:
/// 第十五条 公开征求意见的期限一般不少于30日；因情况紧急等原因需要缩短期限的，公开征求意见时应当予以说明 → a shorter period
/// needs its reason; 第十四条 依法不予公开的决策事项除外 → 公众参与 may be 不适用 only with that reason;
/// 第十九条 (专业性、技术性较强的 … 组织专家论证) and 第二十二条 (可能对社会稳定、公共安全等方面造成不利影响的 … 风险评估) →
/// each is recorded, or marked 不适用 with a reason;
/// 第二十五条 决策草案提交决策机关讨论前，应当由负责合法性审查的部门进行合法性审查 … 决策草案未经合法性审查或者经审查不合法的，
/// 不得提交决策机关讨论 → 集体讨论决定 is refused without an issued opinion, or with a 不合法 one;
/// 第三十条 决策草案应当经决策机关常务会议或者全体会议讨论 → the meeting is named; 第三十二条 公布; 第三十六条 决策后评估 (第三十五条 is the 执行单位 reporting problems).
/// </summary>
public static class DecisionRules
{
    public const int PublicCommentDays = 30;

    public static readonly DecisionStep[] Preparatory = [DecisionStep.PublicParticipation, DecisionStep.ExpertArgument, DecisionStep.RiskAssessment];

    public static string NameOf(DecisionStep s) => s switch
    {
        DecisionStep.PublicParticipation => "公众参与",
        DecisionStep.ExpertArgument => "专家论证",
        DecisionStep.RiskAssessment => "风险评估",
        DecisionStep.LegalityReview => "合法性审查",
        DecisionStep.CollectiveDecision => "集体讨论决定",
        DecisionStep.Publication => "决策公布",
        _ => "决策后评估",
    };

    public static string NameOf(DecisionStatus s) => s switch
    {
        DecisionStatus.InProgress => "履行程序中",
        DecisionStatus.Decided => "已集体讨论决定",
        DecisionStatus.Published => "已公布",
        DecisionStatus.Evaluated => "已后评估",
        _ => "已调出目录",
    };

    /// <summary>The article a step rests on (shown beside it).</summary>
    public static string ArticleOf(DecisionStep s) => s switch
    {
        DecisionStep.PublicParticipation => "第十四条、第十五条",
        DecisionStep.ExpertArgument => "第十九条",
        DecisionStep.RiskAssessment => "第二十二条",
        DecisionStep.LegalityReview => "第二十五条",
        DecisionStep.CollectiveDecision => "第三十条",
        DecisionStep.Publication => "第三十二条",
        _ => "第三十六条",
    };

    /// <summary>Checks a preparatory record (公众参与, 专家论证, 风险评估) before the decision takes it.</summary>
    public static void CheckPreparatory(MajorDecision d, DecisionStep step, int? days, bool notApplicable, string? record)
    {
        if (!Preparatory.Contains(step))
            throw FazhiValidationException.For("step", "只能登记公众参与、专家论证、风险评估；合法性审查通过送审办理");
        if (d.Status != DecisionStatus.InProgress)
            throw new ConflictException($"决策已{NameOf(d.Status)}，不能再登记{NameOf(step)}。");
        if (string.IsNullOrWhiteSpace(record) || record.Length > 2000)
            throw FazhiValidationException.For("record", notApplicable ? $"请说明不开展{NameOf(step)}的理由（2000字以内）" : $"请填写{NameOf(step)}情况（2000字以内）");
        if (step == DecisionStep.PublicParticipation && !notApplicable)
        {
            if (days is null or < 1 or > 365)
                throw FazhiValidationException.For("days", "请填写公开征求意见的天数");
            if (days < PublicCommentDays && !record.Contains("紧急", StringComparison.Ordinal) && !record.Contains("缩短", StringComparison.Ordinal))
                throw FazhiValidationException.For("days",
                    $"公开征求意见期限一般不少于{PublicCommentDays}日（条例第十五条）；缩短期限的，请在情况中说明缩短的原因（如“情况紧急”）");
        }
    }

    /// <summary>What still stands between the decision and 集体讨论决定 (empty: it may be discussed). The legality review
    /// comes first and is named with its article.</summary>
    public static IReadOnlyList<string> MissingBeforeDecision(MajorDecision d, ReviewMatter? review)
    {
        var missing = new List<string>();
        if (review is null)
            missing.Add("决策草案未经合法性审查，不得提交决策机关讨论（《重大行政决策程序暂行条例》第二十五条）");
        else if (review.Status is not (MatterStatus.OpinionIssued or MatterStatus.Closed))
            missing.Add($"合法性审查尚未出具审核意见（审查事项{review.Number ?? "已送审"}，{LegalityNames.Of(review.Status)}），不得提交决策机关讨论（《重大行政决策程序暂行条例》第二十五条）");
        else if (review.Conclusion == OpinionConclusion.Unlawful)
            missing.Add("决策草案经合法性审查不合法，不得提交决策机关讨论（《重大行政决策程序暂行条例》第二十五条）");
        foreach (var step in Preparatory.Where(s => d.Last(s) is null))
            missing.Add($"尚未登记{NameOf(step)}（条例{ArticleOf(step)}；不开展的，请登记不适用的理由）");
        return missing;
    }

    public static void Decide(MajorDecision d, ReviewMatter? review, string? meeting, DateOnly on, string actor, DateTime nowUtc)
    {
        if (d.Status != DecisionStatus.InProgress)
            throw new ConflictException($"决策已{NameOf(d.Status)}。");
        var missing = MissingBeforeDecision(d, review);
        if (missing.Count > 0)
            throw new ConflictException(string.Join("；", missing) + "。");
        if (string.IsNullOrWhiteSpace(meeting) || meeting.Length > 100)
            throw FazhiValidationException.For("meeting", "请填写讨论决定的会议（常务会议或者全体会议，条例第三十条）");
        if (review!.OpinionIssuedOn is { } issued && on < issued)
            throw FazhiValidationException.For("on", $"集体讨论日期不能早于合法性审查意见出具日期{issued:yyyy-MM-dd}");
        d.Status = DecisionStatus.Decided;
        d.DecidedOn = on;
        d.Meeting = meeting.Trim();
        d.Version++;
        d.Steps.Add(new DecisionStepRecord { Step = DecisionStep.CollectiveDecision, On = on, Record = $"经{d.Meeting}讨论决定", Actor = actor, AtUtc = nowUtc });
    }

    public static void Publish(MajorDecision d, string? how, DateOnly on, string actor, DateTime nowUtc)
    {
        if (d.Status != DecisionStatus.Decided)
            throw new ConflictException(d.Status == DecisionStatus.InProgress ? "决策尚未集体讨论决定，不能公布。" : $"决策已{NameOf(d.Status)}。");
        if (on < d.DecidedOn)
            throw FazhiValidationException.For("on", $"公布日期不能早于决定日期{d.DecidedOn:yyyy-MM-dd}");
        d.Status = DecisionStatus.Published;
        d.PublishedOn = on;
        d.Version++;
        d.Steps.Add(new DecisionStepRecord
        {
            Step = DecisionStep.Publication, On = on, Record = string.IsNullOrWhiteSpace(how) ? "通过政府网站公布" : how.Trim(), Actor = actor, AtUtc = nowUtc,
        });
    }

    public static void Evaluate(MajorDecision d, string? record, DateOnly on, string actor, DateTime nowUtc)
    {
        if (d.Status != DecisionStatus.Published)
            throw new ConflictException(d.Status == DecisionStatus.Evaluated ? "决策已后评估。" : "决策公布实施后才能开展后评估。");
        if (string.IsNullOrWhiteSpace(record) || record.Length > 2000)
            throw FazhiValidationException.For("record", "请填写后评估结论（2000字以内）");
        if (on < d.PublishedOn)
            throw FazhiValidationException.For("on", $"后评估日期不能早于公布日期{d.PublishedOn:yyyy-MM-dd}");
        d.Status = DecisionStatus.Evaluated;
        d.EvaluatedOn = on;
        d.Version++;
        d.Steps.Add(new DecisionStepRecord { Step = DecisionStep.PostEvaluation, On = on, Record = record.Trim(), Actor = actor, AtUtc = nowUtc });
    }
}
