using Fazhi.Web.Modules.Enforcement.Jobs;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Fazhi.Web.Modules.Enforcement.Rules;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Enforcement.Features.Warnings;

public sealed record WarningFilter
{
    public string? Org { get; init; }
    public string? Rule { get; init; }
    /// <summary>open (default) | overdue | closed | all, or a status name (Issued, Rectifying, Rectified, Closed).</summary>
    public string? Status { get; init; }
    public string? Q { get; init; }
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

public sealed record WarningRow(long Id, string RuleCode, string RuleName, string LegalBasis, string Severity, string SeverityName, string Department,
    string Subject, long? RecordId, string Message, string RaisedOn, string DueOn, string Status, string StatusName, bool Overdue,
    string? Feedback, string? FeedbackOn, string? Rectification, string? RectifiedOn, string? ClosedOn, string? ClosedBy, string? CloseNote, bool AutoClosed,
    string? DueState = null);

public sealed record StepRequest(string? Text);

/// <summary>
/// 预警处理: 下发 (raised by the engine) → 反馈 (the department answers within the feedback period) → 整改 (it reports
/// what it fixed within the rectification period) → 销号 (the bureau closes it). The bureau may also send a report
/// back (退回整改). Each step is a change of the warning, so the audit log holds who did what and when.
/// </summary>
public sealed class WarningService(FazhiDb db, WarningEngine engine, ICurrentUser user, DeadlinePolicy deadlines)
{
    public async Task<Page<WarningRow>> SearchAsync(WarningFilter f, CancellationToken ct)
    {
        var today = engine.Today;
        var q = db.EnforcementWarnings().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Org))
        {
            var path = await db.OrgUnits.PathOfAsync(f.Org, ct);
            q = q.Where(w => db.OrgUnits.Any(o => o.Id == w.OrgUnitId && o.Path.StartsWith(path)));
        }
        if (!string.IsNullOrWhiteSpace(f.Rule)) q = q.Where(w => w.RuleCode == f.Rule.Trim());
        if (!string.IsNullOrWhiteSpace(f.Q)) q = q.Where(w => w.Subject.Contains(f.Q.Trim()) || w.Message.Contains(f.Q.Trim()));
        q = (f.Status ?? "open") switch
        {
            "open" => q.Where(w => w.Status != WarningStatus.Closed),
            "overdue" => q.Where(w => w.Status != WarningStatus.Closed && w.DueOn < today),
            "closed" => q.Where(w => w.Status == WarningStatus.Closed),
            "all" => q,
            var s when Enum.TryParse<WarningStatus>(s, true, out var status) => q.Where(w => w.Status == status),
            var s => throw FazhiValidationException.For("status", $"“{s}”不是有效的状态（open、overdue、closed、all）"),
        };
        var (page, size) = Paging.Of(f.Page, f.PageSize);
        var total = await q.CountAsync(ct);
        var rows = await (from w in q.OrderBy(w => w.Status == WarningStatus.Closed).ThenBy(w => w.DueOn).ThenBy(w => w.Id).Skip((page - 1) * size).Take(size)
                          join o in db.OrgUnits on w.OrgUnitId equals o.Id
                          select new { w, o.Name }).ToListAsync(ct);
        return new Page<WarningRow>([.. rows.Select(x => ToRow(x.w, x.Name, today, deadlines))], total, page, size);
    }

    public async Task<WarningRow> GetRowAsync(long id, CancellationToken ct)
    {
        var w = await FindAsync(id, ct);
        return await RowAsync(w, ct);
    }

    /// <summary>反馈: the department says what happened and what it will do. Starts the rectification period.</summary>
    public Task<WarningRow> FeedbackAsync(long id, StepRequest request, CancellationToken ct) =>
        StepAsync(id, request, WarningStep.Feedback, (w, text) => w.GiveFeedback(text, engine.Today, engine.RectificationDue(engine.Today)), "反馈意见", ct);

    /// <summary>整改: the department reports what it corrected.</summary>
    public Task<WarningRow> RectifyAsync(long id, StepRequest request, CancellationToken ct) =>
        StepAsync(id, request, WarningStep.Rectify, (w, text) => w.ReportRectification(text, engine.Today), "整改情况", ct);

    /// <summary>销号: the bureau accepts the rectification and closes the warning.</summary>
    public Task<WarningRow> CloseAsync(long id, StepRequest request, CancellationToken ct)
    {
        RequireSupervisor();
        return StepAsync(id, request, WarningStep.Close, (w, text) => w.Close(text, engine.Today, user.UserName), "销号意见", ct);
    }

    /// <summary>退回整改: the bureau does not accept the report; the department rectifies again.</summary>
    public Task<WarningRow> ReturnAsync(long id, StepRequest request, CancellationToken ct)
    {
        RequireSupervisor();
        return StepAsync(id, request, WarningStep.SendBack, (w, text) => w.SendBack(text, engine.Today, engine.RectificationDue(engine.Today)), "退回理由", ct);
    }

    private void RequireSupervisor()
    {
        if (!user.Can(EnforcementPermissions.WarningClose))
            throw new ForbiddenException("只有执法监督科或局领导可以销号或退回预警。");
    }

    private async Task<WarningRow> StepAsync(long id, StepRequest request, WarningStep step, Action<EnforcementWarning, string> apply, string field, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(request.Text))
            throw FazhiValidationException.For("text", $"请填写{field}");
        if (request.Text.Length > 2000)
            throw FazhiValidationException.For("text", $"{field}不能超过2000字");
        var w = await FindAsync(id, ct);
        apply(w, request.Text.Trim()); // the aggregate's transition table refuses a step from the wrong state (409)
        await db.SaveChangesAsync(ct);
        return await RowAsync(w, ct);
    }

    private async Task<EnforcementWarning> FindAsync(long id, CancellationToken ct) =>
        await db.EnforcementWarnings().FirstOrDefaultAsync(w => w.Id == id, ct) ?? throw new NotFoundException("预警不存在或不在您的数据权限范围内。");

    private async Task<WarningRow> RowAsync(EnforcementWarning w, CancellationToken ct)
    {
        var dept = (await db.Orgs.GetAsync(w.OrgUnitId, ct)).Name;
        return ToRow(w, dept, engine.Today, deadlines);
    }

    /// <summary>The row of a warning; an open one's deadline state (正常 / 即将到期 / 已逾期) by the platform's one rule.</summary>
    public static WarningRow ToRow(EnforcementWarning w, string department, DateOnly today, DeadlinePolicy deadlines)
    {
        var rule = WarningRules.ByCode(w.RuleCode);
        var state = w.Status == WarningStatus.Closed ? (DeadlineState?)null : deadlines.StateOf(w.DueOn, today);
        return new WarningRow(w.Id, w.RuleCode, rule?.Name ?? w.RuleCode, rule?.LegalBasis ?? "", w.Severity.ToString(), WarningNames.Of(w.Severity),
            department, w.Subject, w.RecordId, w.Message, Iso(w.RaisedOn), Iso(w.DueOn), w.Status.ToString(), WarningNames.Of(w.Status),
            state == DeadlineState.Overdue, w.Feedback, Iso(w.FeedbackOn), w.Rectification, Iso(w.RectifiedOn), Iso(w.ClosedOn), w.ClosedBy, w.CloseNote, w.AutoClosed,
            state?.ChineseName());
    }

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    private static string? Iso(DateOnly? d) => d is { } v ? Iso(v) : null;
}

