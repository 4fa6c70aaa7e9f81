using Fazhi.Web.Kernel.Audit;
using Fazhi.Web.Modules.Reconsideration.Data;
using Fazhi.Web.Modules.Reconsideration.Domain;

namespace Fazhi.Web.Modules.Reconsideration;

/// <summary>行政复议 (and 行政应诉) in the 操作日志: a case is named by its 案号, a document by its 文号.</summary>
public sealed class ReconAuditVocabulary : AuditVocabulary
{
    public ReconAuditVocabulary() : base("行政复议")
    {
        Enum<CaseStatus>(ReconNames.Of);
        Enum<ApplicationChannel>(ReconNames.Of);
        Enum<ProcedureKind>(ReconNames.Of);
        Enum<DecisionType>(ReconNames.Of);
        Enum<TerminationReason>(ReconNames.Of);
        Enum<OpinionMode>(ReconNames.Of);
        Enum<ApplicantKind>(k => k == ApplicantKind.Person ? "自然人" : "法人或者其他组织");
        Enum<CaseAction>(CaseStateMachine.NameOf);
        Enum<DocumentKind>(DocumentKinds.TitleOf);
        Enum<LitigationInstance>(LitigationNames.Of);
        Enum<LitigationOutcome>(LitigationNames.Of);
        Enum<DocumentStatus>(Features.DocumentService.StatusName);
        Enum<ServiceMethod>(Features.CaseFile.CaseFileNames.Of);
        Enum<ServiceParty>(Features.CaseFile.CaseFileNames.Of);

        Entity<ReconCase>("行政复议案件", v => v[nameof(ReconCase.CaseNumber)])
            .Field(nameof(ReconCase.Id), "案件ID")
            .Field(nameof(ReconCase.CaseNumber), "案号")
            .OrgUnit(nameof(ReconCase.OrgUnitId), "复议机关")
            .Field(nameof(ReconCase.Year), "年度")
            .Field(nameof(ReconCase.Status), "案件状态")
            .Field(nameof(ReconCase.ApplicantKind), "申请人类型")
            .Field(nameof(ReconCase.ApplicantName), "申请人")
            .IdNumber(nameof(ReconCase.ApplicantIdNumber), "申请人证件号码")
            .Phone(nameof(ReconCase.ApplicantPhone), "申请人联系电话")
            .Field(nameof(ReconCase.AgentName), "代理人")
            .OrgUnit(nameof(ReconCase.RespondentOrgUnitId), "被申请人机构")
            .Field(nameof(ReconCase.RespondentName), "被申请人")
            .Field(nameof(ReconCase.Matter), "申请事项")
            .Field(nameof(ReconCase.ActDate), "行政行为作出日期")
            .Field(nameof(ReconCase.LearnedOn), "知道该行为之日")
            .Field(nameof(ReconCase.Channel), "受理渠道")
            .Field(nameof(ReconCase.ReceivedAtUtc), "收到申请时间")
            .Field(nameof(ReconCase.ReceivedOn), "收到申请日期")
            .Field(nameof(ReconCase.Procedure), "审理程序")
            .Field(nameof(ReconCase.SimplifiedGround), "适用简易程序理由")
            .Field(nameof(ReconCase.CorrectionNoticeOn), "补正通知日期")
            .Field(nameof(ReconCase.CorrectionNoticeReceivedOn), "申请人收到补正通知日期")
            .Field(nameof(ReconCase.CorrectionSuppliedOn), "收到补正材料日期")
            .Field(nameof(ReconCase.AcceptedOn), "受理日期")
            .Field(nameof(ReconCase.DeemedAccepted), "视为受理")
            .Field(nameof(ReconCase.CopySentOn), "发送申请书副本日期")
            .Field(nameof(ReconCase.CopyReceivedOn), "被申请人收到副本日期")
            .Field(nameof(ReconCase.ReplyReceivedOn), "收到答复日期")
            .Field(nameof(ReconCase.HearingScheduledOn), "听证日期")
            .Field(nameof(ReconCase.ExtensionDays), "延期天数")
            .Field(nameof(ReconCase.ExtensionApprovedBy), "延期批准人")
            .Field(nameof(ReconCase.DecisionType), "决定类型")
            .Field(nameof(ReconCase.TerminationReason), "终止原因")
            .Field(nameof(ReconCase.ClosedOn), "结案日期")
            .Field(nameof(ReconCase.ServedOn), "送达日期")
            .Field(nameof(ReconCase.FirstContactAtUtc), "首次联系时间")
            .Field(nameof(ReconCase.AssigneeUserName), "承办人")
            .Field(nameof(ReconCase.OpinionLetterOn), "意见书送达日期")
            .Field(nameof(ReconCase.OpinionLetterTo), "意见书送达机关")
            .Field(nameof(ReconCase.OpinionRepliedOn), "意见书反馈日期")
            .Field(nameof(ReconCase.Performance), "履行情况")
            .Field(nameof(ReconCase.Imported), "台账导入")
            .Field(nameof(ReconCase.Version), "版本号")
            .Field(nameof(ReconCase.ArchivedOn), "归档日期")
            .Field(nameof(ReconCase.RealProperty), "涉及不动产")
            .Field(nameof(ReconCase.NotToldOfRight), "未告知复议权利或期限")
            .Field(nameof(ReconCase.RightLearnedOn), "知道复议权利之日")
            .Field(nameof(ReconCase.ActName), "行政行为名称")
            .Field(nameof(ReconCase.ActDocumentNumber), "行政行为文号")
            .Field(nameof(ReconCase.ActAgency), "作出行政行为的机关")
            .Field(nameof(ReconCase.IntakeToken), "表单标识")
            .Field(nameof(ReconCase.VoidReason), "作废理由")
            .Field(nameof(ReconCase.VoidedAtUtc), "作废时间")
            .Field(nameof(ReconCase.DecisionMode), "决定方式")
            .Field(nameof(ReconCase.DecidedBy), "同意的负责人或讨论人员")
            .Field(nameof(ReconCase.RespondentPeriodDays), "责令期限（日）")
            .Field(nameof(ReconCase.CompetentBody), "有管辖权的复议机关")
            .Field(nameof(ReconCase.QuickContactDueUtc), "速联时限")
            .Field(nameof(ReconCase.DecisionGist), "决定主文");

        Enum<PartyRole>(PartyNames.Of);
        Entity<CaseParty>("当事人", v => $"{v.Display(nameof(CaseParty.CaseId))} {v.Display(nameof(CaseParty.Role))}{v[nameof(CaseParty.Name)]}")
            .Field(nameof(CaseParty.Id), "ID")
            .Reference<ReconCase>(nameof(CaseParty.CaseId), "案件")
            .Field(nameof(CaseParty.Role), "角色")
            .Field(nameof(CaseParty.Name), "姓名或名称")
            .IdNumber(nameof(CaseParty.IdNumber), "证件号码")
            .Phone(nameof(CaseParty.Phone), "联系电话")
            .Field(nameof(CaseParty.Authorisation), "委托事项和权限")
            .Field(nameof(CaseParty.ActsFor), "委托人");

        Entity<Suspension>("中止期间", v => v[nameof(Suspension.From)] is { } from ? $"{v.Display(nameof(Suspension.CaseId))} 自{from}" : null)
            .Field(nameof(Suspension.Id), "ID")
            .Reference<ReconCase>(nameof(Suspension.CaseId), "案件")
            .Field(nameof(Suspension.From), "中止日期")
            .Field(nameof(Suspension.To), "恢复日期")
            .Field(nameof(Suspension.Ground), "中止理由")
            .Field(nameof(Suspension.Article39Item), "中止情形（第三十九条第一款）");

        Entity<CaseEvent>("办理过程", v => $"{v.Display(nameof(CaseEvent.CaseId))} {v.Display(nameof(CaseEvent.Action))}")
            .Field(nameof(CaseEvent.Id), "ID")
            .Reference<ReconCase>(nameof(CaseEvent.CaseId), "案件")
            .Field(nameof(CaseEvent.Action), "办理事项")
            .Field(nameof(CaseEvent.On), "日期")
            .Field(nameof(CaseEvent.AtUtc), "记录时间")
            .Field(nameof(CaseEvent.Actor), "经办人")
            .Field(nameof(CaseEvent.Note), "说明");

        Entity<CaseNumberCounter>("案号计数器", v => $"{v[nameof(CaseNumberCounter.Year)]}年")
            .OrgUnit(nameof(CaseNumberCounter.OrgUnitId), "所属机构")
            .Field(nameof(CaseNumberCounter.Year), "年度")
            .Field(nameof(CaseNumberCounter.Last), "已用至")
            .Field(nameof(CaseNumberCounter.Version), "版本号");

        Entity<CaseDocument>("法律文书", v => v[nameof(CaseDocument.Number)] ?? $"{v.Display(nameof(CaseDocument.CaseId))} {v[nameof(CaseDocument.Title)]}（草稿）")
            .Field(nameof(CaseDocument.Id), "文书ID")
            .Reference<ReconCase>(nameof(CaseDocument.CaseId), "案件")
            .OrgUnit(nameof(CaseDocument.OrgUnitId), "所属机构")
            .Field(nameof(CaseDocument.Kind), "文书种类")
            .Field(nameof(CaseDocument.Number), "文号")
            .Field(nameof(CaseDocument.Title), "标题")
            .Field(nameof(CaseDocument.CreatedAtUtc), "生成时间")
            .Field(nameof(CaseDocument.CreatedBy), "生成人")
            .Field(nameof(CaseDocument.Content), "文件")
            .Field(nameof(CaseDocument.Status), "文书状态")
            .Reference<CaseDocument>(nameof(CaseDocument.ForDocumentId), "所送达文书")
            .Field(nameof(CaseDocument.Revision), "生成次数")
            .Field(nameof(CaseDocument.UpdatedAtUtc), "重新生成时间")
            .Field(nameof(CaseDocument.IssuedOn), "签发日期")
            .Field(nameof(CaseDocument.IssuedBy), "签发人")
            .Field(nameof(CaseDocument.IssuedAtUtc), "签发时间")
            .Field(nameof(CaseDocument.VoidReason), "作废理由")
            .Field(nameof(CaseDocument.VoidedBy), "作废人")
            .Field(nameof(CaseDocument.VoidedAtUtc), "作废时间")
            .Field(nameof(CaseDocument.Version), "版本号");

        Entity<DocumentTemplate>("文书模板", v => v[nameof(DocumentTemplate.Title)])
            .Field(nameof(DocumentTemplate.Kind), "文书种类")
            .Field(nameof(DocumentTemplate.Title), "标题")
            .Field(nameof(DocumentTemplate.Body), "正文");

        Entity<DocumentNumberCounter>("文号计数器", v => $"{v[nameof(DocumentNumberCounter.Year)]}年")
            .OrgUnit(nameof(DocumentNumberCounter.OrgUnitId), "所属机构")
            .Field(nameof(DocumentNumberCounter.Year), "年度")
            .Field(nameof(DocumentNumberCounter.Kind), "文书种类")
            .Field(nameof(DocumentNumberCounter.Last), "已用至")
            .Field(nameof(DocumentNumberCounter.Version), "版本号");

        Entity<CaseWriting>("文书要素", v => v.Display(nameof(CaseWriting.CaseId)))
            .Reference<ReconCase>(nameof(CaseWriting.CaseId), "案件")
            .OrgUnit(nameof(CaseWriting.OrgUnitId), "所属机构")
            .Field(nameof(CaseWriting.ThirdParties), "第三人")
            .Field(nameof(CaseWriting.Request), "行政复议请求")
            .Field(nameof(CaseWriting.ApplicantStatement), "申请人称")
            .Field(nameof(CaseWriting.RespondentStatement), "被申请人称")
            .Field(nameof(CaseWriting.ThirdPartyStatement), "第三人称")
            .Field(nameof(CaseWriting.Findings), "经审理查明")
            .Field(nameof(CaseWriting.Reasoning), "本机关认为")
            .Field(nameof(CaseWriting.MediationTerms), "调解协议")
            .Field(nameof(CaseWriting.Court), "管辖法院")
            .Field(nameof(CaseWriting.UpdatedAtUtc), "修改时间")
            .Field(nameof(CaseWriting.UpdatedBy), "修改人")
            .Field(nameof(CaseWriting.Version), "版本号");

        Entity<CaseHearing>("听证", v => $"{v.Display(nameof(CaseHearing.CaseId))} {v[nameof(CaseHearing.HearingOn)]}")
            .Field(nameof(CaseHearing.Id), "ID")
            .Reference<ReconCase>(nameof(CaseHearing.CaseId), "案件")
            .OrgUnit(nameof(CaseHearing.OrgUnitId), "所属机构")
            .Field(nameof(CaseHearing.NoticeOn), "通知日期")
            .Field(nameof(CaseHearing.HearingOn), "听证日期")
            .Field(nameof(CaseHearing.StartsAt), "开始时间")
            .Field(nameof(CaseHearing.Place), "听证地点")
            .Field(nameof(CaseHearing.Matters), "拟听证事项")
            .Field(nameof(CaseHearing.Host), "主持人")
            .Field(nameof(CaseHearing.Panelists), "听证员")
            .Field(nameof(CaseHearing.Clerk), "记录员")
            .Field(nameof(CaseHearing.Attendees), "出席人员")
            .Field(nameof(CaseHearing.Record), "听证笔录")
            .Field(nameof(CaseHearing.UpdatedAtUtc), "修改时间")
            .Field(nameof(CaseHearing.UpdatedBy), "修改人")
            .Field(nameof(CaseHearing.Version), "版本号");

        Entity<ServiceRecord>("送达记录", v => $"{v.Display(nameof(ServiceRecord.DocumentId))} {v[nameof(ServiceRecord.Addressee)]}")
            .Field(nameof(ServiceRecord.Id), "ID")
            .Reference<ReconCase>(nameof(ServiceRecord.CaseId), "案件")
            .OrgUnit(nameof(ServiceRecord.OrgUnitId), "所属机构")
            .Reference<CaseDocument>(nameof(ServiceRecord.DocumentId), "送达文书")
            .Field(nameof(ServiceRecord.Party), "受送达人身份")
            .Field(nameof(ServiceRecord.Addressee), "受送达人")
            .Field(nameof(ServiceRecord.Method), "送达方式")
            .Field(nameof(ServiceRecord.TrackingNumber), "邮件号")
            .Field(nameof(ServiceRecord.ElectronicAddress), "电子送达地址")
            .Field(nameof(ServiceRecord.ConsentRecorded), "已同意电子送达")
            .Field(nameof(ServiceRecord.SentOn), "送出日期")
            .Field(nameof(ServiceRecord.ServedOn), "送达日期")
            .Field(nameof(ServiceRecord.ReceiptAttachmentId), "送达回证扫描件")
            .Field(nameof(ServiceRecord.Note), "备注")
            .Field(nameof(ServiceRecord.RecordedAtUtc), "登记时间")
            .Field(nameof(ServiceRecord.RecordedBy), "登记人");

        Entity<CaseArchive>("案卷归档", v => v[nameof(CaseArchive.FileNumber)])
            .Reference<ReconCase>(nameof(CaseArchive.CaseId), "案件")
            .OrgUnit(nameof(CaseArchive.OrgUnitId), "所属机构")
            .Field(nameof(CaseArchive.FileNumber), "案卷号")
            .Field(nameof(CaseArchive.RetentionYears), "保管期限（年，0为永久）")
            .Field(nameof(CaseArchive.ArchivedOn), "归档日期")
            .Field(nameof(CaseArchive.ArchivedBy), "归档人")
            .Field(nameof(CaseArchive.PublishedOn), "公开日期")
            .Field(nameof(CaseArchive.PublishedText), "公开文本")
            .Field(nameof(CaseArchive.ReportedTo), "抄告机关")
            .Field(nameof(CaseArchive.ReportedOn), "抄告日期")
            .Field(nameof(CaseArchive.Version), "版本号");

        Entity<OnlineApplication>("网上申请", v => v.Display(nameof(OnlineApplication.CaseId)))
            .Reference<ReconCase>(nameof(OnlineApplication.CaseId), "案件")
            .OrgUnit(nameof(OnlineApplication.OrgUnitId), "复议机构")
            .Field(nameof(OnlineApplication.QueryCode), "查询码")
            .Field(nameof(OnlineApplication.SubmittedAtUtc), "提交时间")
            .Field(nameof(OnlineApplication.ClientAddress), "提交地址");

        Entity<LitigationCase>("行政应诉案件", v => v[nameof(LitigationCase.CourtCaseNumber)])
            .Field(nameof(LitigationCase.Id), "案件ID")
            .OrgUnit(nameof(LitigationCase.OrgUnitId), "应诉机关")
            .Field(nameof(LitigationCase.Court), "法院")
            .Field(nameof(LitigationCase.CourtCaseNumber), "法院案号")
            .Field(nameof(LitigationCase.Instance), "审级")
            .Field(nameof(LitigationCase.Plaintiff), "原告")
            .OrgUnit(nameof(LitigationCase.DefendantOrgUnitId), "被告机构")
            .Field(nameof(LitigationCase.DefendantName), "被告")
            .Field(nameof(LitigationCase.Cause), "案由")
            .Reference<ReconCase>(nameof(LitigationCase.ReconCaseId), "复议案件")
            .Field(nameof(LitigationCase.FiledOn), "立案日期")
            .Field(nameof(LitigationCase.ComplaintServedOn), "收到起诉状副本日期")
            .Field(nameof(LitigationCase.AnswerFiledOn), "提交答辩状日期")
            .Field(nameof(LitigationCase.HearingOn), "开庭日期")
            .Field(nameof(LitigationCase.HeadAppeared), "负责人出庭")
            .Field(nameof(LitigationCase.Outcome), "裁判结果")
            .Field(nameof(LitigationCase.ConcludedOn), "结案日期")
            .Field(nameof(LitigationCase.Appealed), "已上诉")
            .Field(nameof(LitigationCase.JudgmentKind), "一审裁判种类")
            .Field(nameof(LitigationCase.JudgmentServedOn), "裁判文书送达日期")
            .Field(nameof(LitigationCase.CoDefendant), "复议机关为共同被告")
            .Field(nameof(LitigationCase.LossReason), "败诉原因");

        Enum<RulingKind>(LitigationNames.Of);
        Entity<LitigationHearing>("开庭记录", v => $"{v.Display(nameof(LitigationHearing.LitigationCaseId))} {v[nameof(LitigationHearing.On)]}")
            .Field(nameof(LitigationHearing.Id), "ID")
            .Reference<LitigationCase>(nameof(LitigationHearing.LitigationCaseId), "应诉案件")
            .Field(nameof(LitigationHearing.On), "开庭日期")
            .Field(nameof(LitigationHearing.HeadAppeared), "负责人出庭")
            .Field(nameof(LitigationHearing.Appearer), "出庭人员")
            .Field(nameof(LitigationHearing.Note), "说明");

        // ---- recon-more (issue 15 §2, §3): 行政复议委员会, 被申请人名称对应表 ----
        Entity<CaseConsultation>("复议委员会咨询", v => $"{v.Display(nameof(CaseConsultation.CaseId))} {v[nameof(CaseConsultation.RequestedOn)]}")
            .Field(nameof(CaseConsultation.Id), "ID")
            .Reference<ReconCase>(nameof(CaseConsultation.CaseId), "案件")
            .Field(nameof(CaseConsultation.RequestedOn), "提请日期")
            .Field(nameof(CaseConsultation.Ground), "提请情形")
            .Field(nameof(CaseConsultation.Matter), "咨询事项")
            .Field(nameof(CaseConsultation.HeldOn), "咨询日期")
            .Field(nameof(CaseConsultation.Members), "参加委员")
            .Field(nameof(CaseConsultation.Conclusion), "咨询意见结论");
        Entity<ConsultationOpinion>("委员意见", v => v[nameof(ConsultationOpinion.Member)])
            .Field(nameof(ConsultationOpinion.Id), "ID")
            .Reference<CaseConsultation>(nameof(ConsultationOpinion.ConsultationId), "咨询")
            .Field(nameof(ConsultationOpinion.Member), "委员")
            .Field(nameof(ConsultationOpinion.Opinion), "意见");
        Entity<CommitteeMember>("复议委员会委员", v => v[nameof(CommitteeMember.Name)])
            .Field(nameof(CommitteeMember.Id), "ID")
            .OrgUnit(nameof(CommitteeMember.OrgUnitId), "复议机构")
            .Field(nameof(CommitteeMember.Name), "姓名")
            .Field(nameof(CommitteeMember.Affiliation), "工作单位及职务")
            .Field(nameof(CommitteeMember.Field), "专业领域")
            .Field(nameof(CommitteeMember.Active), "在册")
            .Field(nameof(CommitteeMember.CreatedAtUtc), "登记时间");
        Entity<Import.RespondentAlias>("被申请人名称对应", v => v[nameof(Import.RespondentAlias.Name)])
            .Field(nameof(Import.RespondentAlias.Id), "ID")
            .OrgUnit(nameof(Import.RespondentAlias.OrgUnitId), "复议机构")
            .Field(nameof(Import.RespondentAlias.Name), "台账中的名称")
            .Field(nameof(Import.RespondentAlias.Key), "规范化名称")
            .OrgUnit(nameof(Import.RespondentAlias.RespondentOrgUnitId), "对应部门")
            .Field(nameof(Import.RespondentAlias.CreatedBy), "登记人")
            .Field(nameof(Import.RespondentAlias.CreatedAtUtc), "登记时间");
    }
}
