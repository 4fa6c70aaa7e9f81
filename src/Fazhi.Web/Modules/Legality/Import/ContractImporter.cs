using System.Globalization;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Calendar;
using Fazhi.Web.Kernel.Sheets;
using Fazhi.Web.Modules.Legality.Data;
using Fazhi.Web.Modules.Legality.Domain;
using Fazhi.Web.Modules.Legality.Features;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Fazhi.Web.Modules.Legality.Import;

/// <summary>A problem in the 台账: row 0 is the file itself; <see cref="Column"/> is the header as written in the sheet.</summary>
public sealed record ContractImportProblem(int Row, string? Column, string Message);

public sealed record ContractImportResult(bool DryRun, bool Committed, int Rows, int Created, int Updated, int Unchanged, IReadOnlyList<ContractImportProblem> Errors);

/// <summary>
/// 合同台账导入: a unit's Excel ledger of contracts, checked row by row (each error names the row and the column header),
/// stored all-or-nothing in one transaction. Idempotent by 合同编号 within the signing unit: an identical row changes
/// nothing, a changed row updates a contract that came from a ledger, and a contract registered in Fazhi (with its review)
/// is never overwritten. The export writes the same columns, so an exported ledger imports back unchanged.
/// </summary>
public sealed class ContractImporter(FazhiDb db, ContractService contracts)
{
    public static readonly string[] Required = ["合同编号", "合同名称", "合同类别", "签约单位", "相对方", "合同金额（元）", "起始日期", "终止日期"];
    public static readonly string[] Optional = ["签约主体", "签订日期", "备案日期", "主要条款", "重点项目", "重点项目名称"];
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxRows = 5_000;

    private sealed record Row(int Number, int UnitId, string Code, string Name, ContractKind Kind, ContractLevel Level, string Counterparty, long AmountFen,
        DateOnly Start, DateOnly End, DateOnly? Signed, DateOnly? Filed, string? Clauses)
    {
        public bool KeyProject { get; init; }
        public string? KeyProjectName { get; init; }
    }

    public async Task<ContractImportResult> ImportAsync(Stream file, bool dryRun, CancellationToken ct)
    {
        var errors = new List<ContractImportProblem>();
        var raw = Read(file, errors);
        if (errors.Count > 0)
            return new ContractImportResult(dryRun, false, raw.Count, 0, 0, 0, errors);

        // Units by name (and by 全称), within the caller's scope: a unit outside it is as unknown as one that does not exist.
        var units = await db.OrgUnits.AsNoTracking().Where(o => o.IsActive).Select(o => new { o.Id, o.Name, o.OfficialName }).ToListAsync(ct);
        var byName = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var u in units)
        {
            byName.TryAdd(u.Name, u.Id);
            if (u.OfficialName is { } full)
                byName.TryAdd(full, u.Id);
        }
        var today = DateOnly.FromDateTime(Kernel.ChinaTime.Now(db.Clock));
        var rows = new List<Row>();
        var seen = new Dictionary<(int, string), int>();
        for (var i = 0; i < raw.Count; i++)
            if (Check(raw[i], i + 2, byName, today, seen, errors) is { } row)
                rows.Add(row);

        var codes = rows.Select(r => r.Code).Distinct().ToList();
        var existing = await db.LegContracts().ForUniquenessCheck().Where(c => codes.Contains(c.Code)).ToListAsync(ct);
        var plan = new List<(Row Row, Contract? Existing)>();
        var unchanged = 0;
        foreach (var r in rows)
        {
            var c = existing.FirstOrDefault(x => x.OrgUnitId == r.UnitId && x.Code == r.Code);
            if (c is null)
                plan.Add((r, null));
            else if (Same(c, r))
                unchanged++;
            else if (c.Imported)
                plan.Add((r, c));
            else
                errors.Add(new ContractImportProblem(r.Number, "合同编号", $"合同编号“{r.Code}”的合同由本系统登记并审查，与台账内容不一致；台账导入不能覆盖系统中的记录"));
        }
        var created = plan.Count(p => p.Existing is null);
        var updated = plan.Count - created;
        if (errors.Count > 0 || dryRun)
            return new ContractImportResult(dryRun, false, raw.Count, created, updated, unchanged, [.. errors.OrderBy(e => e.Row)]);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var touched = new List<Contract>();
        foreach (var (r, found) in plan)
        {
            var c = found ?? db.LegContracts().Add(new Contract { OrgUnitId = r.UnitId, Code = r.Code, Name = "", Counterparty = "", Imported = true }).Entity;
            (c.Name, c.Kind, c.Level, c.Counterparty, c.AmountFen, c.StartOn, c.EndOn, c.SignedOn, c.FiledOn, c.KeyClauses) =
                (r.Name, r.Kind, r.Level, r.Counterparty, r.AmountFen, r.Start, r.End, r.Signed, r.Filed, r.Clauses);
            (c.KeyProject, c.KeyProjectName) = (r.KeyProject, r.KeyProjectName);
            if (c.Open)
                c.Status = r.Filed is not null ? ContractStatus.Filed : r.Signed is not null ? ContractStatus.InForce : ContractStatus.Draft;
            c.Version++;
            touched.Add(c);
        }
        await db.SaveChangesAsync(ct);
        foreach (var c in touched)
        {
            await db.Entry(c).Collection(x => x.Milestones).LoadAsync(ct);
            await contracts.SyncTimersAsync(c, ct);
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new ContractImportResult(false, true, raw.Count, created, updated, unchanged, []);
    }

