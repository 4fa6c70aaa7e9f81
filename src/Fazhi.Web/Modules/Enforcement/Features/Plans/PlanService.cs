using System.Globalization;
using System.Text.Json;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Ids;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Sheets;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

namespace Fazhi.Web.Modules.Enforcement.Features.Plans;

public sealed record PlanFilter
{
    public int? Year { get; init; }
    public int? Month { get; init; }
    /// <summary>A department (or any unit: its departments) by org code.</summary>
    public string? Department { get; init; }
    /// <summary>统一社会信用代码 (exact) or part of the enterprise name.</summary>
    public string? Q { get; init; }
    /// <summary>none | proposed | confirmed: whether the plan is part of a joint inspection.</summary>
    public string? Joint { get; init; }
    // Nullable: a query without paging is a first page, not a binding error.
    public int? Page { get; init; }
    public int? PageSize { get; init; }
}

/// <summary>One plan entry as a department files it. <see cref="Department"/> (org code) is for bureau staff filing
/// for a department; a department's own account files for itself.</summary>
public sealed record PlanInput(string? CreditCode, string? Name, int? Year, int? Month, IReadOnlyList<string>? Items, string? Department = null);

public sealed record PlanRow(long Id, string DepartmentCode, string Department, int Year, int Month, string CreditCode, string TargetName,
    IReadOnlyList<string> Items, string FiledOn, long? JointInspectionId, string? JointStatus, string? JointStatusName);

public sealed record PlanSaveResult(int Created, int Updated, int Unchanged, IReadOnlyList<PlanRow> Plans);

public sealed record PlanImportProblem(int Row, string? Column, string Message);

public sealed record PlanImportResult(bool DryRun, bool Committed, int Rows, int Created, int Updated, int Unchanged, IReadOnlyList<PlanImportProblem> Errors);

/// <summary>
/// 涉企检查计划: each department files which enterprises it plans to inspect in which month, for which items. An entry is
/// identified by (department, year, month, 统一社会信用代码): filing it again updates it, so the API, the form and the
/// Excel import are all idempotent.
/// </summary>
public sealed class PlanService(FazhiDb db, ICurrentUser user, Import.RecordIngestion ingestion)
{
    public static readonly string[] Headers = ["统一社会信用代码", "企业名称", "年度", "月份", "检查事项"];
    public const string DepartmentHeader = "执法部门代码";
    public const int MaxRows = 10_000;
    public const long MaxBytes = 10 * 1024 * 1024;
    private const int Chunk = 1_000;
    private static readonly char[] ItemSeparators = [';', '；', ',', '，', '、', ' ', '\n', '\r', '\t'];

    private sealed record Entry(OrgUnit Department, int Year, int Month, string CreditCode, string Name, string Items);

    /// <summary>Departments file their own plans; bureau staff may file for a department in their scope. 上级查看 only reads.</summary>
    private void RequireFiler()
    {
        if (!user.Can(EnforcementPermissions.PlanFile))
            throw new ForbiddenException("您的角色只能查看，不能报备或删除涉企检查计划。");
    }

    public async Task<Page<PlanRow>> SearchAsync(PlanFilter f, CancellationToken ct)
    {
        var q = await QueryAsync(f, ct);
        var (page, size) = Paging.Of(f.Page, f.PageSize);
        var total = await q.CountAsync(ct);
        var rows = await ProjectAsync(Ordered(q).Skip((page - 1) * size).Take(size), ct);
        return new Page<PlanRow>(rows, total, page, size);
    }

    private static IQueryable<InspectionPlan> Ordered(IQueryable<InspectionPlan> q) =>
        q.OrderByDescending(p => p.Year).ThenByDescending(p => p.Month).ThenBy(p => p.TargetCreditCode).ThenBy(p => p.OrgUnitId).ThenBy(p => p.Id);

