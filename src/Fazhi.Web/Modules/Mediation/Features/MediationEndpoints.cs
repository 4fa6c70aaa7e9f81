using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Mediation.Features.Actions;
using Fazhi.Web.Modules.Mediation.Stats;

namespace Fazhi.Web.Modules.Mediation.Features;

public static class MediationEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapMediation(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/mediation").WithTags("人民调解");

        g.MapPost("/disputes", async (DisputeRequest request, DisputeService svc, CancellationToken ct) =>
        {
            var d = await svc.RegisterAsync(request, ct);
            return TypedResults.Created($"/api/v1/mediation/disputes/{d.Id}", await svc.ToDtoAsync(d, ct));
        }).WithSummary("登记纠纷（自动编号：每个调解委员会每年一个序列）").RequirePermission(MediationPermissions.DisputeRegister);

        g.MapGet("/disputes", ([AsParameters] DisputeFilter filter, DisputeService svc, CancellationToken ct) => svc.SearchAsync(filter, ct))
            .WithSummary("纠纷列表：q 搜索编号/当事人/情况（完整身份证号或电话精确匹配），status/category/source/committee/from/to 筛选，分页")
            .RequirePermission(MediationPermissions.DisputeView);

        g.MapGet("/disputes/export", async ([AsParameters] DisputeFilter filter, DisputeService svc, CancellationToken ct) =>
            TypedResults.File(await DisputeService.ToXlsxAsync(await svc.ExportAsync(filter, ct), ct), Xlsx, "人民调解纠纷.xlsx"))
            .WithSummary("导出纠纷列表（Excel）").RequirePermission(MediationPermissions.DisputeView);

        g.MapGet("/disputes/{id:long}", async (long id, DisputeService svc, CancellationToken ct) => await svc.ToDtoAsync(await svc.GetAsync(id, ct), ct))
            .WithSummary("纠纷详情：期限、办理过程").RequirePermission(MediationPermissions.DisputeView);

        g.MapPost("/disputes/{id:long}/actions/{action}", async (long id, string action, DisputeActionRequest? request, DisputeService svc, CancellationToken ct) =>
        {
            var a = DisputeActions.FromSegment(action) ?? throw new NotFoundException($"没有“{action}”这一操作。");
            return await svc.ToDtoAsync(await svc.ActAsync(id, a.Action, request ?? new DisputeActionRequest(), ct), ct);
        }).WithSummary(DisputeActions.ApiSummary).WithDescription(DisputeActions.ApiDescription).RequirePermission(MediationPermissions.DisputeHandle);

        g.MapGet("/disputes/{id:long}/documents", (long id, MediationDocuments docs, CancellationToken ct) => docs.ListAsync(id, ct))
            .WithSummary("纠纷的调解文书").RequirePermission(MediationPermissions.DisputeView);
        g.MapPost("/disputes/{id:long}/documents/{kind}", async (long id, string kind, MediationDocuments docs, CancellationToken ct) =>
        {
            var k = MediationDocuments.ParseKind(kind) ?? throw new NotFoundException($"没有“{kind}”这类文书。");
            var d = await docs.GenerateAsync(id, k, ct);
            return TypedResults.Created($"/api/v1/mediation/documents/{d.Id}", new MediationDocumentDto(d.Id, kind, d.Title, d.Number, ChinaTime.Format(d.CreatedAtUtc), d.CreatedBy));
        }).WithSummary("制作文书（.docx）：application, registration, session-record, agreement, confirmation-application, follow-up-record")
            .RequirePermission(MediationPermissions.DocumentGenerate);
        g.MapGet("/documents/{id:long}", async (long id, MediationDocuments docs, CancellationToken ct) =>
        {
            var d = await docs.GetAsync(id, ct);
            return TypedResults.File(d.Content, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", $"{d.Title}-{d.Number}.docx");
        }).WithSummary("下载文书").RequirePermission(MediationPermissions.DisputeView);

        g.MapGet("/committees", (MediationRegistry reg, CancellationToken ct) => reg.CommitteesAsync(ct))
            .WithSummary("人民调解委员会（村居、街镇、行业性专业性、个人品牌调解室）").RequirePermission(MediationPermissions.DisputeView);
        g.MapPost("/committees", async (CommitteeRequest request, MediationRegistry reg, CancellationToken ct) =>
            TypedResults.Created("/api/v1/mediation/committees", await reg.CreateCommitteeAsync(request, ct)))
            .WithSummary("新增调解委员会（在组织机构树上新增“调解委员会”机构）").RequirePermission(MediationPermissions.OrganisationEdit);
        g.MapGet("/mediators", (string? committee, MediationRegistry reg, CancellationToken ct) => reg.MediatorsAsync(committee, ct))
            .WithSummary("调解员名录").RequirePermission(MediationPermissions.DisputeView);
        g.MapGet("/roster", (string? committee, MediationRegistry reg, CancellationToken ct) => reg.RosterAsync(committee, ct))
            .WithSummary("选派用调解员名录：本委员会调解员及名录内调解员，附在调纠纷数（个人、所在委员会）").RequirePermission(MediationPermissions.DisputeView);
        g.MapPost("/mediators", async (MediatorRequest request, MediationRegistry reg, CancellationToken ct) =>
            TypedResults.Created("/api/v1/mediation/mediators", await reg.AddMediatorAsync(request, ct)))
            .WithSummary("新增调解员（专职/兼职、培训、列入名录）").RequirePermission(MediationPermissions.OrganisationEdit);

        g.MapGet("/screenings", (DateOnly? from, DateOnly? to, int? page, int? size, MediationRegistry reg, CancellationToken ct) => reg.ScreeningsAsync(from, to, page, size, ct))
            .WithSummary("矛盾纠纷排查记录").RequirePermission(MediationPermissions.DisputeView);
        g.MapGet("/screenings/export", async (DateOnly? from, DateOnly? to, MediationRegistry reg, CancellationToken ct) =>
            TypedResults.File(await reg.ScreeningsXlsxAsync(from, to, ct), Xlsx, "矛盾纠纷排查.xlsx"))
            .WithSummary("导出排查记录（Excel）").RequirePermission(MediationPermissions.DisputeView);
        g.MapPost("/screenings", async (ScreeningRequest request, MediationRegistry reg, CancellationToken ct) =>
            TypedResults.Created("/api/v1/mediation/screenings", await reg.AddScreeningAsync(request, ct)))
            .WithSummary("登记排查（发现、预防；无发现即零报告）").RequirePermission(MediationPermissions.ScreeningRecord);

        g.MapGet("/talk-points", (MediationRegistry reg, CancellationToken ct) => reg.TalkPointsAsync(ct))
            .WithSummary("百姓评理说事点").RequirePermission(MediationPermissions.DisputeView);
        g.MapPost("/talk-points", async (TalkPointRequest request, MediationRegistry reg, CancellationToken ct) =>
            TypedResults.Created("/api/v1/mediation/talk-points", await reg.AddTalkPointAsync(request, ct)))
            .WithSummary("新增说事点（设在村/社区）").RequirePermission(MediationPermissions.OrganisationEdit);
        g.MapPost("/talk-points/{id:long}/reports", async (long id, TalkPointReportRequest request, MediationRegistry reg, CancellationToken ct) =>
            await reg.AddTalkPointReportAsync(id, request, ct))
            .WithSummary("说事点上报信息（是否化解、是否法治宣传）").RequirePermission(MediationPermissions.ScreeningRecord);

        g.MapGet("/subsidy/rates", (SubsidyService svc, CancellationToken ct) => svc.RatesAsync(ct))
            .WithSummary("以案定补标准").RequirePermission(MediationPermissions.DisputeView);
        g.MapPost("/subsidy/rates", async (SubsidyRateRequest request, SubsidyService svc, CancellationToken ct) =>
            TypedResults.Created("/api/v1/mediation/subsidy/rates", await svc.AddRateAsync(request, ct)))
            .WithSummary("新增以案定补标准（按类别；不填类别即全部类别）").RequirePermission(MediationPermissions.SubsidyEdit);
        g.MapGet("/subsidy/payments", (DateOnly? from, DateOnly? to, SubsidyService svc, CancellationToken ct) => svc.PaymentsAsync(Period.Parse(from, to), ct))
            .WithSummary("以案定补发放清单（期间内调解成功的纠纷，按调解员）").RequirePermission(MediationPermissions.DisputeView);
        g.MapPost("/subsidy/payments/paid", (SubsidyPaidRequest request, SubsidyService svc, CancellationToken ct) => svc.MarkPaidAsync(request, ct))
            .WithSummary("以案定补清单标记已发放（期间内全部待发放的纠纷，按当时标准固定金额；已发放的不再变动）").RequirePermission(MediationPermissions.SubsidyEdit);
        g.MapGet("/subsidy/payments/export", async (DateOnly? from, DateOnly? to, SubsidyService svc, CancellationToken ct) =>
            TypedResults.File(await SubsidyService.ToXlsxAsync(await svc.PaymentsAsync(Period.Parse(from, to), ct), ct), Xlsx, "以案定补发放清单.xlsx"))
            .WithSummary("导出以案定补发放清单（Excel）").RequirePermission(MediationPermissions.DisputeView);

        g.MapPost("/import", async (IFormFile? file, string? org, bool? dryRun, Import.DisputeLedgerImporter importer, CancellationToken ct) =>
        {
            if (file is null || file.Length == 0)
                throw FazhiValidationException.For("file", "请上传台账文件（.xlsx 或 .csv）");
            await using var stream = file.OpenReadStream();
            var result = await importer.ImportAsync(stream, file.FileName, org, dryRun ?? true, ct);
            if (!result.DryRun && !result.Committed)
                throw new FazhiValidationException(result.Errors.GroupBy(e => e.Row == 0 ? "file" : $"第{e.Row}行 {e.Column}")
                    .ToDictionary(x => x.Key, x => x.Select(e => e.Message).ToArray()), $"台账有{result.Errors.Count}处错误，未导入任何数据");
            return result;
        }).DisableAntiforgery()
          .WithMetadata(new UploadLimitAttribute(Import.DisputeLedgerImporter.MaxBytes))
          .WithSummary("台账导入（.xlsx/.csv）：dryRun=true 只检查并列出每行错误；dryRun=false 全部正确才一次性导入；按委员会编号幂等；org=调解委员会机构代码")
            .RequirePermission(MediationPermissions.LedgerImport);
        g.MapGet("/import/template", async (CancellationToken ct) => TypedResults.File(await Import.DisputeLedgerImporter.TemplateAsync(ct), Xlsx, "人民调解台账模板.xlsx"))
            .WithSummary("台账模板").RequirePermission(MediationPermissions.DisputeView);

        g.MapGet("/stats", (string? org, DateOnly? from, DateOnly? to, MediationMetricSource figures) => figures.AnswerAsync(org, Period.Parse(from, to)))
            .WithSummary("人民调解统计（含下级机构），附上年同期；调解委员会另附成立以来").RequirePermission(MediationPermissions.DisputeView);
    }
}
