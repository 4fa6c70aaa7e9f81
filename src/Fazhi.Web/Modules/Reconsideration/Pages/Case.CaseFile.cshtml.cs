using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Modules.Reconsideration.Domain;
using Fazhi.Web.Modules.Reconsideration.Features;
using Fazhi.Web.Modules.Reconsideration.Features.CaseFile;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Reconsideration.Pages;

/// <summary>The case page's 案卷 panels (issue 15 §3/§4): 文书 with 签发 and 作废, 文书要素, 听证, 送达, 归档/公开/抄告.</summary>
public sealed partial class CaseModel
{
    public WritingRequest Writing { get; private set; } = new(null, null, null, null, null, null, null, null, null);
    public CaseHearing? Hearing { get; private set; }
    public List<ServiceDto> Services { get; private set; } = [];
    public ArchiveDto? Archive { get; private set; }
    public bool CanIssue => HttpContext.RequestServices.GetRequiredService<ICurrentUser>().Can(ReconPermissions.DocumentIssue);
    public bool Archived => Archive is not null;
    /// <summary>办理权限 regardless of the archive (公开 and 抄告 are recorded after 归档).</summary>
    public bool CanHandle { get; private set; }

    /// <summary>What to show again in a refused case-file form: what was posted, else the saved value.</summary>
    public string? Shown(string key, string? saved) => Posted(key) ?? saved;

    private CaseFileService CaseFile => HttpContext.RequestServices.GetRequiredService<CaseFileService>();

    private async Task LoadCaseFileAsync(long id, CancellationToken ct)
    {
        var w = await CaseFile.WritingAsync(id, ct);
        if (w is not null)
            Writing = new WritingRequest(w.ThirdParties, w.Request, w.ApplicantStatement, w.RespondentStatement, w.ThirdPartyStatement, w.Findings, w.Reasoning, w.MediationTerms, w.Court);
        Hearing = await CaseFile.HearingAsync(id, ct);
        Services = await CaseFile.ServicesAsync(id, ct);
        Archive = await CaseFile.ArchiveOfAsync(id, ct) is { } a ? CaseFileService.ToDto(a) : null;
        CanHandle = CanEdit;
        if (Archive is not null)
            CanEdit = false;   // an archived case shows no action, upload or edit form
    }

    private async Task<IActionResult> CaseFileStepAsync(long id, Func<Task<string>> step, CancellationToken ct)
    {
        await LoadAsync(id, ct);
        if (await TryAsync(step) is { } done)
        {
            Message = done;
            return Redirect($"/reconsideration/cases/{id}");
        }
        await LoadAsync(id, ct);
        return Page();
    }

    [RequiresPermission(ReconPermissions.DocumentIssue)]
    public Task<IActionResult> OnPostIssueAsync(long id, long documentId, DateOnly? issuedOn, string? signer, CancellationToken ct) =>
        CaseFileStepAsync(id, async () =>
        {
            var d = await HttpContext.RequestServices.GetRequiredService<DocumentService>().IssueAsync(documentId, new IssueRequest(issuedOn, signer), ct);
            return $"《{d.Title}》已签发{(d.Number is null ? "" : "，文号" + d.Number)}。";
        }, ct);

    /// <summary>呈报签发 (issue 15 §6): the draft goes to the leader's 审批台; approval issues it.</summary>
    [RequiresPermission(ReconPermissions.ApprovalSubmit)]
    public Task<IActionResult> OnPostSubmitIssueAsync(long id, long documentId, DateOnly? issuedOn, string? signer, string? approvalNote, CancellationToken ct) =>
        CaseFileStepAsync(id, async () =>
        {
            await HttpContext.RequestServices.GetRequiredService<ReconApprovalService>().SubmitIssueAsync(documentId, new IssueSubmitRequest(issuedOn, signer, approvalNote), ct);
            return "已呈报签发，待领导在审批台审批；批准时签发并取文号。";
        }, ct);

    [RequiresPermission(ReconPermissions.DocumentIssue)]
    public Task<IActionResult> OnPostVoidAsync(long id, long documentId, string? reason, CancellationToken ct) =>
        CaseFileStepAsync(id, async () =>
        {
            var d = await HttpContext.RequestServices.GetRequiredService<DocumentService>().VoidAsync(documentId, new VoidRequest(reason), ct);
            return $"已作废《{d.Title}》（{d.Number}）。";
        }, ct);

    [RequiresPermission(ReconPermissions.DocumentGenerate)]
    public Task<IActionResult> OnPostReceiptAsync(long id, long documentId, CancellationToken ct) =>
        CaseFileStepAsync(id, async () =>
        {
            var d = await HttpContext.RequestServices.GetRequiredService<DocumentService>().GenerateAsync(id, DocumentKind.ServiceReceipt, ct, documentId);
            return $"已制作《{d.Title}》。";
        }, ct);

    [RequiresPermission(ReconPermissions.CaseHandle)]
    public Task<IActionResult> OnPostWritingAsync(long id, WritingRequest writing, CancellationToken ct) =>
        CaseFileStepAsync(id, async () => { await CaseFile.SaveWritingAsync(id, writing, ct); return "已保存文书要素。"; }, ct);

    [RequiresPermission(ReconPermissions.CaseHandle)]
    public Task<IActionResult> OnPostHearingAsync(long id, HearingRequest hearing, CancellationToken ct) =>
        CaseFileStepAsync(id, async () => { await CaseFile.SaveHearingAsync(id, hearing, ct); return "已保存听证信息。"; }, ct);

    [RequiresPermission(ReconPermissions.CaseHandle)]
    public Task<IActionResult> OnPostServiceAsync(long id, ServiceRequest service, CancellationToken ct) =>
        CaseFileStepAsync(id, async () => { await CaseFile.RecordServiceAsync(id, service, ct); return "已登记送达。"; }, ct);

    [RequiresPermission(ReconPermissions.CaseHandle)]
    public Task<IActionResult> OnPostArchiveAsync(long id, ArchiveRequest archive, CancellationToken ct) =>
        CaseFileStepAsync(id, async () => { var a = await CaseFile.ArchiveAsync(id, archive, ct); return $"已归档，案卷号{a.FileNumber}。"; }, ct);

    [RequiresPermission(ReconPermissions.CaseDecide)]
    public Task<IActionResult> OnPostPublishAsync(long id, DateOnly? publishOn, CancellationToken ct) =>
        CaseFileStepAsync(id, async () => { await CaseFile.PublishAsync(id, new PublishRequest(publishOn), ct); return "已公开决定书（已隐去个人信息）。"; }, ct);

    [RequiresPermission(ReconPermissions.CaseHandle)]
    public Task<IActionResult> OnPostReportAsync(long id, string? reportTo, DateOnly? reportOn, CancellationToken ct) =>
        CaseFileStepAsync(id, async () => { await CaseFile.ReportAsync(id, new ReportRequest(reportTo, reportOn), ct); return "已登记抄告。"; }, ct);
}
