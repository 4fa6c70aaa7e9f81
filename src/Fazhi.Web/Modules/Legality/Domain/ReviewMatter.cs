using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;

namespace Fazhi.Web.Modules.Legality.Domain;

/// <summary>
/// 合法性审查事项: anything a department or town sends the 司法局's 法制审核 section for legality review (a 规范性文件 draft,
/// a 合同, a 重大行政决策, a 常务会/专题会 议题 …). It belongs to the submitting unit (<see cref="OrgUnitId"/>), so the
/// department sees its own submissions and the 司法局 (whose scope is the district) sees all of its area. The aggregate
/// enforces <see cref="ReviewStateMachine"/>; every accepted change is written as a <see cref="MatterEvent"/>.
/// The review deadline is not stored: <see cref="Rules.ReviewDeadlines"/> derives it from these facts.
/// </summary>
public sealed class ReviewMatter : IOrgOwned
{
    public long Id { get; set; }

    /// <summary>The submitting department or town (送审单位).</summary>
    public int OrgUnitId { get; set; }

    /// <summary>The reviewing body (the district's 司法局), fixed at submission.</summary>
    public int ReviewOrgUnitId { get; set; }

    /// <summary>审查编号, e.g. 环翠法审〔2026〕12号: given at 收件 by the reviewing body (per body and year, never reused).</summary>
    public string? Number { get; set; }

    public int Year { get; set; }

    public MatterKind Kind { get; set; }

    /// <summary>会议类型 of a 议题 (政府常务会议 / 专题会议 / 其他会议); null for every other kind.</summary>
    public MeetingType? MeetingType { get; set; }

    /// <summary>征求意见来源 (立法调研 / 上级规范性文件 / 配合部门 / 其他); null for every other kind.</summary>
    public CommentSource? CommentSource { get; set; }

    /// <summary>送审事项名称 (the draft's title, the contract's name …).</summary>
    public required string Title { get; set; }

    /// <summary>送审说明: what is asked, the drafting background.</summary>
    public string? Summary { get; set; }

    /// <summary>送审人 and contact (a work phone of the department, not personal data).</summary>
    public string? SubmittedBy { get; set; }

    public DateOnly SubmittedOn { get; set; }

    /// <summary>收件之日: the review period counts from the next day.</summary>
    public DateOnly? ReceivedOn { get; set; }

    /// <summary>审查人 (a user of the 法制审核 section).</summary>
    public string? ReviewerUserName { get; set; }

    /// <summary>Invited 法律顾问/公职律师 (names, comma-separated), heard under 重大行政决策程序暂行条例第二十八条.</summary>
    public string? Advisers { get; set; }

    public MatterStatus Status { get; set; }

    /// <summary>审查结论 given with the 审核意见书.</summary>
    public OpinionConclusion? Conclusion { get; set; }

    public DateOnly? OpinionIssuedOn { get; set; }

    /// <summary>审核意见书文号 (法审意〔2026〕N号).</summary>
    public string? OpinionNumber { get; set; }

    public DateOnly? ClosedOn { get; set; }

    /// <summary>The linked 规范性文件 or 合同 of the register, when the matter came from one.</summary>
    public long? NormativeDocumentId { get; set; }

    public long? ContractId { get; set; }

    public List<ReviewComment> Comments { get; set; } = [];

    public List<MaterialPause> Pauses { get; set; } = [];

    public List<MatterEvent> Events { get; set; } = [];

    public int Version { get; set; }

    private void Step(MatterAction action, DateOnly on, string actor, DateTime nowUtc, string? note)
    {
        if (!ReviewStateMachine.IsAllowed(Status, action))
            throw new ConflictException($"事项当前状态为“{LegalityNames.Of(Status)}”，不能“{ReviewStateMachine.NameOf(action)}”。");
        if (on < SubmittedOn)
            throw FazhiValidationException.For("on", $"日期不能早于送审日期{SubmittedOn:yyyy-MM-dd}");
        var from = Status;
        Status = ReviewStateMachine.Next(Status, action);
        Version++;
        Events.Add(new MatterEvent
        {
            Action = action, On = on, AtUtc = nowUtc, Actor = actor, FromStatus = from, ToStatus = Status, Note = note,
        });
    }

