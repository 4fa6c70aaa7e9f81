using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Modules.Mediation.Domain;

/// <summary>
/// 矛盾纠纷 before a 人民调解委员会. The aggregate enforces <see cref="DisputeStateMachine"/> and the order of dates;
/// every change it accepts is written as a <see cref="DisputeEvent"/> (who, when, what). The dispute belongs to its
/// committee's org unit, so a committee's mediators see their own committee's disputes and nothing else.
/// </summary>
public sealed class Dispute : IOrgOwned
{
    public long Id { get; set; }

    /// <summary>The 人民调解委员会 (an org unit of kind 调解委员会).</summary>
    public int OrgUnitId { get; set; }

    /// <summary>编号, e.g. （2024）鲸园调字第12号; per committee and year, never reused.</summary>
    public required string Number { get; set; }

    public int Year { get; set; }

    /// <summary>纠纷类别: a code of the 字典 <c>mediation.dispute_category</c>.</summary>
    public required string Category { get; set; }

    public DisputeSource Source { get; set; }

    /// <summary>诉调对接: the entrusting court and its 案号.</summary>
    public string? Court { get; set; }

    public string? CourtCaseNumber { get; set; }

    /// <summary>诉调对接: the last day the court's entrustment allows (委托调解期限).</summary>
    public DateOnly? CourtDeadline { get; set; }

    /// <summary>纠纷简要情况.</summary>
    public required string Summary { get; set; }

    /// <summary>涉及金额, in 分 (money is stored as integer fen).</summary>
    public long AmountFen { get; set; }

    public long? MediatorId { get; set; }

    public DateOnly ReceivedOn { get; set; }

    public DisputeStatus Status { get; set; }

    public DateOnly? AcceptedOn { get; set; }

    public AgreementKind? Agreement { get; set; }

    /// <summary>协议达成之日 (signed / agreed).</summary>
    public DateOnly? AgreementOn { get; set; }

    /// <summary>协议内容 (written: the 协议书's terms; oral: what the mediator recorded, 人民调解法第二十八条).</summary>
    public string? AgreementContent { get; set; }

    /// <summary>The day the agreement took effect (第二十九条 written: all signatures and the seal; 第三十条 oral: the day agreed).</summary>
    public DateOnly? EffectiveOn { get; set; }

    public DateOnly? ClosedOn { get; set; }

    public string? CloseReason { get; set; }

    public DateOnly? ConfirmationAppliedOn { get; set; }

    public string? ConfirmationCourt { get; set; }

    public string? ConfirmationCaseNumber { get; set; }

    public ConfirmationResult? ConfirmationResult { get; set; }

    public DateOnly? ConfirmationRuledOn { get; set; }

    public DateOnly? FollowUpOn { get; set; }

    /// <summary>履行情况 as last recorded at a 回访.</summary>
    public string? Performance { get; set; }

    /// <summary>转介法律援助: the day it was referred, and the legal-aid case that took it (through Contracts/).</summary>
    public DateOnly? ReferredToLegalAidOn { get; set; }

    public string? LegalAidReference { get; set; }

    /// <summary>From a 排查 record or a 说事点 report.</summary>
    public long? ScreeningId { get; set; }

    public long? TalkPointId { get; set; }

    public bool Imported { get; set; }

    /// <summary>以案定补 as paid: the amount fixed when the period's list was marked paid, and the day; a paid line never changes.</summary>
    public long SubsidyFen { get; set; }

    public DateOnly? SubsidyPaidOn { get; set; }

    public int Version { get; set; }

    public List<DisputeParty> Parties { get; set; } = [];

    public List<DisputeEvent> Events { get; set; } = [];

    public bool IsOpen => DisputeStateMachine.IsOpen(Status);

    private void Check(DisputeAction action)
    {
        if (!DisputeStateMachine.IsAllowed(Status, action))
            throw new Kernel.Web.ConflictException($"纠纷当前状态为“{MediationNames.Of(Status)}”，不能“{DisputeStateMachine.NameOf(action)}”。");
    }

    private void Record(DisputeAction action, DateOnly on, string actor, DateTime atUtc, string? note)
    {
        Status = DisputeStateMachine.Next(Status, action);
        Version++;
        Events.Add(new DisputeEvent { Action = action, On = on, AtUtc = atUtc, Actor = actor, Note = note });
    }

