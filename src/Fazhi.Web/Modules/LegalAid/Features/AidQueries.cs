using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Ids;
using Fazhi.Web.Kernel.Security;
using Fazhi.Web.Kernel.Timers;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.LegalAid.Data;
using Fazhi.Web.Modules.LegalAid.Domain;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.LegalAid.Features;

/// <summary>案件列表的筛选: keyword (编号、申请人、事项; a full 身份证号 or phone by its blind index), status, type, channel,
/// green channel, received between, queue (open / overdue / unassigned / green-missed), paging.</summary>
public sealed record AidFilter(string? Q = null, string? Status = null, string? Type = null, string? Channel = null, bool? Green = null,
    DateOnly? From = null, DateOnly? To = null, string? Queue = null, int Page = 1, int PageSize = 20);

public sealed record AidRow(long Id, string Number, string ApplicantName, string? ApplicantIdMasked, string CaseType, string Channel,
    string Matter, string ReceivedOn, string Status, string StatusName, string? Green, bool? SameDay, string? ProviderName,
    string? AssignedOn, string? ClosedOn, string? Result, decimal Recovered, string? NextDeadline, string? NextDeadlineTitle, string? NextDeadlineState);

public sealed class AidQueries(FazhiDb db, DeadlinePolicy deadlines)
{
    public const int MaxExport = 50_000;

    private IQueryable<AidCase> Filtered(AidFilter f, DateOnly today)
    {
        var q = db.AidCases().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var k = f.Q.Trim();
            var index = db.Fields.IndexOf(k);
            q = q.Where(c => c.Number.Contains(k) || c.ApplicantName.Contains(k) || c.Matter.Contains(k) || (c.ProviderName != null && c.ProviderName.Contains(k))
                || EF.Property<string>(c, nameof(AidCase.ApplicantIdNumber) + EncryptedAttribute.IndexSuffix) == index
                || EF.Property<string>(c, nameof(AidCase.ApplicantPhone) + EncryptedAttribute.IndexSuffix) == index);
        }
        if (AidNames.Parse<AidStatus>(f.Status, AidNames.Of) is { } status)
            q = q.Where(c => c.Status == status);
        if (AidNames.Parse<AidCaseType>(f.Type, AidNames.Of) is { } type)
            q = q.Where(c => c.CaseType == type);
        if (AidNames.Parse<AidChannel>(f.Channel, AidNames.Of) is { } channel)
            q = q.Where(c => c.Channel == channel);
        if (f.Green == true)
            q = q.Where(c => c.Green != null);
        if (f.From is { } from)
            q = q.Where(c => c.ReceivedOn >= from);
        if (f.To is { } to)
            q = q.Where(c => c.ReceivedOn <= to);
        var timers = db.WorkTimers.Where(t => t.Module == AidService.Module);
        q = f.Queue switch
        {
            "open" => q.Where(AidStateMachine.OpenCase),
            "unassigned" => q.Where(c => c.Status == AidStatus.Granted),
            "overdue" => q.Where(c => timers.Any(t => t.OwnerId == c.Id && (t.State == TimerState.Running || t.State == TimerState.Warned || t.State == TimerState.Expired) && t.DueOn < today)),
            // 绿色通道未当天办结: green-channel applications not granted and assigned on the day received.
            "green-missed" => q.Where(c => c.Green != null && !(c.DecidedOn == c.ReceivedOn && c.AssignedOn == c.ReceivedOn)),
            _ => q,
        };
        return q;
    }

    public async Task<Page<AidRow>> SearchAsync(AidFilter f, DateOnly today, CancellationToken ct)
    {
        var q = Filtered(f, today);
        var total = await q.CountAsync(ct);
        var paging = Paging.Of(f.Page, f.PageSize);
        var rows = await Rows(q.OrderByDescending(c => c.ReceivedAtUtc).ThenByDescending(c => c.Id).Skip(paging.Skip).Take(paging.Size), today, ct);
        return new Page<AidRow>(rows, total, paging.Number, paging.Size);
    }

    public async Task<List<AidRow>> ExportAsync(AidFilter f, DateOnly today, CancellationToken ct) =>
        await Rows(Filtered(f, today).OrderByDescending(c => c.ReceivedAtUtc).ThenByDescending(c => c.Id).Take(MaxExport), today, ct);

    private async Task<List<AidRow>> Rows(IQueryable<AidCase> q, DateOnly today, CancellationToken ct)
    {
        var cases = await q.ToListAsync(ct);
        var ids = cases.Select(c => c.Id).ToList();
        var next = (await db.WorkTimers.AsNoTracking()
                .Where(t => t.Module == AidService.Module && ids.Contains(t.OwnerId) && (t.State == TimerState.Running || t.State == TimerState.Warned || t.State == TimerState.Expired))
                .Select(t => new { t.OwnerId, t.DueOn, t.Title }).ToListAsync(ct))
            .GroupBy(t => t.OwnerId).ToDictionary(g => g.Key, g => g.OrderBy(t => t.DueOn).First());
        return [.. cases.Select(c =>
        {
            var n = next.GetValueOrDefault(c.Id);
            return new AidRow(c.Id, c.Number, c.ApplicantName, PersonalData.MaskIdNumber(c.ApplicantIdNumber), AidNames.Of(c.CaseType), AidNames.Of(c.Channel),
                c.Matter, Kernel.Calendar.HolidayFile.Iso(c.ReceivedOn), c.Status.ToString(), AidNames.Of(c.Status), c.Green is { } g ? AidNames.Of(g) : null,
                c.Green is null ? null : c.SameDay, c.ProviderName, Iso(c.AssignedOn), Iso(c.ClosedOn), c.Result is { } r ? AidNames.Of(r) : null,
                c.RecoveredFen / 100m, Iso(n?.DueOn), n?.Title, n is null ? null : deadlines.StateOf(n.DueOn, today).ChineseName());
        })];
    }

    private static string? Iso(DateOnly? d) => d is { } x ? Kernel.Calendar.HolidayFile.Iso(x) : null;

    public static async Task<byte[]> ToXlsxAsync(IEnumerable<AidRow> rows, CancellationToken ct)
    {
        var sheet = rows.Select(r => new Dictionary<string, object?>
        {
            ["编号"] = r.Number, ["申请人"] = r.ApplicantName, ["证件号码"] = r.ApplicantIdMasked, ["案件类别"] = r.CaseType, ["申请渠道"] = r.Channel,
            ["申请事项"] = r.Matter, ["收到日期"] = r.ReceivedOn, ["状态"] = r.StatusName, ["绿色通道"] = r.Green,
            ["当天受理指派"] = r.SameDay is null ? null : r.SameDay.Value ? "是" : "否", ["承办人员"] = r.ProviderName, ["指派日期"] = r.AssignedOn,
            ["结案日期"] = r.ClosedOn, ["结案结果"] = r.Result, ["挽回损失（元）"] = r.Recovered, ["最近期限"] = r.NextDeadline, ["期限事项"] = r.NextDeadlineTitle,
        });
        using var stream = new MemoryStream();
        await MiniExcelLibs.MiniExcel.SaveAsAsync(stream, sheet, sheetName: "法律援助案件", cancellationToken: ct);
        return stream.ToArray();
    }
}
