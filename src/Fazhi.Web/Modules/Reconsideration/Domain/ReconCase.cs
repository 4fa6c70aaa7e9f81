using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;

namespace Fazhi.Web.Modules.Reconsideration.Domain;

/// <summary>
/// 行政复议案件. The aggregate enforces the state machine and the ordering of dates; every change it accepts is
/// written as a <see cref="CaseEvent"/> (who, when, what, why). Deadlines are not stored here: they are derived
/// from these facts by <see cref="Rules.ReconDeadlines"/>.
/// </summary>
public sealed partial class ReconCase : IOrgOwned
{
    public long Id { get; set; }

    /// <summary>The 复议机关's unit (the 司法局 acting as 行政复议机构): the case belongs to it.</summary>
    public int OrgUnitId { get; set; }

    /// <summary>案号, e.g. 环翠复〔2024〕12号; allotted per unit and year, never reused.</summary>
    public required string CaseNumber { get; set; }

    public int Year { get; set; }

    public ApplicantKind ApplicantKind { get; set; }

    public required string ApplicantName { get; set; }

    /// <summary>身份证号 or 统一社会信用代码 (masked in lists; stored SM4-encrypted, searched by its blind index).</summary>
    [Kernel.Security.Encrypted(BlindIndex = true)]
    public string? ApplicantIdNumber { get; set; }

    [Kernel.Security.Encrypted(BlindIndex = true)]
    public string? ApplicantPhone { get; set; }

    public string? AgentName { get; set; }

    /// <summary>被申请人: an agency of the org tree.</summary>
    public int RespondentOrgUnitId { get; set; }

    public required string RespondentName { get; set; }

    /// <summary>申请事项 / 被申请复议的行政行为.</summary>
    public required string Matter { get; set; }

    public DateOnly? ActDate { get; set; }

    public DateOnly? LearnedOn { get; set; }

    public ApplicationChannel Channel { get; set; }

    /// <summary>收到申请的时间 (UTC).</summary>
    public DateTime ReceivedAtUtc { get; set; }

    /// <summary>收到申请之日 (Beijing date): counting of periods starts the next day.</summary>
    public DateOnly ReceivedOn { get; set; }

    public CaseStatus Status { get; set; }

    public ProcedureKind? Procedure { get; set; }

    public string? SimplifiedGround { get; set; }

    public DateOnly? CorrectionNoticeOn { get; set; }

    /// <summary>申请人收到补正通知之日: the 10 working days run from here (第三十一条).</summary>
    public DateOnly? CorrectionNoticeReceivedOn { get; set; }

    public DateOnly? CorrectionSuppliedOn { get; set; }

    public DateOnly? AcceptedOn { get; set; }

    /// <summary>视为受理 (第三十条第三款): no 不予受理 within the review period.</summary>
    public bool DeemedAccepted { get; set; }

    public DateOnly? CopySentOn { get; set; }

    public DateOnly? CopyReceivedOn { get; set; }

    public DateOnly? ReplyReceivedOn { get; set; }

    public DateOnly? HearingScheduledOn { get; set; }

    public int ExtensionDays { get; set; }

    public string? ExtensionApprovedBy { get; set; }

    public DecisionType? DecisionType { get; set; }

    public TerminationReason? TerminationReason { get; set; }

    /// <summary>结案日期 (decision, 调解书, termination, 不予受理 …).</summary>
    public DateOnly? ClosedOn { get; set; }

    public DateOnly? ServedOn { get; set; }

    /// <summary>First recorded contact with the parties ("1小时速联快调").</summary>
    public DateTime? FirstContactAtUtc { get; set; }

    public string? AssigneeUserName { get; set; }

    /// <summary>行政复议意见书/建议书: the day the agency received it (its 60 days run from here, 第七十六条).</summary>
    public DateOnly? OpinionLetterOn { get; set; }

    public string? OpinionLetterTo { get; set; }