    private void NotBeforeReceived(DateOnly on, string field, string label)
    {
        if (on < ReceivedOn)
            throw Kernel.Web.FazhiValidationException.For(field, $"{label}（{on:yyyy-MM-dd}）不能早于纠纷受理登记之日（{ReceivedOn:yyyy-MM-dd}）");
    }

    /// <summary>受理: the committee takes the dispute and designates a mediator (第十九条).</summary>
    public void Accept(DateOnly on, long mediatorId, string mediatorName, string actor, DateTime atUtc)
    {
        Check(DisputeAction.Accept);
        NotBeforeReceived(on, "on", "受理日期");
        AcceptedOn = on;
        MediatorId = mediatorId;
        Record(DisputeAction.Accept, on, actor, atUtc, $"受理，指定调解员{mediatorName}");
    }

    /// <summary>选派: a mediator from the 调解员名录 (or another of the committee's own) takes over (人民调解法第十九条:
    /// the committee designates; the parties may also choose).</summary>
    public void Designate(DateOnly on, long mediatorId, string mediatorName, string? reason, string actor, DateTime atUtc)
    {
        Check(DisputeAction.Designate);
        if (AcceptedOn is { } a && on < a)
            throw Kernel.Web.FazhiValidationException.For("on", $"选派日期（{on:yyyy-MM-dd}）不能早于受理日期（{a:yyyy-MM-dd}）");
        if (MediatorId == mediatorId)
            throw Kernel.Web.FazhiValidationException.For("mediatorId", $"{mediatorName}已是本纠纷的调解员");
        MediatorId = mediatorId;
        Record(DisputeAction.Designate, on, actor, atUtc, $"选派调解员{mediatorName}" + (string.IsNullOrWhiteSpace(reason) ? "" : "：" + reason.Trim()));
    }

    /// <summary>不予受理: e.g. a party expressly refuses mediation (第十七条) or the matter is not a 民间纠纷.</summary>
    public void Decline(DateOnly on, string reason, string actor, DateTime atUtc)
    {
        Check(DisputeAction.Decline);
        NotBeforeReceived(on, "on", "日期");
        ClosedOn = on;
        CloseReason = reason;
        Record(DisputeAction.Decline, on, actor, atUtc, reason);
    }

    /// <summary>调解笔录: one mediation session (第二十七条 record every case).</summary>
    public void RecordSession(DateOnly on, string place, string record, string actor, DateTime atUtc)
    {
        Check(DisputeAction.RecordSession);
        if (AcceptedOn is { } a && on < a)
            throw Kernel.Web.FazhiValidationException.For("on", $"调解日期（{on:yyyy-MM-dd}）不能早于受理日期（{a:yyyy-MM-dd}）");
        Record(DisputeAction.RecordSession, on, actor, atUtc, $"【{place}】{record}");
    }

    /// <summary>调解成功: an agreement, written (第二十八、二十九条) or oral (第三十条).</summary>
    public void Succeed(DateOnly agreedOn, AgreementKind kind, string content, DateOnly effectiveOn, string actor, DateTime atUtc)
    {
        Check(DisputeAction.Succeed);
        NotBeforeReceived(agreedOn, "on", "协议日期");
        if (effectiveOn < agreedOn)
            throw Kernel.Web.FazhiValidationException.For("effectiveOn", "协议生效日期不能早于协议达成日期");
        Agreement = kind;
        AgreementOn = agreedOn;
        AgreementContent = content;
        EffectiveOn = effectiveOn;
        ClosedOn = agreedOn;
        Record(DisputeAction.Succeed, agreedOn, actor, atUtc, $"{MediationNames.Of(kind)}：{content}");
    }

    /// <summary>调解不成 (第二十六条): mediation ends and the parties are told their routes.</summary>
    public void Fail(DateOnly on, string routes, string actor, DateTime atUtc)
    {
        Check(DisputeAction.Fail);
        NotBeforeReceived(on, "on", "日期");
        ClosedOn = on;
        CloseReason = routes;
        Record(DisputeAction.Fail, on, actor, atUtc, "告知途径：" + routes);
    }

