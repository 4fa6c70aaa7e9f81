using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Enforcement.Features.Plans;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Enforcement.Pages;

[RequiresPermission(EnforcementPermissions.PlanView)]
[UploadLimit(PlanService.MaxBytes)]
public sealed class PlansModel(PlanService plans, JointInspectionService joints, FazhiDb db, TimeProvider clock) : FazhiPageModel
{
    public sealed class PlanForm
    {
        public string? Department { get; set; }
        public string? CreditCode { get; set; }
        public string? Name { get; set; }
        public int? Year { get; set; }
        public int? Month { get; set; }
        public string? Items { get; set; }
    }

    public sealed record Unit(string Code, string Name);

    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? Month { get; set; }
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Joint { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    [BindProperty(SupportsGet = true)] public int? Size { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }

    [BindProperty] public PlanForm Input { get; set; } = new();

    public PlanFilter Filter => new() { Year = Year, Month = Month, Department = Department, Q = Q, Joint = Joint, Page = PageNumber, PageSize = PageSizes.Of(Size) };
    public Page<PlanRow> Result { get; private set; } = new([], 0, 1, 20);
    public Page<JointRow> Joints { get; private set; } = new([], 0, 1, 50);
    public List<Unit> Departments { get; private set; } = [];
    public PlanImportResult? Imported { get; private set; }
    public ProposeResult? Proposed { get; private set; }
    public int ThisYear => DateOnly.FromDateTime(ChinaTime.Now(clock)).Year;

    public bool CanFile => User.Can(EnforcementPermissions.PlanFile);
    public bool CanSupervise => User.Can(EnforcementPermissions.PlanJoint);

    public string AllErrors => string.Join("；", ModelState.Values.SelectMany(v => v.Errors).Select(e => e.ErrorMessage));

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    [RequiresPermission(EnforcementPermissions.PlanFile)]
    public async Task<IActionResult> OnPostFileAsync(CancellationToken ct)
    {
        var input = new PlanInput(Input.CreditCode, Input.Name, Input.Year, Input.Month, PlanService.SplitItems(Input.Items ?? ""), Input.Department);
        if (await TryAsync(() => plans.SaveAsync([input], null, ct)) is { } saved)
        {
            Message = saved.Created > 0 ? "已报备检查计划。" : saved.Updated > 0 ? "已更新检查计划。" : "该计划已报备，内容未变化。";
            return Redirect("/enforcement/plans");
        }
        await LoadAsync(ct);
        return Page();
    }

    [RequiresPermission(EnforcementPermissions.PlanFile)]
    public async Task<IActionResult> OnPostDeleteAsync(long id, CancellationToken ct)
    {
        if (await TryAsync(() => plans.DeleteAsync(id, ct)))
        {
            Message = "已撤回检查计划。";
            return Redirect("/enforcement/plans");
        }
        await LoadAsync(ct);
        return Page();
    }

    [RequiresPermission(EnforcementPermissions.PlanFile)]
    public async Task<IActionResult> OnPostImportAsync(IFormFile? file, string? importDepartment, bool dryRun, CancellationToken ct)
    {
        if (file is null || file.Length == 0)
            ModelState.AddModelError("", "请选择检查计划表（.xlsx）。");
        else
        {
            await using var stream = file.OpenReadStream();
            Imported = await TryAsync(() => plans.ImportAsync(stream, importDepartment, dryRun, ct));
        }
        await LoadAsync(ct);
        return Page();
    }

    [RequiresPermission(EnforcementPermissions.PlanJoint)]
    public async Task<IActionResult> OnPostProposeAsync(int? proposeYear, int? proposeMonth, CancellationToken ct)
    {
        Proposed = await TryAsync(() => joints.ProposeAsync(proposeYear, proposeMonth, ct));
        if (Proposed is { } r)
            Message = $"已生成联合检查建议：新增{r.Proposed}项，更新{r.Updated}项，撤销{r.Removed}项，未变化{r.Unchanged}项。";
        await LoadAsync(ct);
        return Page();
    }

    [RequiresPermission(EnforcementPermissions.PlanJoint)]
    public async Task<IActionResult> OnPostConfirmAsync(long jointId, string? leadDepartment, CancellationToken ct)
    {
        if (await TryAsync(() => joints.ConfirmAsync(jointId, new ConfirmRequest(leadDepartment), ct)) is { } row)
        {
            Message = $"已确认对{row.TargetName}的联合检查，牵头部门：{row.Lead}。";
            return Redirect("/enforcement/plans");
        }
        await LoadAsync(ct);
        return Page();
    }

    [RequiresPermission(EnforcementPermissions.PlanJoint)]
    public async Task<IActionResult> OnPostDeclineAsync(long jointId, CancellationToken ct)
    {
        if (await TryAsync(() => joints.DeclineAsync(jointId, ct)) is { } row)
        {
            Message = $"已决定不合并对{row.TargetName}的检查。";
            return Redirect("/enforcement/plans");
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        Result = await TryAsync(() => plans.SearchAsync(Filter, ct)) ?? Result;
        Joints = await TryAsync(() => joints.SearchAsync(new JointFilter { Status = Status, Year = Year, Month = Month, PageSize = 50 }, ct)) ?? Joints;
        Departments = await db.OrgUnits.AsNoTracking().Where(o => o.Kind == OrgKind.EnforcementDepartment).OrderBy(o => o.Path)
            .Select(o => new Unit(o.Code, o.Name)).ToListAsync(ct);
    }

    public static string StatusTag(string? status) => status switch
    {
        "Proposed" => "tag-warn",
        "Confirmed" => "tag-ok",
        "Declined" => "tag-off",
        _ => "tag-off",
    };
}
