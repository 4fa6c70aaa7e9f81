using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Messages;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Data;
using Fazhi.Web.Modules.Legality.Domain.Office;
using Fazhi.Web.Modules.Legality.Rules;
using Fazhi.Web.Modules.Legality.Stats;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Legality.Features.Office;

public sealed record CollectRequest(int? Year, string? OfficeCode = null);

public sealed record IndicatorUpdate(string? Name, decimal? MaxScore, string? Evidence, bool? Active, string? AppliesTo = null);

public static class OfficeRegistration
{
    public static IServiceCollection AddLegalityOffice(this IServiceCollection services, IConfiguration config)
    {
        services.Configure<OfficeOptions>(config.GetSection("Legality:Office"));
        services.AddScoped<OfficeService>().AddScoped<OfficeQueries>().AddScoped<OfficeStats>().AddScoped<SupervisionNoticeService>().AddScoped<OfficeExports>();
        services.AddScoped<ITimerExpiryHandler, TaskTimerHandler>();
        services.AddScoped<ITimerExpiryHandler, RectificationTimerHandler>();
        services.AddScoped<Kernel.Attachments.IAttachmentOwner, ScoreAttachments>();
        services.AddSingleton<Kernel.Audit.IAuditVocabulary, OfficeAuditVocabulary>();
        services.AddScoped<IDemoDataSource, OfficeDemoData>();
        return services;
    }
}

/// <summary>工作要点任务到期未完成: a 站内消息 to the owner's staff and to the office.</summary>
internal sealed class TaskTimerHandler(FazhiDb db, IMessages messages) : ITimerExpiryHandler
{
    public string Module => OfficeService.TaskModule;

    public async Task OnExpiredAsync(WorkTimer timer, CancellationToken ct)
    {
        var t = await db.PlanTasks().ForSystemJob().AsNoTracking().FirstOrDefaultAsync(x => x.Id == timer.OwnerId, ct);
        if (t is not { Status: PlanTaskStatus.Open })
            return;
        var title = $"工作要点任务超期：{t.Title}";
        var body = $"该任务完成时限为{t.DueOn:yyyy-MM-dd}，至今未报告完成，已列入超期督办清单。";
        await messages.SendToHoldersAsync(OfficeService.MessageModule, LegalityPermissions.OfficeReport, t.OrgUnitId, title, body, $"/legality/office/tasks/{t.Id}", ct);
        await messages.SendToHoldersAsync(OfficeService.MessageModule, LegalityPermissions.OfficeManage, t.OfficeOrgUnitId, title, body, $"/legality/office/tasks/{t.Id}", ct);
    }
}

/// <summary>督察整改事项到期未完成: a 站内消息 to the inspected unit and to the office.</summary>
internal sealed class RectificationTimerHandler(FazhiDb db, IMessages messages) : ITimerExpiryHandler
{
    public string Module => OfficeService.InspectionModule;

    public async Task OnExpiredAsync(WorkTimer timer, CancellationToken ct)
    {
        var i = await db.Inspections().ForSystemJob().AsNoTracking().Include(x => x.Items).FirstOrDefaultAsync(x => x.Id == timer.OwnerId, ct);
        var item = i?.Items.FirstOrDefault(x => OfficeRules.RectificationDue + x.Seq == timer.Kind);
        if (i is null || item is not { DoneOn: null })
            return;
        var title = $"督察整改超期：{i.Title}第{item.Seq}项";
        var body = $"整改事项“{item.Text}”的整改时限为{item.DueOn:yyyy-MM-dd}，至今未报告完成。";
        await messages.SendToHoldersAsync(OfficeService.MessageModule, LegalityPermissions.OfficeReport, i.OrgUnitId, title, body, $"/legality/office/inspections?q={Uri.EscapeDataString(i.Title)}", ct);
        await messages.SendToHoldersAsync(OfficeService.MessageModule, LegalityPermissions.OfficeManage, i.OfficeOrgUnitId, title, body, $"/legality/office/inspections?q={Uri.EscapeDataString(i.Title)}", ct);
    }
}

