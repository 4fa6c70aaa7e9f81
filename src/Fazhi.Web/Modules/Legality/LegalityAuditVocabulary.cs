using Fazhi.Web.Kernel.Audit;
using Fazhi.Web.Modules.Legality.Data;
using Fazhi.Web.Modules.Legality.Domain;

namespace Fazhi.Web.Modules.Legality;

/// <summary>合法性审查 in the 操作日志: a matter by its 收件编号 or title, a document by its title.</summary>
public sealed class LegalityAuditVocabulary : AuditVocabulary
{
    public LegalityAuditVocabulary() : base("合法性审查")
    {
        Enum<MatterKind>(LegalityNames.Of);
        Enum<MeetingType>(MatterDetails.Of);
        Enum<CommentSource>(MatterDetails.Of);
        Enum<MatterStatus>(LegalityNames.Of);
        Enum<MatterAction>(ReviewStateMachine.NameOf);
        Enum<OpinionConclusion>(LegalityNames.Of);
        Enum<Adoption>(LegalityNames.Of);
        Enum<DocumentLevel>(LegalityNames.Of);
        Enum<DocumentStatus>(LegalityNames.Of);
        Enum<DocumentAction>(NormativeDocument.NameOf);
        Enum<CleanupDecision>(LegalityNames.Of);
        Enum<ContractKind>(LegalityNames.Of);
        Enum<ContractStatus>(LegalityNames.Of);
        Enum<ContractLevel>(LegalityNames.Of);
        Enum<MilestoneKind>(LegalityNames.Of);
        Enum<DecisionStatus>(Rules.DecisionRules.NameOf);
        Enum<DecisionStep>(Rules.DecisionRules.NameOf);
        Enum<AdviserKind>(LegalityNames.Of);
        Enum<AdviserWorkKind>(LegalityNames.Of);
        Enum<AdviserGrade>(LegalityNames.Of);

        Entity<ReviewMatter>("合法性审查事项", v => v[nameof(ReviewMatter.Number)] ?? v[nameof(ReviewMatter.Title)])
            .Field(nameof(ReviewMatter.Id), "事项ID")
            .OrgUnit(nameof(ReviewMatter.OrgUnitId), "送审单位")
            .OrgUnit(nameof(ReviewMatter.ReviewOrgUnitId), "审查机关")
            .Field(nameof(ReviewMatter.Number), "收件编号")
            .Field(nameof(ReviewMatter.Year), "年度")
            .Field(nameof(ReviewMatter.Kind), "事项类别")
            .Field(nameof(ReviewMatter.MeetingType), "会议类型")
            .Field(nameof(ReviewMatter.CommentSource), "征求意见来源")
            .Field(nameof(ReviewMatter.Title), "事项名称")
            .Field(nameof(ReviewMatter.Summary), "送审说明")
            .Field(nameof(ReviewMatter.SubmittedBy), "送审人")
            .Field(nameof(ReviewMatter.SubmittedOn), "送审日期")
            .Field(nameof(ReviewMatter.ReceivedOn), "收件日期")
            .Field(nameof(ReviewMatter.ReviewerUserName), "审查人")
            .Field(nameof(ReviewMatter.Advisers), "法律顾问")
            .Field(nameof(ReviewMatter.Status), "状态")
            .Field(nameof(ReviewMatter.Conclusion), "审查结论")
            .Field(nameof(ReviewMatter.OpinionIssuedOn), "意见书出具日期")
            .Field(nameof(ReviewMatter.OpinionNumber), "意见书文号")
            .Field(nameof(ReviewMatter.ClosedOn), "办结日期")
            .Field(nameof(ReviewMatter.NormativeDocumentId), "规范性文件ID")
            .Field(nameof(ReviewMatter.ContractId), "合同ID")
            .Field(nameof(ReviewMatter.Version), "版本号");

        Entity<ReviewComment>("审查意见", v => "第" + v[nameof(ReviewComment.Seq)] + "条")
            .Field(nameof(ReviewComment.Id), "意见ID")
            .Reference<ReviewMatter>(nameof(ReviewComment.MatterId), "事项")
            .Field(nameof(ReviewComment.Seq), "序号")
            .Field(nameof(ReviewComment.Clause), "针对条款")
            .Field(nameof(ReviewComment.Text), "意见")
            .Field(nameof(ReviewComment.Author), "提出人")
            .Field(nameof(ReviewComment.On), "日期")
            .Field(nameof(ReviewComment.Adoption), "采纳情况")
            .Field(nameof(ReviewComment.AdoptionReason), "理由")
            .Field(nameof(ReviewComment.AnsweredOn), "反馈日期");

        Entity<MaterialPause>("补充材料", v => v[nameof(MaterialPause.From)])
            .Field(nameof(MaterialPause.Id), "ID")
            .Reference<ReviewMatter>(nameof(MaterialPause.MatterId), "事项")
            .Field(nameof(MaterialPause.From), "通知日期")
            .Field(nameof(MaterialPause.To), "收到日期")
            .Field(nameof(MaterialPause.Items), "需补充材料");

        Entity<MatterEvent>("审查过程", v => v[nameof(MatterEvent.Action)])
            .Field(nameof(MatterEvent.Id), "ID")
            .Reference<ReviewMatter>(nameof(MatterEvent.MatterId), "事项")
            .Field(nameof(MatterEvent.Action), "操作")
            .Field(nameof(MatterEvent.FromStatus), "原状态")
            .Field(nameof(MatterEvent.ToStatus), "新状态")
            .Field(nameof(MatterEvent.On), "日期")
            .Field(nameof(MatterEvent.AtUtc), "记录时间")
            .Field(nameof(MatterEvent.Actor), "经办人")
            .Field(nameof(MatterEvent.Note), "说明");

        Entity<NormativeDocument>("规范性文件", v => v[nameof(NormativeDocument.Title)])
            .Field(nameof(NormativeDocument.Id), "文件ID")
            .OrgUnit(nameof(NormativeDocument.OrgUnitId), "起草单位")
            .Field(nameof(NormativeDocument.Level), "文件类别")
            .Field(nameof(NormativeDocument.Title), "文件名称")
            .Field(nameof(NormativeDocument.PlanYear), "计划年度")
            .Field(nameof(NormativeDocument.Status), "状态")
            .Reference<ReviewMatter>(nameof(NormativeDocument.ReviewMatterId), "合法性审核事项")
            .Field(nameof(NormativeDocument.DeliberatedOn), "集体审议日期")
            .Field(nameof(NormativeDocument.Meeting), "审议会议")
            .Field(nameof(NormativeDocument.DocumentNumber), "文号")
            .Field(nameof(NormativeDocument.PublishedOn), "公布日期")
            .Field(nameof(NormativeDocument.ValidUntil), "有效期至")
            .Field(nameof(NormativeDocument.FiledWithGovernmentOn), "报政府备案日期")
            .Field(nameof(NormativeDocument.FiledWithGovernmentLate), "政府备案逾期")
            .Field(nameof(NormativeDocument.FiledWithCongressOn), "报人大常委会备案日期")
            .Field(nameof(NormativeDocument.FiledWithCongressLate), "人大备案逾期")
            .Field(nameof(NormativeDocument.EvaluatedOn), "后评估日期")
            .Field(nameof(NormativeDocument.Evaluation), "评估结论")
            .Field(nameof(NormativeDocument.EndedOn), "废止或失效日期")
            .Field(nameof(NormativeDocument.Version), "版本号");

        Entity<DocumentEvent>("规范性文件过程", v => v[nameof(DocumentEvent.Action)])
            .Field(nameof(DocumentEvent.Id), "ID")
            .Reference<NormativeDocument>(nameof(DocumentEvent.DocumentId), "文件")
            .Field(nameof(DocumentEvent.Action), "操作")
            .Field(nameof(DocumentEvent.FromStatus), "原状态")
            .Field(nameof(DocumentEvent.ToStatus), "新状态")
            .Field(nameof(DocumentEvent.On), "日期")
            .Field(nameof(DocumentEvent.AtUtc), "记录时间")
            .Field(nameof(DocumentEvent.Actor), "经办人")
            .Field(nameof(DocumentEvent.Note), "说明");

        Entity<CleanupCampaign>("规范性文件清理", v => v[nameof(CleanupCampaign.Title)])
            .Field(nameof(CleanupCampaign.Id), "清理ID")
            .OrgUnit(nameof(CleanupCampaign.OrgUnitId), "组织单位")
            .Field(nameof(CleanupCampaign.Title), "名称")
            .Field(nameof(CleanupCampaign.StartedOn), "发起日期")
            .Field(nameof(CleanupCampaign.ClosedOn), "结束日期");

        Entity<CleanupItem>("清理结论", v => v[nameof(CleanupItem.DocumentId)])
            .Field(nameof(CleanupItem.Id), "ID")
            .Reference<CleanupCampaign>(nameof(CleanupItem.CampaignId), "清理")
            .Reference<NormativeDocument>(nameof(CleanupItem.DocumentId), "文件")
            .Field(nameof(CleanupItem.Decision), "结论")
            .Field(nameof(CleanupItem.Note), "理由");

        Entity<Contract>("合同", v => v[nameof(Contract.Name)])
            .Field(nameof(Contract.Id), "合同ID")
            .OrgUnit(nameof(Contract.OrgUnitId), "签约单位")
            .Field(nameof(Contract.Kind), "合同类别")
            .Field(nameof(Contract.KeyProject), "重点项目")
            .Field(nameof(Contract.KeyProjectName), "重点项目名称")
            .Field(nameof(Contract.Code), "合同编号")
            .Field(nameof(Contract.Name), "合同名称")
            .Field(nameof(Contract.Counterparty), "相对方")
            .Field(nameof(Contract.AmountFen), "金额", f => long.TryParse(f, out var fen) ? (fen / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "元" : f)
            .Field(nameof(Contract.StartOn), "起始日期")
            .Field(nameof(Contract.EndOn), "终止日期")
            .Field(nameof(Contract.KeyClauses), "主要条款")
            .Field(nameof(Contract.Status), "状态")
            .Reference<ReviewMatter>(nameof(Contract.ReviewMatterId), "合法性审查事项")
            .Field(nameof(Contract.SignedOn), "签订日期")
            .Field(nameof(Contract.FiledOn), "备案日期")
            .Field(nameof(Contract.Imported), "台账导入")
            .Field(nameof(Contract.Level), "签约主体")
            .Field(nameof(Contract.EndedOn), "履行完毕或终止日期")
            .Field(nameof(Contract.Version), "版本号");

        Entity<ContractMilestone>("合同履约节点", v => v[nameof(ContractMilestone.Title)])
            .Field(nameof(ContractMilestone.Id), "节点ID")
            .Reference<Contract>(nameof(ContractMilestone.ContractId), "合同")
            .Field(nameof(ContractMilestone.Kind), "节点类别")
            .Field(nameof(ContractMilestone.Title), "节点名称")
            .Field(nameof(ContractMilestone.DueOn), "约定日期")
            .Field(nameof(ContractMilestone.AmountFen), "付款金额", f => long.TryParse(f, out var fen) ? (fen / 100m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture) + "元" : f)
            .Field(nameof(ContractMilestone.DoneOn), "完成日期")
            .Field(nameof(ContractMilestone.Note), "说明");

        Entity<DecisionCatalog>("重大行政决策事项目录", v => v[nameof(DecisionCatalog.Title)])
            .Field(nameof(DecisionCatalog.Id), "目录ID")
            .OrgUnit(nameof(DecisionCatalog.OrgUnitId), "决策机关所在地区")
            .Field(nameof(DecisionCatalog.Year), "年度")
            .Field(nameof(DecisionCatalog.Title), "目录名称")
            .Field(nameof(DecisionCatalog.AdoptedOn), "审定日期")
            .Field(nameof(DecisionCatalog.AdoptedBy), "审定会议")
            .Field(nameof(DecisionCatalog.PublishedOn), "公布日期")
            .Field(nameof(DecisionCatalog.Version), "版本号");

        Entity<MajorDecision>("重大行政决策", v => v[nameof(MajorDecision.Title)])
            .Field(nameof(MajorDecision.Id), "决策ID")
            .OrgUnit(nameof(MajorDecision.OrgUnitId), "承办单位")
            .Reference<DecisionCatalog>(nameof(MajorDecision.CatalogId), "目录")
            .Field(nameof(MajorDecision.Year), "年度")
            .Field(nameof(MajorDecision.Title), "决策事项")
            .Field(nameof(MajorDecision.Summary), "事项说明")
            .Field(nameof(MajorDecision.Status), "状态")
            .Reference<ReviewMatter>(nameof(MajorDecision.ReviewMatterId), "合法性审查事项")
            .Field(nameof(MajorDecision.DecidedOn), "决定日期")
            .Field(nameof(MajorDecision.Meeting), "讨论会议")
            .Field(nameof(MajorDecision.PublishedOn), "公布日期")
            .Field(nameof(MajorDecision.EvaluatedOn), "后评估日期")
            .Field(nameof(MajorDecision.Version), "版本号");

        Entity<DecisionStepRecord>("决策程序记录", v => v[nameof(DecisionStepRecord.Step)])
            .Field(nameof(DecisionStepRecord.Id), "ID")
            .Reference<MajorDecision>(nameof(DecisionStepRecord.DecisionId), "决策")
            .Field(nameof(DecisionStepRecord.Step), "程序环节")
            .Field(nameof(DecisionStepRecord.On), "日期")
            .Field(nameof(DecisionStepRecord.Days), "征求意见天数")
            .Field(nameof(DecisionStepRecord.NotApplicable), "不适用")
            .Field(nameof(DecisionStepRecord.Record), "记录")
            .Field(nameof(DecisionStepRecord.Actor), "经办人")
            .Field(nameof(DecisionStepRecord.AtUtc), "记录时间");

        Entity<LegalAdviser>("法律顾问", v => v[nameof(LegalAdviser.Name)])
            .Field(nameof(LegalAdviser.Id), "顾问ID")
            .OrgUnit(nameof(LegalAdviser.OrgUnitId), "聘用单位")
            .Field(nameof(LegalAdviser.Kind), "类别")
            .Field(nameof(LegalAdviser.Name), "姓名")
            .Field(nameof(LegalAdviser.Firm), "执业机构")
            .Field(nameof(LegalAdviser.LicenseNo), "执业证号")
            .Field(nameof(LegalAdviser.ServedFrom), "聘期起")
            .Field(nameof(LegalAdviser.ServedTo), "聘期止")
            .Field(nameof(LegalAdviser.Version), "版本号");

        Entity<AdviserCommunity>("顾问服务村（社区）", v => v[nameof(AdviserCommunity.CommunityId)])
            .Field(nameof(AdviserCommunity.Id), "ID")
            .Reference<LegalAdviser>(nameof(AdviserCommunity.AdviserId), "法律顾问")
            .OrgUnit(nameof(AdviserCommunity.CommunityId), "村（社区）");

        Entity<AdviserWork>("法律顾问工作记录", v => v[nameof(AdviserWork.Subject)])
            .Field(nameof(AdviserWork.Id), "ID")
            .Reference<LegalAdviser>(nameof(AdviserWork.AdviserId), "法律顾问")
            .OrgUnit(nameof(AdviserWork.OrgUnitId), "服务单位")
            .Field(nameof(AdviserWork.Kind), "类别")
            .Field(nameof(AdviserWork.On), "日期")
            .Field(nameof(AdviserWork.Subject), "事项")
            .Field(nameof(AdviserWork.Court), "法院")
            .Field(nameof(AdviserWork.CaseNumber), "案号")
            .Reference<ReviewMatter>(nameof(AdviserWork.ReviewMatterId), "合法性审查事项");

        Entity<AdviserEvaluation>("法律顾问考评", v => v[nameof(AdviserEvaluation.Year)] + "年度")
            .Field(nameof(AdviserEvaluation.Id), "ID")
            .Reference<LegalAdviser>(nameof(AdviserEvaluation.AdviserId), "法律顾问")
            .OrgUnit(nameof(AdviserEvaluation.OrgUnitId), "考评单位")
            .Field(nameof(AdviserEvaluation.Year), "年度")
            .Field(nameof(AdviserEvaluation.Grade), "等次")
            .Field(nameof(AdviserEvaluation.Note), "评语")
            .Field(nameof(AdviserEvaluation.EvaluatedBy), "考评人");

        Entity<ContractBreach>("合同违约记录", v => v[nameof(ContractBreach.Clause)])
            .Field(nameof(ContractBreach.Id), "ID")
            .Reference<Contract>(nameof(ContractBreach.ContractId), "合同")
            .Field(nameof(ContractBreach.On), "违约日期")
            .Field(nameof(ContractBreach.Clause), "违反条款")
            .Field(nameof(ContractBreach.Description), "违约情形")
            .Field(nameof(ContractBreach.Handling), "处理情况")
            .Field(nameof(ContractBreach.RecordedBy), "登记人");

        Entity<OpinionDocument>("审核意见书", v => v[nameof(OpinionDocument.Number)])
            .Field(nameof(OpinionDocument.Id), "ID")
            .Reference<ReviewMatter>(nameof(OpinionDocument.MatterId), "事项")
            .OrgUnit(nameof(OpinionDocument.OrgUnitId), "送审单位")
            .Field(nameof(OpinionDocument.Number), "文号")
            .Field(nameof(OpinionDocument.CreatedAtUtc), "生成时间")
            .Field(nameof(OpinionDocument.CreatedBy), "生成人")
            .Field(nameof(OpinionDocument.Content), "文件");

        Entity<LegalityCounter>("审查编号计数器", v => $"{v[nameof(LegalityCounter.Year)]}年")
            .OrgUnit(nameof(LegalityCounter.OrgUnitId), "审查机关")
            .Field(nameof(LegalityCounter.Year), "年度")
            .Field(nameof(LegalityCounter.Kind), "编号种类")
            .Field(nameof(LegalityCounter.Last), "已用至")
            .Field(nameof(LegalityCounter.Version), "版本号");
    }
}