    /// <summary>送审: the first event of a matter.</summary>
    public void Submit(string actor, DateTime nowUtc, string? note)
    {
        Status = MatterStatus.Submitted;
        Events.Add(new MatterEvent { Action = MatterAction.Submit, On = SubmittedOn, AtUtc = nowUtc, Actor = actor, FromStatus = null, ToStatus = Status, Note = note });
    }

    public void Receive(DateOnly on, string number, string actor, DateTime nowUtc)
    {
        Step(MatterAction.Receive, on, actor, nowUtc, $"收件编号{number}，开始计算审查期限");
        ReceivedOn = on;
        Number = number;
    }

    public void Assign(string reviewer, string? advisers, DateOnly on, string actor, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(reviewer))
            throw FazhiValidationException.For("reviewer", "请选择审查人");
        Step(MatterAction.Assign, on, actor, nowUtc, $"审查人：{reviewer}" + (string.IsNullOrWhiteSpace(advisers) ? "" : $"；邀请法律顾问：{advisers}"));
        ReviewerUserName = reviewer.Trim();
        Advisers = string.IsNullOrWhiteSpace(advisers) ? Advisers : advisers.Trim();
    }

    /// <summary>通知补充材料: the review clock stops from the day after the notice until the materials arrive.</summary>
    public void RequestMaterials(DateOnly on, string items, string actor, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(items))
            throw FazhiValidationException.For("note", "请写明需补充的材料");
        if (ReceivedOn is { } r && on < r)
            throw FazhiValidationException.For("on", "通知补充材料日期不能早于收件日期");
        Step(MatterAction.RequestMaterials, on, actor, nowUtc, items);
        Pauses.Add(new MaterialPause { From = on, Items = items });
    }

    public void ReceiveMaterials(DateOnly on, string actor, DateTime nowUtc)
    {
        var open = Pauses.LastOrDefault(p => p.To is null) ?? throw new ConflictException("没有待补充的材料。");
        if (on < open.From)
            throw FazhiValidationException.For("on", $"收到补充材料日期不能早于通知日期{open.From:yyyy-MM-dd}");
        Step(MatterAction.ReceiveMaterials, on, actor, nowUtc, "收到补充材料，恢复计算审查期限");
        open.To = on;
    }

    /// <summary>审查意见: one comment on one clause, so that comments are counted.</summary>
    public ReviewComment AddComment(string clause, string text, DateOnly on, string actor, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(clause))
            throw FazhiValidationException.For("clause", "请填写意见针对的条款（如“第五条第二款”，通篇的写“全文”）");
        if (string.IsNullOrWhiteSpace(text))
            throw FazhiValidationException.For("text", "请填写审查意见");
        Step(MatterAction.AddComment, on, actor, nowUtc, $"{clause.Trim()}：{text.Trim()}");
        var c = new ReviewComment { Seq = Comments.Count == 0 ? 1 : Comments.Max(x => x.Seq) + 1, Clause = clause.Trim(), Text = text.Trim(), Author = actor, On = on };
        Comments.Add(c);
        return c;
    }

    /// <summary>出具审核意见书.</summary>
    public void IssueOpinion(OpinionConclusion conclusion, string number, DateOnly on, string actor, DateTime nowUtc)
    {
        if (ReceivedOn is { } r && on < r)
            throw FazhiValidationException.For("on", "出具意见日期不能早于收件日期");
        if (Pauses.Any(p => p.To is null))
            throw new ConflictException("补充材料尚未收到，不能出具意见书。");
        if (conclusion == OpinionConclusion.Lawful && Comments.Count > 0)
            throw FazhiValidationException.For("conclusion", "已提出修改意见的，结论应为“修改后合法”或“不合法”");
        Step(MatterAction.IssueOpinion, on, actor, nowUtc, $"审查结论：{LegalityNames.Of(conclusion)}；意见{Comments.Count}条；{number}");
        Conclusion = conclusion;
        OpinionNumber = number;
        OpinionIssuedOn = on;
    }

    /// <summary>送审单位反馈采纳情况: each answer names a comment of this matter; all are checked before any is recorded.</summary>
    public void RecordAdoption(IReadOnlyList<AdoptionAnswer> answers, DateOnly on, string actor, DateTime nowUtc)
    {
        if (answers.Count == 0)
            throw FazhiValidationException.For("answers", "请至少反馈一条意见的采纳情况");
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < answers.Count; i++)
        {
            var a = answers[i];
            if (Comments.All(c => c.Seq != a.Seq))
                errors[$"answers[{i}].seq"] = [$"审核意见中没有第{a.Seq}条（共{Comments.Count}条），不能反馈其采纳情况"];
            else if (a.Adoption != Domain.Adoption.Adopted && string.IsNullOrWhiteSpace(a.Reason))
                errors[$"answers[{i}].reason"] = [$"第{a.Seq}条{LegalityNames.Of(a.Adoption)}，请说明理由"];
        }
        if (answers.GroupBy(a => a.Seq).FirstOrDefault(g => g.Count() > 1) is { } dup)
            errors["answers"] = [$"第{dup.Key}条反馈了两次"];
        if (OpinionIssuedOn is { } issued && on < issued)
            errors["on"] = ["反馈日期不能早于意见书出具日期"];
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
        Step(MatterAction.RecordAdoption, on, actor, nowUtc, string.Join("；", answers.Select(a => $"第{a.Seq}条{LegalityNames.Of(a.Adoption)}" + (string.IsNullOrWhiteSpace(a.Reason) ? "" : $"（{a.Reason!.Trim()}）"))));
        foreach (var a in answers)
        {
            var c = Comments.First(x => x.Seq == a.Seq);
            c.Adoption = a.Adoption;
            c.AdoptionReason = string.IsNullOrWhiteSpace(a.Reason) ? null : a.Reason.Trim();
            c.AnsweredOn = on;
        }
    }

    public void Close(DateOnly on, string actor, DateTime nowUtc)
    {
        var open = Comments.Where(c => c.Adoption is null).Select(c => c.Seq).ToList();
        if (open.Count > 0)
            throw new ConflictException($"第{string.Join("、", open)}条意见尚未反馈采纳情况，不能办结。");
        Step(MatterAction.Close, on, actor, nowUtc, null);
        ClosedOn = on;
    }

    public void Withdraw(DateOnly on, string reason, string actor, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw FazhiValidationException.For("note", "请写明撤回理由");
        Step(MatterAction.Withdraw, on, actor, nowUtc, reason);
        Pauses.LastOrDefault(p => p.To is null)?.Close(on);
        ClosedOn = on;
    }

    public int AdoptedCount => Comments.Count(c => c.Adoption is Domain.Adoption.Adopted or Domain.Adoption.PartlyAdopted);
}

