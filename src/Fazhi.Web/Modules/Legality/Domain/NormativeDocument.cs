using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;

namespace Fazhi.Web.Modules.Legality.Domain;

public enum DocumentLevel
{
    /// <summary>政府规范性文件 (issued by the district government; filed with the higher government and the 人大常委会).</summary>
    Government,
    /// <summary>部门规范性文件 (issued by a department; filed with the district government).</summary>
    Department,
}

public enum DocumentStatus { Planned, Drafting, UnderReview, Deliberated, Published, Repealed, Expired }

public enum DocumentAction { Plan, StartDrafting, SubmitForReview, Deliberate, Publish, FileWithGovernment, FileWithCongress, Evaluate, Repeal, Expire }

/// <summary>清理 decision per document (谁制定谁清理).</summary>
public enum CleanupDecision { Keep, Amend, Repeal }

/// <summary>
/// 规范性文件: from the year's 制定计划 through drafting, legality review (a <see cref="ReviewMatter"/>), 集体审议, 公布
/// (文号, date, 有效期), 备案, 后评估, 清理 and 废止/失效. Owned by the drafting unit; the 司法局 sees its area.
/// </summary>
public sealed class NormativeDocument : IOrgOwned
{
    public long Id { get; set; }

    /// <summary>起草单位.</summary>
    public int OrgUnitId { get; set; }

    public DocumentLevel Level { get; set; }

    public required string Title { get; set; }

    /// <summary>制定计划年度.</summary>
    public int PlanYear { get; set; }

    public DocumentStatus Status { get; set; }

    public long? ReviewMatterId { get; set; }

    public DateOnly? DeliberatedOn { get; set; }

    /// <summary>集体审议的会议 (区政府第N次常务会议, 局务会议).</summary>
    public string? Meeting { get; set; }

    /// <summary>文号 at publication, e.g. 威环政规〔2026〕1号.</summary>
    public string? DocumentNumber { get; set; }

    public DateOnly? PublishedOn { get; set; }

    /// <summary>有效期至 (inclusive): the document lapses the day after.</summary>
    public DateOnly? ValidUntil { get; set; }

    /// <summary>报上级政府（部门文件：报本级政府）备案之日.</summary>
    public DateOnly? FiledWithGovernmentOn { get; set; }

    public bool FiledWithGovernmentLate { get; set; }

    /// <summary>报本级人大常委会备案之日 (政府规范性文件).</summary>
    public DateOnly? FiledWithCongressOn { get; set; }

    public bool FiledWithCongressLate { get; set; }

    public DateOnly? EvaluatedOn { get; set; }

    public string? Evaluation { get; set; }

    /// <summary>废止或失效之日.</summary>
    public DateOnly? EndedOn { get; set; }

    public List<DocumentEvent> Events { get; set; } = [];

    public int Version { get; set; }

    public bool InForce => Status == DocumentStatus.Published;

    private static readonly Dictionary<DocumentAction, DocumentStatus[]> From = new()
    {
        [DocumentAction.StartDrafting] = [DocumentStatus.Planned],
        [DocumentAction.SubmitForReview] = [DocumentStatus.Planned, DocumentStatus.Drafting],
        [DocumentAction.Deliberate] = [DocumentStatus.UnderReview],
        [DocumentAction.Publish] = [DocumentStatus.Deliberated],
        [DocumentAction.FileWithGovernment] = [DocumentStatus.Published, DocumentStatus.Repealed, DocumentStatus.Expired],
        [DocumentAction.FileWithCongress] = [DocumentStatus.Published, DocumentStatus.Repealed, DocumentStatus.Expired],
        [DocumentAction.Evaluate] = [DocumentStatus.Published],
        [DocumentAction.Repeal] = [DocumentStatus.Published],
        [DocumentAction.Expire] = [DocumentStatus.Published],
    };

