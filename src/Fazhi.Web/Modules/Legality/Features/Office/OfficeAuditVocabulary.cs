using Fazhi.Web.Kernel.Audit;
using Fazhi.Web.Modules.Legality.Domain.Office;

namespace Fazhi.Web.Modules.Legality.Features.Office;

/// <summary>依法治区办 and 学法 in the 操作日志 (enum labels come from their [Description]s).</summary>
public sealed class OfficeAuditVocabulary : AuditVocabulary
{
    public OfficeAuditVocabulary() : base("依法治区")
    {
        Entity<PlanTask>("工作要点任务", v => v[nameof(PlanTask.Title)])
            .Field(nameof(PlanTask.Id), "任务ID")
            .OrgUnit(nameof(PlanTask.OrgUnitId), "牵头单位")
            .OrgUnit(nameof(PlanTask.OfficeOrgUnitId), "依法治区办")
            .Field(nameof(PlanTask.Year), "年度")
            .Field(nameof(PlanTask.Seq), "序号")
            .Field(nameof(PlanTask.Title), "任务")
            .Field(nameof(PlanTask.Detail), "具体要求")
            .Field(nameof(PlanTask.MeetingDecisionId), "来源议定事项")
            .Field(nameof(PlanTask.DueOn), "完成时限")
            .Field(nameof(PlanTask.Status), "状态")
            .Field(nameof(PlanTask.Progress), "完成进度")
            .Field(nameof(PlanTask.CompletedOn), "完成日期")
            .Field(nameof(PlanTask.Supervisions), "督办次数")
            .Field(nameof(PlanTask.LastSupervisedOn), "最近督办日期")
            .Field(nameof(PlanTask.Version), "版本号");

        Entity<PlanTaskEntry>("任务进展与督办", v => v[nameof(PlanTaskEntry.Kind)])
            .Field(nameof(PlanTaskEntry.Id), "ID")
            .Reference<PlanTask>(nameof(PlanTaskEntry.TaskId), "任务")
            .Field(nameof(PlanTaskEntry.Kind), "类别")
            .Field(nameof(PlanTaskEntry.On), "日期")
            .Field(nameof(PlanTaskEntry.Text), "内容")
            .Field(nameof(PlanTaskEntry.Progress), "完成进度")
            .Field(nameof(PlanTaskEntry.Actor), "经办人")
            .Field(nameof(PlanTaskEntry.AtUtc), "记录时间");

        Entity<AssessmentIndicator>("法治建设考核指标", v => v[nameof(AssessmentIndicator.Name)])
            .Field(nameof(AssessmentIndicator.Id), "指标ID")
            .OrgUnit(nameof(AssessmentIndicator.OrgUnitId), "依法治区办")
            .Field(nameof(AssessmentIndicator.Year), "年度")
            .Field(nameof(AssessmentIndicator.Seq), "序号")
            .Field(nameof(AssessmentIndicator.Name), "指标")
            .Field(nameof(AssessmentIndicator.MaxScore), "分值")
            .Field(nameof(AssessmentIndicator.Evidence), "佐证材料要求")
            .Field(nameof(AssessmentIndicator.IsActive), "启用")
            .Field(nameof(AssessmentIndicator.AppliesTo), "适用对象")
            .Field(nameof(AssessmentIndicator.FromQuarter), "起评季度")
            .Field(nameof(AssessmentIndicator.UntilQuarter), "停评季度");

        Entity<AssessmentScore>("考核得分", v => $"{v[nameof(AssessmentScore.Year)]}年第{v[nameof(AssessmentScore.Quarter)]}季度")
            .Field(nameof(AssessmentScore.Id), "ID")
            .OrgUnit(nameof(AssessmentScore.OrgUnitId), "被考核单位")
            .Reference<AssessmentIndicator>(nameof(AssessmentScore.IndicatorId), "指标")
            .Field(nameof(AssessmentScore.Year), "年度")
            .Field(nameof(AssessmentScore.Quarter), "季度")
            .Field(nameof(AssessmentScore.Score), "得分")
            .Field(nameof(AssessmentScore.Note), "扣分说明")
            .Field(nameof(AssessmentScore.ScoredBy), "评分人")
            .Field(nameof(AssessmentScore.ScoredOn), "评分日期");

        Entity<OfficeMeeting>("依法治区会议", v => v[nameof(OfficeMeeting.Title)])
            .Field(nameof(OfficeMeeting.Id), "会议ID")
            .OrgUnit(nameof(OfficeMeeting.OrgUnitId), "组织单位")
            .Field(nameof(OfficeMeeting.Kind), "会议类别")
            .Field(nameof(OfficeMeeting.Title), "会议名称")
            .Field(nameof(OfficeMeeting.HeldOn), "日期")
            .Field(nameof(OfficeMeeting.Place), "地点")
            .Field(nameof(OfficeMeeting.Attendees), "出席人员")
            .Field(nameof(OfficeMeeting.Agenda), "议程");

        Entity<MeetingDecision>("会议议定事项", v => "第" + v[nameof(MeetingDecision.Seq)] + "项")
            .Field(nameof(MeetingDecision.Id), "ID")
            .Reference<OfficeMeeting>(nameof(MeetingDecision.MeetingId), "会议")
            .Field(nameof(MeetingDecision.Seq), "序号")
            .Field(nameof(MeetingDecision.Text), "议定事项")
            .Reference<PlanTask>(nameof(MeetingDecision.TaskId), "工作要点任务");

        Entity<OfficeInspection>("法治督察", v => v[nameof(OfficeInspection.Title)])
            .Field(nameof(OfficeInspection.Id), "督察ID")
            .OrgUnit(nameof(OfficeInspection.OrgUnitId), "被督察单位")
            .OrgUnit(nameof(OfficeInspection.OfficeOrgUnitId), "依法治区办")
            .Field(nameof(OfficeInspection.Kind), "督察方式")
            .Field(nameof(OfficeInspection.Title), "督察名称")
            .Field(nameof(OfficeInspection.HeldOn), "督察日期")
            .Field(nameof(OfficeInspection.Findings), "发现问题");

        Entity<OfficeRectification>("督察整改事项", v => "第" + v[nameof(OfficeRectification.Seq)] + "项")
            .Field(nameof(OfficeRectification.Id), "ID")
            .Reference<OfficeInspection>(nameof(OfficeRectification.InspectionId), "督察")
            .Field(nameof(OfficeRectification.Seq), "序号")
            .Field(nameof(OfficeRectification.Text), "整改事项")
            .Field(nameof(OfficeRectification.DueOn), "整改时限")
            .Field(nameof(OfficeRectification.DoneOn), "完成日期")
            .Field(nameof(OfficeRectification.Result), "整改情况");

        Entity<LawReport>("述法", v => v[nameof(LawReport.Person)])
            .Field(nameof(LawReport.Id), "ID")
            .OrgUnit(nameof(LawReport.OrgUnitId), "单位")
            .Field(nameof(LawReport.Person), "述法人")
            .Field(nameof(LawReport.Position), "职务")
            .Field(nameof(LawReport.Occasion), "述法场合")
            .Field(nameof(LawReport.On), "日期")
            .Field(nameof(LawReport.Evaluation), "评议结果");

        Entity<AnnualLawReport>("法治政府建设年度报告", v => v[nameof(AnnualLawReport.Year)] + "年度")
            .Field(nameof(AnnualLawReport.Id), "ID")
            .OrgUnit(nameof(AnnualLawReport.OrgUnitId), "报告单位")
            .Field(nameof(AnnualLawReport.Year), "报告年度")
            .Field(nameof(AnnualLawReport.SubmittedOn), "报送日期")
            .Field(nameof(AnnualLawReport.PublishedOn), "公开日期")
            .Field(nameof(AnnualLawReport.Url), "公开网址")
            .Field(nameof(AnnualLawReport.PublishedLate), "逾期公开");

        Entity<StudySession>("学法考法", v => v[nameof(StudySession.Title)])
            .Field(nameof(StudySession.Id), "ID")
            .OrgUnit(nameof(StudySession.OrgUnitId), "组织单位")
            .Field(nameof(StudySession.Kind), "类别")
            .Field(nameof(StudySession.Title), "名称")
            .Field(nameof(StudySession.HeldOn), "日期")
            .Field(nameof(StudySession.Participants), "参加人数")
            .Field(nameof(StudySession.Passed), "合格人数")
            .Field(nameof(StudySession.Names), "参加人员");

        Entity<SupervisionNotice>("督办通知", v => v[nameof(SupervisionNotice.Number)])
            .Field(nameof(SupervisionNotice.Id), "ID")
            .Reference<PlanTask>(nameof(SupervisionNotice.TaskId), "任务")
            .Reference<PlanTaskEntry>(nameof(SupervisionNotice.EntryId), "督办记录")
            .OrgUnit(nameof(SupervisionNotice.OrgUnitId), "主送单位")
            .OrgUnit(nameof(SupervisionNotice.OfficeOrgUnitId), "依法治区办")
            .Field(nameof(SupervisionNotice.Year), "年度")
            .Field(nameof(SupervisionNotice.Number), "文号")
            .Field(nameof(SupervisionNotice.IssuedOn), "印发日期")
            .Field(nameof(SupervisionNotice.ReplyBy), "反馈时限")
            .Field(nameof(SupervisionNotice.TaskState), "任务状态")
            .Field(nameof(SupervisionNotice.Requirement), "督办要求")
            .Field(nameof(SupervisionNotice.CreatedBy), "印发人")
            .Field(nameof(SupervisionNotice.CreatedAtUtc), "生成时间")
            .Field(nameof(SupervisionNotice.Content), "文件");
    }
}