    public DateOnly? OpinionRepliedOn { get; set; }

    /// <summary>履行情况 as last recorded (已履行, 未履行 …).</summary>
    public string? Performance { get; set; }

    public List<Suspension> Suspensions { get; set; } = [];

    public List<CaseEvent> Events { get; set; } = [];

    /// <summary>Brought in from a bureau's Excel 台账 (the ledger stays the truth for it: a re-import may update it).</summary>
    public bool Imported { get; set; }

    /// <summary>Optimistic concurrency: two staff acting on the same case at once cannot both win.</summary>
    public int Version { get; set; }

    public static readonly TimeSpan QuickContactWindow = TimeSpan.FromHours(1);

    public bool ContactedWithinAnHour => FirstContactAtUtc is { } c && c - ReceivedAtUtc <= QuickContactWindow;

    /// <summary>
    /// A case as a ledger records it (台账导入): its facts and outcome at once, without replaying each step. Used only
    /// by the import, which checks the row first (dates in order, outcome consistent).
    /// </summary>
    public void ApplyLedger(DateOnly? acceptedOn, DateOnly? closedOn, CaseStatus status, DecisionType? decision, TerminationReason? termination, string actor, DateTime atUtc)
    {
        AcceptedOn = acceptedOn;
        Procedure = acceptedOn is null ? null : Procedure ?? ProcedureKind.Ordinary;
        ClosedOn = closedOn;
        Status = status;
        DecisionType = decision;
        TerminationReason = termination;
        Imported = true;
        Version++;
        Events.Add(new CaseEvent { Action = CaseAction.Receive, On = ReceivedOn, AtUtc = atUtc, Actor = actor, Note = $"台账导入：{ReconNames.Of(status)}" });
    }

    // ---- the state machine -------------------------------------------------------------------------------

    /// <summary>The state machine speaks first: a wrong state is refused before any other check.</summary>
    private void Guard(CaseAction action)
    {
        if (ArchivedOn is not null)
            throw new ConflictException($"案件已于{ArchivedOn:yyyy-MM-dd}归档，不能再修改。");
        if (!CaseStateMachine.IsAllowed(Status, action))
            throw new ConflictException($"案件当前状态为“{ReconNames.Of(Status)}”，不能“{CaseStateMachine.NameOf(action)}”。");
    }

    private void Apply(CaseAction action, DateOnly on, string actor, string? note, DateTime atUtc)
    {
        Guard(action);
        if (on < ReceivedOn)
            throw FazhiValidationException.For("on", $"日期不能早于收到申请之日（{ReceivedOn:yyyy-MM-dd}）。");
        Status = CaseStateMachine.Next(Status, action);
        Version++;
        Events.Add(new CaseEvent { Action = action, On = on, AtUtc = atUtc, Actor = actor, Note = note });
    }

    /// <summary>补正 (第三十一条): a written notice listing everything to supply; the review period pauses.</summary>
    public void RequestCorrection(DateOnly noticeOn, DateOnly? receivedByApplicantOn, string items, string actor, DateTime atUtc)
    {
        Guard(CaseAction.RequestCorrection);
        Require(items, "note", "请写明需要补正的全部事项（补正通知应一次性载明）");
        Apply(CaseAction.RequestCorrection, noticeOn, actor, items, atUtc);
        CorrectionNoticeOn = noticeOn;
        CorrectionNoticeReceivedOn = receivedByApplicantOn;
        CorrectionSuppliedOn = null;
    }

    /// <summary>收到补正材料: a new 5-working-day review under 第三十条 starts from this day.</summary>
    public void ReceiveCorrection(DateOnly suppliedOn, string actor, DateTime atUtc)
    {
        Guard(CaseAction.ReceiveCorrection);
        NotBefore(suppliedOn, CorrectionNoticeOn, "补正通知之日");
        Apply(CaseAction.ReceiveCorrection, suppliedOn, actor, null, atUtc);
        CorrectionSuppliedOn = suppliedOn;
    }