    private async Task<IQueryable<InspectionPlan>> QueryAsync(PlanFilter f, CancellationToken ct)
    {
        var q = db.InspectionPlans().AsNoTracking();
        if (f.Year is { } year) q = q.Where(p => p.Year == year);
        if (f.Month is { } month) q = q.Where(p => p.Month == month);
        if (!string.IsNullOrWhiteSpace(f.Department))
        {
            var path = await db.OrgUnits.PathOfAsync(f.Department, ct);
            q = q.Where(p => db.OrgUnits.Any(o => o.Id == p.OrgUnitId && o.Path.StartsWith(path)));
        }
        if (!string.IsNullOrWhiteSpace(f.Q))
        {
            var text = f.Q.Trim();
            var upper = text.ToUpperInvariant();
            q = q.Where(p => p.TargetCreditCode == upper || p.TargetName.Contains(text));
        }
        if (f.Joint is "proposed" or "confirmed")
        {
            // Ids first, in a query of their own: a bypass anywhere in a query lifts the data-scope filter of the whole
            // query, and a department does not see the district's joint inspections it takes part in.
            var status = f.Joint == "proposed" ? JointStatus.Proposed : JointStatus.Confirmed;
            var joints = db.JointInspections().ForJointWork().Where(j => j.Status == status);
            if (f.Year is { } y) joints = joints.Where(j => j.Year == y);
            if (f.Month is { } m) joints = joints.Where(j => j.Month == m);
            var ids = await joints.Select(j => (long?)j.Id).ToListAsync(ct);
            q = q.Where(p => ids.Contains(p.JointInspectionId));
        }
        else if (f.Joint == "none")
            q = q.Where(p => p.JointInspectionId == null);
        else if (f.Joint is not (null or "" or "all"))
            throw FazhiValidationException.For("joint", $"“{f.Joint}”不是有效的筛选（none、proposed、confirmed）");
        return q;
    }

    private async Task<List<PlanRow>> ProjectAsync(IQueryable<InspectionPlan> q, CancellationToken ct)
    {
        var plans = await q.ToListAsync(ct);
        // Looked up apart (a bypass would lift the filter of the whole query). A department sees whether its
        // plan was merged, although the joint inspection belongs to the district.
        var unitIds = plans.Select(p => p.OrgUnitId).Distinct().ToList();
        var units = await db.Orgs.ByIdsAsync(unitIds, ct);
        var jointIds = plans.Where(p => p.JointInspectionId != null).Select(p => p.JointInspectionId!.Value).Distinct().ToList();
        var statuses = await db.JointInspections().ForJointWork().Where(j => jointIds.Contains(j.Id)).ToDictionaryAsync(j => j.Id, j => j.Status, ct);
        return [.. plans.Select(p => ToRow(p, units[p.OrgUnitId].Code, units[p.OrgUnitId].Name,
            p.JointInspectionId is { } j && statuses.TryGetValue(j, out var s) ? s : null))];
    }

    private static PlanRow ToRow(InspectionPlan p, string code, string name, JointStatus? status) =>
        new(p.Id, code, name, p.Year, p.Month, p.TargetCreditCode, p.TargetName, SplitItems(p.Items), Iso(p.FiledOn), p.JointInspectionId,
            status?.ToString(), status is { } s ? JointInspectionService.NameOf(s) : null);

