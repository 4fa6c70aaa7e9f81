using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;

namespace Fazhi.Web.Modules.Legality.Domain;

public enum DecisionStatus
{
    /// <summary>列入目录，正在履行决策程序</summary>
    InProgress,
    /// <summary>已集体讨论决定</summary>
    Decided,
    /// <summary>已公布</summary>
    Published,
    /// <summary>已后评估</summary>
    Evaluated,
    /// <summary>调出目录 / 不再决策</summary>
    Withdrawn,
}

/// <summary>The statutory steps of 重大行政决策程序暂行条例 (国务院令第713号) in their order.</summary>
public enum DecisionStep
{
    /// <summary>公众参与 (第十四条至第十八条)</summary>
    PublicParticipation,
    /// <summary>专家论证 (第十九条至第二十一条)</summary>
    ExpertArgument,
    /// <summary>风险评估 (第二十二条至第二十四条)</summary>
    RiskAssessment,
    /// <summary>合法性审查 (第二十五条至第二十八条), through the review workflow</summary>
    LegalityReview,
    /// <summary>集体讨论决定 (第二十九条至第三十一条)</summary>
    CollectiveDecision,
    /// <summary>决策公布 (第三十二条)</summary>
    Publication,
    /// <summary>决策后评估 (第三十六条)</summary>
    PostEvaluation,
}

/// <summary>年度重大行政决策事项目录 (条例第三条第三款: 决策机关可以 … 确定决策事项目录、标准，经同级党委同意后向社会公布): kept by the
/// 司法局 for its government, adopted at a meeting, then published.</summary>
public sealed class DecisionCatalog : IOrgOwned
{
    public long Id { get; set; }
    /// <summary>The region whose government decides (环翠区, 371002); the 司法局 compiles it.</summary>
    public int OrgUnitId { get; set; }
    public int Year { get; set; }
    public required string Title { get; set; }
    public DateOnly? AdoptedOn { get; set; }
    /// <summary>审定会议 (区政府常务会议、区委常委会同意).</summary>
    public string? AdoptedBy { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public int Version { get; set; }

    public void Adopt(string? meeting, DateOnly on)
    {
        if (AdoptedOn is not null)
            throw new ConflictException($"{Year}年度目录已于{AdoptedOn:yyyy-MM-dd}审定。");
        if (string.IsNullOrWhiteSpace(meeting) || meeting.Length > 100)
            throw FazhiValidationException.For("meeting", "请填写审定目录的会议（如“区政府第12次常务会议”，100字以内）");
        AdoptedOn = on;
        AdoptedBy = meeting.Trim();
        Version++;
    }

    public void Publish(DateOnly on)
    {
        if (AdoptedOn is not { } adopted)
            throw new ConflictException("目录尚未审定，不能公布（条例第三条第三款：决策事项目录经同级党委同意后向社会公布）。");
        if (PublishedOn is not null)
            throw new ConflictException("目录已公布。");
        if (on < adopted)
            throw FazhiValidationException.For("on", $"公布日期不能早于审定日期{adopted:yyyy-MM-dd}");
        PublishedOn = on;
        Version++;
    }
}

/// <summary>重大行政决策事项: one item of the 目录, carried by its 承办单位 (<see cref="OrgUnitId"/>) through the statutory
/// steps; each step leaves a <see cref="DecisionStepRecord"/>. The legality review is a <see cref="ReviewMatter"/> of kind
/// 重大行政决策, and the aggregate refuses 集体讨论决定 without its opinion (条例第二十五条).</summary>
public sealed class MajorDecision : IOrgOwned
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public long CatalogId { get; set; }
    public int Year { get; set; }
    public required string Title { get; set; }
    public string? Summary { get; set; }
    public DecisionStatus Status { get; set; }
    public long? ReviewMatterId { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public string? Meeting { get; set; }
    public DateOnly? PublishedOn { get; set; }
    public DateOnly? EvaluatedOn { get; set; }
    public List<DecisionStepRecord> Steps { get; set; } = [];
    public int Version { get; set; }

    public DecisionStepRecord? Last(DecisionStep step) => Steps.Where(s => s.Step == step).OrderBy(s => s.On).ThenBy(s => s.Id).LastOrDefault();
}

/// <summary>一个程序环节的记录: what was done (征求意见30日收到意见12条、专家论证会、社会稳定风险评估报告 …) or why the
/// step does not apply (<see cref="NotApplicable"/>, with the reason in <see cref="Record"/>).</summary>
public sealed class DecisionStepRecord
{
    public long Id { get; set; }
    public long DecisionId { get; set; }
    public DecisionStep Step { get; set; }
    public DateOnly On { get; set; }
    /// <summary>公众参与: 公开征求意见的天数.</summary>
    public int? Days { get; set; }
    public bool NotApplicable { get; set; }
    public required string Record { get; set; }
    public required string Actor { get; set; }
    public DateTime AtUtc { get; set; }
}