    /// <summary>视为放弃 (第三十一条第二款): no supply within the period and no good reason.</summary>
    public void Abandon(DateOnly on, string actor, string? note, DateTime atUtc)
    {
        Guard(CaseAction.Abandon);
        Apply(CaseAction.Abandon, on, actor, note, atUtc);
        ClosedOn = on;
    }

    public void Accept(DateOnly on, ProcedureKind procedure, string? simplifiedGround, string actor, DateTime atUtc)
    {
        Guard(CaseAction.Accept);
        if (procedure == ProcedureKind.Simplified && (simplifiedGround is null || !Rules.SimplifiedProcedure.Grounds.Contains(simplifiedGround)))
            throw FazhiValidationException.For("simplifiedGround", "适用简易程序须属于第五十三条规定的情形：" + string.Join("；", Rules.SimplifiedProcedure.Grounds));
        NotBefore(on, CorrectionSuppliedOn, "收到补正材料之日");
        Apply(CaseAction.Accept, on, actor, procedure == ProcedureKind.Simplified ? $"简易程序：{simplifiedGround}" : "普通程序", atUtc);
        AcceptedOn = on;
        Procedure = procedure;
        SimplifiedGround = procedure == ProcedureKind.Simplified ? simplifiedGround : null;
    }

    /// <summary>视为受理 (第三十条第三款): accepted on the day the review period expires.</summary>
    public void DeemAccept(DateOnly reviewExpiredOn, DateTime atUtc)
    {
        Guard(CaseAction.DeemAccept);
        Apply(CaseAction.DeemAccept, reviewExpiredOn, "system", "审查期限届满未作出不予受理决定，依法视为受理（第三十条第三款）", atUtc);
        AcceptedOn = reviewExpiredOn;
        DeemedAccepted = true;
        Procedure = ProcedureKind.Ordinary;
    }

    /// <summary>不予受理 (第三十条第二款), naming the competent body where this one lacks jurisdiction.</summary>
    public void Reject(DateOnly on, string reason, string actor, DateTime atUtc)
    {
        Guard(CaseAction.Reject);
        Require(reason, "reason", "不予受理应当说明理由");
        Apply(CaseAction.Reject, on, actor, reason, atUtc);
        ClosedOn = on;
    }

    public void Refer(DateOnly on, string reason, string actor, DateTime atUtc)
    {
        Guard(CaseAction.Refer);
        Require(reason, "reason", "请写明告知的机关或途径");
        Apply(CaseAction.Refer, on, actor, reason, atUtc);
        ClosedOn = on;
    }

    public void SendCopy(DateOnly on, string actor, DateTime atUtc)
    {
        Guard(CaseAction.SendCopy);
        NotBefore(on, AcceptedOn, "受理之日");
        Apply(CaseAction.SendCopy, on, actor, null, atUtc);
        CopySentOn = on;
    }

    public void RecordCopyReceived(DateOnly on, string actor, DateTime atUtc)
    {
        Guard(CaseAction.RecordCopyReceived);
        if (CopySentOn is null)
            throw new ConflictException("尚未发送申请书副本。");
        NotBefore(on, CopySentOn, "发送副本之日");
        Apply(CaseAction.RecordCopyReceived, on, actor, null, atUtc);
        CopyReceivedOn = on;
    }

    public void RecordReply(DateOnly on, string actor, string? note, DateTime atUtc)
    {
        Guard(CaseAction.RecordReply);
        NotBefore(on, CopySentOn ?? AcceptedOn, "发送副本之日");
        Apply(CaseAction.RecordReply, on, actor, note, atUtc);
        ReplyReceivedOn = on;
    }

    /// <summary>听取意见 (第四十九条): in person, online or by phone, recorded.</summary>
    public void HearOpinion(DateOnly on, OpinionMode mode, string summary, string actor, DateTime atUtc)
    {
        Guard(CaseAction.HearOpinion);
        Require(summary, "note", "请记录听取的意见");
        Apply(CaseAction.HearOpinion, on, actor, $"{ReconNames.Of(mode)}：{summary}", atUtc);
    }