    public static IReadOnlyList<string> SplitItems(string items) => items.Split(ItemSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Files one entry or several: every entry is checked first, and either all are stored or none.</summary>
    public async Task<PlanSaveResult> SaveAsync(IReadOnlyList<PlanInput> inputs, string? department, CancellationToken ct)
    {
        RequireFiler();
        if (inputs.Count == 0)
            throw FazhiValidationException.For("body", "请至少报备一条检查计划");
        if (inputs.Count > MaxRows)
            throw FazhiValidationException.For("body", $"一次最多报备{MaxRows}条，请分批报备或使用Excel导入");
        var errors = new Dictionary<string, string[]>();
        var entries = new List<Entry>();
        var departments = new Dictionary<string, OrgUnit>();
        var catalogues = new Dictionary<int, Dictionary<string, EnforcementItem>>();
        var seen = new Dictionary<(int, int, int, string), int>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var prefix = inputs.Count == 1 ? "" : $"[{i.ToString(CultureInfo.InvariantCulture)}].";
            var problems = new List<(string Field, string Message)>();
            OrgUnit? unit = null;
            try
            {
                unit = await DepartmentAsync(inputs[i].Department ?? department, departments, ct);
            }
            catch (FazhiValidationException e)
            {
                problems.Add(("department", e.Message));
            }
            var entry = Check(inputs[i].CreditCode, inputs[i].Name, inputs[i].Year, inputs[i].Month,
                inputs[i].Items is null ? null : string.Join(';', inputs[i].Items!.Select(s => s?.Trim() ?? "")), unit, problems,
                await CatalogueAsync(unit, catalogues, ct), EarliestMonth());
            if (entry is not null && !seen.TryAdd((entry.Department.Id, entry.Year, entry.Month, entry.CreditCode), i))
                problems.Add(("creditCode", $"与第{seen[(entry.Department.Id, entry.Year, entry.Month, entry.CreditCode)] + 1}条重复（同一部门、同一月份、同一企业只报备一次）"));
            else if (entry is not null)
                entries.Add(entry);
            foreach (var g in problems.GroupBy(p => p.Field))
                errors[prefix + g.Key] = [.. g.Select(p => inputs.Count == 1 ? p.Message : $"第{i + 1}条：{p.Message}")];
        }
        if (errors.Count > 0)
            throw new FazhiValidationException(errors);
        var (created, updated, unchanged, plans) = await UpsertAsync(entries, ct);
        var ids = plans.Select(p => p.Id).ToList();
        var rows = await ProjectAsync(db.InspectionPlans().AsNoTracking().Where(p => ids.Contains(p.Id)), ct);
        return new PlanSaveResult(created, updated, unchanged, [.. rows.OrderBy(r => ids.IndexOf(r.Id))]);
    }

    /// <summary>The catalogue the department's records may name (as 数据报送 checks them), read once per department.</summary>
    private async Task<Dictionary<string, EnforcementItem>?> CatalogueAsync(OrgUnit? unit, Dictionary<int, Dictionary<string, EnforcementItem>> cache, CancellationToken ct)
    {
        if (unit is null)
            return null;
        if (!cache.TryGetValue(unit.Id, out var catalogue))
            cache[unit.Id] = catalogue = await ingestion.CatalogueForAsync(unit, ct);
        return catalogue;
    }

    /// <summary>The earliest month a plan may be filed for, as year × 12 + month − 1: last month (a plan filed late, 补报);
    /// a plan for a month long past plans nothing.</summary>
    private int EarliestMonth()
    {
        var today = DateOnly.FromDateTime(ChinaTime.Now(db.Clock));
        return today.Year * 12 + today.Month - 2;
    }

    /// <summary>One entry's checks, all reported at once. <paramref name="items"/> are codes separated by ; (or 、 , space),
    /// each in the department's <paramref name="catalogue"/>; the month not before <paramref name="earliestMonth"/>.</summary>
    private static Entry? Check(string? creditCode, string? name, int? year, int? month, string? items, OrgUnit? department,
        List<(string Field, string Message)> problems, Dictionary<string, EnforcementItem>? catalogue, int earliestMonth)
    {
        var before = problems.Count;
        var code = creditCode?.Trim().ToUpperInvariant() ?? "";
        if (code.Length == 0) problems.Add(("creditCode", "统一社会信用代码不能为空"));
        else if (UnifiedSocialCreditCode.Validate(code) is { } codeError) problems.Add(("creditCode", codeError));
        var target = name?.Trim() ?? "";
        if (target.Length is 0 or > 200 || target.Any(c => c is '<' or '>' || char.IsControl(c)))
            problems.Add(("name", "企业名称不能为空，不超过200个字符，不含 < >"));
        if (year is not (>= 2000 and <= 2100)) problems.Add(("year", "年度应为2000至2100之间的年份"));
        if (month is not (>= 1 and <= 12)) problems.Add(("month", "月份应为1至12"));
        else if (year is >= 2000 and <= 2100 && year.Value * 12 + month.Value - 1 < earliestMonth)
            problems.Add(("month", $"{year}年{month}月已过去，不能再报备检查计划（最早可补报{earliestMonth / 12}年{earliestMonth % 12 + 1}月）"));
        var codes = SplitItems(items ?? "").Distinct(StringComparer.Ordinal).ToList();
        var joined = string.Join(';', codes);
        if (codes.Count == 0) problems.Add(("items", "请填写检查事项（执法事项编码）"));
        else if (codes.Any(c => c.Length > 64 || c.Any(char.IsControl))) problems.Add(("items", "检查事项编码不能超过64个字符"));
        else if (joined.Length > 1000) problems.Add(("items", "检查事项过多（合计不超过1000个字符）"));
        else if (catalogue is not null && codes.Where(c => !catalogue.ContainsKey(c)).ToList() is { Count: > 0 } unknown)
            problems.Add(("items", $"执法事项清单中没有编码{string.Join("、", unknown.Select(c => $"“{c}”"))}"));
        return problems.Count > before || department is null ? null : new Entry(department, year!.Value, month!.Value, code, target, joined);
    }

