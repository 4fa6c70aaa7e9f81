using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Kernel.Audit;

public sealed record AuditFilter(DateOnly? From = null, DateOnly? To = null, string? User = null, string? Action = null,
    string? EntityType = null, string? EntityId = null, int Page = 1, int PageSize = 20);

public sealed record AuditRow(long Seq, DateTime AtUtc, string UserName, string? OrgName, string Action, string ActionName,
    string EntityType, string? EntityId, string? BeforeJson, string? AfterJson, string? RequestId, string? ClientAddress);

/// <summary>操作日志 queries (scoped like everything else), export and verification.</summary>
public sealed class AuditService(FazhiDb db)
{
    public const int MaxExportRows = 100_000;

    private IQueryable<AuditEntry> Filtered(AuditFilter f)
    {
        var scope = db.Actor.Scope;
        var q = db.AuditEntries.AsNoTracking();
        if (!scope.IsAll)
            q = q.Where(a => db.OrgUnits.Any(o => o.Id == a.OrgUnitId && o.Path.StartsWith(scope.PathPrefix)));
        if (f.From is { } from)
        {
            var start = ChinaTime.StartOfDayUtc(from);
            q = q.Where(a => a.AtUtc >= start);
        }
        if (f.To is { } to)
        {
            var end = ChinaTime.StartOfDayUtc(to.AddDays(1));
            q = q.Where(a => a.AtUtc < end);
        }
        if (!string.IsNullOrWhiteSpace(f.User))
            q = q.Where(a => a.UserName == f.User);
        if (!string.IsNullOrWhiteSpace(f.Action))
            q = q.Where(a => a.Action == f.Action);
        if (!string.IsNullOrWhiteSpace(f.EntityType))
            q = q.Where(a => a.EntityType == f.EntityType);
        if (!string.IsNullOrWhiteSpace(f.EntityId))
            q = q.Where(a => a.EntityId == f.EntityId);
        return q;
    }

    private IQueryable<AuditRow> Rows(IQueryable<AuditEntry> q) => q.OrderByDescending(a => a.Seq).Select(a => new AuditRow(
        a.Seq, a.AtUtc, a.UserName, db.OrgUnits.IgnoreQueryFilters().Where(o => o.Id == a.OrgUnitId).Select(o => o.Name).FirstOrDefault(),
        a.Action, a.Action, a.EntityType, a.EntityId, a.BeforeJson, a.AfterJson, a.RequestId, a.ClientAddress));

    public async Task<Page<AuditRow>> SearchAsync(AuditFilter f, CancellationToken ct)
    {
        Check(f);
        var pageSize = Math.Clamp(f.PageSize, 1, 200);
        var page = Math.Clamp(f.Page, 1, 100_000);
        var q = Filtered(f);
        var total = await q.CountAsync(ct);
        var items = await Rows(q).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        return new Page<AuditRow>([.. items.Select(Named)], total, page, pageSize);
    }

    public async Task<List<AuditRow>> ExportAsync(AuditFilter f, CancellationToken ct)
    {
        Check(f);
        return [.. (await Rows(Filtered(f)).Take(MaxExportRows).ToListAsync(ct)).Select(Named)];
    }

    private static void Check(AuditFilter f)
    {
        if (f.From is { Year: < 2000 or > 2100 })
            throw FazhiValidationException.For("from", "起始日期应在2000年至2100年之间");
        if (f.To is { Year: < 2000 or > 2100 })
            throw FazhiValidationException.For("to", "截止日期应在2000年至2100年之间");
    }

    private static AuditRow Named(AuditRow r) => r with { ActionName = AuditActions.ChineseName(r.Action) };

    /// <summary>Walks the whole chain in order, streaming, and reports the first broken link.</summary>
    public async Task<AuditVerification> VerifyAsync(CancellationToken ct)
    {
        var entries = db.AuditEntries.AsNoTracking().OrderBy(a => a.Seq).AsAsyncEnumerable();
        var buffer = new List<AuditEntry>();
        await foreach (var e in entries.WithCancellation(ct))
            buffer.Add(e);
        return AuditChain.Verify(buffer);
    }
}
