using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Documents;
using Fazhi.Web.Kernel.Messages;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Legality.Data;
using Fazhi.Web.Modules.Legality.Domain.Office;
using Fazhi.Web.Modules.Legality.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Fazhi.Web.Modules.Legality.Features.Office;

public sealed record NoticeRequest(DateOnly? On, string? Requirement, DateOnly? ReplyBy = null);

public sealed record NoticeDto(long Id, string Number, string IssuedOn, string ReplyBy, string TaskState, string Requirement, string CreatedBy, string Href);

/// <summary>
/// 督办通知: the office's written 督办 of a 工作要点 task that is 超期 or 即将到期 (the platform's deadline states). One
/// transaction numbers it per office and year ({prefix}依法治办督〔year〕n号), records a 督办 entry in the task's history,
/// writes the .docx (GB/T 9704 via Kernel/Documents) addressed to the 牵头单位 and keeps it with the task; the owner's
/// staff get a 站内消息. Basis: 《法治政府建设与责任落实督察工作规定》 (docs/statutes/fazhi-ducha-pufa.md, 督办 section).
/// </summary>
public sealed class SupervisionNoticeService(FazhiDb db, OfficeService office, TimerSync timers, DeadlinePolicy policy, CalendarService calendar, IMessages messages,
    IOptions<OfficeOptions> options)
{
    public const string CounterKind = "duban";

    private DateTime NowUtc => db.Clock.GetUtcNow().UtcDateTime;

    public async Task<SupervisionNotice> IssueAsync(long taskId, NoticeRequest r, CancellationToken ct)
    {
        var t = await office.GetTaskAsync(taskId, ct);
        if (t.Status == PlanTaskStatus.Done)
            throw new ConflictException($"任务“{t.Title}”已于{t.CompletedOn:yyyy-MM-dd}完成，不需督办。");
        var today = office.Today;
        var errors = new Dictionary<string, string[]>();
        var on = r.On ?? today;
        if (on > today)
            errors["on"] = ["印发日期不能晚于今天"];
        else if (on.Year < OfficeRules.MinYear)
            errors["on"] = ["日期超出范围"];
        var requirement = string.IsNullOrWhiteSpace(r.Requirement) ? null : r.Requirement.Trim();
        if (requirement is null)
            errors["requirement"] = ["请填写督办要求"];
        else if (requirement.Length > 1000)
            errors["requirement"] = ["不能超过1000个字"];
        var replyBy = r.ReplyBy ?? calendar.Current.AddWorkingDays(on, Math.Max(1, options.Value.NoticeReplyWorkingDays));
        if (replyBy <= on)
            errors["replyBy"] = [$"反馈时限应晚于印发日期{on:yyyy-MM-dd}"];
        else if (replyBy > on.AddYears(1))
            errors["replyBy"] = ["反馈时限不能晚于印发日期一年以后"];
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
        var state = IndicatorRules.NoticeState(policy.StateOf(t.DueOn, on))
            ?? throw new ConflictException($"任务“{t.Title}”完成时限为{t.DueOn:yyyy-MM-dd}，{on:yyyy-MM-dd}既未超期也未临近到期（{policy.DueSoonWorkingDays}个工作日内），" +
                "不需印发督办通知；如需提示，请使用“督办”登记督办要求。");

        await using var tx = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        var number = await NextNumberAsync(t.OfficeOrgUnitId, on.Year, ct);
        var previous = t.Supervisions;
        var entry = t.Add(PlanTaskEntryKind.Supervision, on, $"印发督办通知（{number}）：{requirement}；请于{ReviewService.ChineseDate(replyBy)}前书面反馈。", null,
            db.Actor.UserName, NowUtc);
        await timers.SyncAsync(OfficeService.TaskModule, t.Id, t.OrgUnitId, OfficeRules.TaskDeadlines(t), ct);
        await db.SaveChangesAsync(ct);
        var n = new SupervisionNotice
        {
            TaskId = t.Id, EntryId = entry.Id, OrgUnitId = t.OrgUnitId, OfficeOrgUnitId = t.OfficeOrgUnitId, Year = on.Year, Number = number, IssuedOn = on, ReplyBy = replyBy,
            TaskState = state, Requirement = requirement!, CreatedBy = db.Actor.UserName, CreatedAtUtc = NowUtc,
            Content = await DocxAsync(t, on, state, previous, requirement!, replyBy, number, ct),
        };
        db.SupervisionNotices().Add(n);
        await messages.SendToHoldersAsync(OfficeService.MessageModule, LegalityPermissions.OfficeReport, t.OrgUnitId, $"督办通知：{t.Title}",
            $"依法治区办印发督办通知（{number}）：{requirement}（完成时限{t.DueOn:yyyy-MM-dd}，请于{replyBy:yyyy-MM-dd}前书面反馈）", $"/legality/office/tasks/{t.Id}", ct);
        await db.SaveChangesAsync(ct);
        if (tx is not null)
            await tx.CommitAsync(ct);
        return n;
    }

    private async Task<string> NextNumberAsync(int officeId, int year, CancellationToken ct)
    {
        var counter = await db.LegCounters().FirstOrDefaultAsync(c => c.OrgUnitId == officeId && c.Year == year && c.Kind == CounterKind, ct);
        if (counter is null)
            db.LegCounters().Add(counter = new LegalityCounter { OrgUnitId = officeId, Year = year, Kind = CounterKind });
        counter.Last++;
        counter.Version++;
        var bureau = await db.Orgs.GetAsync(officeId, ct);
        return IndicatorRules.Number(options.Value.NoticeNumberPattern, ReviewService.ShortName(bureau.Name), year, counter.Last);
    }

    /// <summary>The notice: to the 牵头单位; the task, its deadline and state on the day, the requirement and the reply date.</summary>
    private async Task<byte[]> DocxAsync(PlanTask t, DateOnly on, string state, int previous, string requirement, DateOnly replyBy, string number, CancellationToken ct)
    {
        var owner = await db.Orgs.GetAsync(t.OrgUnitId, ct);
        var bureau = await db.Orgs.GetAsync(t.OfficeOrgUnitId, ct);
        var district = bureau.ParentId is { } p ? await db.Orgs.GetAsync(p, ct) : bureau;
        var issuer = string.IsNullOrWhiteSpace(options.Value.NoticeIssuer) ? $"中共{district.Name}委全面依法治区委员会办公室" : options.Value.NoticeIssuer.Trim();
        static string Date(DateOnly d) => ReviewService.ChineseDate(d);
        var source = t.MeetingDecisionId is null ? $"{t.Year}年度全面依法治区工作要点第{t.Seq}项任务" : $"{t.Year}年度依法治区会议议定事项（工作要点第{t.Seq}项任务）";
        var paragraphs = new List<string>
        {
            $"{source}“{t.Title}”由你单位牵头落实，完成时限为{Date(t.DueOn)}。",
            state == "超期"
                ? $"截至{Date(on)}，该任务已超过完成时限{on.DayNumber - t.DueOn.DayNumber}日，尚未报告完成，报告的完成进度为{t.Progress}%。"
                : $"截至{Date(on)}，距该任务完成时限仅余{calendar.Current.WorkingDaysBetween(on, t.DueOn)}个工作日，报告的完成进度为{t.Progress}%，存在不能按期完成的风险。",
        };
        if (previous > 0)
            paragraphs[^1] += $"此前已督办{previous}次。";
        paragraphs.Add("根据《法治政府建设与责任落实督察工作规定》和全面依法治区委员会工作要点的督办要求，现对该任务予以督办，请你单位：");
        paragraphs.Add("一、" + requirement + ("。；！？".Contains(requirement[^1], StringComparison.Ordinal) ? "" : "。"));
        paragraphs.Add($"二、于{Date(replyBy)}前将任务推进情况、未能按期完成的原因、下一步措施及完成时间书面报送依法治区办。");
        paragraphs.Add("三、督办落实情况纳入法治建设考核。");
        return OfficialDocument.Write(new OfficialDocument.Content("督办通知", number, owner.NameForDocuments, paragraphs, issuer, Date(on)));
    }

    public async Task<List<NoticeDto>> ListAsync(long taskId, CancellationToken ct) =>
        [.. (await db.SupervisionNotices().AsNoTracking().Where(n => n.TaskId == taskId).OrderBy(n => n.Id)
                .Select(n => new { n.Id, n.Number, n.IssuedOn, n.ReplyBy, n.TaskState, n.Requirement, n.CreatedBy }).ToListAsync(ct))
            .Select(n => new NoticeDto(n.Id, n.Number, HolidayFile.Iso(n.IssuedOn), HolidayFile.Iso(n.ReplyBy), n.TaskState, n.Requirement, n.CreatedBy,
                $"/api/v1/legality/office/tasks/{taskId}/notices/{n.Id}"))];

    public async Task<SupervisionNotice> GetAsync(long taskId, long id, CancellationToken ct) =>
        await db.SupervisionNotices().AsNoTracking().FirstOrDefaultAsync(n => n.TaskId == taskId && n.Id == id, ct)
        ?? throw new NotFoundException($"督办通知（编号{id}）不存在或不在您的数据权限范围内。");
}