    /// <summary>终止调解 (第二十六条): a party withdraws, or goes to court or arbitration.</summary>
    public void Terminate(DateOnly on, string reason, string actor, DateTime atUtc)
    {
        Check(DisputeAction.Terminate);
        NotBeforeReceived(on, "on", "终止日期");
        ClosedOn = on;
        CloseReason = reason;
        Record(DisputeAction.Terminate, on, actor, atUtc, reason);
    }

    /// <summary>申请司法确认 (第三十三条): the checks are <see cref="Rules.JudicialConfirmation"/>'s, made before this is called.</summary>
    public void ApplyForConfirmation(DateOnly on, string court, string actor, DateTime atUtc)
    {
        Check(DisputeAction.ApplyConfirmation);
        if (ConfirmationAppliedOn is not null)
            throw new Kernel.Web.ConflictException($"已于{ConfirmationAppliedOn:yyyy-MM-dd}申请司法确认，不能重复申请。");
        ConfirmationAppliedOn = on;
        ConfirmationCourt = court;
        Record(DisputeAction.ApplyConfirmation, on, actor, atUtc, $"双方共同向{court}申请司法确认");
    }

    /// <summary>法院裁定 (民事诉讼法第二百零六条): 调解协议有效, or 驳回申请.</summary>
    public void RecordRuling(DateOnly on, ConfirmationResult result, string? caseNumber, string actor, DateTime atUtc)
    {
        Check(DisputeAction.RecordRuling);
        if (ConfirmationAppliedOn is not { } applied)
            throw new Kernel.Web.ConflictException("尚未申请司法确认，不能登记法院裁定。");
        if (ConfirmationResult is not null)
            throw new Kernel.Web.ConflictException("已登记法院裁定。");
        if (on < applied)
            throw Kernel.Web.FazhiValidationException.For("on", $"裁定日期不能早于申请日期（{applied:yyyy-MM-dd}）");
        ConfirmationResult = result;
        ConfirmationRuledOn = on;
        ConfirmationCaseNumber = caseNumber;
        Record(DisputeAction.RecordRuling, on, actor, atUtc, $"{MediationNames.Of(result)}{(caseNumber is null ? "" : "（" + caseNumber + "）")}");
    }

    /// <summary>回访: how the agreement is being performed (第三十一条第二款 supervision of performance).</summary>
    public void FollowUp(DateOnly on, string performance, string note, string actor, DateTime atUtc)
    {
        Check(DisputeAction.FollowUp);
        if (ClosedOn is { } c && on < c)
            throw Kernel.Web.FazhiValidationException.For("on", $"回访日期不能早于结案日期（{c:yyyy-MM-dd}）");
        FollowUpOn = on;
        Performance = performance;
        Record(DisputeAction.FollowUp, on, actor, atUtc, $"{performance}：{note}");
    }

    /// <summary>转介法律援助: the dispute needs legal aid (a party qualifies); LegalAid picks it up through Contracts/.</summary>
    public void ReferToLegalAid(DateOnly on, string reason, string actor, DateTime atUtc)
    {
        Check(DisputeAction.ReferToLegalAid);
        NotBeforeReceived(on, "on", "转介日期");
        if (ReferredToLegalAidOn is not null)
            throw new Kernel.Web.ConflictException("已转介法律援助。");
        ReferredToLegalAidOn = on;
        Record(DisputeAction.ReferToLegalAid, on, actor, atUtc, reason);
    }

    /// <summary>以案定补发放: fixes the amount owed and the day it was paid.</summary>
    public void MarkSubsidyPaid(long fen, DateOnly on)
    {
        if (SubsidyPaidOn is { } paid)
            throw new Kernel.Web.ConflictException($"纠纷{Number}的以案定补已于{paid:yyyy-MM-dd}发放，不能再修改。");
        SubsidyFen = fen;
        SubsidyPaidOn = on;
        Version++;
    }

