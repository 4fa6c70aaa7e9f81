using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;

namespace Fazhi.Web.Modules.Reconsideration.Domain;

// ---- recon-more (issue 15 §3, §4): the decision's 主文 as its own field; 行政复议委员会 consultation (第五十二条) ----
public sealed partial class ReconCase
{
    /// <summary>决定主文 as entered when 决定 was recorded (what the 决定书 prints after the decision type). Null for
    /// decisions recorded before the field existed (the 决定书 then reads the gist out of the decision's history note);
    /// empty when the decision was recorded without one.</summary>
    public string? DecisionGist { get; set; }

    /// <summary>提请行政复议委员会提出咨询意见 (第五十二条第二款) and the opinions recorded (第五十二条第三款).</summary>
    public List<CaseConsultation> Consultations { get; set; } = [];

    /// <summary>A 提请 whose opinions are not recorded yet: the decision waits for it (第五十二条、第六十一条第三款).</summary>
    public CaseConsultation? PendingConsultation => Consultations.FirstOrDefault(x => x.HeldOn is null);

    /// <summary>The gist recorded with the decision just made.</summary>
    public void RecordDecisionGist(string? gist) => DecisionGist = string.IsNullOrWhiteSpace(gist) ? "" : gist.Trim().TrimEnd('。');

    /// <summary>提请行政复议委员会提出咨询意见 on one of the grounds of 第五十二条第二款.</summary>
    public void RequestConsultation(DateOnly on, string ground, string matter, string actor, DateTime atUtc)
    {
        Guard(CaseAction.RequestConsultation);
        Require(matter, "note", "请写明提请咨询的事项");
        if (PendingConsultation is { } pending)
            throw new ConflictException($"本案已于{pending.RequestedOn:yyyy-MM-dd}提请咨询，尚未记录咨询意见。");
        NotBefore(on, AcceptedOn, "受理之日");
        Apply(CaseAction.RequestConsultation, on, actor, $"提请行政复议委员会咨询（{ground}）：{matter.Trim()}", atUtc);
        Consultations.Add(new CaseConsultation { RequestedOn = on, Ground = ground, Matter = matter.Trim() });
    }

    /// <summary>记录咨询意见 (第五十二条第三款): the members who took part, each one's opinion, and the conclusion.</summary>
    public void RecordConsultation(DateOnly heldOn, IReadOnlyList<(string Member, string Opinion)> opinions, string conclusion, string actor, DateTime atUtc)
    {
        Guard(CaseAction.RecordConsultation);
        var pending = PendingConsultation ?? throw new ConflictException("本案尚未提请行政复议委员会咨询（第五十二条），请先“提请咨询”。");
        Require(conclusion, "conclusion", "请填写委员会的咨询意见结论");
        NotBefore(heldOn, pending.RequestedOn, "提请咨询之日");
        Apply(CaseAction.RecordConsultation, heldOn, actor,
            $"行政复议委员会咨询意见（{string.Join("、", opinions.Select(o => o.Member))}）：{conclusion.Trim()}", atUtc);
        pending.HeldOn = heldOn;
        pending.Members = string.Join("、", opinions.Select(o => o.Member));
        pending.Conclusion = conclusion.Trim();
        pending.Opinions.AddRange(opinions.Select(o => new ConsultationOpinion { Member = o.Member, Opinion = o.Opinion }));
    }
}

/// <summary>行政复议委员会咨询 of one case: the 提请 (ground and matter) and, once held, the members, their opinions and the conclusion.</summary>
public sealed class CaseConsultation
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public DateOnly RequestedOn { get; set; }

    /// <summary>The item of 第五十二条第二款 the 提请 rests on (<see cref="Rules.CommitteeRules.Grounds"/>).</summary>
    public required string Ground { get; set; }

    /// <summary>提请咨询的事项.</summary>
    public required string Matter { get; set; }

    public DateOnly? HeldOn { get; set; }

    /// <summary>The members who took part, 、-separated, in the order their opinions are recorded.</summary>
    public string? Members { get; set; }

    public string? Conclusion { get; set; }

    public List<ConsultationOpinion> Opinions { get; set; } = [];
}

/// <summary>One member's opinion in a consultation.</summary>
public sealed class ConsultationOpinion
{
    public long Id { get; set; }
    public long ConsultationId { get; set; }
    public required string Member { get; set; }
    public required string Opinion { get; set; }
}

/// <summary>行政复议委员会名册 of a 复议机构 (第五十二条第一款: 相关政府部门、专家、学者等): who may be asked for an opinion.</summary>
public sealed class CommitteeMember : IOrgOwned
{
    public long Id { get; set; }
    public int OrgUnitId { get; set; }
    public required string Name { get; set; }

    /// <summary>工作单位及职务, e.g. 山东大学（威海）法学院 教授.</summary>
    public string? Affiliation { get; set; }

    /// <summary>专业领域, e.g. 行政法、市场监管.</summary>
    public string? Field { get; set; }

    public bool Active { get; set; } = true;

    public DateTime CreatedAtUtc { get; set; }
}