    public void ScheduleHearing(DateOnly noticeOn, DateOnly hearingOn, int minimumNoticeWorkingDays, int actualNoticeWorkingDays, string actor, DateTime atUtc)
    {
        Guard(CaseAction.ScheduleHearing);
        if (actualNoticeWorkingDays < minimumNoticeWorkingDays)
            throw FazhiValidationException.For("hearingOn", $"听证应当于举行听证的{minimumNoticeWorkingDays}个工作日前书面通知（第五十一条），当前仅提前{actualNoticeWorkingDays}个工作日。");
        Apply(CaseAction.ScheduleHearing, noticeOn, actor, $"定于{hearingOn:yyyy-MM-dd}举行听证", atUtc);
        HearingScheduledOn = hearingOn;
    }

    public void HoldHearing(DateOnly on, string record, string actor, DateTime atUtc)
    {
        Guard(CaseAction.HoldHearing);
        Require(record, "note", "请填写听证笔录摘要");
        Apply(CaseAction.HoldHearing, on, actor, record, atUtc);
    }

    /// <summary>中止 (第三十九条): the decision clock pauses from this day.</summary>
    public void Suspend(DateOnly on, string ground, string actor, DateTime atUtc)
    {
        Guard(CaseAction.Suspend);
        Require(ground, "reason", "请写明中止的事由（第三十九条）");
        NotBefore(on, AcceptedOn, "受理之日");
        Apply(CaseAction.Suspend, on, actor, ground, atUtc);
        Suspensions.Add(new Suspension { From = on, Ground = ground });
    }

    public void Resume(DateOnly on, string actor, DateTime atUtc)
    {
        Guard(CaseAction.Resume);
        var open = Suspensions.Single(s => s.To is null);
        NotBefore(on, open.From, "中止之日");
        Apply(CaseAction.Resume, on, actor, null, atUtc);
        open.To = on;
    }

    /// <summary>延期 (第六十二条): 普通程序 only, approved by the head of the 行政复议机构, at most 30 days in all.</summary>
    public void Extend(DateOnly on, int days, string approvedBy, int maximumDays, string actor, DateTime atUtc)
    {
        Guard(CaseAction.Extend);
        if (Procedure != ProcedureKind.Ordinary)
            throw new ConflictException("简易程序案件不能延期（第六十二条第二款）；确需延长的，请先转为普通程序。");
        if (days <= 0)
            throw FazhiValidationException.For("days", "延长天数应为正整数");
        if (ExtensionDays + days > maximumDays)
            throw FazhiValidationException.For("days", $"延长期限最多不得超过{maximumDays}日（第六十二条第一款），本案已延长{ExtensionDays}日。");
        Require(approvedBy, "approvedBy", "延期须经行政复议机构负责人批准，请填写批准人");
        Apply(CaseAction.Extend, on, actor, $"延长{days}日，经{approvedBy}批准", atUtc);
        ExtensionDays += days;
        ExtensionApprovedBy = approvedBy;
    }

    /// <summary>简易程序转普通程序 (第五十五条), approved by the head of the 行政复议机构.</summary>
    public void ConvertToOrdinary(DateOnly on, string approvedBy, string actor, DateTime atUtc)
    {
        Guard(CaseAction.ConvertToOrdinary);
        if (Procedure != ProcedureKind.Simplified)
            throw new ConflictException("本案已适用普通程序。");
        Require(approvedBy, "approvedBy", "转为普通程序须经行政复议机构负责人批准，请填写批准人");
        Apply(CaseAction.ConvertToOrdinary, on, actor, $"经{approvedBy}批准转为普通程序", atUtc);
        Procedure = ProcedureKind.Ordinary;
    }

