using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Modules.Reconsideration.Domain;

/// <summary>行政应诉案件: an agency of the unit is defendant before a court (行政诉讼法 2017).</summary>
public sealed class LitigationCase : IOrgOwned
{
    public long Id { get; set; }

    /// <summary>The bureau that handles the defence (its 司法局); the defendant is an agency of its tree.</summary>
    public int OrgUnitId { get; set; }

    public required string Court { get; set; }

    /// <summary>法院案号, e.g. （2024）鲁1002行初15号.</summary>
    public required string CourtCaseNumber { get; set; }

    public LitigationInstance Instance { get; set; }

    public required string Plaintiff { get; set; }

    public int DefendantOrgUnitId { get; set; }

    public required string DefendantName { get; set; }

    /// <summary>案由.</summary>
    public required string Cause { get; set; }

    /// <summary>复议后起诉: the reconsideration case this suit follows.</summary>
    public long? ReconCaseId { get; set; }

    public DateOnly FiledOn { get; set; }

    /// <summary>收到起诉状副本之日: the 15-day defence period runs from here (第六十七条).</summary>
    public DateOnly? ComplaintServedOn { get; set; }

    public DateOnly? AnswerFiledOn { get; set; }

    public DateOnly? HearingOn { get; set; }

    /// <summary>负责人出庭应诉 (第三条第三款); null until the hearing is recorded.</summary>
    public bool? HeadAppeared { get; set; }

    public LitigationOutcome? Outcome { get; set; }

    public DateOnly? ConcludedOn { get; set; }

    public bool Appealed { get; set; }

    // ---- recon-rules (issue 15 §5) ----

    /// <summary>判决 or 裁定: the 上诉期 is 15 or 10 days from service (行政诉讼法第八十五条).</summary>
    public RulingKind? JudgmentKind { get; set; }

    /// <summary>一审判决书/裁定书送达之日.</summary>
    public DateOnly? JudgmentServedOn { get; set; }

    /// <summary>复议机关决定维持 → 复议机关与原行政机关为共同被告 (行政诉讼法第二十六条第二款).</summary>
    public bool CoDefendant { get; set; }

    /// <summary>败诉原因: a code of the 字典 recon.loss_reason.</summary>
    public string? LossReason { get; set; }

    /// <summary>每次开庭, with whether the agency's head appeared (第三条第三款).</summary>
    public List<LitigationHearing> Hearings { get; set; } = [];
}

/// <summary>一次开庭: the date and whether the 行政机关负责人 appeared in person (行政诉讼法第三条第三款), and who.</summary>
public sealed class LitigationHearing
{
    public long Id { get; set; }
    public long LitigationCaseId { get; set; }
    public DateOnly On { get; set; }
    public bool HeadAppeared { get; set; }

    /// <summary>出庭的负责人 (name and post), or the 工作人员 sent in the head's place.</summary>
    public string? Appearer { get; set; }

    public string? Note { get; set; }
}

/// <summary>一审裁判的种类.</summary>
public enum RulingKind { Judgment, Ruling }

public enum LitigationInstance { First, Second, Retrial }

public enum LitigationOutcome { Won, Lost, Withdrawn, Mediated }

public static class LitigationNames
{
    public static string Of(RulingKind k) => k == RulingKind.Judgment ? "判决" : "裁定";

    public static string Of(LitigationInstance i) => i switch { LitigationInstance.First => "一审", LitigationInstance.Second => "二审", _ => "再审" };

    public static string Of(LitigationOutcome o) => o switch
    {
        LitigationOutcome.Won => "胜诉",
        LitigationOutcome.Lost => "败诉",
        LitigationOutcome.Withdrawn => "撤诉",
        _ => "调解",
    };

    /// <summary>判决: a judgment for or against the agency (撤诉 and 调解 are not judged; 败诉率 = lost ÷ judged).</summary>
    public static bool IsJudged(LitigationOutcome o) => o is LitigationOutcome.Won or LitigationOutcome.Lost;
}
