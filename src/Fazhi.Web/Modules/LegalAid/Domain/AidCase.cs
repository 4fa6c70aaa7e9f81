using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;

namespace Fazhi.Web.Modules.LegalAid.Domain;

/// <summary>
/// 法律援助申请 and the 案件 it becomes once granted: one aggregate from receipt to 回访. It enforces the state machine
/// (<see cref="AidStateMachine"/>) and the order of dates; every change it accepts is an <see cref="AidEvent"/> (who,
/// when, what, why). Deadlines are derived from these facts by <see cref="Rules.AidDeadlines"/>.
/// </summary>
public sealed class AidCase : IOrgOwned
{
    public long Id { get; set; }

    /// <summary>The 法律援助机构's unit (the 司法局 it belongs to).</summary>
    public int OrgUnitId { get; set; }

    /// <summary>编号, e.g. 环翠法援〔2026〕12号; allotted per unit and year.</summary>
    public required string Number { get; set; }

    public int Year { get; set; }

    public required string ApplicantName { get; set; }

    /// <summary>身份证号 (masked in lists; SM4 at rest; exact search by blind index).</summary>
    [Kernel.Security.Encrypted(BlindIndex = true)]
    public string? ApplicantIdNumber { get; set; }

    [Kernel.Security.Encrypted(BlindIndex = true)]
    public string? ApplicantPhone { get; set; }

    /// <summary>住址 (SM4 at rest; free text, no index).</summary>
    [Kernel.Security.Encrypted]
    public string? ApplicantAddress { get; set; }

    /// <summary>申请事项.</summary>
    public required string Matter { get; set; }

    public AidCaseType CaseType { get; set; }

    /// <summary>办案阶段 (一审、二审、审查起诉、仲裁…): the 办案补贴 standard is per type and stage.</summary>
    public string? Stage { get; set; }

    public AidChannel Channel { get; set; }

    public long? WorkstationId { get; set; }

    public EligibilityBasis Eligibility { get; set; }

    /// <summary>The category of 第三十二条/第四十二条 (or the 经济困难 finding), as recorded; its proof is an attachment.</summary>
    public string? EligibilityCategory { get; set; }

    public GreenKind? Green { get; set; }

    /// <summary>可能被判处无期徒刑、死刑的人 or 死刑复核案件的被告人 (法律援助法第二十六条: only a lawyer with ≥3 years' relevant practice).</summary>
    public bool SeriousCharge { get; set; }

    /// <summary>通知机关 (人民法院/人民检察院/公安机关) and its notice, for 通知辩护/通知代理.</summary>
    public string? NoticeAuthority { get; set; }

    public string? NoticeNumber { get; set; }

    public DateTime ReceivedAtUtc { get; set; }

    /// <summary>收到申请（通知）之日 (Beijing date): periods run from the next day.</summary>
    public DateOnly ReceivedOn { get; set; }

    public AidStatus Status { get; set; }

    /// <summary>一次性告知的补充材料清单.</summary>
    public string? MissingMaterials { get; set; }

    public DateOnly? MaterialsRequestedOn { get; set; }

    public DateOnly? MaterialsSuppliedOn { get; set; }

    /// <summary>决定给予/不予之日.</summary>
    public DateOnly? DecidedOn { get; set; }

    public string? RefusalReason { get; set; }

    /// <summary>先行提供 (第四十四条) and its ground.</summary>
    public bool ProvidedFirst { get; set; }

    public string? UrgentGround { get; set; }

    public long? ProviderId { get; set; }

    public string? ProviderName { get; set; }