    /// <summary>终止 (第四十一条), e.g. an approved withdrawal or a settlement (第七十四条).</summary>
    public void Terminate(DateOnly on, TerminationReason reason, string? note, string actor, DateTime atUtc)
    {
        Guard(CaseAction.Terminate);
        Apply(CaseAction.Terminate, on, actor, $"{ReconNames.Of(reason)}{(string.IsNullOrWhiteSpace(note) ? "" : "：" + note)}", atUtc);
        CloseOpenSuspension(on);
        TerminationReason = reason;
        ClosedOn = on;
    }

    /// <summary>调解结案 (第七十三条): a 行政复议调解书 signed by the parties.</summary>
    public void Mediate(DateOnly on, string? note, string actor, DateTime atUtc)
    {
        Guard(CaseAction.Mediate);
        Apply(CaseAction.Mediate, on, actor, note, atUtc);
        CloseOpenSuspension(on);
        ClosedOn = on;
    }

    public void Decide(DateOnly on, DecisionType type, string? note, string actor, DateTime atUtc)
    {
        Guard(CaseAction.Decide);
        NotBefore(on, AcceptedOn, "受理之日");
        Apply(CaseAction.Decide, on, actor, $"{ReconNames.Of(type)}{(string.IsNullOrWhiteSpace(note) ? "" : "：" + note)}", atUtc);
        DecisionType = type;
        ClosedOn = on;
    }

    public void Serve(DateOnly on, string actor, DateTime atUtc)
    {
        Guard(CaseAction.Serve);
        NotBefore(on, ClosedOn, "结案之日");
        Apply(CaseAction.Serve, on, actor, null, atUtc);
        ServedOn = on;
    }

    public void RecordContact(DateTime atUtc, string how, string actor)
    {
        Guard(CaseAction.RecordContact);
        if (atUtc < ReceivedAtUtc)
            throw FazhiValidationException.For("at", "联系时间不能早于收到申请的时间。");
        Apply(CaseAction.RecordContact, DateOnly.FromDateTime(Kernel.ChinaTime.ToChina(atUtc)), actor, how, atUtc);
        if (FirstContactAtUtc is null || atUtc < FirstContactAtUtc)
            FirstContactAtUtc = atUtc;
    }

    public void Assign(string? userName, string actor, DateTime atUtc)
    {
        Guard(CaseAction.Assign);
        Apply(CaseAction.Assign, DateOnly.FromDateTime(Kernel.ChinaTime.ToChina(atUtc)), actor, userName is null ? "取消分配" : $"承办人：{userName}", atUtc);
        AssigneeUserName = userName;
    }

    /// <summary>履行情况 ("回头看"): whether the agency carried out the decision or 调解书.</summary>
    public void RecordPerformance(DateOnly on, string status, string? note, string actor, DateTime atUtc)
    {
        Guard(CaseAction.RecordPerformance);
        Require(status, "reason", "请填写履行情况（如已履行、部分履行、未履行）");
        NotBefore(on, ClosedOn, "结案之日");
        Apply(CaseAction.RecordPerformance, on, actor, $"{status}{(string.IsNullOrWhiteSpace(note) ? "" : "：" + note)}", atUtc);
        Performance = status;
    }

    /// <summary>行政复议意见书/建议书 (第七十六条): the agency is to answer within 60 days of receiving it.</summary>
    public void IssueOpinionLetter(DateOnly receivedByAgencyOn, string kind, string agency, string content, string actor, DateTime atUtc)
    {
        Guard(CaseAction.IssueOpinionLetter);
        if (kind is not ("意见书" or "建议书"))
            throw FazhiValidationException.For("mode", "文书类型应为意见书或建议书");
        Require(agency, "reason", "请填写送达的机关");
        Require(content, "note", "请填写意见或建议的内容");
        Apply(CaseAction.IssueOpinionLetter, receivedByAgencyOn, actor, $"行政复议{kind}致{agency}：{content}", atUtc);
        OpinionLetterOn = receivedByAgencyOn;
        OpinionLetterTo = agency;
        OpinionRepliedOn = null;
    }

