using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Ids;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Sheets;
using Fazhi.Web.Modules.Enforcement.Data;
using Fazhi.Web.Modules.Enforcement.Domain;
using Fazhi.Web.Modules.Enforcement.Features.Catalogue;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Enforcement.Features.Officers;

/// <summary>
/// 执法证台账 as a spreadsheet: the export is also the import template. By 执法证号 the import is idempotent (a known
/// number updates that certificate, an identical row changes nothing) and all-or-nothing. A status column other than
/// the current one is a status change under the same rules as the status endpoint (注销/撤销 are final). The export
/// masks ID numbers; a masked number read back means "unchanged".
/// </summary>
public sealed class OfficerSheet(FazhiDb db, OfficerService officers)
{
    public static readonly string[] Headers =
        ["姓名", "身份证号", "执法证号", "执法部门", "部门代码", "执法领域", "发证日期", "有效期至", "状态", "状态日期", "状态原因"];

    private static readonly string[] Required = ["姓名", "执法证号", "执法部门", "发证日期", "有效期至"];

    private static readonly Dictionary<string, string> Columns = new()
    {
        ["name"] = "姓名", ["idNumber"] = "身份证号", ["certificateNumber"] = "执法证号", ["department"] = "执法部门", ["field"] = "执法领域",
        ["issuedOn"] = "发证日期", ["expiresOn"] = "有效期至", ["status"] = "状态", ["statusSince"] = "状态日期", ["statusReason"] = "状态原因",
    };

    private sealed record Plan(OfficerRequest Request, OrgUnit Department, Officer? Existing, CertificateStatus? NewStatus, DateOnly On, string? Reason);

    public async Task<byte[]> ExportAsync(OfficerFilter filter, CancellationToken ct)
    {
        var list = await officers.ListAsync(filter, ct);
        return await SheetRows.WriteAsync(list.Select(x => new Dictionary<string, object?>
        {
            ["姓名"] = x.Row.Name, ["身份证号"] = x.Row.IdNumberMasked, ["执法证号"] = x.Row.CertificateNumber, ["执法部门"] = x.Row.Department,
            ["部门代码"] = x.Row.DepartmentCode, ["执法领域"] = x.Row.Field, ["发证日期"] = x.Row.IssuedOn, ["有效期至"] = x.Row.ExpiresOn,
            ["状态"] = x.Row.StatusName, ["状态日期"] = x.Row.StatusSince, ["状态原因"] = x.Row.StatusReason,
        }), Headers, ct);
    }

    public async Task<SheetImportResult> ImportAsync(Stream file, bool dryRun, CancellationToken ct)
    {
        var errors = new List<RowProblem>();
        var rows = SheetRows.Read(file, Required, errors);
        if (errors.Count > 0)
            return new SheetImportResult(dryRun, false, rows.Count, 0, 0, 0, errors);

        var departments = await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgKind.EnforcementDepartment).ToListAsync(ct);
        var numbers = rows.Select(r => SheetRows.Text(r.Cells, "执法证号")).OfType<string>().Distinct().ToList();
        var known = new Dictionary<string, Officer>();
        foreach (var part in numbers.Chunk(1000))
            foreach (var o in await db.Officers().ForUniquenessCheck().Where(o => part.Contains(o.CertificateNumber)).ToListAsync(ct))
                known[o.CertificateNumber] = o;
        var visible = new HashSet<long>();
        foreach (var part in numbers.Chunk(1000))
            visible.UnionWith(await db.Officers().Where(o => part.Contains(o.CertificateNumber)).Select(o => o.Id).ToListAsync(ct));

