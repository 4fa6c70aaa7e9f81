using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Approvals;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Orgs;
using Microsoft.AspNetCore.Identity;

namespace Fazhi.Web.Kernel.Audit;

/// <summary>系统管理's words in the log: org units, users, roles, the working-day calendar, and the log's own events.</summary>
public sealed class KernelAuditVocabulary : AuditVocabulary
{
    public KernelAuditVocabulary() : base("系统管理")
    {
        Enum<OrgKind>(k => k.ChineseName());

        Enum<ApprovalStatus>(ApprovalNames.Of);

        Entity<Approval>("呈报审批", v => $"{v[nameof(Approval.Module)]} {v[nameof(Approval.SubjectType)]} {v[nameof(Approval.SubjectId)]} {v[nameof(Approval.ActionCode)]}")
            .Field(nameof(Approval.Id), "审批ID")
            .Field(nameof(Approval.Module), "业务模块")
            .Field(nameof(Approval.SubjectType), "事项类型")
            .Field(nameof(Approval.SubjectId), "事项ID")
            .OrgUnit(nameof(Approval.OrgUnitId), "所属机构")
            .Field(nameof(Approval.ActionCode), "呈报事项")
            .Field(nameof(Approval.ParametersJson), "呈报内容")
            .Field(nameof(Approval.Note), "呈报意见")
            .Field(nameof(Approval.SubmittedBy), "呈报人")
            .Field(nameof(Approval.SubmittedAtUtc), "呈报时间")
            .Field(nameof(Approval.Status), "审批状态")
            .Field(nameof(Approval.Opinion), "批示")
            .Field(nameof(Approval.DecidedBy), "审批人")
            .Field(nameof(Approval.DecidedAtUtc), "审批时间")
            .Field(nameof(Approval.Version), "版本号")
            // Entries written before approvals moved to the Kernel (recon_approvals, ADR 0007).
            .Field("CaseId", "案件ID")
            .Field("Action", "呈报事项")
            .Field("RequestJson", "呈报内容");

        Entity<Security.SystemMarker>("系统标记", v => v[nameof(Security.SystemMarker.Key)])
            .Field(nameof(Security.SystemMarker.Key), "标记")
            .Field(nameof(Security.SystemMarker.Value), "内容")
            .Field(nameof(Security.SystemMarker.UpdatedAtUtc), "更新时间");

        Entity<OrgUnit>("机构", v => v[nameof(OrgUnit.Name)])
            .Field(nameof(OrgUnit.Id), "机构ID")
            .Field(nameof(OrgUnit.Code), "机构编码")
            .Field(nameof(OrgUnit.Name), "名称")
            .Field(nameof(OrgUnit.OfficialName), "机构全称")
            .Field(nameof(OrgUnit.Kind), "机构类型")
            .OrgUnit(nameof(OrgUnit.ParentId), "上级机构")
            .Field(nameof(OrgUnit.Path), "层级路径")
            .Field(nameof(OrgUnit.Depth), "层级")
            .Field(nameof(OrgUnit.IsActive), "启用")
            .Field(nameof(OrgUnit.SortOrder), "排序")
            .Field("SubtreeMoved", "移动前路径")
            .Field("To", "移动后路径");

        Entity<AppUser>("用户", v => v[nameof(AppUser.DisplayName)] is { Length: > 0 } name ? $"{name}（{v[nameof(AppUser.UserName)]}）" : v[nameof(AppUser.UserName)])
            .Field(nameof(AppUser.Id), "用户ID")
            .Field(nameof(AppUser.UserName), "登录名")
            .Field(nameof(AppUser.NormalizedUserName), "登录名（规范化）")
            .Field(nameof(AppUser.DisplayName), "姓名")
            .OrgUnit(nameof(AppUser.OrgUnitId), "所属机构")
            .Field(nameof(AppUser.IsActive), "启用")
            .Field(nameof(AppUser.CreatedAtUtc), "创建时间")
            .Email(nameof(AppUser.Email), "电子邮箱")
            .Email(nameof(AppUser.NormalizedEmail), "电子邮箱（规范化）")
            .Field(nameof(AppUser.EmailConfirmed), "邮箱已验证")
            .Phone(nameof(AppUser.PhoneNumber), "手机号码")
            .Field(nameof(AppUser.PhoneNumberConfirmed), "手机已验证")
            .Field(nameof(AppUser.TwoFactorEnabled), "双因素认证")
            .Field(nameof(AppUser.LockoutEnabled), "允许锁定")
            .Field(nameof(AppUser.LockoutEnd), "锁定至")
            .Field(nameof(AppUser.AccessFailedCount), "登录失败次数")
            .Field(nameof(AppUser.MustChangePassword), "须修改密码")
            .Field(nameof(AppUser.PasswordChangedAtUtc), "密码修改时间")
            .Field(nameof(AppUser.IsMachine), "机器账号")
            .Field("reason", "原因", r => r == "disabled" ? "账号已停用" : r)
            .Field("security", "安全设置", Access.Identity.SecurityEvents.ChineseName);

        Enum<Access.SignIn.SessionKind>(k => k == Access.SignIn.SessionKind.Cookie ? "浏览器" : "接口令牌");
        Enum<Access.SignIn.LoginOutcome>(Access.SignIn.LoginLogService.OutcomeName);

        Entity<Access.SignIn.UserSession>("会话", v => $"{v[nameof(Access.SignIn.UserSession.UserName)]} {v.Display(nameof(Access.SignIn.UserSession.Kind))}")
            .Field(nameof(Access.SignIn.UserSession.Id), "会话编号")
            .Reference<AppUser>(nameof(Access.SignIn.UserSession.UserId), "用户")
            .Field(nameof(Access.SignIn.UserSession.UserName), "登录名")
            .Field(nameof(Access.SignIn.UserSession.Kind), "会话类型")
            .Field(nameof(Access.SignIn.UserSession.CreatedAtUtc), "登录时间")
            .Field(nameof(Access.SignIn.UserSession.LastSeenUtc), "最后访问时间")
            .Field(nameof(Access.SignIn.UserSession.ExpiresAtUtc), "最长有效至")
            .Field(nameof(Access.SignIn.UserSession.Address), "登录地址")
            .Field(nameof(Access.SignIn.UserSession.UserAgent), "浏览器/客户端")
            .Field(nameof(Access.SignIn.UserSession.RevokedAtUtc), "结束时间")
            .Field(nameof(Access.SignIn.UserSession.RevokedBy), "结束人")
            .Field(nameof(Access.SignIn.UserSession.RevokeReason), "结束原因");

        Entity<Access.SignIn.LoginLogEntry>("登录日志", v => $"{v[nameof(Access.SignIn.LoginLogEntry.UserName)]} {v.Display(nameof(Access.SignIn.LoginLogEntry.Outcome))}")
            .Field(nameof(Access.SignIn.LoginLogEntry.Id), "访问编号")
            .Field(nameof(Access.SignIn.LoginLogEntry.AtUtc), "登录时间")
            .Field(nameof(Access.SignIn.LoginLogEntry.UserName), "用户名")
            .Field(nameof(Access.SignIn.LoginLogEntry.UserKey), "用户名（规范化）")
            .Reference<AppUser>(nameof(Access.SignIn.LoginLogEntry.UserId), "用户")
            .Field(nameof(Access.SignIn.LoginLogEntry.Address), "登录地址")
            .Field(nameof(Access.SignIn.LoginLogEntry.UserAgent), "浏览器/客户端")
            .Field(nameof(Access.SignIn.LoginLogEntry.Channel), "登录方式")
            .Field(nameof(Access.SignIn.LoginLogEntry.Outcome), "登录结果")
            .Field(nameof(Access.SignIn.LoginLogEntry.Reason), "原因")
            .Field(nameof(Access.SignIn.LoginLogEntry.CaptchaId), "验证码编号");

        Entity<AppRole>("角色", v => v[nameof(AppRole.DisplayName)] is { Length: > 0 } name ? name : v[nameof(AppRole.Name)])
            .Field(nameof(AppRole.Id), "角色ID")
            .Field(nameof(AppRole.Name), "角色编码")
            .Field(nameof(AppRole.NormalizedName), "角色编码（规范化）")
            .Field(nameof(AppRole.DisplayName), "角色名称");

        Entity<IdentityUserRole<int>>("用户角色", v => $"{v.Display("UserId")} · {v.Display("RoleId")}")
            .Reference<AppUser>("UserId", "用户")
            .Reference<AppRole>("RoleId", "角色");

        Entity<RolePermission>("角色权限", v => $"{v.Display("RoleId")} · {v[nameof(RolePermission.Permission)]}")
            .Reference<AppRole>("RoleId", "角色")
            .Field(nameof(RolePermission.Permission), "权限标识");

        Entity<KnownPermission>("已登记权限", v => v[nameof(KnownPermission.Code)])
            .Field(nameof(KnownPermission.Code), "权限标识")
            .Field(nameof(KnownPermission.FirstSeenUtc), "首次登记时间");

        Entity<IdentityRoleClaim<int>>("角色声明", v => v["ClaimValue"])
            .Field("Id", "ID")
            .Reference<AppRole>("RoleId", "角色")
            .Field("ClaimType", "权限类型")
            .Field("ClaimValue", "权限值");

        Entity<IdentityUserClaim<int>>("用户声明", v => v["ClaimValue"])
            .Field("Id", "ID")
            .Reference<AppUser>("UserId", "用户")
            .Field("ClaimType", "声明类型")
            .Field("ClaimValue", "声明值");

        Entity<IdentityUserLogin<int>>("外部登录", v => v["ProviderDisplayName"] ?? v["LoginProvider"])
            .Field("LoginProvider", "登录方式")
            .Field("ProviderKey", "外部账号标识")
            .Field("ProviderDisplayName", "登录方式名称")
            .Reference<AppUser>("UserId", "用户");

        Entity<CalendarYear>("工作日历", v => v[nameof(CalendarYear.Year)] is { } y ? y + "年" : null)
            .Field(nameof(CalendarYear.Year), "年度")
            .Field(nameof(CalendarYear.Notice), "放假通知")
            .Field(nameof(CalendarYear.DocumentNumber), "通知文号")
            .Field(nameof(CalendarYear.Published), "发布日期")
            .Field(nameof(CalendarYear.AmendedBy), "修订依据")
            .Field(nameof(CalendarYear.Source), "来源")
            .Field(nameof(CalendarYear.DaysJson), "节假日与调休");

        Entity<Dictionaries.DictType>("字典类型", v => v[nameof(Dictionaries.DictType.Name)])
            .Field(nameof(Dictionaries.DictType.Code), "字典类型编码")
            .Field(nameof(Dictionaries.DictType.Name), "字典名称")
            .Field(nameof(Dictionaries.DictType.Module), "所属模块")
            .Field(nameof(Dictionaries.DictType.FirstSeenUtc), "首次登记时间");

        Entity<Dictionaries.DictItem>("字典数据", v => $"{v[nameof(Dictionaries.DictItem.TypeCode)]} · {v[nameof(Dictionaries.DictItem.Label)]}")
            .Field(nameof(Dictionaries.DictItem.Id), "ID")
            .Field(nameof(Dictionaries.DictItem.TypeCode), "字典类型")
            .Field(nameof(Dictionaries.DictItem.Code), "字典键值")
            .Field(nameof(Dictionaries.DictItem.Label), "字典标签")
            .Field(nameof(Dictionaries.DictItem.SortOrder), "显示顺序")
            .Field(nameof(Dictionaries.DictItem.IsActive), "启用")
            .Field(nameof(Dictionaries.DictItem.ValidFrom), "有效期起")
            .Field(nameof(Dictionaries.DictItem.ValidTo), "有效期止");

        Entity<Attachments.Attachment>("附件", v => v[nameof(Attachments.Attachment.FileName)])
            .Field(nameof(Attachments.Attachment.Id), "附件ID")
            .OrgUnit(nameof(Attachments.Attachment.OrgUnitId), "所属机构")
            .Field(nameof(Attachments.Attachment.Module), "所属模块")
            .Field(nameof(Attachments.Attachment.EntityType), "记录类型")
            .Field(nameof(Attachments.Attachment.EntityId), "记录ID")
            .Field(nameof(Attachments.Attachment.Category), "附件类别")
            .Field(nameof(Attachments.Attachment.FileName), "文件名")
            .Field(nameof(Attachments.Attachment.ContentType), "文件类型")
            .Field(nameof(Attachments.Attachment.Size), "大小（字节）")
            .Field(nameof(Attachments.Attachment.Sm3), "SM3摘要")
            .Field(nameof(Attachments.Attachment.Store), "存储方式")
            .Field(nameof(Attachments.Attachment.StorageKey), "存储位置")
            .Field(nameof(Attachments.Attachment.Content), "文件内容")
            .Field(nameof(Attachments.Attachment.UploadedBy), "上传人")
            .Field(nameof(Attachments.Attachment.UploadedAtUtc), "上传时间");

        Entity<Messages.Message>("站内消息", v => v[nameof(Messages.Message.Title)])
            .Field(nameof(Messages.Message.Id), "消息ID")
            .Field(nameof(Messages.Message.Recipient), "接收人")
            .Field(nameof(Messages.Message.Title), "标题")
            .Field(nameof(Messages.Message.Body), "内容")
            .Field(nameof(Messages.Message.Link), "链接")
            .Field(nameof(Messages.Message.Module), "来源模块")
            .Field(nameof(Messages.Message.CreatedAtUtc), "发送时间")
            .Field(nameof(Messages.Message.ReadAtUtc), "阅读时间");

        Entity<AuditEntry>("操作日志", _ => null)
            .Field("Channel", "方式")
            .Field("Filter", "查询条件")
            .Field("Rows", "条数");

        Entity<AccessEvent>("访问记录", v => v[nameof(AccessEvent.File)] ?? v[nameof(AccessEvent.Path)])
            .Field(nameof(AccessEvent.Method), "请求方式")
            .Field(nameof(AccessEvent.Path), "访问地址")
            .Field(nameof(AccessEvent.Status), "响应状态")
            .Field(nameof(AccessEvent.Reason), "原因")
            .Field(nameof(AccessEvent.File), "文件名")
            .Field(nameof(AccessEvent.Bytes), "字节数");
    }
}