/// <summary>一条审查意见: the clause it concerns, the text, and the submitter's answer.</summary>
public sealed class ReviewComment
{
    public long Id { get; set; }
    public long MatterId { get; set; }
    /// <summary>意见序号 (第N条), as the 审核意见书 numbers them.</summary>
    public int Seq { get; set; }
    /// <summary>针对的条款, e.g. 第五条第二款; 全文 for the whole text.</summary>
    public required string Clause { get; set; }
    public required string Text { get; set; }
    public required string Author { get; set; }
    public DateOnly On { get; set; }
    public Adoption? Adoption { get; set; }
    public string? AdoptionReason { get; set; }
    public DateOnly? AnsweredOn { get; set; }
}

/// <summary>补充材料: the clock stands still after <see cref="From"/> up to and including <see cref="To"/>.</summary>
public sealed class MaterialPause
{
    public long Id { get; set; }
    public long MatterId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
    public required string Items { get; set; }

    public void Close(DateOnly on) => To = on;
}

public sealed class MatterEvent
{
    public long Id { get; set; }
    public long MatterId { get; set; }
    public MatterAction Action { get; set; }
    public MatterStatus? FromStatus { get; set; }
    public MatterStatus ToStatus { get; set; }
    public DateOnly On { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Actor { get; set; }
    public string? Note { get; set; }
}

public sealed record AdoptionAnswer(int Seq, Adoption Adoption, string? Reason);