    private static bool Same(Contract c, Row r) =>
        c.Name == r.Name && c.Kind == r.Kind && c.Level == r.Level && c.Counterparty == r.Counterparty && c.AmountFen == r.AmountFen && c.StartOn == r.Start &&
        c.EndOn == r.End && c.SignedOn == r.Signed && c.FiledOn == r.Filed && c.KeyClauses == r.Clauses && c.KeyProject == r.KeyProject && c.KeyProjectName == r.KeyProjectName;

    private static List<Dictionary<string, object?>> Read(Stream file, List<ContractImportProblem> errors)
    {
        using var buffer = new MemoryStream();
        file.CopyTo(buffer);
        if (buffer.Length > MaxBytes)
        {
            errors.Add(new ContractImportProblem(0, null, $"文件超过{MaxBytes / 1024 / 1024}MB"));
            return [];
        }
        List<Dictionary<string, object?>> rows;
        try
        {
            buffer.Position = 0;
            rows = [.. SheetLimits.Query(buffer)
                .Select(r => r.ToDictionary(kv => kv.Key.Trim(), kv => kv.Value))
                .Where(r => !r.Values.All(v => v is null || (v is string s && string.IsNullOrWhiteSpace(s))))
                .Take(MaxRows + 1)];
        }
        catch (SheetTooLargeException e)
        {
            errors.Add(new ContractImportProblem(0, null, e.Message));
            return [];
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or InvalidOperationException or ArgumentException
                                   or System.Xml.XmlException or NotSupportedException)
        {
            errors.Add(new ContractImportProblem(0, null, "文件不是有效的Excel（.xlsx）文件"));
            return [];
        }
        if (rows.Count == 0)
        {
            errors.Add(new ContractImportProblem(0, null, "表格没有数据行（第一行应为表头：" + string.Join("、", Required.Concat(Optional)) + "）"));
            return [];
        }
        if (rows.Count > MaxRows)
            errors.Add(new ContractImportProblem(0, null, $"一次最多导入{MaxRows}行"));
        var missing = Required.Where(h => !rows[0].ContainsKey(h)).ToList();
        if (missing.Count > 0)
            errors.Add(new ContractImportProblem(1, null, "缺少表头：" + string.Join("、", missing)));
        return rows;
    }

