using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Web;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Fazhi.Web.Kernel.Access.SignIn;

/// <summary>登录日志 search: a period (北京时间 days), the name as typed (part of it), the outcome (成功/失败/拒绝/解锁 or the
/// code) and the address (part of it).</summary>
public sealed record LoginLogFilter(DateOnly? From = null, DateOnly? To = null, string? User = null, string? Outcome = null,
    string? Address = null, int Page = 1, int PageSize = 20);

public sealed record LoginLogView(long Id, string Time, string UserName, string? Address, string? UserAgent, string Channel,
    LoginOutcome Outcome, string OutcomeName, string Reason);

/// <summary>登录日志 (RuoYi): every sign-in attempt. A unit's administrator sees the attempts on the accounts of their
/// scope; attempts on names that are no account only the platform scope sees.</summary>
public sealed class LoginLogService(FazhiDb db)
{
    public const int MaxExportRows = 100_000;

    public static string OutcomeName(LoginOutcome o) => o switch
    {
        LoginOutcome.Succeeded => "成功",
        LoginOutcome.Failed => "失败",
        LoginOutcome.Refused => "拒绝",
        _ => "解锁",
    };

    public static IReadOnlyList<LoginOutcome> Outcomes { get; } = Enum.GetValues<LoginOutcome>();

    private IQueryable<LoginLogEntry> Filtered(LoginLogFilter f)
    {
        var q = db.Set<LoginLogEntry>().AsNoTracking();
        if (!db.Actor.Scope.IsAll)
            q = q.Where(l => l.UserId != null && db.VisibleUsers().Any(u => u.Id == l.UserId));
        if (f.From is { } from)
        {
            var start = ChinaTime.StartOfDayUtc(from);
            q = q.Where(l => l.AtUtc >= start);
        }
        if (f.To is { } to)
        {
            var end = ChinaTime.StartOfDayUtc(to.AddDays(1));
            q = q.Where(l => l.AtUtc < end);
        }
        if (!string.IsNullOrWhiteSpace(f.User))
        {
            var key = SignInGuard.KeyOf(f.User);
            q = q.Where(l => l.UserKey.Contains(key));
        }
        if (!string.IsNullOrWhiteSpace(f.Outcome))
        {
            var v = f.Outcome.Trim();
            LoginOutcome? outcome = Outcomes.Where(o => OutcomeName(o) == v || string.Equals(o.ToString(), v, StringComparison.OrdinalIgnoreCase))
                .Select(o => (LoginOutcome?)o).FirstOrDefault();
            if (outcome is null)
                throw FazhiValidationException.For("outcome", $"登录结果“{v}”不存在，可选：{string.Join("、", Outcomes.Select(OutcomeName))}");
            q = q.Where(l => l.Outcome == outcome);
        }
        if (!string.IsNullOrWhiteSpace(f.Address))
        {
            var a = f.Address.Trim();
            q = q.Where(l => l.Address != null && l.Address.Contains(a));
        }
        return q;
    }

    private static IQueryable<LoginLogEntry> Ordered(IQueryable<LoginLogEntry> q) => q.OrderByDescending(l => l.Id);

    private static LoginLogView View(LoginLogEntry l) => new(l.Id, ChinaTime.Format(l.AtUtc), l.UserName, l.Address, l.UserAgent, l.Channel,
        l.Outcome, OutcomeName(l.Outcome), l.Reason);

    public async Task<Page<LoginLogView>> SearchAsync(LoginLogFilter f, CancellationToken ct)
    {
        var paging = Paging.Of(f.Page, f.PageSize);
        var q = Filtered(f);
        var total = await q.CountAsync(ct);
        var rows = await Ordered(q).Skip(paging.Skip).Take(paging.Size).ToListAsync(ct);
        return new Page<LoginLogView>([.. rows.Select(View)], total, paging.Number, paging.Size);
    }

    public async Task<byte[]> ExportAsync(LoginLogFilter f, CancellationToken ct)
    {
        var rows = await Ordered(Filtered(f)).Take(MaxExportRows).ToListAsync(ct);
        var sheet = rows.Select(View).Select(r => new Dictionary<string, object?>
        {
            ["访问编号"] = r.Id,
            ["登录时间（北京时间）"] = r.Time,
            ["用户名"] = r.UserName,
            ["登录地址"] = r.Address,
            ["浏览器/客户端"] = r.UserAgent,
            ["登录方式"] = r.Channel,
            ["登录结果"] = r.OutcomeName,
            ["原因"] = r.Reason,
        });
        using var stream = new MemoryStream();
        await stream.SaveAsAsync(sheet, sheetName: "登录日志", cancellationToken: ct);
        return stream.ToArray();
    }
}