    /// <summary>A ledger row (台账导入): its facts and outcome at once, as the bureau recorded them.</summary>
    public void ApplyLedger(DisputeStatus status, DateOnly? closedOn, AgreementKind? agreement, DateOnly? confirmationOn, ConfirmationResult? confirmation,
        string actor, DateTime atUtc)
    {
        Status = status;
        AcceptedOn ??= ReceivedOn;
        ClosedOn = closedOn;
        Agreement = agreement;
        AgreementOn = status == DisputeStatus.Succeeded ? closedOn : null;
        EffectiveOn = AgreementOn;
        ConfirmationAppliedOn = confirmationOn;
        ConfirmationResult = confirmation;
        ConfirmationRuledOn = confirmation is null ? null : confirmationOn;
        Imported = true;
        Version++;
        Events.Add(new DisputeEvent { Action = DisputeAction.Receive, On = ReceivedOn, AtUtc = atUtc, Actor = actor, Note = $"台账导入：{MediationNames.Of(status)}" });
    }
}

/// <summary>当事人: a person (身份证号) or an organisation (统一社会信用代码).</summary>
public sealed class DisputeParty
{
    public long Id { get; set; }

    public long DisputeId { get; set; }

    public PartyKind Kind { get; set; }

    public required string Name { get; set; }

    [Kernel.Security.Encrypted(BlindIndex = true)]
    public string? IdNumber { get; set; }

    [Kernel.Security.Encrypted(BlindIndex = true)]
    public string? Phone { get; set; }

    /// <summary>住址 (a person's address is personal information: encrypted, not searched).</summary>
    [Kernel.Security.Encrypted]
    public string? Address { get; set; }
}

/// <summary>办理过程: one accepted action (sessions' 调解笔录 included).</summary>
public sealed class DisputeEvent
{
    public long Id { get; set; }

    public long DisputeId { get; set; }

    public DisputeAction Action { get; set; }

    public DateOnly On { get; set; }

    public DateTime AtUtc { get; set; }

    public required string Actor { get; set; }

    public string? Note { get; set; }
}

/// <summary>纠纷状态.</summary>
public enum DisputeStatus
{
    /// <summary>已登记（待受理）</summary>
    Registered,
    /// <summary>调解中</summary>
    Mediating,
    /// <summary>调解成功</summary>
    Succeeded,
    /// <summary>调解不成</summary>
    Failed,
    /// <summary>终止调解</summary>
    Terminated,
    /// <summary>不予受理</summary>
    Declined,
}

/// <summary>纠纷来源.</summary>
public enum DisputeSource { Screening, Application, CourtReferral, PetitionReferral, PoliceReferral, Hotline12345, TalkPoint, LegalAidReferral }

public enum AgreementKind { Written, Oral }

public enum ConfirmationResult { Valid, Dismissed }

public enum PartyKind { Person, Organisation }

public static class MediationNames
{
    public static string Of(DisputeStatus s) => s switch
    {
        DisputeStatus.Registered => "待受理",
        DisputeStatus.Mediating => "调解中",
        DisputeStatus.Succeeded => "调解成功",
        DisputeStatus.Failed => "调解不成",
        DisputeStatus.Terminated => "终止调解",
        DisputeStatus.Declined => "不予受理",
        _ => s.ToString(),
    };

    public static string Of(DisputeSource s) => s switch
    {
        DisputeSource.Screening => "排查发现",
        DisputeSource.Application => "当事人申请",
        DisputeSource.CourtReferral => "诉调对接",
        DisputeSource.PetitionReferral => "访调对接",
        DisputeSource.PoliceReferral => "公调对接",
        DisputeSource.Hotline12345 => "12345转办",
        DisputeSource.TalkPoint => "评理说事点",
        DisputeSource.LegalAidReferral => "法律援助转介",
        _ => s.ToString(),
    };

    public static string Of(AgreementKind k) => k == AgreementKind.Written ? "书面协议" : "口头协议";

    public static string Of(ConfirmationResult r) => r == ConfirmationResult.Valid ? "裁定调解协议有效" : "裁定驳回申请";

    public static string Of(PartyKind k) => k == PartyKind.Person ? "自然人" : "法人或其他组织";

    /// <summary>Chinese name → value, for forms and ledgers.</summary>
    public static T? Parse<T>(string? text, Func<T, string> name) where T : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(text))
            return null;
        var t = text.Trim();
        foreach (var v in Enum.GetValues<T>())
            if (name(v) == t || v.ToString().Equals(t, StringComparison.OrdinalIgnoreCase))
                return v;
        return null;
    }
}