    /// <summary>The department an entry is filed for: the caller's own, or one in scope named by a bureau's staff.</summary>
    private async Task<OrgUnit> DepartmentAsync(string? code, Dictionary<string, OrgUnit> cache, CancellationToken ct)
    {
        code = string.IsNullOrWhiteSpace(code) ? "" : code.Trim();
        if (cache.TryGetValue(code, out var known))
            return known;
        var own = user.OrgUnitId is { } id ? await db.OrgUnits.WholeOrgTree().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) : null;
        OrgUnit unit;
        if (code.Length == 0 || code == own?.Code)
        {
            if (own is not { Kind: OrgKind.EnforcementDepartment })
                throw FazhiValidationException.For("department", "请指定报备计划的执法部门（department=部门机构代码）");
            unit = own;
        }
        else if (own is { Kind: OrgKind.EnforcementDepartment })
            throw FazhiValidationException.For("department", $"本账号属于{own.Name}，只能报备本部门的检查计划，不能报备“{code}”的计划");
        else
        {
            unit = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Code == code, ct)
                ?? throw FazhiValidationException.For("department", $"执法部门“{code}”不存在或不在您的数据权限范围内");
            if (unit.Kind != OrgKind.EnforcementDepartment)
                throw FazhiValidationException.For("department", $"“{unit.Name}”不是执法部门");
        }
        cache[code] = unit;
        return unit;
    }

    private async Task<(int Created, int Updated, int Unchanged, List<InspectionPlan> Plans)> UpsertAsync(List<Entry> entries, CancellationToken ct)
    {
        var existing = await ExistingAsync(entries, tracked: true, ct);
        var today = DateOnly.FromDateTime(ChinaTime.Now(db.Clock));
        int created = 0, updated = 0, unchanged = 0;
        var plans = new List<InspectionPlan>(entries.Count);
        foreach (var e in entries)
        {
            if (existing.TryGetValue((e.Department.Id, e.Year, e.Month, e.CreditCode), out var p))
            {
                if (p.TargetName == e.Name && p.Items == e.Items)
                    unchanged++;
                else
                {
                    (p.TargetName, p.Items) = (e.Name, e.Items);
                    updated++;
                }
            }
            else
            {
                p = new InspectionPlan
                {
                    OrgUnitId = e.Department.Id, Year = e.Year, Month = e.Month, TargetCreditCode = e.CreditCode, TargetName = e.Name, Items = e.Items, FiledOn = today,
                };
                db.InspectionPlans().Add(p);
                created++;
            }
            plans.Add(p);
        }
        await db.SaveChangesAsync(ct);
        return (created, updated, unchanged, plans);
    }

    private async Task<Dictionary<(int, int, int, string), InspectionPlan>> ExistingAsync(List<Entry> entries, bool tracked, CancellationToken ct)
    {
        var map = new Dictionary<(int, int, int, string), InspectionPlan>();
        var departments = entries.Select(e => e.Department.Id).Distinct().ToList();
        var years = entries.Select(e => e.Year).Distinct().ToList();
        foreach (var part in entries.Select(e => e.CreditCode).Distinct().Chunk(Chunk))
        {
            var q = db.InspectionPlans().Where(p => departments.Contains(p.OrgUnitId) && years.Contains(p.Year) && part.Contains(p.TargetCreditCode));
            foreach (var p in await (tracked ? q : q.AsNoTracking()).ToListAsync(ct))
                map[(p.OrgUnitId, p.Year, p.Month, p.TargetCreditCode)] = p;
        }
        return map;
    }

    /// <summary>Withdraws an entry, unless a confirmed joint inspection has been organised on it. A proposal it was part
    /// of is recounted when it is confirmed or proposed again.</summary>
    public async Task DeleteAsync(long id, CancellationToken ct)
    {
        RequireFiler();
        var p = await db.InspectionPlans().FirstOrDefaultAsync(x => x.Id == id, ct) ?? throw new NotFoundException("检查计划不存在或不在您的数据权限范围内。");
        if (p.JointInspectionId is { } jid &&
            await db.JointInspections().ForJointWork().AnyAsync(j => j.Id == jid && j.Status == JointStatus.Confirmed, ct))
            throw new ConflictException("该计划已纳入已确认的联合检查，不能删除；如需调整，请联系组织联合检查的司法局。");
        db.InspectionPlans().Remove(p);
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Excel import: checked row by row, then stored all-or-nothing. Columns: 统一社会信用代码, 企业名称, 年度, 月份,
    /// 检查事项, and optionally 执法部门代码 (as the export writes it).</summary>
    public async Task<PlanImportResult> ImportAsync(Stream file, string? department, bool dryRun, CancellationToken ct)
    {
        RequireFiler();
        var errors = new List<PlanImportProblem>();
        var raw = Read(file, errors);
        if (errors.Count > 0)
            return new PlanImportResult(dryRun, false, raw.Count, 0, 0, 0, errors);
        var departments = new Dictionary<string, OrgUnit>();
        var catalogues = new Dictionary<int, Dictionary<string, EnforcementItem>>();
        var entries = new List<Entry>();
        var seen = new Dictionary<(int, int, int, string), int>();
        for (var i = 0; i < raw.Count; i++)
        {
            var cells = raw[i];
            var n = i + 2;
            var problems = new List<(string Field, string Message)>();
            OrgUnit? unit = null;
            try
            {
                unit = await DepartmentAsync(Text(cells, DepartmentHeader) is { Length: > 0 } d ? d : department, departments, ct);
            }
            catch (FazhiValidationException e)
            {
                problems.Add(("department", e.Message));
            }
            var year = Number(cells, "年度", "年");
            var month = Number(cells, "月份", "月");
            var entry = Check(Text(cells, "统一社会信用代码"), Text(cells, "企业名称"), year, month, Text(cells, "检查事项"), unit, problems,
                await CatalogueAsync(unit, catalogues, ct), EarliestMonth());
            if (entry is not null && !seen.TryAdd((entry.Department.Id, entry.Year, entry.Month, entry.CreditCode), n))
                problems.Add(("creditCode", $"与第{seen[(entry.Department.Id, entry.Year, entry.Month, entry.CreditCode)]}行重复"));
            else if (entry is not null)
                entries.Add(entry);
            errors.AddRange(problems.Select(p => new PlanImportProblem(n, ColumnOf(p.Field), p.Message)));
        }
        if (errors.Count > 0)
            return new PlanImportResult(dryRun, false, raw.Count, 0, 0, 0, errors);
        if (dryRun)
        {
            var existing = await ExistingAsync(entries, tracked: false, ct);
            int updated = 0, unchanged = 0;
            foreach (var e in entries)
                if (existing.TryGetValue((e.Department.Id, e.Year, e.Month, e.CreditCode), out var p))
                {
                    if (p.TargetName == e.Name && p.Items == e.Items) unchanged++;
                    else updated++;
                }
            return new PlanImportResult(true, false, raw.Count, entries.Count - updated - unchanged, updated, unchanged, []);
        }
        var (created, changed, same, _) = await UpsertAsync(entries, ct);
        return new PlanImportResult(false, true, raw.Count, created, changed, same, []);
    }

    private static string ColumnOf(string field) => field switch
    {
        "creditCode" => "统一社会信用代码",
        "name" => "企业名称",
        "year" => "年度",
        "month" => "月份",
        "items" => "检查事项",
        "department" => DepartmentHeader,
        _ => field,
    };

    private static string Text(Dictionary<string, object?> cells, string column) =>
        cells.GetValueOrDefault(column) switch
        {
            null => "",
            double d => d.ToString("0", CultureInfo.InvariantCulture),
            var v => Convert.ToString(v, CultureInfo.InvariantCulture)?.Trim() ?? "",
        };

    /// <summary>A year or month as written: 2025, 2025.0, "2025年", "3月".</summary>
    private static int? Number(Dictionary<string, object?> cells, string column, string suffix)
    {
        var text = Text(cells, column);
        if (text.EndsWith(suffix, StringComparison.Ordinal))
            text = text[..^suffix.Length].Trim();
        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : null;
    }

    private static List<Dictionary<string, object?>> Read(Stream file, List<PlanImportProblem> errors)
    {
        using var buffer = new MemoryStream();
        file.CopyTo(buffer);
        if (buffer.Length > MaxBytes)
        {
            errors.Add(new PlanImportProblem(0, null, $"文件超过{MaxBytes / 1024 / 1024}MB"));
            return [];
        }
        buffer.Position = 0;
        List<Dictionary<string, object?>> rows;
        try
        {
            rows = [.. SheetLimits.Query(buffer)
                .Select(r => r.ToDictionary(kv => kv.Key.Trim(), kv => kv.Value))
                .Where(r => !r.Values.All(v => v is null || (v is string s && string.IsNullOrWhiteSpace(s))))
                .Take(MaxRows + 1)];
        }
        catch (SheetTooLargeException e)
        {
            errors.Add(new PlanImportProblem(0, null, e.Message));
            return [];
        }
        catch (Exception e) when (e is InvalidDataException or IOException or FormatException or InvalidOperationException or ArgumentException
                                   or System.Xml.XmlException or NotSupportedException)
        {
            errors.Add(new PlanImportProblem(0, null, "文件不是有效的Excel（.xlsx）文件"));
            return [];
        }
        if (rows.Count == 0)
        {
            errors.Add(new PlanImportProblem(0, null, "表格没有数据行（第一行应为表头：" + string.Join("、", Headers) + "）"));
            return [];
        }
        if (rows.Count > MaxRows)
            errors.Add(new PlanImportProblem(0, null, $"一次最多导入{MaxRows}行"));
        var missing = Headers.Where(h => !rows[0].ContainsKey(h)).ToList();
        if (missing.Count > 0)
            errors.Add(new PlanImportProblem(1, null, "缺少表头：" + string.Join("、", missing)));
        return rows;
    }

    /// <summary>The plans as a workbook with the import's columns (and the department's code), so an export imports back.</summary>
    public async Task<byte[]> ExportAsync(PlanFilter f, CancellationToken ct)
    {
        const int Max = 100_000;
        var rows = await ProjectAsync(Ordered(await QueryAsync(f, ct)).Take(Max), ct);
        var sheet = rows.Select(r => new Dictionary<string, object?>
        {
            [DepartmentHeader] = r.DepartmentCode, ["执法部门"] = r.Department, ["统一社会信用代码"] = r.CreditCode, ["企业名称"] = r.TargetName,
            ["年度"] = r.Year, ["月份"] = r.Month, ["检查事项"] = string.Join(';', r.Items), ["报备日期"] = r.FiledOn, ["联合检查"] = r.JointStatusName ?? "",
        }).ToList();
        if (sheet.Count == 0)
            sheet.Add(new Dictionary<string, object?>
            {
                [DepartmentHeader] = null, ["执法部门"] = null, ["统一社会信用代码"] = null, ["企业名称"] = null, ["年度"] = null, ["月份"] = null,
                ["检查事项"] = null, ["报备日期"] = null, ["联合检查"] = null,
            });
        using var ms = new MemoryStream();
        await ms.SaveAsAsync(sheet, excelType: ExcelType.XLSX, cancellationToken: ct);
        return ms.ToArray();
    }

    /// <summary>Reads a POST body that is one entry or an array of entries.</summary>
    public static IReadOnlyList<PlanInput> ParseBody(JsonElement body) => body.ValueKind switch
    {
        JsonValueKind.Object => [body.Deserialize<PlanInput>(FazhiJson) ?? throw FazhiValidationException.For("body", "请求体应为检查计划对象或其数组")],
        JsonValueKind.Array => [.. body.EnumerateArray().Select((e, i) => e.ValueKind == JsonValueKind.Object
            ? e.Deserialize<PlanInput>(FazhiJson)!
            : throw FazhiValidationException.For($"[{i}]", "应为检查计划对象"))],
        _ => throw FazhiValidationException.For("body", "请求体应为检查计划对象或其数组"),
    };

    private static readonly JsonSerializerOptions FazhiJson = new(JsonSerializerDefaults.Web);

    private static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
