using Fazhi.Web.Kernel.Audit;
using Fazhi.Web.Modules.Hotline.Domain;

namespace Fazhi.Web.Modules.Hotline;

/// <summary>12345 热线 in the 操作日志.</summary>
public sealed class HotlineAuditVocabulary : AuditVocabulary
{
    public HotlineAuditVocabulary() : base("12345热线")
    {
        Enum<ConsultationStatus>(ConsultationMachine.Name);
        Enum<OwnTicketStatus>(OwnTicket.Name);

        Entity<HotlineTicket>("12345工单", v => v[nameof(HotlineTicket.TicketNo)])
            .Field(nameof(HotlineTicket.Id), "ID")
            .OrgUnit(nameof(HotlineTicket.OrgUnitId), "所属区县")
            .Field(nameof(HotlineTicket.TicketNo), "工单编号")
            .Field(nameof(HotlineTicket.ReceivedAtUtc), "受理时间")
            .Field(nameof(HotlineTicket.CallerName), "来电人")
            .Phone(nameof(HotlineTicket.CallerPhone), "来电号码")
            .Field(nameof(HotlineTicket.Place), "反映地点")
            .Field(nameof(HotlineTicket.TownCode), "街道")
            .Field(nameof(HotlineTicket.Community), "社区")
            .Field(nameof(HotlineTicket.Text), "诉求内容")
            .Field(nameof(HotlineTicket.CentreField), "领域")
            .Field(nameof(HotlineTicket.DepartmentCode), "承办单位")
            .Field(nameof(HotlineTicket.ReassignmentsJson), "流转记录")
            .Field(nameof(HotlineTicket.Reassignments), "转办次数")
            .Field(nameof(HotlineTicket.Bounces), "退单次数")
            .Field(nameof(HotlineTicket.DueAtUtc), "办理时限")
            .Field(nameof(HotlineTicket.Status), "办理状态")
            .Field(nameof(HotlineTicket.Reply), "答复内容")
            .Field(nameof(HotlineTicket.Satisfaction), "满意度")
            .Field(nameof(HotlineTicket.MergedInto), "并入工单")
            .Field(nameof(HotlineTicket.MergeReason), "并单理由")
            .Field(nameof(HotlineTicket.MergedBy), "并单人")
            .Field(nameof(HotlineTicket.MergedAtUtc), "并单时间")
            .Field(nameof(HotlineTicket.BatchId), "推送批次")
            .Field(nameof(HotlineTicket.FirstReceivedAtUtc), "首次接收时间")
            .Field(nameof(HotlineTicket.UpdatedAtUtc), "更新时间")
            .Field(nameof(HotlineTicket.LabelEnforcement), "研判：涉及行政执法")
            .Field(nameof(HotlineTicket.LabelField), "研判：执法领域")
            .Field(nameof(HotlineTicket.LabelDepartment), "研判：责任部门")
            .Field(nameof(HotlineTicket.LabelledBy), "研判人")
            .Field(nameof(HotlineTicket.ComplaintWarningId), "执法监督投诉预警ID");

        Entity<TicketKey>("工单编号索引", v => v[nameof(TicketKey.TicketNo)])
            .Field(nameof(TicketKey.TicketNo), "工单编号")
            .Field(nameof(TicketKey.TicketId), "工单ID");

        Entity<TicketChange>("工单修改记录", v => v[nameof(TicketChange.Field)])
            .Field(nameof(TicketChange.Id), "ID")
            .Field(nameof(TicketChange.TicketId), "工单ID")
            .OrgUnit(nameof(TicketChange.OrgUnitId), "所属区县")
            .Field(nameof(TicketChange.BatchId), "推送批次")
            .Field(nameof(TicketChange.ChangedAtUtc), "修改时间")
            .Field(nameof(TicketChange.ChangedBy), "推送人")
            .Field(nameof(TicketChange.Field), "字段")
            .Field(nameof(TicketChange.Before), "修改前")
            .Field(nameof(TicketChange.After), "修改后");

        Entity<TicketBatch>("工单推送批次", v => v[nameof(TicketBatch.Id)] is { } id ? "第" + id + "批" : null)
            .Field(nameof(TicketBatch.Id), "批次号")
            .OrgUnit(nameof(TicketBatch.OrgUnitId), "推送机构")
            .Field(nameof(TicketBatch.Channel), "方式", c => c switch { "api" => "接口", "excel" => "Excel", _ => c })
            .Field(nameof(TicketBatch.SubmittedBy), "推送人")
            .Field(nameof(TicketBatch.AtUtc), "推送时间")
            .Field(nameof(TicketBatch.Received), "收到张数")
            .Field(nameof(TicketBatch.Created), "新增张数")
            .Field(nameof(TicketBatch.Updated), "更新张数")
            .Field(nameof(TicketBatch.Unchanged), "未变张数")
            .Field(nameof(TicketBatch.Rejected), "退回张数");

        Entity<Consultation>("会商研判事项", v => v[nameof(Consultation.Title)])
            .Field(nameof(Consultation.Id), "ID")
            .OrgUnit(nameof(Consultation.OrgUnitId), "组织机关")
            .Field(nameof(Consultation.Title), "事项名称")
            .Field(nameof(Consultation.ClusterKey), "争议聚类")
            .Field(nameof(Consultation.TownCode), "街道")
            .Field(nameof(Consultation.Community), "社区")
            .Field(nameof(Consultation.Topic), "主题词")
            .Field(nameof(Consultation.TicketNos), "涉及工单")
            .Field(nameof(Consultation.Departments), "涉及部门")
            .Field(nameof(Consultation.Status), "状态")
            .Field(nameof(Consultation.ProposedOn), "提出日期")
            .Field(nameof(Consultation.ProposedBy), "提出人")
            .Field(nameof(Consultation.ConsultedOn), "会商日期")
            .Field(nameof(Consultation.Present), "参会部门")
            .Field(nameof(Consultation.Minutes), "会商纪要")
            .Field(nameof(Consultation.ResponsibleCode), "责任部门")
            .Field(nameof(Consultation.RuledOn), "裁定日期")
            .Field(nameof(Consultation.RulingIssued), "出具裁定意见")
            .Field(nameof(Consultation.RulingYear), "裁定意见年度")
            .Field(nameof(Consultation.RulingSeq), "裁定意见序号")
            .Field(nameof(Consultation.RulingText), "裁定理由")
            .Field(nameof(Consultation.Feedback), "反馈情况")
            .Field(nameof(Consultation.FeedbackOn), "反馈日期")
            .Field(nameof(Consultation.Version), "版本号");

        Entity<TriageModel>("研判模型", v => v[nameof(TriageModel.TrainedAtUtc)])
            .Field(nameof(TriageModel.Id), "ID")
            .OrgUnit(nameof(TriageModel.OrgUnitId), "区县")
            .Field(nameof(TriageModel.TrainedAtUtc), "训练时间")
            .Field(nameof(TriageModel.Examples), "样本数")
            .Field(nameof(TriageModel.HeldOutAccuracy), "留出集准确率（%）")
            .Field(nameof(TriageModel.ModelJson), "模型参数");

        Entity<OwnTicket>("本局工单", v => v[nameof(OwnTicket.TicketNo)])
            .Field(nameof(OwnTicket.Id), "ID")
            .OrgUnit(nameof(OwnTicket.OrgUnitId), "承办单位")
            .Field(nameof(OwnTicket.TicketNo), "工单编号")
            .Field(nameof(OwnTicket.TicketId), "工单ID")
            .Field(nameof(OwnTicket.ReceivedOn), "受理日期")
            .Field(nameof(OwnTicket.Status), "状态")
            .Field(nameof(OwnTicket.SignedOn), "签收日期")
            .Field(nameof(OwnTicket.HandledOn), "办结日期")
            .Field(nameof(OwnTicket.RepliedOn), "回复日期")
            .Field(nameof(OwnTicket.Reply), "回复内容")
            .Field(nameof(OwnTicket.RevisitedOn), "回访日期")
            .Field(nameof(OwnTicket.RevisitResult), "回访结果")
            .Field(nameof(OwnTicket.ExtensionWorkingDays), "延期工作日")
            .Field(nameof(OwnTicket.ExtensionReason), "延期理由")
            .Field(nameof(OwnTicket.ReturnReason), "退单理由")
            .Field(nameof(OwnTicket.ReturnedOn), "退单日期")
            .Field(nameof(OwnTicket.ReplyPushAttempts), "回复推送次数")
            .Field(nameof(OwnTicket.ReplyPushedAtUtc), "回复推送成功时间")
            .Field(nameof(OwnTicket.ReplyPushError), "回复推送失败原因")
            .Field(nameof(OwnTicket.Version), "版本号");
    }
}