    public void RecordOpinionReply(DateOnly on, string? note, string actor, DateTime atUtc)
    {
        Guard(CaseAction.RecordOpinionReply);
        if (OpinionLetterOn is null)
            throw new ConflictException("本案尚未制发意见书或建议书。");
        NotBefore(on, OpinionLetterOn, "意见书送达之日");
        Apply(CaseAction.RecordOpinionReply, on, actor, note, atUtc);
        OpinionRepliedOn = on;
    }

    private void CloseOpenSuspension(DateOnly on)
    {
        foreach (var s in Suspensions.Where(s => s.To is null))
            s.To = on;
    }

    private static void Require(string? value, string field, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
            throw FazhiValidationException.For(field, message);
    }

    private static void NotBefore(DateOnly on, DateOnly? earliest, string what)
    {
        if (earliest is { } e && on < e)
            throw FazhiValidationException.For("on", $"日期不能早于{what}（{e:yyyy-MM-dd}）。");
    }

    // ---- issue 15 §3: the case file ----
    /// <summary>归档之日: an archived case refuses every change (see <see cref="CaseArchive"/>).</summary>
    public DateOnly? ArchivedOn { get; set; }
    // ---- recon-rules (issue 15 §1, §2): the law's limits, the contested act, parties, correction and void --------

    /// <summary>因不动产提出的申请: the absolute limit is 20 years instead of 5 (第二十一条).</summary>
    public bool RealProperty { get; set; }

    /// <summary>行政机关作出行政行为时未告知申请行政复议的权利、行政复议机关和申请期限 (第二十条第三款).</summary>
    public bool NotToldOfRight { get; set; }

    /// <summary>知道或者应当知道申请行政复议的权利、行政复议机关和申请期限之日 (第二十条第三款).</summary>
    public DateOnly? RightLearnedOn { get; set; }

    /// <summary>被申请复议的行政行为: its name (e.g. 行政处罚决定), 文号 and the agency that made it.</summary>
    public string? ActName { get; set; }

    public string? ActDocumentNumber { get; set; }

    public string? ActAgency { get; set; }

    /// <summary>The one-time token of the 收到申请 form: a second post of the same token answers with this case.</summary>
    public string? IntakeToken { get; set; }

    /// <summary>作废: the number stays taken and the case is left out of every figure.</summary>
    public string? VoidReason { get; set; }

    public DateTime? VoidedAtUtc { get; set; }

    /// <summary>第六十一条: 负责人同意 or 集体讨论, and who agreed or took part.</summary>
    public string? DecisionMode { get; set; }

    public string? DecidedBy { get; set; }

    /// <summary>The period (days) a decision sets for 重新作出 (第六十四条) or 履行 (第六十六条).</summary>
    public int? RespondentPeriodDays { get; set; }

    /// <summary>不予受理 for want of jurisdiction: the competent 行政复议机关 named in the decision (第三十条第二款).</summary>
    public string? CompetentBody { get; set; }

    /// <summary>1小时速联快调: the latest contact time counted in office hours (null for cases before it was recorded).</summary>
    public DateTime? QuickContactDueUtc { get; set; }

    /// <summary>Applicants besides the first, 代表人 (第十五条), 第三人 (第十六条) and agents with their authorisation.</summary>
    public List<CaseParty> Parties { get; set; } = [];

    /// <summary>The state machine speaks first: handlers that check a statute before calling the aggregate call this first.</summary>
    public void EnsureAllowed(CaseAction action) => Guard(action);

    /// <summary>Within the hour as the 复议机构's office hours count it (<see cref="QuickContactDueUtc"/>).</summary>
    public bool ContactedInOfficeHour => FirstContactAtUtc is { } c && c <= (QuickContactDueUtc ?? ReceivedAtUtc + QuickContactWindow);

