using Fazhi.Web.Kernel.Access;
using Fazhi.Web.Data;
using Fazhi.Web.Kernel;
using Fazhi.Web.Kernel.Orgs;
using Fazhi.Web.Kernel.Web;
using Fazhi.Web.Modules.Reconsideration.Features;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Fazhi.Web.Modules.Reconsideration.Pages;

[RequiresPermission(ReconPermissions.CaseIntake)]
public sealed class NewModel(ReconCaseService cases, FazhiDb db) : FazhiPageModel
{
    public IntakeRequest Input { get; private set; } = new(null, "自然人", null, null, null, null, null, null, null, "窗口", null);
    public List<OrgUnit> Respondents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Input = Input with { ReceivedAt = ChinaTime.Now(db.Clock), SubmissionToken = Guid.NewGuid().ToString("N") };
        await LoadAsync(ct);
    }

    [RequiresPermission(ReconPermissions.CaseIntake)]
    public async Task<IActionResult> OnPostAsync(IntakeRequest input, CancellationToken ct)
    {
        Input = input;
        if (await TryAsync(() => cases.IntakeAsync(input, ct)) is { } c)
        {
            Message = $"已登记，案号 {c.CaseNumber}。";
            return Redirect($"/reconsideration/cases/{c.Id}");
        }
        await LoadAsync(ct);
        return Page();
    }

    /// <summary>被申请人: the agencies (not regions) the user can see.</summary>
    private async Task LoadAsync(CancellationToken ct) =>
        Respondents = await db.OrgUnits.AsNoTracking()
            .Where(o => o.IsActive && (o.Kind == OrgKind.EnforcementDepartment || o.Kind == OrgKind.JusticeBureau || o.Kind == OrgKind.JusticeOffice || o.Kind == OrgKind.LegalServiceCenter))
            .OrderBy(o => o.Path).ToListAsync(ct);
}