        var plans = new List<Plan>();
        var seen = new Dictionary<string, int>();
        int created = 0, updated = 0, unchanged = 0;
        foreach (var (number, cells) in rows)
        {
            var rowErrors = new List<RowProblem>();
            DateOnly? Date(string column)
            {
                var cell = cells.TryGetValue(column, out var v) ? v : null;
                if (SheetDates.TryParse(cell, out var d, out var error))
                    return d;
                if (error is not null)
                    rowErrors.Add(new RowProblem(number, column, error));
                return null;
            }
            var certificate = SheetRows.Text(cells, "执法证号");
            known.TryGetValue(certificate ?? "", out var existing);
            var request = new OfficerRequest
            {
                Name = SheetRows.Text(cells, "姓名"), IdNumber = SheetRows.Text(cells, "身份证号"), CertificateNumber = certificate,
                Field = SheetRows.Text(cells, "执法领域"), IssuedOn = Date("发证日期"), ExpiresOn = Date("有效期至"),
            };
            if (request.IdNumber is { } id && id.Contains('*', StringComparison.Ordinal))
            {
                if (existing is not null && PersonalData.MaskIdNumber(existing.IdNumber) == id)
                    request.IdNumber = null; // the export's mask read back: keep the stored number
                else
                    rowErrors.Add(new RowProblem(number, "身份证号", "身份证号被遮盖，请填写完整的18位号码"));
            }
            var since = Date("状态日期");
            var reason = SheetRows.Text(cells, "状态原因");
            CertificateStatus? status = null;
            if (SheetRows.Text(cells, "状态") is { } statusText)
            {
                status = CertificateNames.Parse(statusText);
                if (status is null)
                    rowErrors.Add(new RowProblem(number, "状态", $"状态应为有效、暂扣、注销或撤销，不是“{statusText}”"));
            }
            var taken = rowErrors.Select(e => e.Column).ToHashSet();
            foreach (var (field, messages) in officers.CheckFields(request, existing is not null && visible.Contains(existing.Id) ? existing : null))
                if (!taken.Contains(Columns[field]))
                    rowErrors.AddRange(messages.Select(m => new RowProblem(number, Columns[field], m)));

            var department = Department(cells, departments, number, rowErrors);
            if (certificate is not null)
            {
                if (seen.TryGetValue(certificate, out var first))
                    rowErrors.Add(new RowProblem(number, "执法证号", $"执法证号“{certificate}”与第{first}行重复"));
                else
                    seen[certificate] = number;
                if (existing is not null && !visible.Contains(existing.Id))
                    rowErrors.Add(new RowProblem(number, "执法证号", UniquenessMessages.Taken("执法证号", certificate) + "，本机构不能导入")); // whose: not said
            }

            CertificateStatus? change = null;
            var on = since ?? officers.Today;
            if (rowErrors.Count == 0)
            {
                var target = status ?? existing?.Status ?? CertificateStatus.Valid;
                if (existing is null ? target != CertificateStatus.Valid : target != existing.Status)
                {
                    change = target;
                    var statusErrors = new Dictionary<string, string[]>();
                    officers.CheckStatusFields(target, existing is null ? since : on, reason, request.IssuedOn, existing?.StatusSince, "statusSince", "statusReason", statusErrors);
                    foreach (var (field, messages) in statusErrors)
                        rowErrors.AddRange(messages.Select(m => new RowProblem(number, Columns[field], m)));
                }
                var same = existing is not null && change is null && OfficerService.Same(existing, request, department!);
                if (existing is not null && OfficerService.IsFinal(existing.Status) && !same)
                    rowErrors.Add(new RowProblem(number, "执法证号",
                        $"执法证已于{OfficerService.Iso(existing.StatusSince)}{CertificateNames.Of(existing.Status)}，不能再作任何变更"));
                if (rowErrors.Count == 0)
                {
                    if (existing is null) created++;
                    else if (same) unchanged++;
                    else updated++;
                    if (!same)
                        plans.Add(new Plan(request, department!, existing, change, on, reason));
                }
            }
            errors.AddRange(rowErrors);
        }
        if (errors.Count > 0 || dryRun)
            return new SheetImportResult(dryRun, false, rows.Count, created, updated, unchanged, [.. errors.OrderBy(e => e.Row)]);

        var touched = new List<Officer>();
        foreach (var p in plans)
        {
            var officer = p.Existing ?? db.Officers().Add(OfficerService.New()).Entity;
            OfficerService.Apply(officer, p.Request, p.Department);
            if (p.NewStatus is { } s)
                officer.ChangeStatus(s, p.On, p.Reason);
            if (p.Existing is not null)
                officer.Version++;
            touched.Add(officer);
        }
        await officers.SaveAsync(touched, ct); // one transaction: all rows or none
        return new SheetImportResult(false, true, rows.Count, created, updated, unchanged, []);
    }

    /// <summary>The department by 部门代码, or by the code or exact name in 执法部门.</summary>
    private static OrgUnit? Department(IDictionary<string, object?> cells, List<OrgUnit> departments, int number, List<RowProblem> errors)
    {
        var code = SheetRows.Text(cells, "部门代码");
        var text = SheetRows.Text(cells, "执法部门");
        if (code is not null)
        {
            var byCode = departments.FirstOrDefault(d => d.Code == code);
            if (byCode is null)
                errors.Add(new RowProblem(number, "部门代码", $"“{code}”不是本级或下级的执法部门"));
            return byCode;
        }
        if (text is null)
        {
            errors.Add(new RowProblem(number, "执法部门", "请填写执法部门（名称或机构代码）"));
            return null;
        }
        var matches = departments.Where(d => d.Code == text || d.Name == text).ToList();
        if (matches.Count == 1)
            return matches[0];
        errors.Add(new RowProblem(number, "执法部门", matches.Count == 0
            ? $"“{text}”不是本级或下级的执法部门"
            : $"有{matches.Count}个执法部门名为“{text}”，请在“部门代码”列填写机构代码"));
        return null;
    }
}
