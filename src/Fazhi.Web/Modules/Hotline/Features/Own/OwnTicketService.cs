using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Metrics;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Hotline.Data;
using Fazhi.Web.Modules.Hotline.Domain;
using Fazhi.Web.Modules.Hotline.Rules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Fazhi.Web.Modules.Hotline.Features.Own;

/// <summary>回复推送: where the bureau's replies to its own tickets go back to the centre (empty: not pushed).</summary>
public sealed class ReplyPushOptions
{
    public string? Url { get; set; }

    public int Attempts { get; set; } = 3;

    public int RetryDelayMilliseconds { get; set; } = 500;
}

public sealed record OwnTicketView(long Id, string TicketNo, string Unit, string ReceivedOn, string Status, string StatusName, string SignBy, string HandleBy,
    string ReplyBy, string? RevisitBy, string? SignedOn, string? HandledOn, string? RepliedOn, string? RevisitedOn, string? RevisitResult, int ExtensionWorkingDays,
    string? ExtensionReason, string? ReturnReason, bool Overdue, string Explanation, string? Text, bool? ReplyPushed, int ReplyPushAttempts = 0,
    string? ReplyPushedAt = null, string? ReplyPushError = null);

public sealed record OwnActionRequest(DateOnly? On, string? Reply, string? Result, int? WorkingDays, string? Reason);

