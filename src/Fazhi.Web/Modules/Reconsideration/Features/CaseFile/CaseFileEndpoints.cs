using Fazhi.Web.Kernel.Access;

namespace Fazhi.Web.Modules.Reconsideration.Features.CaseFile;

/// <summary>签发/作废 of documents and the case file (文书要素, 听证, 送达, 归档, 公开, 抄告): issue 15 §3/§4.</summary>
public static class CaseFileEndpoints
{
    public static void MapReconCaseFile(this RouteGroupBuilder g)
    {
        g.MapPost("/documents/{id:long}/issue", async (long id, IssueRequest? request, DocumentService docs, CancellationToken ct) =>
            DocumentService.ToDto(await docs.IssueAsync(id, request ?? new IssueRequest(), ct)))
            .WithSummary("签发：取文号（按机构、年度、文书种类编号）并确定成文日期；草稿中尚有“（请填写…）”的不予签发")
            .RequirePermission(ReconPermissions.DocumentIssue);
        g.MapPost("/documents/{id:long}/void", async (long id, VoidRequest? request, DocumentService docs, CancellationToken ct) =>
            DocumentService.ToDto(await docs.VoidAsync(id, request ?? new VoidRequest(null), ct)))
            .WithSummary("作废已签发文书的文号（须写明理由；文号保留并标记作废，不再使用）")
            .RequirePermission(ReconPermissions.DocumentIssue);

        g.MapGet("/cases/{id:long}/writing", async (long id, CaseFileService svc, CancellationToken ct) => await svc.WritingAsync(id, ct) is { } w
                ? new WritingRequest(w.ThirdParties, w.Request, w.ApplicantStatement, w.RespondentStatement, w.ThirdPartyStatement, w.Findings, w.Reasoning, w.MediationTerms, w.Court)
                : new WritingRequest(null, null, null, null, null, null, null, null, null))
            .WithSummary("文书要素（第三人、复议请求、双方意见、查明事实、理由、调解协议、管辖法院）")
            .RequirePermission(ReconPermissions.CaseView);
        g.MapPut("/cases/{id:long}/writing", async (long id, WritingRequest request, CaseFileService svc, CancellationToken ct) =>
        {
            var w = await svc.SaveWritingAsync(id, request, ct);
            return new WritingRequest(w.ThirdParties, w.Request, w.ApplicantStatement, w.RespondentStatement, w.ThirdPartyStatement, w.Findings, w.Reasoning, w.MediationTerms, w.Court);
        }).WithSummary("保存文书要素").RequirePermission(ReconPermissions.CaseHandle);

        g.MapGet("/cases/{id:long}/hearing", async (long id, CaseFileService svc, CancellationToken ct) =>
            await svc.HearingAsync(id, ct) is { } h ? Results.Ok(ToDto(h)) : Results.NoContent())
            .WithSummary("听证的组织（主持人、听证员、记录员）与笔录").RequirePermission(ReconPermissions.CaseView);
        g.MapPut("/cases/{id:long}/hearing", async (long id, HearingRequest request, CaseFileService svc, CancellationToken ct) =>
            ToDto(await svc.SaveHearingAsync(id, request, ct)))
            .WithSummary("登记听证：一名主持人、两名以上听证员、一名记录员（第五十条第三款），听证笔录").RequirePermission(ReconPermissions.CaseHandle);

        g.MapGet("/cases/{id:long}/services", (long id, CaseFileService svc, CancellationToken ct) => svc.ServicesAsync(id, ct))
            .WithSummary("送达记录").RequirePermission(ReconPermissions.CaseView);
        g.MapPost("/cases/{id:long}/services", async (long id, ServiceRequest request, CaseFileService svc, CancellationToken ct) =>
        {
            var s = await svc.RecordServiceAsync(id, request, ct);
            return TypedResults.Created($"/api/v1/reconsideration/cases/{id}/services", (await svc.ServicesAsync(id, ct)).Single(x => x.Id == s.Id));
        }).WithSummary("登记送达（直接、邮寄须填邮件号、电子须经同意、公告）：送达日期开始计算法律自送达起算的期限，如被申请人收到答复通知书之日起十日答复期")
            .RequirePermission(ReconPermissions.CaseHandle);

        g.MapGet("/cases/{id:long}/archive", async (long id, CaseFileService svc, CancellationToken ct) =>
            await svc.ArchiveOfAsync(id, ct) is { } a ? Results.Ok(CaseFileService.ToDto(a)) : Results.NoContent())
            .WithSummary("归档信息").RequirePermission(ReconPermissions.CaseView);
        g.MapPost("/cases/{id:long}/archive", async (long id, ArchiveRequest? request, CaseFileService svc, CancellationToken ct) =>
            CaseFileService.ToDto(await svc.ArchiveAsync(id, request ?? new ArchiveRequest(null, null, null), ct)))
            .WithSummary("归档：编案卷号、定保管期限、生成卷内目录；归档后案件不能再修改").RequirePermission(ReconPermissions.CaseHandle);
        g.MapPost("/cases/{id:long}/publish", async (long id, PublishRequest? request, CaseFileService svc, CancellationToken ct) =>
            CaseFileService.ToDto(await svc.PublishAsync(id, request ?? new PublishRequest(null), ct)))
            .WithSummary("公开决定书（第七十九条第一款，隐去个人信息）").RequirePermission(ReconPermissions.CaseDecide);
        g.MapPost("/cases/{id:long}/report", async (long id, ReportRequest request, CaseFileService svc, CancellationToken ct) =>
            CaseFileService.ToDto(await svc.ReportAsync(id, request, ct)))
            .WithSummary("登记抄告被申请人的上一级主管部门（第七十九条第二款）").RequirePermission(ReconPermissions.CaseHandle);
        g.MapGet("/published", (int? take, CaseFileService svc, CancellationToken ct) => svc.PublishedAsync(take ?? 50, ct))
            .WithSummary("已公开的行政复议决定书（已隐去个人信息）").RequirePermission(ReconPermissions.CaseView);
    }

    public sealed record HearingDto(string NoticeOn, string HearingOn, string StartsAt, string Place, string Matters, string Host, string Panelists,
        string Clerk, string? Attendees, string? Record);

    private static HearingDto ToDto(Domain.CaseHearing h) => new(h.NoticeOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        h.HearingOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), h.StartsAt, h.Place, h.Matters, h.Host, h.Panelists, h.Clerk, h.Attendees, h.Record);
}