    private static Row? Check(Dictionary<string, object?> cells, int n, Dictionary<string, int> units, DateOnly today, Dictionary<(int, string), int> seen,
        List<ContractImportProblem> errors)
    {
        var before = errors.Count;
        string Text(string column) => Convert.ToString(cells.GetValueOrDefault(column), CultureInfo.InvariantCulture)?.Trim() ?? "";
        void Error(string column, string message) => errors.Add(new ContractImportProblem(n, column, message));
        string? Required(string column, int max)
        {
            var t = Text(column);
            if (t.Length == 0)
                Error(column, $"请填写{column}");
            else if (t.Length > max)
                Error(column, $"{column}不能超过{max}字");
            else
                return t;
            return null;
        }
        DateOnly? Date(string column, bool required)
        {
            var cell = cells.GetValueOrDefault(column);
            if (SheetDates.TryParse(cell, out var d, out var problem))
                return d;
            if (problem is not null)
                Error(column, problem);
            else if (Text(column).Length > 0)
                Error(column, $"“{Text(column)}”不是日期（应为2024-05-01这样的日期）");
            else if (required)
                Error(column, $"请填写{column}");
            return null;
        }

        var code = Required("合同编号", 64);
        var name = Required("合同名称", 200);
        var kindText = Required("合同类别", 20);
        var kind = kindText is null ? null : LegalityNames.Parse<ContractKind>(kindText, LegalityNames.Of);
        if (kindText is not null && kind is null)
            Error("合同类别", $"“{kindText}”不是合同类别（应为“机关事业单位合同”或“招商引资合同”）");
        var levelText = Text("签约主体");
        var level = levelText.Length == 0 ? ContractLevel.Department : LegalityNames.Parse<ContractLevel>(levelText, LegalityNames.Of);
        if (level is null)
            Error("签约主体", $"“{levelText}”不是签约主体（应为“政府合同”或“部门合同”）");
        var unitName = Required("签约单位", 100);
        int? unit = null;
        if (unitName is not null)
        {
            if (units.TryGetValue(unitName, out var id))
                unit = id;
            else
                Error("签约单位", $"签约单位“{unitName}”不在机构目录中（或不在您的数据权限范围内），请使用机构目录中的名称");
        }
        var party = Required("相对方", 200);
        long? fen = null;
        var amountCell = cells.GetValueOrDefault("合同金额（元）");
        var amountText = Text("合同金额（元）").Replace(",", "", StringComparison.Ordinal);
        decimal? amount = amountCell is double or decimal or int or long or float ? Convert.ToDecimal(amountCell, CultureInfo.InvariantCulture)
            : decimal.TryParse(amountText, NumberStyles.Number, CultureInfo.InvariantCulture, out var parsed) ? parsed : null;
        if (amountText.Length == 0)
            Error("合同金额（元）", "请填写合同金额（元）");
        else if (amount is not { } a || a < 0 || a > 100_000_000_000m)
            Error("合同金额（元）", $"“{amountText}”不是0至1000亿元之间的金额");
        else
            fen = (long)Math.Round(a * 100m, MidpointRounding.AwayFromZero);
        var start = Date("起始日期", true);
        var end = Date("终止日期", true);
        if (start is { } s && end is { } e && e < s)
            Error("终止日期", $"终止日期{e:yyyy-MM-dd}早于起始日期{s:yyyy-MM-dd}");
        var signed = Date("签订日期", false);
        var filed = Date("备案日期", false);
        if (signed > today)
            Error("签订日期", "签订日期不能晚于今天");
        if (filed > today)
            Error("备案日期", "备案日期不能晚于今天");
        if (filed is { } f && signed is { } sg && f < sg)
            Error("备案日期", $"备案日期{f:yyyy-MM-dd}早于签订日期{sg:yyyy-MM-dd}");
        var clauses = Text("主要条款");
        if (clauses.Length > 2000)
            Error("主要条款", "主要条款不能超过2000字");
        var keyText = Text("重点项目");
        bool? key = keyText switch { "" or "否" or "不是" or "N" or "n" or "no" or "false" or "FALSE" or "False" => false, "是" or "Y" or "y" or "yes" or "true" or "TRUE" or "True" => true, _ => null };
        if (key is null)
            Error("重点项目", $"“{keyText}”无法识别（应填“是”或“否”，不是重点项目的可留空）");
        var keyName = Text("重点项目名称");
        if (key == false && keyName.Length > 0)
            Error("重点项目名称", "只有重点项目合同才填写重点项目名称（请在“重点项目”列填“是”或清空项目名称）");
        else if (keyName.Length > 200)
            Error("重点项目名称", "重点项目名称不能超过200字");
        if (unit is { } u && code is not null)
        {
            if (seen.TryGetValue((u, code), out var first))
                Error("合同编号", $"合同编号“{code}”与第{first}行重复");
            else
                seen[(u, code)] = n;
        }
        if (errors.Count > before)
            return null;
        return new Row(n, unit!.Value, code!, name!, kind!.Value, level!.Value, party!, fen!.Value, start!.Value, end!.Value, signed, filed, clauses.Length == 0 ? null : clauses)
            { KeyProject = key == true, KeyProjectName = keyName.Length == 0 ? null : keyName };
    }

    /// <summary>台账导出: the contracts the caller sees, in the import's columns.</summary>
    public async Task<byte[]> ExportAsync(string? q, string? kind, CancellationToken ct, bool? keyProject = null)
    {
        var rows = db.LegContracts().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
            rows = rows.Where(c => c.Name.Contains(q.Trim()) || c.Code.Contains(q.Trim()) || c.Counterparty.Contains(q.Trim()));
        if (LegalityNames.Parse<ContractKind>(kind, LegalityNames.Of) is { } k)
            rows = rows.Where(c => c.Kind == k);
        if (keyProject is { } key)
            rows = rows.Where(c => c.KeyProject == key);
        var list = await rows.OrderBy(c => c.OrgUnitId).ThenBy(c => c.Code).Take(LegalityQueries.MaxExport).ToListAsync(ct);
        var names = await db.Orgs.NamesAsync(list.Select(c => c.OrgUnitId).Distinct(), ct);
        static string? Iso(DateOnly? d) => d is { } x ? HolidayFile.Iso(x) : null;
        var sheet = list.Select(c => new Dictionary<string, object?>
        {
            ["合同编号"] = c.Code, ["合同名称"] = c.Name, ["合同类别"] = LegalityNames.Of(c.Kind), ["签约主体"] = LegalityNames.Of(c.Level),
            ["签约单位"] = names.GetValueOrDefault(c.OrgUnitId), ["相对方"] = c.Counterparty, ["合同金额（元）"] = c.AmountFen / 100m,
            ["起始日期"] = Iso(c.StartOn), ["终止日期"] = Iso(c.EndOn), ["签订日期"] = Iso(c.SignedOn), ["备案日期"] = Iso(c.FiledOn), ["主要条款"] = c.KeyClauses,
            ["重点项目"] = c.KeyProject ? "是" : "否", ["重点项目名称"] = c.KeyProjectName,
            ["状态"] = LegalityNames.Of(c.Status),
        });
        using var stream = new MemoryStream();
        await MiniExcel.SaveAsAsync(stream, sheet, sheetName: "合同台账", cancellationToken: ct);
        return stream.ToArray();
    }
}
