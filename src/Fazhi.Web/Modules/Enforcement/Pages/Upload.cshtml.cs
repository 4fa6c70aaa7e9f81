using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Enforcement.Import;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Enforcement.Pages;

/// <summary>
/// 数据报送: a department without its own system fills in the 报送表 and uploads it here; bureau staff may enter a
/// department's sheet for it. The rows go through the same checks and the same ingestion as the batch API.
/// </summary>
[RequiresPermission(EnforcementPermissions.RecordSubmit)]
[UploadLimit(MaxBytes)]
public sealed class UploadModel(RecordIngestion ingestion, FazhiDb db) : FazhiPageModel
{
    public const long MaxBytes = RecordSheet.MaxBytes;

    /// <summary>The caller's own unit when it is a department: its records only, no choice.</summary>
    public OrgUnit? OwnDepartment { get; private set; }
    public List<OrgUnit> Departments { get; private set; } = [];
    public string? Department { get; private set; }
    public BatchResult? Result { get; private set; }
    public string? FileName { get; private set; }
    public bool CanAct => EnforcementView.CanAct(User);
    public int MaxRows => ingestion.MaxBatchSize;

    public async Task OnGetAsync(string? department, CancellationToken ct)
    {
        Department = department;
        await LoadAsync(ct);
    }

    [RequiresPermission(EnforcementPermissions.RecordSubmit)]
    public async Task<IActionResult> OnPostAsync(IFormFile? file, string? department, CancellationToken ct)
    {
        if (!CanAct)
            return Forbid();
        Department = department;
        await LoadAsync(ct);
        FileName = file?.FileName;
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", "请选择按模板填写的 .xlsx 文件。");
            return Page();
        }
        if (file.Length > MaxBytes)
        {
            ModelState.AddModelError("file", $"文件超过{MaxBytes / 1024 / 1024}MB，请分批上传。");
            return Page();
        }
        try
        {
            Result = await TryAsync(async () =>
            {
                var unit = await ingestion.ResolveDepartmentAsync(OwnDepartment?.Code ?? department, ct);
                await using var stream = file.OpenReadStream();
                var items = RecordSheet.Read(stream, ingestion.MaxBatchSize);
                if (items.Count == 0)
                    throw FazhiValidationException.For("file", "表格中没有数据行。");
                return await ingestion.IngestAsync(unit, items, "excel", ct);
            });
        }
        catch (PayloadTooLargeException e)
        {
            ModelState.AddModelError("file", e.Message);
        }
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        if (db.Actor.OrgUnitId is { } own)
            OwnDepartment = await db.OrgUnits.AsNoTracking().FirstOrDefaultAsync(o => o.Id == own && o.Kind == OrgKind.EnforcementDepartment, ct);
        if (OwnDepartment is null)
            Departments = await EnforcementView.UnitsAsync(db, departmentsOnly: true, ct);
    }

    public string DepartmentName(string code) =>
        OwnDepartment is { } own && own.Code == code ? own.Name : Departments.FirstOrDefault(d => d.Code == code)?.Name ?? code;

    /// <summary>Rows of the sheet are numbered as Excel shows them: the header is row 1.</summary>
    public static int ExcelRow(RejectedRecord r) => r.Index + 2;

    /// <summary>A reason without its “第N行 ” (the table shows the row in a column of its own).</summary>
    public static string WithoutRow(RejectedRecord r, string reason) =>
        reason.StartsWith($"第{ExcelRow(r)}行 ", StringComparison.Ordinal) ? reason[$"第{ExcelRow(r)}行 ".Length..] : reason;
}