public sealed record RuleDto(string Code, string Name, string LegalBasis, string Severity, bool TimeBased);

public static class WarningEndpoints
{
    public static void MapWarnings(this RouteGroupBuilder g)
    {
        g.MapGet("/rules", () => WarningRules.All.Select(r => new RuleDto(r.Code, r.Name, r.LegalBasis, WarningNames.Of(r.Severity), r.TimeBased)))
            .WithSummary("预警规则（编码、名称、法律依据、等级）")
            .RequirePermission(EnforcementPermissions.WarningView);
        g.MapGet("/warnings", ([AsParameters] WarningFilter filter, WarningService svc, CancellationToken ct) => svc.SearchAsync(filter, ct))
            .WithSummary("预警列表：status=open|overdue|closed|all，rule，org，q，分页")
            .RequirePermission(EnforcementPermissions.WarningView);
        g.MapGet("/warnings/{id:long}", (long id, WarningService svc, CancellationToken ct) => svc.GetRowAsync(id, ct)).WithSummary("预警详情")
            .RequirePermission(EnforcementPermissions.WarningView);
        g.MapPost("/warnings/{id:long}/feedback", (long id, StepRequest request, WarningService svc, CancellationToken ct) => svc.FeedbackAsync(id, request, ct))
            .WithSummary("部门反馈（开始整改期限）")
            .RequirePermission(EnforcementPermissions.WarningRespond);
        g.MapPost("/warnings/{id:long}/rectify", (long id, StepRequest request, WarningService svc, CancellationToken ct) => svc.RectifyAsync(id, request, ct))
            .WithSummary("部门报送整改情况")
            .RequirePermission(EnforcementPermissions.WarningRespond);
        g.MapPost("/warnings/{id:long}/close", (long id, StepRequest request, WarningService svc, CancellationToken ct) => svc.CloseAsync(id, request, ct))
            .WithSummary("销号（执法监督科）")
            .RequirePermission(EnforcementPermissions.WarningClose);
        g.MapPost("/warnings/{id:long}/return", (long id, StepRequest request, WarningService svc, CancellationToken ct) => svc.ReturnAsync(id, request, ct))
            .WithSummary("退回整改（执法监督科）")
            .RequirePermission(EnforcementPermissions.WarningClose);
        g.MapPost("/warnings:sweep", async (WarningSweep sweep, CancellationToken ct) => await sweep.RunAsync(ct))
            .RequireAuthorization(Kernel.Access.Policies.PlatformAdmin)
            .WithSummary("立即运行时间类规则（超期未结、未按期公示、执法证到期）；平时每日自动运行")
            .RequirePermission(EnforcementPermissions.WarningSweep);
    }
}