public static class SupervisionNoticeEndpoints
{
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static void MapSupervisionNotices(this RouteGroupBuilder g)
    {
        g.MapPost("/tasks/{id:long}/notices", async (long id, NoticeRequest r, SupervisionNoticeService svc, CancellationToken ct) =>
        {
            var n = await svc.IssueAsync(id, r, ct);
            return TypedResults.Created($"/api/v1/legality/office/tasks/{id}/notices/{n.Id}", (await svc.ListAsync(id, ct)).First(x => x.Id == n.Id));
        }).WithSummary("印发督办通知（超期或即将到期的任务；按年编号，生成 .docx，记入任务督办记录，站内消息通知牵头单位）").RequirePermission(LegalityPermissions.OfficeManage);
        g.MapGet("/tasks/{id:long}/notices", (long id, SupervisionNoticeService svc, CancellationToken ct) => svc.ListAsync(id, ct))
            .WithSummary("任务的督办通知").RequirePermission(LegalityPermissions.OfficeView);
        g.MapGet("/tasks/{id:long}/notices/{noticeId:long}", async (long id, long noticeId, SupervisionNoticeService svc, CancellationToken ct) =>
        {
            var n = await svc.GetAsync(id, noticeId, ct);
            return TypedResults.File(n.Content, Docx, $"督办通知-{n.Number}.docx");
        }).WithSummary("下载督办通知（.docx）").RequirePermission(LegalityPermissions.OfficeView);
    }
}