    public DateOnly? AssignedOn { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public AidResult? Result { get; set; }

    /// <summary>挽回损失 in fen (money as integer, never decimal in SQL).</summary>
    public long RecoveredFen { get; set; }

    /// <summary>办案补贴 owed at closure, from the bureau's standard table (fen).</summary>
    public long SubsidyFen { get; set; }

    /// <summary>办案补贴发放日期: set when the period's payment list is marked paid; the line never changes after.</summary>
    public DateOnly? SubsidyPaidOn { get; set; }

    /// <summary>补贴发放: marks the closed case's subsidy paid on a day.</summary>
    public void MarkSubsidyPaid(DateOnly on)
    {
        if (SubsidyPaidOn is { } paid)
            throw new ConflictException($"案件{Number}的办案补贴已于{paid:yyyy-MM-dd}发放，不能再修改。");
        if (Status != AidStatus.Closed)
            throw new ConflictException($"案件{Number}尚未结案，不能发放办案补贴。");
        SubsidyPaidOn = on;
        Version++;
    }

    public string? TerminationReason { get; set; }

    /// <summary>案卷评查 score (0–100).</summary>
    public int? FileScore { get; set; }

    /// <summary>满意度回访: 1 (很不满意) … 5 (很满意).</summary>
    public int? Satisfaction { get; set; }

    public string? SatisfactionNote { get; set; }

    public DateOnly? CallbackOn { get; set; }

    public int HearingsAttended { get; set; }

    /// <summary>The consultation it came from, and a referral from 人民调解 (its module and reference), if any.</summary>
    public long? ConsultationId { get; set; }

    public string? ReferralSource { get; set; }

    public string? ReferralRef { get; set; }

    public DateOnly? ReferredBackOn { get; set; }

    public List<AidEvent> Events { get; set; } = [];

    public int Version { get; set; }

    /// <summary>绿色通道当天受理、当天指派 held: granted and assigned on the day received.</summary>
    public bool SameDay => DecidedOn == ReceivedOn && AssignedOn == ReceivedOn;

    private void Guard(AidAction action)
    {
        if (!AidStateMachine.IsAllowed(Status, action))
            throw new ConflictException(action == AidAction.Close && Status == AidStatus.Granted
                ? "案件尚未指派承办人员，不能结案。"
                : $"当前状态为“{AidNames.Of(Status)}”，不能“{AidStateMachine.NameOf(action)}”。");
    }

    private void Apply(AidAction action, DateOnly on, string actor, string? note, DateTime atUtc)
    {
        Guard(action);
        if (on < ReceivedOn)
            throw FazhiValidationException.For("on", $"日期不能早于收到申请之日（{ReceivedOn:yyyy-MM-dd}）。");
        Status = AidStateMachine.Next(Status, action);
        Version++;
        Events.Add(new AidEvent { Action = action, On = on, AtUtc = atUtc, Actor = actor, Note = note });
    }

    private static string Require(string? value, string field, string message, int max = 1000)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw FazhiValidationException.For(field, message);
        if (value.Length > max)
            throw FazhiValidationException.For(field, $"不能超过{max}个字符");
        return value.Trim();
    }

    private static void NotBefore(DateOnly on, DateOnly? earlier, string what)
    {
        if (earlier is { } e && on < e)
            throw FazhiValidationException.For("on", $"日期不能早于{what}（{e:yyyy-MM-dd}）。");
    }

    /// <summary>第四十三条第二款: 一次性告知 all the materials to supply; the time to supply is not counted.</summary>
    public void RequestMaterials(DateOnly on, string? items, string actor, DateTime atUtc)
    {
        Guard(AidAction.RequestMaterials);
        if (MaterialsRequestedOn is not null)
            throw new ConflictException("补充材料应当一次性告知，本申请已告知过一次。");
        var list = Require(items, "note", "请一次性列明须补充的全部材料（第四十三条）");
        Apply(AidAction.RequestMaterials, on, actor, list, atUtc);
        MissingMaterials = list;
        MaterialsRequestedOn = on;
    }

    public void SupplyMaterials(DateOnly on, string actor, string? note, DateTime atUtc)
    {
        Guard(AidAction.SupplyMaterials);
        NotBefore(on, MaterialsRequestedOn, "告知补充材料之日");
        Apply(AidAction.SupplyMaterials, on, actor, note, atUtc);
        MaterialsSuppliedOn = on;
    }

    /// <summary>第四十三条第二款: no supply as required → 视为撤回申请.</summary>
    public void Withdraw(DateOnly on, string actor, string? note, DateTime atUtc)
    {
        Apply(AidAction.Withdraw, on, actor, note ?? "未按要求补充材料，视为撤回申请", atUtc);
        ClosedOn = on;
    }

    public void Grant(DateOnly on, string actor, string? note, DateTime atUtc)
    {
        Guard(AidAction.Grant);
        NotBefore(on, MaterialsSuppliedOn, "收到补充材料之日");
        Apply(AidAction.Grant, on, actor, note, atUtc);
        DecidedOn = on;
    }

    /// <summary>第四十四条: 先行提供 in urgent cases; the applicant completes the papers afterwards.</summary>
    public void ProvideFirst(DateOnly on, string? ground, string actor, DateTime atUtc)
    {
        Guard(AidAction.ProvideFirst);
        var g = Require(ground, "reason", "请选择先行提供法律援助的情形（第四十四条）");
        if (!Rules.Eligibility.UrgentGrounds.Contains(g))
            throw FazhiValidationException.For("reason", "先行提供须属于第四十四条的情形：" + string.Join("；", Rules.Eligibility.UrgentGrounds));
        Apply(AidAction.ProvideFirst, on, actor, g, atUtc);
        DecidedOn = on;
        ProvidedFirst = true;
        UrgentGround = g;
    }

    /// <summary>第四十三条第一款: 不予法律援助 in writing, with reasons.</summary>
    public void Refuse(DateOnly on, string? reason, string actor, DateTime atUtc)
    {
        Guard(AidAction.Refuse);
        var r = Require(reason, "reason", "决定不予法律援助的，应当书面说明理由（第四十三条）", 500);
        Apply(AidAction.Refuse, on, actor, r, atUtc);
        DecidedOn = on;
        ClosedOn = on;
        RefusalReason = r;
    }

    public void Assign(DateOnly on, long providerId, string providerName, string actor, DateTime atUtc)
    {
        Guard(AidAction.Assign);
        NotBefore(on, DecidedOn, "决定给予法律援助之日");
        Apply(AidAction.Assign, on, actor, $"指派{providerName}承办", atUtc);
        ProviderId = providerId;
        ProviderName = providerName;
        AssignedOn = on;
    }