    /// <summary>修改案件信息: one field, its old and new value and the reason, as an event of the case history.</summary>
    public void Amend(string label, string? oldValue, string? newValue, Action<ReconCase> set, string reason, string actor, DateTime atUtc)
    {
        Guard(CaseAction.Amend);
        Require(reason, "reason", "请填写修改理由");
        if (oldValue == newValue)
            throw FazhiValidationException.For("value", $"{label}未改变");
        set(this);
        Apply(CaseAction.Amend, DateOnly.FromDateTime(Kernel.ChinaTime.ToChina(atUtc)), actor,
            $"{label}：“{oldValue ?? "（空）"}”改为“{newValue ?? "（空）"}”；理由：{reason}", atUtc);
    }

    /// <summary>作废 (e.g. registered twice): kept with its number, marked void, no further action.</summary>
    public void Void(string reason, string actor, DateTime atUtc)
    {
        Guard(CaseAction.Void);
        Require(reason, "reason", "请填写作废理由");
        var before = Status;
        Apply(CaseAction.Void, DateOnly.FromDateTime(Kernel.ChinaTime.ToChina(atUtc)), actor, $"作废（原状态：{ReconNames.Of(before)}）：{reason}", atUtc);
        VoidReason = reason;
        VoidedAtUtc = atUtc;
    }

    /// <summary>Adds a party; the rules of 第十五条 and 第十六条 are checked by <see cref="Rules.PartyRules"/> first.</summary>
    public void AddParty(CaseParty party, string actor, DateTime atUtc)
    {
        Guard(CaseAction.AddParty);
        Apply(CaseAction.AddParty, DateOnly.FromDateTime(Kernel.ChinaTime.ToChina(atUtc)), actor,
            $"{PartyNames.Of(party.Role)}：{party.Name}{(party.Authorisation is null ? "" : "（" + party.Authorisation + "）")}", atUtc);
        Parties.Add(party);
    }

    /// <summary>不予受理 naming the competent body (第三十条第二款), kept for the 不予受理决定书.</summary>
    public void RecordCompetentBody(string? body) => CompetentBody = string.IsNullOrWhiteSpace(body) ? null : body.Trim();

    /// <summary>第六十一条 and the period of 第六十四条/第六十六条, recorded with the decision just made.</summary>
    public void RecordDecisionBasis(string mode, string decidedBy, int? periodDays)
    {
        DecisionMode = mode;
        DecidedBy = decidedBy.Trim();
        RespondentPeriodDays = periodDays;
    }
}

/// <summary>中止期间: the decision period does not run from <see cref="From"/> until <see cref="To"/> (恢复).</summary>
public sealed class Suspension
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
    public required string Ground { get; set; }

    /// <summary>The item of 第三十九条第一款 (1–10) the 中止 rests on; items 1, 2 and 4 turn into 终止 after 60 days (第四十一条第五项).</summary>
    public int? Article39Item { get; set; }
}

/// <summary>办理过程: one recorded step of a case.</summary>
public sealed class CaseEvent
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public CaseAction Action { get; set; }
    public DateOnly On { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Actor { get; set; }
    public string? Note { get; set; }
}

/// <summary>当事人 besides the first applicant (行政复议法2023第十五条、第十六条、第十七条).</summary>
public sealed class CaseParty
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public PartyRole Role { get; set; }
    public required string Name { get; set; }

    [Kernel.Security.Encrypted(BlindIndex = true)]
    public string? IdNumber { get; set; }

    [Kernel.Security.Encrypted(BlindIndex = true)]
    public string? Phone { get; set; }

    /// <summary>委托代理人: 一般授权 or 特别授权 with its scope (第十七条: 授权委托书载明委托事项、权限和期限).</summary>
    public string? Authorisation { get; set; }

    /// <summary>委托代理人: the party it acts for (its name).</summary>
    public string? ActsFor { get; set; }
}
