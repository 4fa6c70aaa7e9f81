using System.Globalization;
using Fazhi.Web.Kernel.Audit;
using Fazhi.Web.Modules.Enforcement.Domain;

namespace Fazhi.Web.Modules.Enforcement;

/// <summary>行政执法监督 in the 操作日志: an officer is named by name and 执法证号, a warning by its subject.</summary>
public sealed class EnforcementAuditVocabulary : AuditVocabulary
{
    public EnforcementAuditVocabulary() : base("行政执法监督")
    {
        Enum<RecordKind>(RecordNames.Of);
        Enum<TargetKind>(k => k == TargetKind.Enterprise ? "企业" : "自然人");
        Enum<CertificateStatus>(CertificateNames.Of);
        Enum<ReviewKind>(CertificateNames.Of);
        Enum<WarningStatus>(WarningNames.Of);
        Enum<WarningSeverity>(WarningNames.Of);
        Enum<JointStatus>(s => s switch { JointStatus.Proposed => "平台建议", JointStatus.Confirmed => "已确认", _ => "不合并" });

        Entity<Officer>("执法人员", v => v[nameof(Officer.Name)] is { } name ? $"{name}（{v[nameof(Officer.CertificateNumber)]}）" : null)
            .Field(nameof(Officer.Id), "ID")
            .Field(nameof(Officer.Name), "姓名")
            .IdNumber(nameof(Officer.IdNumber), "身份证号")
            .OrgUnit(nameof(Officer.OrgUnitId), "所属部门")
            .Field(nameof(Officer.CertificateNumber), "执法证号")
            .Field(nameof(Officer.Field), "执法领域")
            .Field(nameof(Officer.IssuedOn), "发证日期")
            .Field(nameof(Officer.ExpiresOn), "有效期至")
            .Field(nameof(Officer.Status), "证件状态")
            .Field(nameof(Officer.StatusSince), "状态生效日期")
            .Field(nameof(Officer.StatusReason), "状态原因")
            .Field(nameof(Officer.Version), "版本号");

        Entity<StatusPeriod>("执法证状态历史", v => $"{v.Display("OfficerId")} {v[nameof(StatusPeriod.From)]}起")
            .Reference<Officer>("OfficerId", "执法人员")
            .Field("__synthesizedOrdinal", "序号")
            .Field(nameof(StatusPeriod.Status), "证件状态")
            .Field(nameof(StatusPeriod.From), "起始日期")
            .Field(nameof(StatusPeriod.Until), "截止日期（次日恢复）")
            .Field(nameof(StatusPeriod.Reason), "原因");

        Entity<CertificateReview>("执法证年审", v => $"{v.Display("OfficerId")} {v[nameof(CertificateReview.Year)]}年")
            .Reference<Officer>("OfficerId", "执法人员")
            .Field("__synthesizedOrdinal", "序号")
            .Field(nameof(CertificateReview.Year), "年度")
            .Field(nameof(CertificateReview.Kind), "年审类型")
            .Field(nameof(CertificateReview.On), "年审日期")
            .Field(nameof(CertificateReview.Passed), "通过")
            .Field(nameof(CertificateReview.Note), "备注");

        Entity<TrainingYear>("培训考试", v => $"{v.Display("OfficerId")} {v[nameof(TrainingYear.Year)]}年")
            .Reference<Officer>("OfficerId", "执法人员")
            .Field(nameof(TrainingYear.Year), "年度")
            .Field(nameof(TrainingYear.Hours), "培训学时")
            .Field(nameof(TrainingYear.ExamScore), "考试成绩")
            .Field(nameof(TrainingYear.ExamPassed), "考试合格");

        Entity<EnforcementItem>("执法事项", v => v[nameof(EnforcementItem.Name)] is { } name ? $"{v[nameof(EnforcementItem.Code)]} {name}" : null)
            .Field(nameof(EnforcementItem.Id), "ID")
            .OrgUnit(nameof(EnforcementItem.OrgUnitId), "发布机构")
            .Field(nameof(EnforcementItem.Code), "事项编码")
            .Field(nameof(EnforcementItem.Name), "事项名称")
            .Field(nameof(EnforcementItem.Field), "执法领域")
            .Field(nameof(EnforcementItem.LegalBasis), "法律依据")
            .Field(nameof(EnforcementItem.ResponsibleDepartment), "实施主体")
            .Field(nameof(EnforcementItem.TownLevel), "赋权镇街事项")
            .Field(nameof(EnforcementItem.TownClass), "承接镇街类别")
            .Field(nameof(EnforcementItem.ReceivingTowns), "承接镇街")
            .Field(nameof(EnforcementItem.IsActive), "启用");

        Entity<DiscretionLevel>("裁量基准", v => v[nameof(DiscretionLevel.Level)])
            .Reference<EnforcementItem>("EnforcementItemId", "执法事项")
            .Field("__synthesizedOrdinal", "序号")
            .Field(nameof(DiscretionLevel.Level), "违法情节")
            .Field(nameof(DiscretionLevel.MinFen), "罚款下限（元）", Yuan)
            .Field(nameof(DiscretionLevel.MaxFen), "罚款上限（元）", Yuan)
            .Field(nameof(DiscretionLevel.Description), "说明");

        Entity<EnforcementRecord>("执法记录", v => v[nameof(EnforcementRecord.SourceId)])
            .Field(nameof(EnforcementRecord.Id), "ID")
            .OrgUnit(nameof(EnforcementRecord.OrgUnitId), "执法部门")
            .Field(nameof(EnforcementRecord.SourceId), "来源编号")
            .Field(nameof(EnforcementRecord.Kind), "执法行为类型")
            .Field(nameof(EnforcementRecord.ItemCode), "执法事项编码")
            .Field(nameof(EnforcementRecord.ItemId), "执法事项ID")
            .Field(nameof(EnforcementRecord.TargetKind), "执法对象类型")
            .Field(nameof(EnforcementRecord.TargetName), "执法对象")
            .Field(nameof(EnforcementRecord.TargetCreditCode), "统一社会信用代码")
            .IdNumber(nameof(EnforcementRecord.TargetIdNumber), "身份证号")
            .Field(nameof(EnforcementRecord.Officers), "执法人员证号")
            .Field(nameof(EnforcementRecord.OfficerCount), "执法人员数")
            .Field(nameof(EnforcementRecord.OpenedOn), "立案日期")
            .Field(nameof(EnforcementRecord.DecidedOn), "决定日期")
            .Field(nameof(EnforcementRecord.ClosedOn), "结案日期")
            .Field(nameof(EnforcementRecord.CountedOn), "统计日期")
            .Field(nameof(EnforcementRecord.AmountFen), "罚没金额（元）", Yuan)
            .Field(nameof(EnforcementRecord.Circumstance), "违法情节")
            .Field(nameof(EnforcementRecord.LegalReviewDone), "已法制审核")
            .Field(nameof(EnforcementRecord.Major), "重大执法决定")
            .Field(nameof(EnforcementRecord.PublishedOn), "公示日期")
            .Field(nameof(EnforcementRecord.Lenient), "不罚轻罚")
            .Field(nameof(EnforcementRecord.BatchId), "报送批次")
            .Field(nameof(EnforcementRecord.ReceivedAtUtc), "接收时间")
            .Field(nameof(EnforcementRecord.UpdatedAtUtc), "更新时间");

        Entity<IngestBatch>("报送批次", v => v[nameof(IngestBatch.Id)] is { } id ? "第" + id + "批" : null)
            .Field(nameof(IngestBatch.Id), "批次号")
            .OrgUnit(nameof(IngestBatch.OrgUnitId), "报送部门")
            .Field(nameof(IngestBatch.Channel), "报送方式", c => c switch { "api" => "接口", "excel" => "Excel", _ => c })
            .Field(nameof(IngestBatch.SubmittedBy), "报送人")
            .Field(nameof(IngestBatch.AtUtc), "报送时间")
            .Field(nameof(IngestBatch.Received), "收到条数")
            .Field(nameof(IngestBatch.Created), "新增条数")
            .Field(nameof(IngestBatch.Updated), "更新条数")
            .Field(nameof(IngestBatch.Rejected), "退回条数")
            .Field(nameof(IngestBatch.WarningsRaised), "产生预警数");

        Entity<RecordChange>("执法记录修改记录", v => v[nameof(RecordChange.Field)])
            .Field(nameof(RecordChange.Id), "ID")
            .Field(nameof(RecordChange.RecordId), "执法记录ID")
            .OrgUnit(nameof(RecordChange.OrgUnitId), "执法部门")
            .Field(nameof(RecordChange.BatchId), "批次号")
            .Field(nameof(RecordChange.ChangedAtUtc), "修改时间")
            .Field(nameof(RecordChange.ChangedBy), "报送人")
            .Field(nameof(RecordChange.Field), "字段")
            .Field(nameof(RecordChange.Before), "修改前")
            .Field(nameof(RecordChange.After), "修改后");

        Entity<RecordMonth>("执法记录月度汇总", v => v[nameof(RecordMonth.Month)])
            .OrgUnit(nameof(RecordMonth.OrgUnitId), "执法部门")
            .Field(nameof(RecordMonth.Month), "月份")
            .Field(nameof(RecordMonth.Kind), "执法行为类型")
            .Field(nameof(RecordMonth.Records), "记录数")
            .Field(nameof(RecordMonth.Lenient), "不罚轻罚数")
            .Field(nameof(RecordMonth.Enterprises), "涉企记录数")
            .Field(nameof(RecordMonth.AmountFen), "罚没金额（元）", Yuan);

        Entity<InspectionPlan>("涉企检查计划", v => v[nameof(InspectionPlan.TargetName)] is { } name ? $"{name} {v[nameof(InspectionPlan.Year)]}年{v[nameof(InspectionPlan.Month)]}月" : null)
            .Field(nameof(InspectionPlan.Id), "ID")
            .OrgUnit(nameof(InspectionPlan.OrgUnitId), "计划部门")
            .Field(nameof(InspectionPlan.Year), "年度")
            .Field(nameof(InspectionPlan.Month), "月份")
            .Field(nameof(InspectionPlan.TargetCreditCode), "统一社会信用代码")
            .Field(nameof(InspectionPlan.TargetName), "企业名称")
            .Field(nameof(InspectionPlan.Items), "检查事项")
            .Field(nameof(InspectionPlan.FiledOn), "填报日期")
            .Reference<JointInspection>(nameof(InspectionPlan.JointInspectionId), "联合检查");

        Entity<PlanMonth>("检查计划月度汇总", v => v[nameof(PlanMonth.Month)])
            .OrgUnit(nameof(PlanMonth.OrgUnitId), "计划部门")
            .Field(nameof(PlanMonth.Month), "月份")
            .Field(nameof(PlanMonth.Visits), "计划检查户次");

        Entity<JointInspection>("联合检查", v => v[nameof(JointInspection.TargetName)] is { } name ? $"{name} {v[nameof(JointInspection.Year)]}年{v[nameof(JointInspection.Month)]}月" : null)
            .Field(nameof(JointInspection.Id), "ID")
            .OrgUnit(nameof(JointInspection.OrgUnitId), "所属机构")
            .Field(nameof(JointInspection.Year), "年度")
            .Field(nameof(JointInspection.Month), "月份")
            .Field(nameof(JointInspection.TargetCreditCode), "统一社会信用代码")
            .Field(nameof(JointInspection.TargetName), "企业名称")
            .Field(nameof(JointInspection.Departments), "参与部门数")
            .Field(nameof(JointInspection.Status), "状态")
            .OrgUnit(nameof(JointInspection.LeadOrgUnitId), "牵头部门")
            .Field(nameof(JointInspection.ConfirmedOn), "确认日期")
            .Field(nameof(JointInspection.ConfirmedBy), "确认人")
            .Field(nameof(JointInspection.Version), "版本号");

        Entity<ReviewTemplate>("评查模板", v => v[nameof(ReviewTemplate.Name)])
            .Field(nameof(ReviewTemplate.Id), "ID")
            .OrgUnit(nameof(ReviewTemplate.OrgUnitId), "所属机构")
            .Field(nameof(ReviewTemplate.Name), "模板名称");

        Entity<ReviewTemplateItem>("评查项目", v => v[nameof(ReviewTemplateItem.Name)])
            .Reference<ReviewTemplate>("ReviewTemplateId", "评查模板")
            .Field("__synthesizedOrdinal", "序号")
            .Field(nameof(ReviewTemplateItem.Code), "项目编码")
            .Field(nameof(ReviewTemplateItem.Name), "项目名称")
            .Field(nameof(ReviewTemplateItem.Points), "分值");

        Entity<SamplingDraw>("案卷抽样", v => v[nameof(SamplingDraw.Name)])
            .Field(nameof(SamplingDraw.Id), "ID")
            .OrgUnit(nameof(SamplingDraw.OrgUnitId), "所属机构")
            .Field(nameof(SamplingDraw.Name), "抽样名称")
            .Field(nameof(SamplingDraw.Seed), "随机种子")
            .Field(nameof(SamplingDraw.FilterJson), "抽样范围")
            .Field(nameof(SamplingDraw.RequestedCount), "抽取条数")
            .Field(nameof(SamplingDraw.RequestedPercent), "抽取比例（%）")
            .Field(nameof(SamplingDraw.Population), "总体条数")
            .Field(nameof(SamplingDraw.Drawn), "抽中条数")
            .Reference<ReviewTemplate>(nameof(SamplingDraw.TemplateId), "评查模板")
            .Field(nameof(SamplingDraw.AtUtc), "抽样时间")
            .Field(nameof(SamplingDraw.DrawnBy), "抽样人");

        Entity<SampledRecord>("抽中案卷", v => $"{v.Display(nameof(SampledRecord.DrawId))} · 执法记录ID {v[nameof(SampledRecord.RecordId)]}")
            .Field(nameof(SampledRecord.Id), "ID")
            .Reference<SamplingDraw>(nameof(SampledRecord.DrawId), "抽样")
            .Field(nameof(SampledRecord.RecordId), "执法记录ID")
            .OrgUnit(nameof(SampledRecord.OrgUnitId), "执法部门")
            .Field(nameof(SampledRecord.Rank), "抽中顺序")
            .Field(nameof(SampledRecord.Score), "得分")
            .Field(nameof(SampledRecord.ItemScoresJson), "各项得分")
            .Field(nameof(SampledRecord.Problems), "存在问题")
            .Field(nameof(SampledRecord.Reviewer), "评查人")
            .Field(nameof(SampledRecord.ReviewedOn), "评查日期");

        Entity<EnforcementWarning>("预警", v => v[nameof(EnforcementWarning.Subject)] is { } s ? $"{v[nameof(EnforcementWarning.RuleCode)]} {s}" : null)
            .Field(nameof(EnforcementWarning.Id), "ID")
            .OrgUnit(nameof(EnforcementWarning.OrgUnitId), "责任部门")
            .Field(nameof(EnforcementWarning.RecordId), "执法记录ID")
            .Reference<Officer>(nameof(EnforcementWarning.OfficerId), "执法人员")
            .Field(nameof(EnforcementWarning.RuleCode), "预警规则")
            .Field(nameof(EnforcementWarning.Severity), "预警等级")
            .Field(nameof(EnforcementWarning.Subject), "预警对象")
            .Field(nameof(EnforcementWarning.Message), "预警内容")
            .Field(nameof(EnforcementWarning.DedupKey), "去重键")
            .Field(nameof(EnforcementWarning.RaisedOn), "预警日期")
            .Field(nameof(EnforcementWarning.DueOn), "办理期限")
            .Field(nameof(EnforcementWarning.StepStartedOn), "本环节起算日")
            .Field(nameof(EnforcementWarning.Status), "处理状态")
            .Field(nameof(EnforcementWarning.Feedback), "部门反馈")
            .Field(nameof(EnforcementWarning.FeedbackOn), "反馈日期")
            .Field(nameof(EnforcementWarning.Rectification), "整改情况")
            .Field(nameof(EnforcementWarning.RectifiedOn), "整改日期")
            .Field(nameof(EnforcementWarning.ClosedOn), "销号日期")
            .Field(nameof(EnforcementWarning.ClosedBy), "销号人")
            .Field(nameof(EnforcementWarning.CloseNote), "销号说明")
            .Field(nameof(EnforcementWarning.AutoClosed), "自动销号")
            .Field(nameof(EnforcementWarning.Version), "版本号");
    }

    private static string Yuan(string fen) =>
        long.TryParse(fen, NumberStyles.Integer, CultureInfo.InvariantCulture, out var f) ? RecordNames.FormatFen(f) : fen;
}