/// <summary>本局工单办理: 签收, 办理, 回复 (pushed back to the centre), 回访, 延期 and 退单, with deadlines on the
/// working-day calendar (Rules/OwnTicketDeadlines).</summary>
public sealed class OwnTicketService(FazhiDb db, CalendarService calendar, IOptions<OwnTicketOptions> options, IOptions<ReplyPushOptions> push,
    IHttpClientFactory http, TimeProvider clock, ILogger<OwnTicketService> log)
{
    public OwnDeadlines Deadlines(OwnTicket t) =>
        OwnTicketDeadlines.Compute(t.ReceivedOn, t.RepliedOn, t.ExtensionWorkingDays, options.Value, (d, n) => calendar.Current.AddWorkingDays(d, n));

    public async Task<List<OwnTicketView>> ListAsync(CancellationToken ct)
    {
        var rows = await db.OwnTickets().AsNoTracking().OrderByDescending(t => t.Id).Take(500).ToListAsync(ct);
        return await ViewsAsync(rows, ct);
    }

    private async Task<List<OwnTicketView>> ViewsAsync(List<OwnTicket> rows, CancellationToken ct)
    {
        var units = await db.OrgUnits.WholeOrgTree().AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var numbers = rows.Select(r => r.TicketNo).ToList();
        var texts = await db.HotlineTickets().ForJointWork().AsNoTracking().Where(t => numbers.Contains(t.TicketNo)).ToDictionaryAsync(t => t.TicketNo, t => t.Text, ct);
        var today = Dates.Today(clock);
        return [.. rows.Select(t =>
        {
            var d = Deadlines(t);
            var (due, done, step) = t.Status switch
            {
                OwnTicketStatus.Received => (d.SignBy, (DateOnly?)null, "签收"),
                OwnTicketStatus.Claimed => (d.HandleBy, null, "办理"),
                OwnTicketStatus.Handled => (d.ReplyBy, null, "回复"),
                OwnTicketStatus.Replied => (d.RevisitBy ?? d.ReplyBy, null, "回访"),
                _ => (today, today, ""),
            };
            var overdue = done is null && today > due;
            var o = options.Value;
            var explanation = $"签收{o.SignWorkingDays}个工作日、办理{o.HandleWorkingDays}个工作日（潍坊条例第二十条）、回复{o.ReplyWorkingDays}个工作日（济南条例第二十四条）、回访{o.RevisitWorkingDays}个工作日，" +
                              $"均自受理次日按工作日计{(t.ExtensionWorkingDays > 0 ? $"，已延期{t.ExtensionWorkingDays}个工作日" : "")}" + (step.Length > 0 ? $"；当前环节“{step}”期限{Dates.Iso(due)}" : "");
            return new OwnTicketView(t.Id, t.TicketNo, units.GetValueOrDefault(t.OrgUnitId, ""), Dates.Iso(t.ReceivedOn), t.Status.ToString(), OwnTicket.Name(t.Status),
                Dates.Iso(d.SignBy), Dates.Iso(d.HandleBy), Dates.Iso(d.ReplyBy), d.RevisitBy is { } rv ? Dates.Iso(rv) : null, Iso(t.SignedOn), Iso(t.HandledOn),
                Iso(t.RepliedOn), Iso(t.RevisitedOn), t.RevisitResult, t.ExtensionWorkingDays, t.ExtensionReason, t.ReturnReason, overdue, explanation,
                texts.GetValueOrDefault(t.TicketNo), t.ReplyPushAttempts == 0 ? null : t.ReplyPushedAtUtc is not null, t.ReplyPushAttempts,
                t.ReplyPushedAtUtc is { } p ? ChinaTime.Format(p) : null, t.ReplyPushError);
        })];
    }

    private static string? Iso(DateOnly? d) => d is { } v ? Dates.Iso(v) : null;

    public async Task<OwnTicketView> ActAsync(long id, string action, OwnActionRequest r, CancellationToken ct)
    {
        var t = await db.OwnTickets().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException($"本局工单{id}不存在或不在您的数据权限范围内。");
        var today = Dates.Today(clock);
        var on = r.On ?? today;
        if (on > today)
            throw FazhiValidationException.For("on", "日期不能晚于今天");
        string Text(string? v, string field, string label, int max) =>
            string.IsNullOrWhiteSpace(v) ? throw FazhiValidationException.For(field, $"{label}不能为空")
            : v.Trim().Length > max ? throw FazhiValidationException.For(field, $"{label}最长{max}字") : v.Trim();
        switch (action)
        {
            case "sign": t.Sign(on); break;
            case "handle": t.Handle(on); break;
            case "reply": t.ReplyWith(Text(r.Reply, "reply", "回复内容", TicketLimits.TextLength), on); break;
            case "revisit":
                var result = Text(r.Result, "result", "回访结果", 16);
                if (result is not ("满意" or "基本满意" or "不满意"))
                    throw FazhiValidationException.For("result", "回访结果应为满意、基本满意、不满意之一");
                t.Revisit(result, on);
                break;
            case "extend": t.Extend(r.WorkingDays ?? 0, Text(r.Reason, "reason", "延期理由", 400), options.Value.MaxExtensionWorkingDays); break;
            case "return":
                var reason = Text(r.Reason, "reason", "退单理由", 400);
                // 潍坊条例 第二十二条: a unit designated after a responsibility dispute may not return the matter.
                if (await db.Consultations().ForJointWork().AnyAsync(c => c.ResponsibleCode != null && c.TicketNos.Contains(t.TicketNo), ct))
                    throw new ConflictException("该工单所涉事项已经会商明确由本单位负责，不得退单（潍坊市12345热线条例第二十二条）。");
                t.Return(reason, on);
                break;
            default:
                throw new NotFoundException($"没有“{action}”这一办理环节。");
        }
        await db.SaveChangesAsync(ct);
        if (action == "reply" && await PushReplyAsync(t, ct))
            await db.SaveChangesAsync(ct); // the push's outcome (attempts, time or last error) is kept on the ticket
        return (await ViewsAsync([t], ct))[0];
    }

    /// <summary>Sends the reply to the centre (<c>Hotline:ReplyPush:Url</c>), up to <c>Attempts</c> times with a growing
    /// pause; a failure leaves the reply saved (the centre can also read it from its own ticket) and is logged. The
    /// outcome is recorded on the ticket: attempts made, when accepted, or the last error. False when no URL is configured.</summary>
    private async Task<bool> PushReplyAsync(OwnTicket t, CancellationToken ct)
    {
        var o = push.Value;
        if (string.IsNullOrWhiteSpace(o.Url))
            return false;
        var client = http.CreateClient("hotline-reply");
        var attempts = Math.Max(1, o.Attempts);
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            t.ReplyPushAttempts++;
            try
            {
                using var response = await client.PostAsJsonAsync(o.Url, new { ticketNo = t.TicketNo, reply = t.Reply, repliedOn = Iso(t.RepliedOn) }, ct);
                if (response.IsSuccessStatusCode)
                {
                    (t.ReplyPushedAtUtc, t.ReplyPushError) = (clock.GetUtcNow().UtcDateTime, null);
                    return true;
                }
                t.ReplyPushError = $"热线中心返回 HTTP {(int)response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
            {
                t.ReplyPushError = "无法连接热线中心：" + (e.Message.Length > 150 ? e.Message[..150] : e.Message);
                log.LogWarning(e, "Reply push for ticket {TicketNo} failed (attempt {Attempt})", t.TicketNo, attempt);
            }
            if (attempt < attempts)
                await Task.Delay(TimeSpan.FromMilliseconds(o.RetryDelayMilliseconds * attempt), clock, ct);
        }
        log.LogWarning("Reply push for ticket {TicketNo} gave up after {Attempts} attempts: {Error}", t.TicketNo, attempts, t.ReplyPushError);
        return true;
    }
}

public static class OwnTicketEndpoints
{
    public static void MapOwnTickets(this RouteGroupBuilder g)
    {
        g.MapGet("/own", (OwnTicketService svc, CancellationToken ct) => svc.ListAsync(ct))
            .WithSummary("本局（司法局、司法所）工单及各环节期限")
            .RequirePermission(HotlinePermissions.OwnView);
        g.MapPost("/own/{id:long}/{action}", (long id, string action, OwnActionRequest request, OwnTicketService svc, CancellationToken ct) => svc.ActAsync(id, action, request, ct))
            .WithSummary("本局工单办理：action = sign 签收 | handle 办理完毕 | reply 回复（推送热线中心）| revisit 回访 | extend 延期（workingDays, reason）| return 退单（reason）")
            .RequirePermission(HotlinePermissions.OwnHandle);
    }
}
