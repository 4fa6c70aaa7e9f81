using Fazhi.Web.Data;
using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Enforcement.Features.Catalogue;

/// <summary>
/// 执法事项清单 as a spreadsheet: the export is also the import template. An import is checked row by row (every problem
/// names its row and column), then stored all-or-nothing; by 事项编码 within the owning unit it is idempotent: a known
/// code updates the item (and re-enables a 停用 one, since the catalogue being imported lists it), an unchanged row
/// is left alone.
/// </summary>
public sealed class ItemSheet(FazhiDb db, CatalogueService catalogue)
{
    public static readonly string[] Headers =
        ["事项编码", "事项名称", "执法领域", "法律依据", "实施主体", "镇街事项", "承接镇街类别", "承接镇街", "裁量基准", "状态", "发布机构"];

    private static readonly string[] Required = ["事项编码", "事项名称", "执法领域", "法律依据"];

    /// <summary>Which column carries each request field, so the checks of the form name the sheet's column.</summary>
    private static readonly Dictionary<string, string> Columns = new()
    {
        ["code"] = "事项编码", ["name"] = "事项名称", ["field"] = "执法领域", ["legalBasis"] = "法律依据", ["responsibleDepartment"] = "实施主体",
        ["townLevel"] = "镇街事项", ["townClass"] = "承接镇街类别", ["receivingTowns"] = "承接镇街", ["benchmarks"] = "裁量基准",
    };

    public async Task<byte[]> ExportAsync(ItemFilter filter, CancellationToken ct)
    {
        var items = await catalogue.ListAsync(filter, ct);
        return await SheetRows.WriteAsync(items.Select(i => new Dictionary<string, object?>
        {
            ["事项编码"] = i.Code, ["事项名称"] = i.Name, ["执法领域"] = i.Field, ["法律依据"] = i.LegalBasis, ["实施主体"] = i.ResponsibleDepartment,
            ["镇街事项"] = i.TownLevel ? "是" : "否", ["承接镇街类别"] = i.TownClass, ["承接镇街"] = i.ReceivingTowns, ["裁量基准"] = i.BenchmarkText,
            ["状态"] = i.IsActive ? "使用中" : "已停用", ["发布机构"] = i.Owner,
        }), Headers, ct);
    }

    public async Task<SheetImportResult> ImportAsync(Stream file, string? orgCode, bool dryRun, CancellationToken ct)
    {
        var owner = await catalogue.OwnerAsync(orgCode, ct);
        var errors = new List<RowProblem>();
        var rows = SheetRows.Read(file, Required, errors);
        if (errors.Count > 0)
            return new SheetImportResult(dryRun, false, rows.Count, 0, 0, 0, errors);

        var checkedRows = new List<(int Row, ItemRequest Request, List<DiscretionLevel> Levels)>();
        var seen = new Dictionary<string, int>();
        foreach (var (number, cells) in rows)
        {
            var before = errors.Count;
            var request = new ItemRequest
            {
                Code = SheetRows.Text(cells, "事项编码"), Name = SheetRows.Text(cells, "事项名称"), Field = SheetRows.Text(cells, "执法领域"),
                LegalBasis = SheetRows.Text(cells, "法律依据"), ResponsibleDepartment = SheetRows.Text(cells, "实施主体"),
                TownLevel = SheetRows.Flag(cells, "镇街事项", number, errors) ?? false,
                TownClass = SheetRows.Text(cells, "承接镇街类别"), ReceivingTowns = SheetRows.Text(cells, "承接镇街"),
                BenchmarkText = SheetRows.Text(cells, "裁量基准"),
            };
            var problems = CatalogueService.Check(request, out var levels);
            foreach (var (field, messages) in problems)
                errors.AddRange(messages.Select(m => new RowProblem(number, Columns.GetValueOrDefault(field, field), m)));
            if (request.Code is { } code && seen.TryGetValue(code, out var first))
                errors.Add(new RowProblem(number, "事项编码", $"事项编码“{code}”与第{first}行重复"));
            else if (request.Code is not null)
                seen[request.Code] = number;
            if (errors.Count == before)
                checkedRows.Add((number, request, levels));
        }

        var codes = checkedRows.Select(r => r.Request.Code!).ToList();
        var existing = await db.EnforcementItems().Where(i => i.OrgUnitId == owner.Id && codes.Contains(i.Code)).ToDictionaryAsync(i => i.Code, ct);
        int created = 0, updated = 0, unchanged = 0;
        foreach (var (_, request, levels) in checkedRows)
        {
            if (!existing.TryGetValue(request.Code!, out var item))
                created++;
            else if (item.IsActive && CatalogueService.Same(item, request, levels))
                unchanged++;
            else
                updated++;
        }
        if (errors.Count > 0 || dryRun)
            return new SheetImportResult(dryRun, false, rows.Count, created, updated, unchanged, [.. errors.OrderBy(e => e.Row)]);

        foreach (var (_, request, levels) in checkedRows)
        {
            if (existing.TryGetValue(request.Code!, out var item))
            {
                if (item.IsActive && CatalogueService.Same(item, request, levels))
                    continue;
                item.IsActive = true;
            }
            else
                item = db.EnforcementItems().Add(new EnforcementItem { OrgUnitId = owner.Id, Code = "", Name = "", Field = "", LegalBasis = "" }).Entity;
            CatalogueService.Apply(item, request, levels);
        }
        await db.SaveChangesAsync(ct); // one save, one transaction: all rows or none
        return new SheetImportResult(false, true, rows.Count, created, updated, unchanged, []);
    }
}