    /// <summary>第五十五条: the aided person may ask for another provider; the agency decides.</summary>
    public void Reassign(DateOnly on, long providerId, string providerName, string? reason, string actor, DateTime atUtc)
    {
        Guard(AidAction.Reassign);
        var r = Require(reason, "reason", "请写明更换承办人员的理由（第五十五条）", 500);
        NotBefore(on, AssignedOn, "指派之日");
        Apply(AidAction.Reassign, on, actor, $"由{ProviderName}更换为{providerName}：{r}", atUtc);
        ProviderId = providerId;
        ProviderName = providerName;
    }

    public void RecordProgress(DateOnly on, string? note, string actor, DateTime atUtc)
    {
        Guard(AidAction.RecordProgress);
        NotBefore(on, AssignedOn, "指派之日");
        Apply(AidAction.RecordProgress, on, actor, Require(note, "note", "请填写办案进展"), atUtc);
    }

    public void AttendHearing(DateOnly on, string? note, string actor, DateTime atUtc)
    {
        Guard(AidAction.AttendHearing);
        NotBefore(on, AssignedOn, "指派之日");
        Apply(AidAction.AttendHearing, on, actor, Require(note, "note", "请填写出庭情况（法院、案由）"), atUtc);
        HearingsAttended++;
    }

    /// <summary>结案 (第五十条): result, 挽回损失 and the 办案补贴 owed from the standard table.</summary>
    public void Close(DateOnly on, AidResult result, long recoveredFen, string? stage, long subsidyFen, string? note, string actor, DateTime atUtc)
    {
        Guard(AidAction.Close);
        NotBefore(on, AssignedOn, "指派之日");
        Apply(AidAction.Close, on, actor, $"{AidNames.Of(result)}{(recoveredFen > 0 ? $"，挽回损失{recoveredFen / 100m:0.00}元" : "")}{(string.IsNullOrWhiteSpace(note) ? "" : "；" + note)}", atUtc);
        ClosedOn = on;
        Result = result;
        RecoveredFen = recoveredFen;
        Stage = stage ?? Stage;
        SubsidyFen = subsidyFen;
    }

    /// <summary>第四十八条: 终止法律援助 on one of its grounds.</summary>
    public void Terminate(DateOnly on, string? reason, string actor, DateTime atUtc)
    {
        Guard(AidAction.Terminate);
        var r = Require(reason, "reason", "请选择终止法律援助的情形（第四十八条）", 200);
        if (!Rules.Eligibility.TerminationGrounds.Contains(r))
            throw FazhiValidationException.For("reason", "终止须属于第四十八条的情形：" + string.Join("；", Rules.Eligibility.TerminationGrounds));
        Apply(AidAction.Terminate, on, actor, r, atUtc);
        ClosedOn = on;
        TerminationReason = r;
    }

    public void ReviewFile(DateOnly on, int score, string? note, string actor, DateTime atUtc)
    {
        Guard(AidAction.ReviewFile);
        if (score is < 0 or > 100)
            throw FazhiValidationException.For("score", "评查得分应在0至100之间");
        NotBefore(on, ClosedOn, "结案之日");
        Apply(AidAction.ReviewFile, on, actor, $"评查得分{score}{(string.IsNullOrWhiteSpace(note) ? "" : "：" + note)}", atUtc);
        FileScore = score;
    }

    public void Callback(DateOnly on, int satisfaction, string? note, string actor, DateTime atUtc)
    {
        Guard(AidAction.Callback);
        if (satisfaction is < 1 or > 5)
            throw FazhiValidationException.For("score", "满意度应为1（很不满意）至5（很满意）");
        NotBefore(on, AssignedOn, "指派之日");
        Apply(AidAction.Callback, on, actor, $"满意度{satisfaction}分{(string.IsNullOrWhiteSpace(note) ? "" : "：" + note)}", atUtc);
        Satisfaction = satisfaction;
        SatisfactionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        CallbackOn = on;
    }

    public void Oversee(DateOnly on, OversightKind kind, string? note, string actor, DateTime atUtc)
    {
        Guard(AidAction.Oversee);
        Apply(AidAction.Oversee, on, actor, $"{AidNames.Of(kind)}：{Require(note, "note", "请填写监督情况")}", atUtc);
    }

    /// <summary>A dispute referred by 人民调解 goes back to mediation (the Mediation module reads this through the contract).</summary>
    public void ReferBack(DateOnly on, string? note, string actor, DateTime atUtc)
    {
        Guard(AidAction.ReferBack);
        if (ReferralRef is null)
            throw new ConflictException("本案不是人民调解转来的，无从转回。");
        Apply(AidAction.ReferBack, on, actor, Require(note, "note", "请写明转回调解的理由"), atUtc);
        ReferredBackOn = on;
    }
}

/// <summary>One step of a case (办理过程): written by the aggregate for each action it accepts.</summary>
public sealed class AidEvent
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public AidAction Action { get; set; }
    public DateOnly On { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Actor { get; set; }
    public string? Note { get; set; }
}
