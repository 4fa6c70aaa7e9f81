using System.Globalization;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Approvals;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Features;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Reconsideration.Pages;

/// <summary>案件详情: the case, its deadlines with how they were computed, its history, and the actions its state allows.</summary>
[RequiresPermission(ReconPermissions.CaseView)]
public sealed class CaseModel(ReconCaseService cases, DocumentService documents, ReconApprovalService approvals,
    Kernel.Attachments.AttachmentService attachments, Kernel.Dictionaries.IDictionaries dictionaries, ICurrentUser actor,
    Microsoft.Extensions.Options.IOptions<Rules.ReconRulesOptions> options, TimeProvider clock, UserService users) : FazhiPageModel
{
    public sealed record Field(string Name, string Label, string Kind, bool Required = true, string[]? Options = null);

    public sealed record ActionForm(string Segment, string Name, IReadOnlyList<Field> Fields, bool Approvable);

    private static readonly Field On = new("On", "日期", "date");

    /// <summary>What each action asks for; the handler reads the same names from <see cref="ActionRequest"/>.</summary>
    private static readonly Dictionary<CaseAction, Field[]> FieldsOf = new()
    {
        [CaseAction.RequestCorrection] = [new("On", "通知日期", "date"), new("ReceivedOn", "申请人收到通知日期", "date"), new("Note", "需补正的全部事项", "text")],
        [CaseAction.ReceiveCorrection] = [new("On", "收到补正材料日期", "date")],
        [CaseAction.Abandon] = [On, new("Note", "说明", "text", false)],
        [CaseAction.Accept] = [new("On", "受理日期", "date"), new("Procedure", "审理程序", "select", Options: ["普通程序", "简易程序"]), new("SimplifiedGround", "适用简易程序的情形（第五十三条，普通程序不填）", "select", false, ["", .. Rules.SimplifiedProcedure.Grounds])],
        [CaseAction.Reject] = [On, new("Reason", "理由（无管辖权的写明有管辖权的机关）", "text")],
        [CaseAction.Refer] = [On, new("Reason", "告知的机关或途径", "text")],
        [CaseAction.SendCopy] = [new("On", "发送日期", "date")],
        [CaseAction.RecordCopyReceived] = [new("On", "被申请人收到日期", "date")],
        [CaseAction.RecordReply] = [new("On", "收到答复日期", "date"), new("Note", "答复及证据摘要", "text", false)],
        [CaseAction.HearOpinion] = [On, new("Mode", "方式", "select", Options: ["当面", "电话", "网络"]), new("Note", "听取的意见", "text")],
        [CaseAction.ScheduleHearing] = [new("On", "通知日期", "date"), new("HearingOn", "听证日期", "date")],
        [CaseAction.HoldHearing] = [new("On", "听证日期", "date"), new("Note", "听证笔录摘要", "text")],
        [CaseAction.Suspend] = [new("On", "中止日期", "date"), new("Reason", "中止事由（第三十九条）", "text")],
        [CaseAction.Resume] = [new("On", "恢复日期", "date")],
        [CaseAction.Extend] = [new("On", "批准日期", "date"), new("Days", "延长天数", "number"), new("ApprovedBy", "批准人（复议机构负责人）", "approver")],
        [CaseAction.ConvertToOrdinary] = [new("On", "批准日期", "date"), new("ApprovedBy", "批准人（复议机构负责人）", "approver")],
        [CaseAction.Terminate] = [On, new("TerminationReason", "终止原因", "select", Options: ["撤回", "调解", "和解", "其他"]), new("Note", "说明", "text", false)],
        [CaseAction.Mediate] = [new("On", "调解书签收日期", "date"), new("Note", "调解内容", "text", false)],
        [CaseAction.Decide] = [new("On", "决定日期", "date"), new("DecisionType", "决定类型", "select", Options: ["维持", "驳回", "变更", "撤销", "确认违法", "责令履行", "确认无效"]), new("Note", "决定要旨", "text", false)],
        [CaseAction.Serve] = [new("On", "送达日期", "date")],
        [CaseAction.RecordContact] = [new("At", "联系时间", "datetime"), new("Note", "联系方式与内容", "text", false)],
        [CaseAction.Assign] = [new("Assignee", "承办人", "assignee", false)],
        [CaseAction.RecordPerformance] = [new("On", "了解日期", "date"), new("Reason", "履行情况", "select", Options: ["已履行", "部分履行", "未履行", "正在履行"]), new("Note", "说明", "text", false)],
        [CaseAction.IssueOpinionLetter] = [new("On", "送达日期", "date"), new("Mode", "文书", "select", Options: ["意见书", "建议书"]), new("Reason", "送达机关", "text"), new("Note", "意见或建议", "text")],
        [CaseAction.RecordOpinionReply] = [new("On", "收到反馈日期", "date"), new("Note", "反馈内容", "text", false)],
    };

    public CaseDto Case { get; private set; } = null!;
    public List<DocumentDto> Documents { get; private set; } = [];
    public List<(DocumentKind Kind, string Title)> DocumentKindsAvailable { get; private set; } = [];
    public bool CanEdit { get; private set; }
    public string? FailedAction { get; private set; }

    /// <summary>承办人: the active users of 行政复议科 in scope; 批准人: the 局领导 in scope (pick lists, not free text).</summary>
    public List<UserDto> Assignees { get; private set; } = [];
    public List<UserDto> Approvers { get; private set; } = [];

    /// <summary>What the user typed into the form of <paramref name="segment"/> when it was refused, to show it again.</summary>
    public string? Typed(string segment, string field) =>
        FailedAction == segment && Request.HasFormContentType && Request.Form.TryGetValue(field, out var v) ? v.ToString() : null;
    public string Today => ChinaTime.Now(clock).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    public string NowLocal => ChinaTime.Now(clock).ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture);

    public IEnumerable<ActionForm> Actions => Case.AllowedActions
        .Select(s => ReconCaseService.ParseAction(s)!.Value)
        .Where(FieldsOf.ContainsKey)
        .Select(a => new ActionForm(ReconCaseService.Segment(a), CaseStateMachine.NameOf(a), FieldsOf[a], ReconApprovals.IsApprovable(a)));

    public List<ApprovalDto> Approvals { get; private set; } = [];
    public bool CanApprove => actor.Can(ReconPermissions.ApprovalDecide);
    public bool CanSubmit => actor.Can(ReconPermissions.ApprovalSubmit);
    public bool CanDocument => actor.Can(ReconPermissions.DocumentGenerate);
    public bool ApprovalRequired => options.Value.ApprovalRequired;

    /// <summary>第六十二条's limit on an extension, as configured (Reconsideration:MaxExtensionDays).</summary>
    public int MaxExtensionDays => options.Value.MaxExtensionDays;

    [RequiresPermission(ReconPermissions.ApprovalSubmit)]
    public async Task<IActionResult> OnPostSubmitAsync(long id, string action, ActionRequest request, string? approvalNote, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (await TryAsync(() => approvals.SubmitAsync(id, new SubmitRequest(action, request, approvalNote), ct)) is not null)
        {
            Message = "已呈报，等待局领导审批。";
            return Redirect($"/reconsideration/cases/{id}");
        }
        FailedAction = action;
        return Page();
    }

    [RequiresPermission(ReconPermissions.ApprovalDecide)]
    public async Task<IActionResult> OnPostApprovalAsync(long id, long approvalId, string decision, string? opinion, CancellationToken ct) =>
        await DecideAsync(id, decision == "return"
            ? () => approvals.ReturnAsync(approvalId, opinion, ct)
            : () => approvals.ApproveAsync(approvalId, opinion, ct), ct);

    /// <summary>撤回: the submitter takes back their own 呈报.</summary>
    [RequiresPermission(ReconPermissions.ApprovalSubmit)]
    public async Task<IActionResult> OnPostWithdrawAsync(long id, long approvalId, CancellationToken ct) =>
        await DecideAsync(id, () => approvals.WithdrawAsync(approvalId, ct), ct);

    private async Task<IActionResult> DecideAsync(long id, Func<Task<Approval>> step, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var done = await TryAsync(step);
        if (done is not null)
        {
            Message = $"呈报{ApprovalNames.Of(done.Status)}。";
            return Redirect($"/reconsideration/cases/{id}");
        }
        await LoadAsync(id, ct);
        return Page();
    }

    public async Task OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct);

    [RequiresPermission(ReconPermissions.CaseHandle)]
    public async Task<IActionResult> OnPostActAsync(long id, string action, ActionRequest request, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        var a = ReconCaseService.ParseAction(action);
        if (a is null)
            return NotFound();
        if (await TryAsync(() => cases.ActAsync(id, a.Value, request, ct)) is not null)
        {
            Message = $"已{CaseStateMachine.NameOf(a.Value)}。";
            return Redirect($"/reconsideration/cases/{id}");
        }
        FailedAction = action;
        return Page();
    }

    [RequiresPermission(ReconPermissions.DocumentGenerate)]
    public async Task<IActionResult> OnPostDocumentAsync(long id, DocumentKind kind, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (await TryAsync(() => documents.GenerateAsync(id, kind, ct)) is { } doc)
        {
            Message = $"已制作《{doc.Title}》（{doc.Number}）。";
            return Redirect($"/reconsideration/cases/{id}");
        }
        return Page();
    }

    public List<Kernel.Attachments.AttachmentDto> Attachments { get; private set; } = [];
    public IReadOnlyList<Kernel.Dictionaries.DictItemView> AttachmentCategories { get; private set; } = [];
    public string AttachmentLimit => attachments.LimitText;
    public string AttachmentTypes => string.Join(" ", attachments.Options.AcceptedExtensions);

    [RequiresPermission(ReconPermissions.CaseHandle)]
    public async Task<IActionResult> OnPostAttachAsync(long id, IFormFile? file, string? category, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        try
        {
            if (await TryAsync(() => attachments.UploadAsync(ReconCaseService.Module, CaseAttachments.EntityTypeCode, id, file, category, ct)) is { } a)
            {
                Message = $"已上传附件“{a.FileName}”。";
                return Redirect($"/reconsideration/cases/{id}");
            }
        }
        catch (PayloadTooLargeException e)
        {
            ModelState.AddModelError("file", e.Message);
        }
        return Page();
    }

    [RequiresPermission(ReconPermissions.CaseHandle)]
    public async Task<IActionResult> OnPostDeleteAttachmentAsync(long id, long attachmentId, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (await TryAsync(() => attachments.DeleteAsync(attachmentId, ct)))
        {
            Message = "已删除附件。";
            return Redirect($"/reconsideration/cases/{id}");
        }
        return Page();
    }

    private async Task LoadAsync(long id, CancellationToken ct)
    {
        var c = await cases.GetAsync(id, ct);
        Case = ReconEndpoints.ToDto(c, cases);
        Documents = await documents.ListAsync(id, ct);
        Approvals = await approvals.ListAsync(id, false, ct);
        DocumentKindsAvailable = [.. Enum.GetValues<DocumentKind>().Where(k => DocumentKinds.AppliesTo(k, c)).Select(k => (k, DocumentKinds.TitleOf(k)))];
        CanEdit = actor.Can(ReconPermissions.CaseHandle);
        Attachments = await attachments.ListAsync(ReconCaseService.Module, CaseAttachments.EntityTypeCode, id, ct);
        AttachmentCategories = await dictionaries.ChoicesAsync(Kernel.Attachments.AttachmentService.CategoryType, ct);
        if (CanEdit && Case.AllowedActions.Count > 0)
        {
            var active = (await users.ListAsync(null, ct)).Where(u => u.IsActive).ToList();
            Assignees = [.. active.Where(u => u.Roles.Contains(ReconPermissions.Role))];
            Approvers = [.. active.Where(u => u.Roles.Contains(Roles.Leader))];
        }
    }
}