    private static readonly Dictionary<DocumentAction, DocumentStatus?> To = new()
    {
        [DocumentAction.StartDrafting] = DocumentStatus.Drafting,
        [DocumentAction.SubmitForReview] = DocumentStatus.UnderReview,
        [DocumentAction.Deliberate] = DocumentStatus.Deliberated,
        [DocumentAction.Publish] = DocumentStatus.Published,
        [DocumentAction.Repeal] = DocumentStatus.Repealed,
        [DocumentAction.Expire] = DocumentStatus.Expired,
    };

    /// <summary>The lifecycle's transition table: from which states an action is allowed.</summary>
    public static bool IsAllowed(DocumentStatus s, DocumentAction a) => From.TryGetValue(a, out var from) && from.Contains(s);

    public static IEnumerable<DocumentAction> AllowedFrom(DocumentStatus s) => From.Where(f => f.Value.Contains(s)).Select(f => f.Key);

    private void Step(DocumentAction a, DateOnly on, string actor, DateTime nowUtc, string? note)
    {
        if (!IsAllowed(Status, a))
            throw new ConflictException($"文件当前状态为“{LegalityNames.Of(Status)}”，不能“{NameOf(a)}”。");
        var from = Status;
        Status = To.GetValueOrDefault(a) ?? Status;
        Version++;
        Events.Add(new DocumentEvent { Action = a, FromStatus = from, ToStatus = Status, On = on, AtUtc = nowUtc, Actor = actor, Note = note });
    }

    public void Plan(string actor, DateTime nowUtc, DateOnly on)
    {
        Status = DocumentStatus.Planned;
        Events.Add(new DocumentEvent { Action = DocumentAction.Plan, FromStatus = null, ToStatus = Status, On = on, AtUtc = nowUtc, Actor = actor, Note = $"列入{PlanYear}年度制定计划" });
    }

    public void StartDrafting(DateOnly on, string actor, DateTime nowUtc) => Step(DocumentAction.StartDrafting, on, actor, nowUtc, null);

    public void SubmitForReview(long matterId, DateOnly on, string actor, DateTime nowUtc)
    {
        Step(DocumentAction.SubmitForReview, on, actor, nowUtc, "送合法性审核");
        ReviewMatterId = matterId;
    }

    /// <summary>集体审议: only a draft whose legality review gave an opinion that is not 不合法 (重大行政决策程序暂行条例第二十五条
    /// applied likewise to 规范性文件: unreviewed or unlawful drafts are not put to the meeting).</summary>
    public void Deliberate(ReviewMatter? review, string meeting, DateOnly on, string actor, DateTime nowUtc)
    {
        if (review is null || review.Status is not (MatterStatus.OpinionIssued or MatterStatus.Closed))
            throw new ConflictException("未经合法性审核出具意见的草案，不得提交集体审议。");
        if (review.Conclusion == OpinionConclusion.Unlawful)
            throw new ConflictException("合法性审核结论为“不合法”的草案，不得提交集体审议。");
        if (string.IsNullOrWhiteSpace(meeting))
            throw FazhiValidationException.For("meeting", "请填写审议的会议（如“区政府第12次常务会议”）");
        if (review.OpinionIssuedOn is { } o && on < o)
            throw FazhiValidationException.For("on", "审议日期不能早于合法性审核意见出具日期");
        Step(DocumentAction.Deliberate, on, actor, nowUtc, meeting.Trim());
        DeliberatedOn = on;
        Meeting = meeting.Trim();
    }

