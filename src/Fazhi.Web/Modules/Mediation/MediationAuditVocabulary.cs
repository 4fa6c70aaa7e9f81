using System.Globalization;
using Fazhi.Web.Kernel.Audit;
using Fazhi.Web.Modules.Mediation.Domain;

namespace Fazhi.Web.Modules.Mediation;

/// <summary>人民调解 in the 操作日志: a dispute is named by its 编号.</summary>
public sealed class MediationAuditVocabulary : AuditVocabulary
{
    private static string Yuan(string fen) => long.TryParse(fen, NumberStyles.Integer, CultureInfo.InvariantCulture, out var f) ? (f / 100m).ToString("0.00", CultureInfo.InvariantCulture) + "元" : fen;

    public MediationAuditVocabulary() : base("人民调解")
    {
        Enum<DisputeStatus>(MediationNames.Of);
        Enum<DisputeSource>(MediationNames.Of);
        Enum<AgreementKind>(MediationNames.Of);
        Enum<ConfirmationResult>(MediationNames.Of);
        Enum<PartyKind>(MediationNames.Of);
        Enum<DisputeAction>(DisputeStateMachine.NameOf);
        Enum<CommitteeKind>(OrganisationNames.Of);
        Enum<MediationDocumentKind>(OrganisationNames.Of);

        Entity<Dispute>("人民调解纠纷", v => v[nameof(Dispute.Number)])
            .Field(nameof(Dispute.Id), "纠纷ID").Field(nameof(Dispute.Number), "编号").OrgUnit(nameof(Dispute.OrgUnitId), "调解委员会")
            .Field(nameof(Dispute.Year), "年度").Field(nameof(Dispute.Category), "纠纷类别").Field(nameof(Dispute.Source), "纠纷来源")
            .Field(nameof(Dispute.Court), "委托法院").Field(nameof(Dispute.CourtCaseNumber), "法院案号").Field(nameof(Dispute.CourtDeadline), "委托调解期限")
            .Field(nameof(Dispute.Summary), "纠纷简要情况").Field(nameof(Dispute.AmountFen), "涉及金额", Yuan).Reference<Mediator>(nameof(Dispute.MediatorId), "调解员")
            .Field(nameof(Dispute.ReceivedOn), "登记日期").Field(nameof(Dispute.Status), "状态").Field(nameof(Dispute.AcceptedOn), "受理日期")
            .Field(nameof(Dispute.Agreement), "协议形式").Field(nameof(Dispute.AgreementOn), "协议达成日期").Field(nameof(Dispute.AgreementContent), "协议内容")
            .Field(nameof(Dispute.EffectiveOn), "协议生效日期").Field(nameof(Dispute.ClosedOn), "结案日期").Field(nameof(Dispute.CloseReason), "结案说明")
            .Field(nameof(Dispute.ConfirmationAppliedOn), "司法确认申请日期").Field(nameof(Dispute.ConfirmationCourt), "司法确认法院")
            .Field(nameof(Dispute.ConfirmationCaseNumber), "司法确认案号").Field(nameof(Dispute.ConfirmationResult), "司法确认结果")
            .Field(nameof(Dispute.ConfirmationRuledOn), "裁定日期").Field(nameof(Dispute.FollowUpOn), "回访日期").Field(nameof(Dispute.Performance), "履行情况")
            .Field(nameof(Dispute.ReferredToLegalAidOn), "转介法律援助日期").Field(nameof(Dispute.LegalAidReference), "法律援助案号")
            .Reference<Screening>(nameof(Dispute.ScreeningId), "排查记录").Reference<TalkPoint>(nameof(Dispute.TalkPointId), "说事点")
            .Field(nameof(Dispute.Imported), "台账导入").Field(nameof(Dispute.SubsidyFen), "以案定补金额", Yuan).Field(nameof(Dispute.SubsidyPaidOn), "以案定补发放日期").Field(nameof(Dispute.Version), "版本号");

        Entity<DisputeParty>("当事人", v => v[nameof(DisputeParty.Name)])
            .Field(nameof(DisputeParty.Id), "ID").Reference<Dispute>(nameof(DisputeParty.DisputeId), "纠纷").Field(nameof(DisputeParty.Kind), "当事人类型")
            .Field(nameof(DisputeParty.Name), "姓名或名称").IdNumber(nameof(DisputeParty.IdNumber), "证件号码").Phone(nameof(DisputeParty.Phone), "联系电话")
            .Field(nameof(DisputeParty.Address), "住址");

        Entity<DisputeEvent>("调解过程", v => $"{v.Display(nameof(DisputeEvent.DisputeId))} {v.Display(nameof(DisputeEvent.Action))}")
            .Field(nameof(DisputeEvent.Id), "ID").Reference<Dispute>(nameof(DisputeEvent.DisputeId), "纠纷").Field(nameof(DisputeEvent.Action), "办理事项")
            .Field(nameof(DisputeEvent.On), "日期").Field(nameof(DisputeEvent.AtUtc), "记录时间").Field(nameof(DisputeEvent.Actor), "经办人").Field(nameof(DisputeEvent.Note), "说明");

        Entity<Committee>("人民调解委员会", v => v[nameof(Committee.ShortName)])
            .Field(nameof(Committee.Id), "ID").OrgUnit(nameof(Committee.OrgUnitId), "机构").Field(nameof(Committee.Kind), "委员会类型")
            .Field(nameof(Committee.FoundedOn), "成立日期").Field(nameof(Committee.Field), "行业领域").Field(nameof(Committee.ShortName), "编号简称");

        Entity<Mediator>("人民调解员", v => v[nameof(Mediator.Name)])
            .Field(nameof(Mediator.Id), "ID").OrgUnit(nameof(Mediator.OrgUnitId), "调解委员会").Field(nameof(Mediator.Name), "姓名")
            .Field(nameof(Mediator.FullTime), "专职").IdNumber(nameof(Mediator.IdNumber), "身份证号").Phone(nameof(Mediator.Phone), "联系电话")
            .Field(nameof(Mediator.Training), "培训情况").Field(nameof(Mediator.InRoster), "列入名录").Field(nameof(Mediator.IsActive), "在职")
            .Field(nameof(Mediator.UserName), "登录账号");

        Entity<Screening>("矛盾纠纷排查", v => $"{v[nameof(Screening.On)]} {v[nameof(Screening.Place)]}")
            .Field(nameof(Screening.Id), "ID").OrgUnit(nameof(Screening.OrgUnitId), "机构").Field(nameof(Screening.On), "排查日期")
            .Field(nameof(Screening.Place), "地点或网格").Field(nameof(Screening.By), "排查人").Field(nameof(Screening.Found), "发现纠纷")
            .Field(nameof(Screening.Prevented), "预防纠纷").Field(nameof(Screening.ZeroReport), "零报告").Field(nameof(Screening.Note), "备注");

        Entity<TalkPoint>("百姓评理说事点", v => v[nameof(TalkPoint.Name)])
            .Field(nameof(TalkPoint.Id), "ID").OrgUnit(nameof(TalkPoint.OrgUnitId), "所在村（社区）").Field(nameof(TalkPoint.Name), "名称")
            .Field(nameof(TalkPoint.Host), "负责人").Field(nameof(TalkPoint.EstablishedOn), "设立日期");

        Entity<TalkPointReport>("说事点上报信息", v => $"{v.Display(nameof(TalkPointReport.TalkPointId))} {v[nameof(TalkPointReport.On)]}")
            .Field(nameof(TalkPointReport.Id), "ID").Reference<TalkPoint>(nameof(TalkPointReport.TalkPointId), "说事点").OrgUnit(nameof(TalkPointReport.OrgUnitId), "机构")
            .Field(nameof(TalkPointReport.On), "上报日期").Field(nameof(TalkPointReport.Summary), "上报信息").Field(nameof(TalkPointReport.Resolved), "已化解")
            .Field(nameof(TalkPointReport.LegalEducation), "法治宣传");

        Entity<SubsidyRate>("以案定补标准", v => v[nameof(SubsidyRate.Category)] ?? "全部类别")
            .Field(nameof(SubsidyRate.Id), "ID").OrgUnit(nameof(SubsidyRate.OrgUnitId), "机构").Field(nameof(SubsidyRate.Category), "纠纷类别")
            .Field(nameof(SubsidyRate.AmountFen), "每件补贴", Yuan).Field(nameof(SubsidyRate.WrittenBonusFen), "书面协议加补", Yuan).Field(nameof(SubsidyRate.ValidFrom), "起用日期");

        Entity<MediationDocument>("调解文书", v => v[nameof(MediationDocument.Number)])
            .Field(nameof(MediationDocument.Id), "ID").Reference<Dispute>(nameof(MediationDocument.DisputeId), "纠纷").OrgUnit(nameof(MediationDocument.OrgUnitId), "调解委员会")
            .Field(nameof(MediationDocument.Kind), "文书种类").Field(nameof(MediationDocument.Number), "文号").Field(nameof(MediationDocument.Title), "标题")
            .Field(nameof(MediationDocument.Content), "文书内容").Field(nameof(MediationDocument.CreatedAtUtc), "制作时间").Field(nameof(MediationDocument.CreatedBy), "制作人");

        Entity<MediationCounter>("调解编号计数", v => $"{v[nameof(MediationCounter.Year)]} {v[nameof(MediationCounter.Series)]}")
            .OrgUnit(nameof(MediationCounter.OrgUnitId), "调解委员会").Field(nameof(MediationCounter.Year), "年度").Field(nameof(MediationCounter.Series), "序列")
            .Field(nameof(MediationCounter.Last), "已用至").Field(nameof(MediationCounter.Version), "版本号");
    }
}
