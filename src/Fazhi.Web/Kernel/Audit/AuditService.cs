using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Web;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Kernel.Audit;

/// <summary>操作日志 search. <paramref name="Module"/> and <paramref name="Operation"/> are the Chinese names (行政复议,
/// 修改); <paramref name="Action"/> and <paramref name="EntityType"/> accept a code or the Chinese name.
/// <paramref name="Unmask"/> shows personal data in full (needs <see cref="AuditReader.UnmaskPermission"/>; logged).</summary>
public sealed record AuditFilter(DateOnly? From = null, DateOnly? To = null, string? User = null, string? Action = null,
    string? EntityType = null, string? EntityId = null, int Page = 1, int PageSize = 20, string? Module = null,
    string? Operation = null, bool Unmask = false);

/// <summary>An entry as stored (before it is made readable by <see cref="AuditReader"/>).</summary>
public sealed record AuditRow(long Seq, DateTime AtUtc, string UserName, string? OrgName, string Action,
    string EntityType, string? EntityId, string? BeforeJson, string? AfterJson, string? RequestId, string? ClientAddress);

/// <summary>操作日志 queries (scoped like everything else), export and verification.</summary>
public sealed class AuditService(FazhiDb db, AuditReader reader)
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
        foreach (var (field, value) in new[] { ("action", f.Action), ("operation", f.Operation) })
        {
            if (string.IsNullOrWhiteSpace(value))
                continue;
            var action = AuditActions.Parse(value) ?? throw FazhiValidationException.For(field,
                $"业务类型“{value}”不存在，可选：{string.Join("、", AuditActions.All.Select(AuditActions.ChineseName))}");
            q = q.Where(a => a.Action == action);
        }
        if (!string.IsNullOrWhiteSpace(f.Module))
        {
            var types = reader.EntityTypesOf(f.Module.Trim()) ?? throw FazhiValidationException.For("module",
                $"模块“{f.Module}”不存在，可选：{string.Join("、", reader.Modules)}");
            q = q.Where(a => types.Contains(a.EntityType));
        }
        if (!string.IsNullOrWhiteSpace(f.EntityType))
        {
            var type = f.EntityType.Trim();
            type = reader.EntityTypes.Where(e => e.Name == type).Select(e => e.Code).FirstOrDefault() ?? type;
            q = q.Where(a => a.EntityType == type);
        }
        if (!string.IsNullOrWhiteSpace(f.EntityId))
            q = q.Where(a => a.EntityId == f.EntityId);
        return q;
    }

    private IQueryable<AuditRow> Rows(IQueryable<AuditEntry> q) => q.OrderByDescending(a => a.Seq).Select(a => new AuditRow(
        a.Seq, a.AtUtc, a.UserName, db.OrgUnits.WholeOrgTree().Where(o => o.Id == a.OrgUnitId).Select(o => o.Name).FirstOrDefault(),
        a.Action, a.EntityType, a.EntityId, a.BeforeJson, a.AfterJson, a.RequestId, a.ClientAddress));

    public async Task<Page<AuditView>> SearchAsync(AuditFilter f, CancellationToken ct)
    {
        Check(f);
        var pageSize = Math.Clamp(f.PageSize, 1, 200);
        var page = Math.Clamp(f.Page, 1, 100_000);
        var q = Filtered(f);
        var total = await q.CountAsync(ct);
        var items = await Rows(q).Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(ct);
        var views = await PresentAsync(items, f.Unmask, ct);
        if (f.Unmask)
            await LogUnmaskAsync("查询", f, views.Count, ct);
        return new Page<AuditView>(views, total, page, pageSize);
    }

    public async Task<List<AuditView>> ExportAsync(AuditFilter f, CancellationToken ct)
    {
        Check(f);
        var views = await PresentAsync(await Rows(Filtered(f)).Take(MaxExportRows).ToListAsync(ct), f.Unmask, ct);
        if (f.Unmask)
            await LogUnmaskAsync("导出", f, views.Count, ct);
        return views;
    }

    private async Task<List<AuditView>> PresentAsync(List<AuditRow> rows, bool unmask, CancellationToken ct)
    {
        var ids = reader.OrgUnitIds(rows).Distinct().ToList();
        var names = await db.Orgs.NamesAsync(ids, ct);
        // A record referred to by id (a case on its events) is named as its latest entry in the log names it.
        var records = new Dictionary<(string Type, string Id), string>();
        foreach (var group in reader.References(rows).Distinct().GroupBy(r => r.Type))
        {
            var type = group.Key;
            var refIds = group.Select(g => g.Id).ToList();
            var latest = await db.AuditEntries.AsNoTracking()
                .Where(a => a.EntityType == type && a.EntityId != null && refIds.Contains(a.EntityId))
                .GroupBy(a => a.EntityId).Select(g => g.Max(a => a.Seq)).ToListAsync(ct);
            var entries = await db.AuditEntries.AsNoTracking().Where(a => latest.Contains(a.Seq))
                .Select(a => new { a.EntityId, a.BeforeJson, a.AfterJson }).ToListAsync(ct);
            foreach (var e in entries)
                if (reader.InstanceName(type, e.BeforeJson, e.AfterJson) is { } name)
                    records[(type, e.EntityId!)] = name;
        }
        var lookups = new AuditLookups(names, records);
        return [.. rows.Select(r => reader.Present(r, unmask, lookups))];
    }

    /// <summary>The use of the unmask permission is itself an entry of the log: who, when, which entries.</summary>
    private Task LogUnmaskAsync(string how, AuditFilter f, int rows, CancellationToken ct) =>
        db.AppendEventAsync(AuditActions.UnmaskPersonalData, nameof(AuditEntry), null, db.Actor.OrgUnitId,
            System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object?>
            {
                ["Channel"] = how,
                ["Filter"] = Describe(f),
                ["Rows"] = rows,
            }, UnescapedJson), ct: ct);

    private static readonly System.Text.Json.JsonSerializerOptions UnescapedJson = new()
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static string Describe(AuditFilter f)
    {
        var parts = new List<string>();
        void Add(string name, object? value)
        {
            if (value is not null && !(value is string s && string.IsNullOrWhiteSpace(s)))
                parts.Add($"{name}：{Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)}");
        }
        Add("起始日期", f.From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("截止日期", f.To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        Add("操作人", f.User);
        Add("模块", f.Module);
        Add("业务类型", f.Operation ?? f.Action);
        Add("对象类型", f.EntityType);
        Add("对象标识", f.EntityId);
        Add("页码", f.Page);
        return parts.Count == 0 ? "全部" : string.Join("；", parts);
    }

    private void Check(AuditFilter f)
    {
        if (f.From is { Year: < 2000 or > 2100 })
            throw FazhiValidationException.For("from", "起始日期应在2000年至2100年之间");
        if (f.To is { Year: < 2000 or > 2100 })
            throw FazhiValidationException.For("to", "截止日期应在2000年至2100年之间");
        if (f.Unmask && !AuditReader.CanUnmask(db.Actor))
            throw new ForbiddenException($"查看完整个人信息需要权限 {AuditReader.UnmaskPermission}。");
    }
}