    public void Publish(string number, DateOnly on, DateOnly validUntil, string actor, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(number))
            throw FazhiValidationException.For("documentNumber", "请填写文号");
        if (DeliberatedOn is { } d && on < d)
            throw FazhiValidationException.For("on", "公布日期不能早于集体审议日期");
        if (validUntil <= on)
            throw FazhiValidationException.For("validUntil", "有效期届满日应晚于公布日期");
        Step(DocumentAction.Publish, on, actor, nowUtc, $"{number.Trim()}，有效期至{validUntil:yyyy-MM-dd}");
        DocumentNumber = number.Trim();
        PublishedOn = on;
        ValidUntil = validUntil;
    }

    /// <summary>报送备案. A filing after the period is accepted and flagged 逾期备案 (the record says when it was due).</summary>
    public void File(bool withCongress, DateOnly on, DateOnly dueOn, string actor, DateTime nowUtc)
    {
        if (withCongress && Level != DocumentLevel.Government)
            throw new ConflictException("部门规范性文件报本级人民政府备案，不报人大常委会。");
        if (PublishedOn is { } p && on < p)
            throw FazhiValidationException.For("on", "备案日期不能早于公布日期");
        if ((withCongress ? FiledWithCongressOn : FiledWithGovernmentOn) is not null)
            throw new ConflictException("已报送该备案。");
        var late = on > dueOn;
        Step(withCongress ? DocumentAction.FileWithCongress : DocumentAction.FileWithGovernment, on, actor, nowUtc,
            (late ? $"逾期备案（应于{dueOn:yyyy-MM-dd}前报送）" : $"按期备案（期限{dueOn:yyyy-MM-dd}）"));
        if (withCongress)
            (FiledWithCongressOn, FiledWithCongressLate) = (on, late);
        else
            (FiledWithGovernmentOn, FiledWithGovernmentLate) = (on, late);
    }

    public void Evaluate(string evaluation, DateOnly on, string actor, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(evaluation))
            throw FazhiValidationException.For("note", "请填写评估结论");
        Step(DocumentAction.Evaluate, on, actor, nowUtc, evaluation.Trim());
        EvaluatedOn = on;
        Evaluation = evaluation.Trim();
    }

    public void Repeal(string reason, DateOnly on, string actor, DateTime nowUtc)
    {
        Step(DocumentAction.Repeal, on, actor, nowUtc, reason);
        EndedOn = on;
    }

    /// <summary>有效期届满失效 (by the expiry timer): the day after <see cref="ValidUntil"/>.</summary>
    public void Expire(string actor, DateTime nowUtc)
    {
        var on = ValidUntil!.Value.AddDays(1);
        Step(DocumentAction.Expire, on, actor, nowUtc, $"有效期于{ValidUntil:yyyy-MM-dd}届满，自动失效");
        EndedOn = on;
    }

    /// <summary>Whether every filing the level requires is made.</summary>
    public bool FullyFiled => FiledWithGovernmentOn is not null && (Level == DocumentLevel.Department || FiledWithCongressOn is not null);

    public static string NameOf(DocumentAction a) => a switch
    {
        DocumentAction.Plan => "列入制定计划",
        DocumentAction.StartDrafting => "开始起草",
        DocumentAction.SubmitForReview => "送合法性审核",
        DocumentAction.Deliberate => "集体审议",
        DocumentAction.Publish => "公布",
        DocumentAction.FileWithGovernment => "报政府备案",
        DocumentAction.FileWithCongress => "报人大常委会备案",
        DocumentAction.Evaluate => "后评估",
        DocumentAction.Repeal => "废止",
        _ => "失效",
    };
}

public sealed class DocumentEvent
{
    public long Id { get; set; }
    public long DocumentId { get; set; }
    public DocumentAction Action { get; set; }
    public DocumentStatus? FromStatus { get; set; }
    public DocumentStatus ToStatus { get; set; }
    public DateOnly On { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Actor { get; set; }
    public string? Note { get; set; }
}

/// <summary>清理 campaign (谁制定谁清理): every document in force at its start, each with a keep/amend/repeal decision.
/// Closing it applies the repeals.</summary>
public sealed class CleanupCampaign : IOrgOwned
{
    public long Id { get; set; }
    /// <summary>The organising 司法局.</summary>
    public int OrgUnitId { get; set; }
    public required string Title { get; set; }
    public DateOnly StartedOn { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public List<CleanupItem> Items { get; set; } = [];
}

public sealed class CleanupItem
{
    public long Id { get; set; }
    public long CampaignId { get; set; }
    public long DocumentId { get; set; }
    public CleanupDecision? Decision { get; set; }
    public string? Note { get; set; }
}
