using Fazhi.Web.Kernel.Audit;
using Fazhi.Web.Modules.LegalAid.Domain;
using Fazhi.Web.Modules.LegalAid.Features;

namespace Fazhi.Web.Modules.LegalAid;

/// <summary>法律援助 in the 操作日志: a case is named by its 编号, a document by its 文号.</summary>
public sealed class LegalAidAuditVocabulary : AuditVocabulary
{
    public LegalAidAuditVocabulary() : base("法律援助")
    {
        Enum<AidStatus>(AidNames.Of);
        Enum<AidCaseType>(AidNames.Of);
        Enum<AidChannel>(AidNames.Of);
        Enum<EligibilityBasis>(AidNames.Of);
        Enum<GreenKind>(AidNames.Of);
        Enum<ProviderKind>(AidNames.Of);
        Enum<ConsultationMode>(AidNames.Of);
        Enum<AidResult>(AidNames.Of);
        Enum<OversightKind>(AidNames.Of);
        Enum<AidAction>(AidStateMachine.NameOf);
        Enum<AidDocumentKind>(AidDocuments.TitleOf);

        Entity<AidCase>("法律援助案件", v => v[nameof(AidCase.Number)])
            .Field(nameof(AidCase.Id), "案件ID")
            .Field(nameof(AidCase.Number), "编号")
            .OrgUnit(nameof(AidCase.OrgUnitId), "法律援助机构")
            .Field(nameof(AidCase.Year), "年度")
            .Field(nameof(AidCase.ApplicantName), "申请人")
            .IdNumber(nameof(AidCase.ApplicantIdNumber), "申请人身份证号")
            .Phone(nameof(AidCase.ApplicantPhone), "申请人电话")
            .Field(nameof(AidCase.ApplicantAddress), "申请人住址")
            .Field(nameof(AidCase.Matter), "申请事项")
            .Field(nameof(AidCase.CaseType), "案件类别")
            .Field(nameof(AidCase.Stage), "办案阶段")
            .Field(nameof(AidCase.Channel), "申请渠道")
            .Field(nameof(AidCase.WorkstationId), "工作站")
            .Field(nameof(AidCase.Eligibility), "援助条件")
            .Field(nameof(AidCase.EligibilityCategory), "条件类别")
            .Field(nameof(AidCase.Green), "绿色通道").Field(nameof(AidCase.SeriousCharge), "可能判处无期徒刑、死刑或死刑复核")
            .Field(nameof(AidCase.NoticeAuthority), "通知机关")
            .Field(nameof(AidCase.NoticeNumber), "通知文号")
            .Field(nameof(AidCase.ReceivedAtUtc), "收到时间")
            .Field(nameof(AidCase.ReceivedOn), "收到日期")
            .Field(nameof(AidCase.Status), "状态")
            .Field(nameof(AidCase.MissingMaterials), "补充材料清单")
            .Field(nameof(AidCase.MaterialsRequestedOn), "告知补充材料日期")
            .Field(nameof(AidCase.MaterialsSuppliedOn), "收到补充材料日期")
            .Field(nameof(AidCase.DecidedOn), "决定日期")
            .Field(nameof(AidCase.RefusalReason), "不予援助理由")
            .Field(nameof(AidCase.ProvidedFirst), "先行提供")
            .Field(nameof(AidCase.UrgentGround), "先行提供情形")
            .Field(nameof(AidCase.ProviderId), "承办人员ID")
            .Field(nameof(AidCase.ProviderName), "承办人员")
            .Field(nameof(AidCase.AssignedOn), "指派日期")
            .Field(nameof(AidCase.ClosedOn), "结案日期")
            .Field(nameof(AidCase.Result), "结案结果")
            .Field(nameof(AidCase.RecoveredFen), "挽回损失（分）")
            .Field(nameof(AidCase.SubsidyFen), "办案补贴（分）").Field(nameof(AidCase.SubsidyPaidOn), "补贴发放日期")
            .Field(nameof(AidCase.TerminationReason), "终止情形")
            .Field(nameof(AidCase.FileScore), "评查得分")
            .Field(nameof(AidCase.Satisfaction), "满意度")
            .Field(nameof(AidCase.SatisfactionNote), "回访记录")
            .Field(nameof(AidCase.CallbackOn), "回访日期")
            .Field(nameof(AidCase.HearingsAttended), "出庭次数")
            .Field(nameof(AidCase.ConsultationId), "咨询记录ID")
            .Field(nameof(AidCase.ReferralSource), "转介来源")
            .Field(nameof(AidCase.ReferralRef), "转介编号")
            .Field(nameof(AidCase.ReferredBackOn), "转回调解日期")
            .Field(nameof(AidCase.Version), "版本");

        Entity<AidEvent>("法律援助办理过程", v => v[nameof(AidEvent.Action)])
            .Field(nameof(AidEvent.Id), "记录ID")
            .Field(nameof(AidEvent.CaseId), "案件ID")
            .Field(nameof(AidEvent.Action), "操作")
            .Field(nameof(AidEvent.On), "日期")
            .Field(nameof(AidEvent.AtUtc), "时间")
            .Field(nameof(AidEvent.Actor), "操作人")
            .Field(nameof(AidEvent.Note), "说明");

        Entity<AidProvider>("法律援助人员", v => v[nameof(AidProvider.Name)])
            .Field(nameof(AidProvider.Id), "人员ID")
            .OrgUnit(nameof(AidProvider.OrgUnitId), "所属机构")
            .Field(nameof(AidProvider.Name), "姓名")
            .Field(nameof(AidProvider.Kind), "人员类别")
            .Field(nameof(AidProvider.Firm), "执业机构")
            .Field(nameof(AidProvider.PracticeYears), "执业年限")
            .Phone(nameof(AidProvider.Phone), "电话")
            .Field(nameof(AidProvider.DutyLawyer), "值班律师")
            .Field(nameof(AidProvider.WorkstationId), "工作站")
            .Field(nameof(AidProvider.Active), "在册");

        Entity<AidWorkstation>("法律援助工作站", v => v[nameof(AidWorkstation.Name)])
            .Field(nameof(AidWorkstation.Id), "工作站ID")
            .OrgUnit(nameof(AidWorkstation.OrgUnitId), "所属机构")
            .Field(nameof(AidWorkstation.Name), "名称")
            .Field(nameof(AidWorkstation.Host), "所在单位")
            .Field(nameof(AidWorkstation.Address), "地址")
            .Field(nameof(AidWorkstation.OpenedOn), "设立日期")
            .Field(nameof(AidWorkstation.Active), "在用");

        Entity<AidConsultation>("法律咨询", v => v[nameof(AidConsultation.Name)])
            .Field(nameof(AidConsultation.Id), "咨询ID")
            .OrgUnit(nameof(AidConsultation.OrgUnitId), "所属机构")
            .Field(nameof(AidConsultation.AtUtc), "咨询时间")
            .Field(nameof(AidConsultation.On), "咨询日期")
            .Field(nameof(AidConsultation.Mode), "咨询方式")
            .Field(nameof(AidConsultation.Name), "咨询人")
            .Phone(nameof(AidConsultation.Phone), "电话")
            .Field(nameof(AidConsultation.CaseType), "类别")
            .Field(nameof(AidConsultation.Question), "咨询问题")
            .Field(nameof(AidConsultation.Answer), "解答")
            .Field(nameof(AidConsultation.Handler), "接待人")
            .Field(nameof(AidConsultation.ReferralSource), "转介来源")
            .Field(nameof(AidConsultation.ReferralRef), "转介编号")
            .Field(nameof(AidConsultation.CaseId), "转为申请");

        Entity<AidSubsidyStandard>("办案补贴标准", v => v[nameof(AidSubsidyStandard.Stage)])
            .Field(nameof(AidSubsidyStandard.Id), "标准ID")
            .OrgUnit(nameof(AidSubsidyStandard.OrgUnitId), "所属机构")
            .Field(nameof(AidSubsidyStandard.CaseType), "案件类别")
            .Field(nameof(AidSubsidyStandard.Stage), "办案阶段")
            .Field(nameof(AidSubsidyStandard.AmountFen), "补贴金额（分）");

        Entity<AidDocument>("法律援助文书", v => v[nameof(AidDocument.Number)])
            .Field(nameof(AidDocument.Id), "文书ID")
            .OrgUnit(nameof(AidDocument.OrgUnitId), "所属机构")
            .Field(nameof(AidDocument.CaseId), "案件ID")
            .Field(nameof(AidDocument.Kind), "文书种类")
            .Field(nameof(AidDocument.Number), "文号")
            .Field(nameof(AidDocument.Title), "标题")
            .Field(nameof(AidDocument.Content), "内容")
            .Field(nameof(AidDocument.CreatedAtUtc), "制作时间")
            .Field(nameof(AidDocument.CreatedBy), "制作人");

        Entity<AidCounter>("法律援助编号计数", v => v[nameof(AidCounter.Series)])
            .Field(nameof(AidCounter.Id), "计数ID")
            .OrgUnit(nameof(AidCounter.OrgUnitId), "所属机构")
            .Field(nameof(AidCounter.Year), "年度")
            .Field(nameof(AidCounter.Series), "序列")
            .Field(nameof(AidCounter.Last), "已用号")
            .Field(nameof(AidCounter.Version), "版本");
    }
}