public static class OfficeEndpoints
{
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static void MapLegalityOffice(this RouteGroupBuilder api)
    {
        var g = api.MapGroup("/legality/office").WithTags("依法治区");

        // 工作要点
        g.MapPost("/tasks", async (TaskRequest r, OfficeService svc, OfficeQueries q, CancellationToken ct) =>
        {
            var t = await svc.CreateTaskAsync(r, ct);
            return TypedResults.Created($"/api/v1/legality/office/tasks/{t.Id}", await q.TaskDtoAsync(t, ct));
        }).WithSummary("下达工作要点任务（牵头单位 ownerCode、完成时限 dueOn；到期未完成时发站内消息）").RequirePermission(LegalityPermissions.OfficeManage);
        g.MapGet("/tasks", ([AsParameters] TaskFilter f, OfficeQueries q, CancellationToken ct) => q.TasksAsync(f, ct))
            .WithSummary("工作要点任务：q 搜索，status=open|done|overdue|supervised，owner 单位代码，year，分页").RequirePermission(LegalityPermissions.OfficeView);
        g.MapGet("/tasks/export", async ([AsParameters] TaskFilter f, OfficeQueries q, CancellationToken ct) =>
                TypedResults.File(OfficeQueries.TasksXlsx(await q.TasksExportAsync(f, ct)), Xlsx, "工作要点任务.xlsx"))
            .WithSummary("导出工作要点任务（Excel）").RequirePermission(LegalityPermissions.OfficeView);
        g.MapGet("/tasks/{id:long}", async (long id, OfficeService svc, OfficeQueries q, CancellationToken ct) => await q.TaskDtoAsync(await svc.GetTaskAsync(id, ct), ct))
            .WithSummary("工作要点任务详情：进展、督办、办结记录").RequirePermission(LegalityPermissions.OfficeView);
        g.MapPost("/tasks/{id:long}/reports", async (long id, TaskEntryRequest r, OfficeService svc, OfficeQueries q, CancellationToken ct) =>
                await q.TaskDtoAsync(await svc.TaskEntryAsync(id, PlanTaskEntryKind.Report, r, ct), ct))
            .WithSummary("报告任务进展（牵头单位；progress 0–100）").RequirePermission(LegalityPermissions.OfficeReport);
        g.MapPost("/tasks/{id:long}/complete", async (long id, TaskEntryRequest r, OfficeService svc, OfficeQueries q, CancellationToken ct) =>
                await q.TaskDtoAsync(await svc.TaskEntryAsync(id, PlanTaskEntryKind.Completion, r, ct), ct))
            .WithSummary("报告任务完成（期限计时器随之完成）").RequirePermission(LegalityPermissions.OfficeReport);
        g.MapPost("/tasks/{id:long}/supervise", async (long id, TaskEntryRequest r, OfficeService svc, OfficeQueries q, CancellationToken ct) =>
                await q.TaskDtoAsync(await svc.TaskEntryAsync(id, PlanTaskEntryKind.Supervision, r, ct), ct))
            .WithSummary("督办（向牵头单位发督办通知）").RequirePermission(LegalityPermissions.OfficeManage);
        g.MapSupervisionNotices();

        // 考核
        g.MapGet("/indicators", (int? year, OfficeService svc, CancellationToken ct) => svc.IndicatorsAsync(year ?? svc.Today.Year, ct))
            .WithSummary("考核指标体系（年度）").RequirePermission(LegalityPermissions.OfficeView);
        g.MapPost("/indicators", async (IndicatorRequest r, OfficeService svc, CancellationToken ct) =>
        {
            var i = await svc.AddIndicatorAsync(r, ct);
            return TypedResults.Created($"/api/v1/legality/office/indicators/{i.Id}", i);
        }).WithSummary("新增考核指标（名称、分值、佐证材料要求、适用对象 appliesTo=部门和镇街|部门|镇街；同年度不得重名，合计不超过满分）").RequirePermission(LegalityPermissions.OfficeManage);
        g.MapPut("/indicators/{id:long}", (long id, IndicatorUpdate r, OfficeService svc, CancellationToken ct) =>
                svc.UpdateIndicatorAsync(id, new IndicatorRequest(null, r.Name, r.MaxScore, r.Evidence, AppliesTo: r.AppliesTo), r.Active, ct))
            .WithSummary("修改考核指标（已用于评分的指标不能改名称、分值、适用对象，可停用后新增；active=false 停用；各单位适用指标合计不超过满分）").RequirePermission(LegalityPermissions.OfficeManage);
        g.MapPost("/scores", async (ScoreRequest r, OfficeService svc, OfficeQueries q, CancellationToken ct) =>
        {
            await svc.ScoreAsync(r, ct);
            return await q.ScoresAsync(r.OrgCode, r.Year!.Value, r.Quarter!.Value, ct);
        }).WithSummary("季度评分（一个单位、一个季度的各项得分；任一项有误则全部不保存）").RequirePermission(LegalityPermissions.OfficeManage);
        g.MapGet("/scores", (string? org, int year, int quarter, OfficeQueries q, CancellationToken ct) => q.ScoresAsync(org, year, quarter, ct))
            .WithSummary("季度得分明细（佐证材料通过 /api/v1/attachments/legality/score/{id} 上传）").RequirePermission(LegalityPermissions.OfficeView);
        g.MapGet("/ranking", (int year, int quarter, OfficeQueries q, CancellationToken ct) => q.RankingAsync(year, quarter, null, ct))
            .WithSummary("季度考核排名（含上季度得分）").RequirePermission(LegalityPermissions.OfficeView);
        g.MapGet("/ranking/export", async (int year, int quarter, OfficeQueries q, CancellationToken ct) =>
                TypedResults.File(OfficeQueries.RankingXlsx(await q.RankingAsync(year, quarter, null, ct)), Xlsx, $"法治建设考核排名-{year}年第{quarter}季度.xlsx"))
            .WithSummary("导出季度考核排名（Excel）").RequirePermission(LegalityPermissions.OfficeView);

        // 会议
        g.MapPost("/meetings", async (MeetingRequest r, OfficeService svc, CancellationToken ct) =>
        {
            var m = await svc.CreateMeetingAsync(r, ct);
            return TypedResults.Created($"/api/v1/legality/office/meetings/{m.Id}", OfficeQueries.MeetingRowOf(m));
        }).WithSummary("登记会议（类别、日期、出席人员、议程、议定事项）").RequirePermission(LegalityPermissions.OfficeManage);
        g.MapGet("/meetings", (string? q, string? kind, int? year, int? page, int? size, OfficeQueries queries, CancellationToken ct) =>
                queries.MeetingsAsync(q, kind, year, page, size, ct))
            .WithSummary("会议列表").RequirePermission(LegalityPermissions.OfficeView);
        g.MapGet("/meetings/export", async (string? q, string? kind, int? year, OfficeExports x, CancellationToken ct) =>
                TypedResults.File(await x.MeetingsAsync(q, kind, year, ct), Xlsx, "依法治区会议.xlsx"))
            .WithSummary("导出会议（Excel；与列表相同的 q、kind、year 筛选）").RequirePermission(LegalityPermissions.OfficeView);
        g.MapPost("/meetings/{id:long}/decisions/{seq:int}/task", async (long id, int seq, TaskRequest r, OfficeService svc, OfficeQueries q, CancellationToken ct) =>
        {
            var t = await svc.DecisionToTaskAsync(id, seq, r, ct);
            return TypedResults.Created($"/api/v1/legality/office/tasks/{t.Id}", await q.TaskDtoAsync(t, ct));
        }).WithSummary("议定事项列为工作要点任务").RequirePermission(LegalityPermissions.OfficeManage);

        // 督察
        g.MapPost("/inspections", async (InspectionRequest r, OfficeService svc, OfficeQueries q, CancellationToken ct) =>
        {
            var i = await svc.CreateInspectionAsync(r, ct);
            return TypedResults.Created($"/api/v1/legality/office/inspections/{i.Id}", (await q.InspectionRowsAsync([i], ct))[0]);
        }).WithSummary("登记法治督察（书面、实地；发现问题；整改事项及时限）").RequirePermission(LegalityPermissions.OfficeManage);
        g.MapGet("/inspections", (string? q, string? kind, string? state, int? page, int? size, OfficeQueries queries, CancellationToken ct) =>
                queries.InspectionsAsync(q, kind, state, page, size, ct))
            .WithSummary("法治督察列表：state=open|overdue").RequirePermission(LegalityPermissions.OfficeView);
        g.MapGet("/inspections/export", async (string? q, string? kind, string? state, OfficeExports x, CancellationToken ct) =>
                TypedResults.File(await x.InspectionsAsync(q, kind, state, ct), Xlsx, "法治督察.xlsx"))
            .WithSummary("导出法治督察（Excel；每项整改事项一行；与列表相同的筛选）").RequirePermission(LegalityPermissions.OfficeView);
        g.MapPost("/inspections/{id:long}/items/{seq:int}/done", async (long id, int seq, RectifyRequest r, OfficeService svc, OfficeQueries q, CancellationToken ct) =>
                (await q.InspectionRowsAsync([await svc.RectifyAsync(id, seq, r, ct)], ct))[0])
            .WithSummary("整改完成（被督察单位或依法治区办）").RequirePermission(LegalityPermissions.OfficeReport);

        // 述法、年度报告
        g.MapPost("/law-reports", async (LawReportRequest r, OfficeService svc, CancellationToken ct) =>
        {
            var x = await svc.AddLawReportAsync(r, ct);
            return TypedResults.Created($"/api/v1/legality/office/law-reports/{x.Id}", new { x.Id });
        }).WithSummary("登记述法（述法人、职务、场合、日期、评议）").RequirePermission(LegalityPermissions.OfficeManage);
        g.MapGet("/law-reports", (string? q, int? year, string? org, int? page, int? size, OfficeQueries queries, CancellationToken ct) => queries.LawReportsAsync(q, year, page, size, ct, org))
            .WithSummary("述法记录").RequirePermission(LegalityPermissions.OfficeView);
        g.MapGet("/law-reports/export", async (string? q, int? year, string? org, OfficeExports x, CancellationToken ct) =>
                TypedResults.File(await x.LawReportsAsync(q, year, ct, org), Xlsx, "述法记录.xlsx"))
            .WithSummary("导出述法记录（Excel；与列表相同的筛选）").RequirePermission(LegalityPermissions.OfficeView);
        g.MapPost("/annual-reports/collect", async (CollectRequest r, OfficeService svc, CancellationToken ct) => new { added = await svc.CollectReportsAsync(r.Year, r.OfficeCode, ct) })
            .WithSummary("征集年度报告：为本区每个部门、镇街建立应报告记录").RequirePermission(LegalityPermissions.OfficeManage);
        g.MapPost("/annual-reports", async (AnnualReportRequest r, OfficeService svc, OfficeQueries q, CancellationToken ct) =>
        {
            var a = await svc.RecordReportAsync(r, ct);
            return (await q.AnnualReportsAsync(a.Year, ct)).First(x => x.Id == a.Id);
        }).WithSummary("报送、公开年度报告（公开日期和网址；逾期公开的照收并标注）").RequirePermission(LegalityPermissions.OfficeReport);
        g.MapGet("/annual-reports", (int year, OfficeQueries q, CancellationToken ct) => q.AnnualReportsAsync(year, ct))
            .WithSummary("年度报告报送、公开情况").RequirePermission(LegalityPermissions.OfficeView);

        // 学法
        var s = api.MapGroup("/legality/study").WithTags("依法治区");
        s.MapPost("", async (StudyRequest r, OfficeService svc, CancellationToken ct) =>
        {
            var x = await svc.AddStudyAsync(r, ct);
            return TypedResults.Created($"/api/v1/legality/study/{x.Id}", new { x.Id });
        }).WithSummary("登记学法、考试（类别、日期、参加人数、合格人数）").RequirePermission(LegalityPermissions.OfficeManage);
        s.MapGet("", (string? q, string? kind, int? year, int? page, int? size, OfficeQueries queries, CancellationToken ct) => queries.StudyAsync(q, kind, year, page, size, ct))
            .WithSummary("学法考法记录").RequirePermission(LegalityPermissions.OfficeView);
        s.MapGet("/export", async (string? q, string? kind, int? year, OfficeQueries queries, CancellationToken ct) =>
                TypedResults.File(OfficeQueries.StudyXlsx(await queries.StudyExportAsync(q, kind, year, ct)), Xlsx, "学法考法.xlsx"))
            .WithSummary("导出学法考法记录（Excel）").RequirePermission(LegalityPermissions.OfficeView);
        s.MapGet("/cumulative", async (string? period, DateOnly? to, string? org, OfficeService svc, OfficeStats stats, FazhiDb db, CancellationToken ct) =>
        {
            var end = to ?? svc.Today;
            var pufa = (period is null ? OfficeRules.PeriodContaining(svc.Options.PufaPeriods, end) : OfficeRules.PeriodNamed(svc.Options.PufaPeriods, period))
                ?? throw FazhiValidationException.For("period", $"没有名为“{period}”的普法规划期（可选：{string.Join("、", svc.Options.PufaPeriods.Select(p => p.Name))}）");
            var unit = string.IsNullOrWhiteSpace(org) ? null : await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == org.Trim(), ct)
                ?? throw new NotFoundException($"机构“{org}”不存在或不在您的数据权限范围内。");
            var path = unit?.Path ?? (db.Actor.Scope.IsAll ? "/" : db.Actor.Scope.PathPrefix);
            return await stats.CumulativeAsync(path, pufa, end, ct);
        }).WithSummary("普法规划期起累计：学法考法场次、任前考试场次和人数、人次（period=七五|八五|九五）").RequirePermission(LegalityPermissions.OfficeView);
    }
}
