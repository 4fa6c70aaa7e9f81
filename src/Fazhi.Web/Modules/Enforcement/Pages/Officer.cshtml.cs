using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Enforcement.Features.Officers;
using Microsoft.AspNetCore.Mvc;

namespace Fazhi.Web.Modules.Enforcement.Pages;

[RequiresPermission(EnforcementPermissions.OfficerView)]
public sealed class OfficerModel(OfficerService officers) : FazhiPageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }

    public OfficerDetail Detail { get; private set; } = null!;
    public List<OrgUnit> Departments { get; private set; } = [];
    public bool CanEdit { get; private set; }
    /// <summary>The edit form's values: the stored ones, or what was posted when it failed its checks.</summary>
    public OfficerRequest Edit { get; private set; } = new();
    public DateOnly Today => officers.Today;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        return Page();
    }

    [RequiresPermission(EnforcementPermissions.OfficerEdit)]
    public Task<IActionResult> OnPostUpdateAsync(OfficerRequest edit, CancellationToken ct) =>
        PostAsync(() => officers.UpdateAsync(Id, edit, ct), "已保存。", ct, edit);

    [RequiresPermission(EnforcementPermissions.CertificateStatus)]
    public Task<IActionResult> OnPostStatusAsync(StatusRequest change, CancellationToken ct) =>
        PostAsync(() => officers.ChangeStatusAsync(Id, change, ct), $"执法证状态已变更为“{change.Status}”。", ct);

    [RequiresPermission(EnforcementPermissions.OfficerEdit)]
    public Task<IActionResult> OnPostReviewAsync(ReviewRequest review, CancellationToken ct) =>
        PostAsync(() => officers.AddReviewAsync(Id, review, ct), $"已登记{review.Year}年度{(review.Kind == "fourYear" ? "四年年审" : "年审")}。", ct);

    [RequiresPermission(EnforcementPermissions.OfficerEdit)]
    public Task<IActionResult> OnPostTrainingAsync(int year, TrainingRequest training, CancellationToken ct) =>
        PostAsync(() => officers.SetTrainingAsync(Id, year, training, ct), $"已登记{year}年度培训与考试情况。", ct);

    private async Task<IActionResult> PostAsync(Func<Task<OfficerDetail>> action, string done, CancellationToken ct, OfficerRequest? posted = null)
    {
        CanEdit = User.Can(EnforcementPermissions.OfficerEdit);
        if (!CanEdit)
            return Forbid();
        if (await TryAsync(action) is not null)
        {
            Message = done;
            return Redirect($"/enforcement/officer/{Id}");
        }
        if (!await LoadAsync(ct))
            return NotFound();
        if (posted is not null)
            Edit = posted;
        return Page();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        CanEdit = User.Can(EnforcementPermissions.OfficerEdit);
        try
        {
            Detail = await officers.GetAsync(Id, ct);
        }
        catch (NotFoundException)
        {
            return false;
        }
        Departments = await officers.DepartmentsAsync(ct);
        var o = Detail.Officer;
        Edit = new OfficerRequest
        {
            Name = o.Name, CertificateNumber = o.CertificateNumber, Department = o.DepartmentCode, Field = o.Field,
            IssuedOn = DateOnly.ParseExact(o.IssuedOn, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ExpiresOn = DateOnly.ParseExact(o.ExpiresOn, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        };
        return true;
    }

    /// <summary>Every error of the last post (the page has several small forms; their errors are listed together).</summary>
    public IEnumerable<string> Errors() => ModelState.Values.SelectMany(v => v.Errors.Select(e => e.ErrorMessage)).Distinct();
}
